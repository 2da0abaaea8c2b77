import { Injectable } from '@nestjs/common';
import {
  BROKEN_PROMISE_FLAG_HIRES,
  brokenPromiseTerms,
  canMoveRightsCase,
  isEmployerFlaggedForBrokenPromises,
  isoDateInChina,
  isRegionCode,
  promiseCheckDueOn,
  promiseCheckStartWindow,
  regionAncestors,
  regionLevel,
  regionLikePattern,
  rightsCaseRegion,
  RIGHTS_CASE_KIND_LABELS,
  RIGHTS_CASE_STATUS_LABELS,
  RIGHTS_CATEGORY_LABELS,
  type PromiseAnswers,
  type RightsCaseKind,
  type RightsCaseStatus,
  type RightsCategory,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { PersonalDataAccessLog } from '../privacy/personal-data-access-log';
import { CommonException } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import { isOfficialFor, officialRegionsOf, type Principal } from '../users/principal';
import type { RightsCaseNoteEntity } from './rights-case-note.entity';
import { RightsException } from './rights.errors';
import {
  RightsRepository,
  type BrokenPromiseEmployerRow,
  type CaseRow,
  type EmployerRecordRow,
  type PromiseCheckRow,
} from './rights.repository';

export const CASES_PER_PAGE = 20;
const MY_CASES = 100;
const MY_CHECKS = 50;
/** Checks created per run: a backlog is worked off over several runs without a long transaction. */
const CHECKS_PER_RUN = 500;

export interface NewCaseInput {
  kind: RightsCaseKind;
  category: RightsCategory;
  text: string;
  postId?: string;
  employerId?: string;
}

export interface CaseView extends CaseRow {
  notes: RightsCaseNoteEntity[];
}

export interface RightsHelp {
  regionCode: string;
  stations: { id: string; name: string; address: string; regionCode: string; openingHours: string; rightsConsultationHours: string }[];
}

export interface EmployerRecord extends EmployerRecordRow {
  flagged: boolean;
}

@Injectable()
export class RightsService {
  constructor(
    private readonly repo: RightsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  /** Where to get help in person: the stations of her city with rights-consultation hours, her district's first. */
  async help(regionCode: string | undefined, me: Principal | null): Promise<RightsHelp> {
    const region = regionCode ?? (me?.motherId ? await this.repo.motherRegion(me.motherId) : null);
    if (!region) throw RightsException.regionRequired();
    const city = regionLevel(region) === 'district' ? (regionAncestors(region)[0] as string) : region;
    return { regionCode: region, stations: await this.repo.stationsWithRightsHours(regionLikePattern(city), region) };
  }

  /** Files her consultation or complaint and tells every official of the region it is routed to. */
  async createCase(me: Principal, input: NewCaseInput): Promise<CaseView> {
    const motherId = motherIdOf(me);
    const now = this.clock.now();
    const text = input.text.trim();
    const id = await this.tx.run(async (tx) => {
      let postRegion: string | null = null;
      let employerRegion: string | null = null;
      let employerId = input.employerId ?? null;
      if (input.postId) {
        const post = await this.repo.postForCase(input.postId, tx);
        if (!post) throw new CommonException('NOT_FOUND', '岗位不存在');
        if (employerId && employerId !== post.employerId) throw RightsException.postEmployerMismatch();
        employerId = post.employerId;
        postRegion = post.regionCode;
      } else if (employerId) {
        const employer = await this.repo.employerForCase(employerId, tx);
        if (!employer) throw new CommonException('NOT_FOUND', '单位不存在');
        employerRegion = employer.regionCode;
      }
      const motherRegion = (await this.repo.motherRegion(motherId, tx)) as string;
      const regionCode = rightsCaseRegion({ postRegion, employerRegion, motherRegion });
      const caseId = await this.repo.insertCase(
        { motherId, kind: input.kind, category: input.category, postId: input.postId ?? null, employerId, regionCode, text, now },
        tx,
      );
      const kindLabel = RIGHTS_CASE_KIND_LABELS[input.kind];
      for (const officialId of await this.repo.officialsOf([regionCode, ...regionAncestors(regionCode)], tx)) {
        // The text stays in the case: a notification may travel through WeChat.
        await this.notifications.notify(
          {
            recipientKind: 'user',
            recipientId: officialId,
            kind: 'rights_case_new',
            title: `新的${kindLabel}`,
            body: `收到一件“${RIGHTS_CATEGORY_LABELS[input.category]}”${kindLabel}，请及时处理`,
            payload: { caseId },
            dedupeKey: `rights-case:${caseId}:official:${officialId}`,
          },
          tx,
        );
      }
      return caseId;
    });
    return this.view(id);
  }

  async myCases(me: Principal): Promise<CaseView[]> {
    return this.withNotes(await this.repo.casesOfMother(motherIdOf(me), MY_CASES));
  }

  /** Her own case, or a case of a region the official covers; anyone else learns nothing. */
  async getCase(me: Principal, id: string): Promise<CaseView> {
    const row = await this.repo.findCase(id);
    if (!row || !(row.motherId === me.motherId || isOfficialFor(me, row.regionCode))) throw caseNotFound();
    const view = (await this.withNotes([row]))[0] as CaseView;
    await this.accessLog.record(me, { subjects: [row.motherId], action: 'rights.case', route: 'GET /api/rights/cases/:id', regionCode: row.regionCode });
    return view;
  }

  async listForOfficial(
    me: Principal,
    q: { status?: RightsCaseStatus; kind?: RightsCaseKind; category?: RightsCategory; regionCode?: string; page?: number },
  ): Promise<{ items: CaseView[]; total: number; page: number }> {
    const page = q.page ?? 1;
    let scopes = officialRegionsOf(me);
    if (q.regionCode !== undefined) {
      if (!isOfficialFor(me, q.regionCode)) throw new CommonException('FORBIDDEN', '只能查看本辖区的维权事项');
      scopes = [q.regionCode];
    }
    const { items, total } = await this.repo.casesInRegions({
      regionPatterns: scopes.map(regionLikePattern),
      status: q.status,
      kind: q.kind,
      category: q.category,
      limit: CASES_PER_PAGE,
      offset: (page - 1) * CASES_PER_PAGE,
    });
    const views = await this.withNotes(items);
    await this.accessLog.record(me, { subjects: items.map((c) => c.motherId), action: 'rights.cases', route: 'GET /api/official/rights/cases', regionCode: scopes[0] ?? null });
    return { items: views, total, page };
  }

  /** An official of the case's region takes it up or closes it, with a note the mother reads. */
  async handle(me: Principal, id: string, change: { status: RightsCaseStatus; note: string }): Promise<CaseView> {
    const now = this.clock.now();
    const note = change.note.trim();
    await this.tx.run(async (tx) => {
      const row = await this.repo.findCase(id, tx, true);
      if (!row || !isOfficialFor(me, row.regionCode)) throw caseNotFound();
      if (!canMoveRightsCase(row.status, change.status)) throw RightsException.caseClosed();
      await this.repo.moveCase(id, change.status, me.userId, note, now, tx);
      const kindLabel = RIGHTS_CASE_KIND_LABELS[row.kind];
      await this.notifications.notify(
        {
          recipientKind: 'mother',
          recipientId: row.motherId,
          kind: 'rights_case_update',
          title: `您的${kindLabel}${RIGHTS_CASE_STATUS_LABELS[change.status]}`,
          body: excerpt(note, 60),
          payload: { caseId: id, status: change.status },
          dedupeKey: `rights-case:${id}:${change.status}:${now.getTime()}`,
        },
        tx,
      );
    });
    return this.view(id);
  }

  // --- the promise check 30 days after a hire ----------------------------------------------

  /**
   * Asks about every hire whose 30 days have passed (and not so long ago that the answer would
   * be unreliable): one check and one notification per hire, however often it runs. Runs in
   * `tx` when given (the job queue's), else in its own transaction. Returns the checks created.
   */
  async askDuePromiseChecks(now: Date, tx?: Tx): Promise<number> {
    const work = async (t: Tx) => {
      const window = promiseCheckStartWindow(isoDateInChina(now));
      let created = 0;
      for (const hire of await this.repo.hiresDueForCheck(window.from, window.to, CHECKS_PER_RUN, t)) {
        const checkId = await this.repo.insertCheck(hire, promiseCheckDueOn(hire.startDate), now, t);
        if (!checkId) continue;
        created += 1;
        await this.notifications.notify(
          {
            recipientKind: 'mother',
            recipientId: hire.motherId,
            kind: 'promise_check',
            title: '入职满30天回访',
            body: `您在${hire.employerName}的“${hire.postTitle}”已入职满30天，请告诉我们工作时间、合同、社保和请假是否和承诺一致`,
            payload: { promiseCheckId: checkId, hireId: hire.hireId },
            dedupeKey: `promise-check:${hire.hireId}`,
          },
          t,
        );
      }
      return created;
    };
    return tx ? work(tx) : this.tx.run(work);
  }

  async myPromiseChecks(me: Principal): Promise<PromiseCheckRow[]> {
    return this.repo.checksOfMother(motherIdOf(me), MY_CHECKS);
  }

  /** Her answer, once. A second hire with a broken promise flags the employer to its officials. */
  async answerPromiseCheck(me: Principal, id: string, answers: PromiseAnswers, comment: string | undefined): Promise<PromiseCheckRow> {
    const motherId = motherIdOf(me);
    const now = this.clock.now();
    return this.tx.run(async (tx) => {
      const check = await this.repo.lockCheck(id, tx);
      if (!check || check.motherId !== motherId) throw new CommonException('NOT_FOUND', '回访不存在');
      if (check.answeredAt) throw RightsException.promiseCheckAnswered();
      const broken = brokenPromiseTerms(answers).length > 0;
      const trimmed = comment?.trim() ? comment.trim() : null;
      await this.repo.answerCheck(id, answers, broken, trimmed, now, tx);
      if (broken && isEmployerFlaggedForBrokenPromises(await this.repo.brokenHiresOf(check.employerId, tx))) {
        const employer = await this.repo.employerById(check.employerId, tx);
        if (employer) {
          for (const officialId of await this.repo.officialsOf([employer.regionCode, ...regionAncestors(employer.regionCode)], tx)) {
            await this.notifications.notify(
              {
                recipientKind: 'user',
                recipientId: officialId,
                kind: 'employer_broken_promises',
                title: '用人单位多次未兑现承诺',
                body: `${employer.name}已有${BROKEN_PROMISE_FLAG_HIRES}次以上入职回访反映承诺未兑现，请核查`,
                payload: { employerId: employer.id },
                dedupeKey: `employer-broken-promises:${employer.id}:official:${officialId}`,
              },
              tx,
            );
          }
        }
      }
      return (await this.repo.lockCheck(id, tx)) as PromiseCheckRow;
    });
  }

  /** Promise checks and complaints about an employer, for an official of its region. */
  async employerRecord(me: Principal, employerId: string): Promise<EmployerRecord> {
    const record = await this.repo.employerRecord(employerId);
    if (!record) throw new CommonException('NOT_FOUND', '单位不存在');
    if (!isOfficialFor(me, record.regionCode)) throw new CommonException('FORBIDDEN', '只能查看本辖区单位的记录');
    return { ...record, flagged: isEmployerFlaggedForBrokenPromises(record.brokenHires) };
  }

  /**
   * Employers of a region (a city covers its districts) with at least two hires whose promise
   * check reported a broken promise. For the fraud rules of modules/fraud.
   */
  brokenPromiseEmployers(regionCode: string): Promise<BrokenPromiseEmployerRow[]> {
    if (!isRegionCode(regionCode)) return Promise.resolve([]);
    return this.repo.brokenPromiseEmployers(regionLikePattern(regionCode), BROKEN_PROMISE_FLAG_HIRES);
  }

  private async view(id: string): Promise<CaseView> {
    const row = (await this.repo.findCase(id)) as CaseRow;
    return (await this.withNotes([row]))[0] as CaseView;
  }

  private async withNotes(rows: CaseRow[]): Promise<CaseView[]> {
    const notes = await this.repo.notesOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, notes: notes.filter((n) => n.caseId === r.id) }));
  }
}

function motherIdOf(me: Principal): string {
  if (!me.motherId) throw new CommonException('FORBIDDEN', '请先填写求职资料');
  return me.motherId;
}

function caseNotFound(): CommonException {
  return new CommonException('NOT_FOUND', '维权事项不存在');
}

function excerpt(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
