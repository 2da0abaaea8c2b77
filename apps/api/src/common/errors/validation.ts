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
 * Chinese for class-validator's English default messages, by rule, for the DTO decorators that
 * give no message of their own (found by the bad-input fuzz: "name must be a string").
 */
const FALLBACK_MESSAGES: Readonly<Record<string, string>> = {
  isString: '应为文字',
  isNumber: '应为数字',
  isInt: '应为整数',
  isBoolean: '应为是或否',
  isArray: '应为列表',
  isObject: '格式不正确',
  isIn: '不在可选范围内',
  isEnum: '不在可选范围内',
  isUuid: '编号格式不正确',
  isDateString: '日期格式不正确',
  isIso8601: '时间格式不正确',
  isUrl: '网址格式不正确',
  isNotEmpty: '不能为空',
  isLength: '长度不符合要求',
  minLength: '内容太短',
  maxLength: '内容太长',
  min: '数值太小',
  max: '数值太大',
  arrayMinSize: '条目太少',
  arrayMaxSize: '条目太多',
  arrayNotEmpty: '至少填写一项',
  arrayUnique: '有重复的条目',
  matches: '格式不正确',
};

const CHINESE = /[\u3400-\u9fff]/;

function chineseMessage(field: string, rule: string, message: string): string {
  if (CHINESE.test(message)) return message;
  // The ValidationPipe's own check of the whole body (a JSON array, string or number).
  if (field === 'body' && rule === 'isObject') return '请求内容应为 JSON 对象';
  return FALLBACK_MESSAGES[rule] ?? '格式不正确';
}

/**
 * The ValidationPipe's exceptionFactory: every failed rule of every field becomes one
 * entry of `details`, with the path of the field in the request. DTOs give Chinese
 * messages in their decorators (`@IsNotEmpty({ message: '请填写姓名' })`); an English default
 * that slips through is replaced by a Chinese one for its rule, so `details[].message` is
 * always Chinese.
 */
export function validationException(errors: readonly ValidationError[]): CommonException {
  return new CommonException('VALIDATION_FAILED', undefined, { details: flatten(errors, '') });
}

function flatten(errors: readonly ValidationError[], prefix: string): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix === '' ? error.property : `${prefix}.${error.property}`;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field, rule, message: RULE_MESSAGES[rule] ?? chineseMessage(field, rule, message) });
    }
    if (error.children && error.children.length > 0) result.push(...flatten(error.children, field));
  }
  return result;
}
