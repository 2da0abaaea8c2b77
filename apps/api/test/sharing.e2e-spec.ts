import { FixedClock } from '../src/common/clock/clock';
import { DOWNTOWN, insertEmployer, insertMother, insertPost, northOf, signInAs, tokenFor } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * Worker sharing (用工余缺调剂) over HTTP: a factory with slack offers workers, a canteen short of
 * hands asks for them; they are matched within the city by period, skills and distance; the
 * factory proposes named employees on terms no worse than theirs; each mother answers herself;
 * agreements exist for the ones who said yes and for no one else.
 */

type Auth = { authorization: string };

// 2026-12-04 10:00 in China.
const START = new Date('2026-12-04T02:00:00Z');

describe('worker sharing between employers', () => {
  const clock = new FixedClock(START);
  let t: TestApp;
  const as = (userId: string): Auth => tokenFor(t, userId, clock.now()).auth;

  let factory: { id: string; name: string };
  let canteen: { id: string; name: string };
  let faraway: { id: string; name: string };
  let memberF: string;
  let memberC: string;
  let memberQ: string;
  const workers: { userId: string; motherId: string; name: string }[] = [];
  let outsider: { userId: string; motherId: string };
  let offerId: string;
  let requestId: string;

  async function employeeOf(employerId: string, postId: string, name: string): Promise<{ userId: string; motherId: string; name: string }> {
    const user = await signInAs(t, { name, now: clock.now() });
    const m = await insertMother(t, { userId: user.userId, name });
    const [a] = await t.dataSource.query(
      `INSERT INTO applications (post_id, mother_id, employer_id, status) VALUES ($1, $2, $3, 'hired') RETURNING id`,
      [postId, m.id, employerId],
    );
    await t.dataSource.query(
      `INSERT INTO hires (application_id, post_id, employer_id, mother_id, start_date, contract_form, contract_months, social_insurance)
       VALUES ($1, $2, $3, $4, '2026-06-01', 'labour_contract', 12, true)`,
      [a.id, postId, employerId, m.id],
    );
    return { userId: user.userId, motherId: m.id, name };
  }

  const listing = (overrides: Record<string, unknown> = {}) => ({
    side: 'offer',
    workers: 3,
    from: '2027-01-10',
    to: '2027-02-20',
    skills: ['包装', '缝纫'],
    note: '春节前后淡季，车间员工可到附近单位帮工',
    ...overrides,
  });

  const terms = { hourly: 30, insurance: 'social', contractForm: 'labour_contract' };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    factory = await insertEmployer(t, { name: '威海暖阳服饰有限公司', location: DOWNTOWN });
    canteen = await insertEmployer(t, { name: '文登区学苑食堂', regionCode: '371003', location: northOf(DOWNTOWN, 3) });
    faraway = await insertEmployer(t, { name: '中山市某酒店', regionCode: '442000', location: { lat: 22.52, lng: 113.39 } });
    memberF = (await signInAs(t, { roles: [{ role: 'employer_member', employerId: factory.id }], now: clock.now() })).userId;
    memberC = (await signInAs(t, { roles: [{ role: 'employer_member', employerId: canteen.id }], now: clock.now() })).userId;
    memberQ = (await signInAs(t, { roles: [{ role: 'employer_member', employerId: faraway.id }], now: clock.now() })).userId;
    const post = await insertPost(t, factory.id, { pay: { basis: 'hourly', min: 25, max: 28 }, validUntil: new Date('2027-06-30T00:00:00Z') });
    for (const name of ['王丽', '李娜', '张敏']) workers.push(await employeeOf(factory.id, post.id, name));
    const user = await signInAs(t, { name: '外单位妈妈', now: clock.now() });
    outsider = { userId: user.userId, motherId: (await insertMother(t, { userId: user.userId, name: '外单位妈妈' })).id };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('an approved employer offers workers and another asks for them; the pair is matched for both', async () => {
    const offer = await t.http.post(`/api/employers/${factory.id}/sharing/listings`).set(as(memberF)).send(listing()).expect(201);
    offerId = offer.body.id;
    expect(offer.body).toMatchObject({ side: 'offer', sideLabel: '富余用工（可调出）', regionCode: '371002', workers: 3, from: '2027-01-10', to: '2027-02-20', status: 'open' });
    const request = await t.http
      .post(`/api/employers/${canteen.id}/sharing/listings`)
      .set(as(memberC))
      .send(listing({ side: 'request', workers: 2, from: '2027-01-15', to: '2027-02-10', skills: ['包装', '面点'], note: '寒假食堂备餐' }))
      .expect(201);
    requestId = request.body.id;
    // The same season in another city, and a request in another season: not matched.
    await t.http.post(`/api/employers/${faraway.id}/sharing/listings`).set(as(memberQ)).send(listing({ side: 'request', workers: 5 })).expect(201);
    await t.http.post(`/api/employers/${canteen.id}/sharing/listings`).set(as(memberC)).send(listing({ side: 'request', from: '2027-07-01', to: '2027-08-31' })).expect(201);

    const forFactory = await t.http.get('/api/sharing/matches').query({ employerId: factory.id }).set(as(memberF)).expect(200);
    expect(forFactory.body).toHaveLength(1);
    expect(forFactory.body[0]).toMatchObject({
      mine: 'offer',
      offer: { id: offerId, employerName: '威海暖阳服饰有限公司' },
      request: { id: requestId, employerName: '文登区学苑食堂' },
      overlap: { from: '2027-01-15', to: '2027-02-10', days: 27 },
      sharedSkills: ['包装'],
      workers: 2,
      score: 80,
    });
    expect(forFactory.body[0].reasons).toContain('技能相符：包装');
    const forCanteen = await t.http.get('/api/sharing/matches').query({ employerId: canteen.id }).set(as(memberC)).expect(200);
    expect(forCanteen.body.map((m: { mine: string; offer: { id: string }; request: { id: string } }) => [m.mine, m.offer.id, m.request.id])).toEqual([['request', offerId, requestId]]);
    const forFaraway = await t.http.get('/api/sharing/matches').query({ employerId: faraway.id }).set(as(memberQ)).expect(200);
    expect(forFaraway.body).toEqual([]);
  });

  it('refuses a listing of another employer, of a pending employer, or over past days', async () => {
    expect((await t.http.post(`/api/employers/${factory.id}/sharing/listings`).set(as(memberC)).send(listing()).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await t.http.get('/api/sharing/matches').query({ employerId: factory.id }).set(as(memberC)).expect(404)).body.code).toBe('NOT_FOUND');
    const pending = await insertEmployer(t, { status: 'pending' });
    const pendingMember = (await signInAs(t, { roles: [{ role: 'employer_member', employerId: pending.id }], now: clock.now() })).userId;
    expect((await t.http.post(`/api/employers/${pending.id}/sharing/listings`).set(as(pendingMember)).send(listing()).expect(403)).body.code).toBe('SHARING_EMPLOYER_NOT_APPROVED');
    const past = await t.http.post(`/api/employers/${factory.id}/sharing/listings`).set(as(memberF)).send(listing({ from: '2026-10-01', to: '2026-10-31' })).expect(400);
    expect(past.body).toMatchObject({ code: 'SHARING_PERIOD_INVALID', details: [expect.objectContaining({ field: 'to' })] });
    expect((await t.http.post(`/api/employers/${factory.id}/sharing/listings`).set(as(memberF)).send(listing({ workers: 0 })).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('lists the offering employer’s own employees with their terms', async () => {
    const res = await t.http.get(`/api/employers/${factory.id}/sharing/employees`).set(as(memberF)).expect(200);
    expect(res.body).toHaveLength(3);
    expect(res.body.map((e: { name: string }) => e.name).sort()).toEqual(['张*', '李*', '王*']);
    expect(res.body[0].terms).toMatchObject({ hourly: 25, insurance: 'social', contractForm: 'labour_contract', hourlyText: '25元/小时' });
  });

  it.each([
    ['lower pay', () => ({ terms: { ...terms, hourly: 24 }, motherIds: [workers[0]?.motherId] }), 422, 'SHARING_TERMS_WORSE'],
    ['commercial insurance instead of social', () => ({ terms: { ...terms, insurance: 'commercial' }, motherIds: [workers[0]?.motherId] }), 422, 'SHARING_TERMS_WORSE'],
    ['a service agreement instead of a labour contract', () => ({ terms: { ...terms, contractForm: 'service_agreement' }, motherIds: [workers[0]?.motherId] }), 422, 'SHARING_TERMS_WORSE'],
    ['a mother who is not its employee', () => ({ terms, motherIds: [outsider.motherId] }), 400, 'SHARING_WORKERS_INVALID'],
    ['more mothers than the request asks for', () => ({ terms, motherIds: workers.map((w) => w.motherId) }), 400, 'SHARING_WORKERS_INVALID'],
  ])('refuses a proposal with %s, writing nothing', async (_name, body, status, code) => {
    const res = await t.http
      .post('/api/sharing/proposals')
      .set(as(memberF))
      .send({ offerId, requestId, ...body() })
      .expect(status);
    expect(res.body.code).toBe(code);
    const [n] = await t.dataSource.query(`SELECT (SELECT count(*) FROM sharing_proposals)::int AS p, (SELECT count(*) FROM sharing_consents)::int AS c`);
    expect(n).toEqual({ p: 0, c: 0 });
  });

  it('only the offering employer proposes', async () => {
    const res = await t.http.post('/api/sharing/proposals').set(as(memberC)).send({ offerId, requestId, terms, motherIds: [workers[0]?.motherId] }).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('shares only the mother who consents, once the requesting employer accepts; the one who declines is not shared', async () => {
    const [a, b, c] = workers as [(typeof workers)[0], (typeof workers)[0], (typeof workers)[0]];
    const created = await t.http
      .post('/api/sharing/proposals')
      .set(as(memberF))
      .send({ offerId, requestId, terms: { hourly: 30, insurance: 'social', contractForm: 'labour_contract' }, workplace: '学苑食堂后厨', motherIds: [a.motherId, b.motherId] })
      .expect(201);
    const proposalId = created.body.id as string;
    expect(created.body).toMatchObject({
      fromEmployer: { id: factory.id },
      toEmployer: { id: canteen.id },
      from: '2027-01-15',
      to: '2027-02-10',
      status: 'proposed',
      terms: { hourly: 30, hourlyText: '30元/小时', insuranceLabel: '社会保险', contractLabel: '劳动合同' },
    });
    expect(created.body.workers.map((w: { status: string }) => w.status)).toEqual(['pending', 'pending']);
    const asked = await t.dataSource.query(`SELECT recipient_id FROM notifications WHERE kind = 'sharing.consent_requested' ORDER BY recipient_id`);
    expect(asked.map((r: { recipient_id: string }) => r.recipient_id)).toEqual([a.motherId, b.motherId].sort());

    // Each mother sees her own request with her terms now and during the sharing.
    const mineA = await t.http.get('/api/sharing/consents/mine').set(as(a.userId)).expect(200);
    expect(mineA.body).toEqual([
      expect.objectContaining({
        proposalId,
        status: 'pending',
        fromEmployer: { id: factory.id, name: '威海暖阳服饰有限公司' },
        toEmployer: { id: canteen.id, name: '文登区学苑食堂' },
        original: expect.objectContaining({ hourly: 25 }),
        shared: expect.objectContaining({ hourly: 30 }),
      }),
    ]);
    const consentA = mineA.body[0].id as string;
    const consentB = (await t.http.get('/api/sharing/consents/mine').set(as(b.userId)).expect(200)).body[0].id as string;
    expect((await t.http.get('/api/sharing/consents/mine').set(as(c.userId)).expect(200)).body).toEqual([]);

    // Nobody answers for her: another mother (even a colleague) cannot.
    expect((await t.http.post(`/api/sharing/consents/${consentA}/accept`).set(as(c.userId)).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await t.http.post(`/api/sharing/consents/${consentA}/accept`).set(as(memberF)).expect(403)).body.code).toBe('FORBIDDEN');

    const yes = await t.http.post(`/api/sharing/consents/${consentA}/accept`).set(as(a.userId)).expect(200);
    expect(yes.body).toMatchObject({ status: 'accepted', agreementId: null, proposalStatus: 'proposed' });
    const no = await t.http.post(`/api/sharing/consents/${consentB}/decline`).set(as(b.userId)).expect(200);
    expect(no.body).toMatchObject({ status: 'declined', agreementId: null });
    expect((await t.http.post(`/api/sharing/consents/${consentB}/accept`).set(as(b.userId)).expect(409)).body.code).toBe('SHARING_ALREADY_DECIDED');

    // Only the requesting employer accepts the proposal.
    expect((await t.http.post(`/api/sharing/proposals/${proposalId}/accept`).set(as(memberF)).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await t.http.post(`/api/sharing/proposals/${proposalId}/accept`).set(as(memberQ)).expect(404)).body.code).toBe('NOT_FOUND');
    const accepted = await t.http.post(`/api/sharing/proposals/${proposalId}/accept`).set(as(memberC)).expect(200);
    expect(accepted.body.status).toBe('accepted');
    const answers = accepted.body.workers.map((w: { motherId: string; status: string; agreementId: string | null }) => [w.motherId, w.status, w.agreementId !== null]);
    expect(answers.sort((x: string[], y: string[]) => String(x[1]).localeCompare(String(y[1])))).toEqual([
      [a.motherId, 'accepted', true],
      [b.motherId, 'declined', false],
    ]);

    const agreements = await t.dataSource.query(`SELECT mother_id, from_employer_id, to_employer_id, terms_before, terms_after, agreement_text FROM sharing_agreements`);
    expect(agreements).toHaveLength(1);
    expect(agreements[0]).toMatchObject({
      mother_id: a.motherId,
      from_employer_id: factory.id,
      to_employer_id: canteen.id,
      terms_before: { hourly: 25, insurance: 'social', contractForm: 'labour_contract' },
      terms_after: { hourly: 30, insurance: 'social', contractForm: 'labour_contract' },
    });
    expect(agreements[0].agreement_text).toContain('调出单位（甲方）：威海暖阳服饰有限公司；调入单位（乙方）：文登区学苑食堂');
    expect(agreements[0].agreement_text).toContain('2027-01-15至2027-02-10');

    // Both employers and the mother see it; the one who declined has none.
    expect((await t.http.get('/api/sharing/agreements').query({ employerId: canteen.id }).set(as(memberC)).expect(200)).body).toEqual([
      expect.objectContaining({ motherId: a.motherId, motherName: '王*', termsAfter: expect.objectContaining({ hourly: 30 }) }),
    ]);
    expect((await t.http.get('/api/sharing/agreements').query({ employerId: factory.id }).set(as(memberF)).expect(200)).body).toHaveLength(1);
    expect((await t.http.get('/api/sharing/agreements/mine').set(as(a.userId)).expect(200)).body).toHaveLength(1);
    expect((await t.http.get('/api/sharing/agreements/mine').set(as(b.userId)).expect(200)).body).toEqual([]);
    expect((await t.http.post(`/api/sharing/proposals/${proposalId}/decline`).set(as(memberC)).expect(409)).body.code).toBe('SHARING_ALREADY_DECIDED');
  });

  it('a consent given after the employer accepted records the agreement then; a declined proposal shares nobody', async () => {
    const c = workers[2] as (typeof workers)[0];
    const p1 = (await t.http.post('/api/sharing/proposals').set(as(memberF)).send({ offerId, requestId, terms, motherIds: [c.motherId] }).expect(201)).body.id;
    await t.http.post(`/api/sharing/proposals/${p1}/accept`).set(as(memberC)).expect(200);
    const consent = (await t.http.get('/api/sharing/consents/mine').set(as(c.userId)).expect(200)).body.find((x: { proposalId: string }) => x.proposalId === p1);
    const yes = await t.http.post(`/api/sharing/consents/${consent.id}/accept`).set(as(c.userId)).expect(200);
    expect(yes.body.agreementId).toEqual(expect.any(String));

    const p2 = (await t.http.post('/api/sharing/proposals').set(as(memberF)).send({ offerId, requestId, terms, motherIds: [c.motherId] }).expect(201)).body.id;
    await t.http.post(`/api/sharing/proposals/${p2}/decline`).set(as(memberC)).expect(200);
    const second = (await t.http.get('/api/sharing/consents/mine').set(as(c.userId)).expect(200)).body.find((x: { proposalId: string }) => x.proposalId === p2);
    expect((await t.http.post(`/api/sharing/consents/${second.id}/accept`).set(as(c.userId)).expect(409)).body.code).toBe('SHARING_ALREADY_DECIDED');
    const [n] = await t.dataSource.query(`SELECT count(*)::int AS n FROM sharing_agreements WHERE proposal_id = $1`, [p2]);
    expect(n.n).toBe(0);
  });

  it('a closed listing takes no more proposals and no longer matches', async () => {
    await t.http.post(`/api/sharing/listings/${requestId}/close`).set(as(memberC)).expect(200);
    expect((await t.http.post('/api/sharing/proposals').set(as(memberF)).send({ offerId, requestId, terms, motherIds: [workers[0]?.motherId] }).expect(409)).body.code).toBe(
      'SHARING_LISTING_CLOSED',
    );
    expect((await t.http.get('/api/sharing/matches').query({ employerId: factory.id }).set(as(memberF)).expect(200)).body).toEqual([]);
    expect((await t.http.post(`/api/sharing/listings/${offerId}/close`).set(as(memberC)).expect(404)).body.code).toBe('NOT_FOUND');
  });
});
