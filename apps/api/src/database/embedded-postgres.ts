import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** The extensions the migrations create; PGlite must load their code up front. */
export const EMBEDDED_EXTENSIONS = { cube, earthdistance, btree_gist };

export interface EmbeddedPostgresOptions {
  /** Folder of the database files; data survives restarts. Omitted: an in-memory database. */
  readonly dataDir?: string;
  /**
   * Connections the socket server accepts. Must be at least the pool size: the server
   * drops connections beyond it, which the pool sees as ECONNRESET.
   */
  readonly maxConnections: number;
  /** A `dumpDataDir()` tarball to start from (tests: skips initdb, about 3 s). */
  readonly loadDataDir?: Blob;
}

export interface EmbeddedPostgres {
  /** postgres:// URL for the ordinary `pg` driver, on 127.0.0.1 and a free port. */
  readonly url: string;
  readonly db: PGlite;
  /** Closes the server and the database. Close the clients (the DataSource) first. */
  stop(): Promise<void>;
}

const LOCK_FILE = 'mamagang-embedded.pid';

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly, in this process) and serves it over
 * the PostgreSQL wire protocol, so the API talks to it with `pg` exactly as it talks to a
 * real server in production. All connections share PGlite's single session: a transaction
 * must run only on its own EntityManager (see transaction.ts).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir } = options;
  let releaseLock = (): void => undefined;
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
  }
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = await PGlite.create({
      dataDir,
      extensions: EMBEDDED_EXTENSIONS,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections });
    keepExtendedQueriesWhole(server, db);
    await server.start();
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    releaseLock();
    const where = dataDir === undefined ? 'in memory' : `in ${dataDir}`;
    throw new Error(`Could not start the embedded database ${where}: ${(error as Error).message}`, { cause: error });
  }
  // Listening on port 0 lets the OS choose a free port; the server reports "host:port".
  const port = Number(server.getServerConn().split(':').pop());
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  let stopping: Promise<void> | undefined;
  const runningServer = server;
  const runningDb = db;
  return {
    url,
    db: runningDb,
    stop: () =>
      (stopping ??= (async () => {
        try {
          await runningServer.stop();
          await runningDb.close();
        } finally {
          releaseLock();
        }
      })()),
  };
}

/** Extended-protocol messages after which the same connection's Sync is still to come. */
const EXCHANGE_MESSAGES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket 0.2.17 hands the single session to one connection only inside a transaction.
 * Between a connection's Parse and its Sync (one parameterised query) another connection's
 * message could run: replace the unnamed statement so the first one's parameters bind to the
 * wrong query, or BEGIN a transaction that leaves the first one's Bind waiting on a statement
 * that is gone (seen as "portal does not exist", wrong-type parameters, hung requests under
 * concurrent transactions). Its queue keeps the session for the last connection while
 * `db.isInTransaction()` is true, so answering true also between a Parse and its Sync keeps
 * every exchange whole.
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue: { db: PGlite } }).queryQueue;
  let midExchange = false;
  queue.db = new Proxy(db, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => midExchange || target.isInTransaction();
      if (prop === 'execProtocolRawStream') {
        return async (message: Uint8Array, streamOptions: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          try {
            await target.execProtocolRawStream(message, streamOptions);
          } finally {
            midExchange = EXCHANGE_MESSAGES.has(message[0] ?? 0);
          }
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Two processes writing one PGlite folder corrupt it, and PGlite itself does not guard
 * against that (it has no postmaster). A pid file refuses a second API on the same folder
 * and is taken over when the process that wrote it is gone.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    holder = undefined;
  }
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new Error(`The embedded database in ${dataDir} is in use by process ${holder}; stop it or choose another DATA_DIR`);
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
