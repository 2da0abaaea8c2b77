import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readOnReplica } from '../../database/read-replica';

export type GroupBy = 'district' | 'type' | 'stage';

/** What every figure is counted over: the regions matching `pattern`, the days from..to (China time). */
export interface Slice {
  /** LIKE pattern of the region and every region under it. */
  pattern: string;
  /** Level of the region asked about: a 'district' group is one level below it. */
  level: 'province' | 'city' | 'district';
  from: string;
  to: string;
  /** Instants of from 00:00 and of the day after `to` 00:00 in China. */
  fromTs: string;
  toTsExclusive: string;
  groupBy: GroupBy | null;
}

export interface PostCountRow {
  key: string;
  newPosts: number;
  openPosts: number;
}

export interface ApplicationCountRow {
  key: string;
  applications: number;
  applicants: number;
}

export interface HireCountRow {
  key: string;
  hires: number;
}

export interface DaysRow {
  key: string;
  hires: number;
  median: number | null;
  average: number | null;
}

export interface FollowUpRow {
  key: string;
  owed: number;
  done: number;
}

export interface SubsidyRow {
  key: string;
  claimed: number;
  claimedAmount: number;
  paid: number;
  paidAmount: number;
}

export interface TrainingRow {
  key: string;
  signUps: number;
  attended: number;
}

/** A new post, with what its quality is judged on. */
export interface QualityPostRow {
  key: string;
  regionCode: string;
  /** China calendar day it was created: the minimum wage of that day applies. */
  createdOn: string;
  payBasis: string;
  payMin: number;
  hourlyMin: number | null;
  hoursPerWeek: number;
  insurance: string;
  contractForm: string;
}

/** The China calendar day of a timestamptz (China keeps UTC+8 all year). */
const chinaDay = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/**
 * The only code that reads the marketplace, follow-up, claims and training tables for the
 * monitoring figures. Read-only; every query is one aggregate per group. Tables of features
 * that may not be installed (claims, training) are looked up first with to_regclass.
 */
