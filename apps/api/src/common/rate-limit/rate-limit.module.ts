import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { RateLimitInterceptor } from './rate-limit.interceptor';
import { RateLimiter } from './rate-limiter';
import { MemoryRateLimitStore, RateLimitStore } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/**
 * Rate limits for routes marked `@RateLimit(rule)`: counters in Redis when REDIS_URL is set,
 * so every API process shares them; in this process's memory otherwise. Features may inject
 * {@link RateLimiter} for limits that are not a whole route.
 */
@Global()
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [AppConfig, Clock],
      useFactory: (config: AppConfig, clock: Clock): Promise<RateLimitStore> | RateLimitStore =>
        config.redisUrl !== undefined ? RedisRateLimitStore.connect(config.redisUrl) : new MemoryRateLimitStore(clock),
    },
    RateLimiter,
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
  ],
  exports: [RateLimiter, RateLimitStore],
})
export class RateLimitModule {}
