import { checkCourseSessions, classHoursFromMinutes, isoDateInChina, regionLikePattern, type TrainingSkill } from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { PersonalDataAccessLog } from '../privacy/personal-data-access-log';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import { hasRole, isEmployerMember, isOfficialFor, isStationWorkerFor, stationGrantsOf, type Principal } from '../users/principal';
import type { CourseProviderKind } from './course.entity';
import { chinaTime, toCourseDto, type CourseDto, type CoursePageDto, type RosterDto, type SessionAttendanceDto, type SignupDto } from './dto/training.dto';
import { TrainingException } from './training.errors';
import { TrainingRepository, type CourseRow } from './training.repository';

export interface CourseInput {
  providerKind: CourseProviderKind;
  stationId?: string;
  employerId?: string;
  regionCode?: string;
  providerName?: string;
  title: string;
  skill: TrainingSkill;
  description?: string;
  online: boolean;
  address?: string;
  location?: { lat: number; lng: number };
  hasChildRoom: boolean;
  seats: number;
  subsidised: boolean;
  fee?: number;
  sessions: { startsAt: string; endsAt: string }[];
}

export interface CourseListQuery {
  regionCode?: string;
  skill?: TrainingSkill;
  online?: boolean;
  employerId?: string;
  page: number;
}

/** A course as a 12333 training notice names it. */
export interface CourseForNotice {
  id: string;
  title: string;
  providerName: string;
  regionCode: string;
  firstStartsAt: Date;
  subsidised: boolean;
}

/** Attendance of one mother on one course, for a training-subsidy claim. */
export interface CourseAttendanceFacts {
  courseId: string;
  providerKind: CourseProviderKind;
  employerId: string | null;
  firstDate: string;
  lastDate: string;
  minutes: number;
  classHours: number;
}

export const COURSE_PAGE_SIZE = 20;

/**
 * Skills training: courses with sessions, sign-ups that never oversell a course, attendance.
 *
 * Who publishes: a station worker for her own station; an official of the region on behalf of a
 * training provider; a member of an approved employer for its own training (the employer is then
 * the provider, and its hires' attendance feeds its training-subsidy claims). Attendance is
 * recorded by the provider side: officials and station workers of the course's region, and the
 * members of the employer that runs it.
 */
