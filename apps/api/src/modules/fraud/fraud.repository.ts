import type {
  ApplicationStatus,
  ClaimStatus,
  ClaimableSubsidyCode,
  ComplaintRecord,
  EmployerActivityRecord,
  FraudFinding,
  FraudObject,
  FraudRuleCode,
  HireApplicationRecord,
  PayBasis,
  PostRecord,
  PostTypeCode,
  SubsidisedHireRecord,
} from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { FraudFlagEntity, type FlagOutcome, type FlagStatus } from './fraud-flag.entity';

/** A record with the region of the object it is about, so a finding can be filed under it. */
export type InRegion<T> = T & { regionCode: string };

export interface FlagRow {
  id: string;
  rule: FraudRuleCode;
  subjectKey: string;
  regionCode: string;
  explanation: string;
  objects: FraudObject[];
  status: FlagStatus;
  outcome: FlagOutcome | null;
  resolutionNote: string | null;
  resolvedByName: string | null;
  resolvedAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** The China date of a timestamptz column, whatever the session's time zone. */
const chinaDate = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date::text`;

function toFlag(r: Record<string, unknown>): FlagRow {
  return {
    id: r.id as string,
    rule: r.rule as FraudRuleCode,
    subjectKey: r.subject_key as string,
    regionCode: r.region_code as string,
    explanation: r.explanation as string,
    objects: r.objects as FraudObject[],
    status: r.status as FlagStatus,
    outcome: (r.outcome as FlagOutcome | null) ?? null,
    resolutionNote: (r.resolution_note as string | null) ?? null,
    resolvedByName: (r.resolved_by_name as string | null) ?? null,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at as string) : null,
    firstSeenAt: new Date(r.first_seen_at as string),
    lastSeenAt: new Date(r.last_seen_at as string),
  };
}

/** Findings filed per statement. */
const UPSERT_BATCH = 500;

const FLAG_SQL = `SELECT f.id, f.rule, f.subject_key, f.region_code, f.explanation, f.objects, f.status, f.outcome, f.resolution_note,
  u.display_name AS resolved_by_name, f.resolved_at, f.first_seen_at, f.last_seen_at
  FROM fraud_flags f LEFT JOIN users u ON u.id = f.resolved_by`;

/**
 * The only code that writes `fraud_flags`. It reads what the rules look at from the other
 * features' tables in plain SQL: claims and hire endings (claims), posts, hires and
 * applications (marketplace), complaints and promise checks (rights, when present).
 * A null `regionLike` means every region (the daily scan).
 */
@Injectable()
export class FraudRepository {
  constructor(@InjectRepository(FraudFlagEntity) private readonly flags: Repository<FraudFlagEntity>) {}

  /** Live claims of every mother who has one in the region, with the hire's end if reported. */
  async subsidisedHires(regionLike: string | null, tx?: Tx): Promise<InRegion<SubsidisedHireRecord>[]> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT c.id, c.hire_id, c.mother_id, c.employer_id, c.subsidy_code, c.status, c.period_from::text AS period_from,
              c.period_to::text AS period_to, he.ended_on::text AS ended_on, c.region_code
         FROM subsidy_claims c LEFT JOIN hire_endings he ON he.hire_id = c.hire_id
        WHERE c.status <> 'rejected'
          AND c.mother_id IN (SELECT mother_id FROM subsidy_claims WHERE $1::text IS NULL OR region_code LIKE $1)`,
      [regionLike],
    );
    return rows.map((r) => ({
      claimId: r.id as string,
      hireId: r.hire_id as string,
      motherId: r.mother_id as string,
      employerId: r.employer_id as string,
      subsidyCode: r.subsidy_code as ClaimableSubsidyCode,
      status: r.status as ClaimStatus,
      periodFrom: r.period_from as string,
      periodTo: r.period_to as string,
      ...(r.ended_on ? { endedOn: r.ended_on as string } : {}),
      regionCode: r.region_code as string,
    }));
  }

  /** Post and hire dates of the region's employers that posted at least `minPosts` times since `since`. */
  async employerActivity(regionLike: string | null, since: string, minPosts: number, tx?: Tx): Promise<InRegion<EmployerActivityRecord>[]> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT e.id, e.region_code,
              (SELECT array_agg(${chinaDate('p.created_at')}) FROM posts p WHERE p.employer_id = e.id AND p.created_at >= $2::date) AS post_dates,
              (SELECT array_agg(${chinaDate('h.created_at')}) FROM hires h WHERE h.employer_id = e.id AND h.created_at >= $2::date) AS hire_dates
         FROM employers e
        WHERE ($1::text IS NULL OR e.region_code LIKE $1)
          AND (SELECT count(*) FROM posts p WHERE p.employer_id = e.id AND p.created_at >= $2::date) >= $3`,
      [regionLike, since, minPosts],
    );
    return rows.map((r) => ({
      employerId: r.id as string,
      regionCode: r.region_code as string,
      postDates: (r.post_dates as string[] | null) ?? [],
      hireDates: (r.hire_dates as string[] | null) ?? [],
    }));
  }

  /**
   * Employers of the region with at least two posts created since `since` or still open: those
   * whose posts the near-duplicate rule looks at, in id order for batching.
   */
  async employersWithRecentPosts(regionLike: string | null, since: string, tx?: Tx): Promise<string[]> {
    const rows: { employer_id: string }[] = await this.m(tx).query(
      `SELECT p.employer_id FROM posts p
        WHERE ($1::text IS NULL OR p.region_code LIKE $1) AND (p.created_at >= $2::date OR p.status = 'open')
        GROUP BY p.employer_id HAVING count(*) > 1
        ORDER BY p.employer_id`,
      [regionLike, since],
    );
    return rows.map((r) => r.employer_id);
  }

  /**
   * The given employers' posts (of the region) created since `since` or still open that have
   * another such post of the same employer, type and pay basis created within `windowDays`
   * (China dates): the only posts the near-duplicate rule can pair. Set-based: one pass with
   * window functions over the posts in (employer, type, pay basis, created) order; a post's
   * nearest neighbour in that order is the closest in time, so checking the previous and next
   * post is enough. No correlated subquery, no row cap.
   */
  async recentPosts(regionLike: string | null, since: string, windowDays: number, employerIds: readonly string[], tx?: Tx): Promise<InRegion<PostRecord>[]> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `WITH recent AS (
         SELECT p.id, p.employer_id, p.type, p.pay_basis, p.pay_min, p.pay_max, p.title, p.region_code, p.created_at,
                ((p.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS created_on
           FROM posts p
          WHERE p.employer_id = ANY($4::uuid[]) AND ($1::text IS NULL OR p.region_code LIKE $1)
            AND (p.created_at >= $2::date OR p.status = 'open')),
       neighbours AS (
         SELECT r.*, lag(r.created_on) OVER w AS prev_on, lead(r.created_on) OVER w AS next_on
           FROM recent r
         WINDOW w AS (PARTITION BY r.employer_id, r.type, r.pay_basis ORDER BY r.created_at, r.id))
       SELECT n.id, n.employer_id, n.type, n.pay_basis, n.pay_min, n.pay_max, n.title, n.region_code, n.created_on::text AS created_on
         FROM neighbours n
        WHERE n.created_on - n.prev_on <= $3 OR n.next_on - n.created_on <= $3`,
      [regionLike, since, windowDays, [...employerIds]],
    );
    return rows.map((r) => ({
      id: r.id as string,
      employerId: r.employer_id as string,
      type: r.type as PostTypeCode,
      payBasis: r.pay_basis as PayBasis,
      payMin: Number(r.pay_min),
      payMax: Number(r.pay_max),
      title: r.title as string,
      createdOn: r.created_on as string,
      regionCode: r.region_code as string,
    }));
  }

  /**
   * Hires of the region whose application does not line up with them. The SQL only narrows the
   * rows (any hire the rule could flag is among them); the domain rule decides and explains.
   */
  async suspectHires(regionLike: string | null, tx?: Tx): Promise<InRegion<HireApplicationRecord>[]> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT h.id, h.mother_id, h.post_id, h.employer_id, e.region_code,
              a.id AS a_id, a.mother_id AS a_mother_id, a.post_id AS a_post_id, a.employer_id AS a_employer_id, a.status AS a_status
         FROM hires h
         JOIN employers e ON e.id = h.employer_id
         LEFT JOIN applications a ON a.id = h.application_id
        WHERE ($1::text IS NULL OR e.region_code LIKE $1)
          AND (a.id IS NULL OR a.mother_id <> h.mother_id OR a.post_id <> h.post_id OR a.employer_id <> h.employer_id OR a.status <> 'hired')`,
      [regionLike],
    );
    return rows.map((r) => ({
      hireId: r.id as string,
      motherId: r.mother_id as string,
      postId: r.post_id as string,
      employerId: r.employer_id as string,
      regionCode: r.region_code as string,
      application: r.a_id
        ? {
            id: r.a_id as string,
            motherId: r.a_mother_id as string,
            postId: r.a_post_id as string,
            employerId: r.a_employer_id as string,
            status: r.a_status as ApplicationStatus,
          }
        : null,
    }));
  }

  /**
   * Complaints about the region's employers since `since` (modules/rights: `rights_cases` of
   * kind complaint, and `promise_checks` she answered with a broken promise). Empty while those
   * tables do not exist.
   */
  async complaints(regionLike: string | null, since: string, tx?: Tx): Promise<InRegion<ComplaintRecord>[]> {
    const present: { cases: string | null; checks: string | null }[] = await this.m(tx).query(
      `SELECT to_regclass('rights_cases')::text AS cases, to_regclass('promise_checks')::text AS checks`,
    );
    const out: InRegion<ComplaintRecord>[] = [];
    if (present[0]?.cases) {
      const rows: Record<string, unknown>[] = await this.m(tx).query(
        `SELECT c.id, c.employer_id, c.mother_id, c.category, e.region_code, ${chinaDate('c.created_at')} AS created_on
           FROM rights_cases c JOIN employers e ON e.id = c.employer_id
          WHERE c.kind = 'complaint' AND c.created_at >= $2::date AND ($1::text IS NULL OR e.region_code LIKE $1)`,
        [regionLike, since],
      );
      for (const r of rows) {
        out.push({
          id: r.id as string,
          source: 'complaint',
          employerId: r.employer_id as string,
          motherId: (r.mother_id as string | null) ?? null,
          category: r.category as string,
          createdOn: r.created_on as string,
          regionCode: r.region_code as string,
        });
      }
    }
    if (present[0]?.checks) {
      const rows: Record<string, unknown>[] = await this.m(tx).query(
        `SELECT k.id, k.employer_id, k.mother_id, e.region_code, ${chinaDate('k.answered_at')} AS created_on
           FROM promise_checks k JOIN employers e ON e.id = k.employer_id
          WHERE k.broken AND k.answered_at >= $2::date AND ($1::text IS NULL OR e.region_code LIKE $1)`,
        [regionLike, since],
      );
      for (const r of rows) {
        out.push({
          id: r.id as string,
          source: 'promise_check',
          employerId: r.employer_id as string,
          motherId: r.mother_id as string,
          category: 'promise_check',
          createdOn: r.created_on as string,
          regionCode: r.region_code as string,
        });
      }
    }
    return out;
  }

  /**
   * Files findings: new flags, or the same flags refreshed (explanation, objects, last seen),
   * in batches of one statement each. A resolved flag keeps its resolution: the official has
   * already looked at it. Findings must be unique per rule and subject.
   */
  async upsertMany(findings: readonly { finding: FraudFinding; regionCode: string }[], at: Date, tx?: Tx): Promise<{ created: number; updated: number }> {
    let created = 0;
    let updated = 0;
    for (let i = 0; i < findings.length; i += UPSERT_BATCH) {
      const batch = findings.slice(i, i + UPSERT_BATCH);
      const rows: { inserted: boolean }[] = await this.m(tx).query(
        `INSERT INTO fraud_flags (rule, subject_key, region_code, explanation, objects, first_seen_at, last_seen_at)
         SELECT f.rule, f.subject_key, f.region_code, f.explanation, f.objects::jsonb, $6, $6
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS f(rule, subject_key, region_code, explanation, objects)
         ON CONFLICT (rule, subject_key) DO UPDATE SET explanation = EXCLUDED.explanation, objects = EXCLUDED.objects, last_seen_at = EXCLUDED.last_seen_at
         RETURNING (xmax = 0) AS inserted`,
        [
          batch.map((b) => b.finding.rule),
          batch.map((b) => b.finding.subjectKey),
          batch.map((b) => b.regionCode),
          batch.map((b) => b.finding.explanation),
          batch.map((b) => JSON.stringify(b.finding.objects)),
          at,
        ],
      );
      for (const r of rows) {
        if (r.inserted) created += 1;
        else updated += 1;
      }
    }
    return { created, updated };
  }

  async list(patterns: readonly string[], status: FlagStatus | null, rule: FraudRuleCode | null, offset: number, limit: number): Promise<{ items: FlagRow[]; total: number }> {
    const where = `f.region_code LIKE ANY($1::text[]) AND ($2::text IS NULL OR f.status = $2) AND ($3::text IS NULL OR f.rule = $3)`;
    const params = [[...patterns], status, rule];
    const rows: Record<string, unknown>[] = await this.flags.query(`${FLAG_SQL} WHERE ${where} ORDER BY f.last_seen_at DESC, f.id OFFSET $4 LIMIT $5`, [
      ...params,
      offset,
      limit,
    ]);
    const count: { n: string }[] = await this.flags.query(`SELECT count(*) AS n FROM fraud_flags f WHERE ${where}`, params);
    return { items: rows.map(toFlag), total: Number(count[0]?.n ?? 0) };
  }

  async find(id: string): Promise<FlagRow | null> {
    const rows: Record<string, unknown>[] = await this.flags.query(`${FLAG_SQL} WHERE f.id = $1`, [id]);
    return rows[0] ? toFlag(rows[0]) : null;
  }

  async resolve(id: string, outcome: FlagOutcome, note: string, by: string, at: Date): Promise<boolean> {
    const rows: { id: string }[] = await this.flags.query(
      `WITH r AS (
         UPDATE fraud_flags SET status = 'resolved', outcome = $2, resolution_note = $3, resolved_by = $4, resolved_at = $5
          WHERE id = $1 AND status = 'open' RETURNING id)
       SELECT id FROM r`,
      [id, outcome, note, by, at],
    );
    return rows.length > 0;
  }

  /** Names for the objects a flag points at: employers and posts by name, mothers masked later by the caller. */
  async labels(objects: readonly FraudObject[]): Promise<Map<string, string>> {
    const ids = (kind: string) => objects.filter((o) => o.kind === kind).map((o) => o.id);
    const out = new Map<string, string>();
    const employers = ids('employer');
    if (employers.length > 0) {
      const rows: { id: string; name: string }[] = await this.flags.query(`SELECT id, name FROM employers WHERE id = ANY($1::uuid[])`, [employers]);
      for (const r of rows) out.set(r.id, r.name);
    }
    const posts = ids('post');
    if (posts.length > 0) {
      const rows: { id: string; title: string }[] = await this.flags.query(`SELECT id, title FROM posts WHERE id = ANY($1::uuid[])`, [posts]);
      for (const r of rows) out.set(r.id, r.title);
    }
    const mothers = ids('mother');
    if (mothers.length > 0) {
      const rows: { id: string; name: string }[] = await this.flags.query(`SELECT id, name FROM mothers WHERE id = ANY($1::uuid[])`, [mothers]);
      for (const r of rows) out.set(r.id, r.name);
    }
    const hires = ids('hire');
    if (hires.length > 0) {
      const rows: { id: string; start_date: string }[] = await this.flags.query(`SELECT id, start_date::text AS start_date FROM hires WHERE id = ANY($1::uuid[])`, [hires]);
      for (const r of rows) out.set(r.id, `${r.start_date}入职`);
    }
    return out;
  }

  private m(tx: Tx | undefined) {
    return tx ?? this.flags.manager;
  }
}
