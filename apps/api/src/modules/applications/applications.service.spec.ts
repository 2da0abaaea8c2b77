import { randomBytes, randomUUID } from 'node:crypto';
import type { ApplicationAction, ApplicationStatus, HireReport } from '@mamagang/domain';
import { FixedClock } from '../../common/clock/clock';
import { PiiCrypto } from '../../common/crypto/pii-crypto';
import { AppException } from '../../common/errors';
import type { Tx } from '../../database/transaction';
import type { TransactionRunner } from '../../database/transaction';
import type { LivestreamsService } from '../fairs/livestreams.service';
import type { FollowUpService } from '../followup/followup.service';
import type { NewNotification } from '../notifications/notifications.repository';
import type { NotificationsService } from '../notifications/notifications.service';
import type { Principal } from '../users/principal';
import { ApplicationEntity } from './application.entity';
import type { ApplicantRow, ApplicationsRepository, HireRow, MyApplicationRow, NewApplication, PostForApplication, StatusChange } from './applications.repository';
import { ApplicationsService, dedupeKey } from './applications.service';
import { HireEntity } from './hire.entity';

/** The one transaction handle the fake runner hands out: writes must carry it. */
const TX = { fake: 'tx' } as unknown as Tx;

/**
 * A strict in-memory stand-in for the repository: only the methods the service may call
 * exist, every write must come with the running transaction, and any other call fails.
 */
class FakeRepository {
  posts = new Map<string, PostForApplication>();
  applications = new Map<string, ApplicationEntity>();
  hires: HireEntity[] = [];
  filled: string[] = [];
  hiredMothers: string[] = [];
  inTx = false;

  private writeGuard(tx: Tx | undefined): void {
    if (tx !== TX || !this.inTx) throw new Error('write outside the transaction');
  }

