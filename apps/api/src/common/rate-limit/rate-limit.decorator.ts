import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors';
import type { RateLimitRule } from './rate-limit-policy';

export const RATE_LIMIT_KEY = 'mamagang:rate-limit';

/**
 * Counts every call of the route under `rule`, per signed-in user and per client address,
 * and answers 429 RATE_LIMITED with Retry-After past the limit, before the handler runs.
 * Routes sharing a rule share its budget (both sign-ins, for instance).
 */
export const RateLimit = (rule: RateLimitRule) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_KEY, rule),
    ApiTooManyRequestsResponse({
      type: ErrorResponseDto,
      description: `RATE_LIMITED (limit "${rule}", see RATE_LIMITS); the Retry-After header gives the seconds to wait`,
      headers: { 'Retry-After': { description: 'Seconds until the call is accepted again', schema: { type: 'integer' } } },
    }),
  );
