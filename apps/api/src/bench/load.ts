import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { makeResidentId } from '@mamagang/domain';
import { findRepoRoot } from '../config/repo-root';
import { TokenSigner } from '../modules/auth/token-signer';
import { DEFAULT_BENCH_DATABASE_URL, ensureProvince } from './bench-db';
import { samplePoints, type Point } from './db-timing';
import { FULL_PROVINCE, prng } from './generate';
import { BENCH_SECRETS, startApi } from './http-load';
import { SHANDONG_CITIES } from './province';
import { ms, summarize, table, type Summary } from './stats';

/**
 * `pnpm load [-- --users 100] [--duration 60] [--workers 1] [--think MS]`: the API under a realistic mix of
 * traffic (issue 8), on PostgreSQL with the synthetic province of `pnpm bench`
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/mmg_bench; generated when
 * missing). The built API is started for the run (dist/main.js, or dist/cluster.js with
 * `--workers N`), `--users` clients each send one request after another for `--duration` seconds
 * (a stress test: no pause between a user's taps, autocannon), or, with `--think MS`, pausing
 * between taps for a random time with mean MS (exponential, so users do not tap in step; each
 * starts at a random moment of the first pause): a person reading a list before the next tap.
 *
 * - 70 % search (GET /api/posts/search): a point near a generated mother's home, a mix of filters,
 *   sorts and pages; a quarter of them by signed-in mothers (their own ranking);
 * - 20 % post detail (GET /api/posts/:id) of a searchable post;
 * - 5 % apply (POST /api/posts/:id/applications): a bench mother (2,000 with an account) applies
 *   to an open post she has not applied to, with a fresh Idempotency-Key: every one is a new
 *   application (201);
 * - 5 % station desk: half registrations (POST /api/stations/:id/registrations, a new mother
 *   each time, with a valid ID number and mobile of her own), half 12333 services
 *   (POST /api/mothers/:id/services) for mothers registered at the bench stations.
 *
 * Tokens are signed with the API's configured secret (the bench's fixed TOKEN_SECRET), as the
 * sign-in route would issue them. Setup, idempotent: an official of the 16 cities, one station
 * per city (created through the API) with 4 workers each, and a pool of registered mothers.
 * Per-address rate limits are off for the run (every request comes from 127.0.0.1; the per-user
 * limits stay on). Background timers are off as in `pnpm bench` (NODE_ENV=test): the fraud
 * scan's daily job must not run against a million posts.
 *
 * Prints per kind and in total: requests/s, p50/p95/p99, errors (non-2xx, socket errors and
 * time-outs; count and %). Results also go to <repo>/.bench/results-load-<users>u-<workers>w.json.
 */

interface Args {
  users: number;
  durationSec: number;
  workers: number;
  warmupSec: number;
  /** Mean pause between a user's requests, ms; undefined: back to back. */
  thinkMs?: number;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { users: 100, durationSec: 60, workers: 1, warmupSec: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return Number(v);
    };
    if (a === '--') continue;
    else if (a === '--users') args.users = value();
    else if (a === '--duration') args.durationSec = value();
    else if (a === '--workers') args.workers = value();
    else if (a === '--warmup') args.warmupSec = value();
    else if (a === '--think') args.thinkMs = value();
    else throw new UsageError(`unknown argument ${a} (--users N, --duration S, --workers N, --warmup S, --think MS)`);
  }
  if (!Number.isInteger(args.users) || args.users < 1 || args.users > 1000) throw new UsageError('--users must be 1 to 1000');
  if (args.thinkMs !== undefined && !(args.thinkMs >= 10 && args.thinkMs <= 60_000)) throw new UsageError('--think must be 10 to 60000 ms');
  if (!(args.durationSec >= 1)) throw new UsageError('--duration must be at least 1 second');
  if (!Number.isInteger(args.workers) || args.workers < 1 || args.workers > 16) throw new UsageError('--workers must be 1 to 16');
  if (!(args.warmupSec >= 0)) throw new UsageError('--warmup must be 0 or more seconds');
  return args;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

export const KINDS = ['search', 'post detail', 'apply', 'registration', '12333 service'] as const;
export type Kind = (typeof KINDS)[number];

