import { randomBytes } from 'node:crypto';
import { PiiCrypto, keyId } from './pii-crypto';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const hashKey = randomBytes(32);

describe('PiiCrypto', () => {
  it.each(['11010519491231002X', '13812345678', '王小红 身份证'])('round-trips %s and never stores it in clear', (plain) => {
    const crypto = new PiiCrypto({ encryptionKey: k1, hashKey });
    const sealed = crypto.encrypt(plain);
    expect(sealed).not.toContain(plain);
    expect(crypto.decrypt(sealed)).toBe(plain);
  });

  it('gives a fresh ciphertext every time but the same keyed hash', () => {
    const crypto = new PiiCrypto({ encryptionKey: k1, hashKey });
    expect(crypto.encrypt('x')).not.toBe(crypto.encrypt('x'));
    expect(crypto.hash('id', '11010519491231002X')).toBe(crypto.hash('id', '11010519491231002X'));
    expect(crypto.hash('id', '11010519491231002X')).not.toBe(crypto.hash('phone', '11010519491231002X'));
  });

  it('a different hash key gives a different hash (a stolen table cannot be brute-forced without it)', () => {
    const a = new PiiCrypto({ encryptionKey: k1, hashKey });
    const b = new PiiCrypto({ encryptionKey: k1, hashKey: randomBytes(32) });
    expect(a.hash('phone', '13812345678')).not.toBe(b.hash('phone', '13812345678'));
  });

  it('rotates keys: old ciphertexts still open with the previous key and re-encrypt to the new one', () => {
    const old = new PiiCrypto({ encryptionKey: k1, hashKey });
    const sealed = old.encrypt('11010519491231002X');
    const rotated = new PiiCrypto({ encryptionKey: k2, previousEncryptionKeys: [k1], hashKey });
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.decrypt(sealed)).toBe('11010519491231002X');
    const fresh = rotated.reencrypt(sealed);
    expect(fresh.split('.')[1]).toBe(keyId(k2));
    expect(rotated.isStale(fresh)).toBe(false);
    expect(new PiiCrypto({ encryptionKey: k2, hashKey }).decrypt(fresh)).toBe('11010519491231002X');
  });

  it('refuses a value whose key is gone, and a tampered value', () => {
    const sealed = new PiiCrypto({ encryptionKey: k1, hashKey }).encrypt('secret');
    expect(() => new PiiCrypto({ encryptionKey: k2, hashKey }).decrypt(sealed)).toThrow(/no key/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => new PiiCrypto({ encryptionKey: k1, hashKey }).decrypt(parts.join('.'))).toThrow();
  });
});
