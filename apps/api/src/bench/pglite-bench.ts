import pg from 'pg';
import { createDataSource } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runDbTiming, samplePoints, type DbTimingResult, type Point } from './db-timing';
import { generateProvince, readMeta, type BenchMeta, type ProvinceSize } from './generate';
import { benchUsers, runLoads, startApi, type HttpResult } from './http-load';

export interface PgliteResult {
  meta: BenchMeta;
  db: DbTimingResult;
  http: HttpResult[];
}

/**
 * The embedded database (PGlite, PostgreSQL 18 in WebAssembly, single-threaded, in the API's own
 * process), as a user without PostgreSQL runs the product. The same 1M-post province by default
 * (about 3 minutes to generate here; run.ts --pglite-posts N for another size). The data folder
 * (<repo>/.bench/pglite-N) is kept between runs, like the PostgreSQL database. Its HTTP run uses
 * 10 clients: PGlite runs on the API's own thread, so more clients would only queue.
 */
export async function runPgliteBench(options: {
  dataDir: string;
  size: ProvinceSize;
  regenerate: boolean;
  points: number;
  durationSec: number;
  connections: number;
  now: Date;
  log: (line: string) => void;
}): Promise<PgliteResult> {
  const { log } = options;
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, maxConnections: 2 });
  let meta: BenchMeta;
  let db: DbTimingResult;
  let points: Point[];
  let users: string[];
  try {
    const dataSource = createDataSource({ url: embedded.url, poolSize: 1 });
    await dataSource.initialize(); // migrations
    await dataSource.destroy();
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      const found = await readMeta(client);
      if (found && !options.regenerate && found.posts === options.size.posts) {
        meta = found;
        log(`  PGlite data in ${options.dataDir}: ${found.posts} posts (kept; --regenerate rebuilds)`);
      } else {
        log(`  generating ${options.size.posts} posts, ${options.size.mothers} mothers into ${options.dataDir}`);
        meta = await generateProvince(client, options.size, log);
        log(`  generated in ${meta.seconds} s`);
      }
      db = await runDbTiming(client, { points: options.points, baselineRuns: 10, now: options.now, log });
      points = await samplePoints(client, 2000);
      users = await benchUsers(client, 1000);
    } finally {
      await client.end();
    }
  } finally {
    await embedded.stop();
  }
  // The API opens the same folder itself, exactly as `pnpm start` without DATABASE_URL does.
  const api = await startApi({ DATA_DIR: options.dataDir, DATABASE_URL: '' }, log);
  try {
    const http = await runLoads(api.url, points, users, options.connections, options.durationSec, log);
    return { meta, db, http };
  } finally {
    await api.stop();
  }
}
