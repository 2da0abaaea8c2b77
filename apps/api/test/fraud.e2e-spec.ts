import { FixedClock } from '../src/common/clock/clock';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { SubsidyFixtures, bearer } from './support/subsidy-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

const NOW = new Date('2026-11-23T02:00:00Z');
const WH = '371002';
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

/**
 * Each fraud rule must flag the case planted for it and leave the honest look-alike next to it
 * alone. Rows are planted in SQL: claims that the claim rules would refuse, hires without a real
 * application, posts created on a given day.
 */
describe('fraud checks: flags with explanations for officials, never penalties', () => {
  const clock = new FixedClock(NOW);
  let t: TestApp;
  let f: SubsidyFixtures;
  let official: { id: string; token: string };
  let versionId: string;
  const planted: Record<string, string> = {};
  const honest: Record<string, string> = {};
  let plantedClaimId: string;

  const claim = async (o: { hireId: string; employerId: string; motherId: string; code: string; family: string; from: string; to: string; status?: string }) => {
    const [c] = await t.dataSource.query(
      `INSERT INTO subsidy_claims (hire_id, employer_id, mother_id, region_code, subsidy_code, subsidy_family, source, status, period_from, period_to,
         amount, basis, policy_version_id, check_result, created_at, updated_at, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'employer', $7, $8, $9, 1000, '威人社字〔2025〕6号', $10, '{}', $11, $11, $12) RETURNING id`,
      [o.hireId, o.employerId, o.motherId, WH, o.code, o.family, o.status ?? 'submitted', o.from, o.to, versionId, NOW, o.status === 'approved' ? NOW : null],
    );
    return c.id as string;
  };
  const end = (hireId: string, on: string) => t.dataSource.query(`INSERT INTO hire_endings (hire_id, ended_on, reason) VALUES ($1, $2, '离职')`, [hireId, on]);
  const complaint = (o: { motherId: string; employerId: string; category: string; at?: Date }) =>
    t.dataSource.query(`INSERT INTO rights_cases (mother_id, kind, category, employer_id, region_code, text, created_at) VALUES ($1, 'complaint', $2, $3, $4, '承诺的接送孩子时间没有兑现', $5)`, [
      o.motherId,
      o.category,
      o.employerId,
      WH,
      o.at ?? daysAgo(10),
    ]);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new SubsidyFixtures(t, () => clock.now());
    official = await f.user('威海人社稽核', [{ role: 'official', regionCode: '371000' }]);
    versionId = (await t.dataSource.query(`SELECT id FROM policy_versions WHERE kind = 'policy' AND region_code = '371000'`))[0].id;

    // 1. The same mother subsidised by two employers at once; honest: one job after the other.
    {
      const [e1, e2] = [await f.employer({ regionCode: WH, name: '甲公司' }), await f.employer({ regionCode: WH, name: '乙公司' })];
      const m = await f.mother({ regionCode: WH, name: '重叠妈妈' });
      const a = await f.hiredThroughPlatform({ employerId: e1, regionCode: WH, motherId: m, startDate: '2026-03-01', title: '装配工' });
      const b = await f.hiredThroughPlatform({ employerId: e2, regionCode: WH, motherId: m, startDate: '2026-06-01', title: '客服专员' });
      plantedClaimId = await claim({ hireId: a.hireId, employerId: e1, motherId: m, code: 'employer_social_insurance_full', family: 'social_insurance', from: '2026-03-01', to: '2027-02-28', status: 'approved' });
      await claim({ hireId: b.hireId, employerId: e2, motherId: m, code: 'employer_post_subsidy', family: 'post', from: '2026-06-01', to: '2027-05-31' });
      planted.overlapping_subsidised_hires = `mother:${m}:hires:${[a.hireId, b.hireId].sort().join('|')}`;

      const h = await f.mother({ regionCode: WH, name: '换工作妈妈' });
      const c = await f.hiredThroughPlatform({ employerId: e1, regionCode: WH, motherId: h, startDate: '2025-05-01', title: '仓库理货员' });
      const d = await f.hiredThroughPlatform({ employerId: e2, regionCode: WH, motherId: h, startDate: '2026-05-01', title: '收银员' });
      await claim({ hireId: c.hireId, employerId: e1, motherId: h, code: 'employer_social_insurance_full', family: 'social_insurance', from: '2025-05-01', to: '2026-04-30', status: 'approved' });
      await claim({ hireId: d.hireId, employerId: e2, motherId: h, code: 'employer_post_subsidy', family: 'post', from: '2026-05-01', to: '2027-04-30' });
      honest.overlapping_subsidised_hires = `mother:${h}:hires:${[c.hireId, d.hireId].sort().join('|')}`;
    }
    // 2. A subsidised hire that ended after 19 days; honest: one that ended after six months.
    {
      const e = await f.employer({ regionCode: WH, name: '丙公司' });
      const m = await f.mother({ regionCode: WH, name: '速离妈妈' });
      const a = await f.hiredThroughPlatform({ employerId: e, regionCode: WH, motherId: m, startDate: '2026-09-01', title: '包装工' });
      await claim({ hireId: a.hireId, employerId: e, motherId: m, code: 'employer_social_insurance_full', family: 'social_insurance', from: '2026-09-01', to: '2027-08-31' });
      await end(a.hireId, '2026-09-20');
      planted.hire_ended_soon_after_subsidy = `hire:${a.hireId}`;
      const n = await f.mother({ regionCode: WH, name: '干满半年' });
      const b = await f.hiredThroughPlatform({ employerId: e, regionCode: WH, motherId: n, startDate: '2026-05-01', title: '质检员' });
      await claim({ hireId: b.hireId, employerId: e, motherId: n, code: 'employer_social_insurance_full', family: 'social_insurance', from: '2026-05-01', to: '2027-04-30' });
      await end(b.hireId, '2026-11-01');
      honest.hire_ended_soon_after_subsidy = `hire:${b.hireId}`;
    }
    // 3. Twelve posts and no hire in half a year; honest: twelve posts and a hire.
    {
      const jobs = ['缝纫', '熨烫', '剪裁', '打包', '质检', '仓管', '客服', '跟单', '配送', '保洁', '厨师', '文员'];
      const idle = await f.employer({ regionCode: WH, name: '只招不录公司' });
      for (const [i, j] of jobs.entries()) await f.post({ employerId: idle, regionCode: WH, title: `${j}岗`, type: i % 2 ? 'production_line' : 'short_term', payMin: 3000 + i * 500, payMax: 3200 + i * 500, createdAt: daysAgo(60 + i) });
      planted.many_posts_no_hires = `employer:${idle}`;
      const busy = await f.employer({ regionCode: WH, name: '正常招聘公司' });
      for (const [i, j] of jobs.entries()) await f.post({ employerId: busy, regionCode: WH, title: `${j}工`, type: i % 2 ? 'production_line' : 'short_term', payMin: 3000 + i * 500, payMax: 3200 + i * 500, createdAt: daysAgo(60 + i) });
      const m = await f.mother({ regionCode: WH, name: '被录用' });
      const postId = await f.post({ employerId: busy, regionCode: WH, title: '前台接待', type: 'sales', createdAt: daysAgo(40) });
      const applicationId = await f.application({ postId, motherId: m, employerId: busy });
      await f.hire({ applicationId, postId, employerId: busy, motherId: m, startDate: '2026-11-01', createdAt: daysAgo(20) });
      honest.many_posts_no_hires = `employer:${busy}`;
    }
    // 4. The same job posted twice in a week; honest: a different job, and the same job half a year apart.
    {
      const e = await f.employer({ regionCode: WH, name: '食品厂' });
      const p1 = await f.post({ employerId: e, regionCode: WH, title: '食品厂包装工', createdAt: daysAgo(5) });
      const p2 = await f.post({ employerId: e, regionCode: WH, title: '【急招】食品厂包装工 ２名', payMin: 3200, payMax: 3800, createdAt: daysAgo(2) });
      const p3 = await f.post({ employerId: e, regionCode: WH, title: '面点师', createdAt: daysAgo(3) });
      planted.near_duplicate_posts = `posts:${[p1, p2].sort().join('|')}`;
      honest.near_duplicate_posts = `posts:${[p1, p3].sort().join('|')}`;
      // A third copy is paired with the closest earlier one: a chain of flags, not every pair.
      const p4 = await f.post({ employerId: e, regionCode: WH, title: '食品厂包装工', createdAt: daysAgo(1) });
      planted['near_duplicate_posts:chain'] = `posts:${[p2, p4].sort().join('|')}`;
      honest['near_duplicate_posts:chain'] = `posts:${[p1, p4].sort().join('|')}`;
      const g = await f.employer({ regionCode: WH, name: '旅游酒店' });
      const q1 = await f.post({ employerId: g, regionCode: WH, title: '客房服务员', type: 'short_term', createdAt: daysAgo(200) });
      const q2 = await f.post({ employerId: g, regionCode: WH, title: '客房服务员', type: 'short_term', createdAt: daysAgo(5) });
      honest['near_duplicate_posts:seasonal'] = `posts:${[q1, q2].sort().join('|')}`;
    }
    // 5. A hire reported on another mother's application; honest: the hire from her own.
    {
      const e = await f.employer({ regionCode: WH, name: '丁公司' });
      const applicant = await f.mother({ regionCode: WH, name: '申请人' });
      const other = await f.mother({ regionCode: WH, name: '被登记人' });
      const postId = await f.post({ employerId: e, regionCode: WH, title: '电商客服', createdAt: daysAgo(100) });
      const applicationId = await f.application({ postId, motherId: applicant, employerId: e });
      const fake = await f.hire({ applicationId, postId, employerId: e, motherId: other, startDate: '2026-10-01' });
      planted.hire_without_application = `hire:${fake}`;
      const real = await f.hiredThroughPlatform({ employerId: e, regionCode: WH, motherId: applicant, startDate: '2026-10-01', title: '直播助理' });
      honest.hire_without_application = `hire:${real.hireId}`;
    }
    // 6. Broken promises from two mothers; honest: one mother, and a complaint that is no broken promise.
    {
      const e = await f.employer({ regionCode: WH, name: '戊公司' });
      const [m1, m2] = [await f.mother({ regionCode: WH, name: '投诉一' }), await f.mother({ regionCode: WH, name: '投诉二' })];
      await complaint({ motherId: m1, employerId: e, category: 'forced_overtime' });
      await complaint({ motherId: m2, employerId: e, category: 'leave_refused' });
      planted.broken_promise_complaints = `employer:${e}`;
      const g = await f.employer({ regionCode: WH, name: '己公司' });
      const [n1, n2] = [await f.mother({ regionCode: WH, name: '投诉三' }), await f.mother({ regionCode: WH, name: '投诉四' })];
      await complaint({ motherId: n1, employerId: g, category: 'wage_arrears' });
      await complaint({ motherId: n1, employerId: g, category: 'forced_overtime' });
      await complaint({ motherId: n2, employerId: g, category: 'discrimination' });
      honest.broken_promise_complaints = `employer:${g}`;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const flags = async () => (await t.dataSource.query(`SELECT id, rule, subject_key, explanation, status, region_code FROM fraud_flags`)) as { id: string; rule: string; subject_key: string; explanation: string; status: string; region_code: string }[];

  it('flags every planted case with an explanation, for the officials of its region', async () => {
    const res = await t.http.post('/api/official/fraud/scan').set(bearer(official.token)).send({}).expect(200);
    expect(res.body.created).toBe(res.body.found);
    const found = await flags();
    for (const [key, subject] of Object.entries(planted)) {
      const rule = key.split(':')[0] as string;
      const flag = found.find((x) => x.rule === rule && x.subject_key === subject);
      expect({ key, flagged: !!flag }).toEqual({ key, flagged: true });
      expect(flag?.region_code).toBe(WH);
      expect(flag?.explanation).toMatch(/\p{Script=Han}/u);
    }
    const explanation = (rule: string) => found.find((x) => x.rule === rule && x.subject_key === planted[rule])?.explanation;
    expect(explanation('hire_ended_soon_after_subsidy')).toBe('补贴期从2026-09-01开始，录用在2026-09-20结束，只过了19天（不足1个月）');
    expect(explanation('hire_without_application')).toBe('录用的人员与申请人不是同一人，这次录用可能不是通过平台申请产生的');
    expect(explanation('broken_promise_complaints')).toBe('2026-05-27以来有2名妈妈反映该单位承诺不兑现（投诉或入职回访共2件）');
    expect(explanation('many_posts_no_hires')).toBe('2026-05-27至2026-10-24发布岗位12个，近180天没有一次录用');
  });

  it('leaves every honest look-alike alone', async () => {
    const found = await flags();
    for (const [key, subject] of Object.entries(honest)) {
      const rule = key.split(':')[0] as string;
      expect({ key, flagged: found.some((x) => x.rule === rule && x.subject_key === subject) }).toEqual({ key, flagged: false });
    }
  });

  it('lists flags for officials of the region only, with names of what they point at', async () => {
    const list = await t.http.get('/api/official/fraud/flags?rule=near_duplicate_posts').set(bearer(official.token)).expect(200);
    const flag = list.body.items.find((x: { objects: { kind: string }[]; explanation: string }) => x.explanation.includes('食品厂包装工'));
    expect(flag).toMatchObject({ ruleLabel: '岗位高度重复', status: 'open', statusLabel: '待核查', notice: '本提示仅供人工核查，不是处罚依据' });
    expect(flag.objects.map((o: { kind: string; label: string }) => [o.kind, o.label])).toEqual([
      ['employer', '食品厂'],
      ['post', expect.any(String)],
      ['post', expect.any(String)],
    ]);
    const outsider = await f.user('中山稽核', [{ role: 'official', regionCode: '442000' }]);
    expect((await t.http.get('/api/official/fraud/flags').set(bearer(outsider.token)).expect(200)).body.total).toBe(0);
    await t.http.get(`/api/official/fraud/flags/${flag.id}`).set(bearer(outsider.token)).expect(404);
    const mother = await f.signedInMother('好奇妈妈', WH);
    await t.http.get('/api/official/fraud/flags').set(bearer(mother.token)).expect(403);
  });

  it('scanning again refreshes flags instead of duplicating them, and the daily job does the same', async () => {
    const before = (await flags()).length;
    const res = await t.http.post('/api/official/fraud/scan').set(bearer(official.token)).send({ regionCode: '371000' }).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: before, found: before });
    const run = await t.app.get(JobsService).runOnce();
    expect(run.failed).toBe(0);
    expect((await flags()).length).toBe(before);
  });

  it('an official resolves a flag with a note; nothing else changes, and a re-scan keeps her conclusion', async () => {
    const flag = (await flags()).find((x) => x.rule === 'overlapping_subsidised_hires' && x.subject_key === planted.overlapping_subsidised_hires)!;
    await t.http.post(`/api/official/fraud/flags/${flag.id}/resolve`).set(bearer(official.token)).send({ outcome: 'dismissed' }).expect(400);
    const res = await t.http
      .post(`/api/official/fraud/flags/${flag.id}/resolve`)
      .set(bearer(official.token))
      .send({ outcome: 'confirmed', note: '已核实：两家单位同时为其申报，转稽核程序处理' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'resolved', outcome: 'confirmed', outcomeLabel: '核实存在问题', resolvedBy: '威海人社稽核' });
    const again = await t.http.post(`/api/official/fraud/flags/${flag.id}/resolve`).set(bearer(official.token)).send({ outcome: 'dismissed', note: '改主意' }).expect(409);
    expect(again.body.code).toBe('FRAUD_FLAG_ALREADY_RESOLVED');

    // Never a penalty: the claim, the employers and the posts are as they were.
    const [c] = await t.dataSource.query(`SELECT status, amount FROM subsidy_claims WHERE id = $1`, [plantedClaimId]);
    expect(c).toEqual({ status: 'approved', amount: '1000.00' });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM employers WHERE status <> 'approved'`);
    expect(n).toBe(0);
    const [{ p }] = await t.dataSource.query(`SELECT count(*)::int AS p FROM posts WHERE status <> 'open'`);
    expect(p).toBe(0);

    await t.http.post('/api/official/fraud/scan').set(bearer(official.token)).send({}).expect(200);
    const [kept] = await t.dataSource.query(`SELECT status, outcome FROM fraud_flags WHERE id = $1`, [flag.id]);
    expect(kept).toEqual({ status: 'resolved', outcome: 'confirmed' });
    const resolved = await t.http.get('/api/official/fraud/flags?status=resolved').set(bearer(official.token)).expect(200);
    expect(resolved.body.items.map((x: { id: string }) => x.id)).toEqual([flag.id]);
  });

  it('shows the reviewing official the open flags about a claim', async () => {
    const flagged = await t.dataSource.query(`SELECT id, hire_id FROM subsidy_claims WHERE hire_id = $1`, [planted.hire_ended_soon_after_subsidy!.slice('hire:'.length)]);
    const res = await t.http.get(`/api/claims/${flagged[0].id}`).set(bearer(official.token)).expect(200);
    expect(res.body.flags.map((x: { rule: string }) => x.rule)).toContain('hire_ended_soon_after_subsidy');
  });
});
