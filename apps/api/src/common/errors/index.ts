export { AllExceptionsFilter } from './all-exceptions.filter';
export { AppException, type AppExceptionOptions } from './app.exception';
export { COMMON_ERROR_MESSAGES, CommonException } from './common-errors';
export type { ErrorBody, FieldError } from './error-body';
export { ErrorResponseDto, FieldErrorDto } from './error-response.dto';
export { ERROR_STATUS, codeForStatus, type CommonErrorCode, type ErrorCode } from './error-status';
export { toErrorResponse, type ErrorResponse } from './to-error-response';
export { validationException } from './validation';
