import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Tx } from './transaction';

/**
 * Reads that a replica may serve: the heavy ones that tolerate being a moment behind (search,
 * recommendations, public directories, monitoring figures). Everything else reads the primary
 * (the data source's `defaultMode: 'master'`), so whoever writes something reads it back.
 *
 * `work` must only read: on a replica PostgreSQL refuses writes, and when the replica fails the
 * work runs again on the primary. With `tx` it runs in that transaction (on the primary): a read
 * inside a transaction must see the transaction's own writes. Without replicas (DATABASE_REPLICA_URLS
 * unset, or the embedded PGlite) it is a read of the primary like any other.
 *
 * A replica that cannot be reached, is shutting down or cancels the read for a conflict with
 * recovery (a long read while it replays a VACUUM of those rows) costs a retry on the primary,
 * not an error; after a replica could not be reached, reads skip the replicas for
 * {@link REPLICA_RETRY_MS} rather than wait for a connect timeout each time.
 */
export async function readOnReplica<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, tx?: Tx): Promise<T> {
  if (tx !== undefined) return work(tx);
  if (!hasReplicas(dataSource) || Date.now() < (skipReplicasUntil.get(dataSource) ?? 0)) return work(dataSource.manager);
  const runner = dataSource.createQueryRunner('slave');
  try {
    return await work(runner.manager);
  } catch (error) {
    const failure = replicaFailure(error);
    if (failure === undefined) throw error;
    if (failure === 'unreachable') skipReplicasUntil.set(dataSource, Date.now() + REPLICA_RETRY_MS);
    warn(`read on a replica failed (${describe(error)}); read the primary instead`);
    return work(dataSource.manager);
  } finally {
    await runner.release();
  }
}

/** After a replica could not be reached, replica reads go to the primary for this long. */
export const REPLICA_RETRY_MS = 10_000;

const skipReplicasUntil = new WeakMap<DataSource, number>();

function hasReplicas(dataSource: DataSource): boolean {
  const options = dataSource.options as { replication?: { slaves?: readonly unknown[] } };
  return (options.replication?.slaves?.length ?? 0) > 0;
}

/** Errors that the replica, not the read, is to blame for. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** 57P01-03: shutting down / starting up; 53300: too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Canceling statement due to conflict with recovery: a read on a standby only. */
const RECOVERY_CONFLICT = '40001';

function replicaFailure(error: unknown): 'unreachable' | 'conflict' | undefined {
  const codes = [codeOf(error), codeOf((error as { driverError?: unknown } | undefined)?.driverError)];
  if (codes.includes(RECOVERY_CONFLICT)) return 'conflict';
  if (codes.some((c) => c !== undefined && (UNREACHABLE_CODES.has(c) || UNAVAILABLE_SQLSTATES.has(c) || c.startsWith('08')))) return 'unreachable';
  // pg's own words for a connection that dropped or never came: no code to go by.
  const message = error instanceof Error ? error.message : '';
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) return 'unreachable';
  return undefined;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  const code = codeOf(error) ?? codeOf((error as { driverError?: unknown }).driverError);
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined ? message : `${code}: ${message}`;
}

const logger = new Logger('Database');
let lastWarning = 0;

/** At most one warning a minute: a replica that is down would otherwise log every search. */
function warn(message: string): void {
  if (Date.now() - lastWarning < 60_000) return;
  lastWarning = Date.now();
  logger.warn(message);
}
