import pg from 'pg';
import { createDataSource } from '../database/data-source';
import { generateProvince, readMeta, type ProvinceSize } from './generate';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/mmg_bench';

/**
 * Creates the benchmark database when it is missing (through the server's `postgres` database,
 * as the same user) and its extensions: earthdistance needs a superuser, which the benchmark
 * URL's user is expected to be (`postgres` on a developer machine).
 */
export async function ensureBenchDatabase(url: string, log: (line: string) => void): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE_URL must name a simple database (got "${name}")`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      log(`creating database ${name}`);
      await client.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await client.end();
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (const ext of ['cube', 'earthdistance', 'btree_gist']) await db.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
  } finally {
    await db.end();
  }
}

/** Applies the API's migrations, exactly as the API does at start-up. */
export async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  await dataSource.destroy();
}

/** Makes sure the PostgreSQL bench database holds a generated province of `size` (`pnpm bench`, `pnpm load`). */
export async function ensureProvince(url: string, size: ProvinceSize, regenerate: boolean, log: (line: string) => void): Promise<void> {
  await ensureBenchDatabase(url, log);
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const meta = await readMeta(client);
    if (meta && !regenerate && meta.posts === size.posts) {
      log(`bench database: ${meta.posts} posts, ${meta.mothers} mothers, generated ${meta.generatedAt} (kept; --regenerate rebuilds)`);
      return;
    }
    log(`generating the province into ${redact(url)}: ${size.posts} posts, ${size.employers} employers, ${size.mothers} mothers`);
    const done = await generateProvince(client, size, log);
    log(`generated in ${done.seconds} s`);
  } finally {
    await client.end();
  }
}

export function redact(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}