@Injectable()
export class TrainingService {
  constructor(
    private readonly repo: TrainingRepository,
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  async create(me: Principal, input: CourseInput): Promise<CourseDto> {
    const provider = await this.providerFor(me, input);
    const now = this.clock.now();
    const sessions = input.sessions
      .map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const problems = checkCourseSessions(
      sessions.map((s) => {
        const start = chinaTime(s.startsAt);
        return { date: start.date, startMinute: start.minute, endMinute: start.minute + Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000) };
      }),
      isoDateInChina(now),
    );
    if (sessions.some((s) => s.startsAt <= now)) problems.push({ index: -1, message: '上课时间须在现在之后' });
    if (problems.length > 0) {
      throw TrainingException.courseInvalid(
        problems.map((p) => p.message).join('；'),
        problems.map((p) => ({ field: p.index >= 0 ? `sessions.${p.index}` : 'sessions', rule: 'session', message: p.message })),
      );
    }
    if (!input.online && !input.address?.trim()) throw TrainingException.courseInvalid('线下课程请填写上课地点');
    const first = sessions[0];
    if (!first) throw TrainingException.courseInvalid('请至少安排一次课');
    const totalMinutes = sessions.reduce((sum, s) => sum + Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000), 0);
    const id = await this.transactions.run((tx) =>
      this.repo.insertCourse(
        {
          regionCode: provider.regionCode,
          providerKind: input.providerKind,
          stationId: provider.stationId,
          employerId: provider.employerId,
          providerName: provider.name,
          title: input.title.trim(),
          skill: input.skill,
          description: input.description?.trim() ?? '',
          online: input.online,
          address: input.address?.trim() || null,
          // Places are public (a classroom), kept as given.
          lat: input.location?.lat ?? null,
          lng: input.location?.lng ?? null,
          hasChildRoom: input.hasChildRoom,
          seats: input.seats,
          subsidised: input.subsidised,
          fee: input.fee ?? 0,
          totalMinutes,
          firstStartsAt: first.startsAt,
          lastEndsAt: sessions.reduce((max, s) => (s.endsAt > max ? s.endsAt : max), first.endsAt),
          createdBy: me.userId,
          createdAt: now,
        },
        sessions,
        tx,
      ),
    );
    return this.view(id, me);
  }

  async list(query: CourseListQuery, viewer: Principal | null): Promise<CoursePageDto> {
    const now = this.clock.now();
    const { items, total } = await this.repo.listUpcoming({
      regionLike: query.regionCode ? regionLikePattern(query.regionCode) : null,
      skill: query.skill ?? null,
      online: query.online ?? null,
      employerId: query.employerId ?? null,
      now,
      offset: (query.page - 1) * COURSE_PAGE_SIZE,
      limit: COURSE_PAGE_SIZE,
    });
    const sessions = await this.repo.sessionsOf(items.map((c) => c.id));
    const mine = viewer?.motherId ? await Promise.all(items.map((c) => this.repo.findSignup(c.id, viewer.motherId as string))) : [];
    return {
      items: items.map((c, i) => toCourseDto(c, sessions.filter((s) => s.courseId === c.id), mine[i] ?? null, now)),
      total,
      page: query.page,
    };
  }

  async view(id: string, viewer: Principal | null): Promise<CourseDto> {
    const course = await this.repo.findCourse(id);
    if (!course) throw new CommonException('NOT_FOUND', '课程不存在');
    const sessions = await this.repo.sessionsOf([id]);
    const mine = viewer?.motherId ? await this.repo.findSignup(id, viewer.motherId) : null;
    return toCourseDto(course, sessions, mine, this.clock.now());
  }

  /**
   * Signs her up: one place per mother and course, never more places than seats. Returns
   * `created: false` (nothing changed) when she already holds a place.
   */
  async signUp(me: Principal, courseId: string): Promise<{ signup: SignupDto; created: boolean }> {
    if (!me.motherId) throw TrainingException.needsProfile();
    const motherId = me.motherId;
    const now = this.clock.now();
    const created = await this.transactions.run(async (tx) => {
      const course = await this.repo.findCourse(courseId, tx);
      if (!course) throw new CommonException('NOT_FOUND', '课程不存在');
      if (course.status === 'cancelled') throw TrainingException.cancelled();
      if (course.firstStartsAt <= now) throw TrainingException.signupClosed();
      const signup = await this.repo.activateSignup(courseId, motherId, now, tx);
      if (!signup) return false;
      if (!(await this.repo.takeSeat(courseId, tx))) throw TrainingException.full();
      return true;
    });
    return { signup: await this.signupView(courseId, motherId), created };
  }

  /** Gives her place back; the seat is free for the next mother at once. */
  async cancelSignup(me: Principal, courseId: string): Promise<SignupDto> {
    if (!me.motherId) throw TrainingException.needsProfile();
    const motherId = me.motherId;
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const course = await this.repo.findCourse(courseId, tx);
      if (!course) throw new CommonException('NOT_FOUND', '课程不存在');
      if (course.lastEndsAt <= now) throw TrainingException.ended();
      const cancelled = await this.repo.cancelSignup(courseId, motherId, now, tx);
      if (!cancelled) throw TrainingException.notSignedUp();
      await this.repo.releaseSeat(courseId, tx);
    });
    return this.signupView(courseId, motherId);
  }

  async mySignups(me: Principal): Promise<SignupDto[]> {
    if (!me.motherId) return [];
    const signups = await this.repo.signupsOfMother(me.motherId);
    const courseIds = signups.map((s) => s.courseId);
    const courses = await this.repo.findCourses(courseIds);
    const sessions = await this.repo.sessionsOf(courseIds);
    const attendance = await this.repo.attendance(courseIds, me.motherId);
    const now = this.clock.now();
    return signups.flatMap((s) => {
      const course = courses.find((c) => c.id === s.courseId);
      if (!course) return [];
      const att = attendance.find((a) => a.courseId === s.courseId);
      return [
        {
          id: s.id,
          status: s.status,
          statusLabel: s.status === 'active' ? '已报名' : '已取消',
          signedUpAt: s.signedUpAt.toISOString(),
          cancelledAt: s.cancelledAt?.toISOString() ?? null,
          sessionsAttended: att?.sessions ?? 0,
          classHours: classHoursFromMinutes(att?.minutes ?? 0),
          course: toCourseDto(course, sessions.filter((x) => x.courseId === course.id), s, now),
        },
      ];
    });
  }

  async roster(me: Principal, courseId: string): Promise<RosterDto> {
    const course = await this.providerCourse(me, courseId);
    const sessions = await this.repo.sessionsOf([courseId]);
    const rows = await this.repo.roster(courseId);
    await this.accessLog.record(me, { subjects: rows.map((r) => r.motherId), action: 'training.signups', route: 'GET /api/courses/:id/signups', regionCode: course.regionCode });
    return {
      course: toCourseDto(course, sessions, null, this.clock.now()),
      signups: rows.map((r) => ({
        signupId: r.id,
        motherId: r.motherId,
        name: r.motherName,
        phoneMasked: r.phoneMasked,
        status: r.status,
        statusLabel: r.status === 'active' ? '已报名' : '已取消',
        signedUpAt: r.signedUpAt.toISOString(),
        sessionsAttended: r.sessionsAttended,
        classHours: classHoursFromMinutes(r.minutesAttended),
      })),
    };
  }

  /** Records who was at a session that has started; only mothers holding a place count. */
  async recordAttendance(me: Principal, courseId: string, sessionId: string, records: { motherId: string; present: boolean }[]): Promise<SessionAttendanceDto> {
    const course = await this.providerCourse(me, courseId);
    if (course.status === 'cancelled') throw TrainingException.cancelled();
    const session = (await this.repo.sessionsOf([courseId])).find((s) => s.id === sessionId);
    if (!session) throw new CommonException('NOT_FOUND', '这次课不存在');
    const now = this.clock.now();
    if (session.startsAt > now) throw TrainingException.attendanceInvalid('这次课还没有开始，开课后再记录考勤');
    const unique = new Map(records.map((r) => [r.motherId, r.present]));
    if (unique.size !== records.length) throw TrainingException.attendanceInvalid('同一名学员只能记录一次');
    await this.transactions.run(async (tx) => {
      const active = new Set(await this.repo.activeMotherIds(courseId, tx));
      const strangers = [...unique.keys()].filter((id) => !active.has(id));
      if (strangers.length > 0) {
        throw TrainingException.attendanceInvalid(
          '只能为已报名这门课程的学员记录考勤',
          strangers.map((id) => ({ field: 'records', rule: 'signedUp', message: `学员${id}没有报名这门课程` })),
        );
      }
      await this.repo.upsertAttendance(sessionId, courseId, records, me.userId, now, tx);
    });
    const all = await this.repo.sessionAttendance(sessionId);
    return {
      sessionId,
      records: all,
      present: all.filter((r) => r.present).length,
      absent: all.filter((r) => !r.present).length,
    };
  }

  /** Cancels a course before it ends and tells every mother holding a place. */
  async cancelCourse(me: Principal, courseId: string, reason: string): Promise<CourseDto> {
    const course = await this.providerCourse(me, courseId);
    const now = this.clock.now();
    if (course.lastEndsAt <= now) throw TrainingException.ended();
    await this.transactions.run(async (tx) => {
      if (!(await this.repo.cancelCourse(courseId, reason.trim(), now, tx))) throw TrainingException.cancelled();
      for (const motherId of await this.repo.activeMotherIds(courseId, tx)) {
        await this.notifications.notify(
          {
            recipientKind: 'mother',
            recipientId: motherId,
            kind: 'training.course_cancelled',
            title: '培训课程已取消',
            body: `您报名的“${course.title}”已取消：${reason.trim()}`,
            payload: { courseId },
            dedupeKey: `training.course_cancelled:${courseId}:${motherId}`,
          },
          tx,
        );
      }
    });
    return this.view(courseId, me);
  }

  // -------------------------------------------------------------------------------------------
  // For other features
  // -------------------------------------------------------------------------------------------

  /**
   * The courses a 12333 training notice names, checked to be real: existing, open, not over,
   * and in the mother's city. Throws TRAINING_COURSES_UNKNOWN naming any that is not.
   */
  async coursesForNotice(courseIds: readonly string[], motherRegionCode: string, tx?: Tx): Promise<CourseForNotice[]> {
    const ids = [...new Set(courseIds)];
    const courses = await this.repo.findCourses(ids, tx);
    const now = this.clock.now();
    const city = motherRegionCode.slice(0, 4);
    const usable = courses.filter((c) => c.status === 'open' && c.lastEndsAt > now && (c.online || c.regionCode.slice(0, 4) === city));
    const bad = ids.filter((id) => !usable.some((c) => c.id === id));
    if (bad.length > 0) throw TrainingException.coursesUnknown(bad);
    return usable.map(forNotice);
  }

  /** Upcoming open courses in a mother's city (and online ones of her province), soonest first. */
  async upcomingFor(regionCode: string, limit = 10): Promise<CourseForNotice[]> {
    const { items } = await this.repo.listUpcoming({
      regionLike: regionLikePattern(`${regionCode.slice(0, 4)}00`),
      skill: null,
      online: null,
      employerId: null,
      now: this.clock.now(),
      offset: 0,
      limit,
    });
    return items.map(forNotice);
  }

  /** What she attended on a course, for a training-subsidy claim; null for an unknown course. */
  async attendanceFacts(courseId: string, motherId: string, tx?: Tx): Promise<CourseAttendanceFacts | null> {
    const course = await this.repo.findCourse(courseId, tx);
    if (!course) return null;
    const att = (await this.repo.attendance([courseId], motherId, tx))[0];
    const minutes = att?.minutes ?? 0;
    return {
      courseId,
      providerKind: course.providerKind,
      employerId: course.employerId,
      firstDate: chinaTime(course.firstStartsAt).date,
      lastDate: chinaTime(course.lastEndsAt).date,
      minutes,
      classHours: classHoursFromMinutes(minutes),
    };
  }

  // -------------------------------------------------------------------------------------------

  private async signupView(courseId: string, motherId: string): Promise<SignupDto> {
    const signups = await this.mySignups({ userId: '', displayName: '', grants: [], motherId });
    const found = signups.find((s) => s.course.id === courseId);
    if (!found) throw new CommonException('NOT_FOUND', '报名记录不存在');
    return found;
  }

  /** The course, when the caller may manage it (record attendance, read the roster, cancel); 404 otherwise. */
  private async providerCourse(me: Principal, courseId: string): Promise<CourseRow> {
    const course = await this.repo.findCourse(courseId);
    const allowed =
      course &&
      (isOfficialFor(me, course.regionCode) ||
        isStationWorkerFor(me, course.regionCode) ||
        (course.employerId !== null && isEmployerMember(me, course.employerId)));
    if (!course || !allowed) throw new CommonException('NOT_FOUND', '课程不存在');
    return course;
  }

  private async providerFor(me: Principal, input: CourseInput): Promise<{ regionCode: string; name: string; stationId: string | null; employerId: string | null }> {
    switch (input.providerKind) {
      case 'station': {
        const grants = stationGrantsOf(me);
        const stationId = input.stationId ?? (grants.length === 1 ? grants[0]?.stationId : undefined);
        if (!stationId || !grants.some((g) => g.stationId === stationId)) {
          throw TrainingException.providerNotAllowed('只有本驿站的工作人员可以发布驿站课程');
        }
        const station = await this.repo.station(stationId);
        if (!station) throw TrainingException.providerNotAllowed('驿站不存在');
        return { regionCode: station.regionCode, name: station.name, stationId, employerId: null };
      }
      case 'official': {
        if (!hasRole(me, 'official')) throw TrainingException.providerNotAllowed('只有人社、妇联工作人员可以代培训机构发布课程');
        if (!input.regionCode) throw TrainingException.courseInvalid('请选择开课地区');
        if (!input.providerName?.trim()) throw TrainingException.courseInvalid('请填写培训机构名称');
        if (!(await this.repo.regionExists(input.regionCode))) throw TrainingException.courseInvalid('开课地区不存在');
        if (!isOfficialFor(me, input.regionCode)) throw TrainingException.providerNotAllowed('只能为本人负责的地区发布课程');
        return { regionCode: input.regionCode, name: input.providerName.trim(), stationId: null, employerId: null };
      }
      case 'employer': {
        if (!input.employerId || !isEmployerMember(me, input.employerId)) {
          throw TrainingException.providerNotAllowed('只有本单位的人员可以发布本单位的培训课程');
        }
        const employer = await this.repo.employer(input.employerId);
        if (!employer) throw TrainingException.providerNotAllowed('单位不存在');
        if (employer.status !== 'approved') throw TrainingException.providerNotAllowed('单位备案通过审核后才能发布培训课程');
        return { regionCode: employer.regionCode, name: employer.name, stationId: null, employerId: employer.id };
      }
      default:
        throw TrainingException.courseInvalid('请选择开课方');
    }
  }
}

function forNotice(c: CourseRow): CourseForNotice {
  return { id: c.id, title: c.title, providerName: c.providerName, regionCode: c.regionCode, firstStartsAt: c.firstStartsAt, subsidised: c.subsidised };
}
