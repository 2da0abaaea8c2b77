import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Encryption at rest for personal data (ID numbers, phones) and keyed hashes to find a person
 * without decrypting. Ciphertexts carry the id of the key that made them, so keys can rotate:
 * new writes use the current key, reads accept any configured previous key, and `reencrypt`
 * moves a value to the current key.
 */
/** `checkin`: fair check-in codes (modules/fairs), so a code is neither stored nor forgeable. */
export type HashPurpose = 'id' | 'phone' | 'checkin';

export interface PiiKeyMaterial {
  encryptionKey: Buffer;
  previousEncryptionKeys?: readonly Buffer[];
  hashKey: Buffer;
}

const VERSION = 'v1';

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export class PiiCrypto {
  private readonly current: { id: string; key: Buffer };
  private readonly byId = new Map<string, Buffer>();
  private readonly hashKey: Buffer;

  constructor(material: PiiKeyMaterial) {
    if (material.encryptionKey.length !== 32) throw new Error('encryption key must be 32 bytes');
    if (material.hashKey.length < 32) throw new Error('hash key must be at least 32 bytes');
    this.current = { id: keyId(material.encryptionKey), key: material.encryptionKey };
    this.byId.set(this.current.id, material.encryptionKey);
    for (const k of material.previousEncryptionKeys ?? []) this.byId.set(keyId(k), k);
    this.hashKey = material.hashKey;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.current.id, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(token: string): string {
    const [version, id, iv, tag, body] = token.split('.');
    if (version !== VERSION || !id || !iv || !tag || body === undefined) throw new Error('malformed ciphertext');
    const key = this.byId.get(id);
    if (!key) throw new Error(`no key ${id} configured to decrypt this value`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** True when the value was encrypted with a key other than the current one. */
  isStale(token: string): boolean {
    return token.split('.')[1] !== this.current.id;
  }

  reencrypt(token: string): string {
    return this.isStale(token) ? this.encrypt(this.decrypt(token)) : token;
  }

  /** Keyed hash: equal inputs give equal hashes, but without the key nobody can test a guessed ID number. */
  hash(purpose: HashPurpose, normalizedValue: string): string {
    return createHmac('sha256', this.hashKey).update(`${purpose}:${normalizedValue}`).digest('hex');
  }

  hashEquals(a: string, b: string): boolean {
    const x = Buffer.from(a, 'hex');
    const y = Buffer.from(b, 'hex');
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
