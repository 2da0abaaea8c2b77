import { COMMON_ERROR_MESSAGES, CommonException } from '../errors';

/**
 * 429 RATE_LIMITED with a Retry-After header (whole seconds, at least 1). Every limit of the API
 * answers with it: the per-route limits of {@link RateLimitInterceptor} and a feature's own
 * quotas (the daily resume optimisations).
 */
export class RateLimitedException extends CommonException {
  readonly retryAfterSeconds: number;

  constructor(retryAfterMs: number, message: string = COMMON_ERROR_MESSAGES.RATE_LIMITED) {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super('RATE_LIMITED', message, { headers: { 'Retry-After': String(retryAfterSeconds) } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
