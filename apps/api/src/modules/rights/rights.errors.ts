import { AppException } from '../../common/errors';
import type { RIGHTS_ERROR_STATUS } from '../../common/errors/error-status';

export type RightsErrorCode = keyof typeof RIGHTS_ERROR_STATUS;

export class RightsException extends AppException<RightsErrorCode> {
  static postEmployerMismatch(): RightsException {
    return new RightsException('RIGHTS_POST_EMPLOYER_MISMATCH', '所选岗位不属于所选单位，请重新选择');
  }

  static regionRequired(): RightsException {
    return new RightsException('RIGHTS_REGION_REQUIRED', '请选择所在地区');
  }

  static caseClosed(): RightsException {
    return new RightsException('RIGHTS_CASE_CLOSED', '该事项已办结，如有新的问题请重新提交');
  }

  static promiseCheckAnswered(): RightsException {
    return new RightsException('PROMISE_CHECK_ANSWERED', '这次回访已经回答过了，谢谢您');
  }
}
