/** At most this many workers by default, however many cores the machine has. */
export const MAX_WORKERS = 8;

/**
 * How many API processes `dist/cluster.js` starts: WEB_CONCURRENCY, else one per core (at most
 * MAX_WORKERS); one when the database is the embedded PGlite (no DATABASE_URL), which belongs to a
 * single process. Throws on a WEB_CONCURRENCY that is not an integer from 1 to 64.
 */
export function workerCount(env: NodeJS.ProcessEnv, cores: number): { count: number; note?: string } {
  const raw = env.WEB_CONCURRENCY?.trim();
  let count = Math.min(MAX_WORKERS, Math.max(1, cores));
  if (raw) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WEB_CONCURRENCY must be an integer from 1 to 64 (got "${raw}")`);
    count = n;
  }
  if (count > 1 && !env.DATABASE_URL) return { count: 1, note: 'no DATABASE_URL: the embedded database serves one process, starting 1 worker' };
  return { count };
}
