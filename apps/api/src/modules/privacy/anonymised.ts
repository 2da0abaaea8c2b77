import { maskName } from '@mamagang/domain';

/** The name an anonymised mother shows wherever a record kept after her account was closed names her. */
export const DELETED_NAME = '已注销用户';

/** maskName, except for the anonymised marker, which is shown as it is (“已注销用户”, not “已****”). */
export function maskedOrDeletedName(name: string): string {
  return name === DELETED_NAME ? DELETED_NAME : maskName(name);
}
