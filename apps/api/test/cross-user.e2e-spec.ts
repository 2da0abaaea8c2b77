import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { filing } from './support/employer-fixtures';
import { insertEmployer, insertMother, signInAs, WEEKDAYS_9_TO_3 } from './support/fixtures';
import { BODY_ROUTES, chinaToday, mountedRoutes, setUpBadInputFixtures, type BadInputFixtures, type BodyRoute, type Caller } from './support/bad-input-routes';
import { station as insertStation } from './support/issue6-rows';
import { emptyResume } from '../src/modules/resume/resume-content';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Cross-user sweep: every route that takes an object id in its path is called with the ids of
 * world A (the demo city, Huancui district: employer 暖阳, its posts, applications, hire, claim,
 * fair, course, livestream, sharing listing, proposal and consent, station worker and desk
 * mother, rights case, promise check, resume suggestion, fraud flag) by the users of world B —
 * a mother, an employer member and an official of another city (Zhongshan), a station worker of
 * another district (Wendeng) — by a mother and an employer of A's own district who do not own
 * the objects, and with no token. No token: 401; anyone else: 403 or 404; never a 2xx or 5xx.
 * Each body is a valid one, so the ownership check is what answers. Then A's owner calls the
 * route (the ids are real): a GET answers 200, a change 2xx or a business-rule refusal; an
 * unknown field in her body is refused (400 VALIDATION_FAILED). Public routes may answer anyone,
 * but nothing private of world A may be in the answer (mobiles, ID numbers, mothers' names).
 * The table is checked against the routes Nest has mounted, so a new route must be classified.
 */

type Outsider = 'public' | 'mother-b' | 'employer-b' | 'station-b' | 'official-b' | 'neighbour-mother' | 'neighbour-employer';
type Owner = Exclude<Caller, 'public' | 'newcomer'> | 'employer-a2';
/** World B, plus a mother and an approved employer of world A's own district (not the owners). */
const OUTSIDERS: readonly Outsider[] = ['public', 'mother-b', 'employer-b', 'station-b', 'official-b', 'neighbour-mother', 'neighbour-employer'];
const MOTHERS: readonly Outsider[] = ['mother-b', 'neighbour-mother'];

interface World extends BadInputFixtures {
  readonly livestream: string;
  readonly listing: string;
  readonly proposal: string;
  readonly consent: string;
  readonly suggestion: string;
  readonly fraudFlag: string;
}

interface SweptRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI style, as mountedRoutes gives it. */
  readonly path: string;
  /**
   * private: only world A's owner (and staff of A's region) may act; public: anyone may read it
   * (the answer is scanned for private data); open: a signed-in mother acts on a public object
   * for herself (applying, signing up), so mother B may; everyone else is refused.
   */
  readonly kind: 'private' | 'public' | 'open';
  readonly params: (w: World) => Readonly<Record<string, string>>;
  /**
   * Who in world A may call it (the positive control, after the outsiders): a GET answers her
   * 200; a change answers 2xx or a business-rule 4xx (the object is real and hers), never
   * 401, 403 or 404. Every route but the public ones has one.
   */
  readonly owner?: Owner;
  /** A body the owner could send, so the ownership check (not validation) is what refuses. */
  readonly body?: (w: World, today: string) => Record<string, unknown>;
  /** A valid query string, for routes that require one. */
  readonly query?: (today: string) => Record<string, string>;
}

const id = (pick: (w: World) => string) => (w: World) => ({ id: pick(w) });
const employerId = (w: World) => ({ employerId: w.employer });

/** The valid body the bad-input table has for a route, if any. */
function validBody(method: string, path: string): BodyRoute['valid'] {
  const route = BODY_ROUTES.find((r) => r.method === method && r.path === path);
  return route?.valid;
}

