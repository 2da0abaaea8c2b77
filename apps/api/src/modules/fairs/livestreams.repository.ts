import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { POST_SUMMARY_COLUMNS, toPostSummary, type PostSummaryRow } from './fairs.repository';
import { LivestreamEntity, type LivestreamPlatform, type LivestreamStatus } from './livestream.entity';

type Row = Record<string, unknown>;

export interface NewLivestream {
  fairId: string | null;
  postId: string | null;
  employerId: string | null;
  regionCode: string;
  title: string;
  platform: LivestreamPlatform;
  channelsId: string | null;
  feedId: string | null;
  url: string | null;
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  now: Date;
}

export interface PostOwner {
  id: string;
  employerId: string;
  employerStatus: string;
  regionCode: string;
  title: string;
}

const COLUMNS = `l.id, l.fair_id, l.post_id, l.employer_id, l.region_code, l.title, l.platform, l.channels_id, l.feed_id, l.url, l.starts_at, l.ends_at,
  l.status, l.created_by, l.created_at`;

/** The only code that reads and writes `livestreams` and `livestream_posts`. */
@Injectable()
export class LivestreamsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(l: NewLivestream, postIds: string[], tx: Tx): Promise<LivestreamEntity> {
    const rows: Row[] = await tx.query(
      `WITH l AS (
         INSERT INTO livestreams (fair_id, post_id, employer_id, region_code, title, platform, channels_id, feed_id, url, starts_at, ends_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *)
       SELECT ${COLUMNS} FROM l`,
      [l.fairId, l.postId, l.employerId, l.regionCode, l.title, l.platform, l.channelsId, l.feedId, l.url, l.startsAt, l.endsAt, l.createdBy, l.now],
    );
    const created = toLivestream(rows[0] as Row);
    if (postIds.length > 0) {
      await tx.query(
        `INSERT INTO livestream_posts (livestream_id, post_id, position) SELECT $1, p.id, p.ord - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, ord)`,
        [created.id, postIds],
      );
    }
    return created;
  }

  async findById(id: string, tx?: Tx): Promise<LivestreamEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${COLUMNS} FROM livestreams l WHERE l.id = $1`, [id]);
    return rows[0] ? toLivestream(rows[0]) : null;
  }

  /** Scheduled livestreams, by fair, by post or of a region (LIKE), not over before `endedAfter` when given. */
  async list(
    filter: { fairId?: string; postId?: string; regionLike?: string; endedAfter?: Date; fairIds?: string[] },
    limit: number,
    tx?: Tx,
  ): Promise<LivestreamEntity[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${COLUMNS} FROM livestreams l
        WHERE l.status = 'scheduled'
          AND ($1::uuid IS NULL OR l.fair_id = $1::uuid)
          AND ($2::uuid IS NULL OR l.post_id = $2::uuid OR l.id IN (SELECT livestream_id FROM livestream_posts WHERE post_id = $2::uuid))
          AND ($3::text IS NULL OR l.region_code LIKE $3::text)
          AND ($4::timestamptz IS NULL OR l.ends_at > $4::timestamptz)
          AND ($5::uuid[] IS NULL OR l.fair_id = ANY($5::uuid[]))
        ORDER BY l.starts_at, l.id
        LIMIT $6`,
      [filter.fairId ?? null, filter.postId ?? null, filter.regionLike ?? null, filter.endedAfter ?? null, filter.fairIds ?? null, limit],
    );
    return rows.map(toLivestream);
  }

  async posts(livestreamId: string, tx?: Tx): Promise<PostSummaryRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${POST_SUMMARY_COLUMNS} FROM livestream_posts lp JOIN posts p ON p.id = lp.post_id JOIN employers e ON e.id = p.employer_id
        WHERE lp.livestream_id = $1 ORDER BY lp.position, p.id`,
      [livestreamId],
    );
    return rows.map(toPostSummary);
  }

  async isPostShown(livestreamId: string, postId: string, tx?: Tx): Promise<boolean> {
    const rows: Row[] = await this.manager(tx).query(`SELECT 1 FROM livestream_posts WHERE livestream_id = $1 AND post_id = $2`, [livestreamId, postId]);
    return rows.length > 0;
  }

  async postOwner(postId: string, tx?: Tx): Promise<PostOwner | null> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT p.id, p.employer_id, e.status AS employer_status, p.region_code, p.title FROM posts p JOIN employers e ON e.id = p.employer_id WHERE p.id = $1`,
      [postId],
    );
    const r = rows[0];
    return r
      ? { id: r.id as string, employerId: r.employer_id as string, employerStatus: r.employer_status as string, regionCode: r.region_code as string, title: r.title as string }
      : null;
  }

  /** Post ids among `ids` that belong to the employer. */
  async postsOfEmployer(employerId: string, ids: string[], tx?: Tx): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Row[] = await this.manager(tx).query(`SELECT id FROM posts WHERE employer_id = $1 AND id = ANY($2::uuid[])`, [employerId, ids]);
    return rows.map((r) => r.id as string);
  }

  async fairPostIds(fairId: string, tx?: Tx): Promise<string[]> {
    const rows: Row[] = await this.manager(tx).query(`SELECT post_id FROM fair_posts WHERE fair_id = $1 ORDER BY post_id`, [fairId]);
    return rows.map((r) => r.post_id as string);
  }

  /** Applications and hires that came from the livestream, in total and per post shown. */
  async stats(livestreamId: string, tx?: Tx): Promise<{ applications: number; applicants: number; hires: number; byPost: { postId: string; title: string; applications: number; hires: number }[] }> {
    const [total] = (await this.manager(tx).query(
      `SELECT count(*)::int AS applications, count(DISTINCT a.mother_id)::int AS applicants, count(h.id)::int AS hires
         FROM applications a LEFT JOIN hires h ON h.application_id = a.id WHERE a.livestream_id = $1`,
      [livestreamId],
    )) as Row[];
    const rows: Row[] = await this.manager(tx).query(
      `SELECT p.id, p.title, count(a.id)::int AS applications, count(h.id)::int AS hires
         FROM livestream_posts lp JOIN posts p ON p.id = lp.post_id
         LEFT JOIN applications a ON a.post_id = p.id AND a.livestream_id = lp.livestream_id
         LEFT JOIN hires h ON h.application_id = a.id
        WHERE lp.livestream_id = $1
        GROUP BY p.id, p.title, lp.position ORDER BY lp.position`,
      [livestreamId],
    );
    return {
      applications: Number(total?.applications ?? 0),
      applicants: Number(total?.applicants ?? 0),
      hires: Number(total?.hires ?? 0),
      byPost: rows.map((r) => ({ postId: r.id as string, title: r.title as string, applications: Number(r.applications), hires: Number(r.hires) })),
    };
  }

  /** Applications and hires per livestream of a fair. */
  async countsForFair(fairId: string, tx?: Tx): Promise<{ id: string; title: string; applications: number; hires: number }[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT l.id, l.title, count(a.id)::int AS applications, count(h.id)::int AS hires
         FROM livestreams l LEFT JOIN applications a ON a.livestream_id = l.id LEFT JOIN hires h ON h.application_id = a.id
        WHERE l.fair_id = $1 GROUP BY l.id, l.title, l.starts_at ORDER BY l.starts_at, l.id`,
      [fairId],
    );
    return rows.map((r) => ({ id: r.id as string, title: r.title as string, applications: Number(r.applications), hires: Number(r.hires) }));
  }

  private manager(tx: Tx | undefined) {
    return tx ?? this.dataSource.manager;
  }
}

function toLivestream(r: Row): LivestreamEntity {
  return Object.assign(new LivestreamEntity(), {
    id: r.id as string,
    fairId: (r.fair_id as string | null) ?? null,
    postId: (r.post_id as string | null) ?? null,
    employerId: (r.employer_id as string | null) ?? null,
    regionCode: r.region_code as string,
    title: r.title as string,
    platform: r.platform as LivestreamPlatform,
    channelsId: (r.channels_id as string | null) ?? null,
    feedId: (r.feed_id as string | null) ?? null,
    url: (r.url as string | null) ?? null,
    startsAt: new Date(r.starts_at as string),
    endsAt: new Date(r.ends_at as string),
    status: r.status as LivestreamStatus,
    createdBy: r.created_by as string,
    createdAt: new Date(r.created_at as string),
  });
}
