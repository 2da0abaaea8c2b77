import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimitStore, type RateLimitHit } from './rate-limit.store';

/**
 * One round trip, atomic: count the call, open the window on the first one (or repair a key
 * that lost its expiry), and say how long the window still runs.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/** A request never waits longer than this on Redis; after it, the call passes uncounted. */
const COMMAND_TIMEOUT_MS = 500;
/** How long start-up waits for a first connection before carrying on without one. */
const CONNECT_WAIT_MS = 3_000;
/** At most one warning about an unreachable Redis per this interval. */
const WARN_EVERY_MS = 60_000;

type HitCommand = (key: string, windowMs: number) => Promise<[number, number]>;

/**
 * Counters in Redis (REDIS_URL), shared by every API process. When Redis cannot answer, calls
 * pass uncounted and a warning is logged: the API stays available rather than refusing everyone.
 */
export class RedisRateLimitStore extends RateLimitStore implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private lastWarning = Number.NEGATIVE_INFINITY;

  constructor(url: string) {
    super();
    this.redis = new Redis(url, {
      // Fail at once while disconnected instead of queueing requests behind a dead server.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: CONNECT_WAIT_MS,
      // Keep trying to reconnect, at most every 5 s.
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    });
    this.redis.on('error', (error: Error) => this.warn(`Redis unreachable: ${error.message}`));
    this.redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  }

  /** Resolves once connected, or after the first failure or CONNECT_WAIT_MS (then limits fail open). */
  static async connect(url: string): Promise<RedisRateLimitStore> {
    const store = new RedisRateLimitStore(url);
    await store.firstConnection();
    return store;
  }

  async hit(key: string, windowMs: number): Promise<RateLimitHit | null> {
    try {
      const [count, ttl] = await (this.redis as unknown as { rateLimitHit: HitCommand }).rateLimitHit(key, windowMs);
      return { count: Number(count), resetInMs: Number(ttl) };
    } catch (error) {
      this.warn(`Redis did not count a call, so it passes unlimited: ${(error as Error).message}`);
      return null;
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  private firstConnection(): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        this.redis.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      this.redis.once('ready', done);
      this.redis.once('error', done);
    });
  }

  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(`${message} (rate limits fail open until it is back)`);
  }
}
