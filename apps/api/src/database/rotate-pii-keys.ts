import 'reflect-metadata';
import { PiiCrypto } from '../common/crypto/pii-crypto';
import { ConfigError, loadConfig } from '../config';
import { KeyRotationRepository } from '../modules/privacy/key-rotation.repository';
import { rotatePiiKeys } from '../modules/privacy/key-rotation';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * `pnpm pii:rotate [--rehash]`: re-encrypts every ID number and phone still encrypted with a
 * previous key (ID_ENCRYPTION_KEY_PREVIOUS) under ID_ENCRYPTION_KEY; with --rehash, also
 * recomputes the keyed hashes under the current ID_HASH_KEY. Safe to run while the API serves;
 * safe to run again. The procedure is in docs/PRIVACY.md ("Key rotation").
 */
async function run(): Promise<void> {
  const { config } = loadConfig(process.env);
  const rehash = process.argv.includes('--rehash');
  const embedded = config.databaseUrl === undefined ? await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: 1 }) : undefined;
  const dataSource = createDataSource({ url: config.databaseUrl ?? embedded!.url, poolSize: 1 });
  try {
    await dataSource.initialize();
    const crypto = new PiiCrypto({ encryptionKey: config.idEncryptionKey, previousEncryptionKeys: config.previousIdEncryptionKeys, hashKey: config.idHashKey });
    const reports = await rotatePiiKeys(new KeyRotationRepository(dataSource), crypto, { rehash, currentKey: config.idEncryptionKey });
    for (const r of reports) process.stdout.write(`${r.column}: scanned ${r.scanned}, re-encrypted ${r.reencrypted}, re-hashed ${r.rehashed}\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
