import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type ModuleImport } from './app.module';
import { AllExceptionsFilter, validationException } from './common/errors';
import { useJsonBodies } from './common/http/json-body';
import { NestPinoLogger } from './common/logging/nest-pino-logger';
import { loggerOptions } from './common/logging/logger-options';
import type { AppConfig } from './config';
import type { Clock } from './common/clock/clock';

export interface CreateAppOptions {
  /** Extra modules mounted next to the features (tests: test-only controllers). */
  readonly imports?: readonly ModuleImport[];
  /** Replaces the system clock (tests that move time). */
  readonly clock?: Clock;
  /** Where the JSON log lines go instead of stdout (tests that read the log). */
  readonly logStream?: { write(line: string): void };
}

/** Every API route lives under /api; /health and /docs stay at the root for probes and people. */
export const API_PREFIX = 'api';

export const OPENAPI_PATH = 'docs';

/**
 * Builds the whole HTTP application, initialized but not listening. main.ts and the
 * tests both build it here, so what the tests exercise is what runs in production.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: { ...loggerOptions(config.logLevel), ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: config.bodyLimit,
    // request.ip (rate limits, logs) reads X-Forwarded-For only from the proxies TRUST_PROXY names.
    trustProxy: typeof config.trustProxy === 'object' ? [...config.trustProxy] : config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.imports, options.clock), adapter, {
    logger: new NestPinoLogger(adapter.getInstance().log),
    // Let start-up errors (bad DATABASE_URL, failing migration) reach the caller, which
    // logs them and exits 1; the default aborts the process without a useful message.
    abortOnError: false,
    // JSON only, with a nesting limit: see useJsonBodies.
    bodyParser: false,
  });
  useJsonBodies(app, config.bodyLimit);

  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => validationException(errors),
    }),
  );

  const document = new DocumentBuilder()
    .setTitle('妈妈岗 API')
    .setDescription('Errors are always `{ code, message, details? }`; `message` is for the user, in Simplified Chinese.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  // A factory: the document is built on the first request, not at every start-up.
  SwaggerModule.setup(OPENAPI_PATH, app, () => SwaggerModule.createDocument(app, document));

  if (config.h5Dir !== undefined) {
    // The built H5 pages at `/`; API routes are exact paths, so they win over the files,
    // and a missing file falls through to the API's 404.
    app.useStaticAssets({ root: config.h5Dir, prefix: '/', index: ['index.html'] });
  }

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
