import type { ClaimCheckResult } from '@mamagang/domain';
import { AppException } from '../../common/errors';
import type { CLAIMS_ERROR_STATUS } from '../../common/errors/error-status';

export type ClaimsErrorCode = keyof typeof CLAIMS_ERROR_STATUS;

export class ClaimsException extends AppException<ClaimsErrorCode> {
  /** Every failed rule in `details`: field and rule are the check's code, message its reason. */
  static rulesFailed(result: Pick<ClaimCheckResult, 'checks'>, prefix = '这笔补贴申请不符合规定') {
    const failed = result.checks.filter((c) => !c.passed);
    return new ClaimsException('CLAIM_RULES_FAILED', `${prefix}：${failed.map((c) => c.reason).join('；')}`, {
      details: failed.map((c) => ({ field: c.code, rule: c.code, message: `${c.label}：${c.reason}` })),
    });
  }
  static duplicate() {
    return new ClaimsException('CLAIM_DUPLICATE', '这次录用已有同一项补贴的申请，请勿重复申请');
  }
  static alreadyDecided() {
    return new ClaimsException('CLAIM_ALREADY_DECIDED', '这笔申请已经审核过了');
  }
  static inputInvalid(message: string) {
    return new ClaimsException('CLAIM_INPUT_INVALID', message);
  }
  static hireAlreadyEnded() {
    return new ClaimsException('HIRE_ALREADY_ENDED', '这次录用的离职已经登记过了');
  }
  static hireEndInvalid(message: string) {
    return new ClaimsException('HIRE_END_INVALID', message);
  }
}
