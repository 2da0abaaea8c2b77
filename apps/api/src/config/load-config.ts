import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isIP } from 'node:net';
import { parseRateLimits } from '../common/rate-limit/rate-limit-policy';
import { AppConfig, LOG_LEVELS, NODE_ENVS, type LogLevel, type NodeEnv, type TrustProxy } from './app-config';
import { ConfigError, type ConfigIssue } from './config-error';
import { GENERATED_SECRETS, loadOrCreateDevSecrets, type GeneratedSecret } from './dev-secrets';
import { findRepoRoot } from './repo-root';

/** Every variable the API reads; anything else in the environment is ignored. */
export type EnvVar =
  | 'NODE_ENV'
  | 'PORT'
  | 'HOST'
  | 'LOG_LEVEL'
  | 'DATABASE_URL'
  | 'DATABASE_REPLICA_URLS'
  | 'DATA_DIR'
  | 'DB_POOL_SIZE'
  | 'TOKEN_SECRET'
  | 'ID_ENCRYPTION_KEY'
  | 'ID_HASH_KEY'
  | 'ID_ENCRYPTION_KEY_PREVIOUS'
  | 'WECHAT_APP_ID'
  | 'WECHAT_APP_SECRET'
  | 'WECHAT_API_BASE'
  | 'WECHAT_SUBSCRIBE_TEMPLATES'
  | 'DEV_LOGIN'
  | 'SEED_DEMO'
  | 'H5_DIR'
  | 'DEEPSEEK_API_KEY'
  | 'DEEPSEEK_BASE_URL'
  | 'DEEPSEEK_MODEL'
  | 'DEEPSEEK_TIMEOUT_MS'
  | 'TRUST_PROXY'
  | 'REDIS_URL'
  | 'RATE_LIMIT_PREFIX'
  | 'RATE_LIMITS';

export type ConfigEnv = Partial<Record<EnvVar, string | undefined>>;

