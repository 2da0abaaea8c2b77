/**
 * Whether an error means the database cannot be reached right now (server down, restarting,
 * in crash recovery, a connection cut mid-query), as opposed to a bad query. Such a request is
 * answered 503 DATABASE_UNAVAILABLE: the client may retry it later, nothing is wrong with it.
 * TypeORM wraps driver errors (QueryFailedError.driverError); pg-pool may also hand on an
 * AggregateError (one per address tried) or an error with a `cause`.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code)) return true;
  // SQLSTATE class 08 (connection exception); 57P01-57P03: admin or crash shutdown, cannot connect now.
  if (/^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03') return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  // TypeORM releases a query runner whose connection emits an error (the server went away), so the
  // next statement of that transaction, or its COMMIT, fails with these instead of the connection error.
  if (RELEASED_RUNNER_ERRORS.has(String((error as { name?: unknown }).name))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

const RELEASED_RUNNER_ERRORS: ReadonlySet<string> = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);

const NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What `pg` and `pg-pool` say when a connection dies or cannot be had (they set no code). */
const DRIVER_MESSAGES: readonly string[] = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'the database system is starting up',
  'the database system is shutting down',
  'the database system is in recovery mode',
];

export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时不可用，请稍后再试';
