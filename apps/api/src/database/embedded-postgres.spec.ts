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
});
