import { FixedClock } from '../src/common/clock/clock';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { SubsidyFixtures, bearer } from './support/subsidy-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Claims under Zhongshan's 2022 policy (中府函〔2022〕226号, in force 2022-07-04 to 2023-07-03):
 * social-insurance subsidy 300 and post subsidy 100 per person per month for up to 12 months,
 * training 20 per class hour up to 500 per person. The clock stands in October 2022.
 */
const NOW = new Date('2022-10-15T02:00:00Z');
const ZS = '442000';

describe('subsidy claims: rules with reasons, official review, 免申即享', () => {
  const clock = new FixedClock(NOW);
  let t: TestApp;
  let f: SubsidyFixtures;
  let employerId: string;
  let member: { id: string; token: string };
  let official: { id: string; token: string };
  let seededVersionId: string;

  const auth = (u: { id: string }) => bearer(f.token(u.id));
  const claimCount = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM subsidy_claims`))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new SubsidyFixtures(t, () => clock.now());
    employerId = await f.employer({ regionCode: ZS, name: '中山市某某服装有限公司' });
    member = await f.user('服装厂人事', [{ role: 'employer_member', employerId }]);
    official = await f.user('中山人社审核员', [{ role: 'official', regionCode: ZS }]);
    const [v] = await t.dataSource.query(`SELECT id FROM policy_versions WHERE kind = 'policy' AND region_code = $1`, [ZS]);
    seededVersionId = v.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('passes an honest claim with a reason for every rule, files it, and logs the filing', async () => {
    const motherId = await f.mother({ regionCode: ZS, name: '陈美玲' });
    const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId, startDate: '2022-09-01' });
    const body = { hireId, subsidyCode: 'employer_social_insurance_flat', socialInsuranceMonths: 12 };

    const check = await t.http.post(`/api/employers/${employerId}/claims/check`).set(auth(member)).send(body).expect(200);
    expect(check.body).toMatchObject({ passes: true, amount: 3600, months: 12, periodFrom: '2022-09-01', periodTo: '2023-08-31', basis: '中府函〔2022〕226号 第3条', policyVersionId: seededVersionId });
    expect(check.body.checks.map((c: { code: string; passed: boolean }) => [c.code, c.passed])).toEqual([
      ['policy_in_force', true],
      ['subsidy_in_policy', true],
      ['employer_approved', true],
      ['hire_from_application', true],
      ['mother_eligible', true],
      ['contract', true],
      ['social_insurance', true],
      ['not_labour_dispatch', true],
      ['one_per_period', true],
    ]);
    expect(check.body.checks.find((c: { code: string }) => c.code === 'contract').reason).toBe('已签订劳动合同，期限12个月（要求12个月以上）');
    expect(await claimCount()).toBe(0);

    const filed = await t.http.post(`/api/employers/${employerId}/claims`).set(auth(member)).send(body).expect(201);
    expect(filed.body).toMatchObject({
      status: 'submitted',
      source: 'employer',
      subsidyLabel: '用人单位社会保险补贴',
      motherName: '陈**',
      amount: 3600,
      policyVersionId: seededVersionId,
      check: { passes: true },
      decisions: [{ action: 'submitted', actor: '服装厂人事', amount: 3600 }],
    });
    // The same claim again: she already has this subsidy for the period.
    const again = await t.http.post(`/api/employers/${employerId}/claims`).set(auth(member)).send(body).expect(422);
    expect(again.body.details.map((d: { field: string }) => d.field)).toEqual(['one_per_period']);
  });

  /** Each case: how the hire is planted, and the rule that must fail with its reason. */
  const failing: [string, () => Promise<{ employerId: string; memberId: string; hireId: string; months?: number }>, string, string][] = [
    [
      'a labour-dispatch firm',
      async () => {
        const e = await f.employer({ regionCode: ZS, isLabourDispatch: true });
        const m = await f.user('派遣公司', [{ role: 'employer_member', employerId: e }]);
        const mother = await f.mother({ regionCode: ZS, name: '派遣妈妈' });
        const { hireId } = await f.hiredThroughPlatform({ employerId: e, regionCode: ZS, motherId: mother, startDate: '2022-09-01' });
        return { employerId: e, memberId: m.id, hireId };
      },
      'not_labour_dispatch',
      '劳务派遣单位不能享受此项补贴',
    ],
    [
      'an employer whose filing is not approved',
      async () => {
        const e = await f.employer({ regionCode: ZS, status: 'pending' });
        const m = await f.user('待审单位', [{ role: 'employer_member', employerId: e }]);
        const mother = await f.mother({ regionCode: ZS, name: '待审妈妈' });
        const { hireId } = await f.hiredThroughPlatform({ employerId: e, regionCode: ZS, motherId: mother, startDate: '2022-09-01' });
        return { employerId: e, memberId: m.id, hireId };
      },
      'employer_approved',
      '单位尚未完成妈妈岗备案或备案未通过审核',
    ],
    [
      "a hire reported on another mother's application",
      async () => {
        const mother = await f.mother({ regionCode: ZS, name: '真申请人' });
        const other = await f.mother({ regionCode: ZS, name: '被登记人' });
        const postId = await f.post({ employerId, regionCode: ZS });
        const applicationId = await f.application({ postId, motherId: mother, employerId });
        const hireId = await f.hire({ applicationId, postId, employerId, motherId: other, startDate: '2022-09-01' });
        return { employerId, memberId: member.id, hireId };
      },
      'hire_from_application',
      '录用登记与申请记录不一致（人员、岗位或单位不同）',
    ],
    [
      'a hire whose application was withdrawn',
      async () => {
        const mother = await f.mother({ regionCode: ZS, name: '撤回妈妈' });
        const postId = await f.post({ employerId, regionCode: ZS });
        const applicationId = await f.application({ postId, motherId: mother, employerId, status: 'withdrawn' });
        const hireId = await f.hire({ applicationId, postId, employerId, motherId: mother, startDate: '2022-09-01' });
        return { employerId, memberId: member.id, hireId };
      },
      'hire_from_application',
      '对应申请的状态为“已撤回”，不是“已录用”',
    ],
    [
      'a service agreement',
      async () => {
        const mother = await f.mother({ regionCode: ZS, name: '协议妈妈' });
        const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-09-01', contractForm: 'service_agreement' });
        return { employerId, memberId: member.id, hireId };
      },
      'contract',
      '须签订劳动合同，这次录用为劳务协议',
    ],
    [
      'a six-month contract',
      async () => {
        const mother = await f.mother({ regionCode: ZS, name: '短期妈妈' });
        const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-09-01', contractMonths: 6 });
        return { employerId, memberId: member.id, hireId, months: 6 };
      },
      'contract',
      '劳动合同期限须在12个月以上，这次为6个月',
    ],
    [
      'no social insurance',
      async () => {
        const mother = await f.mother({ regionCode: ZS, name: '无社保妈妈' });
        const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-09-01', socialInsurance: false });
        return { employerId, memberId: member.id, hireId };
      },
      'social_insurance',
      '录用登记中没有为她缴纳社会保险',
    ],
    [
      'a mother whose children are all 12 or older',
      async () => {
        const mother = await f.mother({ regionCode: ZS, name: '大孩妈妈', children: [[2008, 3]] });
        const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-09-01' });
        return { employerId, memberId: member.id, hireId };
      },
      'mother_eligible',
      '入职（2022-09-01）时不符合妈妈岗服务对象条件（法定劳动年龄内、抚养12周岁以下孩子的妇女）',
    ],
    [
      'a hire that started before the policy',
      async () => {
        const mother = await f.mother({ regionCode: ZS, name: '早入职妈妈' });
        const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-06-01' });
        return { employerId, memberId: member.id, hireId };
      },
      'policy_in_force',
      '2022-06-01当地没有在有效期内的妈妈岗补贴政策',
    ],
    [
      'a mother subsidised by another employer in the same months',
      async () => {
        const mother = await f.mother({ regionCode: ZS, name: '两处妈妈' });
        const first = await f.employer({ regionCode: ZS });
        const firstMember = await f.user('第一家', [{ role: 'employer_member', employerId: first }]);
        const a = await f.hiredThroughPlatform({ employerId: first, regionCode: ZS, motherId: mother, startDate: '2022-08-01' });
        await t.http
          .post(`/api/employers/${first}/claims`)
          .set(auth(firstMember))
          .send({ hireId: a.hireId, subsidyCode: 'employer_social_insurance_flat', socialInsuranceMonths: 12 })
          .expect(201);
        const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-10-01' });
        return { employerId, memberId: member.id, hireId };
      },
      'one_per_period',
      '与本次2022-10-01至2023-09-30重叠',
    ],
  ];

  it.each(failing)('fails a claim from %s with the reason, and writes nothing', async (_label, plant, code, reason) => {
    const c = await plant();
    const before = await claimCount();
    const res = await t.http
      .post(`/api/employers/${c.employerId}/claims`)
      .set(bearer(f.token(c.memberId)))
      .send({ hireId: c.hireId, subsidyCode: 'employer_social_insurance_flat', socialInsuranceMonths: c.months ?? 12 })
      .expect(422);
    expect(res.body.code).toBe('CLAIM_RULES_FAILED');
    const detail = res.body.details.find((d: { field: string }) => d.field === code);
    expect(detail?.message).toContain(reason);
    expect(res.body.message).toContain(reason);
    expect(await claimCount()).toBe(before);
  });

  it('keeps claims to members of their employer (404 for others)', async () => {
    const other = await f.employer({ regionCode: ZS });
    const stranger = await f.user('别家人事', [{ role: 'employer_member', employerId: other }]);
    const mother = await f.mother({ regionCode: ZS, name: '隐私妈妈' });
    const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-09-01' });
    await t.http.post(`/api/employers/${employerId}/claims/check`).set(auth(stranger)).send({ hireId, subsidyCode: 'employer_post_subsidy', socialInsuranceMonths: 3 }).expect(404);
    // Its own employer id, somebody else's hire: the hire does not exist for it.
    await t.http.post(`/api/employers/${other}/claims/check`).set(auth(stranger)).send({ hireId, subsidyCode: 'employer_post_subsidy', socialInsuranceMonths: 3 }).expect(404);
    const mine = await t.http.get(`/api/employers/${employerId}/claims`).set(auth(member)).expect(200);
    await t.http.get(`/api/claims/${mine.body[0].id}`).set(auth(stranger)).expect(404);
  });

  it('officials of the region review: approve with the amount fixed, reject with a reason, every step logged', async () => {
    const outsider = await f.user('威海官员', [{ role: 'official', regionCode: '371000' }]);
    const motherA = await f.mother({ regionCode: ZS, name: '李晓红' });
    const motherB = await f.mother({ regionCode: ZS, name: '赵丽' });
    const a = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: motherA, startDate: '2022-09-15' });
    const b = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: motherB, startDate: '2022-09-15' });
    const claimA = (await t.http.post(`/api/employers/${employerId}/claims`).set(auth(member)).send({ hireId: a.hireId, subsidyCode: 'employer_post_subsidy', socialInsuranceMonths: 6 }).expect(201)).body;
    const claimB = (await t.http.post(`/api/employers/${employerId}/claims`).set(auth(member)).send({ hireId: b.hireId, subsidyCode: 'employer_post_subsidy', socialInsuranceMonths: 12 }).expect(201)).body;
    expect(claimA.amount).toBe(600);

    const queue = await t.http.get('/api/official/claims?status=submitted').set(auth(official)).expect(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([claimA.id, claimB.id]));
    expect((await t.http.get('/api/official/claims').set(auth(outsider)).expect(200)).body.total).toBe(0);
    await t.http.post(`/api/official/claims/${claimA.id}/approve`).set(auth(outsider)).send({}).expect(404);

    const approved = await t.http.post(`/api/official/claims/${claimA.id}/approve`).set(auth(official)).send({ reason: '材料齐全' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', statusLabel: '已批准', amount: 600, decisionReason: '材料齐全', policyVersionId: seededVersionId });
    expect(approved.body.decisions.map((d: { action: string; actor: string }) => [d.action, d.actor])).toEqual([
      ['submitted', '服装厂人事'],
      ['approved', '中山人社审核员'],
    ]);
    const twice = await t.http.post(`/api/official/claims/${claimA.id}/approve`).set(auth(official)).send({}).expect(409);
    expect(twice.body.code).toBe('CLAIM_ALREADY_DECIDED');

    await t.http.post(`/api/official/claims/${claimB.id}/reject`).set(auth(official)).send({}).expect(400);
    const rejected = await t.http.post(`/api/official/claims/${claimB.id}/reject`).set(auth(official)).send({ reason: '社保缴费记录与申报月数不符' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '社保缴费记录与申报月数不符' });
    await t.http.post(`/api/official/claims/${claimB.id}/approve`).set(auth(official)).send({}).expect(409);

    const notes = await t.http.get('/api/notifications').set(auth(member)).expect(200);
    const bodies = notes.body.map((n: { kind: string; body: string }) => [n.kind, n.body]);
    expect(bodies).toContainEqual(['claims.approved', '李**的“用人单位岗位补贴”已批准，金额600元（2022-09-15至2023-03-14）']);
    expect(bodies).toContainEqual(['claims.rejected', '赵*的“用人单位岗位补贴”未获批准：社保缴费记录与申报月数不符']);
    // A rejected claim may be filed again, corrected.
    await t.http.post(`/api/employers/${employerId}/claims`).set(auth(member)).send({ hireId: b.hireId, subsidyCode: 'employer_post_subsidy', socialInsuranceMonths: 10 }).expect(201);
  });

  it('refuses to approve a claim that no longer passes (she left early); the official rejects it instead', async () => {
    const mother = await f.mother({ regionCode: ZS, name: '离职妈妈' });
    const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-09-01' });
    const claim = (await t.http.post(`/api/employers/${employerId}/claims`).set(auth(member)).send({ hireId, subsidyCode: 'employer_social_insurance_flat', socialInsuranceMonths: 12 }).expect(201)).body;
    await t.http.post(`/api/employers/${employerId}/hires/${hireId}/end`).set(auth(member)).send({ endedOn: '2022-09-20', reason: '本人辞职' }).expect(200);
    const again = await t.http.post(`/api/employers/${employerId}/hires/${hireId}/end`).set(auth(member)).send({ endedOn: '2022-09-21', reason: '本人辞职' }).expect(409);
    expect(again.body.code).toBe('HIRE_ALREADY_ENDED');
    const refused = await t.http.post(`/api/official/claims/${claim.id}/approve`).set(auth(official)).send({}).expect(422);
    expect(refused.body.details).toEqual([
      { field: 'social_insurance', rule: 'social_insurance', message: '社会保险缴纳：她已于2022-09-20离职，在职1个月，申报缴费12个月超过在职月数' },
    ]);
    const [row] = await t.dataSource.query(`SELECT status, amount FROM subsidy_claims WHERE id = $1`, [claim.id]);
    expect(row).toEqual({ status: 'submitted', amount: '3600.00' });
  });

  it('pays the training subsidy for the employer’s own course from the attendance recorded', async () => {
    const mother = await f.signedInMother('培训妈妈', ZS);
    const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother.motherId, startDate: '2022-10-01' });
    const course = await t.http
      .post('/api/training/courses')
      .set(auth(member))
      .send({
        providerKind: 'employer',
        employerId,
        title: '缝纫工岗前培训',
        skill: 'handicraft',
        online: false,
        address: '厂区培训室',
        hasChildRoom: false,
        seats: 20,
        subsidised: true,
        sessions: [
          { startsAt: '2022-10-17T09:00:00+08:00', endsAt: '2022-10-17T17:00:00+08:00' },
          { startsAt: '2022-10-18T09:00:00+08:00', endsAt: '2022-10-18T17:00:00+08:00' },
          { startsAt: '2022-10-19T09:00:00+08:00', endsAt: '2022-10-19T17:00:00+08:00' },
          { startsAt: '2022-10-20T09:00:00+08:00', endsAt: '2022-10-20T17:00:00+08:00' },
        ],
      })
      .expect(201);
    await t.http.post(`/api/training/courses/${course.body.id}/signup`).set(bearer(mother.token)).expect(201);
    clock.set(new Date('2022-10-21T02:00:00Z'));
    try {
      for (const s of course.body.sessions as { id: string }[]) {
        await t.http
          .put(`/api/training/courses/${course.body.id}/sessions/${s.id}/attendance`)
          .set(auth(member))
          .send({ records: [{ motherId: mother.motherId, present: true }] })
          .expect(200);
      }
      // 4 days x 480 minutes = 42 class hours x 20 = 840, capped at 500.
      const res = await t.http.post(`/api/employers/${employerId}/claims`).set(auth(member)).send({ hireId, subsidyCode: 'employer_training', courseId: course.body.id }).expect(201);
      expect(res.body).toMatchObject({ amount: 500, classHours: 42, periodFrom: '2022-10-17', periodTo: '2022-10-20', basis: '中府函〔2022〕226号 第7条' });
      const more = await t.http.post(`/api/employers/${employerId}/claims/check`).set(auth(member)).send({ hireId, subsidyCode: 'employer_training', courseId: course.body.id }).expect(200);
      expect(more.body.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { code: string; reason: string }) => [c.code, c.reason])).toEqual([
        ['training_cap', '每人最多500元，她已申请500元，已达上限'],
      ]);
    } finally {
      clock.set(NOW);
    }
  });

  it('免申即享: proposes claims for qualifying hires on its own, tells employer and mother, and never twice', async () => {
    const e = await f.employer({ regionCode: ZS, name: '中山市某某食品厂' });
    const m = await f.user('食品厂人事', [{ role: 'employer_member', employerId: e }]);
    const honest = await f.signedInMother('黄小燕', ZS);
    const agreement = await f.mother({ regionCode: ZS, name: '协议工' });
    const h1 = await f.hiredThroughPlatform({ employerId: e, regionCode: ZS, motherId: honest.motherId, startDate: '2022-10-08', contractMonths: 24 });
    await f.hiredThroughPlatform({ employerId: e, regionCode: ZS, motherId: agreement, startDate: '2022-10-08', contractForm: 'service_agreement' });

    const first = await t.http.post('/api/official/claims/propose').set(auth(official)).send({ regionCode: ZS }).expect(200);
    expect(first.body.proposed).toBeGreaterThanOrEqual(2);
    const claims = (await t.http.get(`/api/employers/${e}/claims`).set(auth(m)).expect(200)).body;
    expect(claims.map((c: { hireId: string; subsidyCode: string; status: string; source: string; amount: number }) => [c.hireId, c.subsidyCode, c.status, c.source, c.amount]).sort()).toEqual(
      [
        [h1.hireId, 'employer_post_subsidy', 'proposed', 'auto', 1200],
        [h1.hireId, 'employer_social_insurance_flat', 'proposed', 'auto', 3600],
      ].sort(),
    );
    const detail = await t.http.get(`/api/claims/${claims[0].id}`).set(auth(official)).expect(200);
    expect(detail.body.decisions).toEqual([expect.objectContaining({ action: 'proposed', actor: '系统', reason: '系统核验录用数据后自动推送（免申即享）' })]);

    const toEmployer = (await t.http.get('/api/notifications').set(auth(m)).expect(200)).body.filter((n: { kind: string }) => n.kind === 'claims.proposed');
    expect(toEmployer).toHaveLength(2);
    const toMother = (await t.http.get('/api/notifications').set(bearer(f.token(honest.userId))).expect(200)).body.filter((n: { kind: string }) => n.kind === 'claims.proposed');
    expect(toMother).toHaveLength(2);
    expect(toMother[0].body).toContain('中山市某某食品厂');

    // A rejected proposal is not put forward again; nor is anything else.
    await t.http.post(`/api/official/claims/${claims[0].id}/reject`).set(auth(official)).send({ reason: '单位已自行申请其他补贴' }).expect(200);
    const second = await t.http.post('/api/official/claims/propose').set(auth(official)).send({ regionCode: ZS }).expect(200);
    expect(second.body.proposed).toBe(0);
    const third = await t.app.get(JobsService).runOnce();
    expect(third.failed).toBe(0);
    expect((await t.http.get(`/api/employers/${e}/claims`).set(auth(m)).expect(200)).body).toHaveLength(2);

    // The mother sees what was put forward for her in the policy centre.
    const centre = await t.http.get('/api/policies/me').set(bearer(f.token(honest.userId))).expect(200);
    expect(centre.body.claims.map((c: { source: string; employerName: string }) => [c.source, c.employerName])).toEqual([
      ['auto', '中山市某某食品厂'],
      ['auto', '中山市某某食品厂'],
    ]);
  });

  it('a policy change takes effect on its date and never rewrites a decision already made', async () => {
    const mother = await f.mother({ regionCode: ZS, name: '周一' });
    const first = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: mother, startDate: '2022-08-01' });
    const claim = (await t.http.post(`/api/employers/${employerId}/claims`).set(auth(member)).send({ hireId: first.hireId, subsidyCode: 'employer_social_insurance_flat', socialInsuranceMonths: 12 }).expect(201)).body;
    await t.http.post(`/api/official/claims/${claim.id}/approve`).set(auth(official)).send({}).expect(200);

    const zs = (await t.dataSource.query(`SELECT payload FROM policy_versions WHERE id = $1`, [seededVersionId]))[0].payload;
    const raised = zs.rules.map((r: { code: string; amountPerMonth?: number }) => (r.code === 'employer_social_insurance_flat' ? { ...r, amountPerMonth: 350 } : r));
    const version = await t.http
      .post('/api/official/policies')
      .set(auth(official))
      .send({ regionCode: ZS, title: zs.title, source: zs.source, issuedOn: zs.issuedOn, effectiveFrom: '2022-10-01', effectiveTo: '2023-07-03', rules: raised, note: '社保补贴提高到每人每月350元' })
      .expect(201);
    expect(version.body).toMatchObject({ kind: 'policy', effectiveFrom: '2022-10-01', inForce: true, note: '社保补贴提高到每人每月350元', createdBy: '中山人社审核员' });

    // The approved claim is exactly as decided.
    const decided = await t.http.get(`/api/claims/${claim.id}`).set(auth(official)).expect(200);
    expect(decided.body).toMatchObject({ status: 'approved', amount: 3600, policyVersionId: seededVersionId });
    // A hire that started before the change is still checked under the old version…
    const before = await t.http.post(`/api/employers/${employerId}/claims/check`).set(auth(member)).send({ hireId: first.hireId, subsidyCode: 'employer_post_subsidy', socialInsuranceMonths: 12 }).expect(200);
    expect(before.body.policyVersionId).toBe(seededVersionId);
    // …one that started on or after it under the new one.
    const other = await f.mother({ regionCode: ZS, name: '周二' });
    const second = await f.hiredThroughPlatform({ employerId, regionCode: ZS, motherId: other, startDate: '2022-10-10' });
    const after = await t.http.post(`/api/employers/${employerId}/claims/check`).set(auth(member)).send({ hireId: second.hireId, subsidyCode: 'employer_social_insurance_flat', socialInsuranceMonths: 12 }).expect(200);
    expect(after.body).toMatchObject({ passes: true, amount: 4200, policyVersionId: version.body.id });

    const history = await t.http.get(`/api/official/policies?regionCode=${ZS}`).set(auth(official)).expect(200);
    expect(history.body.filter((v: { kind: string }) => v.kind === 'policy').map((v: { id: string; inForce: boolean }) => [v.id, v.inForce])).toEqual([
      [seededVersionId, false],
      [version.body.id, true],
    ]);
    const refused = await t.http
      .post('/api/official/policies')
      .set(auth(official))
      .send({ regionCode: ZS, title: 'x', source: 'y', issuedOn: '2022-10-01', effectiveFrom: '2022-10-01', rules: [{ code: 'employer_training', label: '培训', clause: '1', perClassHour: 20 }], note: '漏填上限' })
      .expect(400);
    expect(refused.body.details).toContainEqual({ field: 'rules[0].capPerPerson', rule: 'policy', message: '请填写每人上限（数字）' });
    const outsider = await f.user('威海官员2', [{ role: 'official', regionCode: '371000' }]);
    await t.http
      .post('/api/official/policies')
      .set(auth(outsider))
      .send({ regionCode: ZS, title: zs.title, source: zs.source, issuedOn: zs.issuedOn, effectiveFrom: '2022-10-01', rules: raised, note: '越权修改' })
      .expect(403);
  });
});
