import { AppException, type FieldError } from '../../common/errors';
import type { TRAINING_ERROR_STATUS } from '../../common/errors/error-status';

export type TrainingErrorCode = keyof typeof TRAINING_ERROR_STATUS;

export class TrainingException extends AppException<TrainingErrorCode> {
  static courseInvalid(message: string, details?: readonly FieldError[]) {
    return new TrainingException('TRAINING_COURSE_INVALID', message, details ? { details } : {});
  }
  static providerNotAllowed(message: string) {
    return new TrainingException('TRAINING_PROVIDER_NOT_ALLOWED', message);
  }
  static needsProfile() {
    return new TrainingException('TRAINING_NEEDS_PROFILE', '请先填写您的求职资料，再报名培训');
  }
  static full() {
    return new TrainingException('TRAINING_COURSE_FULL', '这门课程的名额已报满，看看其他课程吧');
  }
  static signupClosed() {
    return new TrainingException('TRAINING_SIGNUP_CLOSED', '这门课程已经开课，报名已截止');
  }
  static notSignedUp() {
    return new TrainingException('TRAINING_NOT_SIGNED_UP', '您没有报名这门课程，或已取消报名');
  }
  static cancelled() {
    return new TrainingException('TRAINING_COURSE_CANCELLED', '这门课程已取消');
  }
  static ended() {
    return new TrainingException('TRAINING_COURSE_ENDED', '这门课程已经结束');
  }
  static attendanceInvalid(message: string, details?: readonly FieldError[]) {
    return new TrainingException('TRAINING_ATTENDANCE_INVALID', message, details ? { details } : {});
  }
  static coursesUnknown(ids: readonly string[]) {
    return new TrainingException('TRAINING_COURSES_UNKNOWN', '所选培训课程不存在、已取消或已结束，请重新选择', {
      details: ids.map((id) => ({ field: 'courseIds', rule: 'course', message: `课程${id}不可用` })),
    });
  }
}
