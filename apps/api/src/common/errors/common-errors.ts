import { AppException, type AppExceptionOptions } from './app.exception';
import type { CommonErrorCode } from './error-status';

/** What the user reads when a common error carries no more specific message. */
export const COMMON_ERROR_MESSAGES: Readonly<Record<CommonErrorCode, string>> = {
  VALIDATION_FAILED: '请求参数有误，请检查后重试',
  BAD_REQUEST: '请求无法处理',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '请求的内容不存在',
  CONFLICT: '操作冲突，请刷新后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
};

/** For failures any feature may raise: `throw new CommonException('NOT_FOUND', '岗位不存在')`. */
export class CommonException extends AppException<CommonErrorCode> {
  constructor(code: CommonErrorCode, message: string = COMMON_ERROR_MESSAGES[code], options?: AppExceptionOptions) {
    super(code, message, options);
  }
}
