import { AppException } from '../../common/errors';
import type { FRAUD_ERROR_STATUS } from '../../common/errors/error-status';

export type FraudErrorCode = keyof typeof FRAUD_ERROR_STATUS;

export class FraudException extends AppException<FraudErrorCode> {
  static alreadyResolved() {
    return new FraudException('FRAUD_FLAG_ALREADY_RESOLVED', '这条提示已经处理过了');
  }
}
