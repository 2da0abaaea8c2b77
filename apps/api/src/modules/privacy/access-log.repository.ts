import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/transaction';

export type ViewerRole = 'official' | 'station_worker' | 'employer_member';

export interface NewAccessLogEntry {
  viewerUserId: string;
  viewerRole: ViewerRole;
  subjectMotherIds: readonly string[];
  action: string;
  route: string;
  regionCode: string | null;
  at: Date;
}

export interface AccessLogRow {
  id: string;
  viewerUserId: string;
  viewerName: string;
  viewerRole: ViewerRole;
  subjectMotherIds: string[];
  action: string;
  route: string;
  regionCode: string | null;
  at: Date;
}

const SELECT = `SELECT l.id, l.viewer_user_id, u.display_name AS viewer_name, l.viewer_role, l.subject_mother_ids::text[] AS subject_mother_ids,
                       l.action, l.route, l.region_code, l.at
                  FROM personal_data_access_log l JOIN users u ON u.id = l.viewer_user_id`;

/** The only code that reads and writes `personal_data_access_log`. */
@Injectable()
export class AccessLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(e: NewAccessLogEntry, tx?: Tx): Promise<void> {
    await (tx ?? this.dataSource.manager).query(
      `INSERT INTO personal_data_access_log (viewer_user_id, viewer_role, subject_mother_ids, action, route, region_code, at)
       VALUES ($1, $2, $3::uuid[], $4, $5, $6, $7)`,
      [e.viewerUserId, e.viewerRole, [...new Set(e.subjectMotherIds)], e.action, e.route, e.regionCode, e.at],
    );
  }

  /** Views of one mother's data, newest first. */
  async forMother(motherId: string, limit: number, offset: number, tx?: Tx): Promise<AccessLogRow[]> {
    const rows: Record<string, unknown>[] = await (tx ?? this.dataSource.manager).query(
      `${SELECT} WHERE l.subject_mother_ids @> ARRAY[$1::uuid] ORDER BY l.at DESC, l.id LIMIT $2 OFFSET $3`,
      [motherId, limit, offset],
    );
    return rows.map(toRow);
  }

  /** Views of data of the regions matching any of the LIKE patterns, newest first. */
  async forRegions(patterns: readonly string[], limit: number, offset: number): Promise<AccessLogRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${SELECT} WHERE l.region_code LIKE ANY($1::text[]) ORDER BY l.at DESC, l.id LIMIT $2 OFFSET $3`,
      [patterns, limit, offset],
    );
    return rows.map(toRow);
  }
}

function toRow(r: Record<string, unknown>): AccessLogRow {
  return {
    id: r.id as string,
    viewerUserId: r.viewer_user_id as string,
    viewerName: (r.viewer_name as string) ?? '',
    viewerRole: r.viewer_role as ViewerRole,
    subjectMotherIds: (r.subject_mother_ids as string[]) ?? [],
    action: r.action as string,
    route: r.route as string,
    regionCode: (r.region_code as string | null) ?? null,
    at: new Date(r.at as string),
  };
}
