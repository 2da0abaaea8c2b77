import { AppException } from '../../common/errors';
import type { EMPLOYERS_ERROR_STATUS } from '../../common/errors/error-status';

export type EmployersErrorCode = keyof typeof EMPLOYERS_ERROR_STATUS;

export class EmployersException extends AppException<EmployersErrorCode> {
  /** `message` is the domain validator's own Chinese explanation (length, charset, check digit). */
  static usccInvalid(message: string) {
    return new EmployersException('EMPLOYER_USCC_INVALID', message);
  }
  static phoneInvalid(message: string) {
    return new EmployersException('EMPLOYER_PHONE_INVALID', `联系电话有误：${message}`);
  }
  static regionUnknown() {
    return new EmployersException('EMPLOYER_REGION_UNKNOWN', '所在地区不存在，请重新选择');
  }
  static locationInvalid(message: string) {
    return new EmployersException('EMPLOYER_LOCATION_INVALID', message);
  }
  static duplicate() {
    return new EmployersException(
      'EMPLOYER_DUPLICATE',
      '该统一社会信用代码已经备案，不能重复备案。如您是该单位员工，请联系本单位备案负责人，或咨询当地人社部门',
    );
  }
  static alreadyReviewed() {
    return new EmployersException('EMPLOYER_ALREADY_REVIEWED', '该备案已审核过，不能重复审核；单位修改后重新提交的备案会回到待审核');
  }
  static notEditable() {
    return new EmployersException('EMPLOYER_NOT_EDITABLE', '备案已通过审核，不能自行修改；如需变更请联系当地人社部门');
  }
  static notApproved() {
    return new EmployersException('EMPLOYER_NOT_APPROVED', '单位备案尚未通过审核，通过后才能进行此操作');
  }
}
