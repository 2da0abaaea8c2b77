import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody, FieldError } from './error-body';

/** OpenAPI description of {@link FieldError}. */
export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'name' })
  readonly field!: string;

  @ApiProperty({ example: 'isNotEmpty' })
  readonly rule!: string;

  @ApiProperty({ example: '请填写姓名' })
  readonly message!: string;
}

/** OpenAPI description of {@link ErrorBody}, for `@ApiResponse({ type: ErrorResponseDto })`. */
export class ErrorResponseDto implements ErrorBody {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable UPPER_SNAKE error code' })
  readonly code!: string;

  @ApiProperty({ example: '请求参数有误，请检查后重试', description: 'Message for the user, in Simplified Chinese' })
  readonly message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Fields at fault (VALIDATION_FAILED only)' })
  readonly details?: FieldErrorDto[];
}
