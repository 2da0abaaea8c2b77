import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerInterface } from 'typeorm';

/**
 * TypeORM's console loggers print coloured text; this one sends what matters (migrations,
 * slow queries, warnings) to the JSON log. Failed queries are not logged here: they
 * surface as exceptions, which the exception filter logs once if nobody handles them.
 */
export class TypeOrmLogger implements TypeOrmLoggerInterface {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug?.(`query failed: ${error instanceof Error ? error.message : error}; ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    // Parameters stay out: they may hold personal data.
    this.logger.warn(`slow query (${time} ms): ${query}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
