import { randomUUID } from 'node:crypto';
import { makeResidentId, makeUscc } from '@mamagang/domain';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { RightsService } from '../../src/modules/rights/rights.service';
import { insertPost, tokenFor } from './fixtures';
import { application, hire } from './issue6-rows';
import type { TestApp } from './test-app';

/**
 * The table of every route that accepts a request body (POST, PUT, PATCH) for the bad-input
 * fuzz, with who calls it and which fixture fills each path parameter. The spec checks this
 * table against the routes the application really has (its OpenAPI document), so a new route
 * cannot escape the fuzz.
 */

/** Demo users (SEED_DEMO) the fuzz signs in as; 'public' sends no token. */
export type Caller =
  | 'public'
  | 'newcomer'
  | 'mother-wang'
  | 'mother-li'
  | 'employer-nuanyang'
  | 'employer-xinya'
  | 'station-huancui'
  | 'official-huancui';

/** Fixture ids the path parameters resolve to. */
export interface BadInputFixtures {
  readonly employer: string;
  readonly pendingEmployer: string;
  readonly post: string;
  readonly postToTakeDown: string;
  readonly station: string;
  readonly deskMother: string;
  readonly application: string;
  readonly acceptedApplication: string;
  readonly hire: string;
  readonly claim: string;
  readonly rightsCase: string;
  readonly promiseCheck: string;
  readonly fair: string;
  readonly fairToCancel: string;
  readonly course: string;
  readonly courseToCancel: string;
  readonly session: string;
  /** No such row: for ids of things the fixtures do not create (the route answers 404 after validation). */
  readonly unknown: string;
}

