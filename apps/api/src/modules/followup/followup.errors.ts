import { AppException } from '../../common/errors';
import type { FOLLOWUP_ERROR_STATUS } from '../../common/errors/error-status';

export type FollowUpErrorCode = keyof typeof FOLLOWUP_ERROR_STATUS;

export class FollowUpException extends AppException<FollowUpErrorCode> {
  static serviceInFuture() {
    return new FollowUpException('FOLLOWUP_SERVICE_DATE_INVALID', '服务时间晚于当前时间：请在服务完成后再记录');
  }
  static serviceBeforeRegistration() {
    return new FollowUpException('FOLLOWUP_SERVICE_DATE_INVALID', '服务时间早于她的求职登记日期，请核对');
  }
  static postsRequired() {
    return new FollowUpException('FOLLOWUP_POSTS_REQUIRED', '推荐岗位须选择至少一个岗位');
  }
  static postsInvalid() {
    return new FollowUpException('FOLLOWUP_POSTS_INVALID', '所选岗位不存在或已停止招聘，请刷新推荐列表后重新选择');
  }
  static coursesNotAllowed() {
    return new FollowUpException('FOLLOWUP_COURSES_NOT_ALLOWED', '只有培训信息推送可以选择培训课程');
  }
  static recommendationsStopped() {
    return new FollowUpException(
      'FOLLOWUP_RECOMMENDATIONS_STOPPED',
      '她已就业，岗位推荐已停止；如她本人希望继续接收推荐，请先为她恢复岗位推荐',
    );
  }
  static alreadyHired(on: string) {
    return new FollowUpException('FOLLOWUP_ALREADY_HIRED', `已记录她于${on}就业`);
  }
  static hireDateInvalid() {
    return new FollowUpException('FOLLOWUP_HIRE_DATE_INVALID', '就业日期不能晚于今天，也不能早于求职登记日期');
  }
  static stationRequired() {
    return new FollowUpException('FOLLOWUP_SCOPE_INVALID', '请选择要查看的驿站');
  }
  static monthInvalid() {
    return new FollowUpException('LEDGER_MONTH_INVALID', '月份格式应为YYYY-MM，且不能晚于本月');
  }
}
