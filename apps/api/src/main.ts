import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, type ConfigEnv, type LoadedConfig } from './config';
import { findRepoRoot } from './config/repo-root';

/**
 * `--demo` (the README's start command) turns on what a newcomer's trial needs unless the
 * environment says otherwise: the demo sign-in, the demo city, and the H5 pages if built.
 * Explicit, so a production start never gets them by accident; the config loader still
 * refuses DEV_LOGIN when NODE_ENV=production.
 */
function withDemoDefaults(env: NodeJS.ProcessEnv): ConfigEnv {
  const h5 = join(findRepoRoot(), 'apps', 'miniapp', 'dist', 'h5');
  return {
    ...env,
    DEV_LOGIN: env.DEV_LOGIN ?? 'true',
    SEED_DEMO: env.SEED_DEMO ?? 'true',
    H5_DIR: env.H5_DIR ?? (existsSync(join(h5, 'index.html')) ? h5 : undefined),
  };
}

async function main(): Promise<void> {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(process.argv.includes('--demo') ? withDemoDefaults(process.env) : process.env);
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
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  Logger.log(`妈妈岗 is running: http://${shown}:${config.port}/ (API docs: /docs)`, 'Start');
}

main().catch((error: unknown) => {
  // The application's logger may not exist yet: write one JSON line like pino would.
  const err = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  process.stderr.write(`${JSON.stringify({ level: 60, time: Date.now(), msg: 'failed to start', err })}\n`);
  process.exit(1);
});
