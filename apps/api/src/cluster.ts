import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { workerCount } from './cluster-plan';

/**
 * `node dist/cluster.js`: the production start with several API processes on one port
 * (node:cluster; the primary accepts connections and hands them to the workers in turn).
 *
 * - WEB_CONCURRENCY: how many worker processes (default: the machine's cores, at most 8).
 * - Each worker is dist/main.js, unchanged: same configuration, same shutdown hooks.
 * - The first worker starts alone (it applies pending migrations), the others once it listens,
 *   so two processes never migrate at the same time.
 * - Background work is safe with several processes: the job queue and the notification outbox
 *   claim rows with FOR UPDATE SKIP LOCKED and a lease, daily jobs are enqueued with a per-day
 *   key, and the post-closing pass is a plain UPDATE of open posts.
 * - The embedded database (no DATABASE_URL) belongs to one process: then only one worker runs.
 * - A worker that dies is replaced (after a pause if it died during start-up); SIGTERM/SIGINT
 *   are passed to the workers, which finish their requests and close their pools.
 */
const RESTART_DELAY_MS = 1_000;

const log = (msg: string, level = 30) => process.stdout.write(`${JSON.stringify({ level, time: Date.now(), pid: process.pid, msg })}\n`);

function primary(): void {
  let plan: { count: number; note?: string };
  try {
    plan = workerCount(process.env, availableParallelism());
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  if (plan.note) log(plan.note, 40);
  cluster.setupPrimary({ exec: join(__dirname, 'main.js'), args: process.argv.slice(2) });

  let stopping = false;
  let listening = 0;
  const started = new Map<number, number>();

  const fork = (): Worker => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.once('listening', () => {
      listening += 1;
      if (listening === 1) {
        // Migrations are done: the rest may start together.
        for (let i = 1; i < plan.count; i++) fork();
      }
      if (listening === plan.count) log(`${plan.count} API worker(s) listening`);
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const upFor = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (listening === 0) {
      // The first worker failed to start (bad configuration, database down): do not loop.
      log(`API worker ${worker.process.pid} failed to start (exit ${code ?? signal}); stopping`, 60);
      process.exit(1);
    }
    log(`API worker ${worker.process.pid} exited (${code ?? signal}) after ${Math.round(upFor / 1000)} s; starting another`, 50);
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  fork();
}

if (cluster.isPrimary) primary();
