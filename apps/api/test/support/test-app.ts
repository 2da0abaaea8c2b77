import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import type { ModuleImport } from '../../src/app.module';
import type { AppConfig, ConfigEnv } from '../../src/config';
import type { Clock } from '../../src/common/clock/clock';
import { DEFAULT_DB_POOL_SIZE } from '../../src/config/load-config';
import { createTestDatabase, testDbKind, type TestDatabase } from './test-database';
import { testConfig } from './test-config';

export interface TestAppOptions {
  /** Environment variables on top of the test defaults, e.g. `{ DEV_LOGIN: 'true' }`. */
  readonly env?: ConfigEnv;
  /** Test-only modules (controllers) mounted on the real application. */
  readonly imports?: readonly ModuleImport[];
  /** A clock the test can move; the system clock otherwise. */
  readonly clock?: Clock;
  /**
   * Run on the database of another test app (its `db.url`) instead of a fresh one, e.g. to test
   * two API processes at once. This app neither migrates a new database nor drops it: close it
   * before the app that owns the database. On PGlite the owner must accept the connections of
   * both pools (see `dbConnections`).
   */
  readonly databaseUrl?: string;
  /** Connections the new database accepts (PGlite); default: this app's pool size. */
  readonly dbConnections?: number;
  /** Receives the app's JSON log lines (set `env.LOG_LEVEL` too: tests are silent by default). */
  readonly logStream?: { write(line: string): void };
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** supertest against the app's server: `await t.http.get('/health').expect(200)`. */
  readonly http: ReturnType<typeof request>;
  readonly dataSource: DataSource;
  readonly config: AppConfig;
  readonly db: TestDatabase;
  /** Closes the app, then drops its database. */
  close(): Promise<void>;
}

/**
 * The real application (createApp, as main.ts builds it) on a fresh database of the kind
 * TEST_DB names, migrated. One per test file (beforeAll) keeps the suite fast; tests in
 * a file then share the data they write.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // PGlite's server must accept as many connections as the app's pool opens.
  const poolSize = Number(options.env?.DB_POOL_SIZE ?? DEFAULT_DB_POOL_SIZE);
  const db = options.databaseUrl === undefined ? await createTestDatabase({ poolSize: options.dbConnections ?? poolSize }) : borrowedDatabase(options.databaseUrl);
  let app: NestFastifyApplication | undefined;
  try {
    const config = testConfig(db.url, options.env);
    app = await createApp(config, { imports: options.imports, clock: options.clock, logStream: options.logStream });
    // Listening on a real port (rather than letting supertest start and stop the server
    // around each request) lets tests send concurrent requests, as clients do.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const started = app;
    return {
      app: started,
      http: request(started.getHttpServer()),
      dataSource: started.get(DataSource),
      config,
      db,
      close: async () => {
        try {
          await started.close();
        } finally {
          await db.close();
        }
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** Another test app's database: used as it is, left for its owner to drop. */
function borrowedDatabase(url: string): TestDatabase {
  return {
    kind: testDbKind(),
    url,
    makeUnavailable: () => Promise.reject(new Error('makeUnavailable: only the app that owns the database can do that')),
    close: () => Promise.resolve(),
  };
}