export interface LoadedConfig {
  readonly config: AppConfig;
  /** Things the operator should know but that do not stop the start, e.g. generated secrets. */
  readonly warnings: readonly string[];
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_DB_POOL_SIZE = 10;
export const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com';
export const DEFAULT_DEEPSEEK_BASE_URL = 'https://api.deepseek.com';
export const DEFAULT_DEEPSEEK_MODEL = 'deepseek-chat';
export const DEFAULT_DEEPSEEK_TIMEOUT_MS = 15_000;
export const DEFAULT_RATE_LIMIT_PREFIX = 'mamagang:rl:';
/** Big enough for any form of the product, small enough that a client cannot tie up memory. */
export const BODY_LIMIT_BYTES = 256 * 1024;
const MIN_TOKEN_SECRET_LENGTH = 32;

/**
 * Reads and validates the configuration. Throws {@link ConfigError} naming every bad
 * variable; main.ts turns that into exit code 1. Outside production, missing secrets are
 * generated once and kept in DATA_DIR (the only side effect).
 */
export function loadConfig(env: ConfigEnv = process.env): LoadedConfig {
  const issues: ConfigIssue[] = [];
  const warnings: string[] = [];
  const issue = (variable: EnvVar, problem: string): void => {
    issues.push({ variable, problem });
  };
  // An empty value (`FOO=` in an env file) means "not set", as most tools read it.
  const read = (name: EnvVar): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const nodeEnv = parseEnum<NodeEnv>(read('NODE_ENV'), NODE_ENVS, 'development', (p) => issue('NODE_ENV', p));
  const production = nodeEnv === 'production';
  const port = parseInteger(read('PORT'), DEFAULT_PORT, 0, 65535, (p) => issue('PORT', p));
  const host = read('HOST') ?? DEFAULT_HOST;
  const logLevel = parseEnum<LogLevel>(read('LOG_LEVEL'), LOG_LEVELS, 'info', (p) => issue('LOG_LEVEL', p));

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !isUrl(databaseUrl, ['postgres:', 'postgresql:'])) {
    issue('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const databaseReplicaUrls = parseReplicaUrls(read('DATABASE_REPLICA_URLS'), databaseUrl, (p) => issue('DATABASE_REPLICA_URLS', p));
  const dataDirValue = read('DATA_DIR');
  const dataDir = dataDirValue !== undefined ? resolve(dataDirValue) : join(findRepoRoot(), '.data', 'pglite');
  const dbPoolSize = parseInteger(read('DB_POOL_SIZE'), DEFAULT_DB_POOL_SIZE, 1, 100, (p) => issue('DB_POOL_SIZE', p));

  // Secrets: required in production; elsewhere generated once and remembered in DATA_DIR.
  const secretValues: Partial<Record<GeneratedSecret, string>> = {};
  for (const name of GENERATED_SECRETS) secretValues[name] = read(name);
  const missing = GENERATED_SECRETS.filter((name) => secretValues[name] === undefined);
  if (missing.length > 0) {
    if (production) {
      for (const name of missing) issue(name, 'is required when NODE_ENV=production');
    } else {
      try {
        const dev = loadOrCreateDevSecrets(dataDir, missing);
        for (const name of missing) secretValues[name] = dev.values[name];
        const verb = dev.created.length > 0 ? 'generated and saved' : 'read';
        warnings.push(
          `${missing.join(', ')} not set: ${verb} development value(s) in ${dev.file}. Set them explicitly in production.`,
        );
      } catch (error) {
        issue(missing[0]!, `not set, and no development value could be kept in DATA_DIR: ${(error as Error).message}`);
      }
    }
  }
  const tokenSecret = secretValues.TOKEN_SECRET ?? '';
  if (secretValues.TOKEN_SECRET !== undefined && tokenSecret.length < MIN_TOKEN_SECRET_LENGTH) {
    issue('TOKEN_SECRET', `must be at least ${MIN_TOKEN_SECRET_LENGTH} characters long (got ${tokenSecret.length})`);
  }
  const idEncryptionKey = parseKey(secretValues.ID_ENCRYPTION_KEY, (p) => issue('ID_ENCRYPTION_KEY', p));
  const idHashKey = parseKey(secretValues.ID_HASH_KEY, (p) => issue('ID_HASH_KEY', p));
  // Key rotation: values sealed with an earlier key stay readable while they are re-encrypted.
  const previousIdEncryptionKeys = (read('ID_ENCRYPTION_KEY_PREVIOUS') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')
    .map((k) => parseKey(k, (p) => issue('ID_ENCRYPTION_KEY_PREVIOUS', p)));
  if (idEncryptionKey.length === 32 && idEncryptionKey.equals(idHashKey)) {
    // One key for both would let a leak of either undo the other's protection.
    issue('ID_HASH_KEY', 'must differ from ID_ENCRYPTION_KEY');
  }

  const wechatAppId = read('WECHAT_APP_ID');
  const wechatAppSecret = read('WECHAT_APP_SECRET');
  if ((wechatAppId === undefined) !== (wechatAppSecret === undefined)) {
    issue(wechatAppId === undefined ? 'WECHAT_APP_ID' : 'WECHAT_APP_SECRET', 'must be set together with its pair (WECHAT_APP_ID and WECHAT_APP_SECRET)');
  } else if (wechatAppId === undefined && production) {
    warnings.push('WECHAT_APP_ID and WECHAT_APP_SECRET are not set: WeChat sign-in will not work.');
  }
  const wechatApiBase = (read('WECHAT_API_BASE') ?? DEFAULT_WECHAT_API_BASE).replace(/\/+$/, '');
  if (!isUrl(wechatApiBase, ['https:', 'http:'])) issue('WECHAT_API_BASE', 'must be an http(s) URL');
  const subscribeTemplates = parseSubscribeTemplates(read('WECHAT_SUBSCRIBE_TEMPLATES'), (p) => issue('WECHAT_SUBSCRIBE_TEMPLATES', p));

  const devLogin = parseBoolean(read('DEV_LOGIN'), false, (p) => issue('DEV_LOGIN', p));
  if (devLogin && production) {
    issue('DEV_LOGIN', 'the demo sign-in lets anyone act as any user; it is refused when NODE_ENV=production');
  }
  // Demo data belongs to a local trial on the embedded database, never by default to a real one.
  const seedDemo = parseBoolean(read('SEED_DEMO'), databaseUrl === undefined && !production, (p) => issue('SEED_DEMO', p));

  const h5DirValue = read('H5_DIR');
  const h5Dir = h5DirValue !== undefined ? resolve(h5DirValue) : undefined;
  if (h5Dir !== undefined && !isDirectory(h5Dir)) issue('H5_DIR', `${h5Dir} is not a folder`);

  // Resume optimisation: without a key the local rule-based optimiser does the job.
  const deepseekApiKey = read('DEEPSEEK_API_KEY');
  const deepseekBaseUrl = (read('DEEPSEEK_BASE_URL') ?? DEFAULT_DEEPSEEK_BASE_URL).replace(/\/+$/, '');
  if (!isUrl(deepseekBaseUrl, ['https:', 'http:'])) issue('DEEPSEEK_BASE_URL', 'must be an http(s) URL');
  const deepseekModel = read('DEEPSEEK_MODEL') ?? DEFAULT_DEEPSEEK_MODEL;
  if (!/^[\w.:/-]{1,100}$/.test(deepseekModel)) issue('DEEPSEEK_MODEL', `must be a model name such as ${DEFAULT_DEEPSEEK_MODEL} (got "${deepseekModel}")`);
  const deepseekTimeoutMs = parseInteger(read('DEEPSEEK_TIMEOUT_MS'), DEFAULT_DEEPSEEK_TIMEOUT_MS, 100, 120_000, (p) => issue('DEEPSEEK_TIMEOUT_MS', p));

  // Rate limits: counters in Redis when REDIS_URL is set (shared by every API process), else in memory.
  const trustProxy = parseTrustProxy(read('TRUST_PROXY'), (p) => issue('TRUST_PROXY', p));
  const redisUrl = read('REDIS_URL');
  if (redisUrl !== undefined && !isUrl(redisUrl, ['redis:', 'rediss:'])) issue('REDIS_URL', 'must be a redis:// or rediss:// URL');
  const rateLimitPrefix = read('RATE_LIMIT_PREFIX') ?? DEFAULT_RATE_LIMIT_PREFIX;
  if (!/^[\w:.-]{1,100}$/.test(rateLimitPrefix)) issue('RATE_LIMIT_PREFIX', `must be 1-100 letters, digits or _:.- (got "${rateLimitPrefix}")`);
  const rateLimits = parseRateLimits(read('RATE_LIMITS'), (p) => issue('RATE_LIMITS', p));
  if (production && redisUrl === undefined) {
    warnings.push('REDIS_URL is not set: rate limits are counted in memory, per API process.');
  }

  if (issues.length > 0) throw new ConfigError(issues);

  const config = new AppConfig({
    nodeEnv,
    port,
    host,
    logLevel,
    databaseUrl,
    databaseReplicaUrls,
    dataDir,
    dbPoolSize,
    tokenSecret,
    idEncryptionKey,
    idHashKey,
    previousIdEncryptionKeys,
    wechat: { appId: wechatAppId, appSecret: wechatAppSecret, apiBase: wechatApiBase, subscribeTemplates },
    devLogin,
    seedDemo,
    h5Dir,
    deepseek: { apiKey: deepseekApiKey, baseUrl: deepseekBaseUrl, model: deepseekModel, timeoutMs: deepseekTimeoutMs },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy,
    redisUrl,
    rateLimitPrefix,
    rateLimits,
  });
  return { config, warnings };
}

function parseEnum<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, fail: (p: string) => void): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  fail(`must be one of ${allowed.join(', ')} (got "${value}")`);
  return fallback;
}

function parseInteger(value: string | undefined, fallback: number, min: number, max: number, fail: (p: string) => void): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(`must be a whole number from ${min} to ${max} (got "${value}")`);
    return fallback;
  }
  return Number(value);
}

