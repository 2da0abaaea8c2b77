import type { FieldError } from '../../common/errors';
import { AppException } from '../../common/errors';
import type { POSTS_ERROR_STATUS } from '../../common/errors/error-status';

export type PostsErrorCode = keyof typeof POSTS_ERROR_STATUS;

export class PostsException extends AppException<PostsErrorCode> {
  static contradictsType(typeLabel: string, details: readonly FieldError[]) {
    return new PostsException('POST_CONTRADICTS_TYPE', `岗位内容与“${typeLabel}”岗位类型的要求不符，请按提示修改`, { details });
  }
  /** `message` names the figure; `source` the document that sets it. */
  static belowMinimumWage(message: string, source: string, details?: readonly FieldError[]) {
    return new PostsException('POST_BELOW_MINIMUM_WAGE', `${message}。依据：${source}`, details ? { details } : {});
  }
  static minimumWageUnknown(typeLabel: string) {
    return new PostsException('POST_MINIMUM_WAGE_UNKNOWN', `暂未录入当地最低工资标准，无法核对${typeLabel}的补贴标准，请联系当地人社部门`);
  }
  static payInvalid(message: string) {
    return new PostsException('POST_PAY_INVALID', message);
  }
  static scheduleInvalid(message: string, details?: readonly FieldError[]) {
    return new PostsException('POST_SCHEDULE_INVALID', message, details ? { details } : {});
  }
  static locationInvalid(message: string) {
    return new PostsException('POST_LOCATION_INVALID', message);
  }
  static locationRequired() {
    return new PostsException('POST_LOCATION_INVALID', '需要到岗的岗位请在地图上选择工作地点');
  }
  static validUntilInvalid(message: string) {
    return new PostsException('POST_VALID_UNTIL_INVALID', message);
  }
  static alreadyTakenDown() {
    return new PostsException('POST_ALREADY_TAKEN_DOWN', '该岗位已下架');
  }
}
