import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { DEV_SECRETS_FILE } from './dev-secrets';
import { loadConfig, type ConfigEnv } from './load-config';

const HEX_KEY_A = 'a'.repeat(64);
const HEX_KEY_B = 'b'.repeat(64);
const SECRET = 'x'.repeat(32);
const PRODUCTION: ConfigEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@db.example:5432/mamagang',
  TOKEN_SECRET: SECRET,
  ID_ENCRYPTION_KEY: HEX_KEY_A,
  ID_HASH_KEY: HEX_KEY_B,
};

function configError(env: ConfigEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mmg-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with no variables at all, generating development secrets it keeps in DATA_DIR', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.config).toMatchObject({ nodeEnv: 'development', port: 3000, host: '0.0.0.0', dbPoolSize: 10, devLogin: false, seedDemo: true });
    expect(first.config.databaseUrl).toBeUndefined();
    expect(first.config.tokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.config.idEncryptionKey).toHaveLength(32);
    expect(first.config.idHashKey).toHaveLength(32);
    expect(first.warnings.join('\n')).toContain('TOKEN_SECRET');

    const file = join(dataDir, DEV_SECRETS_FILE);
    expect(statSync(file).mode & 0o077).toBe(0);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.config.tokenSecret).toBe(first.config.tokenSecret);
    expect(second.config.idEncryptionKey.equals(first.config.idEncryptionKey)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('ID_HASH_KEY');
  });

  it('accepts a complete production configuration and writes nothing to disk', () => {
    const { config, warnings } = loadConfig({ ...PRODUCTION, DATA_DIR: dataDir, WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's', REDIS_URL: 'redis://cache:6379' });
    expect(config.isProduction).toBe(true);
    expect(config.seedDemo).toBe(false);
    expect(config.idEncryptionKey.equals(Buffer.from(HEX_KEY_A, 'hex'))).toBe(true);
    expect(warnings).toEqual([]);
    expect(() => statSync(join(dataDir, DEV_SECRETS_FILE))).toThrow();
  });

  it.each([
    ['missing', { TOKEN_SECRET: undefined }, 'is required when NODE_ENV=production'],
    ['short', { TOKEN_SECRET: 'too-short' }, 'at least 32 characters'],
  ])('refuses a %s TOKEN_SECRET in production, naming the variable', (_label, override, problem) => {
    const error = configError({ ...PRODUCTION, ...override });
    expect(error.issues).toEqual([{ variable: 'TOKEN_SECRET', problem: expect.stringContaining(problem) }]);
    expect(error.message).toContain('TOKEN_SECRET');
  });

  it('refuses a short TOKEN_SECRET in development too rather than replacing it', () => {
    expect(configError({ DATA_DIR: dataDir, TOKEN_SECRET: 'short' }).issues.map((i) => i.variable)).toEqual(['TOKEN_SECRET']);
  });

  it('requires both identity keys in production', () => {
    const error = configError({ ...PRODUCTION, ID_ENCRYPTION_KEY: undefined, ID_HASH_KEY: '' });
    expect(error.issues.map((i) => i.variable)).toEqual(['ID_ENCRYPTION_KEY', 'ID_HASH_KEY']);
  });

  it('reads 32-byte keys as hex or base64 and refuses other lengths', () => {
    const encryptionKey = Buffer.alloc(32, 7);
    const hashKey = Buffer.alloc(32, 0xfb); // its base64url form has '-' and '_'
    const { config } = loadConfig({ ...PRODUCTION, ID_ENCRYPTION_KEY: encryptionKey.toString('base64'), ID_HASH_KEY: hashKey.toString('base64url') });
    expect(config.idEncryptionKey.equals(encryptionKey)).toBe(true);
    expect(config.idHashKey.equals(hashKey)).toBe(true);
    expect(configError({ ...PRODUCTION, ID_HASH_KEY: 'ab'.repeat(16) }).issues[0]?.variable).toBe('ID_HASH_KEY');
    expect(configError({ ...PRODUCTION, ID_HASH_KEY: HEX_KEY_A }).issues[0]).toEqual({ variable: 'ID_HASH_KEY', problem: 'must differ from ID_ENCRYPTION_KEY' });
  });

  it('refuses DEV_LOGIN together with NODE_ENV=production', () => {
    const error = configError({ ...PRODUCTION, DEV_LOGIN: 'true' });
    expect(error.issues.map((i) => i.variable)).toEqual(['DEV_LOGIN']);
    expect(error.message).toMatch(/DEV_LOGIN: .*refused when NODE_ENV=production/);
  });

  it('names every bad variable at once', () => {
    const error = configError({ DATA_DIR: dataDir, NODE_ENV: 'staging', PORT: '70000', DB_POOL_SIZE: '0', DEV_LOGIN: 'yes', DATABASE_URL: 'mysql://x' });
    expect(error.issues.map((i) => i.variable).sort()).toEqual(['DATABASE_URL', 'DB_POOL_SIZE', 'DEV_LOGIN', 'NODE_ENV', 'PORT']);
  });

  it('turns the demo data off by default on a real database, and requires the WeChat pair together', () => {
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgresql://localhost/x' }).config.seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false' }).config.seedDemo).toBe(false);
    expect(configError({ DATA_DIR: dataDir, WECHAT_APP_ID: 'wx1' }).issues.map((i) => i.variable)).toEqual(['WECHAT_APP_SECRET']);
  });

  it('reads the DeepSeek settings with defaults, the key being optional', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).config.deepseek).toEqual({
      apiKey: undefined,
      baseUrl: 'https://api.deepseek.com',
      model: 'deepseek-chat',
      timeoutMs: 15000,
    });
    const { config } = loadConfig({
      DATA_DIR: dataDir,
      DEEPSEEK_API_KEY: 'sk-test',
      DEEPSEEK_BASE_URL: 'http://127.0.0.1:9999/v1/',
      DEEPSEEK_MODEL: 'deepseek-reasoner',
      DEEPSEEK_TIMEOUT_MS: '2500',
    });
    expect(config.deepseek).toEqual({ apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9999/v1', model: 'deepseek-reasoner', timeoutMs: 2500 });
  });

  it('refuses bad DeepSeek settings, naming each', () => {
    const error = configError({ DATA_DIR: dataDir, DEEPSEEK_BASE_URL: 'ftp://x', DEEPSEEK_TIMEOUT_MS: '15s', DEEPSEEK_MODEL: 'deep seek' });
    expect(error.issues.map((i) => i.variable).sort()).toEqual(['DEEPSEEK_BASE_URL', 'DEEPSEEK_MODEL', 'DEEPSEEK_TIMEOUT_MS']);
    expect(configError({ DATA_DIR: dataDir, DEEPSEEK_TIMEOUT_MS: '50' }).issues).toEqual([
      { variable: 'DEEPSEEK_TIMEOUT_MS', problem: expect.stringContaining('from 100 to 120000') },
    ]);
  });

  it('reads the subscribe-message templates per notification kind, and refuses a malformed list', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).config.wechat.subscribeTemplates).toEqual({});
    const { config } = loadConfig({ DATA_DIR: dataDir, WECHAT_SUBSCRIBE_TEMPLATES: ' application_accepted=AbC-12_3, application_hired=XyZ789, followup.reminder=Rem1 ' });
    expect(config.wechat.subscribeTemplates).toEqual({ application_accepted: 'AbC-12_3', application_hired: 'XyZ789', 'followup.reminder': 'Rem1' });
    expect(configError({ DATA_DIR: dataDir, WECHAT_SUBSCRIBE_TEMPLATES: 'application_accepted' }).issues.map((i) => i.variable)).toEqual([
      'WECHAT_SUBSCRIBE_TEMPLATES',
    ]);
  });

  it('reads the rate-limit settings: in memory and no proxy by default, Redis and proxies when set', () => {
    const defaults = loadConfig({ DATA_DIR: dataDir }).config;
    expect(defaults).toMatchObject({ trustProxy: false, redisUrl: undefined, rateLimitPrefix: 'mamagang:rl:' });
    expect(defaults.rateLimits.apply.user).toEqual({ limit: 30, windowMs: 60_000 });
    const { config } = loadConfig({
      DATA_DIR: dataDir,
      TRUST_PROXY: '10.0.0.0/8, loopback, ::1',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      RATE_LIMIT_PREFIX: 'staging:rl:',
      RATE_LIMITS: 'apply.user=5/10s',
    });
    expect(config).toMatchObject({ trustProxy: ['10.0.0.0/8', 'loopback', '::1'], redisUrl: 'redis://127.0.0.1:6379/2', rateLimitPrefix: 'staging:rl:' });
    expect(config.rateLimits.apply.user).toEqual({ limit: 5, windowMs: 10_000 });
    expect(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'true' }).config.trustProxy).toBe(true);
    const warnings = loadConfig(PRODUCTION).warnings;
    expect(warnings).toContainEqual(expect.stringContaining('REDIS_URL is not set'));
  });

  it('refuses bad rate-limit settings, naming each', () => {
    const error = configError({ DATA_DIR: dataDir, TRUST_PROXY: '10.0.0.0/33', REDIS_URL: 'http://cache', RATE_LIMIT_PREFIX: 'a b', RATE_LIMITS: 'apply=5/1m' });
    expect(error.issues.map((i) => i.variable).sort()).toEqual(['RATE_LIMITS', 'RATE_LIMIT_PREFIX', 'REDIS_URL', 'TRUST_PROXY']);
    expect(configError({ DATA_DIR: dataDir, TRUST_PROXY: '2' }).issues.map((i) => i.variable)).toEqual(['TRUST_PROXY']);
  });

  it('reads the replicas of DATABASE_URL, none by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).config.databaseReplicaUrls).toEqual([]);
    expect(loadConfig({ ...PRODUCTION }).config.databaseReplicaUrls).toEqual([]);
    const { config } = loadConfig({
      ...PRODUCTION,
      DATABASE_REPLICA_URLS: ' postgres://app:pw@replica-1.example:5432/mamagang , postgresql://app:pw@replica-2.example/mamagang',
    });
    expect(config.databaseReplicaUrls).toEqual(['postgres://app:pw@replica-1.example:5432/mamagang', 'postgresql://app:pw@replica-2.example/mamagang']);
    expect(Object.isFrozen(config.databaseReplicaUrls)).toBe(true);
  });

  it('refuses replicas without DATABASE_URL (the embedded PGlite has none) and bad entries, never echoing a URL', () => {
    const embedded = configError({ DATA_DIR: dataDir, DATABASE_REPLICA_URLS: 'postgres://app@replica.example/mamagang' });
    expect(embedded.issues).toEqual([{ variable: 'DATABASE_REPLICA_URLS', problem: expect.stringContaining('needs DATABASE_URL') }]);
    expect(embedded.message).toMatch(/DATABASE_REPLICA_URLS: needs DATABASE_URL: the embedded database \(PGlite\) has no replicas/);

    const bad = configError({
      ...PRODUCTION,
      DATABASE_REPLICA_URLS: `mysql://app:secret-pw@x/db,,${PRODUCTION.DATABASE_URL},postgres://app@r.example/m,postgres://app@r.example/m`,
    });
    expect(bad.issues.map((i) => i.problem)).toEqual([
      'entry 1 must be a postgres:// or postgresql:// URL',
      'entry 2 is empty (a stray comma?)',
      'entry 3 is DATABASE_URL itself; list only the replicas',
      'entry 5 repeats entry 4',
    ]);
    expect(bad.issues.every((i) => i.variable === 'DATABASE_REPLICA_URLS')).toBe(true);
    expect(bad.message).not.toContain('secret-pw');
  });

  it('refuses an H5_DIR that is not a folder', () => {
    expect(configError({ DATA_DIR: dataDir, H5_DIR: join(dataDir, 'missing') }).issues.map((i) => i.variable)).toEqual(['H5_DIR']);
  });
});
