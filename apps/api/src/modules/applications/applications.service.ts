import { Injectable } from '@nestjs/common';
import {
  APPLICATION_STATUS_LABELS,
  CHILDCARE_STAGES,
  CONTRACT_FORM_LABELS,
  POST_TYPES,
  applicationTransition,
  checkHireReport,
  childAge,
  employerSeesContact,
  formatHourly,
  isPostTypeCode,
  isoDateInChina,
  maskMobile,
  maskName,
  scheduleFit,
  stageForChildAge,
  type ApplicationAction,
  type ApplicationStatus,
  type ChildcareStage,
  type HireReport,
  type IsoDate,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { PiiCrypto } from '../../common/crypto/pii-crypto';
import { CommonException } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { LivestreamsService } from '../fairs/livestreams.service';
import { FollowUpService } from '../followup/followup.service';
import { NotificationsService } from '../notifications/notifications.service';
import { POST_STATUS_LABELS } from '../posts/dto/post.dto';
import { maskedOrDeletedName } from '../privacy/anonymised';
import { isEmployerMember, type Principal } from '../users/principal';
import type { ApplicationEntity } from './application.entity';
import { ApplicationsException } from './applications.errors';
import { ApplicationsRepository, type ApplicantRow, type HireRow, type MyApplicationRow, type PostForApplication } from './applications.repository';

/** Where the mother found the post; kept for the monitoring figures. */
export const APPLICATION_SOURCES = ['search', 'recommended', 'share', 'station', 'fair', 'livestream'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

/** Lists are newest first and capped; an employer or a mother with more sees the latest. */
export const LIST_LIMIT = 200;

export interface ApplicationPostSummary {
  id: string;
  title: string;
  employerName: string;
  type: string;
  typeLabel: string;
  status: string;
  statusLabel: string;
  openPlaces: number;
  hourlyText: string;
}

/** The mother's own view of one of her applications. */
export interface ApplicationView {
  id: string;
  postId: string;
  status: ApplicationStatus;
  statusLabel: string;
  source: string;
  rejectReason: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  post: ApplicationPostSummary;
}

export interface ChildStageView {
  stage: ChildcareStage | null;
  stageLabel: string;
}

/** An applicant as the employer sees her: masked name; phone masked until it accepts her. */
export interface EmployerApplicationView {
  id: string;
  postId: string;
  postTitle: string;
  status: ApplicationStatus;
  statusLabel: string;
  source: string;
  rejectReason: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  mother: {
    id: string;
    name: string;
    phone: string | null;
    phoneRevealed: boolean;
    stage: ChildcareStage | null;
    stageLabel: string;
    children: ChildStageView[];
    skills: string[];
    scheduleFit: { fit: number | null; text: string };
  };
}

export interface HireView {
  id: string;
  applicationId: string;
  postId: string;
  postTitle: string;
  mother: { id: string; name: string };
  startDate: string;
  contractForm: string;
  contractLabel: string;
  contractMonths: number;
  socialInsurance: boolean;
  reportedAt: string;
}

export interface ApplyInput {
  source?: ApplicationSource;
  /** With source 'fair' / 'livestream': which one (checked by the fairs feature). */
  fairId?: string;
  livestreamId?: string;
  idempotencyKey?: string;
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly crypto: PiiCrypto,
    private readonly origins: LivestreamsService,
    private readonly followUp: FollowUpService,
  ) {}

  /**
   * One application per post and mother, however often she taps and however the network
   * retries: `created` is true only for the request that wrote it. Applying again after
   * withdrawing reopens that same application (status back to submitted), if the post is
   * still open; any other repeat answers the application as it is.
   */
  async apply(me: Principal, postId: string, input: ApplyInput): Promise<{ application: ApplicationView; created: boolean }> {
    const motherId = requireMother(me);
    const now = this.clock.now();
    const key = input.idempotencyKey ?? null;
    const { id, created } = await this.tx.run(async (tx) => {
      const post = await this.repo.lockPost(postId, 'share', tx);
      if (!post) throw new CommonException('NOT_FOUND', '岗位不存在');
      const existing = await this.repo.findByPostAndMother(postId, motherId, tx);
      if (existing) return { id: await this.repeat(existing, post, key, now, tx), created: false };
      if (!isOpen(post, now)) throw ApplicationsException.postClosed();
      // From a fair or a livestream: the post must be one it shows, so its counts hold only real applications.
      const origin = await this.origins.resolveApplicationOrigin(postId, input, tx);
      const inserted = await this.repo.insertIfAbsent(
        { postId, motherId, employerId: post.employerId, idempotencyKey: key, source: input.source ?? 'search', ...origin, now },
        tx,
      );
      if (inserted) {
        await this.notifyEmployer(inserted, 'submitted', post.title, tx);
        return { id: inserted.id, created: true };
      }
      // A concurrent duplicate committed first: answer with its application.
      const raced = await this.repo.findByPostAndMother(postId, motherId, tx);
      if (raced) return { id: raced.id, created: false };
      // Nothing for this post, so the key conflicted: she used it for another post.
      throw ApplicationsException.keyReused();
    });
    return { application: await this.myView(motherId, id), created };
  }

  async withdraw(me: Principal, applicationId: string): Promise<ApplicationView> {
    const motherId = requireMother(me);
    const now = this.clock.now();
    await this.tx.run(async (tx) => {
      const current = await this.repo.lockById(applicationId, tx);
      if (!current || current.motherId !== motherId) throw notFound();
      const changed = await this.move(current, 'withdraw', { now, decidedAt: 'keep' }, tx);
      const { title } = await this.repo.postLabels(changed.postId, tx);
      await this.notifyEmployer(changed, 'withdrawn', title, tx);
    });
    return this.myView(motherId, applicationId);
  }

  async listMine(me: Principal): Promise<ApplicationView[]> {
    if (!me.motherId) return [];
    const rows = await this.repo.listForMother(me.motherId, LIST_LIMIT);
    return rows.map(toApplicationView);
  }

  async listApplicants(me: Principal, employerId: string, filter: { postId?: string; status?: ApplicationStatus }): Promise<EmployerApplicationView[]> {
    if (!isEmployerMember(me, employerId)) throw new CommonException('NOT_FOUND', '单位不存在');
    const rows = await this.repo.listApplicants(employerId, { ...filter, limit: LIST_LIMIT });
    const today = isoDateInChina(this.clock.now());
    return rows.map((r) => this.toEmployerView(r, today));
  }

  async accept(me: Principal, applicationId: string): Promise<EmployerApplicationView> {
    const now = this.clock.now();
    const employerId = await this.tx.run(async (tx) => {
      const current = await this.lockForEmployer(me, applicationId, tx);
      const changed = await this.move(current, 'accept', { now, decidedAt: 'now' }, tx);
      const labels = await this.repo.postLabels(changed.postId, tx);
      await this.notifyMother(changed, 'accepted', '您的申请已通过', `${labels.employerName}通过了您对“${labels.title}”的申请，会尽快与您联系`, tx);
      return changed.employerId;
    });
    return this.employerView(employerId, applicationId);
  }

  async reject(me: Principal, applicationId: string, reason: string): Promise<EmployerApplicationView> {
    const now = this.clock.now();
    const trimmed = reason.trim();
    if (trimmed === '') {
      throw new CommonException('VALIDATION_FAILED', undefined, { details: [{ field: 'reason', rule: 'isNotEmpty', message: '请填写婉拒原因' }] });
    }
    const employerId = await this.tx.run(async (tx) => {
      const current = await this.lockForEmployer(me, applicationId, tx);
      const changed = await this.move(current, 'reject', { now, decidedAt: 'now', rejectReason: trimmed }, tx);
      const labels = await this.repo.postLabels(changed.postId, tx);
      await this.notifyMother(changed, 'rejected', '您的申请未通过', `${labels.employerName}婉拒了您对“${labels.title}”的申请：${trimmed}`, tx);
      return changed.employerId;
    });
    return this.employerView(employerId, applicationId);
  }

  /**
   * Reports a hire on an accepted application: the hire row, the application 'hired', one
   * more place filled (the post closes as 'filled' with its last place) and her first-hire
   * date, all in one transaction with the post row locked, so concurrent hires on one post
   * take turns and can never exceed its headcount.
   */
  async hire(me: Principal, applicationId: string, report: HireReport): Promise<HireView> {
    const now = this.clock.now();
    const problems = checkHireReport(report, isoDateInChina(now));
    if (problems.length > 0) {
      throw new CommonException('VALIDATION_FAILED', undefined, { details: problems.map((p) => ({ field: p.field, rule: p.code, message: p.message })) });
    }
    const { employerId, hireId } = await this.tx.run(async (tx) => {
      const seen = await this.repo.findById(applicationId, tx);
      if (!seen || !isEmployerMember(me, seen.employerId)) throw notFound();
      // Post first, then the application: the order applying uses too, so the two never deadlock.
      const post = await this.repo.lockPost(seen.postId, 'update', tx);
      const current = await this.repo.lockById(applicationId, tx);
      if (!post || !current) throw notFound();
      const allowed = applicationTransition(current.status, 'hire');
      if (!allowed.ok) throw current.status === 'hired' ? ApplicationsException.hireAlreadyReported() : ApplicationsException.hireNeedsApplication();
      if (post.status === 'taken_down') throw ApplicationsException.postTakenDown();
      if (post.status === 'filled' || post.filledCount >= post.headcount) throw ApplicationsException.postFull();
      const hire = await this.repo.insertHire({ application: current, ...report, reportedBy: me.userId, now }, tx);
      const changed = await this.move(current, 'hire', { now, decidedAt: 'now' }, tx);
      await this.repo.fillPlace(post.id, now, tx);
      await this.repo.markMotherHired(current.motherId, now, tx);
      // The hire is her outcome in the 12333 plan at once: recommendations stop, guidance goes on.
      await this.followUp.recordReportedHire(hire.id, tx);
      await this.notifyMother(changed, 'hired', '恭喜您被录用', `${post.employerName}已登记录用您担任“${post.title}”，入职日期${report.startDate}`, tx);
      return { employerId: current.employerId, hireId: hire.id };
    });
    const rows = await this.repo.listHires(employerId, 1, hireId);
    return toHireView(rows[0] as HireRow);
  }

  async listHires(me: Principal, employerId: string): Promise<HireView[]> {
    if (!isEmployerMember(me, employerId)) throw new CommonException('NOT_FOUND', '单位不存在');
    return (await this.repo.listHires(employerId, LIST_LIMIT)).map(toHireView);
  }

  /** The answer to a repeated apply: as it is, or reopened when she had withdrawn. */
  private async repeat(existing: ApplicationEntity, post: PostForApplication, key: string | null, now: Date, tx: Tx): Promise<string> {
    // A retry of the very request that created it answers as the first time did, even if
    // she has withdrawn since: a network retry must not reapply on her behalf.
    const sameRequest = key !== null && existing.idempotencyKey === key;
    if (existing.status !== 'withdrawn' || sameRequest) return existing.id;
    if (!isOpen(post, now)) throw ApplicationsException.postClosed();
    const reopened = await this.move(existing, 'reapply', { now, decidedAt: 'clear', newSubmission: true }, tx);
    await this.notifyEmployer(reopened, 'submitted', post.title, tx);
    return reopened.id;
  }

  private async lockForEmployer(me: Principal, applicationId: string, tx: Tx): Promise<ApplicationEntity> {
    const current = await this.repo.lockById(applicationId, tx);
    // Another employer's application does not exist for this caller.
    if (!current || !isEmployerMember(me, current.employerId)) throw notFound();
    return current;
  }

  private async move(
    current: ApplicationEntity,
    action: ApplicationAction,
    change: { now: Date; decidedAt: 'now' | 'clear' | 'keep'; rejectReason?: string; newSubmission?: boolean },
    tx: Tx,
  ): Promise<ApplicationEntity> {
    const result = applicationTransition(current.status, action);
    if (!result.ok) throw ApplicationsException.invalidTransition(result.message);
    const changed = await this.repo.setStatus(current.id, [current.status], result.to, change, tx);
    // The row is locked by this transaction, so only a caller that skipped the lock lands here.
    if (!changed) throw ApplicationsException.invalidTransition('该申请刚刚被更新，请刷新后重试');
    return changed;
  }

  private async notifyEmployer(a: ApplicationEntity, event: 'submitted' | 'withdrawn', postTitle: string, tx: Tx): Promise<void> {
    const who = maskName(await this.repo.motherName(a.motherId, tx)) || '求职妈妈';
    const text =
      event === 'submitted'
        ? { title: '收到新的求职申请', body: `${who}申请了“${postTitle}”，请及时查看` }
        : { title: '求职者撤回了申请', body: `${who}撤回了对“${postTitle}”的申请` };
    await this.notifications.notify(
      {
        recipientKind: 'employer',
        recipientId: a.employerId,
        kind: `application_${event}`,
        ...text,
        payload: { applicationId: a.id, postId: a.postId, status: a.status },
        dedupeKey: dedupeKey(a, event),
      },
      tx,
    );
  }

  private async notifyMother(a: ApplicationEntity, event: 'accepted' | 'rejected' | 'hired', title: string, body: string, tx: Tx): Promise<void> {
    await this.notifications.notify(
      {
        recipientKind: 'mother',
        recipientId: a.motherId,
        kind: `application_${event}`,
        title,
        body,
        payload: { applicationId: a.id, postId: a.postId, status: a.status },
        dedupeKey: dedupeKey(a, event),
      },
      tx,
    );
  }

  private async myView(motherId: string, applicationId: string): Promise<ApplicationView> {
    const rows = await this.repo.listForMother(motherId, 1, applicationId);
    if (!rows[0]) throw notFound();
    return toApplicationView(rows[0]);
  }

  private async employerView(employerId: string, applicationId: string): Promise<EmployerApplicationView> {
    const rows = await this.repo.listApplicants(employerId, { applicationId, limit: 1 });
    if (!rows[0]) throw notFound();
    return this.toEmployerView(rows[0], isoDateInChina(this.clock.now()));
  }

  private toEmployerView(r: ApplicantRow, today: IsoDate): EmployerApplicationView {
    const a = r.application;
    const revealed = employerSeesContact(a.status) && r.phoneCipher !== null;
    const children = r.children.map((c) => childStage(c.birthYear, c.birthMonth, today));
    // Children come youngest first; the youngest one's stage is hers.
    const youngest = children[0] ?? { stage: null, stageLabel: '未填写孩子信息' };
    return {
      id: a.id,
      postId: a.postId,
      postTitle: r.postTitle,
      status: a.status,
      statusLabel: APPLICATION_STATUS_LABELS[a.status],
      source: a.source,
      rejectReason: a.rejectReason,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      decidedAt: a.decidedAt?.toISOString() ?? null,
      mother: {
        id: a.motherId,
        name: maskedOrDeletedName(r.motherName),
        phone: revealed ? this.crypto.decrypt(r.phoneCipher as string) : this.maskedPhone(r),
        phoneRevealed: revealed,
        stage: youngest.stage,
        stageLabel: youngest.stageLabel,
        children,
        skills: r.motherSkills,
        scheduleFit: fitForEmployer(r),
      },
    };
  }

  private maskedPhone(r: ApplicantRow): string | null {
    if (r.phoneMasked) return r.phoneMasked;
    return r.phoneCipher ? maskMobile(this.crypto.decrypt(r.phoneCipher)) : null;
  }
}

function requireMother(me: Principal): string {
  if (!me.motherId) throw ApplicationsException.needsProfile();
  return me.motherId;
}

function notFound(): CommonException {
  return new CommonException('NOT_FOUND', '申请不存在');
}

function isOpen(post: PostForApplication, now: Date): boolean {
  return post.status === 'open' && post.filledCount < post.headcount && post.validUntil.getTime() > now.getTime();
}

/**
 * One notification per event and submission: `application:<id>:submitted` for the first,
 * `application:<id>:submitted:2` after she reopened it once, and so on.
 */
export function dedupeKey(a: Pick<ApplicationEntity, 'id' | 'submissions'>, event: string): string {
  return a.submissions > 1 ? `application:${a.id}:${event}:${a.submissions}` : `application:${a.id}:${event}`;
}

function childStage(birthYear: number, birthMonth: number, today: IsoDate): ChildStageView {
  const age = childAge(birthYear, birthMonth, today);
  if (!age.ok) return { stage: null, stageLabel: '出生年月待核对' };
  const stage = stageForChildAge(age.totalMonths);
  return stage ? { stage, stageLabel: CHILDCARE_STAGES[stage].label } : { stage: null, stageLabel: '已满12岁' };
}

/** The domain's fit, told to the employer about her (the domain's reason speaks to the mother). */
function fitForEmployer(r: ApplicantRow): { fit: number | null; text: string } {
  if (r.postFlexible) return { fit: 1, text: '岗位时间灵活，她可以自己安排' };
  if (r.postWindows.length === 0) return { fit: null, text: '岗位还没有填写工作时间' };
  if (r.motherWindows.length === 0) return { fit: null, text: '她还没有填写方便的时间' };
  const { fit } = scheduleFit(r.postWindows, r.motherWindows);
  if (fit >= 1) return { fit, text: '岗位时间都在她方便的时间内' };
  if (fit <= 0) return { fit, text: '岗位时间与她方便的时间不重合' };
  return { fit, text: `岗位时间约${Math.round(fit * 100)}%在她方便的时间内` };
}

function toApplicationView(r: MyApplicationRow): ApplicationView {
  const a = r.application;
  const p = r.post;
  return {
    id: a.id,
    postId: a.postId,
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    source: a.source,
    rejectReason: a.rejectReason,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    post: {
      id: p.id,
      title: p.title,
      employerName: p.employerName,
      type: p.type,
      typeLabel: isPostTypeCode(p.type) ? POST_TYPES[p.type].fullLabel : p.type,
      status: p.status,
      statusLabel: (POST_STATUS_LABELS as Readonly<Record<string, string>>)[p.status] ?? p.status,
      openPlaces: Math.max(0, p.headcount - p.filledCount),
      hourlyText: p.hourlyMin === null ? '自主经营，收入自定' : formatHourly(p.hourlyMin, p.hourlyMax ?? p.hourlyMin),
    },
  };
}

function toHireView(r: HireRow): HireView {
  const h = r.hire;
  return {
    id: h.id,
    applicationId: h.applicationId,
    postId: h.postId,
    postTitle: r.postTitle,
    mother: { id: h.motherId, name: maskedOrDeletedName(r.motherName) },
    startDate: h.startDate,
    contractForm: h.contractForm,
    contractLabel: CONTRACT_FORM_LABELS[h.contractForm] ?? h.contractForm,
    contractMonths: h.contractMonths,
    socialInsurance: h.socialInsurance,
    reportedAt: h.createdAt.toISOString(),
  };
}
