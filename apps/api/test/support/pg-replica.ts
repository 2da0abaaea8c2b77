import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pgClusterDirs, runPgTool, startPgCluster, type PgCluster } from './pg-cluster';

/*
 * A throwaway PostgreSQL 15 primary (pg-cluster.ts) with one hot-standby streaming replica of
 * it, both on free ports of 127.0.0.1, for tests of reads sent to a replica. The machine's
 * shared server on 5432 is never touched.
 *
 *   const pair = await startPrimaryWithReplica();
 *   pair.primary.url('mmg'), pair.replica.url('mmg')
 *   await pair.replica.pauseReplay();   // the replica keeps receiving WAL but applies none of it
 *   await pair.replica.resumeReplay(); await pair.replica.catchUp();
 *   await pair.destroy();
 *
 * The replica is `pg_basebackup -R` of the primary (trust for replication on 127.0.0.1 is
 * initdb's default with --auth=trust; wal_level=replica and max_wal_senders=10 are PostgreSQL
 * 15's defaults, set here anyway so the intent is written down).
 */

export interface PgReplica {
  readonly port: number;
  url(database?: string): string;
  /** pg_wal_replay_pause(), then waits until replay has really stopped. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  catchUp(): Promise<void>;
  /** pg_ctl stop -m fast: the replica goes away, as when its machine fails. */
  stop(): Promise<void>;
  /** False once stop() has been called. */
  isRunning(): boolean;
}

export interface PrimaryWithReplica {
  readonly primary: PgCluster;
  readonly replica: PgReplica;
  /** Stops both servers (immediate) and deletes their directories. */
  destroy(): Promise<void>;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export async function startPrimaryWithReplica(): Promise<PrimaryWithReplica> {
  const primary = await startPgCluster({ settings: { wal_level: 'replica', max_wal_senders: 10, wal_keep_size: "'64MB'" } });
  const { dataDir: primaryDataDir } = pgClusterDirs(primary);
  const rootDir = mkdtempSync(join(tmpdir(), 'mmg-pgreplica-'));
  const dataDir = join(rootDir, 'data');
  const logFile = join(rootDir, 'server.log');
  // The same owner as the primary's directory: `postgres` when the tests run as root.
  if (asRoot) chownSync(rootDir, statSync(primaryDataDir).uid, statSync(primaryDataDir).gid);
  const pgCtl = (args: string[]) => runPgTool('pg_ctl', ['-D', dataDir, ...args]);
  let started = false;
  const destroyReplica = async () => {
    try {
      if (started && existsSync(join(dataDir, 'postmaster.pid'))) await pgCtl(['stop', '-w', '-m', 'immediate']).catch(() => undefined);
    } finally {
      rmSync(rootDir, { recursive: true, force: true });
    }
  };

  try {
    const port = await freePort();
    // -R writes primary_conninfo and standby.signal; -X stream copies the WAL written meanwhile.
    await runPgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    // Later lines win: the copied postgresql.conf still names the primary's port and socket folder.
    appendFileSync(join(dataDir, 'postgresql.conf'), `\n# test/support/pg-replica.ts\nport = ${port}\nunix_socket_directories = '${rootDir}'\nhot_standby = on\n`);
    await pgCtl(['start', '-w', '-t', '60', '-l', logFile]);
    started = true;
    let running = true;
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    const onReplica = <T>(sql: string) => withClient(url(), async (c) => (await c.query(sql)).rows as T[]);
    const onPrimary = <T>(sql: string) => withClient(primary.url(), async (c) => (await c.query(sql)).rows as T[]);

    const [recovery] = await onReplica<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering');
    if (recovery?.recovering !== true) throw new Error('the replica is not in recovery: pg_basebackup -R did not make a standby');
    await waitFor('the replica to stream from the primary', async () => {
      const rows = await onReplica<{ status: string }>('SELECT status FROM pg_stat_wal_receiver');
      return rows[0]?.status === 'streaming';
    });

    const replica: PgReplica = {
      port,
      url,
      async pauseReplay() {
        await onReplica('SELECT pg_wal_replay_pause()');
        await waitFor('replay to pause', async () => (await onReplica<{ s: string }>('SELECT pg_get_wal_replay_pause_state() AS s'))[0]?.s === 'paused');
      },
      async resumeReplay() {
        await onReplica('SELECT pg_wal_replay_resume()');
      },
      async catchUp() {
        const [current] = await onPrimary<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
        const lsn = current?.lsn ?? '0/0';
        await waitFor('the replica to catch up', async () => {
          const [row] = await onReplica<{ done: boolean }>(`SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`);
          return row?.done === true;
        });
      },
      async stop() {
        running = false;
        await pgCtl(['stop', '-w', '-t', '60', '-m', 'fast']);
      },
      isRunning: () => running,
    };
    return {
      primary,
      replica,
      destroy: async () => {
        try {
          await destroyReplica();
        } finally {
          await primary.destroy();
        }
      },
    };
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    await destroyReplica().catch(() => undefined);
    await primary.destroy().catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
}

/** Polls `done` every 50 ms, for at most 30 s: a wait for a state, never a timing assertion. */
async function waitFor(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
