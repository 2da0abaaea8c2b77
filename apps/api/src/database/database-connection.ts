import { Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/**
 * Where the database is: DATABASE_URL, or the embedded PGlite this process starts in
 * DATA_DIR. It owns the embedded database and stops it at shutdown. Its module is
 * imported by TypeORM's, so Nest shuts it down after TypeORM has closed its pool.
 */
export class DatabaseConnection implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  private constructor(
    readonly url: string,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async open(config: AppConfig): Promise<DatabaseConnection> {
    if (config.databaseUrl !== undefined) return new DatabaseConnection(config.databaseUrl, undefined);
    const started = Date.now();
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: config.dbPoolSize });
    DatabaseConnection.logger.log(`embedded PostgreSQL (PGlite) in ${config.dataDir} ready in ${Date.now() - started} ms`);
    return new DatabaseConnection(embedded.url, embedded);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.embedded === undefined) return;
    await this.embedded.stop();
    DatabaseConnection.logger.log('embedded PostgreSQL stopped');
  }
}

@Module({
  providers: [{ provide: DatabaseConnection, useFactory: (config: AppConfig) => DatabaseConnection.open(config), inject: [AppConfig] }],
  exports: [DatabaseConnection],
})
export class DatabaseConnectionModule {}
