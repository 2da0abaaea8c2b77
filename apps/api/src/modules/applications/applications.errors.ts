import { AppException } from '../../common/errors';
import type { APPLICATIONS_ERROR_STATUS } from '../../common/errors/error-status';

export type ApplicationsErrorCode = keyof typeof APPLICATIONS_ERROR_STATUS;

export class ApplicationsException extends AppException<ApplicationsErrorCode> {
  static needsProfile() {
    return new ApplicationsException('APPLICATION_NEEDS_PROFILE', '请先填写您的求职资料，再申请岗位');
  }
  static postClosed() {
    return new ApplicationsException('APPLICATION_POST_CLOSED', '这个岗位已招满或已停止招聘，看看其他岗位吧');
  }
  static invalidTransition(message: string) {
    return new ApplicationsException('APPLICATION_INVALID_TRANSITION', message);
  }
  static keyReused() {
    return new ApplicationsException('APPLICATION_KEY_REUSED', '请求编号已用于其他岗位的申请，请刷新后重试');
  }
  static hireNeedsApplication() {
    return new ApplicationsException('HIRE_NEEDS_APPLICATION', '只能为已通过的申请登记录用，请先通过该申请');
  }
  static hireAlreadyReported() {
    return new ApplicationsException('HIRE_ALREADY_REPORTED', '这份申请已经登记过录用');
  }
  static postFull() {
    return new ApplicationsException('HIRE_POST_FULL', '这个岗位的名额已满，不能再登记录用');
  }
  static postTakenDown() {
    return new ApplicationsException('HIRE_POST_TAKEN_DOWN', '这个岗位已被下架，不能登记录用');
  }
}