  async lockPost(postId: string, _mode: 'share' | 'update', tx: Tx) {
    this.writeGuard(tx);
    const p = this.posts.get(postId);
    return p ? { ...p } : null;
  }
  async findById(id: string, tx?: Tx) {
    this.writeGuard(tx);
    return this.copy(this.applications.get(id));
  }
  async lockById(id: string, tx: Tx) {
    this.writeGuard(tx);
    return this.copy(this.applications.get(id));
  }
  async findByPostAndMother(postId: string, motherId: string, tx: Tx) {
    this.writeGuard(tx);
    return this.copy([...this.applications.values()].find((a) => a.postId === postId && a.motherId === motherId));
  }
  async insertIfAbsent(a: NewApplication, tx: Tx) {
    this.writeGuard(tx);
    const clash = [...this.applications.values()].some(
      (x) => (x.postId === a.postId && x.motherId === a.motherId) || (a.idempotencyKey !== null && x.motherId === a.motherId && x.idempotencyKey === a.idempotencyKey),
    );
    if (clash) return null;
    const row = Object.assign(new ApplicationEntity(), {
      id: randomUUID(),
      postId: a.postId,
      motherId: a.motherId,
      employerId: a.employerId,
      status: 'submitted' as ApplicationStatus,
      rejectReason: null,
      idempotencyKey: a.idempotencyKey,
      source: a.source,
      submissions: 1,
      createdAt: a.now,
      updatedAt: a.now,
      decidedAt: null,
    });
    this.applications.set(row.id, row);
    return this.copy(row);
  }
  async setStatus(id: string, from: readonly ApplicationStatus[], to: ApplicationStatus, change: StatusChange, tx: Tx) {
    this.writeGuard(tx);
    const a = this.applications.get(id);
    if (!a || !from.includes(a.status)) return null;
    a.status = to;
    a.updatedAt = change.now;
    if (change.decidedAt === 'now') a.decidedAt = change.now;
    if (change.decidedAt === 'clear') a.decidedAt = null;
    if (to === 'rejected') a.rejectReason = change.rejectReason ?? null;
    if (change.newSubmission) a.submissions += 1;
    return this.copy(a);
  }
  async insertHire(h: { application: ApplicationEntity } & HireReport & { reportedBy: string; now: Date }, tx: Tx) {
    this.writeGuard(tx);
    if (this.hires.some((x) => x.applicationId === h.application.id)) throw new Error('duplicate key value violates unique constraint "hires_application_unique"');
    const hire = Object.assign(new HireEntity(), {
      id: randomUUID(),
      applicationId: h.application.id,
      postId: h.application.postId,
      employerId: h.application.employerId,
      motherId: h.application.motherId,
      startDate: h.startDate,
      contractForm: h.contractForm,
      contractMonths: h.contractMonths,
      socialInsurance: h.socialInsurance,
      reportedBy: h.reportedBy,
      createdAt: h.now,
    });
    this.hires.push(hire);
    return hire;
  }
  async fillPlace(postId: string, _now: Date, tx: Tx) {
    this.writeGuard(tx);
    const p = this.posts.get(postId) as PostForApplication;
    p.filledCount += 1;
    if (p.filledCount >= p.headcount) p.status = 'filled';
    this.filled.push(postId);
    return { filledCount: p.filledCount, headcount: p.headcount, status: p.status };
  }
  async markMotherHired(motherId: string, _now: Date, tx: Tx) {
    this.writeGuard(tx);
    this.hiredMothers.push(motherId);
  }
  async motherName(_motherId: string, tx?: Tx) {
    this.writeGuard(tx);
    return '王小红';
  }
  async postLabels(postId: string, tx?: Tx) {
    this.writeGuard(tx);
    const p = this.posts.get(postId) as PostForApplication;
    return { title: p.title, employerName: p.employerName };
  }
  // Reads after the transaction, for the answers.
  async listForMother(motherId: string, _limit: number, applicationId?: string): Promise<MyApplicationRow[]> {
    return [...this.applications.values()]
      .filter((a) => a.motherId === motherId && (!applicationId || a.id === applicationId))
      .map((a) => {
        const p = this.posts.get(a.postId) as PostForApplication;
        return {
          application: this.copy(a) as ApplicationEntity,
          post: { ...p, type: 'production_line', hourlyMin: 22, hourlyMax: 25 },
        };
      });
  }
  async listApplicants(employerId: string, filter: { applicationId?: string }): Promise<ApplicantRow[]> {
    return [...this.applications.values()]
      .filter((a) => a.employerId === employerId && (!filter.applicationId || a.id === filter.applicationId))
      .map((a) => ({
        application: this.copy(a) as ApplicationEntity,
        postTitle: 'title',
        postFlexible: true,
        postWindows: [],
        motherName: '王小红',
        motherWindows: [],
        motherSkills: [],
        phoneCipher: crypto.encrypt('13900002222'),
        phoneMasked: '139****2222',
        children: [],
      }));
  }
  async listHires(employerId: string, _limit: number, hireId?: string): Promise<HireRow[]> {
    return this.hires
      .filter((h) => h.employerId === employerId && (!hireId || h.id === hireId))
      .map((hire) => ({ hire, postTitle: 'title', motherName: '王小红' }));
  }

  private copy(a: ApplicationEntity | undefined): ApplicationEntity | null {
    return a ? Object.assign(new ApplicationEntity(), a) : null;
  }
}

const crypto = new PiiCrypto({ encryptionKey: randomBytes(32), hashKey: randomBytes(32) });

/** Fails on any method the fake does not define, so an unexpected repository call is caught. */
function strict<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'string' && !(prop in t) && prop !== 'then') throw new Error(`unexpected call: repository.${prop}`);
      return Reflect.get(t, prop, receiver);
    },
  });
}

