import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { RATE_LIMIT_KEY } from './rate-limit.decorator';
import type { RateLimitRule } from './rate-limit-policy';
import { RateLimiter } from './rate-limiter';

/** What the interceptor reads of a Fastify request; `principal` is set by the AuthGuard. */
interface LimitedRequest {
  readonly ip: string;
  readonly principal?: { readonly userId: string };
}

/**
 * Global: enforces `@RateLimit(rule)`. An interceptor runs after the guards, so the caller is
 * known (and a call refused as unauthenticated is not counted), and before validation and the
 * handler, so a refused call writes nothing.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT_KEY, ctx.getHandler());
    if (rule !== undefined && ctx.getType() === 'http') {
      const request = ctx.switchToHttp().getRequest<LimitedRequest>();
      // request.ip honours X-Forwarded-For only as far as TRUST_PROXY allows (Fastify's trustProxy).
      await this.limiter.consume(rule, { userId: request.principal?.userId, ip: request.ip });
    }
    return next.handle();
  }
}