export interface BodyRoute {
  readonly method: 'POST' | 'PUT' | 'PATCH';
  /** As in the OpenAPI document: `/api/fairs/{id}/cancel`. */
  readonly path: string;
  /** Whether the route declares a body (a DTO); routes without one get random bodies too. */
  readonly body: boolean;
  readonly as: Caller;
  readonly params?: (f: BadInputFixtures) => Readonly<Record<string, string>>;
  /**
   * 5xx codes that are the app's configured state, not a reaction to the body: the WeChat routes
   * answer 503 WECHAT_NOT_CONFIGURED in tests (no WeChat app), after the body passed validation.
   */
  readonly allowed5xx?: readonly string[];
  /** A body the route accepts, which the fuzz changes one value of at a time (most of the samples). */
  readonly valid?: (f: BadInputFixtures, today: string) => Record<string, unknown>;
  /** Tables a refusal writes to by design, and why (the no-write check ignores them for this route). */
  readonly refusalWrites?: { readonly tables: readonly string[]; readonly why: string };
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function fairBody(employerId: string, postId: string, today: string): Record<string, unknown> {
  return {
    title: '模糊测试专场招聘会',
    mode: 'onsite',
    regionCode: '371002',
    address: '环翠区文化中路88号',
    location: { lat: 37.509, lng: 122.116 },
    date: addDays(today, 1),
    startTime: '09:00',
    endTime: '11:30',
    childFriendly: '现场设儿童托管区',
    seats: 100,
    employers: [{ employerId, postIds: [postId] }],
  };
}

function courseBody(stationId: string, today: string): Record<string, unknown> {
  return {
    providerKind: 'station',
    stationId,
    title: '模糊测试课程',
    skill: 'childcare',
    description: '每周二晚上授课，可带孩子',
    online: false,
    address: '环翠区某某社区妈妈岗驿站二楼',
    location: { lat: 37.5, lng: 122.12 },
    hasChildRoom: true,
    seats: 30,
    subsidised: true,
    fee: 0,
    sessions: [{ startsAt: `${addDays(today, 7)}T19:00:00+08:00`, endsAt: `${addDays(today, 7)}T21:00:00+08:00` }],
  };
}

function livestreamBody(postId: string, today: string): Record<string, unknown> {
  return {
    title: '妈妈岗直播带岗',
    platform: 'wechat_channels',
    channelsId: 'sphABCdef123',
    startsAt: `${addDays(today, 1)}T10:00:00+08:00`,
    endsAt: `${addDays(today, 1)}T11:00:00+08:00`,
    postIds: [postId],
  };
}

const id = (pick: (f: BadInputFixtures) => string) => (f: BadInputFixtures) => ({ id: pick(f) });

export const BODY_ROUTES: readonly BodyRoute[] = [
  // auth
  { method: 'POST', path: '/api/auth/wechat', body: true, as: 'public', allowed5xx: ['WECHAT_NOT_CONFIGURED'] },
  { method: 'POST', path: '/api/auth/dev', body: true, as: 'public' },
  { method: 'POST', path: '/api/auth/phone/wechat', body: true, as: 'newcomer', allowed5xx: ['WECHAT_NOT_CONFIGURED'] },
  { method: 'POST', path: '/api/auth/phone/code', body: true, as: 'newcomer' },
  {
    method: 'POST',
    path: '/api/auth/phone/verify',
    body: true,
    as: 'newcomer',
    refusalWrites: { tables: ['phone_codes'], why: 'a wrong code counts against the code (5 tries, then it is void)' },
  },
  // privacy: a staff account, which the route refuses to close (409) after validation, so the
  // fuzz does not delete the account it signs in with.
  { method: 'POST', path: '/api/me/delete', body: true, as: 'station-huancui' },
  // employers
  {
    method: 'POST',
    path: '/api/employers',
    body: true,
    as: 'newcomer',
    valid: () => ({
      uscc: makeUscc('91371002MA9F00001'),
      name: '威海模糊测试服饰有限公司',
      kind: 'enterprise',
      regionCode: '371002',
      contactName: '张经理',
      contactPhone: '13812345678',
      address: '环翠区文化西路1号',
      location: { lat: 37.51, lng: 122.11 },
      facilities: { motherBabyRoom: true, childcare: false, shuttleBus: true },
    }),
  },
  { method: 'PUT', path: '/api/employers/{id}', body: true, as: 'employer-xinya', params: id((f) => f.pendingEmployer) },
  { method: 'PUT', path: '/api/employers/{id}/details', body: true, as: 'employer-nuanyang', params: id((f) => f.employer) },
  { method: 'POST', path: '/api/official/employers/{id}/approve', body: true, as: 'official-huancui', params: id((f) => f.pendingEmployer) },
  { method: 'POST', path: '/api/official/employers/{id}/reject', body: true, as: 'official-huancui', params: id((f) => f.pendingEmployer) },
  { method: 'POST', path: '/api/official/employers/{id}/friendly', body: true, as: 'official-huancui', params: id((f) => f.employer) },
  // posts
  {
    method: 'POST',
    path: '/api/employers/{employerId}/posts',
    body: true,
    as: 'employer-nuanyang',
    params: (f) => ({ employerId: f.employer }),
    valid: (_, today) => ({
      type: 'production_line',
      title: '缝纫工（可提前下班接孩子）',
      description: '计件，可带回家做',
      headcount: 3,
      pay: { basis: 'monthly', min: 4000, max: 5000 },
      schedule: { flexible: false, windows: [{ day: 1, start: '09:00', end: '15:00' }, { day: 3, start: '09:00', end: '15:00' }] },
      modes: ['flexible_leave'],
      place: { remote: false, takeHome: false, location: { lat: 37.51, lng: 122.11 }, address: '环翠区文化西路1号' },
      skills: ['缝纫'],
      facilities: { motherBabyRoom: true, shuttleBus: false, childMayCome: false },
      validUntil: addDays(today, 30),
    }),
  },
  { method: 'POST', path: '/api/official/posts/{id}/take-down', body: true, as: 'official-huancui', params: id((f) => f.postToTakeDown) },
  // mothers
  {
    method: 'PUT',
    path: '/api/mothers/me',
    body: true,
    as: 'mother-wang',
    valid: () => ({
      name: '王芳',
      regionCode: '371002',
      children: [{ birthYear: 2024, birthMonth: 5 }],
      home: { lat: 37.509, lng: 122.112 },
      availableWindows: [{ day: 1, start: '09:00', end: '15:00' }],
      desiredHourly: 25,
      wantedTypes: ['production_line'],
      wantedModes: ['take_home'],
      skills: ['缝纫'],
      consent: { noticeVersion: 'sensitive-v1' },
    }),
  },
  // applications
  { method: 'POST', path: '/api/posts/{id}/applications', body: true, as: 'mother-wang', params: id((f) => f.post) },
  { method: 'POST', path: '/api/applications/{id}/withdraw', body: false, as: 'mother-wang', params: id((f) => f.application) },
  { method: 'POST', path: '/api/applications/{id}/accept', body: false, as: 'employer-nuanyang', params: id((f) => f.application) },
  { method: 'POST', path: '/api/applications/{id}/reject', body: true, as: 'employer-nuanyang', params: id((f) => f.application) },
  {
    method: 'POST',
    path: '/api/applications/{id}/hire',
    body: true,
    as: 'employer-nuanyang',
    params: id((f) => f.acceptedApplication),
    valid: (_, today) => ({ startDate: today, contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true }),
  },
  // resume
  { method: 'PUT', path: '/api/resume/me', body: true, as: 'mother-wang' },
  { method: 'POST', path: '/api/resume/me/optimise', body: false, as: 'mother-wang' },
  { method: 'POST', path: '/api/resume/me/suggestions/{id}/accept', body: false, as: 'mother-wang', params: id((f) => f.unknown) },
  { method: 'POST', path: '/api/resume/me/suggestions/{id}/reject', body: false, as: 'mother-wang', params: id((f) => f.unknown) },
  // rights
  {
    method: 'POST',
    path: '/api/rights/cases',
    body: true,
    as: 'mother-wang',
    valid: (f) => ({ kind: 'complaint', category: 'forced_overtime', text: '说好每天下午4点可以接孩子，现在要求加班到7点', postId: f.post, employerId: f.employer }),
  },
  { method: 'POST', path: '/api/official/rights/cases/{id}/handle', body: true, as: 'official-huancui', params: id((f) => f.rightsCase) },
  { method: 'POST', path: '/api/rights/promise-checks/{id}/answer', body: true, as: 'mother-li', params: id((f) => f.promiseCheck) },
  // follow-up (12333)
  {
    method: 'POST',
    path: '/api/mothers/{id}/services',
    body: true,
    as: 'station-huancui',
    params: id((f) => f.deskMother),
    // Just now: not in the future, not before the demo seed registered her.
    valid: (f) => ({ kind: 'job_recommendation', servedAt: new Date(Date.now() - 1_000).toISOString(), channel: 'phone', content: '推荐了缝纫工岗位', outcome: '她打算下周去面试', postIds: [f.post] }),
  },
  { method: 'POST', path: '/api/mothers/{id}/recommendations/resume', body: false, as: 'station-huancui', params: id((f) => f.deskMother) },
  {
    method: 'POST',
    path: '/api/mothers/{id}/hired-elsewhere',
    body: true,
    as: 'station-huancui',
    params: id((f) => f.deskMother),
    valid: (_, today) => ({ hiredOn: today, employerName: '威海某服装厂', continueRecommendations: false }),
  },
  // stations
  {
    method: 'POST',
    path: '/api/official/stations',
    body: true,
    as: 'official-huancui',
    valid: () => ({
      name: '广州路社区妈妈岗驿站',
      regionCode: '371002',
      address: '环翠区广州路88号',
      location: { lat: 37.5, lng: 122.12 },
      openingHours: '周一至周五 8:30-17:30',
      services: ['registration', 'rights_consultation'],
      rightsConsultationHours: '每周二上午',
      hasChildRoom: true,
    }),
  },
  { method: 'POST', path: '/api/official/stations/{id}/workers', body: true, as: 'official-huancui', params: id((f) => f.station) },
  {
    method: 'POST',
    path: '/api/stations/{id}/registrations',
    body: true,
    as: 'station-huancui',
    params: id((f) => f.station),
    valid: (_, today) => ({
      name: '赵敏',
      phone: '13906319977',
      idNumber: makeResidentId('37100219910315402'),
      children: [{ birthYear: 2023, birthMonth: 4 }],
      home: { lat: 37.50123, lng: 122.12345 },
      availableWindows: [{ day: 2, start: '09:00', end: '15:00' }],
      desiredHourly: 22,
      wantedTypes: ['handicraft'],
      wantedModes: ['take_home'],
      skills: ['缝纫'],
      trainingNeeds: ['handicraft'],
      registeredUnemployedSince: '2026-06-01',
      consent: { noticeVersion: 'sensitive-v1', givenAt: `${addDays(today, -1)}T09:55:00+08:00` },
    }),
  },
  { method: 'POST', path: '/api/mothers/{id}/survey', body: true, as: 'station-huancui', params: id((f) => f.deskMother) },
  // policies
  { method: 'POST', path: '/api/official/policies', body: true, as: 'official-huancui' },
  { method: 'POST', path: '/api/official/minimum-wages', body: true, as: 'official-huancui' },
  // training
  { method: 'POST', path: '/api/training/courses', body: true, as: 'station-huancui', valid: (f, today) => courseBody(f.station, today) },
  { method: 'POST', path: '/api/training/courses/{id}/signup', body: false, as: 'mother-wang', params: id((f) => f.course) },
  { method: 'POST', path: '/api/training/courses/{id}/signup/cancel', body: false, as: 'mother-wang', params: id((f) => f.course) },
  {
    method: 'PUT',
    path: '/api/training/courses/{id}/sessions/{sessionId}/attendance',
    body: true,
    as: 'station-huancui',
    params: (f) => ({ id: f.course, sessionId: f.session }),
    valid: (f) => ({ records: [{ motherId: f.deskMother, present: true }] }),
  },
  { method: 'POST', path: '/api/training/courses/{id}/cancel', body: true, as: 'station-huancui', params: id((f) => f.courseToCancel) },
  // claims
  {
    method: 'POST',
    path: '/api/employers/{employerId}/claims/check',
    body: true,
    as: 'employer-nuanyang',
    params: (f) => ({ employerId: f.employer }),
    valid: (f) => ({ hireId: f.hire, subsidyCode: 'employer_social_insurance_full', socialInsuranceMonths: 12, employerContributionPerMonth: 812.5 }),
  },
  {
    method: 'POST',
    path: '/api/employers/{employerId}/claims',
    body: true,
    as: 'employer-nuanyang',
    params: (f) => ({ employerId: f.employer }),
    valid: (f) => ({ hireId: f.hire, subsidyCode: 'employer_social_insurance_full', socialInsuranceMonths: 12, employerContributionPerMonth: 812.5 }),
  },
  {
    method: 'POST',
    path: '/api/employers/{employerId}/hires/{hireId}/end',
    body: true,
    as: 'employer-nuanyang',
    params: (f) => ({ employerId: f.employer, hireId: f.hire }),
  },
  // her own flexible-employment subsidy (the fixture hire may be another mother's: 404 after validation)
  {
    method: 'POST',
    path: '/api/claims/mine/check',
    body: true,
    as: 'mother-wang',
    valid: (f) => ({ hireId: f.hire, flexibleEmploymentRegisteredOn: '2026-01-05', selfPaidInsuranceMonths: 6 }),
  },
  {
    method: 'POST',
    path: '/api/claims/mine',
    body: true,
    as: 'mother-wang',
    valid: (f) => ({ hireId: f.hire, flexibleEmploymentRegisteredOn: '2026-01-05', selfPaidInsuranceMonths: 6 }),
  },
  { method: 'POST', path: '/api/official/claims/{id}/approve', body: true, as: 'official-huancui', params: id((f) => f.claim) },
  { method: 'POST', path: '/api/official/claims/{id}/reject', body: true, as: 'official-huancui', params: id((f) => f.claim) },
  { method: 'POST', path: '/api/official/claims/propose', body: true, as: 'official-huancui' },
  // fraud
  { method: 'POST', path: '/api/official/fraud/scan', body: true, as: 'official-huancui' },
  { method: 'POST', path: '/api/official/fraud/flags/{id}/resolve', body: true, as: 'official-huancui', params: id((f) => f.unknown) },
  // fairs and livestreams
  { method: 'POST', path: '/api/fairs', body: true, as: 'station-huancui', valid: (f, today) => fairBody(f.employer, f.post, today) },
  {
    method: 'PUT',
    path: '/api/fairs/{id}/employers',
    body: true,
    as: 'station-huancui',
    params: id((f) => f.fair),
    valid: (f) => ({ employers: [{ employerId: f.employer, postIds: [f.post] }] }),
  },
  { method: 'POST', path: '/api/fairs/{id}/cancel', body: true, as: 'station-huancui', params: id((f) => f.fairToCancel) },
  { method: 'POST', path: '/api/fairs/{id}/signups', body: false, as: 'mother-wang', params: id((f) => f.fair) },
  { method: 'POST', path: '/api/fairs/{id}/signups/cancel', body: false, as: 'mother-wang', params: id((f) => f.fair) },
  { method: 'POST', path: '/api/fairs/{id}/check-ins', body: true, as: 'station-huancui', params: id((f) => f.fair) },
  { method: 'POST', path: '/api/fairs/{id}/walk-ins', body: true, as: 'station-huancui', params: id((f) => f.fair) },
  { method: 'POST', path: '/api/fairs/{id}/livestreams', body: true, as: 'station-huancui', params: id((f) => f.fair), valid: (f, today) => livestreamBody(f.post, today) },
  { method: 'POST', path: '/api/posts/{id}/livestreams', body: true, as: 'employer-nuanyang', params: id((f) => f.post), valid: (f, today) => livestreamBody(f.post, today) },
  // sharing
  {
    method: 'POST',
    path: '/api/employers/{employerId}/sharing/listings',
    body: true,
    as: 'employer-nuanyang',
    params: (f) => ({ employerId: f.employer }),
    valid: (_, today) => ({ side: 'offer', workers: 3, from: addDays(today, 7), to: addDays(today, 40), skills: ['包装', '缝纫'], note: '淡季车间富余' }),
  },
  { method: 'POST', path: '/api/sharing/listings/{id}/close', body: false, as: 'employer-nuanyang', params: id((f) => f.unknown) },
  { method: 'POST', path: '/api/sharing/proposals', body: true, as: 'employer-nuanyang' },
  { method: 'POST', path: '/api/sharing/proposals/{id}/accept', body: false, as: 'employer-nuanyang', params: id((f) => f.unknown) },
  { method: 'POST', path: '/api/sharing/proposals/{id}/decline', body: false, as: 'employer-nuanyang', params: id((f) => f.unknown) },
  { method: 'POST', path: '/api/sharing/consents/{id}/accept', body: false, as: 'mother-wang', params: id((f) => f.unknown) },
  { method: 'POST', path: '/api/sharing/consents/{id}/decline', body: false, as: 'mother-wang', params: id((f) => f.unknown) },
];

/**
 * Every handler Nest has mounted, documented or not, as `METHOD /api/path/{param}` (OpenAPI
 * style), read from the controllers' route metadata.
 */
export function mountedRoutes(app: INestApplication): Set<string> {
  const mounted = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined].flat();
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        for (const prefix of prefixes) {
          for (const path of [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()) {
            const full = ['api', prefix, path].filter((part) => part !== undefined && part !== '' && part !== '/').join('/');
            mounted.add(`${RequestMethod[method]} /${full.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}')}`);
          }
        }
      }
    }
  }
  return mounted;
}

