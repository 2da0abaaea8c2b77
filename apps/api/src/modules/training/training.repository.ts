import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { CourseEntity, type CourseProviderKind, type CourseStatus, type SignupStatus } from './course.entity';

export interface CourseRow {
  id: string;
  regionCode: string;
  providerKind: CourseProviderKind;
  stationId: string | null;
  employerId: string | null;
  providerName: string;
  title: string;
  skill: string;
  description: string;
  online: boolean;
  address: string | null;
  lat: number | null;
  lng: number | null;
  hasChildRoom: boolean;
  seats: number;
  seatsTaken: number;
  subsidised: boolean;
  fee: number;
  totalMinutes: number;
  firstStartsAt: Date;
  lastEndsAt: Date;
  status: CourseStatus;
  cancelReason: string | null;
  createdAt: Date;
}

export interface SessionRow {
  id: string;
  courseId: string;
  seq: number;
  startsAt: Date;
  endsAt: Date;
}

export interface SignupRow {
  id: string;
  courseId: string;
  motherId: string;
  status: SignupStatus;
  signedUpAt: Date;
  cancelledAt: Date | null;
}

export interface RosterRow extends SignupRow {
  motherName: string;
  phoneMasked: string | null;
  sessionsAttended: number;
  minutesAttended: number;
}

export interface NewCourse {
  regionCode: string;
  providerKind: CourseProviderKind;
  stationId: string | null;
  employerId: string | null;
  providerName: string;
  title: string;
  skill: string;
  description: string;
  online: boolean;
  address: string | null;
  lat: number | null;
  lng: number | null;
  hasChildRoom: boolean;
  seats: number;
  subsidised: boolean;
  fee: number;
  totalMinutes: number;
  firstStartsAt: Date;
  lastEndsAt: Date;
  createdBy: string;
  createdAt: Date;
}

export interface CourseQuery {
  regionLike: string | null;
  skill: string | null;
  online: boolean | null;
  employerId: string | null;
  now: Date;
  offset: number;
  limit: number;
}

const COURSE_COLUMNS = `c.id, c.region_code, c.provider_kind, c.station_id, c.employer_id, c.provider_name, c.title, c.skill,
  c.description, c.online, c.address, c.lat, c.lng, c.has_child_room, c.seats, c.seats_taken, c.subsidised, c.fee,
  c.total_minutes, c.first_starts_at, c.last_ends_at, c.status, c.cancel_reason, c.created_at`;

