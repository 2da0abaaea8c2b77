import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  addDays,
  checkFairSchedule,
  checkLocationInRegion,
  haversineKm,
  isoDateInChina,
  regionAncestors,
  regionCovers,
  regionLikePattern,
  regionLevel,
} from '@mamagang/domain';
import { PersonalDataAccessLog } from '../privacy/personal-data-access-log';
import { Clock } from '../../common/clock/clock';
import { CommonException, type FieldError } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RegionsRepository } from '../regions/regions.repository';
import { isOfficialFor, isStationWorkerFor, officialRegionsOf, stationGrantsOf, type Principal } from '../users/principal';
import { CheckInCodes } from './check-in-codes';
import type {
  CreateFairDto,
  FairDto,
  FairEmployerInputDto,
  FairSignupDto,
  FairStatsDto,
  FairSummaryDto,
  ListFairsQueryDto,
  MyFairSignupDto,
  MySignupBriefDto,
  WalkInResultDto,
} from './dto/fairs.dto';
import { DEFAULT_FAIR_RADIUS_KM } from './dto/fairs.dto';
import type { FairEntity } from './fair.entity';
import type { FairSignupEntity } from './fair-signup.entity';
import { toFairDto, toFairSignup, toFairSummary, toLivestreamSummary, toPostView, toSignupBrief } from './fair-views';
import { FairsException } from './fairs.errors';
import { FairsRepository, type MonitoringFigures } from './fairs.repository';
import { LivestreamsRepository } from './livestreams.repository';

/** The job that reminds signed-up mothers the day before a fair. */
export const FAIR_REMINDER_JOB = 'fairs.day_before_reminders';
/** Reminders go out at this China time the day before (not at midnight). */
export const REMINDER_TIME = '09:00';

const LIST_LIMIT = 100;
const SIGNUP_LIST_LIMIT = 2000;
const CANDIDATE_POSTS = 500;

/** A concurrent request for the same mother and fair committed first: answer with its result. */
class LostRace extends Error {}

/** An instant from a China date and 'HH:MM'. */
export function chinaInstant(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}

/** A station worker or official whose region covers the fair's: they publish and run it. */
export function canOrganise(me: Principal, regionCode: string): boolean {
  return isOfficialFor(me, regionCode) || isStationWorkerFor(me, regionCode);
}

/**
 * Special recruitment fairs: publication by stations and officials, sign-up with seats that are
 * never oversold, the reminder the day before, check-in by a code only the API can issue,
 * walk-ins registered at the door, and what came of the fair (applications and hires) per
 * employer.
 */
