import { AppException } from '../../common/errors';
import type { PRIVACY_ERROR_STATUS } from '../../common/errors/error-status';

export type PrivacyErrorCode = keyof typeof PRIVACY_ERROR_STATUS;

/** The confirmation text she types before her account is closed. */
export const DELETE_CONFIRMATION = '确认注销';

export class PrivacyException extends AppException<PrivacyErrorCode> {
  static confirmationRequired() {
    return new PrivacyException('PRIVACY_CONFIRMATION_REQUIRED', `注销账号将删除您的个人信息且无法恢复，请输入“${DELETE_CONFIRMATION}”确认`, {
      details: [{ field: 'confirm', rule: 'equals', message: `请输入“${DELETE_CONFIRMATION}”` }],
    });
  }

  static staffAccount() {
    return new PrivacyException('PRIVACY_STAFF_ACCOUNT', '工作人员和用人单位账号不能在这里注销，请联系所在单位或管理员办理');
  }

  static consentRequired() {
    return new PrivacyException('PRIVACY_CONSENT_REQUIRED', '保存求职资料前，请先阅读并同意《敏感个人信息处理告知书》', {
      details: [{ field: 'consent', rule: 'required', message: '请先同意个人信息处理告知书' }],
    });
  }

  static consentInvalid(version: string) {
    return new PrivacyException('PRIVACY_CONSENT_INVALID', `告知书版本“${version}”不是当前版本，请重新阅读后同意`, {
      details: [{ field: 'consent.noticeVersion', rule: 'current', message: '告知书已更新，请重新阅读' }],
    });
  }
}