/** `/api/fairs/{id}/cancel` with the fixture's ids in place. */
export function routeUrl(route: BodyRoute, f: BadInputFixtures): string {
  const params = route.params?.(f) ?? {};
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`bad-input: no fixture for {${name}} of ${route.method} ${route.path}`);
    return value;
  });
}

/** Today in China (UTC+8), YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const CALLERS: readonly Exclude<Caller, 'public'>[] = [
  'newcomer',
  'mother-wang',
  'mother-li',
  'employer-nuanyang',
  'employer-xinya',
  'station-huancui',
  'official-huancui',
];

async function one<T = string>(t: TestApp, sql: string, params: unknown[] = [], column = 'id'): Promise<T> {
  const rows = (await t.dataSource.query(sql, params)) as Record<string, unknown>[];
  if (rows.length === 0) throw new Error(`bad-input fixtures: no row for ${sql} ${JSON.stringify(params)}`);
  return rows[0]![column] as T;
}

/**
 * Ids for every path parameter, on the demo city (SEED_DEMO) plus what the demo lacks:
 * applications and a hire of Weihai mothers, a claim, a promise check, fairs, courses and a
 * rights case, made through the API where a route exists (so they are what the API writes).
 */
export async function setUpBadInputFixtures(t: TestApp): Promise<{ fixtures: BadInputFixtures; auth: Record<Caller, Record<string, string>>; ids: string[] }> {
  const auth = { public: {} } as Record<Caller, Record<string, string>>;
  const userIds = {} as Record<string, string>;
  for (const caller of CALLERS) {
    userIds[caller] = await one(t, `SELECT id FROM users WHERE demo_key = $1`, [caller]);
    auth[caller] = tokenFor(t, userIds[caller]!).auth;
  }
  const today = chinaToday();
  const employer = await one(t, `SELECT id FROM employers WHERE name = '威海暖阳服饰有限公司'`);
  const pendingEmployer = await one(t, `SELECT id FROM employers WHERE status = 'pending' ORDER BY name LIMIT 1`);
  const post = (await insertPost(t, employer, { headcount: 50, title: '模糊测试岗位' })).id;
  const postToTakeDown = (await insertPost(t, employer, { title: '模糊测试下架岗位' })).id;
  const hiredPost = (await insertPost(t, employer, { headcount: 5, title: '模糊测试录用岗位' })).id;
  const station = await one(t, `SELECT id FROM stations WHERE region_code = '371002' ORDER BY name LIMIT 1`);
  const wang = await one(t, `SELECT id FROM mothers WHERE user_id = $1`, [userIds['mother-wang']]);
  const li = await one(t, `SELECT id FROM mothers WHERE user_id = $1`, [userIds['mother-li']]);
  const deskMother = await one(t, `SELECT id FROM mothers WHERE station_id = $1 ORDER BY name LIMIT 1`, [station]);

  const applicationId = await application(t.dataSource, { postId: post, motherId: wang, employerId: employer });
  const acceptedApplication = await application(t.dataSource, { postId: hiredPost, motherId: wang, employerId: employer, status: 'accepted' });
  // Started 40 days ago: old enough for a promise check.
  const hired = await hire(t.dataSource, { postId: hiredPost, motherId: li, employerId: employer, startDate: addDays(today, -40) });
  await t.app.get(RightsService).askDuePromiseChecks(new Date());
  const promiseCheck = await one(t, `SELECT id FROM promise_checks WHERE hire_id = $1`, [hired.hireId]);
  const policyVersion = await one(t, `SELECT id FROM policy_versions WHERE kind = 'policy' ORDER BY effective_from DESC LIMIT 1`);
  const claim = await one(
    t,
    `INSERT INTO subsidy_claims (hire_id, employer_id, mother_id, region_code, subsidy_code, subsidy_family, source, status, period_from, period_to,
       amount, basis, policy_version_id, check_result, created_at, updated_at)
     VALUES ($1, $2, $3, '371002', 'employer_social_insurance_flat', 'social_insurance', 'employer', 'submitted', $4, $5, 1000, '威人社字〔2025〕6号', $6, '{}', now(), now())
     RETURNING id`,
    [hired.hireId, employer, li, addDays(today, -40), addDays(today, 324), policyVersion],
  );

  const worker = auth['station-huancui'];
  const fairInput = fairBody(employer, post, today);
  const fair = (await t.http.post('/api/fairs').set(worker).send(fairInput).expect(201)).body.id as string;
  const fairToCancel = (await t.http.post('/api/fairs').set(worker).send(fairInput).expect(201)).body.id as string;
  const courseInput = courseBody(station, today);
  const course = (await t.http.post('/api/training/courses').set(worker).send(courseInput).expect(201)).body as { id: string; sessions: { id: string }[] };
  const courseToCancel = (await t.http.post('/api/training/courses').set(worker).send(courseInput).expect(201)).body.id as string;
  const rightsCase = (
    await t.http
      .post('/api/rights/cases')
      .set(auth['mother-wang'])
      .send({ kind: 'complaint', category: 'other', text: '模糊测试投诉内容', employerId: employer })
      .expect(201)
  ).body.id as string;

  const fixtures: BadInputFixtures = {
    employer,
    pendingEmployer,
    post,
    postToTakeDown,
    station,
    deskMother,
    application: applicationId,
    acceptedApplication,
    hire: hired.hireId,
    claim,
    rightsCase,
    promiseCheck,
    fair,
    fairToCancel,
    course: course.id,
    courseToCancel,
    session: course.sessions[0]!.id,
    unknown: randomUUID(),
  };
  const ids = [...new Set([...Object.values(fixtures), wang, li, hiredPost, hired.applicationId, ...Object.values(userIds)])];
  return { fixtures, auth, ids };
}