/** Share of each kind in the mix, in per cent. */
export const MIX: Readonly<Record<Kind, number>> = { search: 70, 'post detail': 20, apply: 5, registration: 2.5, '12333 service': 2.5 };

const STATION_PREFIX = '压测驿站';
const WORKERS_PER_STATION = 4;
const REGISTERED_POOL = 200;
/** Registrations of one run take ID numbers from a block reserved in bench_meta. */
const ID_BLOCK = 50_000;

interface BenchMother {
  userId: string;
  motherId: string;
  token: string;
}

interface Station {
  id: string;
  regionCode: string;
  lat: number;
  lng: number;
  workerTokens: string[];
}

interface Fixtures {
  points: Point[];
  mothers: BenchMother[];
  /** Open posts with a place left, for applications. */
  openPosts: string[];
  /** Searchable posts, for the detail page. */
  listedPosts: string[];
  applied: Set<string>;
  stations: Station[];
  officialToken: string;
  /** Mothers registered at the bench stations: { motherId, station }. */
  registered: { motherId: string; station: Station }[];
  nextId: number;
}


async function upsertUser(sql: pg.Client, demoKey: string, name: string): Promise<string> {
  const rows = await sql.query(
    `INSERT INTO users (display_name, demo_key) VALUES ($1, $2) ON CONFLICT (demo_key) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
    [name, demoKey],
  );
  return String(rows.rows[0]?.id);
}

async function api(base: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Reads what the run needs from the database and creates the bench's official and station workers (SQL). */
async function loadFixtures(sql: pg.Client, signer: TokenSigner): Promise<Fixtures> {
  const sign = (userId: string) => signer.sign(userId, Date.now()).token;
  const points = await samplePoints(sql, 2000);
  const mothers = (
    await sql.query(
      `SELECT u.id AS user_id, m.id AS mother_id FROM users u JOIN mothers m ON m.user_id = u.id WHERE u.demo_key LIKE 'bench-mother-%' ORDER BY u.demo_key`,
    )
  ).rows.map((r) => ({ userId: String(r.user_id), motherId: String(r.mother_id), token: sign(String(r.user_id)) }));
  // A sample of the province's posts (about 2 %), read once.
  const sample = (
    await sql.query(
      `SELECT id, status = 'open' AND filled_count < headcount AND valid_until > now() + interval '2 days' AS can_apply
         FROM posts TABLESAMPLE SYSTEM (2) REPEATABLE (42) WHERE status IN ('open', 'filled') AND valid_until > now() + interval '2 days'`,
    )
  ).rows;
  const applied = new Set(
    (await sql.query(`SELECT a.mother_id, a.post_id FROM applications a JOIN mothers m ON m.id = a.mother_id JOIN users u ON u.id = m.user_id WHERE u.demo_key LIKE 'bench-mother-%'`)).rows.map(
      (r) => `${String(r.mother_id)}:${String(r.post_id)}`,
    ),
  );

  const officialId = await upsertUser(sql, 'bench-official', '压测官员');
  for (const city of SHANDONG_CITIES) {
    await sql.query(`INSERT INTO user_roles (user_id, role, region_code) VALUES ($1, 'official', $2) ON CONFLICT DO NOTHING`, [officialId, city.code]);
  }
  const reserved = await sql.query(
    `INSERT INTO bench_meta (key, value) VALUES ('load_next_id', to_jsonb($1::int))
     ON CONFLICT (key) DO UPDATE SET value = to_jsonb((bench_meta.value #>> '{}')::int + $1::int)
     RETURNING (value #>> '{}')::int - $1::int AS first`,
    [ID_BLOCK],
  );
  return {
    points,
    mothers,
    openPosts: sample.filter((r) => r.can_apply === true).map((r) => String(r.id)),
    listedPosts: sample.map((r) => String(r.id)),
    applied,
    stations: [],
    officialToken: sign(officialId),
    registered: [],
    nextId: Number(reserved.rows[0]?.first ?? 0),
  };
}

/** One station per city, created through the API by the bench official, with its workers. */
async function ensureStations(sql: pg.Client, base: string, f: Fixtures, signer: TokenSigner): Promise<void> {
  for (const city of SHANDONG_CITIES) {
    const name = `${STATION_PREFIX}${city.name}`;
    let found = await sql.query(`SELECT id FROM stations WHERE name = $1`, [name]);
    if (found.rows.length === 0) {
      const created = await api(base, 'POST', '/api/official/stations', f.officialToken, {
        name,
        regionCode: city.code,
        address: `${city.name}压测路1号`,
        location: { lat: city.lat, lng: city.lng },
        openingHours: '周一至周五 9:00-17:00',
        services: ['registration', 'career_guidance', 'job_recommendation'],
        hasChildRoom: true,
      });
      if (created.status !== 201) throw new Error(`creating station ${name}: ${created.status} ${JSON.stringify(created.json)}`);
      found = await sql.query(`SELECT id FROM stations WHERE name = $1`, [name]);
    }
    const stationId = String(found.rows[0]?.id);
    const workerTokens: string[] = [];
    for (let k = 1; k <= WORKERS_PER_STATION; k++) {
      const userId = await upsertUser(sql, `bench-worker-${city.code}-${k}`, `${city.name}压测工作人员${k}`);
      const has = await sql.query(`SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'station_worker' AND station_id = $2`, [userId, stationId]);
      if (has.rows.length === 0) {
        const added = await api(base, 'POST', `/api/official/stations/${stationId}/workers`, f.officialToken, { userId });
        if (added.status !== 200 && added.status !== 201) throw new Error(`adding a worker to ${name}: ${added.status} ${JSON.stringify(added.json)}`);
      }
      workerTokens.push(signer.sign(userId, Date.now()).token);
    }
    f.stations.push({ id: stationId, regionCode: city.code, lat: city.lat, lng: city.lng, workerTokens });
  }
  const byId = new Map(f.stations.map((s) => [s.id, s]));
  const rows = await sql.query(`SELECT mother_id, station_id FROM follow_up_plans WHERE station_id = ANY($1::uuid[]) ORDER BY mother_id LIMIT 5000`, [f.stations.map((s) => s.id)]);
  f.registered = rows.rows.map((r) => ({ motherId: String(r.mother_id), station: byId.get(String(r.station_id)) as Station }));
}

/** A new mother for the registration desk: the k-th ID number and mobile of the bench, both unique. */
export function registrationBody(k: number, station: Station, now: Date): Record<string, unknown> {
  // Born 1986-1995 (day from k), a woman (even 17th digit): unique for k below 3650 × 500.
  const born = new Date(Date.UTC(1986, 0, 1) + (k % 3650) * 86_400_000);
  const ymd = born.toISOString().slice(0, 10).replace(/-/g, '');
  const seq = String((Math.floor(k / 3650) % 500) * 2).padStart(3, '0');
  const child = now.getUTCFullYear() - 1 - (k % 8);
  return {
    name: `压测妈妈${k}`,
    phone: `1${3 + (k % 7)}${String(k).padStart(9, '0')}`,
    idNumber: makeResidentId(`${station.regionCode}${ymd}${seq}`),
    children: [{ birthYear: child, birthMonth: 1 + (k % 12) }],
    home: { lat: station.lat + ((k % 41) - 20) * 0.002, lng: station.lng + ((k % 37) - 18) * 0.002 },
    availableWindows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '15:00' })),
    desiredHourly: 20 + (k % 15),
    wantedTypes: [],
    wantedModes: k % 2 === 0 ? ['flexible_leave'] : [],
    skills: [],
    trainingNeeds: [],
    consent: { noticeVersion: 'sensitive-v1', givenAt: now.toISOString() },
  };
}

