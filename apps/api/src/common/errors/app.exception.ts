import { HttpException, type HttpStatus } from '@nestjs/common';
import type { ErrorBody, FieldError } from './error-body';
import { ERROR_STATUS, type ErrorCode } from './error-status';

export interface AppExceptionOptions {
  /** Overrides the status of the code in ERROR_STATUS; rarely right, prefer a new code. */
  readonly status?: HttpStatus;
  readonly details?: readonly FieldError[];
  /** The underlying error; logged for 5xx, never sent to the client. */
  readonly cause?: unknown;
  /** Response headers that go with the error, e.g. Retry-After on RATE_LIMITED. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The one way the API reports a failure it understands. Features subclass it with their
 * own code union (see health.errors.ts); the global filter sends `{ code, message, details }`.
 * It extends HttpException so that even a context without our filter answers sensibly.
 */
export class AppException<C extends ErrorCode = ErrorCode> extends HttpException {
  readonly code: C;
  readonly details: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(code: C, message: string, options: AppExceptionOptions = {}) {
    const body: ErrorBody = options.details ? { code, message, details: options.details } : { code, message };
    super(body, options.status ?? ERROR_STATUS[code], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  toBody(): ErrorBody {
    return this.getResponse() as ErrorBody;
  }
}