function parseBoolean(value: string | undefined, fallback: boolean, fail: (p: string) => void): boolean {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  fail(`must be true or false (got "${value}")`);
  return fallback;
}

/** A 32-byte key written as 64 hex characters or as base64 (standard or URL-safe). */
function parseKey(value: string | undefined, fail: (p: string) => void): Buffer {
  if (value === undefined) return Buffer.alloc(0); // already reported as missing
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(value)) key = Buffer.from(value, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) key = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
  if (key?.length !== 32) {
    fail('must be a 32-byte key written as 64 hex characters or 44 base64 characters (e.g. `openssl rand -hex 32`)');
    return Buffer.alloc(0);
  }
  return key;
}

/** Names Fastify's proxy-addr accepts for groups of private addresses. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `false` (default: the address of the connection, X-Forwarded-For ignored),
 * `true` (believe the header from any peer: only when nothing but your proxy can reach the API),
 * or the proxies' addresses/CIDR ranges separated by commas (`10.0.0.0/8`, `loopback`, ...):
 * the client is then the nearest address in X-Forwarded-For that is not one of them.
 */
function parseTrustProxy(value: string | undefined, fail: (p: string) => void): TrustProxy {
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  if (lower === 'false' || lower === '0') return false;
  if (lower === 'true' || lower === '1') return true;
  const ranges = value.split(',').map((r) => r.trim()).filter((r) => r !== '');
  const bad = ranges.filter((range) => {
    if (PROXY_RANGE_NAMES.includes(range)) return false;
    const [address, bits, extra] = range.split('/');
    const version = isIP(address ?? '');
    if (version === 0 || extra !== undefined) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
  });
  if (ranges.length === 0 || bad.length > 0) {
    fail(`must be true, false, or proxy addresses/CIDR ranges (or loopback, linklocal, uniquelocal) separated by commas (got "${value}")`);
    return false;
  }
  return Object.freeze(ranges);
}