const ROUTES: readonly SweptRoute[] = [
  // applications
  { method: 'POST', path: '/api/posts/{id}/applications', kind: 'open', owner: 'mother-wang', params: id((w) => w.post), body: () => ({}) },
  { method: 'POST', path: '/api/applications/{id}/withdraw', kind: 'private', owner: 'mother-wang', params: id((w) => w.application) },
  { method: 'GET', path: '/api/employers/{employerId}/applications', kind: 'private', params: employerId, owner: 'employer-nuanyang' },
  { method: 'POST', path: '/api/applications/{id}/accept', kind: 'private', owner: 'employer-nuanyang', params: id((w) => w.application) },
  { method: 'POST', path: '/api/applications/{id}/reject', kind: 'private', owner: 'employer-nuanyang', params: id((w) => w.application), body: () => ({ reason: '岗位已招满' }) },
  { method: 'POST', path: '/api/applications/{id}/hire', kind: 'private', owner: 'employer-nuanyang', params: id((w) => w.acceptedApplication), body: validBody('POST', '/api/applications/{id}/hire') },
  { method: 'GET', path: '/api/employers/{employerId}/hires', kind: 'private', params: employerId, owner: 'employer-nuanyang' },
  // claims
  { method: 'POST', path: '/api/employers/{employerId}/claims/check', kind: 'private', owner: 'employer-nuanyang', params: employerId, body: validBody('POST', '/api/employers/{employerId}/claims/check') },
  { method: 'POST', path: '/api/employers/{employerId}/claims', kind: 'private', owner: 'employer-nuanyang', params: employerId, body: validBody('POST', '/api/employers/{employerId}/claims') },
  { method: 'GET', path: '/api/employers/{employerId}/claims', kind: 'private', params: employerId, owner: 'employer-nuanyang' },
  { method: 'POST', path: '/api/employers/{employerId}/hires/{hireId}/end', kind: 'private', owner: 'employer-nuanyang', params: (w) => ({ employerId: w.employer, hireId: w.hire }), body: (_, today) => ({ endedOn: today, reason: '本人辞职' }) },
  { method: 'GET', path: '/api/claims/{id}', kind: 'private', params: id((w) => w.claim), owner: 'employer-nuanyang' },
  { method: 'POST', path: '/api/official/claims/{id}/approve', kind: 'private', owner: 'official-huancui', params: id((w) => w.claim), body: () => ({}) },
  { method: 'POST', path: '/api/official/claims/{id}/reject', kind: 'private', owner: 'official-huancui', params: id((w) => w.claim), body: () => ({ reason: '材料不全' }) },
  // employers
  { method: 'PUT', path: '/api/employers/{id}', kind: 'private', owner: 'employer-xinya', params: id((w) => w.pendingEmployer), body: () => filing({ name: '威海跨用户测试有限公司' }) },
  {
    method: 'PUT',
    path: '/api/employers/{id}/details',
    kind: 'private',
    owner: 'employer-nuanyang',
    params: id((w) => w.employer),
    body: () => {
      const { contactName, contactPhone, address, location, facilities } = filing();
      return { contactName, contactPhone, address, location, facilities };
    },
  },
  { method: 'GET', path: '/api/employers/{id}', kind: 'public', params: id((w) => w.employer) },
  { method: 'POST', path: '/api/official/employers/{id}/approve', kind: 'private', owner: 'official-huancui', params: id((w) => w.pendingEmployer), body: () => ({}) },
  { method: 'POST', path: '/api/official/employers/{id}/reject', kind: 'private', owner: 'official-huancui', params: id((w) => w.pendingEmployer), body: () => ({ reason: '营业执照不清晰' }) },
  { method: 'POST', path: '/api/official/employers/{id}/friendly', kind: 'private', owner: 'official-huancui', params: id((w) => w.employer), body: () => ({ friendly: true }) },
  { method: 'GET', path: '/api/official/employers/{id}/record', kind: 'private', params: id((w) => w.employer), owner: 'official-huancui' },
  { method: 'GET', path: '/api/policies/employers/{id}', kind: 'private', params: id((w) => w.employer), owner: 'employer-nuanyang' },
  // posts
  { method: 'POST', path: '/api/employers/{employerId}/posts', kind: 'private', owner: 'employer-nuanyang', params: employerId, body: validBody('POST', '/api/employers/{employerId}/posts') },
  { method: 'GET', path: '/api/employers/{employerId}/posts', kind: 'private', params: employerId, owner: 'employer-nuanyang' },
  { method: 'GET', path: '/api/posts/{id}', kind: 'public', params: id((w) => w.post) },
  { method: 'POST', path: '/api/official/posts/{id}/take-down', kind: 'private', owner: 'official-huancui', params: id((w) => w.postToTakeDown), body: () => ({ reason: '岗位信息与实际不符' }) },
  // fairs and livestreams
  { method: 'GET', path: '/api/fairs/{id}', kind: 'public', params: id((w) => w.fair) },
  { method: 'PUT', path: '/api/fairs/{id}/employers', kind: 'private', owner: 'station-huancui', params: id((w) => w.fair), body: validBody('PUT', '/api/fairs/{id}/employers') },
  { method: 'POST', path: '/api/fairs/{id}/cancel', kind: 'private', owner: 'station-huancui', params: id((w) => w.fairToCancel), body: () => ({ reason: '天气原因' }) },
  { method: 'POST', path: '/api/fairs/{id}/signups', kind: 'open', owner: 'mother-wang', params: id((w) => w.fair) },
  { method: 'POST', path: '/api/fairs/{id}/signups/cancel', kind: 'open', owner: 'mother-wang', params: id((w) => w.fair) },
  { method: 'GET', path: '/api/fairs/{id}/signups', kind: 'private', params: id((w) => w.fair), owner: 'station-huancui' },
  { method: 'POST', path: '/api/fairs/{id}/check-ins', kind: 'private', owner: 'station-huancui', params: id((w) => w.fair), body: () => ({ code: '000012-00007-4839203' }) },
  { method: 'POST', path: '/api/fairs/{id}/walk-ins', kind: 'private', owner: 'station-huancui', params: id((w) => w.fair), body: (w) => ({ motherId: w.deskMother }) },
  { method: 'GET', path: '/api/fairs/{id}/stats', kind: 'private', params: id((w) => w.fair), owner: 'station-huancui' },
  { method: 'POST', path: '/api/fairs/{id}/livestreams', kind: 'private', owner: 'station-huancui', params: id((w) => w.fair), body: validBody('POST', '/api/fairs/{id}/livestreams') },
  { method: 'POST', path: '/api/posts/{id}/livestreams', kind: 'private', owner: 'employer-nuanyang', params: id((w) => w.post), body: validBody('POST', '/api/posts/{id}/livestreams') },
  { method: 'GET', path: '/api/livestreams/{id}', kind: 'public', params: id((w) => w.livestream) },
  { method: 'GET', path: '/api/livestreams/{id}/stats', kind: 'private', params: id((w) => w.livestream), owner: 'employer-nuanyang' },
  // follow-up (12333) and stations
  { method: 'GET', path: '/api/mothers/{id}/plan', kind: 'private', params: id((w) => w.deskMother), owner: 'station-huancui' },
  { method: 'POST', path: '/api/mothers/{id}/services', kind: 'private', owner: 'station-huancui', params: id((w) => w.deskMother), body: validBody('POST', '/api/mothers/{id}/services') },
  { method: 'GET', path: '/api/mothers/{id}/recommendations', kind: 'private', params: id((w) => w.deskMother), owner: 'station-huancui' },
  { method: 'GET', path: '/api/mothers/{id}/courses', kind: 'private', params: id((w) => w.deskMother), owner: 'station-huancui' },
  { method: 'POST', path: '/api/mothers/{id}/recommendations/resume', kind: 'private', owner: 'station-huancui', params: id((w) => w.deskMother) },
  { method: 'GET', path: '/api/mothers/{id}/policies', kind: 'private', params: id((w) => w.deskMother), owner: 'station-huancui' },
  { method: 'POST', path: '/api/mothers/{id}/hired-elsewhere', kind: 'private', owner: 'station-huancui', params: id((w) => w.deskMother), body: validBody('POST', '/api/mothers/{id}/hired-elsewhere') },
  { method: 'POST', path: '/api/mothers/{id}/survey', kind: 'private', owner: 'station-huancui', params: id((w) => w.deskMother), body: () => ({ version: 'needs-v1', answers: {} }) },
  { method: 'GET', path: '/api/stations/{id}/completion', kind: 'private', params: id((w) => w.station), owner: 'station-huancui' },
  {
    method: 'GET',
    path: '/api/stations/{id}/ledger.xlsx',
    kind: 'private',
    params: id((w) => w.station),
    owner: 'station-huancui',
    query: (today) => ({ month: today.slice(0, 7) }),
  },
  { method: 'GET', path: '/api/stations/{id}', kind: 'public', params: id((w) => w.station) },
  { method: 'POST', path: '/api/stations/{id}/registrations', kind: 'private', owner: 'station-huancui', params: id((w) => w.station), body: validBody('POST', '/api/stations/{id}/registrations') },
  { method: 'GET', path: '/api/stations/{id}/mothers', kind: 'private', params: id((w) => w.station), owner: 'station-huancui' },
  { method: 'POST', path: '/api/official/stations/{id}/workers', kind: 'private', owner: 'official-huancui', params: id((w) => w.station), body: () => ({ demoKey: 'mother-li' }) },
  // fraud
  { method: 'GET', path: '/api/official/fraud/flags/{id}', kind: 'private', params: id((w) => w.fraudFlag), owner: 'official-huancui' },
  { method: 'POST', path: '/api/official/fraud/flags/{id}/resolve', kind: 'private', owner: 'official-huancui', params: id((w) => w.fraudFlag), body: () => ({ outcome: 'dismissed', note: '核实无异常' }) },
  // resume
  { method: 'POST', path: '/api/resume/me/suggestions/{id}/accept', kind: 'private', owner: 'mother-wang', params: id((w) => w.suggestion) },
  { method: 'POST', path: '/api/resume/me/suggestions/{id}/reject', kind: 'private', owner: 'mother-wang', params: id((w) => w.suggestion) },
  // rights
  { method: 'GET', path: '/api/rights/cases/{id}', kind: 'private', params: id((w) => w.rightsCase), owner: 'mother-wang' },
  { method: 'POST', path: '/api/official/rights/cases/{id}/handle', kind: 'private', owner: 'official-huancui', params: id((w) => w.rightsCase), body: () => ({ status: 'in_progress', note: '已联系单位' }) },
  { method: 'POST', path: '/api/rights/promise-checks/{id}/answer', kind: 'private', owner: 'mother-li', params: id((w) => w.promiseCheck), body: () => ({ hours: 'kept', contract: 'kept', insurance: 'kept', leave: 'kept' }) },
  // sharing
  { method: 'POST', path: '/api/employers/{employerId}/sharing/listings', kind: 'private', owner: 'employer-nuanyang', params: employerId, body: validBody('POST', '/api/employers/{employerId}/sharing/listings') },
  { method: 'GET', path: '/api/employers/{employerId}/sharing/listings', kind: 'private', params: employerId, owner: 'employer-nuanyang' },
  { method: 'POST', path: '/api/sharing/listings/{id}/close', kind: 'private', owner: 'employer-nuanyang', params: id((w) => w.listing) },
  { method: 'GET', path: '/api/employers/{employerId}/sharing/employees', kind: 'private', params: employerId, owner: 'employer-nuanyang' },
  { method: 'POST', path: '/api/sharing/proposals/{id}/accept', kind: 'private', owner: 'employer-a2', params: id((w) => w.proposal) },
  { method: 'POST', path: '/api/sharing/proposals/{id}/decline', kind: 'private', owner: 'employer-a2', params: id((w) => w.proposal) },
  { method: 'POST', path: '/api/sharing/consents/{id}/accept', kind: 'private', owner: 'mother-li', params: id((w) => w.consent) },
  { method: 'POST', path: '/api/sharing/consents/{id}/decline', kind: 'private', owner: 'mother-li', params: id((w) => w.consent) },
  // training
  { method: 'GET', path: '/api/training/courses/{id}', kind: 'public', params: id((w) => w.course) },
  { method: 'POST', path: '/api/training/courses/{id}/signup', kind: 'open', owner: 'mother-wang', params: id((w) => w.course) },
  { method: 'POST', path: '/api/training/courses/{id}/signup/cancel', kind: 'open', owner: 'mother-wang', params: id((w) => w.course) },
  { method: 'GET', path: '/api/training/courses/{id}/signups', kind: 'private', params: id((w) => w.course), owner: 'station-huancui' },
  {
    method: 'PUT',
    path: '/api/training/courses/{id}/sessions/{sessionId}/attendance',
    kind: 'private',
    owner: 'station-huancui',
    params: (w) => ({ id: w.course, sessionId: w.session }),
    body: validBody('PUT', '/api/training/courses/{id}/sessions/{sessionId}/attendance'),
  },
  { method: 'POST', path: '/api/training/courses/{id}/cancel', kind: 'private', owner: 'station-huancui', params: id((w) => w.courseToCancel), body: () => ({ reason: '讲师临时有事' }) },
];

