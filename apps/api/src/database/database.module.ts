import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config';
import { buildDataSourceOptions } from './data-source';
import { DatabaseConnection, DatabaseConnectionModule } from './database-connection';
import { TransactionRunner } from './transaction';
import { TypeOrmLogger } from './typeorm-logger';

/** Errors worth another attempt at start-up: the server is not there yet, not a bad migration. */
const TRANSIENT_CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P03']);

/**
 * The database for the whole application: TypeORM's DataSource (migrations run when it
 * starts) and the TransactionRunner. Global, so a feature module only declares its own
 * entities with `TypeOrmModule.forFeature([...])`.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [DatabaseConnectionModule],
      inject: [DatabaseConnection, AppConfig],
      useFactory: (connection: DatabaseConnection, config: AppConfig) => ({
        ...buildDataSourceOptions({
          url: connection.url,
          replicaUrls: config.databaseReplicaUrls,
          poolSize: config.dbPoolSize,
          logger: new TypeOrmLogger(),
        }),
        // A production server may come up after the API; anything else fails at once.
        retryAttempts: config.isProduction ? 10 : 0,
        retryDelay: 3000,
        toRetry: (error: unknown) => TRANSIENT_CONNECT_ERRORS.has(String((error as { code?: unknown }).code)),
      }),
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
