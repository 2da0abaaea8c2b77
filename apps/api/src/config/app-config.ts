import type { RateLimitPolicy } from '../common/rate-limit/rate-limit-policy';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Which proxies' X-Forwarded-For the API believes for the client address (TRUST_PROXY):
 * none (false), any (true), or those at these addresses/CIDR ranges.
 */
export type TrustProxy = boolean | readonly string[];

export interface WechatConfig {
  /** Absent in development when only the demo sign-in is used. */
  readonly appId: string | undefined;
  readonly appSecret: string | undefined;
  readonly apiBase: string;
  /** Notification kind → subscribe-message template id (WECHAT_SUBSCRIBE_TEMPLATES); empty: none are pushed. */
  readonly subscribeTemplates: Readonly<Record<string, string>>;
}

export interface DeepSeekConfig {
  /** Absent: resumes are optimised by the local rule-based optimiser. */
  readonly apiKey: string | undefined;
  /** OpenAI-compatible base URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly model: string;
  /** After this many milliseconds the call is abandoned and the local optimiser answers. */
  readonly timeoutMs: number;
}

/** The fields of {@link AppConfig}, as {@link loadConfig} produces them. */
export interface AppConfigValues {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** Set: use that PostgreSQL. Unset: start the embedded PGlite in {@link dataDir}. */
  readonly databaseUrl: string | undefined;
  /**
   * Streaming replicas of {@link databaseUrl} (DATABASE_REPLICA_URLS); empty: none. Only the
   * reads a repository sends there on purpose (`readOnReplica`) use them; see docs/SCALING.md.
   */
  readonly databaseReplicaUrls: readonly string[];
  /** Absolute folder of the embedded database (and of generated development secrets). */
  readonly dataDir: string;
  readonly dbPoolSize: number;
  /** At least 32 characters; signs access tokens. */
  readonly tokenSecret: string;
  /** 32 bytes: AES-256 key for identity numbers at rest. */
  readonly idEncryptionKey: Buffer;
  /** 32 bytes: HMAC key for looking identity numbers up without decrypting them. */
  readonly idHashKey: Buffer;
  /** Earlier encryption keys, still accepted for reading (key rotation). */
  readonly previousIdEncryptionKeys: readonly Buffer[];
  readonly wechat: WechatConfig;
  readonly devLogin: boolean;
  readonly seedDemo: boolean;
  /** Absolute folder of built H5 pages served at `/`, if any. */
  readonly h5Dir: string | undefined;
  readonly deepseek: DeepSeekConfig;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit: number;
  /** Whose X-Forwarded-For to believe when reading the client address (rate limits, logs). */
  readonly trustProxy: TrustProxy;
  /** Set: rate-limit counters live in this Redis, shared by every API process. Unset: in memory. */
  readonly redisUrl: string | undefined;
  /** Prefix of every rate-limit key in Redis (RATE_LIMIT_PREFIX). */
  readonly rateLimitPrefix: string;
  /** Limits per action and scope (RATE_LIMITS on top of the defaults). */
  readonly rateLimits: RateLimitPolicy;
}

/**
 * Validated configuration. A class rather than an interface so that it is its own
 * injection token: `constructor(private readonly config: AppConfig)` needs no @Inject().
 */
export class AppConfig implements AppConfigValues {
  readonly nodeEnv!: NodeEnv;
  readonly port!: number;
  readonly host!: string;
  readonly logLevel!: LogLevel;
  readonly databaseUrl!: string | undefined;
  readonly databaseReplicaUrls!: readonly string[];
  readonly dataDir!: string;
  readonly dbPoolSize!: number;
  readonly tokenSecret!: string;
  readonly idEncryptionKey!: Buffer;
  readonly idHashKey!: Buffer;
  readonly previousIdEncryptionKeys!: readonly Buffer[];
  readonly wechat!: WechatConfig;
  readonly devLogin!: boolean;
  readonly seedDemo!: boolean;
  readonly h5Dir!: string | undefined;
  readonly deepseek!: DeepSeekConfig;
  readonly bodyLimit!: number;
  readonly trustProxy!: TrustProxy;
  readonly redisUrl!: string | undefined;
  readonly rateLimitPrefix!: string;
  readonly rateLimits!: RateLimitPolicy;

  constructor(values: AppConfigValues) {
    Object.assign(this, values);
    // Configuration is read once at start; freezing catches code that would mutate it per request.
    Object.freeze(this.wechat);
    Object.freeze(this.deepseek);
    Object.freeze(this);
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get usesEmbeddedDatabase(): boolean {
    return this.databaseUrl === undefined;
  }
}
