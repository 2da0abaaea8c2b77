import { HttpException, HttpStatus } from '@nestjs/common';
import { AppException } from './app.exception';
import { COMMON_ERROR_MESSAGES } from './common-errors';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable';
import type { ErrorBody } from './error-body';
import { codeForStatus } from './error-status';

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
  /** Whether the server is at fault, so the failure must be logged with its cause. */
  readonly serverFault: boolean;
  /** Headers the error sends along (Retry-After), if any. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Turns anything thrown while serving a request into the standard answer. Only
 * AppException messages reach the client; every other message (English, possibly
 * revealing internals) is replaced by the Chinese text of its code.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof AppException) {
    const status = error.getStatus();
    return error.headers === undefined
      ? { status, body: error.toBody(), serverFault: status >= 500 }
      : { status, body: error.toBody(), serverFault: status >= 500, headers: error.headers };
  }
  // The database restarting or down: a 503 the client may retry, not a 500 (docs/API.md).
  if (isDatabaseUnavailable(error)) {
    return { status: HttpStatus.SERVICE_UNAVAILABLE, body: { code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE }, serverFault: true };
  }
  const status = error instanceof HttpException ? error.getStatus() : clientErrorStatus(error);
  if (status !== undefined) {
    const code = codeForStatus(status);
    return { status, body: { code, message: COMMON_ERROR_MESSAGES[code] }, serverFault: status >= 500 };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'INTERNAL', message: COMMON_ERROR_MESSAGES.INTERNAL },
    serverFault: true,
  };
}

/**
 * The 4xx status a library error carries (Fastify's content parsers, http-errors), which
 * the Fastify adapter does not always wrap in an HttpException. 5xx ones are treated as
 * unknown: they are server faults whatever the library says.
 */
function clientErrorStatus(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const candidate = (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof candidate === 'number' && Number.isInteger(candidate) && candidate >= 400 && candidate < 500 ? candidate : undefined;
}
