import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { FixedClock } from '../common/clock/clock';
import { createDataSource } from '../database/data-source';
import { FraudFlagEntity } from '../modules/fraud/fraud-flag.entity';
import { FraudRepository } from '../modules/fraud/fraud.repository';
import { FraudService } from '../modules/fraud/fraud.service';
import { ensureBenchDatabase, migrate } from './bench-db';
import { generateProvince, readMeta } from './generate';

/**
 * `node dist/bench/fraud.js [--posts 100000] [--runs 3] [--old-query]` (from `apps/api`, after
 * `pnpm build`): times the fraud scan (FraudService.scan over every region, as the daily job
 * runs it) on PostgreSQL at BENCH_FRAUD_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/mmg_fraud_bench, a throwaway database created, migrated
 * and filled with a generated province of --posts posts when empty.
 *
 * The generated titles are "<type label>岗位<n>": normalised (digits dropped) every post of a
 * type looks like every other of its employer, and they are all created in the last 60 days,
 * so nearly every post is a near-duplicate candidate: the worst case for the rule.
 *
 * --old-query also times the former candidate query (a correlated count over the CTE), with a
 * statement timeout of 10 minutes.
 */
const log = (line: string) => process.stdout.write(`${line}\n`);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const OLD_QUERY = `WITH recent AS (
   SELECT p.* FROM posts p
    WHERE ($1::text IS NULL OR p.region_code LIKE $1) AND (p.created_at >= $2::date OR p.status = 'open'))
 SELECT r.id FROM recent r
  WHERE (SELECT count(*) FROM recent o WHERE o.employer_id = r.employer_id) > 1
  ORDER BY r.employer_id, r.created_at
  LIMIT 20000`;

async function main(): Promise<void> {
  const url = process.env.BENCH_FRAUD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mmg_fraud_bench';
  const posts = arg('--posts', 100_000);
  const runs = arg('--runs', 3);
  await ensureBenchDatabase(url, log);
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const meta = await readMeta(client);
    const [{ n }] = (await client.query<{ n: string }>('SELECT count(*) AS n FROM posts')).rows as [{ n: string }];
    if (Number(n) === 0) {
      log(`generating ${posts} posts`);
      await generateProvince(client, { posts, employers: 1_000, mothers: 10_000, motherAccounts: 100 }, log);
      await client.query('VACUUM ANALYZE');
    } else {
      log(`kept: ${n} posts${meta ? ` (generated ${meta.generatedAt})` : ''}`);
    }
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
    log(`PostgreSQL ${version}; ${cpus().length} cores; load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);

    if (process.argv.includes('--old-query')) {
      await client.query(`SET statement_timeout = '10min'`);
      const t0 = performance.now();
      try {
        await client.query(OLD_QUERY, [null, new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10)]);
        log(`former candidate query: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        log(`former candidate query: stopped after ${((performance.now() - t0) / 1000).toFixed(1)} s (${(e as Error).message})`);
      }
      await client.query(`RESET statement_timeout`);
    }
  } finally {
    await client.end();
  }

  const dataSource = createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  try {
    const now = new Date();
    const service = new FraudService(new FraudRepository(dataSource.getRepository(FraudFlagEntity)), new FixedClock(now));
    for (let run = 1; run <= runs; run++) {
      const t0 = performance.now();
      const summary = await service.scan(now);
      const ms = performance.now() - t0;
      log(`scan ${run}: ${(ms / 1000).toFixed(2)} s; found ${summary.found} (created ${summary.created}, updated ${summary.updated}); ${JSON.stringify(summary.byRule)}`);
    }
    const t0 = performance.now();
    const city = await service.scan(now, { regionCode: '371000' });
    log(`scan of one city (371000): ${((performance.now() - t0) / 1000).toFixed(2)} s; found ${city.found}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
