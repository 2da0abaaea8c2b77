import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findRepoRoot } from '../../src/config/repo-root';
import { GENEROUS_RATE_LIMITS, TEST_SECRETS } from './test-config';

/*
 * The API as a separate process, for tests that SIGKILL it (test/faults): the compiled
 * JavaScript, run by node as `pnpm start` runs it.
 *
 * apps/api/dist when it is at least as new as every source file (CI builds it for the browser
 * journeys before the PostgreSQL pass); otherwise the sources are compiled once into
 * node_modules/.cache/faults-dist (incremental, under a lock: two spec files may ask at once),
 * so a developer never runs a stale build and dist is left alone.
 */

const API_DIR = join(findRepoRoot(), 'apps', 'api');
const CACHE_DIR = join(API_DIR, 'node_modules', '.cache', 'faults-dist');
const LOCK_DIR = `${CACHE_DIR}.lock`;
const run = promisify(execFile);

/** The folder holding main.js and the rest of the compiled API, built if need be. */
export async function builtApiDir(): Promise<string> {
  const newestSource = newestMtime(join(API_DIR, 'src'));
  const dist = join(API_DIR, 'dist');
  if (isFresh(dist, newestSource)) return dist;
  await withLock(async () => {
    if (isFresh(CACHE_DIR, newestSource)) return;
    const tsc = join(API_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', CACHE_DIR, '--incremental', '--tsBuildInfoFile', `${CACHE_DIR}.tsbuildinfo`], {
        cwd: API_DIR,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      // Exit 2: type errors, JavaScript emitted all the same (`pnpm typecheck` is where type errors fail).
      const e = error as Error & { code?: unknown; stdout?: string };
      if (e.code !== 2 || !existsSync(join(CACHE_DIR, 'main.js'))) throw new Error(`building the API failed:\n${e.stdout ?? e.message}`, { cause: error });
    }
    // tsc leaves main.js untouched when nothing changed for it; the stamp is the build's.
    const now = new Date();
    utimesSync(join(CACHE_DIR, 'main.js'), now, now);
  });
  return CACHE_DIR;
}

export interface ApiProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited (with its signal, if killed). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to stderr, last 4 KB: for a failure message. */
  stderr(): string;
}

export interface SpawnOptions {
  readonly databaseUrl: string;
  readonly port: number;
  /** More environment variables (DB_POOL_SIZE…). */
  readonly env?: Record<string, string>;
}

/** `node <dir>/main.js` on `port` with the test secrets, resolved once GET /health answers 200. */
export async function spawnApi(dir: string, options: SpawnOptions): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', join(dir, 'main.js')], {
    cwd: API_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
      ...TEST_SECRETS,
      // The load comes from one address and one station worker: no production rate limits.
      RATE_LIMITS: GENEROUS_RATE_LIMITS,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4096);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const api: ApiProcess = { url: `http://127.0.0.1:${options.port}`, child, exited, stderr: () => stderr };
  const deadline = Date.now() + 60_000;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`the API exited before it was ready:\n${stderr}`);
    try {
      if ((await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(2000) })).status === 200) return api;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not answer /health within 60 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGKILL, as the OOM killer or a pulled plug would; resolves once it is gone. */
export async function killApi(api: ApiProcess): Promise<void> {
  if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
  await api.exited;
}

function isFresh(dir: string, newestSource: number): boolean {
  const main = join(dir, 'main.js');
  return existsSync(main) && statSync(main).mtimeMs >= newestSource;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

async function withLock(work: () => Promise<void>): Promise<void> {
  mkdirSync(join(CACHE_DIR, '..'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      // Another build is running; a lock older than 3 minutes is left over from a killed one.
      if (existsSync(LOCK_DIR) && Date.now() - statSync(LOCK_DIR).mtimeMs > 180_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`builtApiDir: ${LOCK_DIR} held for 3 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export interface JobWorkerProcess {
  readonly child: ChildProcess;
  /** Its JobsService.workerId, as `jobs.locked_by` will name it. */
  readonly workerId: Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/**
 * A separate process that builds the compiled application (no HTTP server) and runs the job
 * queue once (JobsService.runOnce), or drains the outbox once (`task: 'outbox'`,
 * OutboxDispatcher.dispatchPending), as the pollers of an API process do, then exits.
 */
export function spawnJobWorker(dir: string, options: { databaseUrl: string; task?: 'jobs' | 'outbox'; env?: Record<string, string> }): JobWorkerProcess {
  const script = `
    require('reflect-metadata');
    const dir = process.env.MMG_BUILT_API;
    const { createApp } = require(dir + '/app.factory.js');
    const { loadConfig } = require(dir + '/config/index.js');
    const { JobsService } = require(dir + '/modules/jobs/jobs.service.js');
    const { OutboxDispatcher } = require(dir + '/modules/notifications/senders/outbox.dispatcher.js');
    (async () => {
      const app = await createApp(loadConfig(process.env).config);
      const jobs = app.get(JobsService);
      process.stdout.write(JSON.stringify({ workerId: jobs.workerId }) + '\\n');
      const summary = process.env.MMG_TASK === 'outbox' ? await app.get(OutboxDispatcher).dispatchPending() : await jobs.runOnce();
      process.stdout.write(JSON.stringify({ summary }) + '\\n');
      await app.close();
    })().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: API_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: options.databaseUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
      MMG_BUILT_API: dir,
      MMG_TASK: options.task ?? 'jobs',
      ...TEST_SECRETS,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4096);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const workerId = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('"workerId"'));
      if (line) resolve((JSON.parse(line) as { workerId: string }).workerId);
    });
    void exited.then(() => reject(new Error(`the job worker exited before it started:\n${stderr}`)));
  });
  return { child, workerId, exited, stderr: () => stderr };
}
