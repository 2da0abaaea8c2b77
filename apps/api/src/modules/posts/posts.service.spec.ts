import { WEIHAI_MINIMUM_WAGE, makeUscc, type EmployerKind, type WeeklyWindow } from '@mamagang/domain';
import { FixedClock } from '../../common/clock/clock';
import { AppException } from '../../common/errors';
import type { Tx, TransactionRunner } from '../../database/transaction';
import type { EmployerEntity } from '../employers/employer.entity';
import type { EmployersRepository } from '../employers/employers.repository';
import type { NotificationsService } from '../notifications/notifications.service';
import type { MinimumWageInForce, PolicyDataService } from '../policies/policy-data.service';
import type { RegionEntity } from '../regions/region.entity';
import type { RegionsRepository } from '../regions/regions.repository';
import type { Principal } from '../users/principal';
import type { PostEntity } from './post.entity';
import type { NewPost, PostsRepository } from './posts.repository';
import { PostsService, type PostInput } from './posts.service';

/*
 * The rules of publishing a post, with strict fakes: any call a fake was not given fails the
 * test, so these also pin down that a refused post reads what it needs and writes nothing.
 */

function strict<T extends object>(name: string, impl: Partial<T>): T {
  return new Proxy(impl, {
    get(target, prop) {
      if (prop in target) return (target as Record<string | symbol, unknown>)[prop];
      // Promise resolution probes `then`; a fake is not a promise.
      if (prop === 'then') return undefined;
      throw new Error(`${name}.${String(prop)} was not expected`);
    },
  }) as T;
}

const TX = strict<Tx>('tx', {});
const HUANCUI: RegionEntity = { code: '371002', name: '环翠区', level: 'district', parentCode: '371000', centerLat: 37.5015, centerLng: 122.1235 };
const WEIHAI_WAGE: MinimumWageInForce = { ...WEIHAI_MINIMUM_WAGE, versionId: 'v-weihai' };
const WEEKDAYS = (start: string, end: string): WeeklyWindow[] => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));

function employer(kind: EmployerKind, status: EmployerEntity['status'] = 'approved'): EmployerEntity {
  return {
    id: 'e-1',
    uscc: makeUscc('91371002MA3C5TEXT'),
    name: '威海暖阳服饰有限公司',
    kind,
    regionCode: '371002',
    contactName: '张经理',
    contactPhoneCipher: 'cipher',
    contactPhoneMasked: '138****5678',
    address: '环翠区',
    lat: 37.51,
    lng: 122.11,
    hasMotherBabyRoom: true,
    hasChildcare: false,
    hasShuttleBus: false,
    isLabourDispatch: false,
    serviceOfficer: null,
    status,
    reviewReason: null,
    reviewedBy: null,
    reviewedAt: null,
    friendly: false,
    friendlyGrantedBy: null,
    friendlyGrantedAt: null,
    filedBy: 'u-1',
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

const MEMBER: Principal = { userId: 'u-1', displayName: '管理员', motherId: null, grants: [{ role: 'employer_member', employerId: 'e-1', stationId: null, regionCode: null }] };

function input(overrides: Partial<PostInput> = {}): PostInput {
  return {
    type: 'production_line',
    title: '缝纫工',
    headcount: 2,
    pay: { min: 3000, max: 3600 },
    schedule: { flexible: false, windows: WEEKDAYS('08:30', '15:30') },
    place: { remote: false, takeHome: false, location: { lat: 37.505, lng: 122.115 } },
    validUntil: '2026-06-30',
    ...overrides,
  };
}

interface Setup {
  employer?: EmployerEntity | null;
  wage?: MinimumWageInForce | null;
  now?: Date;
}

function setup(options: Setup = {}) {
  const inserted: NewPost[] = [];
  const found = options.employer === undefined ? employer('enterprise') : options.employer;
  const posts = strict<PostsRepository>('posts', {
    insert: async (values: NewPost, tx?: Tx) => {
      expect(tx).toBe(TX);
      inserted.push(values);
      return { ...values, id: 'p-1', filledCount: 0, status: 'open', createdAt: new Date(), updatedAt: new Date() } as PostEntity;
    },
  });
  const employers = strict<EmployersRepository>('employers', { findById: async () => found });
  const regions = strict<RegionsRepository>('regions', { findByCode: async (code: string) => (code === '371002' ? HUANCUI : null) });
  const policyData = strict<PolicyDataService>('policyData', {
    minimumWage: async () => (options.wage === undefined ? WEIHAI_WAGE : options.wage),
  });
  const transactions = strict<TransactionRunner>('transactions', { run: async <T>(work: (tx: Tx) => Promise<T>) => work(TX) });
  const notifications = strict<NotificationsService>('notifications', {});
  const clock = new FixedClock(options.now ?? new Date('2026-03-02T02:00:00Z'));
  const service = new PostsService(posts, employers, regions, notifications, policyData, transactions, clock);
  return { service, inserted };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: readonly { field: string; rule: string }[] }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppException)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.toBody().message, details: error.details };
}

