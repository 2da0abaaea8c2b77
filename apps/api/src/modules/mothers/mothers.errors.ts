import { AppException, type FieldError } from '../../common/errors';
import type { MOTHERS_ERROR_STATUS } from '../../common/errors/error-status';

export type MothersErrorCode = keyof typeof MOTHERS_ERROR_STATUS;

export class MothersException extends AppException<MothersErrorCode> {
  /** Every reason the domain gives (domain assessMotherEligibility), in `details`. */
  static notEligible(reasons: readonly string[]): MothersException {
    return new MothersException('MOTHER_NOT_ELIGIBLE', `暂不符合妈妈岗的服务条件：${reasons.join('；')}`, {
      details: reasons.map((message) => ({ field: 'children', rule: 'eligibility', message })),
    });
  }

  static childBirthInvalid(details: readonly FieldError[]): MothersException {
    return new MothersException('MOTHER_CHILD_BIRTH_INVALID', details[0]?.message ?? '孩子的出生年月不正确，请核对', { details });
  }

  static windowsInvalid(details: readonly FieldError[]): MothersException {
    return new MothersException('MOTHER_WINDOWS_INVALID', `方便工作的时间有误：${details[0]?.message ?? '请检查'}`, { details });
  }

  static regionUnknown(): MothersException {
    return new MothersException('MOTHER_REGION_UNKNOWN', '所在地区不存在，请重新选择', { details: [{ field: 'regionCode', rule: 'exists', message: '所在地区不存在' }] });
  }

  static locationInvalid(field: 'home' | 'school', message: string): MothersException {
    return new MothersException('MOTHER_LOCATION_INVALID', message, { details: [{ field, rule: 'location', message }] });
  }
}