describe('ApplicationsService (status machine)', () => {
  const now = new Date('2026-11-15T02:00:00Z');
  const employerId = randomUUID();
  const motherId = randomUUID();
  let repo: FakeRepository;
  let sent: { n: NewNotification; tx: Tx | undefined }[];
  let service: ApplicationsService;
  let followUp: FollowUpService;
  let hiresRecorded: string[];

  const mother: Principal = { userId: randomUUID(), displayName: '王小红', motherId, grants: [{ role: 'mother', employerId: null, stationId: null, regionCode: null }] };
  const member: Principal = {
    userId: randomUUID(),
    displayName: '张经理',
    motherId: null,
    grants: [{ role: 'employer_member', employerId, stationId: null, regionCode: null }],
  };
  const outsider: Principal = {
    userId: randomUUID(),
    displayName: '别家',
    motherId: null,
    grants: [{ role: 'employer_member', employerId: randomUUID(), stationId: null, regionCode: null }],
  };
  const report: HireReport = { startDate: '2026-12-01', contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true };

  function addPost(overrides: Partial<PostForApplication> = {}): string {
    const id = randomUUID();
    repo.posts.set(id, {
      id,
      employerId,
      employerName: '暖阳服饰',
      title: '缝纫工',
      status: 'open',
      headcount: 2,
      filledCount: 0,
      validUntil: new Date('2026-12-31T00:00:00Z'),
      ...overrides,
    });
    return id;
  }

  /** An application already in `status`, written straight into the fake. */
  function addApplication(status: ApplicationStatus, postId = addPost()): string {
    const id = randomUUID();
    repo.applications.set(
      id,
      Object.assign(new ApplicationEntity(), {
        id,
        postId,
        motherId,
        employerId,
        status,
        rejectReason: null,
        idempotencyKey: null,
        source: 'search',
        submissions: 1,
        createdAt: now,
        updatedAt: now,
        decidedAt: null,
      }),
    );
    return id;
  }

  async function code(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppException) return error.code;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  beforeEach(() => {
    repo = new FakeRepository();
    sent = [];
    const notifications = {
      notify: async (n: NewNotification, tx?: Tx) => {
        if (tx !== TX || !repo.inTx) throw new Error('notification outside the transaction');
        sent.push({ n, tx });
        return true;
      },
    } as unknown as NotificationsService;
    const runner = {
      run: async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
        repo.inTx = true;
        try {
          return await work(TX);
        } finally {
          repo.inTx = false;
        }
      },
    } as unknown as TransactionRunner;
    // Fairs and livestreams are another feature's rule: here every application comes from a search.
    const origins = {
      resolveApplicationOrigin: async (_postId: string, _input: unknown, tx: Tx) => {
        if (tx !== TX) throw new Error('origin checked outside the transaction');
        return { fairId: null, livestreamId: null };
      },
    } as unknown as LivestreamsService;
    hiresRecorded = [];
    followUp = {
      recordReportedHire: async (hireId: string) => {
        hiresRecorded.push(hireId);
        return true;
      },
    } as unknown as FollowUpService;
    service = new ApplicationsService(strict(repo) as unknown as ApplicationsRepository, notifications, runner, new FixedClock(now), crypto, origins, followUp);
  });

  it('walks submitted → accepted → hired, notifying the employer then the mother each time', async () => {
    const postId = addPost({ headcount: 1 });
    const { application, created } = await service.apply(mother, postId, {});
    expect(created).toBe(true);
    expect(application.status).toBe('submitted');

    const accepted = await service.accept(member, application.id);
    expect(accepted.status).toBe('accepted');
    expect(accepted.mother).toMatchObject({ phone: '13900002222', phoneRevealed: true, name: '王**' });

    const hire = await service.hire(member, application.id, report);
    expect(hire).toMatchObject({ applicationId: application.id, contractLabel: '劳动合同', startDate: '2026-12-01' });
    expect(repo.applications.get(application.id)?.status).toBe('hired');
    expect(repo.posts.get(postId)).toMatchObject({ filledCount: 1, status: 'filled' });
    expect(repo.hiredMothers).toEqual([motherId]);
    // The 12333 plan hears of the hire in the same transaction.
    expect(hiresRecorded).toHaveLength(1);
    expect(sent.map(({ n }) => [n.recipientKind, n.kind, n.dedupeKey])).toEqual([
      ['employer', 'application_submitted', `application:${application.id}:submitted`],
      ['mother', 'application_accepted', `application:${application.id}:accepted`],
      ['mother', 'application_hired', `application:${application.id}:hired`],
    ]);
  });

  it('answers a repeat with the same application and writes nothing more', async () => {
    const postId = addPost();
    const first = await service.apply(mother, postId, { idempotencyKey: 'key-00000001' });
    const again = await service.apply(mother, postId, {});
    expect(again).toMatchObject({ created: false, application: { id: first.application.id } });
    expect(repo.applications.size).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('withdraws, and a new apply reopens the same application as a second submission', async () => {
    const postId = addPost();
    const { application } = await service.apply(mother, postId, { idempotencyKey: 'key-00000002' });
    expect((await service.withdraw(mother, application.id)).status).toBe('withdrawn');
    // A retry of the first request leaves it withdrawn.
    expect((await service.apply(mother, postId, { idempotencyKey: 'key-00000002' })).application.status).toBe('withdrawn');
    const reopened = await service.apply(mother, postId, {});
    expect(reopened).toMatchObject({ created: false, application: { id: application.id, status: 'submitted', decidedAt: null } });
    expect(repo.applications.get(application.id)?.submissions).toBe(2);
    expect(sent.map(({ n }) => n.dedupeKey)).toEqual([
      `application:${application.id}:submitted`,
      `application:${application.id}:withdrawn`,
      `application:${application.id}:submitted:2`,
    ]);
  });

  it('does not reopen a withdrawn application on a closed post', async () => {
    const postId = addPost();
    const id = addApplication('withdrawn', postId);
    (repo.posts.get(postId) as PostForApplication).status = 'filled';
    expect(await code(service.apply(mother, postId, {}))).toBe('APPLICATION_POST_CLOSED');
    expect(repo.applications.get(id)?.status).toBe('withdrawn');
  });

  it('rejects with a reason the mother reads; rejected is final', async () => {
    const id = addApplication('accepted');
    const view = await service.reject(member, id, '  已招到更合适的人选 ');
    expect(view).toMatchObject({ status: 'rejected', rejectReason: '已招到更合适的人选', mother: { phoneRevealed: false, phone: '139****2222' } });
    expect(sent[0]?.n).toMatchObject({ recipientKind: 'mother', kind: 'application_rejected', body: expect.stringContaining('已招到更合适的人选') });
    expect(await code(service.accept(member, id))).toBe('APPLICATION_INVALID_TRANSITION');
    expect(await code(service.withdraw(mother, id))).toBe('APPLICATION_INVALID_TRANSITION');
    expect(await code(service.reject(member, id, '再次'))).toBe('APPLICATION_INVALID_TRANSITION');
    expect(await code(service.reject(member, addApplication('submitted'), '   '))).toBe('VALIDATION_FAILED');
  });

  const run: Record<Exclude<ApplicationAction, 'reapply' | 'hire'>, (s: ApplicationsService, id: string) => Promise<unknown>> = {
    accept: (s, id) => s.accept(member, id),
    reject: (s, id) => s.reject(member, id, '不合适'),
    withdraw: (s, id) => s.withdraw(mother, id),
  };

  it.each<[ApplicationStatus, keyof typeof run]>([
    ['accepted', 'accept'],
    ['rejected', 'accept'],
    ['withdrawn', 'accept'],
    ['hired', 'accept'],
    ['rejected', 'reject'],
    ['withdrawn', 'reject'],
    ['hired', 'reject'],
    ['rejected', 'withdraw'],
    ['withdrawn', 'withdraw'],
    ['hired', 'withdraw'],
  ])('refuses %s → %s with 409 APPLICATION_INVALID_TRANSITION and changes nothing', async (status, action) => {
    const id = addApplication(status);
    expect(await code(run[action](service, id))).toBe('APPLICATION_INVALID_TRANSITION');
    expect(repo.applications.get(id)?.status).toBe(status);
    expect(sent).toEqual([]);
  });

  it.each<[ApplicationStatus, string]>([
    ['submitted', 'HIRE_NEEDS_APPLICATION'],
    ['rejected', 'HIRE_NEEDS_APPLICATION'],
    ['withdrawn', 'HIRE_NEEDS_APPLICATION'],
    ['hired', 'HIRE_ALREADY_REPORTED'],
  ])('refuses a hire on a %s application with %s', async (status, expected) => {
    const id = addApplication(status);
    expect(await code(service.hire(member, id, report))).toBe(expected);
    expect(repo.hires).toEqual([]);
    expect(repo.filled).toEqual([]);
  });

  it('refuses a hire on a full or taken-down post, and an invalid report before touching anything', async () => {
    const full = addApplication('accepted', addPost({ headcount: 1, filledCount: 1, status: 'filled' }));
    expect(await code(service.hire(member, full, report))).toBe('HIRE_POST_FULL');
    const takenDown = addApplication('accepted', addPost({ status: 'taken_down' }));
    expect(await code(service.hire(member, takenDown, report))).toBe('HIRE_POST_TAKEN_DOWN');
    const ok = addApplication('accepted');
    expect(await code(service.hire(member, ok, { ...report, startDate: '2020-01-01' }))).toBe('VALIDATION_FAILED');
    expect(repo.applications.get(ok)?.status).toBe('accepted');
    expect(repo.hires).toEqual([]);
  });

  it('keeps a post open until its last place is filled', async () => {
    const postId = addPost({ headcount: 2 });
    await service.hire(member, addApplication('accepted', postId), report);
    expect(repo.posts.get(postId)).toMatchObject({ filledCount: 1, status: 'open' });
    await service.hire(member, addApplication('accepted', postId), report);
    expect(repo.posts.get(postId)).toMatchObject({ filledCount: 2, status: 'filled' });
    expect(await code(service.hire(member, addApplication('accepted', postId), report))).toBe('HIRE_POST_FULL');
  });

  it('refuses applying to a closed, full or expired post', async () => {
    expect(await code(service.apply(mother, addPost({ status: 'taken_down' }), {}))).toBe('APPLICATION_POST_CLOSED');
    expect(await code(service.apply(mother, addPost({ headcount: 1, filledCount: 1 }), {}))).toBe('APPLICATION_POST_CLOSED');
    expect(await code(service.apply(mother, addPost({ validUntil: new Date(now.getTime() - 1) }), {}))).toBe('APPLICATION_POST_CLOSED');
    expect(await code(service.apply(mother, randomUUID(), {}))).toBe('NOT_FOUND');
    expect(repo.applications.size).toBe(0);
  });

  it("answers 404 to another employer's member and another mother", async () => {
    const id = addApplication('submitted');
    expect(await code(service.accept(outsider, id))).toBe('NOT_FOUND');
    expect(await code(service.reject(outsider, id, '不合适'))).toBe('NOT_FOUND');
    expect(await code(service.hire(outsider, id, report))).toBe('NOT_FOUND');
    expect(await code(service.listApplicants(outsider, employerId, {}))).toBe('NOT_FOUND');
    const otherMother: Principal = { ...mother, motherId: randomUUID() };
    expect(await code(service.withdraw(otherMother, id))).toBe('NOT_FOUND');
    expect(repo.applications.get(id)?.status).toBe('submitted');
  });

  it('asks a mother without a profile to fill it in', async () => {
    expect(await code(service.apply({ ...mother, motherId: null }, addPost(), {}))).toBe('APPLICATION_NEEDS_PROFILE');
  });

  it('numbers dedupe keys by submission', () => {
    expect(dedupeKey({ id: 'a', submissions: 1 }, 'accepted')).toBe('application:a:accepted');
    expect(dedupeKey({ id: 'a', submissions: 3 }, 'accepted')).toBe('application:a:accepted:3');
  });
});
