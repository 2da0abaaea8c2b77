import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import type { Tx } from '../../database/transaction';
import { hasRole, type Principal } from '../users/principal';
import { AccessLogRepository, type ViewerRole } from './access-log.repository';

/**
 * What was read, as logged. A new instrumented read adds its code here with the label a mother
 * sees in "我的数据" (who viewed my data).
 */
export const ACCESS_ACTION_LABELS = {
  'followup.plan': '查看12333服务计划',
  'followup.policies': '查看政策咨询结果',
  'followup.recommendations': '查看岗位推荐',
  'followup.worklist': '查看服务工作清单',
  'followup.ledger': '导出驿站服务台账',
  'stations.mothers': '查看驿站登记名单',
  'fairs.signups': '查看招聘会报名名单',
  'training.signups': '查看培训报名名单',
  'claims.detail': '查看补贴申请详情',
  'claims.list': '查看补贴申请列表',
  'rights.case': '查看维权记录',
  'rights.cases': '查看维权记录列表',
} as const;

export type AccessAction = keyof typeof ACCESS_ACTION_LABELS;

export const VIEWER_ROLE_LABELS: Readonly<Record<ViewerRole, string>> = {
  official: '人社/妇联工作人员',
  station_worker: '驿站工作人员',
  employer_member: '用人单位',
};

export interface AccessRecord {
  /** The mothers whose personal data the response shows (a list: all of the page). */
  subjects: readonly (string | null | undefined)[];
  action: AccessAction;
  /** The route pattern, e.g. `GET /api/mothers/:id/plan`. */
  route: string;
  /** The region whose data was read: the mother's, or the scope of the list. */
  regionCode: string | null;
}

/**
 * The access log of personal data (个人信息保护法 arts. 51, 54: access control and audit): every read
 * of a specific mother's personal data by an official or a station worker writes one row naming
 * the viewer, her role, the mothers shown, the endpoint and the time. Services call `record`
 * after their own access check passed and with the ids of what they actually return, so the log
 * names exactly the mothers whose data left the server. A mother reading her own data is not logged.
 */
@Injectable()
export class PersonalDataAccessLog {
  constructor(
    private readonly repo: AccessLogRepository,
    private readonly clock: Clock,
  ) {}

  async record(viewer: Principal, entry: AccessRecord, tx?: Tx): Promise<void> {
    const subjects = [...new Set(entry.subjects.filter((s): s is string => typeof s === 'string' && s.length > 0))].filter((s) => s !== viewer.motherId);
    if (subjects.length === 0) return;
    const role = viewerRoleOf(viewer);
    if (!role) return;
    await this.repo.insert(
      { viewerUserId: viewer.userId, viewerRole: role, subjectMotherIds: subjects, action: entry.action, route: entry.route, regionCode: entry.regionCode, at: this.clock.now() },
      tx,
    );
  }
}

/** The capacity she reads in: official before station worker before employer. */
export function viewerRoleOf(p: Principal): ViewerRole | null {
  if (hasRole(p, 'official')) return 'official';
  if (hasRole(p, 'station_worker')) return 'station_worker';
  if (hasRole(p, 'employer_member')) return 'employer_member';
  return null;
}
