import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { FairEntity, type FairMode, type FairStatus } from './fair.entity';
import { FairSignupEntity, type FairSignupStatus } from './fair-signup.entity';

type Row = Record<string, unknown>;

/** The China date of a timestamptz column (no time-zone database needed). */
const chinaDay = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

export interface NewFair {
  regionCode: string;
  stationId: string | null;
  title: string;
  description: string;
  mode: FairMode;
  address: string | null;
  lat: number | null;
  lng: number | null;
  onlineUrl: string | null;
  fairDate: string;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
  childFriendly: string;
  seats: number;
  createdBy: string;
  now: Date;
}

export interface NewSignup {
  id: string;
  fairId: string;
  motherId: string;
  seq: number;
  codeHash: string;
  status: FairSignupStatus;
  holdsSeat: boolean;
  walkIn: boolean;
  now: Date;
  checkedInBy: string | null;
  registeredBy: string | null;
}

/** A post as fairs and livestreams list it (summary), with its employer. */
export interface PostSummaryRow {
  id: string;
  employerId: string;
  employerName: string;
  friendly: boolean;
  title: string;
  type: string;
  status: string;
  headcount: number;
  filledCount: number;
  hourlyMin: number | null;
  hourlyMax: number | null;
  remote: boolean;
  takeHome: boolean;
  validUntil: Date;
  regionCode: string;
}

export interface ParticipantRow {
  employerId: string;
  employerName: string;
  friendly: boolean;
}

export interface EmployerForFair {
  id: string;
  name: string;
  status: string;
}

export interface PostForFair {
  id: string;
  employerId: string;
  status: string;
  validUntil: Date;
}

export interface SignupWithMother {
  signup: FairSignupEntity;
  motherName: string;
  phoneMasked: string | null;
}

export interface MySignupRow {
  signup: FairSignupEntity;
  fair: FairEntity;
}

export interface FairCounts {
  signUps: number;
  cancelled: number;
  walkIns: number;
  checkIns: number;
  employers: number;
  posts: number;
}

export interface OriginStats {
  applications: number;
  applicants: number;
  hires: number;
  byEmployer: { employerId: string; employerName: string; applications: number; hires: number }[];
}

export interface ReminderRow {
  signupId: string;
  motherId: string;
  fairId: string;
  title: string;
  fairDate: string;
  startTime: string;
  endTime: string;
  mode: FairMode;
  address: string | null;
}

const FAIR_FIELDS = [
  'id', 'fair_no', 'region_code', 'station_id', 'title', 'description', 'mode', 'address', 'lat', 'lng', 'online_url', 'fair_date', 'start_time',
  'end_time', 'starts_at', 'ends_at', 'child_friendly', 'seats', 'seats_taken', 'last_seq', 'status', 'cancel_reason', 'created_by', 'created_at',
  'updated_at',
];

/** The fair's columns from alias `f`, each named `<prefix><column>`; the date as text ('YYYY-MM-DD'). */
function fairColumns(prefix = ''): string {
  return FAIR_FIELDS.map((c) => (c === 'fair_date' ? `f.fair_date::text AS ${prefix}fair_date` : `f.${c} AS ${prefix}${c}`)).join(', ');
}

const FAIR_COLUMNS = fairColumns();

const SIGNUP_COLUMNS = `s.id, s.fair_id, s.mother_id, s.seq, s.code_hash, s.status, s.holds_seat, s.walk_in, s.signed_up_at, s.cancelled_at,
  s.checked_in_at, s.checked_in_by, s.registered_by, s.created_at`;

export const POST_SUMMARY_COLUMNS = `p.id, p.employer_id, e.name AS employer_name, e.friendly, p.title, p.type, p.status, p.headcount, p.filled_count,
  p.hourly_min, p.hourly_max, p.remote, p.take_home, p.valid_until, p.region_code`;

/**
 * The only code that reads and writes `fairs`, `fair_employers`, `fair_posts` and
 * `fair_signups`. It also reads employers, posts, mothers, applications and hires in plain SQL,
 * so this feature does not depend on those features' entities.
 */