@Injectable()
export class MonitoringRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Every figure (and the Excel export) reads a replica when there is one: these aggregates are
   * the heaviest reads of the API, and figures a few seconds behind the primary are still right
   * for the period they cover.
   */
  private read<T>(sql: string, params: readonly unknown[] = []): Promise<T> {
    return readOnReplica(this.db, (m) => m.query<T>(sql, [...params]));
  }

  async postCounts(s: Slice): Promise<PostCountRow[]> {
    // A closed post without closed_at (closed by a path that did not stamp it) ended when it was last changed.
    const end = `CASE WHEN p.status = 'open' THEN p.valid_until ELSE LEAST(COALESCE(p.closed_at, p.updated_at), p.valid_until) END`;
    const rows: Record<string, unknown>[] = await this.read(
      `SELECT ${this.key(s, 'p.region_code', 'p')} AS key,
              count(*) FILTER (WHERE p.created_at >= $2 AND p.created_at < $3)::int AS new_posts,
              count(*) FILTER (WHERE ${end} >= $2)::int AS open_posts
         FROM posts p
        WHERE p.region_code LIKE $1 AND p.created_at < $3
        GROUP BY 1
       HAVING count(*) FILTER (WHERE p.created_at >= $2 OR ${end} >= $2) > 0`,
      [s.pattern, s.fromTs, s.toTsExclusive],
    );
    return rows.map((r) => ({ key: String(r.key), newPosts: Number(r.new_posts), openPosts: Number(r.open_posts) }));
  }

  async applicationCounts(s: Slice): Promise<ApplicationCountRow[]> {
    const rows: Record<string, unknown>[] = await this.read(
      `SELECT ${this.key(s, 'p.region_code', 'p')} AS key, count(*)::int AS applications, count(DISTINCT a.mother_id)::int AS applicants
         FROM applications a JOIN posts p ON p.id = a.post_id
        WHERE p.region_code LIKE $1 AND a.created_at >= $2 AND a.created_at < $3
        GROUP BY 1`,
      [s.pattern, s.fromTs, s.toTsExclusive],
    );
    return rows.map((r) => ({ key: String(r.key), applications: Number(r.applications), applicants: Number(r.applicants) }));
  }

  async hireCounts(s: Slice): Promise<HireCountRow[]> {
    const rows: Record<string, unknown>[] = await this.read(
      `SELECT ${this.key(s, 'p.region_code', 'p')} AS key, count(*)::int AS hires
         FROM hires h JOIN posts p ON p.id = h.post_id
        WHERE p.region_code LIKE $1 AND h.start_date BETWEEN $2::date AND $3::date
        GROUP BY 1`,
      [s.pattern, s.from, s.to],
    );
    return rows.map((r) => ({ key: String(r.key), hires: Number(r.hires) }));
  }

  /**
   * Days from her registration to her first hire, for first hires starting in the period: her
   * registration at a station (registered_at) or, without one, the day her profile was created.
   */
  async daysToEmployment(s: Slice): Promise<DaysRow[]> {
    const rows: Record<string, unknown>[] = await this.read(
      `WITH firsts AS (
         SELECT DISTINCT ON (h.mother_id) h.mother_id, h.post_id, h.start_date
           FROM hires h
          WHERE h.mother_id IN (SELECT mother_id FROM hires WHERE start_date BETWEEN $2::date AND $3::date)
          ORDER BY h.mother_id, h.start_date, h.created_at, h.id),
       days AS (
         SELECT ${this.key(s, 'p.region_code', 'p')} AS key,
                GREATEST(f.start_date - ${chinaDay('COALESCE(m.registered_at, m.created_at)')}, 0) AS d
           FROM firsts f JOIN posts p ON p.id = f.post_id JOIN mothers m ON m.id = f.mother_id
          WHERE p.region_code LIKE $1 AND f.start_date BETWEEN $2::date AND $3::date)
       SELECT key, count(*)::int AS hires, percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median, avg(d)::float8 AS average
         FROM days GROUP BY key`,
      [s.pattern, s.from, s.to],
    );
    return rows.map((r) => ({
      key: String(r.key),
      hires: Number(r.hires),
      median: r.median === null ? null : Number(r.median),
      average: r.average === null ? null : Number(r.average),
    }));
  }

  /**
   * 12333 items due in the period, as they stood at its end: owed unless stopped by a hire and
   * never served; done when served by the end. Only by region: items have no post type.
   */
  async followUp(s: Slice): Promise<FollowUpRow[] | null> {
    if (!(await this.exists('follow_up_items'))) return null;
    const rows: Record<string, unknown>[] = await this.read(
      `SELECT ${this.key(s, 'i.region_code', null)} AS key,
              count(*) FILTER (WHERE NOT (i.stopped_on IS NOT NULL AND i.stopped_on <= $3::date AND (i.served_on IS NULL OR i.served_on > $3::date)))::int AS owed,
              count(*) FILTER (WHERE i.served_on IS NOT NULL AND i.served_on <= $3::date)::int AS done
         FROM follow_up_items i
        WHERE i.region_code LIKE $1 AND i.due_on BETWEEN $2::date AND $3::date
        GROUP BY 1`,
      [s.pattern, s.from, s.to],
    );
    return rows.map((r) => ({ key: String(r.key), owed: Number(r.owed), done: Number(r.done) }));
  }

  /**
   * Claims filed in the period (submitted then, whatever became of them) and claims approved in
   * it. A claim is filed when it was first submitted (claim_decisions), or when it was created
   * if no such step was logged.
   */
  async subsidies(s: Slice): Promise<SubsidyRow[] | null> {
    if (!(await this.exists('subsidy_claims'))) return null;
    const hasDecisions = await this.exists('claim_decisions');
    const filedAt = hasDecisions
      ? `COALESCE((SELECT min(d.created_at) FROM claim_decisions d WHERE d.claim_id = c.id AND d.action = 'submitted'), c.created_at)`
      : 'c.created_at';
    const filed = `c.status IN ('submitted', 'approved', 'rejected') AND ${filedAt} >= $2 AND ${filedAt} < $3`;
    const paid = `c.status = 'approved' AND c.decided_at >= $2 AND c.decided_at < $3`;
    const rows: Record<string, unknown>[] = await this.read(
      `SELECT ${this.key(s, 'c.region_code', 'p')} AS key,
              count(*) FILTER (WHERE ${filed})::int AS claimed,
              COALESCE(sum(c.amount) FILTER (WHERE ${filed}), 0)::float8 AS claimed_amount,
              count(*) FILTER (WHERE ${paid})::int AS paid,
              COALESCE(sum(c.amount) FILTER (WHERE ${paid}), 0)::float8 AS paid_amount
         FROM subsidy_claims c JOIN hires h ON h.id = c.hire_id JOIN posts p ON p.id = h.post_id
        WHERE c.region_code LIKE $1
        GROUP BY 1`,
      [s.pattern, s.fromTs, s.toTsExclusive],
    );
    return rows
      .map((r) => ({
        key: String(r.key),
        claimed: Number(r.claimed),
        claimedAmount: Number(r.claimed_amount),
        paid: Number(r.paid),
        paidAmount: Number(r.paid_amount),
      }))
      .filter((r) => r.claimed > 0 || r.paid > 0);
  }

  /** Active sign-ups made in the period, and those of them present at one session or more. */
  async training(s: Slice): Promise<TrainingRow[] | null> {
    if (!(await this.exists('course_signups')) || !(await this.exists('course_attendance'))) return null;
    const rows: Record<string, unknown>[] = await this.read(
      `SELECT ${this.key(s, 'c.region_code', null)} AS key,
              count(*)::int AS sign_ups,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM course_attendance a WHERE a.course_id = su.course_id AND a.mother_id = su.mother_id AND a.present))::int AS attended
         FROM course_signups su JOIN courses c ON c.id = su.course_id
        WHERE c.region_code LIKE $1 AND su.status = 'active' AND su.signed_up_at >= $2 AND su.signed_up_at < $3
        GROUP BY 1`,
      [s.pattern, s.fromTs, s.toTsExclusive],
    );
    return rows.map((r) => ({ key: String(r.key), signUps: Number(r.sign_ups), attended: Number(r.attended) }));
  }

  async newPostsForQuality(s: Slice): Promise<QualityPostRow[]> {
    const rows: Record<string, unknown>[] = await this.read(
      `SELECT ${this.key(s, 'p.region_code', 'p')} AS key, p.region_code, ${chinaDay('p.created_at')}::text AS created_on,
              p.pay_basis, p.pay_min, p.hourly_min, p.hours_per_week, p.insurance, p.contract_form
         FROM posts p
        WHERE p.region_code LIKE $1 AND p.created_at >= $2 AND p.created_at < $3`,
      [s.pattern, s.fromTs, s.toTsExclusive],
    );
    return rows.map((r) => ({
      key: String(r.key),
      regionCode: r.region_code as string,
      createdOn: r.created_on as string,
      payBasis: r.pay_basis as string,
      payMin: Number(r.pay_min),
      hourlyMin: r.hourly_min === null ? null : Number(r.hourly_min),
      hoursPerWeek: Number(r.hours_per_week),
      insurance: r.insurance as string,
      contractForm: r.contract_form as string,
    }));
  }

  async regionNames(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows: { code: string; name: string }[] = await this.read(`SELECT code, name FROM regions WHERE code = ANY($1::text[])`, [[...codes]]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async childRegions(code: string): Promise<string[]> {
    const rows: { code: string }[] = await this.read(`SELECT code FROM regions WHERE parent_code = $1 ORDER BY code`, [code]);
    return rows.map((r) => r.code);
  }

  /**
   * The group key. Only fixed SQL is spliced in (the column names come from this file, the
   * choice from a checked enum). With no post at hand (`post` null) a type or stage group has
   * no key: the figure is then counted under '' and left out of the groups by the service.
   */
  private key(s: Slice, regionColumn: string, post: string | null): string {
    switch (s.groupBy) {
      case 'district':
        return s.level === 'province' ? `substr(${regionColumn}, 1, 4) || '00'` : regionColumn;
      case 'type':
        return post ? `${post}.type` : `''`;
      case 'stage':
        return post ? `COALESCE(${post}.stage, 'none')` : `''`;
      default:
        return `'all'`;
    }
  }

  private async exists(table: string): Promise<boolean> {
    const rows: { t: string | null }[] = await this.read(`SELECT to_regclass($1)::text AS t`, [table]);
    return rows[0]?.t != null;
  }
}
