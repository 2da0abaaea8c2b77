import { AppException, type FieldError } from '../../common/errors';
import type { POLICIES_ERROR_STATUS } from '../../common/errors/error-status';

export type PoliciesErrorCode = keyof typeof POLICIES_ERROR_STATUS;

export class PoliciesException extends AppException<PoliciesErrorCode> {
  static invalid(details: readonly FieldError[]) {
    return new PoliciesException('POLICY_INVALID', '政策数据有误，请按提示修改', { details });
  }
  static regionUnknown() {
    return new PoliciesException('POLICY_REGION_UNKNOWN', '地区不存在，请重新选择');
  }
  static needsProfile() {
    return new PoliciesException('POLICY_NEEDS_PROFILE', '请先填写您的求职资料，才能查看您可以享受的政策');
  }
}