function isUrl(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Read-only replicas of DATABASE_URL (PostgreSQL streaming replicas), comma-separated. Each
 * entry is named by its position, never echoed: a URL may hold a password.
 */
function parseReplicaUrls(value: string | undefined, databaseUrl: string | undefined, fail: (p: string) => void): readonly string[] {
  if (value === undefined) return Object.freeze([]);
  if (databaseUrl === undefined) {
    fail('needs DATABASE_URL: the embedded database (PGlite) has no replicas; set DATABASE_URL to the primary, or unset DATABASE_REPLICA_URLS');
    return Object.freeze([]);
  }
  const urls = value.split(',').map((u) => u.trim());
  urls.forEach((url, i) => {
    if (url === '') fail(`entry ${i + 1} is empty (a stray comma?)`);
    else if (!isUrl(url, ['postgres:', 'postgresql:'])) fail(`entry ${i + 1} must be a postgres:// or postgresql:// URL`);
    else if (url === databaseUrl) fail(`entry ${i + 1} is DATABASE_URL itself; list only the replicas`);
    else if (urls.indexOf(url) < i) fail(`entry ${i + 1} repeats entry ${urls.indexOf(url) + 1}`);
  });
  return Object.freeze(urls);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `kind=templateId` pairs, comma-separated: which WeChat subscribe-message template carries
 * each notification kind (e.g. `application_accepted=AbC123,application_hired=XyZ789`).
 */
function parseSubscribeTemplates(value: string | undefined, onIssue: (problem: string) => void): Readonly<Record<string, string>> {
  const templates: Record<string, string> = {};
  for (const pair of (value ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    // Kinds are snake_case, dotted by feature (`application_accepted`, `followup.reminder`).
    const match = /^([a-z][a-z0-9_.]{0,63})=([A-Za-z0-9_-]{1,128})$/.exec(pair);
    if (!match) {
      onIssue(`must be kind=templateId pairs separated by commas (got "${pair}")`);
      continue;
    }
    templates[match[1] as string] = match[2] as string;
  }
  return Object.freeze(templates);
}
