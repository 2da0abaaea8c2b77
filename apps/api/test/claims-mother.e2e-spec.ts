import { FixedClock } from '../src/common/clock/clock';
import { SubsidyFixtures, bearer } from './support/subsidy-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A mother's own claim under Zhongshan's 2022 policy (中府函〔2022〕226号 第5条): a service
 * agreement of 12 months or more, flexible-employment registration, social insurance she pays
 * herself: 300 a month for up to 12 months. The clock stands in October 2022.
 */
const NOW = new Date('2022-10-15T02:00:00Z');
const ZS = '442000';
const WH = '371000';

describe('a mother claims her own flexible-employment subsidy', () => {
  const clock = new FixedClock(NOW);
  let t: TestApp;
  let f: SubsidyFixtures;
  let employerId: string;
  let member: { id: string; token: string };
  let official: { id: string; token: string };
  let otherOfficial: { id: string; token: string };

  const auth = (u: { id: string }) => bearer(f.token(u.id));
  const as = (token: string) => bearer(token);
  const claimCount = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM subsidy_claims`))[0].n);
  const agreementHire = (motherId: string, o: { contractForm?: string; contractMonths?: number; startDate?: string } = {}) =>
    f.hiredThroughPlatform({
      employerId,
      regionCode: ZS,
      motherId,
      startDate: o.startDate ?? '2022-09-01',
      contractForm: o.contractForm ?? 'service_agreement',
      contractMonths: o.contractMonths ?? 12,
      socialInsurance: false,
    });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new SubsidyFixtures(t, () => clock.now());
    employerId = await f.employer({ regionCode: ZS, name: '中山市某某电商有限公司' });
    member = await f.user('电商公司人事', [{ role: 'employer_member', employerId }]);
    official = await f.user('中山人社审核员', [{ role: 'official', regionCode: ZS }]);
    otherOfficial = await f.user('威海人社审核员', [{ role: 'official', regionCode: WH }]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('checks and files a qualifying claim that reaches the official of her region only; approval re-checks and tells her', async () => {
    const mom = await f.signedInMother('林晓燕', ZS);
    const { hireId } = await agreementHire(mom.motherId);
    const body = { hireId, flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 12 };

    // Her policy centre names the hire she can claim on, and what the platform cannot know yet.
    const centre = await t.http.get('/api/policies/me').set(as(mom.token)).expect(200);
    expect(centre.body.hires).toEqual([expect.objectContaining({ hireId, employerName: '中山市某某电商有限公司', contractForm: 'service_agreement', contractLabel: '劳务协议', contractMonths: 12 })]);
    const item = (c: { body: { items: { code: string; applies: boolean; missing: string[] }[] } }) => c.body.items.find((i) => i.code === 'mother_flexible_social_insurance');
    expect(item(centre)).toMatchObject({ applies: false, missing: ['须办理灵活就业登记', '须以个人身份缴纳社会保险费'] });

    const check = await t.http.post('/api/claims/mine/check').set(as(mom.token)).send(body).expect(200);
    expect(check.body).toMatchObject({ passes: true, amount: 3600, months: 12, periodFrom: '2022-09-01', periodTo: '2023-08-31', basis: '中府函〔2022〕226号 第5条' });
    expect(check.body.checks.map((c: { code: string; passed: boolean }) => [c.code, c.passed])).toEqual([
      ['policy_in_force', true],
      ['subsidy_in_policy', true],
      ['employer_approved', true],
      ['hire_from_application', true],
      ['mother_eligible', true],
      ['contract', true],
      ['flexible_employment_registration', true],
      ['social_insurance', true],
      ['one_per_period', true],
    ]);
    expect(await claimCount()).toBe(0);

    const filed = await t.http.post('/api/claims/mine').set(as(mom.token)).send(body).expect(201);
    expect(filed.body).toMatchObject({
      status: 'submitted',
      statusLabel: '本人已申请待审核',
      source: 'mother',
      sourceLabel: '本人申请',
      subsidyCode: 'mother_flexible_social_insurance',
      subsidyLabel: '灵活就业人员社会保险补贴',
      regionCode: ZS,
      amount: 3600,
      declared: { flexibleEmploymentRegisteredOn: '2022-08-20', socialInsuranceMonths: 12 },
      decisions: [{ action: 'submitted', actionLabel: '本人申请', actor: '林晓燕', amount: 3600 }],
    });
    const claimId = filed.body.id as string;
    expect(item(await t.http.get('/api/policies/me').set(as(mom.token)).expect(200))).toMatchObject({ applies: true, missing: [] });

    const mine = await t.http.get('/api/claims/mine').set(as(mom.token)).expect(200);
    expect(mine.body.map((c: { id: string }) => c.id)).toEqual([claimId]);
    await t.http.get(`/api/claims/${claimId}`).set(as(mom.token)).expect(200);

    // Her region's official has it in the queue; another region's does not, and cannot decide it.
    const queue = await t.http.get('/api/official/claims?status=submitted').set(auth(official)).expect(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(claimId);
    const elsewhere = await t.http.get('/api/official/claims').set(auth(otherOfficial)).expect(200);
    expect(elsewhere.body.items.map((c: { id: string }) => c.id)).not.toContain(claimId);
    await t.http.post(`/api/official/claims/${claimId}/approve`).set(auth(otherOfficial)).send({}).expect(404);
    // Her own claim is not her employer's.
    const employerList = await t.http.get(`/api/employers/${employerId}/claims`).set(auth(member)).expect(200);
    expect(employerList.body.map((c: { id: string }) => c.id)).not.toContain(claimId);
    await t.http.get(`/api/claims/${claimId}`).set(auth(member)).expect(404);

    const approved = await t.http.post(`/api/official/claims/${claimId}/approve`).set(auth(official)).send({ reason: '登记与缴费记录已核实' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', amount: 3600, decisionReason: '登记与缴费记录已核实' });
    expect(approved.body.decisions.map((d: { action: string }) => d.action)).toEqual(['submitted', 'approved']);

    const notes = (await t.http.get('/api/notifications').set(as(mom.token)).expect(200)).body.map((n: { kind: string; body: string }) => [n.kind, n.body]);
    expect(notes).toContainEqual(['claims.approved', '您申请的“灵活就业人员社会保险补贴”已批准，金额3600元（2022-09-01至2023-08-31）']);
    const toEmployer = (await t.http.get('/api/notifications').set(auth(member)).expect(200)).body.map((n: { payload?: { claimId?: string } }) => n.payload?.claimId);
    expect(toEmployer).not.toContain(claimId);
  });

  it.each<[string, { contractForm?: string; contractMonths?: number }, string]>([
    ['a labour-contract hire', { contractForm: 'labour_contract' }, '合同形式与期限：此项补贴适用于签订劳务协议的灵活就业人员，这次录用为劳动合同'],
    ['a 6-month agreement', { contractMonths: 6 }, '合同形式与期限：劳务协议期限须在12个月以上，这次为6个月'],
  ])('refuses %s with the reason and writes nothing', async (_name, hire, message) => {
    const mom = await f.signedInMother(`不符合妈妈${hire.contractMonths ?? hire.contractForm}`, ZS);
    const { hireId } = await agreementHire(mom.motherId, hire);
    const before = await claimCount();
    const body = { hireId, flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 6 };
    const check = await t.http.post('/api/claims/mine/check').set(as(mom.token)).send(body).expect(200);
    expect(check.body).toMatchObject({ passes: false, amount: 0 });
    const res = await t.http.post('/api/claims/mine').set(as(mom.token)).send(body).expect(422);
    expect(res.body.code).toBe('CLAIM_RULES_FAILED');
    expect(res.body.details).toEqual([{ field: 'contract', rule: 'contract', message }]);
    expect(await claimCount()).toBe(before);
  });

  it('refuses a registration after the period starts and a claim without self-paid insurance', async () => {
    const mom = await f.signedInMother('晚登记妈妈', ZS);
    const { hireId } = await agreementHire(mom.motherId);
    const late = await t.http.post('/api/claims/mine').set(as(mom.token)).send({ hireId, flexibleEmploymentRegisteredOn: '2022-09-10', selfPaidInsuranceMonths: 12 }).expect(422);
    expect(late.body.details.map((d: { field: string }) => d.field)).toEqual(['flexible_employment_registration']);
    // Naming a later month moves the period after her registration: then it passes.
    const later = await t.http.post('/api/claims/mine/check').set(as(mom.token)).send({ hireId, flexibleEmploymentRegisteredOn: '2022-09-10', selfPaidInsuranceMonths: 11, periodFrom: '2022-10' }).expect(200);
    expect(later.body).toMatchObject({ passes: true, periodFrom: '2022-10-01', periodTo: '2023-08-31', amount: 3300 });
    const none = await t.http.post('/api/claims/mine').set(as(mom.token)).send({ hireId, flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 0 }).expect(422);
    expect(none.body.details.map((d: { field: string }) => d.field)).toEqual(['social_insurance']);
    await t.http.post('/api/claims/mine').set(as(mom.token)).send({ hireId, flexibleEmploymentRegisteredOn: '2022-08-20' }).expect(400);
    await t.http.post('/api/claims/mine').set(as(mom.token)).send({ hireId, flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 12, periodFrom: '2022-13' }).expect(400);
  });

  it('refuses a second claim for the same period, on the same hire or another', async () => {
    const mom = await f.signedInMother('重复妈妈', ZS);
    const first = await agreementHire(mom.motherId);
    const second = await agreementHire(mom.motherId, { startDate: '2022-10-01' });
    await t.http.post('/api/claims/mine').set(as(mom.token)).send({ hireId: first.hireId, flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 12 }).expect(201);
    const before = await claimCount();
    for (const hireId of [first.hireId, second.hireId]) {
      const again = await t.http.post('/api/claims/mine').set(as(mom.token)).send({ hireId, flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 12 }).expect(422);
      expect(again.body.details.map((d: { field: string }) => d.field)).toEqual(['one_per_period']);
    }
    expect(await claimCount()).toBe(before);
  });

  it('answers 404 to another mother claiming on her hire, and to an employer or a mother without a profile', async () => {
    const owner = await f.signedInMother('本人妈妈', ZS);
    const other = await f.signedInMother('旁人妈妈', ZS);
    const { hireId } = await agreementHire(owner.motherId);
    const body = { hireId, flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 12 };
    const before = await claimCount();
    for (const path of ['/api/claims/mine/check', '/api/claims/mine']) {
      const res = await t.http.post(path).set(as(other.token)).send(body).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const noProfile = await f.user('还没填资料', [{ role: 'mother' }]);
    await t.http.post('/api/claims/mine').set(auth(noProfile)).send(body).expect(404);
    await t.http.post('/api/claims/mine').set(auth(member)).send(body).expect(403);
    expect(await claimCount()).toBe(before);
    expect((await t.http.get('/api/claims/mine').set(as(other.token)).expect(200)).body).toEqual([]);
  });

  it('re-runs the rules at approval (the employer lost its filing) and tells her when it is rejected', async () => {
    const mom = await f.signedInMother('复核妈妈', ZS);
    const e = await f.employer({ regionCode: ZS, name: '中山市某某家政服务中心' });
    const postId = await f.post({ employerId: e, regionCode: ZS });
    const applicationId = await f.application({ postId, motherId: mom.motherId, employerId: e });
    const hireId = await f.hire({ applicationId, postId, employerId: e, motherId: mom.motherId, startDate: '2022-09-01', contractForm: 'service_agreement', contractMonths: 12, socialInsurance: false });
    const filed = await t.http.post('/api/claims/mine').set(as(mom.token)).send({ hireId, flexibleEmploymentRegisteredOn: '2022-08-01', selfPaidInsuranceMonths: 10 }).expect(201);
    await t.dataSource.query(`UPDATE employers SET status = 'pending' WHERE id = $1`, [e]);
    const refused = await t.http.post(`/api/official/claims/${filed.body.id}/approve`).set(auth(official)).send({}).expect(422);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['employer_approved']);
    await t.http.post(`/api/official/claims/${filed.body.id}/reject`).set(auth(official)).send({ reason: '用人单位备案已被撤销' }).expect(200);
    const notes = (await t.http.get('/api/notifications').set(as(mom.token)).expect(200)).body.map((n: { kind: string; body: string }) => [n.kind, n.body]);
    expect(notes).toContainEqual(['claims.rejected', '您申请的“灵活就业人员社会保险补贴”未获批准：用人单位备案已被撤销']);
  });

  it('drops her undecided claim when she closes her account, without telling the employer about a claim it never saw', async () => {
    const mom = await f.signedInMother('注销妈妈', ZS);
    const { hireId } = await agreementHire(mom.motherId);
    const filed = await t.http.post('/api/claims/mine').set(as(mom.token)).send({ hireId, flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 6 }).expect(201);
    await t.http.post('/api/me/delete').set(as(mom.token)).send({ confirm: '确认注销' }).expect(200);
    // Undecided claims cannot be verified without her identity: they go with her data.
    expect(await t.dataSource.query(`SELECT id FROM subsidy_claims WHERE id = $1`, [filed.body.id])).toEqual([]);
    const told = await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_kind = 'employer' AND recipient_id = $1 AND kind = 'claim_withdrawn'`, [employerId]);
    expect(told[0].n).toBe(0);
  });
});
