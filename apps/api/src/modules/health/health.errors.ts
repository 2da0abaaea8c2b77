import { AppException } from '../../common/errors';
import type { HEALTH_ERROR_STATUS } from '../../common/errors/error-status';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../common/errors/database-unavailable';

/** The codes of this feature; their HTTP statuses live in error-status.ts. */
export type HealthErrorCode = keyof typeof HEALTH_ERROR_STATUS;

/**
 * The pattern for every feature: one exception class per feature, one named factory per
 * situation, the Chinese message written once here.
 */
export class HealthException extends AppException<HealthErrorCode> {
  static databaseUnavailable(cause: unknown): HealthException {
    return new HealthException('DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, { cause });
  }
}
