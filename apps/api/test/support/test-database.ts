import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

export type TestDbKind = 'pglite' | 'postgres';

/** `TEST_DB=postgres` runs the suite on a real PostgreSQL; the default is PGlite. */
export function testDbKind(): TestDbKind {
  const kind = process.env.TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_DB must be pglite or postgres (got "${kind}")`);
  return kind;
}

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Set by global-setup.ts: a PGlite data folder, already migrated, to copy for each test. */
export const TEMPLATE_ENV = 'MMG_PGLITE_TEMPLATE';

export interface TestDatabase {
  readonly kind: TestDbKind;
  readonly url: string;
  /** Makes every connection, present and future, fail: to test how the API copes. */
  makeUnavailable(): Promise<void>;
  /** Drops the database (postgres) or frees it (PGlite). Close the app first. */
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Connections the app's pool opens; PGlite's server must accept that many. */
  readonly poolSize?: number;
}

/** A new, empty database of the kind TEST_DB names, private to the caller. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const poolSize = options.poolSize ?? 10;
  return testDbKind() === 'postgres' ? createPostgresDatabase() : createPgliteDatabase(poolSize);
}

async function createPgliteDatabase(poolSize: number): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  // Loading the template skips initdb and the migrations: about 0.5 s instead of 3.5 s.
  const loadDataDir = template !== undefined && existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
  const embedded = await startEmbeddedPostgres({ maxConnections: poolSize, loadDataDir });
  let stopped = false;
  return {
    kind: 'pglite',
    url: embedded.url,
    makeUnavailable: async () => {
      // Closes the socket server: open connections drop and new ones are refused.
      stopped = true;
      await embedded.stop();
    },
    close: async () => {
      if (!stopped) await embedded.stop();
      stopped = true;
    },
  };
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const name = `mmg_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    makeUnavailable: () =>
      withAdmin(adminUrl, async (admin) => {
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      }),
    // FORCE: a test that failed half-way may have left connections open.
    close: () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
