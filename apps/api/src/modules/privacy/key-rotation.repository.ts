import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A column holding a PiiCrypto ciphertext, with the keyed-hash column of the same value, if any. */
export interface CipherColumn {
  table: 'mothers' | 'users' | 'employers';
  cipher: string;
  hash: string | null;
  purpose: 'id' | 'phone';
}

/** Every encrypted column of the schema. A new one must be added here (docs/PRIVACY.md, key rotation). */
export const CIPHER_COLUMNS: readonly CipherColumn[] = [
  { table: 'mothers', cipher: 'id_cipher', hash: 'id_hash', purpose: 'id' },
  { table: 'mothers', cipher: 'phone_cipher', hash: 'phone_hash', purpose: 'phone' },
  { table: 'users', cipher: 'phone_cipher', hash: 'phone_hash', purpose: 'phone' },
  { table: 'employers', cipher: 'contact_phone_cipher', hash: null, purpose: 'phone' },
];

export interface CipherRow {
  id: string;
  cipher: string;
  hash: string | null;
}

/** The only code that reads and rewrites encrypted columns for a key rotation. */
@Injectable()
export class KeyRotationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next batch after `afterId` (keyset order). With `staleOnlyFor`, only ciphertexts made by
   * another key than that key id; otherwise every row with a value (re-hashing needs them all).
   */
  async batch(c: CipherColumn, afterId: string | null, limit: number, staleOnlyFor: string | null): Promise<CipherRow[]> {
    const rows: { id: string; cipher: string; hash: string | null }[] = await this.dataSource.query(
      `SELECT id, ${c.cipher} AS cipher, ${c.hash ?? 'NULL::text'} AS hash FROM ${c.table}
        WHERE ${c.cipher} IS NOT NULL AND ($1::uuid IS NULL OR id > $1::uuid) AND ($2::text IS NULL OR split_part(${c.cipher}, '.', 2) <> $2::text)
        ORDER BY id LIMIT $3`,
      [afterId, staleOnlyFor, limit],
    );
    return rows;
  }

  /** Writes the new values of a batch in one transaction; a row changed since it was read is left for the next run. */
  async update(c: CipherColumn, changes: readonly { id: string; oldCipher: string; cipher: string; hash: string | null }[]): Promise<number> {
    if (changes.length === 0) return 0;
    return this.dataSource.transaction(async (tx) => {
      let n = 0;
      for (const ch of changes) {
        const rows: unknown[] = await tx.query(
          `WITH x AS (UPDATE ${c.table} SET ${c.cipher} = $2${c.hash ? `, ${c.hash} = $4` : ''} WHERE id = $1 AND ${c.cipher} = $3 RETURNING 1) SELECT 1 FROM x`,
          c.hash ? [ch.id, ch.cipher, ch.oldCipher, ch.hash] : [ch.id, ch.cipher, ch.oldCipher],
        );
        n += rows.length;
      }
      return n;
    });
  }
}
