import { HttpStatus } from '@nestjs/common';

/*
 * The one table from error code to HTTP status. A feature adds its codes here, in its own
 * block, and derives its code union from that block (see HEALTH_ERROR_STATUS and
 * src/modules/health/health.errors.ts); the type of AppException then refuses any code
 * that has no status.
 */

/** Codes any feature may use; the exception filter also maps framework errors onto them. */
export const COMMON_ERROR_STATUS = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  BAD_REQUEST: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
} as const satisfies Record<string, HttpStatus>;

export const HEALTH_ERROR_STATUS = {
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
} as const satisfies Record<string, HttpStatus>;

export const AUTH_ERROR_STATUS = {
  WECHAT_NOT_CONFIGURED: HttpStatus.SERVICE_UNAVAILABLE,
  WECHAT_UNAVAILABLE: HttpStatus.BAD_GATEWAY,
  WECHAT_LOGIN_FAILED: HttpStatus.UNAUTHORIZED,
  WECHAT_PHONE_FAILED: HttpStatus.BAD_REQUEST,
  DEV_LOGIN_DISABLED: HttpStatus.NOT_FOUND,
  DEMO_USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  PHONE_INVALID: HttpStatus.BAD_REQUEST,
  PHONE_TAKEN: HttpStatus.CONFLICT,
  PHONE_CODE_TOO_SOON: HttpStatus.TOO_MANY_REQUESTS,
  PHONE_CODE_INVALID: HttpStatus.BAD_REQUEST,
} as const satisfies Record<string, HttpStatus>;

export const ERROR_STATUS = {
  ...COMMON_ERROR_STATUS,
  ...HEALTH_ERROR_STATUS,
  ...AUTH_ERROR_STATUS,
} as const satisfies Record<string, HttpStatus>;

export type CommonErrorCode = keyof typeof COMMON_ERROR_STATUS;
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The common code for an error that did not come as an AppException (a Nest
 * HttpException, a Fastify parser error), from its HTTP status. The status itself is
 * kept in the response, so a 405 or 415 stays what it is.
 */
export function codeForStatus(status: number): CommonErrorCode {
  switch (status) {
    case HttpStatus.BAD_REQUEST:
    case HttpStatus.UNPROCESSABLE_ENTITY:
      return 'VALIDATION_FAILED';
    case HttpStatus.UNAUTHORIZED:
      return 'UNAUTHENTICATED';
    case HttpStatus.FORBIDDEN:
      return 'FORBIDDEN';
    case HttpStatus.NOT_FOUND:
      return 'NOT_FOUND';
    case HttpStatus.CONFLICT:
      return 'CONFLICT';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'PAYLOAD_TOO_LARGE';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'RATE_LIMITED';
    case HttpStatus.SERVICE_UNAVAILABLE:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  }
}
