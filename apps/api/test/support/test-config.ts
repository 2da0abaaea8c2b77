import { uniformRateLimits } from '../../src/common/rate-limit/rate-limit-policy';
import { loadConfig, type AppConfig, type ConfigEnv } from '../../src/config';

/**
 * Rate limits no test reaches (a million calls a minute), so suites that sign in or apply in
 * bulk from 127.0.0.1 are unaffected while every limited route still goes through the counter.
 * test/rate-limit.e2e-spec.ts sets tight limits of its own.
 */
export const GENEROUS_RATE_LIMITS = uniformRateLimits(1_000_000, '1m');

/** Fixed secrets: tests never write development secrets to disk. */
export const TEST_SECRETS = {
  TOKEN_SECRET: 'test-token-secret-test-token-secret-0123',
  ID_ENCRYPTION_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  ID_HASH_KEY: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
} as const;

/** The configuration of a test app, through the real loader; `env` overrides any variable. */
export function testConfig(databaseUrl: string, env: ConfigEnv = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    // Quiet unless a developer asks: LOG_LEVEL=info pnpm test
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...TEST_SECRETS,
    RATE_LIMITS: GENEROUS_RATE_LIMITS,
    ...env,
  }).config;
}
