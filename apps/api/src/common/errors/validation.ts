import type { ValidationError } from '@nestjs/common';
import { CommonException } from './common-errors';
import type { FieldError } from './error-body';

/** class-validator's own messages for these rules are English; these replace them. */
const RULE_MESSAGES: Readonly<Record<string, string>> = {
  whitelistValidation: '不支持该字段',
  isDefined: '该字段必填',
  nestedValidation: '格式不正确',
};

/**
 * The ValidationPipe's exceptionFactory: every failed rule of every field becomes one
 * entry of `details`, with the path of the field in the request. DTOs give Chinese
 * messages in their decorators (`@IsNotEmpty({ message: '请填写姓名' })`).
 */
export function validationException(errors: readonly ValidationError[]): CommonException {
  return new CommonException('VALIDATION_FAILED', undefined, { details: flatten(errors, '') });
}

function flatten(errors: readonly ValidationError[], prefix: string): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix === '' ? error.property : `${prefix}.${error.property}`;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field, rule, message: RULE_MESSAGES[rule] ?? message });
    }
    if (error.children && error.children.length > 0) result.push(...flatten(error.children, field));
  }
  return result;
}
