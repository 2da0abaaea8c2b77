import { AppException } from '../../common/errors';
import type { RESUME_ERROR_STATUS } from '../../common/errors/error-status';

export type ResumeErrorCode = keyof typeof RESUME_ERROR_STATUS;

export class ResumeException extends AppException<ResumeErrorCode> {
  static empty(): ResumeException {
    return new ResumeException('RESUME_EMPTY', '简历还是空的，请先填写工作经历、技能或自我介绍再优化');
  }

  static suggestionDecided(): ResumeException {
    return new ResumeException('RESUME_SUGGESTION_DECIDED', '这条优化建议已经处理过了');
  }

  static suggestionStale(): ResumeException {
    return new ResumeException('RESUME_SUGGESTION_STALE', '简历在生成这条建议后又修改过，请重新优化');
  }
}