describe('PostsService.create', () => {
  it('fills every omitted term from the type and stores the hourly equivalent', async () => {
    const { service, inserted } = setup();
    await service.create(MEMBER, 'e-1', input());
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatchObject({
      payBasis: 'monthly',
      insurance: 'social',
      contractForm: 'labour_contract',
      modes: ['mom_shift', 'flexible_leave'],
      stage: null,
      hoursPerWeek: 35,
      hourlyMin: 19.78,
      hourlyMax: 23.74,
      // The employer's facilities when the post names none; a child along is the post's own promise.
      hasMotherBabyRoom: true,
      hasShuttleBus: false,
      childMayCome: false,
      minimumWageSource: expect.stringMatching(/^v-weihai 371000 2200元\/月 22元\/小时/),
    });
  });

  it.each([
    ['an unknown employer', null, MEMBER, 'NOT_FOUND'],
    ['an employer she is not a member of', employer('enterprise'), { ...MEMBER, grants: [] }, 'NOT_FOUND'],
    ['an employer under review', employer('enterprise', 'pending'), MEMBER, 'EMPLOYER_NOT_APPROVED'],
    ['a rejected employer', employer('enterprise', 'rejected'), MEMBER, 'EMPLOYER_NOT_APPROVED'],
  ] as const)('refuses %s', async (_name, found, me, code) => {
    const { service, inserted } = setup({ employer: found });
    expect((await refusal(service.create(me, 'e-1', input()))).code).toBe(code);
    expect(inserted).toHaveLength(0);
  });

  it('holds a full-time post (more than 24 h a week) to the monthly standard and a part-time one to the hourly standard', async () => {
    // 2200 a month at 25 h a week is about 20.3 yuan an hour: lawful full-time pay.
    const full = setup();
    await full.service.create(MEMBER, 'e-1', input({ pay: { min: 2200, max: 2200 }, schedule: { flexible: false, windows: WEEKDAYS('09:00', '14:00') } }));
    expect(full.inserted).toHaveLength(1);
    // The same pay at 24 h a week is part-time work: 21.15 an hour is below 22.
    const part = setup();
    const r = await refusal(
      part.service.create(MEMBER, 'e-1', input({ pay: { min: 2200, max: 2200 }, schedule: { flexible: false, windows: WEEKDAYS('09:00', '13:48') } })),
    );
    expect(r.code).toBe('POST_BELOW_MINIMUM_WAGE');
    expect(r.message).toBe('折合时薪约21.15元，低于当地小时最低工资标准22元。依据：山东省最低工资标准（一类地区，威海市适用），2025-04-21起执行');
    expect(r.details).toEqual([expect.objectContaining({ field: 'pay.min', rule: 'BELOW_MINIMUM_WAGE_HOURLY' })]);
    expect(part.inserted).toHaveLength(0);
  });

  it('reports a public-welfare subsidy under its floor once, as a minimum-wage refusal', async () => {
    const urban = setup({ employer: employer('government') });
    const r = await refusal(
      urban.service.create(MEMBER, 'e-1', input({ type: 'public_welfare_urban', pay: { min: 2000, max: 2000 }, modes: [] })),
    );
    expect(r.code).toBe('POST_BELOW_MINIMUM_WAGE');
    expect(r.details?.map((d) => d.rule)).toEqual(['BELOW_MONTHLY_MINIMUM_WAGE']);

    const rural = setup({ employer: employer('government') });
    const h = await refusal(
      rural.service.create(
        MEMBER,
        'e-1',
        input({ type: 'public_welfare_rural', pay: { min: 20, max: 20 }, schedule: { flexible: true, windows: [], hoursPerWeek: 10 } }),
      ),
    );
    expect(h.code).toBe('POST_BELOW_MINIMUM_WAGE');
    // The type's floor and the general check fail on the same 20 yuan: one detail, not two.
    expect(h.details?.map((d) => d.rule)).toEqual(['BELOW_HOURLY_MINIMUM_WAGE']);
    expect([...urban.inserted, ...rural.inserted]).toHaveLength(0);
  });

  it('without a local minimum wage refuses a public-welfare post and publishes any other one unchecked', async () => {
    const welfare = setup({ employer: employer('government'), wage: null });
    expect((await refusal(welfare.service.create(MEMBER, 'e-1', input({ type: 'public_welfare_urban' })))).code).toBe('POST_MINIMUM_WAGE_UNKNOWN');
    expect(welfare.inserted).toHaveLength(0);

    const other = setup({ wage: null });
    await other.service.create(MEMBER, 'e-1', input({ pay: { min: 1000, max: 1000 } }));
    expect(other.inserted[0]).toMatchObject({ minimumWageSource: null, hourlyMin: 6.59 });
  });

  it('reads validUntil as a day in China: just after midnight there, yesterday is refused and today is fine', async () => {
    // 17:00 UTC on 1 March is 01:00 on 2 March in China.
    const now = new Date('2026-03-01T17:00:00Z');
    const late = setup({ now });
    expect((await refusal(late.service.create(MEMBER, 'e-1', input({ validUntil: '2026-03-01' })))).code).toBe('POST_VALID_UNTIL_INVALID');
    await late.service.create(MEMBER, 'e-1', input({ validUntil: '2026-03-02' }));
    expect(late.inserted[0]?.validUntil.toISOString()).toBe('2026-03-02T16:00:00.000Z');
    await late.service.create(MEMBER, 'e-1', input({ validUntil: '2027-03-02' }));
    expect((await refusal(late.service.create(MEMBER, 'e-1', input({ validUntil: '2027-03-03' })))).message).toBe('有效期最长1年，最晚可选2027-03-02');
  });

  it('counts daily pay over the days the schedule names, not an assumed five', async () => {
    const { service, inserted } = setup();
    const windows: WeeklyWindow[] = [1, 3, 5].map((day) => ({ day: day as 1 | 3 | 5, start: '09:00', end: '15:00' }));
    await service.create(MEMBER, 'e-1', input({ type: 'short_term', pay: { basis: 'daily', min: 150, max: 180 }, schedule: { flexible: false, windows } }));
    expect(inserted[0]).toMatchObject({ payBasis: 'daily', hoursPerWeek: 18, hourlyMin: 25, hourlyMax: 30, insurance: 'flexible_social' });
  });

  it('keeps the take-home flag and the 流动妈妈岗 tag in step, and needs no workplace for take-home work', async () => {
    const byFlag = setup();
    await byFlag.service.create(
      MEMBER,
      'e-1',
      input({ type: 'handicraft', pay: { basis: 'per_piece', min: 5, max: 5, unitsPerHour: 5 }, schedule: { flexible: true, windows: [], hoursPerWeek: 10 }, place: { remote: false, takeHome: true }, modes: [] }),
    );
    expect(byFlag.inserted[0]).toMatchObject({ takeHome: true, modes: ['take_home'], lat: null, lng: null });
    const byTag = setup();
    await byTag.service.create(
      MEMBER,
      'e-1',
      input({ type: 'handicraft', pay: { basis: 'per_piece', min: 5, max: 5, unitsPerHour: 5 }, schedule: { flexible: true, windows: [], hoursPerWeek: 10 }, place: { remote: false, takeHome: false }, modes: ['take_home'] }),
    );
    expect(byTag.inserted[0]).toMatchObject({ takeHome: true, modes: ['take_home'] });
  });

  it('normalises the windows and takes a fixed schedule’s hours from them', async () => {
    const { service, inserted } = setup();
    const windows: WeeklyWindow[] = [
      { day: 2, start: '13:00', end: '15:30' },
      { day: 1, start: '8:30', end: '10:00' },
      { day: 1, start: '10:00', end: '12:00' },
    ];
    // 2.5 + 3.5 = 6 h; a figure the client rounded differently by a hundredth is accepted.
    await service.create(MEMBER, 'e-1', input({ type: 'stage_flexible_balance', pay: { basis: 'per_task', min: 200, max: 200, hoursPerTask: 2 }, schedule: { flexible: false, windows, hoursPerWeek: 6.01 } }));
    expect(inserted[0]).toMatchObject({
      windows: [
        { day: 1, start: '08:30', end: '12:00' },
        { day: 2, start: '13:00', end: '15:30' },
      ],
      hoursPerWeek: 6,
      stage: 'flexible_balance',
    });
  });

  it('refuses a schedule past 84 hours a week', async () => {
    const { service, inserted } = setup();
    const windows = ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '06:00', end: '19:00' }));
    expect((await refusal(service.create(MEMBER, 'e-1', input({ schedule: { flexible: false, windows } })))).code).toBe('POST_SCHEDULE_INVALID');
    expect(inserted).toHaveLength(0);
  });

  it('names the offending window of an invalid schedule', async () => {
    const { service } = setup();
    const r = await refusal(
      service.create(MEMBER, 'e-1', input({ schedule: { flexible: false, windows: [{ day: 1, start: '09:00', end: '12:00' }, { day: 3, start: '25:00', end: '26:00' }] } })),
    );
    expect(r.code).toBe('POST_SCHEDULE_INVALID');
    expect(r.details).toEqual([{ field: 'schedule.windows.1', rule: 'WINDOW_TIME', message: '时间格式应为“时:分”，如 09:00' }]);
  });
});
