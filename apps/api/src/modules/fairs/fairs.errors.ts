import { AppException, type FieldError } from '../../common/errors';
import type { FAIRS_ERROR_STATUS } from '../../common/errors/error-status';

export type FairsErrorCode = keyof typeof FAIRS_ERROR_STATUS;

export class FairsException extends AppException<FairsErrorCode> {
  static scheduleInvalid(details: FieldError[]) {
    return new FairsException('FAIR_SCHEDULE_INVALID', details[0]?.message ?? '招聘会的日期或时间不正确', { details });
  }
  static placeInvalid(message: string, field = 'location') {
    return new FairsException('FAIR_PLACE_INVALID', message, { details: [{ field, rule: 'place', message }] });
  }
  static regionUnknown() {
    return new FairsException('FAIR_REGION_UNKNOWN', '地区代码不存在，请重新选择');
  }
  static participantsInvalid(details: FieldError[]) {
    return new FairsException('FAIR_PARTICIPANTS_INVALID', details[0]?.message ?? '参会单位或岗位不正确', { details });
  }
  static needsProfile() {
    return new FairsException('FAIR_NEEDS_PROFILE', '请先填写您的求职资料，再报名招聘会');
  }
  static full() {
    return new FairsException('FAIR_FULL', '这场招聘会的名额已满，看看其他招聘会吧');
  }
  static closed(message = '这场招聘会已结束或已取消，不能再报名') {
    return new FairsException('FAIR_CLOSED', message);
  }
  static alreadyCancelled() {
    return new FairsException('FAIR_ALREADY_CANCELLED', '这场招聘会已经取消了');
  }
  static alreadyCheckedIn() {
    return new FairsException('FAIR_ALREADY_CHECKED_IN', '您已签到入场，不能取消报名');
  }
  static codeInvalid(message = '签到码不正确，请核对后重新输入') {
    return new FairsException('FAIR_CODE_INVALID', message);
  }
  static codeWrongFair() {
    return new FairsException('FAIR_CODE_WRONG_FAIR', '这是其他招聘会的签到码，不能在本场签到');
  }
  static codeUsed(at: string) {
    return new FairsException('FAIR_CODE_USED', `这个签到码已于${at}签到过，不能重复使用`);
  }
  static signupCancelled() {
    return new FairsException('FAIR_SIGNUP_CANCELLED', '她已取消报名，如需入场请按现场登记办理');
  }
  static checkInClosed() {
    return new FairsException('FAIR_CHECK_IN_CLOSED', '只能在招聘会当天签到');
  }
  static locationRequired() {
    return new FairsException('FAIR_LOCATION_REQUIRED', '请允许获取位置，或选择所在地区，以查看附近的招聘会');
  }
  static livestreamInvalid(message: string, field: string) {
    return new FairsException('LIVESTREAM_INVALID', message, { details: [{ field, rule: 'livestream', message }] });
  }
  static originInvalid(message: string) {
    return new FairsException('APPLICATION_ORIGIN_INVALID', message);
  }
}
