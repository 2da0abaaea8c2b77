import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mmg-embedded-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data in DATA_DIR across a restart, with the geo extensions available', async () => {
    const first = await startEmbeddedPostgres({ dataDir, maxConnections: 2 });
    try {
      await query(first.url, 'CREATE EXTENSION IF NOT EXISTS cube; CREATE EXTENSION IF NOT EXISTS earthdistance');
      await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('还在')");
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, maxConnections: 2 });
    try {
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: '还在' }]);
      // Weihai to Rongcheng is about 37 km as the crow flies.
      const [row] = await query<{ km: number }>(
        second.url,
        'SELECT earth_distance(ll_to_earth(37.5131, 122.1201), ll_to_earth(37.1652, 122.4867)) / 1000 AS km',
      );
      expect(row?.km).toBeGreaterThan(40);
      expect(row?.km).toBeLessThan(60);
    } finally {
      await second.stop();
    }
  });

  it('refuses a DATA_DIR that another live process holds', async () => {
    writeFileSync(join(dataDir, 'mamagang-embedded.pid'), String(process.ppid));
    await expect(startEmbeddedPostgres({ dataDir, maxConnections: 1 })).rejects.toThrow(`in use by process ${process.ppid}`);
  });

  it('keeps each connection’s parameterised query whole while other connections run transactions', async () => {
    const db = await startEmbeddedPostgres({ maxConnections: 10 });
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    try {
      await pool.query('CREATE TABLE t (v int)');
      const results = await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          if (i % 2 === 1) return (await pool.query(`SELECT $1::int AS v, ${i} AS w`, [i])).rows[0] as { v: number; w: number };
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('INSERT INTO t VALUES ($1)', [i]);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
          return { v: i, w: i };
        }),
      );
      // Each answer belongs to its own query: no parameter bound to another connection's statement.
      expect(results).toEqual(Array.from({ length: 60 }, (_, i) => ({ v: i, w: i })));
      const rows = await pool.query('SELECT v FROM t ORDER BY v');
      expect(rows.rows.map((r: { v: number }) => r.v)).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
    } finally {
      await pool.end();
      await db.stop();
    }
  }, 20_000);
});
