import { AppException, type FieldError } from '../../common/errors';
import type { STATIONS_ERROR_STATUS } from '../../common/errors/error-status';

export type StationsErrorCode = keyof typeof STATIONS_ERROR_STATUS;

export class StationsException extends AppException<StationsErrorCode> {
  static regionUnknown() {
    return new StationsException('STATION_REGION_UNKNOWN', '所选地区不存在，请重新选择');
  }
  static rightsHoursRequired() {
    return new StationsException('STATION_SERVICES_INVALID', '提供维权咨询的驿站须填写维权咨询时间');
  }
  static workerUnknown() {
    return new StationsException('STATION_WORKER_UNKNOWN', '找不到这位工作人员的账号，请确认对方已登录过小程序');
  }
  static consentRequired() {
    return new StationsException('REGISTRATION_CONSENT_REQUIRED', '登记前须取得本人对处理敏感个人信息的单独同意，请让她阅读告知书并确认');
  }
  static consentVersionUnknown(version: string) {
    return new StationsException('REGISTRATION_CONSENT_INVALID', `告知书版本“${version}”不存在，请使用当前版本的告知书`);
  }
  static consentInFuture() {
    return new StationsException('REGISTRATION_CONSENT_INVALID', '同意时间晚于当前时间，请核对');
  }
  static idInvalid(message: string) {
    return new StationsException('REGISTRATION_ID_INVALID', message, { details: [{ field: 'idNumber', rule: 'residentId', message }] });
  }
  static phoneInvalid(message: string) {
    return new StationsException('REGISTRATION_PHONE_INVALID', message, { details: [{ field: 'phone', rule: 'mobile', message }] });
  }
  static windowsInvalid(details: FieldError[]) {
    return new StationsException('REGISTRATION_WINDOWS_INVALID', '可工作时间填写有误，请核对', { details });
  }
  static notEligible(details: FieldError[]) {
    const first = details[0]?.message ?? '';
    return new StationsException('REGISTRATION_NOT_ELIGIBLE', `不符合妈妈岗服务对象条件：${first}`, { details });
  }
  static regionOutside() {
    return new StationsException('REGISTRATION_REGION_OUTSIDE', '所选地区不在本驿站的服务范围内');
  }
  static registeredElsewhere() {
    return new StationsException('REGISTRATION_ELSEWHERE', '这个身份证号已在其他地区的驿站登记，请联系当地驿站或人社部门办理转移');
  }
  static phoneTaken() {
    return new StationsException('REGISTRATION_PHONE_TAKEN', '这个手机号已用于另一位妈妈的登记，请核对手机号');
  }
  static surveyVersionUnknown(version: string) {
    return new StationsException('SURVEY_VERSION_UNKNOWN', `问卷版本“${version}”不存在，请刷新后重新填写`);
  }
  static surveyAnswersInvalid(details: FieldError[]) {
    return new StationsException('SURVEY_ANSWERS_INVALID', details[0]?.message ?? '问卷答案有误', { details });
  }
}
