import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, appendFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/*
 * A throwaway PostgreSQL 15 cluster of its own for tests that stop, restart or kill the
 * database server (test/faults): the machine's shared server on 5432 is never touched.
 *
 *   const cluster = await startPgCluster();      // initdb in a temp dir, start on a free port
 *   const url = await cluster.createDatabase('mmg');
 *   await cluster.restart();                     // pg_ctl restart -m fast
 *   await cluster.stop('immediate'); await cluster.start();
 *   await cluster.kill(); await cluster.start(); // SIGKILL to every server process, then crash recovery
 *   await cluster.destroy();                     // stop (immediate) and delete the directory
 *
 * Trust authentication on 127.0.0.1 only, user `postgres`. The extensions the migrations need
 * (deploy/postgres/01-extensions.sql) are created in template1, so every database has them.
 * initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user (runuser),
 * which then owns the directory. {@link pgClusterDirs} and {@link runPgTool} are for helpers
 * that build on a cluster (a replica with pg_basebackup, say).
 */

const run = promisify(execFile);

/** Debian's PostgreSQL 15 binaries; PG_BIN_DIR overrides. */
export const PG_BIN_DIR = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

export type StopMode = 'smart' | 'fast' | 'immediate';

export interface PgCluster {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (default database `postgres`). */
  url(database?: string): string;
  /** CREATE DATABASE (with the extensions, from template1); returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** pg_ctl start, waiting until it accepts connections (after crash recovery if need be). */
  start(): Promise<void>;
  /** pg_ctl stop -m <mode> (default fast: sessions are terminated, in-flight transactions roll back). */
  stop(mode?: StopMode): Promise<void>;
  /** pg_ctl restart -m <mode> (default fast). */
  restart(mode?: StopMode): Promise<void>;
  /** SIGKILL to the postmaster and every process it started, as a crash would; start() recovers. */
  kill(): Promise<void>;
  /** Whether the postmaster is alive. */
  isRunning(): boolean;
  /** Stops the server (immediate) if it runs and deletes its directory. */
  destroy(): Promise<void>;
}

export interface PgClusterDirs {
  /** initdb, pg_ctl, pg_basebackup… */
  readonly binDir: string;
  /** PGDATA (postgresql.conf, pg_hba.conf, postmaster.pid). */
  readonly dataDir: string;
  /** The temp directory holding dataDir and the server log (`server.log`); destroy() deletes it. */
  readonly rootDir: string;
  /** User the server and tools run as: `postgres` when the tests run as root, else the current user. */
  readonly osUser: string | undefined;
}

export interface PgClusterOptions {
  /** Extra postgresql.conf settings, e.g. `{ wal_level: 'replica' }`. */
  readonly settings?: Readonly<Record<string, string | number>>;
}

const DIRS = new WeakMap<PgCluster, PgClusterDirs>();

/** The binaries and directories of a cluster started by {@link startPgCluster}. */
export function pgClusterDirs(cluster: PgCluster): PgClusterDirs {
  const dirs = DIRS.get(cluster);
  if (!dirs) throw new Error('pgClusterDirs: not a cluster from startPgCluster');
  return dirs;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const OS_USER = asRoot ? 'postgres' : undefined;

/** Runs a PostgreSQL tool of {@link PG_BIN_DIR} (as `postgres` when root); resolves with its stdout. */
export async function runPgTool(tool: string, args: readonly string[]): Promise<string> {
  const binary = join(PG_BIN_DIR, tool);
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, [...args]];
  try {
    const { stdout } = await run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`, { cause: error });
  }
}

/** initdb into a new temp directory and start the server on a free port of 127.0.0.1. */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  if (!existsSync(join(PG_BIN_DIR, 'initdb'))) throw new Error(`PostgreSQL binaries not found in ${PG_BIN_DIR} (set PG_BIN_DIR)`);
  const rootDir = mkdtempSync(join(tmpdir(), 'mmg-pgcluster-'));
  const dataDir = join(rootDir, 'data');
  const logFile = join(rootDir, 'server.log');
  if (asRoot) chownSync(rootDir, ...postgresIds());
  const port = await freePort();
  try {
    await runPgTool('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings: Record<string, string | number> = {
      port,
      listen_addresses: "'127.0.0.1'",
      unix_socket_directories: `'${rootDir}'`,
      max_connections: 60,
      shared_buffers: "'32MB'",
      // Killing processes never loses what the OS already has; only a power cut would.
      fsync: 'off',
      logging_collector: 'off',
      ...options.settings,
    };
    appendFileSync(join(dataDir, 'postgresql.conf'), `\n# test/support/pg-cluster.ts\n${Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`);
  } catch (error) {
    rmSync(rootDir, { recursive: true, force: true });
    throw error;
  }

  const pgCtl = (args: string[]) => runPgTool('pg_ctl', ['-D', dataDir, ...args]);
  const postmasterPid = (): number | undefined => {
    const file = join(dataDir, 'postmaster.pid');
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  };
  const alive = (pid: number | undefined): boolean => {
    if (pid === undefined) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let destroyed = false;

  const cluster: PgCluster = {
    host: '127.0.0.1',
    port,
    url,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`createDatabase: bad name ${name}`);
      await withClient(url(), (c) => c.query(`CREATE DATABASE ${name}`));
      return url(name);
    },
    async start() {
      await pgCtl(['start', '-w', '-t', '60', '-l', logFile]);
    },
    async stop(mode = 'fast') {
      await pgCtl(['stop', '-w', '-t', '60', '-m', mode]);
    },
    async restart(mode = 'fast') {
      await pgCtl(['restart', '-w', '-t', '60', '-m', mode, '-l', logFile]);
    },
    async kill() {
      const pid = postmasterPid();
      if (!alive(pid)) return;
      const victims = [pid as number, ...childrenOf(pid as number)];
      for (const v of victims) {
        try {
          process.kill(v, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      // start() refuses while any old process still holds the shared memory.
      const deadline = Date.now() + 10_000;
      while (victims.some(alive)) {
        if (Date.now() > deadline) throw new Error(`kill: server processes ${victims.filter(alive).join(',')} survived SIGKILL`);
        await sleep(20);
      }
    },
    isRunning: () => alive(postmasterPid()),
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        if (alive(postmasterPid())) await pgCtl(['stop', '-w', '-m', 'immediate']);
      } finally {
        rmSync(rootDir, { recursive: true, force: true });
      }
    },
  };
  DIRS.set(cluster, { binDir: PG_BIN_DIR, dataDir, rootDir, osUser: OS_USER });

  try {
    await cluster.start();
    await withClient(url('template1'), async (c) => {
      // deploy/postgres/01-extensions.sql: earthdistance needs cube; the migrations only say IF NOT EXISTS.
      for (const ext of ['cube', 'earthdistance', 'btree_gist']) await c.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
    });
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    await cluster.destroy().catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  return cluster;
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

/** The pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

function postgresIds(): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, but there is no postgres user to run the server as');
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}

/** A TCP port of 127.0.0.1 nobody listens on right now. */
export function freePort(): Promise<number> {
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

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
