import { FixedClock } from '../src/common/clock/clock';
import { PolicyDataService } from '../src/modules/policies/policy-data.service';
import { SubsidyFixtures, bearer } from './support/subsidy-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/** 2026-11-23: Weihai's 2025 policy is in force; Zhongshan's 2022 one-year trial ended on 2023-07-03. */
const NOW = new Date('2026-11-23T02:00:00Z');

describe('policy centre and regional policy data', () => {
  const clock = new FixedClock(NOW);
  let t: TestApp;
  let f: SubsidyFixtures;
  let official: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new SubsidyFixtures(t, () => clock.now());
    official = await f.user('威海人社', [{ role: 'official', regionCode: '371000' }]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tells anyone the policy and minimum wage in force in a region today, a district falling back to its city', async () => {
    const weihai = await t.http.get('/api/policies/current?regionCode=371002').expect(200);
    expect(weihai.body).toMatchObject({
      on: '2026-11-23',
      policy: { source: '威人社字〔2025〕6号', regionCode: '371000', effectiveTo: null },
      minimumWage: { monthly: 2200, hourly: 22 },
    });
    expect(weihai.body.policy.rules.map((r: { code: string }) => r.code)).toContain('employer_social_insurance_full');
    const zhongshan = await t.http.get('/api/policies/current?regionCode=442000').expect(200);
    expect(zhongshan.body).toMatchObject({ policy: null, policyVersionId: null, minimumWage: { monthly: 1900 } });
  });

  it("shows a mother what she qualifies for in her region today, why and what is missing", async () => {
    const m = await f.signedInMother('刘芳', '371002');
    const res = await t.http.get('/api/policies/me').set(bearer(m.token)).expect(200);
    expect(res.body).toMatchObject({
      regionCode: '371002',
      regionName: '环翠区',
      policy: { source: '威人社字〔2025〕6号' },
      summary: '环翠区现行妈妈岗政策：关于推行“妈妈岗”就业模式的十条措施（威人社字〔2025〕6号）',
      eligibility: { eligible: true },
      total: 0,
      claims: [],
    });
    const grant = res.body.items.find((i: { code: string }) => i.code === 'startup_grant');
    expect(grant).toMatchObject({ applies: false, potentialTotal: 12000, basis: '威人社字〔2025〕6号 措施（五）', missing: ['须首次创办小微企业或个体工商户'] });

    const zs = await f.signedInMother('中山妈妈', '442000');
    const none = await t.http.get('/api/policies/me').set(bearer(zs.token)).expect(200);
    expect(none.body).toMatchObject({ policy: null, items: [], summary: '中山市暂未录入今天有效的妈妈岗政策，请咨询当地人社部门或驿站' });

    const noProfile = await f.user('还没填资料', [{ role: 'mother' }]);
    const refused = await t.http.get('/api/policies/me').set(bearer(noProfile.token)).expect(403);
    expect(refused.body.code).toBe('POLICY_NEEDS_PROFILE');
  });

  it('shows an employer, per hire and for a typical hire, what it qualifies for and what is missing', async () => {
    const employerId = await f.employer({ regionCode: '371002', name: '威海市某某电子有限公司' });
    const member = await f.user('电子厂人事', [{ role: 'employer_member', employerId }]);
    const mother = await f.mother({ regionCode: '371002', name: '孙丽' });
    const { hireId } = await f.hiredThroughPlatform({ employerId, regionCode: '371002', motherId: mother, startDate: '2026-09-01', title: '质检员' });

    const res = await t.http.get(`/api/policies/employers/${employerId}`).set(bearer(member.token)).expect(200);
    expect(res.body).toMatchObject({ employerName: '威海市某某电子有限公司', employer: { approved: true, isLabourDispatch: false }, policy: { source: '威人社字〔2025〕6号' } });
    const general = Object.fromEntries(res.body.general.items.map((i: { code: string; missing: string[]; reasons: string[] }) => [i.code, i]));
    expect(general.employer_social_insurance_full.reasons).toContain('按单位实际缴纳的社会保险费全额补贴；填写单位每月缴费金额后可估算');
    expect(general.domestic_accident_insurance.missing).toEqual(['此项补贴仅适用于家政服务机构']);
    expect(general.hiring_tax_deduction.missing).toEqual(['录用人员须登记失业半年以上或属于脱贫人口']);
    expect(res.body.hires).toHaveLength(1);
    expect(res.body.hires[0]).toMatchObject({ hireId, motherName: '孙*', postTitle: '质检员', startDate: '2026-09-01', contractLabel: '劳动合同', policy: { source: '威人社字〔2025〕6号' } });

    await t.http.get(`/api/policies/employers/${employerId}`).set(bearer(official.token)).expect(200);
    const stranger = await f.user('外单位', [{ role: 'employer_member', employerId: await f.employer({ regionCode: '371002' }) }]);
    await t.http.get(`/api/policies/employers/${employerId}`).set(bearer(stranger.token)).expect(404);
    const otherCity = await f.user('中山官员', [{ role: 'official', regionCode: '442000' }]);
    await t.http.get(`/api/policies/employers/${employerId}`).set(bearer(otherCity.token)).expect(404);
  });

  it('versions the minimum wage: a new figure takes effect on its own date', async () => {
    const data = t.app.get(PolicyDataService);
    const res = await t.http
      .post('/api/official/minimum-wages')
      .set(bearer(official.token))
      .send({ regionCode: '371000', monthly: 2400, hourly: 24, source: '山东省人民政府关于调整最低工资标准的通知', effectiveFrom: '2027-01-01', note: '省里公布新标准' })
      .expect(201);
    expect(res.body).toMatchObject({ kind: 'minimum_wage', inForce: false, minimumWage: { monthly: 2400, hourly: 24, regionName: '威海市' } });
    expect((await data.minimumWage('371003', '2026-12-31'))?.monthly).toBe(2200);
    expect((await data.minimumWage('371003', '2027-01-01'))).toMatchObject({ monthly: 2400, versionId: res.body.id });
    expect((await t.http.get('/api/policies/current?regionCode=371000').expect(200)).body.minimumWage.monthly).toBe(2200);

    const bad = await t.http
      .post('/api/official/minimum-wages')
      .set(bearer(official.token))
      .send({ regionCode: '371000', monthly: 50, hourly: 24, source: 's', effectiveFrom: '2027-01-01', note: '录入错误' })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'POLICY_INVALID', details: [{ field: 'monthly', rule: 'minimumWage', message: '月最低工资须在100至100000之间' }] });
    const unknown = await t.http
      .post('/api/official/minimum-wages')
      .set(bearer(official.token))
      .send({ regionCode: '379999', monthly: 2400, hourly: 24, source: 's', effectiveFrom: '2027-01-01', note: '不存在的地区' })
      .expect(400);
    expect(unknown.body.code).toBe('POLICY_REGION_UNKNOWN');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM policy_versions WHERE kind = 'minimum_wage' AND region_code = '371000'`);
    expect(n).toBe(2);
  });
});
