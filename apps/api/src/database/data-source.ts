import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export { ENTITIES } from './entities';
export { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  readonly url: string;
  readonly poolSize: number;
  readonly logger?: Logger;
}

/**
 * TypeORM options for the API's database, the same for the application, tests and
 * scripts. The schema only ever changes through migrations, which run at start-up.
 */
export function buildDataSourceOptions({ url, poolSize, logger }: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url,
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
