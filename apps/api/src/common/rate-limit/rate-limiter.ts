import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RATE_LIMIT_SCOPES, type RateLimitRule, type RateLimitScope } from './rate-limit-policy';
import { RateLimitedException } from './rate-limited.exception';
import { RateLimitStore } from './rate-limit.store';

/** Who is calling: the signed-in user (if any) and the client address. */
export interface RateLimitCaller {
  readonly userId?: string;
  readonly ip: string;
}

/** Why a call is refused: the scopes over their limit, and when the last of them reopens. */
export interface RateLimitRefusal {
  readonly scopes: readonly RateLimitScope[];
  readonly retryAfterMs: number;
}

/** Counts calls per action and scope; refuses the ones over a limit. */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimit');

  constructor(
    private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  /**
   * Counts the call on each configured scope of `rule` and throws {@link RateLimitedException}
   * when one is over its limit. A scope the caller lacks (no user on a sign-in) is not counted.
   */
  async consume(rule: RateLimitRule, caller: RateLimitCaller): Promise<void> {
    const refusal = await this.check(rule, caller);
    if (refusal) {
      this.logger.log(`refused ${rule} (over the ${refusal.scopes.join(' and ')} limit)`);
      throw new RateLimitedException(refusal.retryAfterMs);
    }
  }

  async check(rule: RateLimitRule, caller: RateLimitCaller): Promise<RateLimitRefusal | null> {
    const limits = this.config.rateLimits[rule];
    const counted = RATE_LIMIT_SCOPES.flatMap((scope) => {
      const limit = limits[scope];
      const id = scope === 'user' ? caller.userId : caller.ip;
      return limit === undefined || id === undefined || id === '' ? [] : [{ scope, limit, key: `${this.config.rateLimitPrefix}${rule}:${scope}:${id}` }];
    });
    const hits = await Promise.all(counted.map((c) => this.store.hit(c.key, c.limit.windowMs)));
    let refusal: { scopes: RateLimitScope[]; retryAfterMs: number } | null = null;
    counted.forEach((c, i) => {
      const hit = hits[i];
      // No answer from the store: let the call through (availability over limiting).
      if (!hit || hit.count <= c.limit.limit) return;
      refusal ??= { scopes: [], retryAfterMs: 0 };
      refusal.scopes.push(c.scope);
      refusal.retryAfterMs = Math.max(refusal.retryAfterMs, hit.resetInMs);
    });
    return refusal;
  }
}
