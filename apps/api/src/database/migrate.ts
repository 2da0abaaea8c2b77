import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * `pnpm migration:run`: applies pending migrations to DATABASE_URL (or to the embedded
 * database in DATA_DIR) without starting the API, e.g. before a release. The API also
 * runs them when it starts.
 */
async function run(): Promise<void> {
  const { config } = loadConfig(process.env);
  const embedded = config.databaseUrl === undefined ? await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: 1 }) : undefined;
  const dataSource = createDataSource({ url: config.databaseUrl ?? embedded!.url, poolSize: 1 });
  try {
    await dataSource.initialize(); // migrationsRun: applies what is pending
    const applied = await dataSource.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id');
    process.stdout.write(`migrations applied: ${applied.map((m) => m.name).join(', ') || 'none'}\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