const SERVICE_KINDS = ['career_guidance', 'policy_consultation', 'job_recommendation', 'training_notice'] as const;

/** Search variants (as in `pnpm bench`), with `page` and sort mixed in. */
const SEARCH_VARIANTS = ['', '', '', '', '&type=domestic_service', '&minHourly=30', '&modes=flexible_leave,mom_shift', '&sort=distance', '&stage=settled_work', '&page=2'];

interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The request generator: draws a kind from MIX, then its request. */
export function mixedRequests(f: Fixtures, seed: number): () => { kind: Kind; request: LoadRequest } {
  // Seeded by the clock too: with the same sequence every run, the applications' draws would meet
  // the pairs of earlier runs again and again.
  const random = prng((seed ^ Date.now()) >>> 0);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const runId = `${Date.now().toString(36)}${Math.floor(random() * 1e6).toString(36)}`;
  let n = 0;
  const thresholds: { kind: Kind; upTo: number }[] = [];
  let acc = 0;
  for (const kind of KINDS) {
    acc += MIX[kind];
    thresholds.push({ kind, upTo: acc / 100 });
  }
  const json = { 'content-type': 'application/json' };
  return (): { kind: Kind; request: LoadRequest } => {
    n += 1;
    const r = random();
    let kind = (thresholds.find((t) => r < t.upTo) ?? thresholds[0])?.kind as Kind;
    if (kind === '12333 service' && f.registered.length === 0) kind = 'registration';
    switch (kind) {
      case 'search': {
        const p = pick(f.points);
        const variant = pick(SEARCH_VARIANTS);
        const signedIn = random() < 0.25;
        return {
          kind,
          request: {
            method: 'GET',
            path: `/api/posts/search?lat=${p.lat}&lng=${p.lng}${variant}`,
            headers: signedIn ? { authorization: `Bearer ${pick(f.mothers).token}` } : ({} as Record<string, string>),
          },
        };
      }
      case 'post detail':
        return { kind, request: { method: 'GET', path: `/api/posts/${pick(f.listedPosts)}`, headers: {} } };
      case 'apply': {
        // A pair she has not applied to yet: one application each, never a repeat.
        let mother = pick(f.mothers);
        let post = pick(f.openPosts);
        for (let tries = 0; f.applied.has(`${mother.motherId}:${post}`) && tries < 100; tries++) {
          mother = pick(f.mothers);
          post = pick(f.openPosts);
        }
        f.applied.add(`${mother.motherId}:${post}`);
        return {
          kind,
          request: {
            method: 'POST',
            path: `/api/posts/${post}/applications`,
            headers: { ...json, authorization: `Bearer ${mother.token}`, 'idempotency-key': `load-${runId}-${n}` },
            body: JSON.stringify({ source: 'search' }),
          },
        };
      }
      case 'registration': {
        const station = pick(f.stations);
        const k = f.nextId++;
        return {
          kind,
          request: {
            method: 'POST',
            path: `/api/stations/${station.id}/registrations`,
            headers: { ...json, authorization: `Bearer ${pick(station.workerTokens)}` },
            body: JSON.stringify(registrationBody(k, station, new Date())),
          },
        };
      }
      case '12333 service': {
        const { motherId, station } = pick(f.registered);
        const serviceKind = pick(SERVICE_KINDS);
        const postIds = serviceKind === 'job_recommendation' ? [pick(f.openPosts), pick(f.openPosts)].filter((id, i, all) => all.indexOf(id) === i) : undefined;
        return {
          kind,
          request: {
            method: 'POST',
            path: `/api/mothers/${motherId}/services`,
            headers: { ...json, authorization: `Bearer ${pick(station.workerTokens)}` },
            body: JSON.stringify({
              kind: serviceKind,
              servedAt: new Date().toISOString(),
              channel: pick(['in_person', 'phone', 'wechat']),
              content: '压测：讲解政策并了解求职意向',
              outcome: '已记录',
              ...(postIds ? { postIds } : {}),
            }),
          },
        };
      }
    }
  };
}