@Injectable()
export class FairsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertFair(f: NewFair, tx: Tx): Promise<FairEntity> {
    const rows: Row[] = await tx.query(
      `WITH f AS (
         INSERT INTO fairs (region_code, station_id, title, description, mode, address, lat, lng, online_url, fair_date, start_time, end_time,
                            starts_at, ends_at, child_friendly, seats, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
         RETURNING *)
       SELECT ${FAIR_COLUMNS} FROM f`,
      [
        f.regionCode,
        f.stationId,
        f.title,
        f.description,
        f.mode,
        f.address,
        f.lat,
        f.lng,
        f.onlineUrl,
        f.fairDate,
        f.startTime,
        f.endTime,
        f.startsAt,
        f.endsAt,
        f.childFriendly,
        f.seats,
        f.createdBy,
        f.now,
      ],
    );
    return toFair(rows[0] as Row);
  }

  async findFair(id: string, tx?: Tx): Promise<FairEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${FAIR_COLUMNS} FROM fairs f WHERE f.id = $1`, [id]);
    return rows[0] ? toFair(rows[0]) : null;
  }

  /**
   * Published fairs not yet over, onsite ones inside the box or any fair of the given regions
   * (exact codes) or region prefixes; the service measures distances and filters further.
   */
  async listUpcoming(
    q: { now: Date; box: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null; regionLike: string | null; regionCodes: string[]; limit: number },
    tx?: Tx,
  ): Promise<FairEntity[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${FAIR_COLUMNS} FROM fairs f
        WHERE f.status = 'published' AND f.ends_at > $1
          AND (
            ($2::float8 IS NOT NULL AND f.lat BETWEEN $2 AND $3 AND f.lng BETWEEN $4 AND $5)
            OR ($6::text IS NOT NULL AND f.region_code LIKE $6::text)
            OR f.region_code = ANY($7::text[])
          )
        ORDER BY f.starts_at, f.id
        LIMIT $8`,
      [q.now, q.box?.minLat ?? null, q.box?.maxLat ?? null, q.box?.minLng ?? null, q.box?.maxLng ?? null, q.regionLike, q.regionCodes, q.limit],
    );
    return rows.map(toFair);
  }

  /** Fairs of regions matching any of the LIKE patterns, latest date first. */
  async listInRegions(patterns: string[], limit: number, tx?: Tx): Promise<FairEntity[]> {
    if (patterns.length === 0) return [];
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${FAIR_COLUMNS} FROM fairs f WHERE f.region_code LIKE ANY($1::text[]) ORDER BY f.fair_date DESC, f.starts_at DESC, f.id LIMIT $2`,
      [patterns, limit],
    );
    return rows.map(toFair);
  }

  async employersByIds(ids: string[], tx: Tx): Promise<EmployerForFair[]> {
    if (ids.length === 0) return [];
    const rows: Row[] = await tx.query(`SELECT id, name, status FROM employers WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => ({ id: r.id as string, name: r.name as string, status: r.status as string }));
  }

  async postsByIds(ids: string[], tx: Tx): Promise<PostForFair[]> {
    if (ids.length === 0) return [];
    const rows: Row[] = await tx.query(`SELECT id, employer_id, status, valid_until FROM posts WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => ({ id: r.id as string, employerId: r.employer_id as string, status: r.status as string, validUntil: new Date(r.valid_until as string) }));
  }

  /** Replaces the fair's employers and their posts with the given list. */
  async replaceParticipants(fairId: string, employers: { employerId: string; postIds: string[] }[], now: Date, tx: Tx): Promise<void> {
    await tx.query(`DELETE FROM fair_posts WHERE fair_id = $1`, [fairId]);
    await tx.query(`DELETE FROM fair_employers WHERE fair_id = $1`, [fairId]);
    for (const e of employers) {
      await tx.query(`INSERT INTO fair_employers (fair_id, employer_id, created_at) VALUES ($1, $2, $3)`, [fairId, e.employerId, now]);
      if (e.postIds.length > 0) {
        await tx.query(`INSERT INTO fair_posts (fair_id, post_id, employer_id) SELECT $1, unnest($2::uuid[]), $3`, [fairId, e.postIds, e.employerId]);
      }
    }
  }

  async participants(fairId: string, tx?: Tx): Promise<ParticipantRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT fe.employer_id, e.name, e.friendly FROM fair_employers fe JOIN employers e ON e.id = fe.employer_id
        WHERE fe.fair_id = $1 ORDER BY fe.created_at, e.name, fe.employer_id`,
      [fairId],
    );
    return rows.map((r) => ({ employerId: r.employer_id as string, employerName: r.name as string, friendly: Boolean(r.friendly) }));
  }

  async fairPosts(fairId: string, tx?: Tx): Promise<PostSummaryRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${POST_SUMMARY_COLUMNS} FROM fair_posts fp JOIN posts p ON p.id = fp.post_id JOIN employers e ON e.id = p.employer_id
        WHERE fp.fair_id = $1 ORDER BY p.created_at, p.id`,
      [fairId],
    );
    return rows.map(toPostSummary);
  }

  /** Employers and posts per fair, for lists of fairs. */
  async participationCounts(fairIds: string[], tx?: Tx): Promise<Map<string, { employers: number; posts: number }>> {
    const counts = new Map<string, { employers: number; posts: number }>();
    if (fairIds.length === 0) return counts;
    const rows: Row[] = await this.manager(tx).query(
      `SELECT fe.fair_id, count(DISTINCT fe.employer_id)::int AS employers, count(fp.post_id)::int AS posts
         FROM fair_employers fe LEFT JOIN fair_posts fp ON fp.fair_id = fe.fair_id AND fp.employer_id = fe.employer_id
        WHERE fe.fair_id = ANY($1::uuid[]) GROUP BY fe.fair_id`,
      [fairIds],
    );
    for (const r of rows) counts.set(r.fair_id as string, { employers: Number(r.employers), posts: Number(r.posts) });
    return counts;
  }

  /** Approved employers of regions matching the LIKE pattern with their open posts, for an organiser to invite. */
  async candidatePosts(regionLike: string, now: Date, limit: number, tx?: Tx): Promise<PostSummaryRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${POST_SUMMARY_COLUMNS} FROM posts p JOIN employers e ON e.id = p.employer_id
        WHERE e.status = 'approved' AND e.region_code LIKE $1 AND p.status = 'open' AND p.valid_until > $2
        ORDER BY e.name, e.id, p.created_at, p.id
        LIMIT $3`,
      [regionLike, now, limit],
    );
    return rows.map(toPostSummary);
  }

  async isPostInFair(fairId: string, postId: string, tx?: Tx): Promise<boolean> {
    const rows: Row[] = await this.manager(tx).query(`SELECT 1 FROM fair_posts WHERE fair_id = $1 AND post_id = $2`, [fairId, postId]);
    return rows.length > 0;
  }

  /**
   * Takes a seat and the next sign-up number, in one guarded statement: it changes nothing
   * unless the fair is published, not over and has a seat left. Concurrent sign-ups queue on
   * the fair's row and each re-checks the guard on the row as the one before left it, so the
   * seats can never be oversold.
   */
  async takeSeat(fairId: string, now: Date, tx: Tx): Promise<number | null> {
    const rows: Row[] = await tx.query(
      `WITH taken AS (
         UPDATE fairs SET seats_taken = seats_taken + 1, last_seq = last_seq + 1, updated_at = $2
          WHERE id = $1 AND status = 'published' AND ends_at > $2 AND seats_taken < seats AND last_seq < 99999
          RETURNING last_seq)
       SELECT last_seq FROM taken`,
      [fairId, now],
    );
    return rows[0] ? Number(rows[0].last_seq) : null;
  }

  /** A sign-up number without a seat: a walk-in at the door. */
  async takeNumber(fairId: string, now: Date, tx: Tx): Promise<number | null> {
    const rows: Row[] = await tx.query(
      `WITH taken AS (
         UPDATE fairs SET last_seq = last_seq + 1, updated_at = $2 WHERE id = $1 AND status = 'published' AND last_seq < 99999 RETURNING last_seq)
       SELECT last_seq FROM taken`,
      [fairId, now],
    );
    return rows[0] ? Number(rows[0].last_seq) : null;
  }

  /** A seat back, for a re-used sign-up that already had its number. */
  async takeSeatOnly(fairId: string, now: Date, tx: Tx): Promise<boolean> {
    const rows: Row[] = await tx.query(
      `WITH taken AS (
         UPDATE fairs SET seats_taken = seats_taken + 1, updated_at = $2
          WHERE id = $1 AND status = 'published' AND ends_at > $2 AND seats_taken < seats
          RETURNING id)
       SELECT id FROM taken`,
      [fairId, now],
    );
    return rows.length > 0;
  }

  async releaseSeat(fairId: string, now: Date, tx: Tx): Promise<void> {
    await tx.query(
      `WITH released AS (UPDATE fairs SET seats_taken = seats_taken - 1, updated_at = $2 WHERE id = $1 AND seats_taken > 0 RETURNING id) SELECT id FROM released`,
      [fairId, now],
    );
  }

  async findSignup(fairId: string, motherId: string, tx?: Tx): Promise<FairSignupEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${SIGNUP_COLUMNS} FROM fair_signups s WHERE s.fair_id = $1 AND s.mother_id = $2`, [fairId, motherId]);
    return rows[0] ? toSignup(rows[0]) : null;
  }

  async findSignupById(id: string, tx?: Tx): Promise<FairSignupEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${SIGNUP_COLUMNS} FROM fair_signups s WHERE s.id = $1`, [id]);
    return rows[0] ? toSignup(rows[0]) : null;
  }

  async findSignupByCodeHash(codeHash: string, tx?: Tx): Promise<FairSignupEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${SIGNUP_COLUMNS} FROM fair_signups s WHERE s.code_hash = $1`, [codeHash]);
    return rows[0] ? toSignup(rows[0]) : null;
  }

  /** Null when she already has a sign-up for the fair (a concurrent request won). */
  async insertSignup(s: NewSignup, tx: Tx): Promise<FairSignupEntity | null> {
    const rows: Row[] = await tx.query(
      `INSERT INTO fair_signups AS s (id, fair_id, mother_id, seq, code_hash, status, holds_seat, walk_in, signed_up_at, checked_in_at, checked_in_by, registered_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $6 = 'checked_in' THEN $9::timestamptz END, $10, $11, $9)
       ON CONFLICT (fair_id, mother_id) DO NOTHING
       RETURNING ${SIGNUP_COLUMNS}`,
      [s.id, s.fairId, s.motherId, s.seq, s.codeHash, s.status, s.holdsSeat, s.walkIn, s.now, s.checkedInBy, s.registeredBy],
    );
    return rows[0] ? toSignup(rows[0]) : null;
  }

  /** A cancelled sign-up taken up again (her number and code stay hers); null if it was not cancelled. */
  async reactivateSignup(id: string, now: Date, tx: Tx): Promise<FairSignupEntity | null> {
    const rows: Row[] = await tx.query(
      `WITH s AS (
         UPDATE fair_signups SET status = 'signed_up', holds_seat = true, cancelled_at = NULL, signed_up_at = $2
          WHERE id = $1 AND status = 'cancelled' RETURNING *)
       SELECT ${SIGNUP_COLUMNS} FROM s`,
      [id, now],
    );
    return rows[0] ? toSignup(rows[0]) : null;
  }

  /** Cancels a sign-up that is still only signed up; null otherwise. */
  async cancelSignup(id: string, now: Date, tx: Tx): Promise<FairSignupEntity | null> {
    const rows: Row[] = await tx.query(
      `WITH s AS (
         UPDATE fair_signups SET status = 'cancelled', holds_seat = false, cancelled_at = $2
          WHERE id = $1 AND status = 'signed_up' RETURNING *)
       SELECT ${SIGNUP_COLUMNS} FROM s`,
      [id, now],
    );
    return rows[0] ? toSignup(rows[0]) : null;
  }

  /** Checks in a sign-up that is signed up (or, for a walk-in, cancelled); null when it was not (used, or changed meanwhile). */
  async checkIn(id: string, from: FairSignupStatus[], by: string, now: Date, tx: Tx): Promise<FairSignupEntity | null> {
    const rows: Row[] = await tx.query(
      `WITH s AS (
         UPDATE fair_signups SET status = 'checked_in', checked_in_at = $3, checked_in_by = $2
          WHERE id = $1 AND status = ANY($4::text[]) RETURNING *)
       SELECT ${SIGNUP_COLUMNS} FROM s`,
      [id, by, now, from],
    );
    return rows[0] ? toSignup(rows[0]) : null;
  }

  async markWalkIn(id: string, by: string, tx: Tx): Promise<void> {
    await tx.query(`WITH s AS (UPDATE fair_signups SET walk_in = true, registered_by = $2 WHERE id = $1 RETURNING id) SELECT id FROM s`, [id, by]);
  }

  async signupsWithMothers(fairId: string, limit: number, signupId?: string, tx?: Tx): Promise<SignupWithMother[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${SIGNUP_COLUMNS}, m.name AS mother_name,
              COALESCE(m.phone_masked, u.phone_masked) AS phone_masked
         FROM fair_signups s JOIN mothers m ON m.id = s.mother_id LEFT JOIN users u ON u.id = m.user_id
        WHERE s.fair_id = $1 AND ($2::uuid IS NULL OR s.id = $2::uuid)
        ORDER BY s.seq
        LIMIT $3`,
      [fairId, signupId ?? null, limit],
    );
    return rows.map((r) => ({ signup: toSignup(r), motherName: (r.mother_name as string | null) ?? '', phoneMasked: (r.phone_masked as string | null) ?? null }));
  }

  async signupsOfMother(motherId: string, limit: number, tx?: Tx): Promise<MySignupRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${SIGNUP_COLUMNS}, ${fairColumns('f_')}
         FROM fair_signups s JOIN fairs f ON f.id = s.fair_id
        WHERE s.mother_id = $1
        ORDER BY f.starts_at DESC, s.id
        LIMIT $2`,
      [motherId, limit],
    );
    return rows.map((r) => ({ signup: toSignup(r), fair: toFair(unprefix(r, 'f_')) }));
  }

  async motherExists(motherId: string, tx: Tx): Promise<{ id: string; regionCode: string } | null> {
    const rows: Row[] = await tx.query(`SELECT id, region_code FROM mothers WHERE id = $1`, [motherId]);
    return rows[0] ? { id: rows[0].id as string, regionCode: rows[0].region_code as string } : null;
  }

  async motherRegion(motherId: string, tx?: Tx): Promise<string | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT region_code FROM mothers WHERE id = $1`, [motherId]);
    return (rows[0]?.region_code as string | undefined) ?? null;
  }

  async cancelFair(id: string, reason: string, now: Date, tx: Tx): Promise<boolean> {
    const rows: Row[] = await tx.query(
      `WITH f AS (UPDATE fairs SET status = 'cancelled', cancel_reason = $2, updated_at = $3 WHERE id = $1 AND status = 'published' RETURNING id) SELECT id FROM f`,
      [id, reason, now],
    );
    return rows.length > 0;
  }

  /** Mothers still signed up (not checked in): the ones to tell about a cancellation. */
  async activeSignupMothers(fairId: string, tx: Tx): Promise<{ signupId: string; motherId: string }[]> {
    const rows: Row[] = await tx.query(`SELECT id, mother_id FROM fair_signups WHERE fair_id = $1 AND status = 'signed_up'`, [fairId]);
    return rows.map((r) => ({ signupId: r.id as string, motherId: r.mother_id as string }));
  }

  async counts(fairId: string, tx?: Tx): Promise<FairCounts> {
    const [r] = (await this.manager(tx).query(
      `SELECT count(*) FILTER (WHERE NOT s.walk_in AND s.status <> 'cancelled')::int AS sign_ups,
              count(*) FILTER (WHERE s.status = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE s.walk_in)::int AS walk_ins,
              count(*) FILTER (WHERE s.status = 'checked_in')::int AS check_ins,
              (SELECT count(*)::int FROM fair_employers WHERE fair_id = $1) AS employers,
              (SELECT count(*)::int FROM fair_posts WHERE fair_id = $1) AS posts
         FROM fair_signups s WHERE s.fair_id = $1`,
      [fairId],
    )) as Row[];
    return {
      signUps: Number(r?.sign_ups ?? 0),
      cancelled: Number(r?.cancelled ?? 0),
      walkIns: Number(r?.walk_ins ?? 0),
      checkIns: Number(r?.check_ins ?? 0),
      employers: Number(r?.employers ?? 0),
      posts: Number(r?.posts ?? 0),
    };
  }

  /**
   * Applications and hires that came from the fair: applied from the fair itself or from one of
   * its livestreams. A hire is counted through its application. Per employer, every employer
   * taking part is listed, and any other employer that got applications from the fair.
   */
  async fairOriginStats(fairId: string, tx?: Tx): Promise<OriginStats> {
    const origin = `(a.fair_id = $1 OR a.livestream_id IN (SELECT id FROM livestreams WHERE fair_id = $1))`;
    const [total] = (await this.manager(tx).query(
      `SELECT count(*)::int AS applications, count(DISTINCT a.mother_id)::int AS applicants, count(h.id)::int AS hires
         FROM applications a LEFT JOIN hires h ON h.application_id = a.id
        WHERE ${origin}`,
      [fairId],
    )) as Row[];
    const rows: Row[] = await this.manager(tx).query(
      `WITH counted AS (
         SELECT a.employer_id, count(*)::int AS applications, count(h.id)::int AS hires
           FROM applications a LEFT JOIN hires h ON h.application_id = a.id
          WHERE ${origin}
          GROUP BY a.employer_id),
       listed AS (
         SELECT employer_id, created_at FROM fair_employers WHERE fair_id = $1
         UNION ALL
         SELECT employer_id, NULL FROM counted WHERE employer_id NOT IN (SELECT employer_id FROM fair_employers WHERE fair_id = $1))
       SELECT l.employer_id, e.name, COALESCE(c.applications, 0) AS applications, COALESCE(c.hires, 0) AS hires
         FROM listed l JOIN employers e ON e.id = l.employer_id LEFT JOIN counted c ON c.employer_id = l.employer_id
        ORDER BY l.created_at NULLS LAST, e.name, l.employer_id`,
      [fairId],
    );
    return {
      applications: Number(total?.applications ?? 0),
      applicants: Number(total?.applicants ?? 0),
      hires: Number(total?.hires ?? 0),
      byEmployer: rows.map((r) => ({
        employerId: r.employer_id as string,
        employerName: r.name as string,
        applications: Number(r.applications),
        hires: Number(r.hires),
      })),
    };
  }

  /** Sign-ups still signed up for published fairs held on `fairDate`. */
  async dueReminders(fairDate: string, tx?: Tx): Promise<ReminderRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT s.id AS signup_id, s.mother_id, f.id AS fair_id, f.title, f.fair_date::text AS fair_date, f.start_time, f.end_time, f.mode, f.address
         FROM fair_signups s JOIN fairs f ON f.id = s.fair_id
        WHERE f.fair_date = $1::date AND f.status = 'published' AND s.status = 'signed_up'
        ORDER BY f.id, s.seq`,
      [fairDate],
    );
    return rows.map((r) => ({
      signupId: r.signup_id as string,
      motherId: r.mother_id as string,
      fairId: r.fair_id as string,
      title: r.title as string,
      fairDate: r.fair_date as string,
      startTime: r.start_time as string,
      endTime: r.end_time as string,
      mode: r.mode as FairMode,
      address: (r.address as string | null) ?? null,
    }));
  }

  /**
   * Fair figures of a region (LIKE pattern) for monitoring: fairs held in [from, to] (China
   * dates) with their sign-ups and check-ins; applications made in the period from any fair or
   * livestream of the region; hires starting in the period whose application came from one.
   */
  async monitoringFigures(regionLike: string, from: string, to: string, tx?: Tx): Promise<MonitoringFigures> {
    const [r] = (await this.manager(tx).query(
      `WITH held AS (
         SELECT id FROM fairs WHERE status = 'published' AND region_code LIKE $1 AND fair_date BETWEEN $2::date AND $3::date),
       streams AS (
         SELECT id FROM livestreams WHERE region_code LIKE $1),
       origin_apps AS (
         SELECT a.id, a.fair_id, a.livestream_id, a.created_at FROM applications a
          WHERE a.fair_id IN (SELECT id FROM fairs WHERE region_code LIKE $1) OR a.livestream_id IN (SELECT id FROM streams))
       SELECT (SELECT count(*)::int FROM held) AS fairs,
              (SELECT count(*)::int FROM fair_signups s WHERE s.fair_id IN (SELECT id FROM held) AND NOT s.walk_in AND s.status <> 'cancelled') AS sign_ups,
              (SELECT count(*)::int FROM fair_signups s WHERE s.fair_id IN (SELECT id FROM held) AND s.walk_in) AS walk_ins,
              (SELECT count(*)::int FROM fair_signups s WHERE s.fair_id IN (SELECT id FROM held) AND s.status = 'checked_in') AS check_ins,
              (SELECT count(*)::int FROM livestreams l WHERE l.region_code LIKE $1 AND l.status = 'scheduled'
                  AND ${chinaDay('l.starts_at')} BETWEEN $2::date AND $3::date) AS livestreams,
              (SELECT count(*)::int FROM origin_apps o
                WHERE o.fair_id IS NOT NULL AND ${chinaDay('o.created_at')} BETWEEN $2::date AND $3::date) AS fair_applications,
              (SELECT count(*)::int FROM origin_apps o
                WHERE o.livestream_id IS NOT NULL AND ${chinaDay('o.created_at')} BETWEEN $2::date AND $3::date) AS livestream_applications,
              (SELECT count(*)::int FROM hires h JOIN origin_apps o ON o.id = h.application_id
                WHERE o.fair_id IS NOT NULL AND h.start_date BETWEEN $2::date AND $3::date) AS fair_hires,
              (SELECT count(*)::int FROM hires h JOIN origin_apps o ON o.id = h.application_id
                WHERE o.livestream_id IS NOT NULL AND h.start_date BETWEEN $2::date AND $3::date) AS livestream_hires`,
      [regionLike, from, to],
    )) as Row[];
    return {
      fairs: Number(r?.fairs ?? 0),
      signUps: Number(r?.sign_ups ?? 0),
      walkIns: Number(r?.walk_ins ?? 0),
      checkIns: Number(r?.check_ins ?? 0),
      fairApplications: Number(r?.fair_applications ?? 0),
      fairHires: Number(r?.fair_hires ?? 0),
      livestreams: Number(r?.livestreams ?? 0),
      livestreamApplications: Number(r?.livestream_applications ?? 0),
      livestreamHires: Number(r?.livestream_hires ?? 0),
    };
  }

  private manager(tx: Tx | undefined) {
    return tx ?? this.dataSource.manager;
  }
}

export interface MonitoringFigures {
  fairs: number;
  signUps: number;
  walkIns: number;
  checkIns: number;
  fairApplications: number;
  fairHires: number;
  livestreams: number;
  livestreamApplications: number;
  livestreamHires: number;
}

function unprefix(r: Row, prefix: string): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function toFair(r: Row): FairEntity {
  return Object.assign(new FairEntity(), {
    id: r.id as string,
    fairNo: Number(r.fair_no),
    regionCode: r.region_code as string,
    stationId: (r.station_id as string | null) ?? null,
    title: r.title as string,
    description: (r.description as string | null) ?? '',
    mode: r.mode as FairMode,
    address: (r.address as string | null) ?? null,
    lat: num(r.lat),
    lng: num(r.lng),
    onlineUrl: (r.online_url as string | null) ?? null,
    fairDate: r.fair_date as string,
    startTime: r.start_time as string,
    endTime: r.end_time as string,
    startsAt: new Date(r.starts_at as string),
    endsAt: new Date(r.ends_at as string),
    childFriendly: (r.child_friendly as string | null) ?? '',
    seats: Number(r.seats),
    seatsTaken: Number(r.seats_taken),
    lastSeq: Number(r.last_seq),
    status: r.status as FairStatus,
    cancelReason: (r.cancel_reason as string | null) ?? null,
    createdBy: r.created_by as string,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  });
}

function toSignup(r: Row): FairSignupEntity {
  return Object.assign(new FairSignupEntity(), {
    id: r.id as string,
    fairId: r.fair_id as string,
    motherId: r.mother_id as string,
    seq: Number(r.seq),
    codeHash: r.code_hash as string,
    status: r.status as FairSignupStatus,
    holdsSeat: Boolean(r.holds_seat),
    walkIn: Boolean(r.walk_in),
    signedUpAt: new Date(r.signed_up_at as string),
    cancelledAt: r.cancelled_at ? new Date(r.cancelled_at as string) : null,
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at as string) : null,
    checkedInBy: (r.checked_in_by as string | null) ?? null,
    registeredBy: (r.registered_by as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  });
}

export function toPostSummary(r: Row): PostSummaryRow {
  return {
    id: r.id as string,
    employerId: r.employer_id as string,
    employerName: r.employer_name as string,
    friendly: Boolean(r.friendly),
    title: r.title as string,
    type: r.type as string,
    status: r.status as string,
    headcount: Number(r.headcount),
    filledCount: Number(r.filled_count),
    hourlyMin: num(r.hourly_min),
    hourlyMax: num(r.hourly_max),
    remote: Boolean(r.remote),
    takeHome: Boolean(r.take_home),
    validUntil: new Date(r.valid_until as string),
    regionCode: r.region_code as string,
  };
}