@Injectable()
export class FairsService {
  constructor(
    private readonly repo: FairsRepository,
    private readonly livestreams: LivestreamsRepository,
    private readonly regions: RegionsRepository,
    private readonly codes: CheckInCodes,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  // ------------------------------------------------------------------------ organisers

  async create(me: Principal, dto: CreateFairDto): Promise<FairDto> {
    const now = this.clock.now();
    const today = isoDateInChina(now);
    const regionCode = dto.regionCode ?? defaultRegion(me);
    if (!regionCode || !canOrganise(me, regionCode)) throw new CommonException('FORBIDDEN', '只有本地区的驿站工作人员或人社、妇联工作人员可以发布招聘会');
    const region = await this.regions.findByCode(regionCode);
    if (!region) throw FairsException.regionUnknown();

    const problems = checkFairSchedule({ date: dto.date, startTime: dto.startTime, endTime: dto.endTime, today });
    if (problems.length > 0) throw FairsException.scheduleInvalid(problems.map((p) => ({ field: p.field, rule: p.code, message: p.message })));
    const startsAt = chinaInstant(dto.date, dto.startTime);
    const endsAt = chinaInstant(dto.date, dto.endTime);
    if (endsAt.getTime() <= now.getTime()) {
      throw FairsException.scheduleInvalid([{ field: 'endTime', rule: 'past', message: '结束时间已过，请重新选择时间' }]);
    }

    let place: { address: string | null; lat: number | null; lng: number | null } = { address: null, lat: null, lng: null };
    if (dto.mode === 'onsite') {
      if (!dto.address) throw FairsException.placeInvalid('现场招聘会请填写举办地址', 'address');
      if (!dto.location) throw FairsException.placeInvalid('现场招聘会请在地图上选择举办地点');
      const problem = checkLocationInRegion(dto.location, { name: region.name, center: { lat: region.centerLat, lng: region.centerLng } });
      if (problem) throw FairsException.placeInvalid(problem.message);
      place = { address: dto.address, lat: dto.location.lat, lng: dto.location.lng };
    }
    const stationId = stationGrantsOf(me).find((g) => regionCovers(g.regionCode, regionCode))?.stationId ?? null;

    const fair = await this.tx.run(async (tx) => {
      const employers = await this.checkParticipants(dto.employers ?? [], now, tx);
      const created = await this.repo.insertFair(
        {
          regionCode,
          stationId,
          title: dto.title,
          description: dto.description ?? '',
          mode: dto.mode,
          ...place,
          onlineUrl: dto.onlineUrl ?? null,
          fairDate: dto.date,
          startTime: dto.startTime,
          endTime: dto.endTime,
          startsAt,
          endsAt,
          childFriendly: dto.childFriendly ?? '',
          seats: dto.seats,
          createdBy: me.userId,
          now,
        },
        tx,
      );
      await this.repo.replaceParticipants(created.id, employers, now, tx);
      // One run per fair at 09:00 the day before (or at once when that is past): the handler
      // reminds everyone signed up for fairs of that date, and the outbox's dedupe key keeps
      // each mother to one reminder however many fairs share the date.
      const remindAt = chinaInstant(addDays(dto.date, -1), REMINDER_TIME);
      await this.jobs.enqueue(
        { kind: FAIR_REMINDER_JOB, dedupeKey: `${FAIR_REMINDER_JOB}:${created.id}`, payload: { fairDate: dto.date }, runAt: remindAt > now ? remindAt : now },
        tx,
      );
      return created;
    });
    return this.view(me, fair.id);
  }

  async replaceParticipants(me: Principal, fairId: string, employers: FairEmployerInputDto[]): Promise<FairDto> {
    const now = this.clock.now();
    await this.tx.run(async (tx) => {
      const fair = await this.requireFair(fairId, tx);
      this.requireOrganiser(me, fair);
      if (fair.status !== 'published') throw FairsException.alreadyCancelled();
      if (fair.endsAt.getTime() <= now.getTime()) throw FairsException.closed('招聘会已结束，不能再修改参会单位');
      const checked = await this.checkParticipants(employers, now, tx);
      await this.repo.replaceParticipants(fair.id, checked, now, tx);
    });
    return this.view(me, fairId);
  }

  async cancel(me: Principal, fairId: string, reason: string): Promise<FairDto> {
    const now = this.clock.now();
    await this.tx.run(async (tx) => {
      const fair = await this.requireFair(fairId, tx);
      this.requireOrganiser(me, fair);
      if (!(await this.repo.cancelFair(fair.id, reason, now, tx))) throw FairsException.alreadyCancelled();
      for (const s of await this.repo.activeSignupMothers(fair.id, tx)) {
        await this.notifications.notify(
          {
            recipientKind: 'mother',
            recipientId: s.motherId,
            kind: 'fair.cancelled',
            title: '招聘会已取消',
            body: `您报名的“${fair.title}”（${fair.fairDate} ${fair.startTime}）已取消：${reason}`,
            payload: { fairId: fair.id },
            dedupeKey: `fair.cancelled:${s.signupId}`,
          },
          tx,
        );
      }
    });
    return this.view(me, fairId);
  }

  /** Fairs of the caller's regions (stations and official scopes), latest first. */
  async managed(me: Principal): Promise<FairSummaryDto[]> {
    const scopes = [...new Set([...officialRegionsOf(me), ...stationGrantsOf(me).map((g) => g.regionCode)])];
    const fairs = await this.repo.listInRegions(scopes.map(regionLikePattern), LIST_LIMIT);
    return this.summaries(fairs, null, new Map());
  }

  /** Approved employers of the region (default hers) with their open posts: whom an organiser can invite. */
  async candidates(me: Principal, regionCode: string | undefined): Promise<FairDto['employers']> {
    const region = regionCode ?? defaultRegion(me);
    if (!region || !canOrganise(me, region)) throw new CommonException('FORBIDDEN', '只能查看本地区的用人单位');
    const now = this.clock.now();
    const posts = await this.repo.candidatePosts(regionLikePattern(region), now, CANDIDATE_POSTS);
    const employers: FairDto['employers'] = [];
    for (const p of posts) {
      let e = employers[employers.length - 1];
      if (!e || e.id !== p.employerId) {
        e = { id: p.employerId, name: p.employerName, friendly: p.friendly, posts: [] };
        employers.push(e);
      }
      e.posts.push(toPostView(p, now));
    }
    return employers;
  }

  async checkIn(me: Principal, fairId: string, code: string): Promise<FairSignupDto> {
    const now = this.clock.now();
    const signupId = await this.tx.run(async (tx) => {
      const fair = await this.requireFair(fairId, tx);
      this.requireOrganiser(me, fair);
      this.requireDoorOpen(fair, now);
      const parsed = this.codes.parse(code);
      if (!parsed.ok) throw FairsException.codeInvalid(parsed.message);
      // The fair's number is part of the code: a code of another fair is refused as such, whether or not it is genuine.
      if (parsed.parts.fairNo !== fair.fairNo) throw FairsException.codeWrongFair();
      const signup = await this.repo.findSignupByCodeHash(this.codes.hashOf(parsed.digits), tx);
      if (!signup) throw FairsException.codeInvalid();
      if (signup.fairId !== fair.id) throw FairsException.codeWrongFair();
      if (signup.status === 'checked_in') throw FairsException.codeUsed(chinaTime(signup.checkedInAt as Date));
      if (signup.status === 'cancelled') throw FairsException.signupCancelled();
      const done = await this.repo.checkIn(signup.id, ['signed_up'], me.userId, now, tx);
      // Only another scan of the same code at the same moment gets here.
      if (!done) throw FairsException.codeUsed(chinaTime(now));
      return done.id;
    });
    return this.signupView(fairId, signupId);
  }

  /**
   * A mother who comes to the door without a sign-up: the station registers her at its desk
   * (POST /stations/:id/registrations) and then here she is signed up and checked in at once.
   * A walk-in takes no pre-booked seat. A mother already signed up is simply checked in.
   */
  async walkIn(me: Principal, fairId: string, motherId: string): Promise<WalkInResultDto> {
    const now = this.clock.now();
    const run = () =>
      this.tx.run(async (tx) => {
        const fair = await this.requireFair(fairId, tx);
        this.requireOrganiser(me, fair);
        this.requireDoorOpen(fair, now);
        if (!(await this.repo.motherExists(motherId, tx))) throw new CommonException('NOT_FOUND', '没有找到这位妈妈的登记信息，请先办理求职登记');
        const existing = await this.repo.findSignup(fair.id, motherId, tx);
        if (existing) {
          if (existing.status === 'checked_in') return { created: false, signupId: existing.id };
          const done = await this.repo.checkIn(existing.id, [existing.status], me.userId, now, tx);
          if (!done) throw new LostRace();
          // Cancelled before and here after all: she came without a seat, as a walk-in.
          if (existing.status === 'cancelled') await this.repo.markWalkIn(existing.id, me.userId, tx);
          return { created: false, signupId: existing.id };
        }
        const seq = await this.repo.takeNumber(fair.id, now, tx);
        if (seq === null) throw FairsException.closed('本场招聘会的签到号已用完');
        const id = randomUUID();
        const code = this.codes.issue(fair, { id, seq });
        const inserted = await this.repo.insertSignup(
          { id, fairId: fair.id, motherId, seq, codeHash: code.hash, status: 'checked_in', holdsSeat: false, walkIn: true, now, checkedInBy: me.userId, registeredBy: me.userId },
          tx,
        );
        if (!inserted) throw new LostRace();
        return { created: true, signupId: inserted.id };
      });
    let result: { created: boolean; signupId: string };
    try {
      result = await run();
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      result = await run();
    }
    return { created: result.created, signup: await this.signupView(fairId, result.signupId) };
  }

  async signups(me: Principal, fairId: string): Promise<FairSignupDto[]> {
    const fair = await this.requireFair(fairId);
    this.requireOrganiser(me, fair);
    const rows = await this.repo.signupsWithMothers(fair.id, SIGNUP_LIST_LIMIT);
    await this.accessLog.record(me, { subjects: rows.map((r) => r.signup.motherId), action: 'fairs.signups', route: 'GET /api/fairs/:id/signups', regionCode: fair.regionCode });
    return rows.map(toFairSignup);
  }

  async stats(me: Principal, fairId: string): Promise<FairStatsDto> {
    const fair = await this.requireFair(fairId);
    this.requireOrganiser(me, fair);
    const [counts, origin, posts, streams] = [
      await this.repo.counts(fair.id),
      await this.repo.fairOriginStats(fair.id),
      await this.repo.fairPosts(fair.id),
      await this.livestreams.countsForFair(fair.id),
    ];
    const postsPerEmployer = new Map<string, number>();
    for (const p of posts) postsPerEmployer.set(p.employerId, (postsPerEmployer.get(p.employerId) ?? 0) + 1);
    return {
      fairId: fair.id,
      title: fair.title,
      date: fair.fairDate,
      seats: fair.seats,
      seatsTaken: fair.seatsTaken,
      signUps: counts.signUps,
      cancelled: counts.cancelled,
      walkIns: counts.walkIns,
      checkIns: counts.checkIns,
      applications: origin.applications,
      applicants: origin.applicants,
      hires: origin.hires,
      employers: origin.byEmployer.map((e) => ({ ...e, posts: postsPerEmployer.get(e.employerId) ?? 0 })),
      livestreams: streams,
    };
  }

  // ------------------------------------------------------------------------ mothers and the public

  async view(me: Principal | null, fairId: string): Promise<FairDto> {
    const now = this.clock.now();
    const fair = await this.requireFair(fairId);
    const [participants, posts, streams] = [await this.repo.participants(fair.id), await this.repo.fairPosts(fair.id), await this.livestreams.list({ fairId: fair.id }, 20)];
    const mine = me?.motherId ? await this.repo.findSignup(fair.id, me.motherId) : null;
    return toFairDto(fair, {
      now,
      distanceKm: null,
      mySignup: mine ? this.brief(fair, mine) : null,
      employers: participants.map((e) => ({
        id: e.employerId,
        name: e.employerName,
        friendly: e.friendly,
        posts: posts.filter((p) => p.employerId === e.employerId).map((p) => toPostView(p, now)),
      })),
      livestreams: streams.map((l) => toLivestreamSummary(l, now)),
      canManage: me !== null && canOrganise(me, fair.regionCode),
    });
  }

  /**
   * Fairs not yet over near her: onsite fairs within the radius of the point, and fairs (online
   * or onsite) of her region, the city around it and the province. The point is used for this
   * answer only.
   */
  async near(me: Principal | null, q: ListFairsQueryDto): Promise<FairSummaryDto[]> {
    const now = this.clock.now();
    const point = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
    const scope = q.regionCode ?? (me?.motherId ? await this.repo.motherRegion(me.motherId) : null);
    if (!point && !scope) throw FairsException.locationRequired();
    const radiusKm = q.radiusKm ?? DEFAULT_FAIR_RADIUS_KM;
    // A degree of latitude is ~111 km; a degree of longitude shrinks with the latitude.
    const box = point
      ? {
          minLat: point.lat - radiusKm / 111,
          maxLat: point.lat + radiusKm / 111,
          minLng: point.lng - radiusKm / (111 * Math.max(0.1, Math.cos((point.lat * Math.PI) / 180))),
          maxLng: point.lng + radiusKm / (111 * Math.max(0.1, Math.cos((point.lat * Math.PI) / 180))),
        }
      : null;
    // Her district's fairs and those of the city and province above it; a city asks for its districts too.
    const related = scope ? [scope, ...regionAncestors(scope)] : [];
    const regionLike = scope && regionLevel(scope) !== 'district' ? regionLikePattern(scope) : null;
    const candidates = await this.repo.listUpcoming({ now, box, regionLike, regionCodes: related, limit: LIST_LIMIT * 2 });
    const withDistance = candidates
      .map((fair) => ({ fair, distanceKm: point && fair.lat !== null && fair.lng !== null ? round1(haversineKm(point, { lat: fair.lat, lng: fair.lng })) : null }))
      .filter(({ fair, distanceKm }) => {
        const inRegion = scope !== null && (regionCovers(fair.regionCode, scope) || regionCovers(scope, fair.regionCode));
        return inRegion || (distanceKm !== null && distanceKm <= radiusKm);
      })
      .slice(0, LIST_LIMIT);
    const mine = new Map<string, FairSignupEntity>();
    if (me?.motherId) {
      for (const row of await this.repo.signupsOfMother(me.motherId, LIST_LIMIT)) mine.set(row.signup.fairId, row.signup);
    }
    const distances = new Map(withDistance.map((x) => [x.fair.id, x.distanceKm]));
    return this.summaries(
      withDistance.map((x) => x.fair),
      distances,
      mine,
    );
  }

  async signUp(me: Principal, fairId: string): Promise<{ signup: MyFairSignupDto; created: boolean }> {
    const motherId = me.motherId;
    if (!motherId) throw FairsException.needsProfile();
    const now = this.clock.now();
    let created: boolean;
    try {
      created = await this.tx.run(async (tx) => {
        const fair = await this.requireFair(fairId, tx);
        const existing = await this.repo.findSignup(fair.id, motherId, tx);
        if (existing && existing.status !== 'cancelled') return false;
        if (fair.status !== 'published') throw FairsException.closed('这场招聘会已取消');
        if (fair.endsAt.getTime() <= now.getTime()) throw FairsException.closed();
        let signup: FairSignupEntity;
        if (existing) {
          // Signing up again after cancelling: her number and code stay hers, a seat is taken again.
          if (!(await this.repo.takeSeatOnly(fair.id, now, tx))) throw FairsException.full();
          const again = await this.repo.reactivateSignup(existing.id, now, tx);
          if (!again) throw new LostRace();
          signup = again;
        } else {
          const seq = await this.repo.takeSeat(fair.id, now, tx);
          if (seq === null) throw FairsException.full();
          const id = randomUUID();
          const code = this.codes.issue(fair, { id, seq });
          const inserted = await this.repo.insertSignup(
            { id, fairId: fair.id, motherId, seq, codeHash: code.hash, status: 'signed_up', holdsSeat: true, walkIn: false, now, checkedInBy: null, registeredBy: null },
            tx,
          );
          if (!inserted) throw new LostRace();
          signup = inserted;
        }
        const where = fair.mode === 'online' ? '线上参加' : `地点：${fair.address ?? ''}`;
        await this.notifications.notify(
          {
            recipientKind: 'mother',
            recipientId: motherId,
            kind: 'fair.signed_up',
            title: '招聘会报名成功',
            body: `您已报名“${fair.title}”，时间：${fair.fairDate} ${fair.startTime}-${fair.endTime}，${where}。入场时请出示签到码。`,
            payload: { fairId: fair.id, signupId: signup.id },
            dedupeKey: `fair.signed_up:${signup.id}:${signup.signedUpAt.getTime()}`,
          },
          tx,
        );
        return true;
      });
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      created = false;
    }
    return { signup: await this.mySignup(motherId, fairId), created };
  }

  async cancelSignup(me: Principal, fairId: string): Promise<MyFairSignupDto> {
    const motherId = me.motherId;
    if (!motherId) throw new CommonException('NOT_FOUND', '您没有报名这场招聘会');
    const now = this.clock.now();
    await this.tx.run(async (tx) => {
      const fair = await this.requireFair(fairId, tx);
      const signup = await this.repo.findSignup(fair.id, motherId, tx);
      if (!signup) throw new CommonException('NOT_FOUND', '您没有报名这场招聘会');
      if (signup.status === 'cancelled') return;
      if (signup.status === 'checked_in') throw FairsException.alreadyCheckedIn();
      if (fair.endsAt.getTime() <= now.getTime()) throw FairsException.closed('招聘会已结束');
      const cancelled = await this.repo.cancelSignup(signup.id, now, tx);
      if (cancelled && signup.holdsSeat) await this.repo.releaseSeat(fair.id, now, tx);
    });
    return this.mySignup(motherId, fairId);
  }

  async mine(me: Principal): Promise<MyFairSignupDto[]> {
    if (!me.motherId) return [];
    const now = this.clock.now();
    const rows = await this.repo.signupsOfMother(me.motherId, LIST_LIMIT);
    const counts = await this.repo.participationCounts(rows.map((r) => r.fair.id));
    return rows.map((r) => {
      const brief = this.brief(r.fair, r.signup);
      const c = counts.get(r.fair.id) ?? { employers: 0, posts: 0 };
      return { ...brief, fair: toFairSummary(r.fair, { now, ...c, distanceKm: null, mySignup: brief }) };
    });
  }

  // ------------------------------------------------------------------------ reminders and figures

  /** Reminds every mother signed up for a fair tomorrow (China date); idempotent. Returns how many were written. */
  sendDayBeforeReminders(now: Date, tx?: Tx): Promise<number> {
    return this.sendReminders(addDays(isoDateInChina(now), 1), now, tx);
  }

  /** Reminds the mothers signed up for fairs on `fairDate`, unless that day is past. One reminder per sign-up, ever. */
  async sendReminders(fairDate: string, now: Date, tx?: Tx): Promise<number> {
    if (fairDate < isoDateInChina(now)) return 0;
    let written = 0;
    for (const r of await this.repo.dueReminders(fairDate, tx)) {
      const where = r.mode === 'online' ? '线上参加' : `地点：${r.address ?? ''}`;
      const sent = await this.notifications.notify(
        {
          recipientKind: 'mother',
          recipientId: r.motherId,
          kind: 'fair.reminder',
          title: '招聘会提醒',
          body: `您报名的“${r.title}”将于${r.fairDate} ${r.startTime}-${r.endTime}举行，${where}。入场时请出示签到码。`,
          payload: { fairId: r.fairId, signupId: r.signupId },
          dedupeKey: `fair.reminder:${r.signupId}`,
        },
        tx,
      );
      if (sent) written += 1;
    }
    return written;
  }

  /**
   * Fair and livestream figures of a region for the monitoring page, over China dates from..to
   * inclusive (see FairsRepository.monitoringFigures for the definitions).
   */
  monitoringFigures(regionCode: string, from: string, to: string, tx?: Tx): Promise<MonitoringFigures> {
    return this.repo.monitoringFigures(regionLikePattern(regionCode), from, to, tx);
  }

  // ------------------------------------------------------------------------ helpers

  private async requireFair(id: string, tx?: Tx): Promise<FairEntity> {
    const fair = await this.repo.findFair(id, tx);
    if (!fair) throw new CommonException('NOT_FOUND', '招聘会不存在');
    return fair;
  }

  private requireOrganiser(me: Principal, fair: FairEntity): void {
    if (!canOrganise(me, fair.regionCode)) throw new CommonException('FORBIDDEN', '只有本地区的驿站工作人员或人社、妇联工作人员可以管理这场招聘会');
  }

  /** Check-in and walk-ins: on the fair's day (China date), for a fair that is not cancelled. */
  private requireDoorOpen(fair: FairEntity, now: Date): void {
    if (fair.status !== 'published') throw FairsException.closed('这场招聘会已取消');
    if (isoDateInChina(now) !== fair.fairDate) throw FairsException.checkInClosed();
  }

  private async checkParticipants(employers: FairEmployerInputDto[], now: Date, tx: Tx): Promise<{ employerId: string; postIds: string[] }[]> {
    const details: FieldError[] = [];
    const seen = new Set<string>();
    employers.forEach((e, i) => {
      if (seen.has(e.employerId)) details.push({ field: `employers.${i}.employerId`, rule: 'unique', message: '参会单位重复' });
      seen.add(e.employerId);
    });
    const found = new Map((await this.repo.employersByIds([...seen], tx)).map((e) => [e.id, e]));
    const posts = new Map((await this.repo.postsByIds(employers.flatMap((e) => e.postIds), tx)).map((p) => [p.id, p]));
    employers.forEach((e, i) => {
      const employer = found.get(e.employerId);
      if (!employer) details.push({ field: `employers.${i}.employerId`, rule: 'exists', message: '参会单位不存在' });
      else if (employer.status !== 'approved') details.push({ field: `employers.${i}.employerId`, rule: 'approved', message: `“${employer.name}”尚未通过备案，不能参会` });
      e.postIds.forEach((postId, j) => {
        const post = posts.get(postId);
        const field = `employers.${i}.postIds.${j}`;
        if (!post || post.employerId !== e.employerId) details.push({ field, rule: 'owner', message: '岗位不属于该单位' });
        else if (post.status !== 'open' || post.validUntil.getTime() <= now.getTime()) details.push({ field, rule: 'open', message: '只能带正在招聘的岗位参会' });
      });
    });
    if (details.length > 0) throw FairsException.participantsInvalid(details);
    return employers.map((e) => ({ employerId: e.employerId, postIds: e.postIds }));
  }

  private brief(fair: FairEntity, signup: FairSignupEntity): MySignupBriefDto {
    return toSignupBrief(signup, this.codes.issue(fair, signup));
  }

  private async mySignup(motherId: string, fairId: string): Promise<MyFairSignupDto> {
    const fair = await this.requireFair(fairId);
    const signup = await this.repo.findSignup(fairId, motherId);
    if (!signup) throw new CommonException('NOT_FOUND', '您没有报名这场招聘会');
    const counts = (await this.repo.participationCounts([fair.id])).get(fair.id) ?? { employers: 0, posts: 0 };
    const brief = this.brief(fair, signup);
    return { ...brief, fair: toFairSummary(fair, { now: this.clock.now(), ...counts, distanceKm: null, mySignup: brief }) };
  }

  private async signupView(fairId: string, signupId: string): Promise<FairSignupDto> {
    const [row] = await this.repo.signupsWithMothers(fairId, 1, signupId);
    if (!row) throw new CommonException('NOT_FOUND', '报名记录不存在');
    return toFairSignup(row);
  }

  private async summaries(fairs: FairEntity[], distances: Map<string, number | null> | null, mine: Map<string, FairSignupEntity>): Promise<FairSummaryDto[]> {
    const now = this.clock.now();
    const counts = await this.repo.participationCounts(fairs.map((f) => f.id));
    return fairs.map((fair) => {
      const signup = mine.get(fair.id);
      return toFairSummary(fair, {
        now,
        ...(counts.get(fair.id) ?? { employers: 0, posts: 0 }),
        distanceKm: distances?.get(fair.id) ?? null,
        mySignup: signup ? this.brief(fair, signup) : null,
      });
    });
  }
}

function defaultRegion(me: Principal): string | null {
  return stationGrantsOf(me)[0]?.regionCode ?? officialRegionsOf(me)[0] ?? null;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** 'HH:MM' in China, for messages. */
function chinaTime(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  return `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}
