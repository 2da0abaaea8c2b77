import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export { ENTITIES } from './entities';
export { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  /** The primary: every write, every transaction, and every read not sent to a replica. */
  readonly url: string;
  /**
   * Streaming replicas of `url`. Reads go to one only through `readOnReplica` (read-replica.ts):
   * TypeORM's own default would send every SELECT outside a transaction there.
   */
  readonly replicaUrls?: readonly string[];
  /** Connections per pool: the primary's, and each replica's. */
  readonly poolSize: number;
  readonly logger?: Logger;
}

/**
 * TypeORM options for the API's database, the same for the application, tests and
 * scripts. The schema only ever changes through migrations, which run at start-up.
 */
export function buildDataSourceOptions({ url, replicaUrls = [], poolSize, logger }: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    // With replicas TypeORM keeps a pool per server; migrations and `synchronize` use the master.
    // defaultMode 'master': a plain find() or query builder reads the primary, so a client reads
    // its own writes; TypeORM's default ('slave') would send them to a replica that may lag.
    ...(replicaUrls.length === 0
      ? { url }
      : { replication: { master: { url }, slaves: replicaUrls.map((replica) => ({ url: replica })), defaultMode: 'master' as const } }),
    entities: [...ENTITIES],
    migrations: [...MIGRATIONS],
    migrationsRun: true,
    // One transaction per migration: a failure leaves the earlier ones applied and recorded.
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Extensions belong to migrations (and to an administrator in production), not to connect.
    installExtensions: false,
    // gen_random_uuid() is built into PostgreSQL 13+, uuid_generate_v4() needs uuid-ossp.
    uuidExtension: 'pgcrypto',
    poolSize,
    // Without it `pg` waits forever for a connection when the database is unreachable.
    connectTimeoutMS: 5000,
    maxQueryExecutionTime: 1000,
    ...(logger ? { logger, logging: ['warn', 'migration', 'schema'] } : { logging: false }),
  };
}

/** A DataSource outside Nest (scripts, benchmarks); the caller initializes and destroys it. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(buildDataSourceOptions(settings));
}