function url(route: SweptRoute, w: World): string {
  const params = route.params(w);
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`cross-user: no id for {${name}} of ${route.method} ${route.path}`);
    return value;
  });
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/** Paths in `value` (a parsed JSON answer) holding a full mobile, an ID number or one of `secrets`. */
function privateData(value: unknown, secrets: readonly string[], at = '$'): string[] {
  if (typeof value === 'string') {
    const found: string[] = [];
    if (MOBILE.test(value)) found.push(`${at}: mobile number in ${JSON.stringify(value)}`);
    if (RESIDENT_ID.test(value)) found.push(`${at}: ID number in ${JSON.stringify(value)}`);
    for (const secret of secrets) if (value.includes(secret)) found.push(`${at}: ${JSON.stringify(secret)} in ${JSON.stringify(value)}`);
    return found;
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => privateData(v, secrets, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => privateData(v, secrets, `${at}.${k}`));
  return [];
}

describe('cross-user sweep: every route with an id in its path, called by the users of another world', () => {
  let t: TestApp;
  let w: World;
  let auth: Record<Owner | Outsider, Record<string, string>>;
  /** Values of world A no public answer may hold: its mothers' names, phones and ID numbers. */
  let secrets: string[];
  const today = chinaToday();

  beforeAll(async () => {
    t = await createTestApp({ env: { SEED_DEMO: 'true', DEV_LOGIN: 'true' } });
    const a = await setUpBadInputFixtures(t);
    const f = a.fixtures;
    const ds = t.dataSource;
    const one = async (sql: string, params: unknown[]): Promise<string> => ((await ds.query(sql, params)) as { id: string }[])[0]!.id;

    // World A, beyond the bad-input fixtures: a livestream, sharing (listing, proposal, consent), a resume suggestion, a fraud flag.
    const nuanyang = a.auth['employer-nuanyang'];
    const livestream = (await t.http.post(`/api/posts/${f.post}/livestreams`).set(nuanyang).send(validBody('POST', '/api/posts/{id}/livestreams')!(f, today)).expect(201)).body.id as string;
    const listingBody = validBody('POST', '/api/employers/{employerId}/sharing/listings')!(f, today);
    const listing = (await t.http.post(`/api/employers/${f.employer}/sharing/listings`).set(nuanyang).send(listingBody).expect(201)).body.id as string;
    const canteen = await insertEmployer(t, { name: '文登区跨用户食堂', regionCode: '371003' });
    const canteenMember = await signInAs(t, { roles: [{ role: 'employer_member', employerId: canteen.id }] });
    const request = (await t.http.post(`/api/employers/${canteen.id}/sharing/listings`).set(canteenMember.auth).send({ ...listingBody, side: 'request', workers: 1 }).expect(201)).body
      .id as string;
    const hire = (await ds.query(`SELECT mother_id, post_id FROM hires WHERE id = $1`, [f.hire]))[0] as { mother_id: string };
    const terms = { hourly: 30, insurance: 'social', contractForm: 'labour_contract' };
    const proposal = await one(
      `INSERT INTO sharing_proposals (offer_id, request_id, from_employer_id, to_employer_id, from_date, to_date, shared_terms, proposed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, (SELECT id FROM users WHERE demo_key = 'employer-nuanyang')) RETURNING id`,
      [listing, request, f.employer, canteen.id, listingBody.from, listingBody.to, JSON.stringify(terms)],
    );
    const consent = await one(
      `INSERT INTO sharing_consents (proposal_id, mother_id, hire_id, original_terms, shared_terms) VALUES ($1, $2, $3, $4::jsonb, $4::jsonb) RETURNING id`,
      [proposal, hire.mother_id, f.hire, JSON.stringify(terms)],
    );
    const wang = await one(`SELECT m.id FROM mothers m JOIN users u ON u.id = m.user_id WHERE u.demo_key = 'mother-wang'`, []);
    const suggestion = await one(`INSERT INTO resume_suggestions (mother_id, source, original, suggested) VALUES ($1, 'local', $2::jsonb, $3::jsonb) RETURNING id`, [
      wang,
      JSON.stringify(emptyResume(['缝纫'])),
      JSON.stringify({ ...emptyResume(['缝纫']), selfIntro: '踏实肯干，会缝纫' }),
    ]);
    const fraudFlag = await one(
      `INSERT INTO fraud_flags (rule, subject_key, region_code, explanation, objects, first_seen_at, last_seen_at)
       VALUES ('cross_user_test', $1, '371002', '跨用户测试线索', '[]', now(), now()) RETURNING id`,
      [randomUUID()],
    );
    w = { ...f, livestream, listing, proposal, consent, suggestion, fraudFlag };

    // World B: another city (Zhongshan) and another district of Weihai (Wendeng).
    const employerB = await insertEmployer(t, { name: '中山市跨用户测试酒店', regionCode: '442000', location: { lat: 22.52, lng: 113.39 } });
    const stationB = await insertStation(ds, { name: '文登区跨用户测试驿站', regionCode: '371003' });
    const motherB = await signInAs(t, { name: '中山妈妈' });
    await insertMother(t, { userId: motherB.userId, name: '中山妈妈', regionCode: '442000', availableWindows: WEEKDAYS_9_TO_3 });
    const neighbourMother = await signInAs(t, { name: '环翠邻居妈妈' });
    await insertMother(t, { userId: neighbourMother.userId, name: '环翠邻居妈妈', regionCode: '371002' });
    const neighbourEmployer = await insertEmployer(t, { name: '环翠区跨用户测试商贸有限公司', regionCode: '371002' });
    auth = {
      'mother-wang': a.auth['mother-wang'],
      'mother-li': a.auth['mother-li'],
      'employer-nuanyang': nuanyang,
      'employer-xinya': a.auth['employer-xinya'],
      'station-huancui': a.auth['station-huancui'],
      'official-huancui': a.auth['official-huancui'],
      'employer-a2': canteenMember.auth,
      public: {},
      'mother-b': motherB.auth,
      'employer-b': (await signInAs(t, { roles: [{ role: 'employer_member', employerId: employerB.id }] })).auth,
      'station-b': (await signInAs(t, { roles: [{ role: 'station_worker', stationId: stationB, regionCode: '371003' }] })).auth,
      'official-b': (await signInAs(t, { roles: [{ role: 'official', regionCode: '442000' }] })).auth,
      'neighbour-mother': neighbourMother.auth,
      'neighbour-employer': (await signInAs(t, { roles: [{ role: 'employer_member', employerId: neighbourEmployer.id }] })).auth,
    };

    const mothers = (await ds.query(`SELECT name FROM mothers WHERE region_code = '371002' AND name <> '' AND user_id IS DISTINCT FROM $1`, [neighbourMother.userId])) as { name: string }[];
    secrets = [...new Set(mothers.map((m) => m.name).filter((n) => n.length >= 2))];
  });

  afterAll(async () => {
    await t?.close();
  });

  const call = (route: SweptRoute, as: Owner | Outsider, extra: Record<string, unknown> = {}): Promise<Response> => {
    const req = t.http[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url(route, w))
      .query(route.query?.(today) ?? {})
      .set(auth[as]);
    return route.method === 'GET' || route.method === 'DELETE' ? req : req.send({ ...(route.body?.(w, today) ?? {}), ...extra });
  };

  it('classifies every mounted route that takes an id in its path', () => {
    const withParams = [...mountedRoutes(t.app)].filter((r) => r.includes('{'));
    const table = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(table).size).toBe(table.length);
    expect(withParams.filter((r) => !table.includes(r))).toEqual([]);
    expect(table.filter((r) => !withParams.includes(r))).toEqual([]);
    expect(ROUTES.filter((r) => r.kind !== 'public' && r.owner === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('shows a pending employer (its filing and contact) to no one outside its members and officials', async () => {
    const route = ROUTES.find((r) => r.path === '/api/employers/{id}')!;
    for (const as of OUTSIDERS) {
      const res = await t.http.get(url(route, w).replace(w.employer, w.pendingEmployer)).set(auth[as]);
      expect(`${as}: ${res.status}`).toMatch(/: 40[34]$/);
    }
  });

  it.each(ROUTES.filter((r) => r.kind !== 'public').map((r) => [`${r.method} ${r.path}`, r] as const))('%s: refused to the users of world B and to no one', async (_, route) => {
    const wrong: string[] = [];
    for (const as of OUTSIDERS) {
      if (route.kind === 'open' && MOTHERS.includes(as)) continue;
      const res = await call(route, as);
      // No token: 401. A signed-in outsider: 403 or 404 (a 401 would mean her token, not the rule, refused her).
      if (!(as === 'public' ? [401] : [403, 404]).includes(res.status)) wrong.push(`${as}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    expect(wrong).toEqual([]);
    const owner = route.owner!;
    if (route.body !== undefined) {
      // Unknown fields are refused, also to the owner, and before anything is done.
      const extra = await call(route, owner, { isAdmin: true, unexpectedField: 'x' });
      expect(`${extra.status} ${(extra.body as { code?: string }).code}`).toBe('400 VALIDATION_FAILED');
    }
    const res = await call(route, owner);
    const answer = `${owner}: ${res.status} ${JSON.stringify(res.body ?? null).slice(0, 200)}`;
    if (route.method === 'GET') expect(answer).toMatch(new RegExp(`^${owner}: 200 `));
    // A business rule may refuse the owner, but her body is valid: the outsiders were refused for who they are.
    else expect(answer).toMatch(new RegExp(`^${owner}: (2\\d\\d|400(?!.*VALIDATION_FAILED)|409|422) `));
  });

  it.each(ROUTES.filter((r) => r.kind === 'public').map((r) => [`${r.method} ${r.path}`, r] as const))('%s: public, with nothing private of world A', async (_, route) => {
    for (const as of OUTSIDERS) {
      const res = await call(route, as);
      expect(`${as}: ${res.status}`).toBe(`${as}: 200`);
      expect(privateData(res.body, secrets)).toEqual([]);
    }
  });

});
