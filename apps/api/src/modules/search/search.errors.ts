import { AppException } from '../../common/errors';
import type { SEARCH_ERROR_STATUS } from '../../common/errors/error-status';

export type SearchErrorCode = keyof typeof SEARCH_ERROR_STATUS;

export class SearchException extends AppException<SearchErrorCode> {
  static locationRequired(): SearchException {
    return new SearchException('SEARCH_LOCATION_REQUIRED', '请提供搜索位置：经纬度（lat、lng），或从家（from=home）、从孩子学校（from=school）搜索');
  }

  static locationConflict(): SearchException {
    return new SearchException('SEARCH_LOCATION_REQUIRED', '经纬度和 from 只能选一种作为搜索位置');
  }

  static profileRequired(): SearchException {
    return new SearchException('SEARCH_PROFILE_REQUIRED', '请先填写求职资料，再按您的情况搜索');
  }

  static noHome(): SearchException {
    return new SearchException('SEARCH_PROFILE_INCOMPLETE', '求职资料里还没有家的位置，请先补充');
  }

  static noSchool(): SearchException {
    return new SearchException('SEARCH_PROFILE_INCOMPLETE', '求职资料里还没有孩子学校的位置，请先补充');
  }

  static noWindows(): SearchException {
    return new SearchException('SEARCH_PROFILE_INCOMPLETE', '求职资料里还没有方便工作的时间，请先补充');
  }
}
