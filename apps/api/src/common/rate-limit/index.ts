export { RateLimit } from './rate-limit.decorator';
export { RateLimitModule } from './rate-limit.module';
export { RateLimiter, type RateLimitCaller, type RateLimitRefusal } from './rate-limiter';
export { RateLimitedException } from './rate-limited.exception';
export { MemoryRateLimitStore, RateLimitStore, type RateLimitHit } from './rate-limit.store';
export { RedisRateLimitStore } from './redis-rate-limit.store';
export * from './rate-limit-policy';
