import { AppException, type FieldError } from '../../common/errors';
import type { SHARING_ERROR_STATUS } from '../../common/errors/error-status';

export type SharingErrorCode = keyof typeof SHARING_ERROR_STATUS;

export class SharingException extends AppException<SharingErrorCode> {
  static periodInvalid(details: FieldError[]) {
    return new SharingException('SHARING_PERIOD_INVALID', details[0]?.message ?? '调剂期限不正确', { details });
  }
  static employerNotApproved() {
    return new SharingException('SHARING_EMPLOYER_NOT_APPROVED', '单位备案通过后才能发布用工余缺信息');
  }
  static listingClosed() {
    return new SharingException('SHARING_LISTING_CLOSED', '这条用工信息已关闭');
  }
  static notMatched(reasons: string[]) {
    return new SharingException('SHARING_NOT_MATCHED', `双方条件不匹配：${reasons.join('；')}`);
  }
  static workersInvalid(details: FieldError[]) {
    return new SharingException('SHARING_WORKERS_INVALID', details[0]?.message ?? '所选员工不正确', { details });
  }
  static termsWorse(details: FieldError[]) {
    return new SharingException('SHARING_TERMS_WORSE', '调剂期间的待遇不能低于员工原来的待遇', { details });
  }
  static alreadyDecided(message = '已经处理过了') {
    return new SharingException('SHARING_ALREADY_DECIDED', message);
  }
}
