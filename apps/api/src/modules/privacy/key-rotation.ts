import { keyId, type PiiCrypto } from '../../common/crypto/pii-crypto';
import { CIPHER_COLUMNS, type CipherColumn, type KeyRotationRepository } from './key-rotation.repository';

export interface RotationReport {
  column: string;
  scanned: number;
  reencrypted: number;
  rehashed: number;
}

const BATCH = 500;

/**
 * Moves every encrypted personal value to the current ID_ENCRYPTION_KEY (decrypting with the key
 * that made it, which must still be configured, current or in ID_ENCRYPTION_KEY_PREVIOUS) and, with
 * `rehash`, recomputes the keyed hashes with the current ID_HASH_KEY from the decrypted values.
 * Idempotent and resumable: a second run finds nothing to do. See docs/PRIVACY.md, "Key rotation".
 */
export async function rotatePiiKeys(repo: KeyRotationRepository, crypto: PiiCrypto, options: { rehash: boolean; currentKey: Buffer }): Promise<RotationReport[]> {
  const current = keyId(options.currentKey);
  const reports: RotationReport[] = [];
  for (const column of CIPHER_COLUMNS) reports.push(await rotateColumn(repo, crypto, column, options.rehash ? null : current, options.rehash));
  return reports;
}

async function rotateColumn(repo: KeyRotationRepository, crypto: PiiCrypto, c: CipherColumn, staleOnlyFor: string | null, rehash: boolean): Promise<RotationReport> {
  const report: RotationReport = { column: `${c.table}.${c.cipher}`, scanned: 0, reencrypted: 0, rehashed: 0 };
  let after: string | null = null;
  for (;;) {
    const rows = await repo.batch(c, after, BATCH, staleOnlyFor);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    report.scanned += rows.length;
    const changes = [];
    for (const r of rows) {
      const stale = crypto.isStale(r.cipher);
      const plain = stale || (rehash && c.hash) ? crypto.decrypt(r.cipher) : null;
      const cipher = stale && plain !== null ? crypto.encrypt(plain) : r.cipher;
      const hash = c.hash && plain !== null && rehash ? crypto.hash(c.purpose, plain) : r.hash;
      if (cipher === r.cipher && hash === r.hash) continue;
      changes.push({ id: r.id, oldCipher: r.cipher, cipher, hash });
      if (cipher !== r.cipher) report.reencrypted += 1;
      if (hash !== r.hash) report.rehashed += 1;
    }
    await repo.update(c, changes);
  }
  return report;
}
