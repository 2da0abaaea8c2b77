import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { findRepoRoot as repoRoot } from '../config/repo-root';
import { DEFAULT_BENCH_DATABASE_URL, ensureProvince } from './bench-db';
import { baselineTable, dbTimingTable, runDbTiming, type DbTimingResult } from './db-timing';
import { FULL_PROVINCE } from './generate';
import { httpTable, runHttpLoad, type HttpResult } from './http-load';
import { runPgliteBench, type PgliteResult } from './pglite-bench';
import { followupTable, runFollowupBench } from './followup';

/**
 * `pnpm bench [-- --only db,http,pglite] [--regenerate] [--duration 20] [--points 500] [--workers 2]`
 *
 * - db: timings of the search query on PostgreSQL (BENCH_DATABASE_URL, default
 *   postgres://postgres@127.0.0.1:5432/mmg_bench, created when missing) at 1M posts, with the
 *   naive haversine scan as baseline;
 * - http: the built API (dist/main.js) against that database under 50 concurrent clients;
 * - pglite: the same on the embedded database, 1M posts too (--pglite-posts N for a smaller
 *   province, kept in <repo>/.bench/pglite-N), with a smaller HTTP run (10 clients);
 * - followup: the 12333 follow-up at 200,000 registered mothers (see followup.ts).
 *
 * The generated province is kept between runs (bench_meta records it); --regenerate rebuilds it.
 * Results go to the console and, as JSON, to <repo>/.bench/results-<part>.json.
 */
const PARTS = ['db', 'http', 'pglite', 'followup'] as const;
type Part = (typeof PARTS)[number];

interface Args {
  parts: Part[];
  regenerate: boolean;
  durationSec: number;
  points: number;
  connections: number;
  pglitePosts: number;
  /** API processes for the http part (dist/cluster.js when > 1). */
  workers: number;
}

/** A mistake on the command line: reported without a stack trace. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { parts: [...PARTS], regenerate: false, durationSec: 20, points: 500, connections: 50, pglitePosts: 1_000_000, workers: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--') continue;
    else if (a === '--only') {
      const parts = value().split(',');
      for (const p of parts) if (!(PARTS as readonly string[]).includes(p)) throw new UsageError(`--only takes ${PARTS.join(', ')} (got "${p}")`);
      args.parts = parts as Part[];
    } else if (a === '--regenerate') args.regenerate = true;
    else if (a === '--duration') args.durationSec = Number(value());
    else if (a === '--points') args.points = Number(value());
    else if (a === '--connections') args.connections = Number(value());
    else if (a === '--pglite-posts') args.pglitePosts = Number(value());
    else if (a === '--workers') args.workers = Number(value());
    else throw new UsageError(`unknown argument ${a}`);
  }
  if (!(args.points >= 500)) throw new UsageError('--points must be at least 500');
  if (!Number.isInteger(args.workers) || args.workers < 1 || args.workers > 16) throw new UsageError('--workers must be 1 to 16');
  return args;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

function save(name: string, data: unknown): void {
  const dir = join(repoRoot(), '.bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `results-${name}.json`), JSON.stringify({ at: new Date().toISOString(), machine: machine(), load: load(), data }, null, 2));
}

/** Other work on the machine skews every figure: each part prints the load it ran under. */
function load(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores`;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
  log(`machine: ${machine()}`);
  const now = new Date();

  if (args.parts.includes('db') || args.parts.includes('http')) await ensureProvince(url, FULL_PROVINCE, args.regenerate, log);

  if (args.parts.includes('db')) {
    log('\n== PostgreSQL: search query timings ==');
    log(`  ${load()}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let result: DbTimingResult;
    try {
      const version = await client.query('SHOW server_version');
      log(`  PostgreSQL ${String(version.rows[0]?.server_version)}`);
      result = await runDbTiming(client, { points: args.points, baselineRuns: 20, now, log });
    } finally {
      await client.end();
    }
    log(`\n${dbTimingTable(result)}\n\n${baselineTable(result)}`);
    save('db', result);
  }

  if (args.parts.includes('http')) {
    log('\n== PostgreSQL: HTTP /api/posts/search ==');
    log(`  ${load()}`);
    const result: HttpResult[] = await runHttpLoad({ databaseUrl: url, durationSec: args.durationSec, connections: args.connections, workers: args.workers, log });
    log(`\n${httpTable(result)}`);
    save(args.workers > 1 ? `http-${args.workers}w` : 'http', result);
  }

  if (args.parts.includes('pglite')) {
    log('\n== PGlite (embedded) ==');
    log(`  ${load()}`);
    const result: PgliteResult = await runPgliteBench({
      dataDir: join(repoRoot(), '.bench', `pglite-${args.pglitePosts}`),
      size: { posts: args.pglitePosts, employers: 1_000, mothers: Math.max(10_000, Math.round(args.pglitePosts / 5)), motherAccounts: 2_000 },
      regenerate: args.regenerate,
      points: args.points,
      durationSec: Math.max(5, Math.round(args.durationSec / 2)),
      connections: Math.min(args.connections, 10),
      now,
      log,
    });
    log(`\n${dbTimingTable(result.db)}\n\n${baselineTable(result.db)}\n\n${httpTable(result.http)}`);
    save(`pglite-${args.pglitePosts}`, result);
  }
  if (args.parts.includes('followup')) {
    log('\n== PostgreSQL: 12333 follow-up (200,000 registered mothers) ==');
    const result = await runFollowupBench({ url, regenerate: args.regenerate, log });
    log(`\n${result.mothers} mothers, ${result.items} items, ${result.stations} stations, today ${result.today}\n\n${followupTable(result)}`);
    save('followup', result);
  }
}

main().catch((error: unknown) => {
  const text = error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`bench failed: ${text}\n`);
  process.exit(1);
});
