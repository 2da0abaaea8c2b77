import { Injectable } from '@nestjs/common';
import {
  FOLLOW_UP_KIND_CODES,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_QUOTA,
  FOLLOW_UP_STATUS_LABELS,
  DUE_SOON_DAYS,
  addDays,
  assessMotherEligibility,
  buildFollowUpPlan,
  daysBetween,
  estimateMotherSubsidy,
  followUpDeadline,
  isoDateInChina,
  maskName,
  parseIsoDate,
  planAfterHire,
  planStatus,
  regionCovers,
  regionLikePattern,
  type FollowUpItem,
  type FollowUpKind,
  type MotherEligibility,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { MothersRepository } from '../mothers/mothers.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PolicyDataService } from '../policies/policy-data.service';
import { PersonalDataAccessLog } from '../privacy/personal-data-access-log';
import { SearchService } from '../search/search.service';
import { TrainingService, type CourseForNotice } from '../training/training.service';
import { hasRole, isOfficialFor, isStationWorkerFor, officialRegionsOf, stationGrantsOf, type Principal } from '../users/principal';
import type {
  CompletionDto,
  CourseRefDto,
  HiredElsewhereDto,
  PlanDto,
  PolicyConsultationDto,
  RecommendationDto,
  RecordServiceDto,
  ServiceRecordDto,
  WorklistDto,
  WorklistQueryDto,
} from './dto/followup.dto';
import { SERVICE_CHANNEL_LABELS, type ServiceChannel } from './dto/followup.dto';
import { FollowUpException } from './followup.errors';
import { FollowUpRepository, type FollowUpMother, type ItemRow, type PlanRow, type ServiceRow, type WorklistScope } from './followup.repository';

const PAGE_SIZE = 20;
/** A worker's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;
const RECOMMENDATIONS = 10;
/** Courses offered to pick from for a training notice. */
const NOTICE_COURSES = 20;

/**
 * The "12333" follow-up of a registered mother: her plan (domain buildFollowUpPlan), the
 * services workers log against it, recommendations from matching, policy consultations from the
 * policy estimator, the hire that ends recommendations, and the worklists.
 *
 * Who sees what: a station worker, the mothers of her station's region; an official, her region;
 * a mother, her own plan. Anyone else gets NOT_FOUND for a mother (her existence is not public).
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly repo: FollowUpRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly mothers: MothersRepository,
    private readonly search: SearchService,
    private readonly accessLog: PersonalDataAccessLog,
    private readonly policyData: PolicyDataService,
    private readonly training: TrainingService,
  ) {}

  /** Called by the registration desk inside its transaction. False when she already had a plan. */
  createPlan(p: { motherId: string; stationId: string; regionCode: string; workerId: string; registeredOn: string }, tx: Tx): Promise<boolean> {
    return this.repo.createPlan({ ...p, deadline: followUpDeadline(p.registeredOn) }, buildFollowUpPlan(p.registeredOn), tx);
  }

  async plan(me: Principal, motherId: string): Promise<PlanDto> {
    const mother = await this.repo.findMother(motherId);
    if (!mother || !this.canView(me, mother)) throw notFound();
    const plan = await this.planOf(motherId);
    await this.accessLog.record(me, { subjects: [motherId], action: 'followup.plan', route: 'GET /api/mothers/:id/plan', regionCode: mother.regionCode });
    return plan;
  }

  async myPlan(me: Principal): Promise<PlanDto> {
    if (!me.motherId) throw new CommonException('NOT_FOUND', '您还没有求职登记；请到就近的妈妈岗驿站登记');
    return this.planOf(me.motherId);
  }

  async recordService(me: Principal, motherId: string, dto: RecordServiceDto): Promise<ServiceRecordDto> {
    const mother = await this.motherForWorker(me, motherId);
    const plan = await this.requirePlan(motherId);
    const now = this.clock.now();
    const servedAt = new Date(dto.servedAt);
    if (servedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw FollowUpException.serviceInFuture();
    const servedOn = isoDateInChina(servedAt);
    if (servedOn < plan.registeredOn) throw FollowUpException.serviceBeforeRegistration();

    const postIds = dto.postIds ?? [];
    const details: Record<string, unknown> = {};
    if (dto.kind === 'job_recommendation') {
      if (plan.hiredOn !== null && plan.hiredOn <= servedOn && !plan.continueRecommendations) throw FollowUpException.recommendationsStopped();
      if (postIds.length === 0) throw FollowUpException.postsRequired();
    }
    if (postIds.length > 0) {
      const open = await this.repo.openPosts(postIds, now);
      if (open.length !== postIds.length) throw FollowUpException.postsInvalid();
      details.posts = postIds.map((id) => open.find((p) => p.id === id));
    }
    const courseIds = dto.courseIds ?? [];
    if (courseIds.length > 0) {
      if (dto.kind !== 'training_notice') throw FollowUpException.coursesNotAllowed();
      // Open courses of her city (or online), in the order the worker picked them.
      const courses = await this.training.coursesForNotice(courseIds, mother.regionCode);
      details.courses = courseIds.map((id) => {
        const c = courses.find((x) => x.id === id) as CourseForNotice;
        return { id: c.id, title: c.title, providerName: c.providerName, firstStartsAt: c.firstStartsAt.toISOString(), subsidised: c.subsidised };
      });
    }
    if (dto.kind === 'policy_consultation') {
      // What she qualified for that day, and what she could get once the listed conditions are met.
      const listing = await this.policyListing(mother, servedOn);
      details.policyVersionId = listing.policyVersionId;
      details.policies = [
        ...(listing.publicWelfareEligible ? ['公益性岗位兜底安置：符合条件'] : []),
        ...listing.items.map((i) => `${i.label}（${i.basis}）：${i.applies ? '符合条件' : `须${i.missing.join('；')}`}`),
      ];
    }

    return this.tx.run(async (tx) => {
      await this.repo.findPlan(motherId, tx, true);
      const id = await this.repo.insertService(
        {
          motherId,
          kind: dto.kind,
          servedAt,
          servedOn,
          channel: dto.channel,
          content: dto.content,
          outcome: dto.outcome,
          postIds,
          details,
          stationId: plan.stationId,
          recordedBy: me.userId,
        },
        tx,
      );
      await this.repo.assignServices(motherId, dto.kind, tx);
      await this.notifyMother(id, dto, details, motherId, tx);
      return toServiceDto((await this.repo.findService(id, tx)) as ServiceRow);
    });
  }

  /** Her best current posts, from matching (the search module's ranking): what a worker picks a recommendation from. */
  async recommendations(me: Principal, motherId: string): Promise<RecommendationDto[]> {
    await this.motherForWorker(me, motherId);
    const mother = await this.mothers.findById(motherId);
    if (!mother) throw notFound();
    const page = await this.search.recommendFor(mother);
    await this.accessLog.record(me, { subjects: [motherId], action: 'followup.recommendations', route: 'GET /api/mothers/:id/recommendations', regionCode: mother.regionCode });
    return page.items
      .filter((r) => r.openPlaces > 0)
      .slice(0, RECOMMENDATIONS)
      .map((r) => ({
        post: { id: r.post.id, title: r.post.title, employerName: r.post.employerName },
        distanceKm: r.post.distanceKm === null || r.post.distanceKm === undefined ? null : Math.round(r.post.distanceKm * 10) / 10,
        score: r.match.score,
        reasons: r.match.reasons,
      }));
  }

  /** Open courses of her city (and online ones), soonest first: what a worker names in a training notice. */
  async courses(me: Principal, motherId: string): Promise<CourseRefDto[]> {
    const mother = await this.motherForWorker(me, motherId);
    const courses = await this.training.upcomingFor(mother.regionCode, NOTICE_COURSES);
    return courses.map((c) => ({ id: c.id, title: c.title, providerName: c.providerName, firstStartsAt: c.firstStartsAt.toISOString(), subsidised: c.subsidised }));
  }

  /** What she qualifies for today under her region's policy in force: the substance of a policy consultation. */
  async policies(me: Principal, motherId: string): Promise<PolicyConsultationDto> {
    const mother = await this.repo.findMother(motherId);
    if (!mother || !this.canView(me, mother)) throw notFound();
    const listing = await this.policyListing(mother, isoDateInChina(this.clock.now()));
    await this.accessLog.record(me, { subjects: [motherId], action: 'followup.policies', route: 'GET /api/mothers/:id/policies', regionCode: mother.regionCode });
    return listing;
  }

  async hiredElsewhere(me: Principal, motherId: string, dto: HiredElsewhereDto): Promise<PlanDto> {
    await this.motherForWorker(me, motherId);
    const plan = await this.requirePlan(motherId);
    if (plan.hiredOn) throw FollowUpException.alreadyHired(plan.hiredOn);
    const today = isoDateInChina(this.clock.now());
    if (!parseIsoDate(dto.hiredOn) || dto.hiredOn > today || dto.hiredOn < plan.registeredOn) throw FollowUpException.hireDateInvalid();
    await this.tx.run(async (tx) => {
      const locked = (await this.repo.findPlan(motherId, tx, true)) as PlanRow;
      if (locked.hiredOn) throw FollowUpException.alreadyHired(locked.hiredOn);
      if (dto.continueRecommendations) {
        await this.repo.setContinueRecommendations(motherId, true, tx);
        locked.continueRecommendations = true;
      }
      await this.applyHire(locked, { hiredOn: dto.hiredOn, source: 'elsewhere', hireId: null, employerName: dto.employerName }, tx);
    });
    return this.planOf(motherId);
  }

  /**
   * A hire reported through the platform (applications module): call inside the transaction that
   * records the hire. Idempotent: false when she has no plan or a hire is already recorded. The
   * daily sweep also picks up hires nobody recorded here.
   */
  async recordReportedHire(hireId: string, tx: Tx): Promise<boolean> {
    const hire = await this.repo.findHire(hireId, tx);
    if (!hire) return false;
    return this.applyReportedHire({ hireId, ...hire }, tx);
  }

  async applyReportedHire(hire: { hireId: string; motherId: string; startDate: string; employerName: string }, tx: Tx): Promise<boolean> {
    const plan = await this.repo.findPlan(hire.motherId, tx, true);
    if (!plan || plan.hiredOn) return false;
    await this.applyHire(plan, { hiredOn: hire.startDate, source: 'reported', hireId: hire.hireId, employerName: hire.employerName }, tx);
    return true;
  }

  /** She (or a worker for her) asks to keep receiving job recommendations after a hire. */
  async resumeRecommendations(me: Principal, motherId: string): Promise<PlanDto> {
    const mother = await this.repo.findMother(motherId);
    if (!mother || !(isStationWorkerFor(me, mother.regionCode) || me.motherId === motherId)) throw notFound();
    await this.requirePlan(motherId);
    await this.tx.run(async (tx) => {
      const plan = (await this.repo.findPlan(motherId, tx, true)) as PlanRow;
      await this.repo.setContinueRecommendations(motherId, true, tx);
      const items = await this.repo.items(motherId, tx);
      const services = await this.repo.services(motherId, tx);
      const next = planAfterHire(items, services, plan.hiredOn ?? plan.registeredOn, true);
      await this.repo.setStoppedOn(stoppedChanges(items, next), tx);
    });
    return this.planOf(motherId);
  }

  async worklist(me: Principal, query: WorklistQueryDto): Promise<WorklistDto> {
    const scope = await this.worklistScope(me, query);
    const status = query.status ?? 'due';
    const page = query.page ?? 1;
    const today = isoDateInChina(this.clock.now());
    const until = addDays(today, DUE_SOON_DAYS);
    const [rows, counts] = await Promise.all([
      this.repo.worklist(scope, status, today, until, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE),
      this.repo.worklistCounts(scope, today, until),
    ]);
    await this.accessLog.record(me, {
      subjects: rows.slice(0, PAGE_SIZE).map((r) => r.motherId),
      action: 'followup.worklist',
      route: 'GET /api/worklist',
      regionCode: query.regionCode ?? stationGrantsOf(me)[0]?.regionCode ?? officialRegionsOf(me)[0] ?? null,
    });
    return {
      items: rows.slice(0, PAGE_SIZE).map((r) => ({
        mother: { id: r.motherId, nameMasked: maskName(r.motherName), phoneMasked: r.phoneMasked },
        item: {
          id: r.itemId,
          kind: r.kind,
          kindLabel: FOLLOW_UP_KIND_LABELS[r.kind],
          seq: r.seq,
          dueOn: r.dueOn,
          status,
          servedOn: r.servedOn,
          daysToDue: daysBetween(today, r.dueOn),
        },
      })),
      counts,
      page,
      hasMore: rows.length > PAGE_SIZE,
    };
  }

  /** Completion of the 2/3/3/3 quota at one station. */
  async completion(me: Principal, stationId: string): Promise<CompletionDto> {
    const station = await this.repo.findStation(stationId);
    if (!station) throw new CommonException('NOT_FOUND', '驿站不存在');
    if (!this.canOverseeRegion(me, station.regionCode)) throw new CommonException('FORBIDDEN');
    const today = isoDateInChina(this.clock.now());
    const [byKind, byMother] = await Promise.all([this.repo.completionByKind(stationId, today), this.repo.completionByMother(stationId, today)]);
    const quotas = FOLLOW_UP_KIND_CODES.map((kind) => {
      const row = byKind.find((r) => r.kind === kind) ?? { done: 0, owed: 0, overdue: 0 };
      return {
        kind,
        label: FOLLOW_UP_KIND_LABELS[kind],
        quota: FOLLOW_UP_QUOTA[kind],
        done: row.done,
        owed: row.owed,
        overdue: row.overdue,
        rate: rate(row.done, row.owed),
      };
    });
    const done = quotas.reduce((s, q) => s + q.done, 0);
    const owed = quotas.reduce((s, q) => s + q.owed, 0);
    return {
      stationId,
      asOf: today,
      mothers: byMother.mothers,
      mothersComplete: byMother.complete,
      yearEnded: byMother.yearEnded,
      yearEndedComplete: byMother.yearEndedComplete,
      quotas,
      rate: rate(done, owed),
    };
  }

  /** Officials of the region and workers whose station's region covers it (ledger, completion). */
  canOverseeRegion(me: Principal, regionCode: string): boolean {
    return isOfficialFor(me, regionCode) || stationGrantsOf(me).some((g) => regionCovers(g.regionCode, regionCode));
  }

  // ---- internals ----------------------------------------------------------------------------

  private async planOf(motherId: string): Promise<PlanDto> {
    const plan = await this.requirePlan(motherId);
    const [items, services] = await Promise.all([this.repo.items(motherId), this.repo.services(motherId)]);
    const status = planStatus(items, services, isoDateInChina(this.clock.now()));
    const ids = new Map(items.map((i) => [i.key, i.id]));
    return {
      motherId,
      registeredOn: plan.registeredOn,
      deadline: plan.deadline,
      items: status.items.map((i) => ({
        id: ids.get(i.key) as string,
        kind: i.kind,
        kindLabel: FOLLOW_UP_KIND_LABELS[i.kind],
        seq: i.seq,
        dueOn: i.dueOn,
        status: i.status,
        statusLabel: FOLLOW_UP_STATUS_LABELS[i.status],
        ...(i.servedOn ? { servedOn: i.servedOn } : {}),
        ...(i.stoppedOn ? { stoppedOn: i.stoppedOn } : {}),
        daysToDue: i.daysToDue,
      })),
      counts: status.counts,
      completionRate: status.completionRate,
      dueCount: status.dueCount,
      overdueCount: status.overdueCount,
      hired: plan.hiredOn
        ? { hiredOn: plan.hiredOn, source: plan.hireSource as string, employerName: plan.hireEmployerName, daysToEmployment: plan.daysToEmployment }
        : null,
      continueRecommendations: plan.continueRecommendations,
      services: services.map(toServiceDto),
    };
  }

  private async applyHire(
    plan: PlanRow,
    hire: { hiredOn: string; source: 'reported' | 'elsewhere'; hireId: string | null; employerName: string },
    tx: Tx,
  ): Promise<void> {
    const items = await this.repo.items(plan.motherId, tx);
    const services = await this.repo.services(plan.motherId, tx);
    const next = planAfterHire(items, services, hire.hiredOn, plan.continueRecommendations);
    await this.repo.setStoppedOn(stoppedChanges(items, next), tx);
    await this.repo.setHire(
      plan.motherId,
      {
        ...hire,
        // Hired before she registered (a reported hire can start earlier): no spell to count.
        daysToEmployment: Math.max(0, daysBetween(plan.registeredOn, hire.hiredOn)),
        hiredAt: new Date(`${hire.hiredOn}T00:00:00+08:00`),
      },
      tx,
    );
  }

  private async notifyMother(serviceId: string, dto: RecordServiceDto, details: Record<string, unknown>, motherId: string, tx: Tx): Promise<void> {
    let title: string;
    let body: string;
    if (dto.kind === 'job_recommendation') {
      const posts = details.posts as { id: string; title: string; employerName: string }[];
      title = '驿站为您推荐了岗位';
      body = `为您推荐${posts.length}个岗位：${posts.map((p) => `${p.employerName}“${p.title}”`).join('、')}`;
    } else if (dto.kind === 'training_notice') {
      const courses = (details.courses as NamedCourse[] | undefined) ?? [];
      title = courses.length > 0 ? '驿站为您推荐了培训课程' : '免费技能培训信息';
      body = (courses.length > 0 ? `为您推荐${courses.length}门培训课程：${courses.map(courseLine).join('、')}。${dto.content}` : dto.content).slice(0, 200);
    } else {
      return;
    }
    await this.notifications.notify(
      {
        recipientKind: 'mother',
        recipientId: motherId,
        kind: `followup.${dto.kind}`,
        title,
        body,
        payload: { serviceId, postIds: dto.postIds ?? [], courseIds: dto.courseIds ?? [] },
        dedupeKey: `followup.service:${serviceId}`,
      },
      tx,
    );
  }

  /**
   * What she qualifies for on `on` under her region's policy data in force that day (the
   * versions officials keep; a district falls back to its city), and which version that was.
   */
  private async policyListing(mother: FollowUpMother, on: string): Promise<PolicyConsultationDto> {
    const eligibility = this.eligibilityOf(mother, on);
    const inForce = await this.policyData.inForce(mother.regionCode, on);
    const policy = inForce?.policy;
    const items = policy ? estimateMotherSubsidy({ policy, mother: eligibility }, on).items : [];
    return {
      policyVersionId: inForce?.versionId ?? null,
      policy: policy ? `${policy.title}（${policy.source}）` : null,
      eligible: eligibility.eligible,
      eligibilityReasons: eligibility.reasons,
      publicWelfareEligible: eligibility.publicWelfareEligible,
      items: items.map((i) => ({
        code: i.code,
        label: i.label,
        basis: i.basis,
        applies: i.applies,
        potentialTotal: i.potentialTotal,
        reasons: i.reasons,
        missing: i.missing,
      })),
    };
  }

  private eligibilityOf(mother: FollowUpMother, on: string): MotherEligibility {
    return assessMotherEligibility({
      birthDate: mother.birthDate ?? '',
      children: mother.children,
      now: on,
      ...(mother.registeredUnemployedSince ? { registeredUnemployedSince: mother.registeredUnemployedSince } : {}),
      employmentDifficulty: mother.employmentDifficulty,
      olderInDifficulty: mother.olderInDifficulty,
      outOfPoverty: mother.outOfPoverty,
    });
  }

  private canView(me: Principal, mother: FollowUpMother): boolean {
    return me.motherId === mother.id || isStationWorkerFor(me, mother.regionCode) || isOfficialFor(me, mother.regionCode);
  }

  private async motherForWorker(me: Principal, motherId: string): Promise<FollowUpMother> {
    const mother = await this.repo.findMother(motherId);
    if (!mother || !isStationWorkerFor(me, mother.regionCode)) throw notFound();
    return mother;
  }

  private async requirePlan(motherId: string): Promise<PlanRow> {
    const plan = await this.repo.findPlan(motherId);
    if (!plan) throw new CommonException('NOT_FOUND', '她还没有在驿站办理求职登记，没有12333服务计划');
    return plan;
  }

  private async worklistScope(me: Principal, query: WorklistQueryDto): Promise<WorklistScope> {
    const grants = stationGrantsOf(me);
    const scope = query.scope ?? (grants.length > 0 ? 'station' : 'region');
    if (scope === 'me') {
      if (!hasRole(me, 'station_worker')) throw new CommonException('FORBIDDEN', '只有驿站工作人员有自己的服务清单');
      return { kind: 'worker', userId: me.userId };
    }
    if (scope === 'station') {
      const stationId = query.stationId ?? grants[0]?.stationId;
      if (!stationId) throw FollowUpException.stationRequired();
      const station = await this.repo.findStation(stationId);
      if (!station) throw new CommonException('NOT_FOUND', '驿站不存在');
      if (!this.canOverseeRegion(me, station.regionCode)) throw new CommonException('FORBIDDEN');
      return { kind: 'station', stationId };
    }
    const regionCode = query.regionCode ?? grants[0]?.regionCode ?? officialRegionsOf(me)[0];
    if (!regionCode || !this.canOverseeRegion(me, regionCode)) throw new CommonException('FORBIDDEN');
    return { kind: 'region', codes: await this.repo.regionCodesUnder(regionLikePattern(regionCode)) };
  }
}

function notFound(): CommonException {
  return new CommonException('NOT_FOUND', '没有找到这位妈妈的登记信息');
}

/** planAfterHire keeps the order of the items it is given. */
function stoppedChanges(items: readonly ItemRow[], next: readonly FollowUpItem[]): { itemId: string; stoppedOn: string | null }[] {
  return items.flatMap((item, i) => (item.stoppedOn !== next[i]?.stoppedOn ? [{ itemId: item.id, stoppedOn: next[i]?.stoppedOn ?? null }] : []));
}

/** A course as a training notice names it (stored in the service's details). */
interface NamedCourse {
  id: string;
  title: string;
  providerName: string;
  firstStartsAt: string;
  subsidised: boolean;
}

/** 《title》（provider，first session M月D日 HH:mm China time[，补贴]） */
function courseLine(c: NamedCourse): string {
  const t = new Date(new Date(c.firstStartsAt).getTime() + 8 * 3_600_000);
  const when = `${t.getUTCMonth() + 1}月${t.getUTCDate()}日${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  return `《${c.title}》（${c.providerName}，${when}开课${c.subsidised ? '，有补贴' : ''}）`;
}

function rate(done: number, owed: number): number {
  return owed === 0 ? 1 : Math.round((done / owed) * 1000) / 1000;
}

export function toServiceDto(s: ServiceRow): ServiceRecordDto {
  const posts = Array.isArray(s.details.posts) ? (s.details.posts as { id: string; title: string; employerName: string }[]) : [];
  return {
    id: s.id,
    kind: s.kind,
    kindLabel: FOLLOW_UP_KIND_LABELS[s.kind as FollowUpKind],
    itemId: s.itemId,
    servedAt: s.servedAt.toISOString(),
    servedOn: s.servedOn,
    channel: s.channel,
    channelLabel: SERVICE_CHANNEL_LABELS[s.channel as ServiceChannel] ?? s.channel,
    content: s.content,
    outcome: s.outcome,
    posts: posts.map((p) => ({ id: p.id, title: p.title, employerName: p.employerName })),
    ...(Array.isArray(s.details.policies) ? { policies: s.details.policies as string[] } : {}),
    courses: Array.isArray(s.details.courses) ? (s.details.courses as NamedCourse[]) : [],
    recordedBy: s.recordedByName,
  };
}
