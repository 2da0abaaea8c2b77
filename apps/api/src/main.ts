import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type LoadedConfig } from './config';

async function main(): Promise<void> {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const { config, warnings } = loaded;
  const app = await createApp(config);
  // SIGTERM (docker stop, systemd) and SIGINT (Ctrl-C) close the server, let requests in
  // flight finish, close the pool, then stop the embedded database cleanly.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  for (const warning of warnings) Logger.warn(warning, 'Config');
  if (config.devLogin) Logger.warn('DEV_LOGIN is on: anyone can sign in as a demo user', 'Config');
  // Fastify logs the address it listens on.
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  // The application's logger may not exist yet: write one JSON line like pino would.
  const err = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  process.stderr.write(`${JSON.stringify({ level: 60, time: Date.now(), msg: 'failed to start', err })}\n`);
  process.exit(1);
});