interface KindResult {
  kind: Kind | 'total';
  requests: number;
  requestsPerSec: number;
  latency: Summary;
  errors: number;
  errorRate: number;
  statuses: Record<string, number>;
}

export interface LoadResult {
  users: number;
  workers: number;
  durationSec: number;
  kinds: KindResult[];
  /** Socket errors and time-outs (no status, no kind). */
  socketErrors: number;
  /** A sample of error answers, for the reader. */
  errorSamples: string[];
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: {
    setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
    onResponse: (status: number, body: string, context: Record<string, unknown>) => void;
  }[];
}
type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: { errors: number; timeouts: number }) => void) => unknown;

/** `users` clients, each sending one request after another, for `durationSec`. */
async function runMix(url: string, f: Fixtures, users: number, durationSec: number, workers: number, seed: number, thinkMs?: number): Promise<LoadResult> {
  if (thinkMs !== undefined) return runThinkingUsers(url, f, users, durationSec, workers, seed, thinkMs);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const autocannon = require('autocannon') as Autocannon;
  const next = mixedRequests(f, seed);
  const latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  const statuses = new Map<Kind, Record<string, number>>(KINDS.map((k) => [k, {}]));
  const errors = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  const errorSamples: string[] = [];
  const t0 = performance.now();
  const result = await new Promise<{ errors: number; timeouts: number }>((resolve, reject) => {
    autocannon(
      {
        url,
        connections: users,
        duration: durationSec,
        timeout: 10,
        requests: [
          {
            setupRequest: (req, context) => {
              const { kind, request } = next();
              context.kind = kind;
              context.t0 = performance.now();
              return { ...req, ...request };
            },
            onResponse: (status, body, context) => {
              const kind = context.kind as Kind;
              (latencies.get(kind) as number[]).push(performance.now() - (context.t0 as number));
              const s = statuses.get(kind) as Record<string, number>;
              s[String(status)] = (s[String(status)] ?? 0) + 1;
              if (status >= 400) {
                errors.set(kind, (errors.get(kind) ?? 0) + 1);
                if (errorSamples.length < 10) errorSamples.push(`${kind} ${status}: ${body.slice(0, 200)}`);
              }
            },
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  const seconds = (performance.now() - t0) / 1000;
  return summariseRun(users, workers, durationSec, seconds, latencies, statuses, errors, result.errors + result.timeouts, errorSamples);
}

/**
 * `users` people, each sending a request, reading the answer, pausing (exponential, mean
 * `thinkMs`), and so on: arrivals spread out as real users' do. autocannon's per-connection rate
 * would start every user's second at the same instant and measure bursts instead.
 */
async function runThinkingUsers(url: string, f: Fixtures, users: number, durationSec: number, workers: number, seed: number, thinkMs: number): Promise<LoadResult> {
  const next = mixedRequests(f, seed);
  const random = prng((seed * 7919) >>> 0);
  const pause = (mean: number) => new Promise((r) => setTimeout(r, -Math.log(1 - random()) * mean));
  const latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  const statuses = new Map<Kind, Record<string, number>>(KINDS.map((k) => [k, {}]));
  const errors = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  const errorSamples: string[] = [];
  let socketErrors = 0;
  const t0 = performance.now();
  const end = t0 + durationSec * 1000;
  const user = async (): Promise<void> => {
    await new Promise((r) => setTimeout(r, random() * thinkMs));
    while (performance.now() < end) {
      const { kind, request } = next();
      const started = performance.now();
      try {
        const res = await fetch(`${url}${request.path}`, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(10_000) });
        const body = await res.text();
        (latencies.get(kind) as number[]).push(performance.now() - started);
        const s = statuses.get(kind) as Record<string, number>;
        s[String(res.status)] = (s[String(res.status)] ?? 0) + 1;
        if (res.status >= 400) {
          errors.set(kind, (errors.get(kind) ?? 0) + 1);
          if (errorSamples.length < 10) errorSamples.push(`${kind} ${res.status}: ${body.slice(0, 200)}`);
        }
      } catch {
        socketErrors += 1;
      }
      await pause(thinkMs);
    }
  };
  await Promise.all(Array.from({ length: users }, () => user()));
  const seconds = (performance.now() - t0) / 1000;
  return summariseRun(users, workers, durationSec, seconds, latencies, statuses, errors, socketErrors, errorSamples);
}

function summariseRun(
  users: number,
  workers: number,
  durationSec: number,
  seconds: number,
  latencies: Map<Kind, number[]>,
  statuses: Map<Kind, Record<string, number>>,
  errors: Map<Kind, number>,
  socketErrors: number,
  errorSamples: string[],
): LoadResult {
  const kinds: KindResult[] = KINDS.map((kind) => {
    const l = latencies.get(kind) as number[];
    const e = errors.get(kind) ?? 0;
    return { kind, requests: l.length, requestsPerSec: l.length / seconds, latency: summarize(l), errors: e, errorRate: l.length === 0 ? 0 : e / l.length, statuses: statuses.get(kind) ?? {} };
  });
  const all = KINDS.flatMap((k) => latencies.get(k) as number[]);
  const totalErrors = kinds.reduce((s, k) => s + k.errors, 0) + socketErrors;
  const totalStatuses: Record<string, number> = {};
  for (const k of kinds) for (const [s, c] of Object.entries(k.statuses)) totalStatuses[s] = (totalStatuses[s] ?? 0) + c;
  kinds.push({
    kind: 'total',
    requests: all.length,
    requestsPerSec: all.length / seconds,
    latency: summarize(all),
    errors: totalErrors,
    errorRate: all.length + socketErrors === 0 ? 0 : totalErrors / (all.length + socketErrors),
    statuses: totalStatuses,
  });
  return { users, workers, durationSec, kinds, socketErrors, errorSamples };
}

export function loadTable(r: LoadResult): string {
  return table(
    ['kind', 'requests', 'req/s', 'p50 / p95 / p99 ms', 'errors', 'statuses'],
    r.kinds.map((k) => [
      k.kind,
      String(k.requests),
      k.requestsPerSec.toFixed(k.requestsPerSec >= 100 ? 0 : 1),
      `${ms(k.latency.p50)} / ${ms(k.latency.p95)} / ${ms(k.latency.p99)}`,
      `${k.errors} (${(k.errorRate * 100).toFixed(2)} %)`,
      Object.entries(k.statuses)
        .map(([s, c]) => `${s}: ${c}`)
        .join(', '),
    ]),
  );
}

function loadText(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
  await ensureProvince(url, FULL_PROVINCE, false, log);
  const signer = new TokenSigner(BENCH_SECRETS.TOKEN_SECRET);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  let result: LoadResult;
  try {
    const f = await loadFixtures(sql, signer);
    log(`fixtures: ${f.points.length} points, ${f.mothers.length} mothers with an account, ${f.openPosts.length} open posts to apply to, ${f.listedPosts.length} listed posts`);
    // Every request comes from 127.0.0.1: per-address limits would count all users as one.
    const apiProcess = await startApi({ DATABASE_URL: url, RATE_LIMITS: 'apply.ip=off,registration.ip=off' }, log, { workers: args.workers });
    try {
      await ensureStations(sql, apiProcess.url, f, signer);
      // Mothers for the 12333 services: registered at the bench stations by earlier runs, else now.
      for (let i = f.registered.length; i < REGISTERED_POOL; i++) {
        const station = f.stations[i % f.stations.length] as Station;
        const res = await api(apiProcess.url, 'POST', `/api/stations/${station.id}/registrations`, station.workerTokens[0] as string, registrationBody(f.nextId++, station, new Date()));
        if (res.status !== 201 && res.status !== 200) throw new Error(`registering a mother: ${res.status} ${JSON.stringify(res.json)}`);
        f.registered.push({ motherId: String((res.json.mother as { id: string }).id), station });
      }
      log(`stations: ${f.stations.length} with ${WORKERS_PER_STATION} workers each; ${f.registered.length} registered mothers for the 12333 services`);
      if (args.warmupSec > 0) await runMix(apiProcess.url, f, Math.min(20, args.users), args.warmupSec, args.workers, 7);
      const pace = args.thinkMs === undefined ? 'back to back' : `pausing ${args.thinkMs} ms on average between requests`;
      log(`\n== load: ${args.users} users × ${args.durationSec} s, ${pace}, ${args.workers} API process(es) ==`);
      log(`  ${loadText()}`);
      result = await runMix(apiProcess.url, f, args.users, args.durationSec, args.workers, 42, args.thinkMs);
      log(`  after: ${loadText()}`);
      // Let the requests still in flight when the clients stopped finish before the API stops.
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await apiProcess.stop();
    }
  } finally {
    await sql.end();
  }
  log(`\n${loadTable(result)}`);
  if (result.socketErrors > 0) log(`\nsocket errors and time-outs: ${result.socketErrors}`);
  if (result.errorSamples.length > 0) log(`\nerror answers (first ${result.errorSamples.length}):\n${result.errorSamples.map((s) => `  ${s}`).join('\n')}`);
  const dir = join(findRepoRoot(), '.bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `results-load-${args.users}u-${args.workers}w${args.thinkMs === undefined ? '' : `-think${args.thinkMs}`}.json`), JSON.stringify({ at: new Date().toISOString(), load: loadText(), result }, null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const text = error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`load failed: ${text}\n`);
    process.exit(1);
  });
}
