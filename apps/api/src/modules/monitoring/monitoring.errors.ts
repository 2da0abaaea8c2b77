import { AppException } from '../../common/errors';
import type { MONITORING_ERROR_STATUS } from '../../common/errors/error-status';

export type MonitoringErrorCode = keyof typeof MONITORING_ERROR_STATUS;

export class MonitoringException extends AppException<MonitoringErrorCode> {
  static periodInvalid(reason: string): MonitoringException {
    return new MonitoringException('MONITORING_PERIOD_INVALID', `统计区间不正确：${reason}`);
  }
}
