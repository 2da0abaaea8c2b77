import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { TokenSigner } from '../modules/auth/token-signer';
import { samplePoints, type Point } from './db-timing';
import { ms, summarize, table, type Summary } from './stats';

/** Fixed secrets of the benchmark's API process (none is written to disk). */
export const BENCH_SECRETS = {
  TOKEN_SECRET: 'bench-token-secret-bench-token-secret-0001',
  ID_ENCRYPTION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  ID_HASH_KEY: 'a0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9f',
};

export interface HttpResult {
  name: string;
  connections: number;
  durationSec: number;
  requests: number;
  requestsPerSec: number;
  latency: Summary;
  errors: number;
  non2xx: number;
}

export interface ApiProcess {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts the built API (dist/main.js, as `pnpm start` does), logging only warnings, and waits
 * for /health. `env` picks the database: DATABASE_URL, or DATA_DIR for the embedded one.
 *
 * NODE_ENV=test: its one effect on the API is that the in-process timers (the job poller with
 * the daily fraud scan and reminders, the post-closing pass) do not start, so the figures are
 * search's alone, not those of a daily batch that happens to start with the process.
 */
export async function startApi(env: Record<string, string>, log: (line: string) => void, options: { workers?: number } = {}): Promise<ApiProcess> {
  const port = await freePort();
  // One process: dist/main.js; several: dist/cluster.js, the production start with WEB_CONCURRENCY workers.
  const workers = options.workers ?? 1;
  const main = join(__dirname, '..', workers > 1 ? 'cluster.js' : 'main.js');
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      ...BENCH_SECRETS,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ...(workers > 1 ? { WEB_CONCURRENCY: String(workers) } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The cluster's primary says when every worker listens (the first one answers /health before).
  let allListening = workers === 1;
  child.stdout?.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('worker(s) listening')) allListening = true;
    process.stdout.write(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error('the API exited during start-up (see its output above)');
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok && allListening) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) {
      child.kill('SIGTERM');
      throw new Error('the API did not answer /health within 120 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`  API (${workers > 1 ? `dist/cluster.js, ${workers} workers` : 'dist/main.js'}, background timers off) up in ${((performance.now() - started) / 1000).toFixed(1)} s at ${url}`);
  return {
    url,
    stop: async () => {
      if (exited) return;
      const gone = once(child, 'exit');
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** What each request asks: the point varies, a few filters and sorts are mixed in. */
const VARIANTS = ['', '', '', '', '&type=domestic_service', '&minHourly=30', '&modes=flexible_leave,mom_shift', '&sort=distance', '&stage=settled_work', '&page=2'];

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
}

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
}

type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    requests: { setupRequest: (req: AutocannonRequest) => AutocannonRequest }[];
  },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

/** One load run: `nextRequest` gives each request its path and headers. */
export async function load(
  name: string,
  url: string,
  options: { connections: number; durationSec: number; nextRequest: () => AutocannonRequest },
): Promise<HttpResult> {
  // A devDependency: loaded here so that the API itself never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const autocannon = require('autocannon') as Autocannon;
  const latencies: number[] = [];
  const t0 = performance.now();
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.durationSec,
        requests: [{ setupRequest: (req) => ({ ...req, ...options.nextRequest() }) }],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    name,
    connections: options.connections,
    durationSec: options.durationSec,
    requests: latencies.length,
    requestsPerSec: latencies.length / seconds,
    latency: summarize(latencies),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Paths of anonymous searches around the given points, cycling through VARIANTS. */
export function searchRequests(points: readonly Point[]): () => AutocannonRequest {
  let i = 0;
  return () => {
    const p = points[i % points.length] as Point;
    const variant = VARIANTS[i % VARIANTS.length] ?? '';
    i += 1;
    return { method: 'GET', path: `/api/posts/search?lat=${p.lat}&lng=${p.lng}${variant}` };
  };
}

/** Signed-in mothers asking for their recommendations (GET /api/posts/recommended). */
export function recommendedRequests(userIds: readonly string[]): () => AutocannonRequest {
  const signer = new TokenSigner(BENCH_SECRETS.TOKEN_SECRET);
  const headers = userIds.map((id) => ({ authorization: `Bearer ${signer.sign(id, Date.now()).token}` }));
  let i = 0;
  return () => {
    const h = headers[i % headers.length] as Record<string, string>;
    i += 1;
    return { method: 'GET', path: '/api/posts/recommended', headers: h };
  };
}

export async function benchUsers(sql: pg.Client, n: number): Promise<string[]> {
  const rows = await sql.query(`SELECT u.id FROM users u JOIN mothers m ON m.user_id = u.id WHERE u.demo_key LIKE 'bench-mother-%' ORDER BY u.demo_key LIMIT $1`, [n]);
  return rows.rows.map((r) => String(r.id));
}

/**
 * The HTTP run on PostgreSQL: the built API against the bench database, a short warm-up, then
 * `connections` concurrent clients for `durationSec` on /api/posts/search with points that
 * vary, then a shorter run of signed-in mothers on /api/posts/recommended.
 */
export async function runHttpLoad(options: { databaseUrl: string; durationSec: number; connections: number; workers?: number; log: (line: string) => void }): Promise<HttpResult[]> {
  const { log } = options;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let points: Point[];
  let users: string[];
  try {
    points = await samplePoints(client, 2000);
    users = await benchUsers(client, 1000);
  } finally {
    await client.end();
  }
  const api = await startApi({ DATABASE_URL: options.databaseUrl }, log, { workers: options.workers ?? 1 });
  try {
    return await runLoads(api.url, points, users, options.connections, options.durationSec, log);
  } finally {
    await api.stop();
  }
}

export async function runLoads(
  url: string,
  points: readonly Point[],
  users: readonly string[],
  connections: number,
  durationSec: number,
  log: (line: string) => void,
): Promise<HttpResult[]> {
  await load('warm-up', url, { connections: Math.min(10, connections), durationSec: 3, nextRequest: searchRequests(points) });
  const results: HttpResult[] = [];
  const search = await load('GET /api/posts/search (anonymous, varying points and filters)', url, { connections, durationSec, nextRequest: searchRequests(points) });
  results.push(search);
  log(describe(search));
  // Latency when the machine is not saturated: a few clients, same requests.
  const light = await load('GET /api/posts/search, 5 clients', url, { connections: 5, durationSec: Math.max(5, Math.round(durationSec / 2)), nextRequest: searchRequests(points) });
  results.push(light);
  log(describe(light));
  if (users.length > 0) {
    const recommended = await load('GET /api/posts/recommended (signed-in mothers)', url, {
      connections,
      durationSec: Math.max(5, Math.round(durationSec / 2)),
      nextRequest: recommendedRequests(users),
    });
    results.push(recommended);
    log(describe(recommended));
  }
  return results;
}

function describe(r: HttpResult): string {
  return `  ${r.name}: ${r.requestsPerSec.toFixed(0)} req/s, p50 ${ms(r.latency.p50)} ms, p95 ${ms(r.latency.p95)} ms, p99 ${ms(r.latency.p99)} ms, errors ${r.errors}, non-2xx ${r.non2xx} (${r.requests} requests, ${r.connections} connections, ${r.durationSec} s)`;
}

export function httpTable(results: readonly HttpResult[]): string {
  return table(
    ['route', 'connections × s', 'req/s', 'p50 / p95 / p99 ms', 'errors', 'non-2xx'],
    results.map((r) => [
      r.name,
      `${r.connections} × ${r.durationSec}`,
      r.requestsPerSec.toFixed(0),
      `${ms(r.latency.p50)} / ${ms(r.latency.p95)} / ${ms(r.latency.p99)}`,
      String(r.errors),
      String(r.non2xx),
    ]),
  );
}