function toCourse(r: Record<string, unknown>): CourseRow {
  return {
    id: r.id as string,
    regionCode: r.region_code as string,
    providerKind: r.provider_kind as CourseProviderKind,
    stationId: (r.station_id as string | null) ?? null,
    employerId: (r.employer_id as string | null) ?? null,
    providerName: r.provider_name as string,
    title: r.title as string,
    skill: r.skill as string,
    description: r.description as string,
    online: r.online as boolean,
    address: (r.address as string | null) ?? null,
    lat: r.lat === null ? null : Number(r.lat),
    lng: r.lng === null ? null : Number(r.lng),
    hasChildRoom: r.has_child_room as boolean,
    seats: Number(r.seats),
    seatsTaken: Number(r.seats_taken),
    subsidised: r.subsidised as boolean,
    fee: Number(r.fee),
    totalMinutes: Number(r.total_minutes),
    firstStartsAt: new Date(r.first_starts_at as string),
    lastEndsAt: new Date(r.last_ends_at as string),
    status: r.status as CourseStatus,
    cancelReason: (r.cancel_reason as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}

function toSignup(r: Record<string, unknown>): SignupRow {
  return {
    id: r.id as string,
    courseId: r.course_id as string,
    motherId: r.mother_id as string,
    status: r.status as SignupStatus,
    signedUpAt: new Date(r.signed_up_at as string),
    cancelledAt: r.cancelled_at ? new Date(r.cancelled_at as string) : null,
  };
}

/** The only code that reads and writes `courses`, `course_sessions`, `course_signups` and `course_attendance`. */
@Injectable()
export class TrainingRepository {
  constructor(@InjectRepository(CourseEntity) private readonly courses: Repository<CourseEntity>) {}

  async insertCourse(c: NewCourse, sessions: { startsAt: Date; endsAt: Date }[], tx: Tx): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO courses (region_code, provider_kind, station_id, employer_id, provider_name, title, skill, description, online,
         address, lat, lng, has_child_room, seats, subsidised, fee, total_minutes, first_starts_at, last_ends_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21) RETURNING id`,
      [
        c.regionCode,
        c.providerKind,
        c.stationId,
        c.employerId,
        c.providerName,
        c.title,
        c.skill,
        c.description,
        c.online,
        c.address,
        c.lat,
        c.lng,
        c.hasChildRoom,
        c.seats,
        c.subsidised,
        c.fee,
        c.totalMinutes,
        c.firstStartsAt,
        c.lastEndsAt,
        c.createdBy,
        c.createdAt,
      ],
    );
    const id = (rows[0] as { id: string }).id;
    await tx.query(
      `INSERT INTO course_sessions (course_id, seq, starts_at, ends_at)
       SELECT $1, s.seq, s.starts_at, s.ends_at
         FROM unnest($2::int[], $3::timestamptz[], $4::timestamptz[]) AS s(seq, starts_at, ends_at)`,
      [id, sessions.map((_, i) => i + 1), sessions.map((s) => s.startsAt), sessions.map((s) => s.endsAt)],
    );
    return id;
  }

  async findCourse(id: string, tx?: Tx): Promise<CourseRow | null> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(`SELECT ${COURSE_COLUMNS} FROM courses c WHERE c.id = $1`, [id]);
    return rows[0] ? toCourse(rows[0]) : null;
  }

  async findCourses(ids: readonly string[], tx?: Tx): Promise<CourseRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(tx).query(`SELECT ${COURSE_COLUMNS} FROM courses c WHERE c.id = ANY($1::uuid[])`, [[...ids]]);
    return rows.map(toCourse);
  }

  async sessionsOf(courseIds: readonly string[], tx?: Tx): Promise<SessionRow[]> {
    if (courseIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT id, course_id, seq, starts_at, ends_at FROM course_sessions WHERE course_id = ANY($1::uuid[]) ORDER BY course_id, seq`,
      [[...courseIds]],
    );
    return rows.map((r) => ({
      id: r.id as string,
      courseId: r.course_id as string,
      seq: Number(r.seq),
      startsAt: new Date(r.starts_at as string),
      endsAt: new Date(r.ends_at as string),
    }));
  }

  /** Open courses that have not ended, soonest first. */
  async listUpcoming(q: CourseQuery): Promise<{ items: CourseRow[]; total: number }> {
    const where = `c.status = 'open' AND c.last_ends_at > $1
      AND ($2::text IS NULL OR c.region_code LIKE $2)
      AND ($3::text IS NULL OR c.skill = $3)
      AND ($4::boolean IS NULL OR c.online = $4)
      AND ($5::uuid IS NULL OR c.employer_id = $5)`;
    const params = [q.now, q.regionLike, q.skill, q.online, q.employerId];
    const rows: Record<string, unknown>[] = await this.courses.query(
      `SELECT ${COURSE_COLUMNS} FROM courses c WHERE ${where} ORDER BY c.first_starts_at, c.id OFFSET $6 LIMIT $7`,
      [...params, q.offset, q.limit],
    );
    const count: { n: string }[] = await this.courses.query(`SELECT count(*) AS n FROM courses c WHERE ${where}`, params);
    return { items: rows.map(toCourse), total: Number(count[0]?.n ?? 0) };
  }

  async findSignup(courseId: string, motherId: string, tx?: Tx): Promise<SignupRow | null> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT id, course_id, mother_id, status, signed_up_at, cancelled_at FROM course_signups WHERE course_id = $1 AND mother_id = $2`,
      [courseId, motherId],
    );
    return rows[0] ? toSignup(rows[0]) : null;
  }

  /**
   * Adds her sign-up, or reactivates a cancelled one. Null when she already holds an active
   * one: a concurrent duplicate waits on the unique key, then finds the active row and stops.
   */
  async activateSignup(courseId: string, motherId: string, at: Date, tx: Tx): Promise<SignupRow | null> {
    const rows: Record<string, unknown>[] = await tx.query(
      `INSERT INTO course_signups (course_id, mother_id, status, signed_up_at) VALUES ($1, $2, 'active', $3)
       ON CONFLICT (course_id, mother_id) DO UPDATE SET status = 'active', signed_up_at = EXCLUDED.signed_up_at, cancelled_at = NULL
         WHERE course_signups.status = 'cancelled'
       RETURNING id, course_id, mother_id, status, signed_up_at, cancelled_at`,
      [courseId, motherId, at],
    );
    return rows[0] ? toSignup(rows[0]) : null;
  }

  /**
   * Takes one seat if one is left, in one guarded statement: concurrent sign-ups queue on the
   * course row and each re-checks `seats_taken < seats` after the one before it commits.
   */
  async takeSeat(courseId: string, tx: Tx): Promise<boolean> {
    const rows: { id: string }[] = await tx.query(
      `WITH taken AS (
         UPDATE courses SET seats_taken = seats_taken + 1
          WHERE id = $1 AND status = 'open' AND seats_taken < seats
          RETURNING id)
       SELECT id FROM taken`,
      [courseId],
    );
    return rows.length > 0;
  }

  async cancelSignup(courseId: string, motherId: string, at: Date, tx: Tx): Promise<SignupRow | null> {
    const rows: Record<string, unknown>[] = await tx.query(
      `WITH cancelled AS (
         UPDATE course_signups SET status = 'cancelled', cancelled_at = $3
          WHERE course_id = $1 AND mother_id = $2 AND status = 'active'
          RETURNING id, course_id, mother_id, status, signed_up_at, cancelled_at)
       SELECT * FROM cancelled`,
      [courseId, motherId, at],
    );
    return rows[0] ? toSignup(rows[0]) : null;
  }

  async releaseSeat(courseId: string, tx: Tx): Promise<void> {
    await tx.query(`UPDATE courses SET seats_taken = seats_taken - 1 WHERE id = $1 AND seats_taken > 0`, [courseId]);
  }

  async cancelCourse(courseId: string, reason: string, at: Date, tx: Tx): Promise<boolean> {
    const rows: { id: string }[] = await tx.query(
      `WITH c AS (
         UPDATE courses SET status = 'cancelled', cancel_reason = $2, updated_at = $3 WHERE id = $1 AND status = 'open' RETURNING id)
       SELECT id FROM c`,
      [courseId, reason, at],
    );
    return rows.length > 0;
  }

  async activeMotherIds(courseId: string, tx?: Tx): Promise<string[]> {
    const rows: { mother_id: string }[] = await this.m(tx).query(
      `SELECT mother_id FROM course_signups WHERE course_id = $1 AND status = 'active' ORDER BY signed_up_at`,
      [courseId],
    );
    return rows.map((r) => r.mother_id);
  }

  /** Her sign-ups with the courses, newest first. */
  async signupsOfMother(motherId: string): Promise<SignupRow[]> {
    const rows: Record<string, unknown>[] = await this.courses.query(
      `SELECT id, course_id, mother_id, status, signed_up_at, cancelled_at FROM course_signups WHERE mother_id = $1 ORDER BY signed_up_at DESC LIMIT 100`,
      [motherId],
    );
    return rows.map(toSignup);
  }

  /** Minutes and sessions each mother attended on the given courses. */
  async attendance(courseIds: readonly string[], motherId: string | null, tx?: Tx): Promise<{ courseId: string; motherId: string; sessions: number; minutes: number }[]> {
    if (courseIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT a.course_id, a.mother_id, count(*) AS sessions,
              COALESCE(sum(EXTRACT(EPOCH FROM (s.ends_at - s.starts_at)) / 60), 0) AS minutes
         FROM course_attendance a JOIN course_sessions s ON s.id = a.session_id
        WHERE a.course_id = ANY($1::uuid[]) AND a.present AND ($2::uuid IS NULL OR a.mother_id = $2)
        GROUP BY a.course_id, a.mother_id`,
      [[...courseIds], motherId],
    );
    return rows.map((r) => ({ courseId: r.course_id as string, motherId: r.mother_id as string, sessions: Number(r.sessions), minutes: Math.round(Number(r.minutes)) }));
  }

  /** Who signed up (active and cancelled), with what the provider needs to call the roll. */
  async roster(courseId: string): Promise<RosterRow[]> {
    const rows: Record<string, unknown>[] = await this.courses.query(
      `SELECT s.id, s.course_id, s.mother_id, s.status, s.signed_up_at, s.cancelled_at, m.name AS mother_name, m.phone_masked,
              COALESCE(att.sessions, 0) AS sessions, COALESCE(att.minutes, 0) AS minutes
         FROM course_signups s
         JOIN mothers m ON m.id = s.mother_id
         LEFT JOIN (
           SELECT a.mother_id, count(*) AS sessions, sum(EXTRACT(EPOCH FROM (cs.ends_at - cs.starts_at)) / 60) AS minutes
             FROM course_attendance a JOIN course_sessions cs ON cs.id = a.session_id
            WHERE a.course_id = $1 AND a.present GROUP BY a.mother_id) att ON att.mother_id = s.mother_id
        WHERE s.course_id = $1
        ORDER BY s.status, s.signed_up_at`,
      [courseId],
    );
    return rows.map((r) => ({
      ...toSignup(r),
      motherName: (r.mother_name as string) ?? '',
      phoneMasked: (r.phone_masked as string | null) ?? null,
      sessionsAttended: Number(r.sessions),
      minutesAttended: Math.round(Number(r.minutes)),
    }));
  }

  async upsertAttendance(
    sessionId: string,
    courseId: string,
    records: readonly { motherId: string; present: boolean }[],
    by: string,
    at: Date,
    tx: Tx,
  ): Promise<void> {
    if (records.length === 0) return;
    await tx.query(
      `INSERT INTO course_attendance (session_id, mother_id, course_id, present, recorded_by, recorded_at)
       SELECT $1, r.mother_id, $2, r.present, $3, $4 FROM unnest($5::uuid[], $6::boolean[]) AS r(mother_id, present)
       ON CONFLICT (session_id, mother_id) DO UPDATE SET present = EXCLUDED.present, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
      [sessionId, courseId, by, at, records.map((r) => r.motherId), records.map((r) => r.present)],
    );
  }

  async sessionAttendance(sessionId: string, tx?: Tx): Promise<{ motherId: string; present: boolean }[]> {
    const rows: { mother_id: string; present: boolean }[] = await this.m(tx).query(
      `SELECT mother_id, present FROM course_attendance WHERE session_id = $1`,
      [sessionId],
    );
    return rows.map((r) => ({ motherId: r.mother_id, present: r.present }));
  }

  async station(stationId: string): Promise<{ id: string; name: string; regionCode: string } | null> {
    const rows: { id: string; name: string; region_code: string }[] = await this.courses.query(`SELECT id, name, region_code FROM stations WHERE id = $1`, [stationId]);
    return rows[0] ? { id: rows[0].id, name: rows[0].name, regionCode: rows[0].region_code } : null;
  }

  async employer(employerId: string): Promise<{ id: string; name: string; regionCode: string; status: string } | null> {
    const rows: { id: string; name: string; region_code: string; status: string }[] = await this.courses.query(
      `SELECT id, name, region_code, status FROM employers WHERE id = $1`,
      [employerId],
    );
    return rows[0] ? { id: rows[0].id, name: rows[0].name, regionCode: rows[0].region_code, status: rows[0].status } : null;
  }

  async regionExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.courses.query(`SELECT 1 FROM regions WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  private m(tx: Tx | undefined) {
    return tx ?? this.courses.manager;
  }
}
