import ExcelJS from 'exceljs';
import { FixedClock } from '../src/common/clock/clock';
import { createTestApp, type TestApp } from './support/test-app';
import { application, employer, hire, mother, official, post, station } from './support/issue6-rows';

/*
 * A hand-counted fixture for October 2026 in 威海市 (371000): every figure below was counted by
 * hand from the rows inserted in beforeAll, with rows just outside the period (by minutes, in
 * China time) and outside the city (日照市) that must not count.
 */
const FROM = '2026-10-01';
const TO = '2026-10-31';
const at = (local: string) => `${local}+08:00`;

type Auth = { authorization: string };

function binaryParser(res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('monitoring figures for officials', () => {
  const clock = new FixedClock(new Date(at('2026-11-15T09:00:00')));
  let t: TestApp;
  let cityOfficial: Auth;
  let wendengOfficial: Auth;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const ds = t.dataSource;
    cityOfficial = (await official(t, '371000', clock.now())).auth;
    wendengOfficial = (await official(t, '371003', clock.now())).auth;
    await ds.query(`INSERT INTO regions (code, name, level, parent_code, center_lat, center_lng) VALUES
      ('371100', '日照市', 'city', '370000', 35.4164, 119.5269), ('371102', '东港区', 'district', '371100', 35.4254, 119.4623)`);

    const e1 = await employer(ds, { regionCode: '371002' });
    const e2 = await employer(ds, { regionCode: '371003' });
    const e3 = await employer(ds, { regionCode: '371102' });

    // Posts. New in October: P1, P2, P3. Open on some day of October: P1, P2, P3, P6, P9.
    const p1 = await post(ds, { employerId: e1, regionCode: '371002', type: 'production_line', hourlyMin: 25, hoursPerWeek: 20, createdAt: at('2026-10-05T10:00:00') });
    const p2 = await post(ds, {
      employerId: e1,
      regionCode: '371002',
      type: 'stage_full_companion',
      stage: 'full_companion',
      payBasis: 'per_piece',
      payMin: 1,
      hourlyMin: 20,
      hoursPerWeek: 20,
      insurance: 'commercial',
      contractForm: 'service_agreement',
      createdAt: at('2026-10-10T10:00:00'),
    });
    const p3 = await post(ds, {
      employerId: e2,
      regionCode: '371003',
      type: 'school_canteen',
      payBasis: 'monthly',
      payMin: 2500,
      hourlyMin: 14.42,
      hoursPerWeek: 40,
      createdAt: at('2026-10-31T23:30:00'),
    });
    await post(ds, { employerId: e2, regionCode: '371003', createdAt: at('2026-11-01T00:30:00') }); // P4: after the period
    await post(ds, { employerId: e1, regionCode: '371002', type: 'domestic_service', status: 'expired', createdAt: at('2026-09-15T10:00:00'), closedAt: at('2026-09-30T12:00:00') }); // P5
    const p6 = await post(ds, { employerId: e1, regionCode: '371002', type: 'domestic_service', status: 'filled', createdAt: at('2026-09-20T10:00:00'), closedAt: at('2026-10-03T12:00:00') });
    const p7 = await post(ds, { employerId: e3, regionCode: '371102', createdAt: at('2026-10-05T10:00:00') }); // another city
    await post(ds, { employerId: e2, regionCode: '371003', type: 'handicraft', createdAt: at('2026-09-01T10:00:00'), validUntil: at('2026-09-25T00:00:00') }); // P8: lapsed, not yet closed
    const p9 = await post(ds, { employerId: e2, regionCode: '371003', type: 'production_line', createdAt: at('2026-08-20T10:00:00') });

    // Mothers: M3 registered at 00:30 China time on 2 October (still 1 October in UTC).
    const m1 = (await mother(t, { regionCode: '371002', createdAt: at('2026-09-01T10:00:00') })).motherId;
    const m2 = (await mother(t, { regionCode: '371003', createdAt: at('2026-09-21T10:00:00'), registeredAt: at('2026-09-11T10:00:00') })).motherId;
    const m3 = (await mother(t, { regionCode: '371002', createdAt: at('2026-10-02T00:30:00') })).motherId;
    const m4 = (await mother(t, { regionCode: '371102', createdAt: at('2026-09-01T10:00:00') })).motherId;
    const m5 = (await mother(t, { regionCode: '371003', createdAt: at('2026-10-01T10:00:00'), registeredAt: at('2026-08-02T10:00:00') })).motherId;

    // Applications and hires (each hire brings its application).
    const h1 = await hire(ds, { postId: p1, employerId: e1, motherId: m1, startDate: '2026-10-20', applicationCreatedAt: at('2026-10-06T10:00:00') });
    await application(ds, { postId: p1, employerId: e1, motherId: m2, createdAt: at('2026-10-07T10:00:00') });
    const h2 = await hire(ds, { postId: p2, employerId: e1, motherId: m3, startDate: '2026-10-25', applicationCreatedAt: at('2026-10-12T10:00:00') });
    const h3 = await hire(ds, { postId: p6, employerId: e1, motherId: m1, startDate: '2026-10-01', applicationCreatedAt: at('2026-09-25T10:00:00') });
    await hire(ds, { postId: p3, employerId: e2, motherId: m2, startDate: '2026-11-03', applicationCreatedAt: at('2026-10-31T23:00:00') }); // H4
    await application(ds, { postId: p3, employerId: e2, motherId: m3, createdAt: at('2026-11-01T00:10:00') });
    await hire(ds, { postId: p7, employerId: e3, motherId: m4, startDate: '2026-10-10', applicationCreatedAt: at('2026-10-06T10:00:00') }); // H5: another city
    const h6 = await hire(ds, { postId: p9, employerId: e2, motherId: m5, startDate: '2026-10-12', applicationCreatedAt: at('2026-09-10T10:00:00') });

    // 12333 items of M1 (环翠) and M5 (文登).
    const s1 = await station(ds, { name: '环翠驿站', regionCode: '371002' });
    const s2 = await station(ds, { name: '文登驿站', regionCode: '371003' });
    for (const [m, s, region] of [
      [m1, s1, '371002'],
      [m5, s2, '371003'],
    ] as const) {
      await ds.query(`INSERT INTO follow_up_plans (mother_id, station_id, region_code, registered_on, deadline) VALUES ($1, $2, $3, '2026-09-01', '2027-08-31')`, [m, s, region]);
    }
    const item = (m: string, s: string, region: string, kind: string, due: string, served: string | null, stopped: string | null = null) =>
      ds.query(
        `INSERT INTO follow_up_items (mother_id, station_id, region_code, kind, seq, due_on, served_on, stopped_on) VALUES ($1, $2, $3, $4, 1, $5, $6, $7)`,
        [m, s, region, kind, due, served, stopped],
      );
    await item(m1, s1, '371002', 'policy_consultation', '2026-10-05', '2026-10-04');
    await item(m1, s1, '371002', 'job_recommendation', '2026-10-12', null, '2026-10-01'); // stopped by her hire
    await item(m1, s1, '371002', 'career_guidance', '2026-10-28', '2026-11-02'); // served after the period
    await item(m1, s1, '371002', 'training_notice', '2026-11-05', null);
    await item(m5, s2, '371003', 'policy_consultation', '2026-10-01', '2026-10-01');
    await item(m5, s2, '371003', 'job_recommendation', '2026-10-31', null);
    await item(m5, s2, '371003', 'career_guidance', '2026-09-30', '2026-09-29');
    await item(m5, s2, '371003', 'training_notice', '2026-10-20', '2026-10-15');

    // Subsidy claims.
    const [policy] = await ds.query(`SELECT id FROM policy_versions WHERE kind = 'policy' ORDER BY created_at LIMIT 1`);
    const claim = async (c: {
      hireId: string;
      employerId: string;
      motherId: string;
      region: string;
      code: string;
      family: string;
      source?: string;
      status: string;
      amount: number;
      createdAt: string;
      decidedAt?: string;
      periodFrom: string;
    }) => {
      const [row] = await ds.query(
        `INSERT INTO subsidy_claims (hire_id, employer_id, mother_id, region_code, subsidy_code, subsidy_family, source, status, period_from, period_to,
                                     amount, basis, policy_version_id, check_result, decided_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ($9::date + 364), $10, '测试', $11, '{}', $12, $13, $13) RETURNING id`,
        [c.hireId, c.employerId, c.motherId, c.region, c.code, c.family, c.source ?? 'employer', c.status, c.periodFrom, c.amount, policy.id, c.decidedAt ?? null, c.createdAt],
      );
      return row.id as string;
    };
    await claim({ ...hireOf(h1, e1, m1, '371002'), code: 'employer_social_insurance_full', family: 'social_insurance', status: 'approved', amount: 1000, createdAt: at('2026-10-21T10:00:00'), decidedAt: at('2026-10-28T10:00:00'), periodFrom: '2026-10-20' });
    await claim({ ...hireOf(h2, e1, m3, '371002'), code: 'employer_post_subsidy', family: 'post', status: 'submitted', amount: 1200, createdAt: at('2026-10-26T10:00:00'), periodFrom: '2026-10-25' });
    await claim({ ...hireOf(h6, e2, m5, '371003'), code: 'employer_social_insurance_full', family: 'social_insurance', status: 'approved', amount: 500, createdAt: at('2026-09-20T10:00:00'), decidedAt: at('2026-10-05T10:00:00'), periodFrom: '2026-10-12' });
    const c4 = await claim({ ...hireOf(h3, e1, m1, '371002'), code: 'employer_post_subsidy', family: 'post', source: 'auto', status: 'submitted', amount: 300, createdAt: at('2026-09-28T10:00:00'), periodFrom: '2026-10-01' });
    await ds.query(`INSERT INTO claim_decisions (claim_id, action, created_at) VALUES ($1, 'proposed', $2), ($1, 'submitted', $3)`, [c4, at('2026-09-28T10:00:00'), at('2026-10-02T10:00:00')]);
    await claim({ ...hireOf(h1, e1, m1, '371002'), code: 'employer_training', family: 'training', source: 'auto', status: 'proposed', amount: 200, createdAt: at('2026-10-22T10:00:00'), periodFrom: '2026-10-22' });

    // Training: K1 in 环翠, K2 in 文登.
    const course = async (region: string) => {
      const [c] = await ds.query(
        `INSERT INTO courses (region_code, provider_kind, provider_name, title, skill, online, seats, total_minutes, first_starts_at, last_ends_at)
         VALUES ($1, 'official', '人社局', '育婴员培训', 'childcare', true, 10, 120, $2, $3) RETURNING id`,
        [region, at('2026-10-20T19:00:00'), at('2026-10-27T21:00:00')],
      );
      const [s] = await ds.query(`INSERT INTO course_sessions (course_id, seq, starts_at, ends_at) VALUES ($1, 1, $2, $3) RETURNING id`, [
        c.id,
        at('2026-10-20T19:00:00'),
        at('2026-10-20T21:00:00'),
      ]);
      return { courseId: c.id as string, sessionId: s.id as string };
    };
    const signUp = (courseId: string, motherId: string, when: string, status = 'active') =>
      ds.query(`INSERT INTO course_signups (course_id, mother_id, status, signed_up_at) VALUES ($1, $2, $3, $4)`, [courseId, motherId, status, when]);
    const attend = (k: { courseId: string; sessionId: string }, motherId: string, present: boolean) =>
      ds.query(`INSERT INTO course_attendance (session_id, mother_id, course_id, present, recorded_at) VALUES ($1, $2, $3, $4, now())`, [k.sessionId, motherId, k.courseId, present]);
    const k1 = await course('371002');
    const k2 = await course('371003');
    await signUp(k1.courseId, m1, at('2026-10-03T10:00:00'));
    await attend(k1, m1, true);
    await signUp(k1.courseId, m3, at('2026-10-04T10:00:00'));
    await attend(k1, m3, false);
    await signUp(k1.courseId, m2, at('2026-10-05T10:00:00'), 'cancelled');
    await signUp(k1.courseId, m5, at('2026-09-28T10:00:00'));
    await attend(k1, m5, true);
    await signUp(k2.courseId, m5, at('2026-10-10T10:00:00'));
    await attend(k2, m5, true);
    await signUp(k2.courseId, m2, at('2026-10-31T23:59:00'));

    // Fairs. Held in the city in October: F1 (环翠, 15 Oct). Not: F2 (文登, 5 Nov), F3 (cancelled), F4 (日照).
    const [organiser] = await ds.query(`INSERT INTO users (display_name) VALUES ('招聘会组织者') RETURNING id`);
    const fair = async (region: string, date: string, status = 'published') => {
      const [row] = await ds.query(
        `INSERT INTO fairs (region_code, title, mode, address, lat, lng, fair_date, start_time, end_time, starts_at, ends_at, seats, status, created_by)
         VALUES ($1, '宝妈专场招聘会', 'onsite', '会场', 37.5, 122.1, $2, '09:00', '12:00', $3, $4, 50, $5, $6) RETURNING id`,
        [region, date, at(`${date}T09:00:00`), at(`${date}T12:00:00`), status, organiser.id],
      );
      return row.id as string;
    };
    const f1 = await fair('371002', '2026-10-15');
    const f2 = await fair('371003', '2026-11-05');
    const f3 = await fair('371002', '2026-10-20', 'cancelled');
    await fair('371102', '2026-10-15');
    let seq = 0;
    const fairSignUp = (fairId: string, motherId: string, status: string, walkIn = false) =>
      ds.query(
        `INSERT INTO fair_signups (fair_id, mother_id, seq, code_hash, status, holds_seat, walk_in, signed_up_at, checked_in_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [fairId, motherId, ++seq, `hash-${seq}`, status, status !== 'cancelled' && !walkIn, walkIn, at('2026-10-10T10:00:00'), status === 'checked_in' ? at('2026-10-15T09:30:00') : null],
      );
    // F1: M1 signed up, M3 signed up and came, M2 cancelled, M5 walked in. F2 and F3 do not count.
    await fairSignUp(f1, m1, 'signed_up');
    await fairSignUp(f1, m3, 'checked_in');
    await fairSignUp(f1, m2, 'cancelled');
    await fairSignUp(f1, m5, 'checked_in', true);
    await fairSignUp(f2, m2, 'signed_up');
    await fairSignUp(f3, m1, 'cancelled');
    // Applications from a fair: H2's (12 Oct, F1) counts, and its hire; H6's (F2) was made in
    // September, but its hire started in October; M3's on P3 (F2) came after the period.
    await ds.query(`UPDATE applications SET fair_id = $1, source = 'fair' WHERE id = $2`, [f1, h2.applicationId]);
    await ds.query(`UPDATE applications SET fair_id = $1, source = 'fair' WHERE id = $2`, [f2, h6.applicationId]);
    await ds.query(`UPDATE applications SET fair_id = $1, source = 'fair' WHERE post_id = $2 AND mother_id = $3`, [f2, p3, m3]);
    // Livestreams: L1 on P1 (8 Oct) brought M2's application and H1's; L2 was cancelled.
    const livestream = async (status: string, day: string) => {
      const [row] = await ds.query(
        `INSERT INTO livestreams (post_id, employer_id, region_code, title, platform, url, starts_at, ends_at, status, created_by)
         VALUES ($1, $2, '371002', '直播带岗', 'other', 'https://example.com/live', $3, $4, $5, $6) RETURNING id`,
        [p1, e1, at(`${day}T19:00:00`), at(`${day}T20:00:00`), status, organiser.id],
      );
      return row.id as string;
    };
    const l1 = await livestream('scheduled', '2026-10-08');
    await livestream('cancelled', '2026-10-09');
    await ds.query(`UPDATE applications SET livestream_id = $1, source = 'livestream' WHERE id = $2`, [l1, h1.applicationId]);
    await ds.query(`UPDATE applications SET livestream_id = $1, source = 'livestream' WHERE post_id = $2 AND mother_id = $3`, [l1, p1, m2]);
  });
  afterAll(async () => {
    await t?.close();
  });

  function hireOf(h: { hireId: string }, employerId: string, motherId: string, region: string) {
    return { hireId: h.hireId, employerId, motherId, region };
  }

  const ZERO_QUALITY = {
    posts: 0,
    labourContract: 0,
    labourContractShare: null,
    socialInsurance: 0,
    socialInsuranceShare: null,
    wageChecked: 0,
    meetsMinimumWage: 0,
    meetsMinimumWageShare: null,
    payToMinimumWage: null,
  };

  const TOTALS = {
    posts: { new: 3, open: 5 },
    applications: 4,
    applicants: 3,
    hires: 4,
    daysToEmployment: { hires: 3, median: 30, average: 41.3 },
    followUp: { owed: 5, done: 3, rate: 0.6 },
    subsidies: { claimed: 3, claimedAmount: 2500, paid: 2, paidAmount: 1500 },
    quality: {
      posts: 3,
      labourContract: 2,
      labourContractShare: 0.6667,
      socialInsurance: 2,
      socialInsuranceShare: 0.6667,
      wageChecked: 3,
      meetsMinimumWage: 2,
      meetsMinimumWageShare: 0.6667,
      payToMinimumWage: 0.9,
    },
    training: { signUps: 4, attended: 2, attendanceRate: 0.5 },
    fairs: { fairs: 1, signUps: 2, walkIns: 1, checkIns: 2, fairApplications: 1, fairHires: 2, livestreams: 1, livestreamApplications: 2, livestreamHires: 1 },
  };

  const NO_FAIRS = { fairs: 0, signUps: 0, walkIns: 0, checkIns: 0, fairApplications: 0, fairHires: 0, livestreams: 0, livestreamApplications: 0, livestreamHires: 0 };

  it('matches the hand-counted totals for the city', async () => {
    const res = await t.http.get(`/api/official/monitoring?from=${FROM}&to=${TO}`).set(cityOfficial).expect(200);
    expect(res.body).toEqual({ regionCode: '371000', regionName: '威海市', from: FROM, to: TO, groupBy: null, totals: TOTALS, groups: [] });
  });

  it('matches the hand-counted figures of every district, listing the districts with nothing too', async () => {
    const res = await t.http.get(`/api/official/monitoring?from=${FROM}&to=${TO}&groupBy=district`).set(cityOfficial).expect(200);
    expect(res.body.totals).toEqual(TOTALS);
    const groups = res.body.groups as { key: string; label: string; figures: unknown }[];
    expect(groups.map((g) => [g.key, g.label])).toEqual([
      ['371002', '环翠区'],
      ['371003', '文登区'],
      ['371071', '威海火炬高技术产业开发区'],
      ['371072', '威海经济技术开发区'],
      ['371073', '威海临港经济技术开发区'],
      ['371082', '荣成市'],
      ['371083', '乳山市'],
    ]);
    expect(groups[0]!.figures).toEqual({
      posts: { new: 2, open: 3 },
      applications: 3,
      applicants: 3,
      hires: 3,
      daysToEmployment: { hires: 2, median: 26.5, average: 26.5 },
      followUp: { owed: 2, done: 1, rate: 0.5 },
      subsidies: { claimed: 3, claimedAmount: 2500, paid: 1, paidAmount: 1000 },
      quality: {
        posts: 2,
        labourContract: 1,
        labourContractShare: 0.5,
        socialInsurance: 1,
        socialInsuranceShare: 0.5,
        wageChecked: 2,
        meetsMinimumWage: 1,
        meetsMinimumWageShare: 0.5,
        payToMinimumWage: 1.02,
      },
      training: { signUps: 2, attended: 1, attendanceRate: 0.5 },
      fairs: { fairs: 1, signUps: 2, walkIns: 1, checkIns: 2, fairApplications: 1, fairHires: 1, livestreams: 1, livestreamApplications: 2, livestreamHires: 1 },
    });
    expect(groups[1]!.figures).toEqual({
      posts: { new: 1, open: 2 },
      applications: 1,
      applicants: 1,
      hires: 1,
      daysToEmployment: { hires: 1, median: 71, average: 71 },
      followUp: { owed: 3, done: 2, rate: 0.6667 },
      subsidies: { claimed: 0, claimedAmount: 0, paid: 1, paidAmount: 500 },
      quality: {
        posts: 1,
        labourContract: 1,
        labourContractShare: 1,
        socialInsurance: 1,
        socialInsuranceShare: 1,
        wageChecked: 1,
        meetsMinimumWage: 1,
        meetsMinimumWageShare: 1,
        payToMinimumWage: 0.66,
      },
      training: { signUps: 2, attended: 1, attendanceRate: 0.5 },
      fairs: { ...NO_FAIRS, fairHires: 1 },
    });
    expect(groups[5]!.figures).toEqual({
      posts: { new: 0, open: 0 },
      applications: 0,
      applicants: 0,
      hires: 0,
      daysToEmployment: { hires: 0, median: null, average: null },
      followUp: { owed: 0, done: 0, rate: null },
      subsidies: { claimed: 0, claimedAmount: 0, paid: 0, paidAmount: 0 },
      quality: ZERO_QUALITY,
      training: { signUps: 0, attended: 0, attendanceRate: null },
      fairs: NO_FAIRS,
    });
  });

  it('matches the hand-counted figures by post type and by stage (no 12333 or training figures there)', async () => {
    const byType = await t.http.get(`/api/official/monitoring?from=${FROM}&to=${TO}&groupBy=type`).set(cityOfficial).expect(200);
    const pick = (g: { key: string; label: string; figures: Record<string, unknown> }) => [
      g.key,
      g.label,
      g.figures.posts,
      g.figures.applications,
      g.figures.applicants,
      g.figures.hires,
      (g.figures.daysToEmployment as { median: number | null }).median,
      g.figures.subsidies,
      g.figures.followUp,
      g.figures.training,
      g.figures.fairs,
    ];
    expect(byType.body.groups.map(pick)).toEqual([
      ['stage_full_companion', '全程陪伴型', { new: 1, open: 1 }, 1, 1, 1, 23, { claimed: 1, claimedAmount: 1200, paid: 0, paidAmount: 0 }, null, null, null],
      ['production_line', '生产线', { new: 1, open: 2 }, 2, 2, 2, 71, { claimed: 1, claimedAmount: 1000, paid: 2, paidAmount: 1500 }, null, null, null],
      ['domestic_service', '家政服务', { new: 0, open: 1 }, 0, 0, 1, 30, { claimed: 1, claimedAmount: 300, paid: 0, paidAmount: 0 }, null, null, null],
      ['school_canteen', '学校餐厅', { new: 1, open: 1 }, 1, 1, 0, null, { claimed: 0, claimedAmount: 0, paid: 0, paidAmount: 0 }, null, null, null],
    ]);

    const byStage = await t.http.get(`/api/official/monitoring?from=${FROM}&to=${TO}&groupBy=stage`).set(cityOfficial).expect(200);
    expect(byStage.body.groups.map(pick)).toEqual([
      ['full_companion', '全程陪伴型', { new: 1, open: 1 }, 1, 1, 1, 23, { claimed: 1, claimedAmount: 1200, paid: 0, paidAmount: 0 }, null, null, null],
      ['none', '不分阶段', { new: 2, open: 4 }, 3, 2, 3, 50.5, { claimed: 2, claimedAmount: 1300, paid: 2, paidAmount: 1500 }, null, null, null],
    ]);
  });

  it("keeps a district official to her district and refuses another's", async () => {
    const own = await t.http.get(`/api/official/monitoring?from=${FROM}&to=${TO}`).set(wendengOfficial).expect(200);
    expect(own.body).toMatchObject({ regionCode: '371003', regionName: '文登区' });
    expect(own.body.totals).toMatchObject({ posts: { new: 1, open: 2 }, applications: 1, hires: 1, followUp: { owed: 3, done: 2, rate: 0.6667 } });
    const city = await t.http.get(`/api/official/monitoring?from=${FROM}&to=${TO}&regionCode=371000`).set(wendengOfficial).expect(403);
    expect(city.body.code).toBe('FORBIDDEN');
    await t.http.get(`/api/official/monitoring.xlsx?regionCode=371002`).set(wendengOfficial).expect(403);
    const mum = await mother(t, {}, clock.now());
    await t.http.get('/api/official/monitoring').set(mum.auth).expect(403);
  });

  it('defaults to the last 30 days and refuses a bad period', async () => {
    const res = await t.http.get('/api/official/monitoring').set(cityOfficial).expect(200);
    expect(res.body).toMatchObject({ from: '2026-10-17', to: '2026-11-15' });
    for (const q of ['from=2026-11-01&to=2026-10-01', 'from=2024-01-01&to=2026-10-01', 'from=2026-02-30&to=2026-03-01']) {
      const bad = await t.http.get(`/api/official/monitoring?${q}`).set(cityOfficial).expect(400);
      expect(bad.body.code).toBe('MONITORING_PERIOD_INVALID');
    }
    expect((await t.http.get('/api/official/monitoring?groupBy=month').set(cityOfficial).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('exports the same figures as an .xlsx that reads back', async () => {
    const res = await t.http
      .get(`/api/official/monitoring.xlsx?from=${FROM}&to=${TO}`)
      .set(cityOfficial)
      .buffer(true)
      .parse(binaryParser as never)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('monitoring-371000-2026-10-01-2026-10-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect(book.worksheets.map((w) => w.name)).toEqual(['总览', '按区县', '按岗位类型', '按育儿阶段']);

    const overview = book.getWorksheet('总览')!;
    const values = new Map<string, unknown>();
    overview.eachRow((row, n) => {
      if (n > 1) values.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(values.get('地区')).toBe('威海市（371000）');
    expect(values.get('统计区间')).toBe('2026-10-01 至 2026-10-31');
    expect(values.get('新增岗位')).toBe(3);
    expect(values.get('在招岗位')).toBe(5);
    expect(values.get('投递人数')).toBe(3);
    expect(values.get('录用人数')).toBe(4);
    expect(values.get('就业用时中位数（天）')).toBe(30);
    expect(values.get('12333完成率')).toBe(0.6);
    expect(values.get('补贴申领金额（元）')).toBe(2500);
    expect(values.get('补贴核准金额（元）')).toBe(1500);
    expect(values.get('达到最低工资岗位占比')).toBe(0.6667);
    expect(values.get('培训到课率')).toBe(0.5);
    expect(values.get('举办招聘会场次')).toBe(1);
    expect(values.get('招聘会签到人数')).toBe(2);
    expect(values.get('招聘会录用人数')).toBe(2);
    expect(values.get('直播带岗投递次数')).toBe(2);

    const districts = book.getWorksheet('按区县')!;
    const header = (districts.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(districts.rowCount).toBe(8);
    const huancui = districts.getRow(2);
    expect(huancui.getCell(1).value).toBe('环翠区');
    expect(huancui.getCell(col('新增岗位')).value).toBe(2);
    expect(huancui.getCell(col('录用人数')).value).toBe(3);
    expect(huancui.getCell(col('就业用时中位数（天）')).value).toBe(26.5);
    expect(districts.getRow(3).getCell(col('12333完成率')).value).toBe(0.6667);
    expect(huancui.getCell(col('招聘会报名人数')).value).toBe(2);
    expect(districts.getRow(3).getCell(col('招聘会录用人数')).value).toBe(1);

    const types = book.getWorksheet('按岗位类型')!;
    // No post type for a 12333 item: the cell is empty.
    expect(types.getRow(2).getCell(col('12333完成率')).value).toBeNull();
    expect(types.getRow(2).getCell(col('举办招聘会场次')).value).toBeNull();
    expect(types.getRow(2).getCell(1).value).toBe('全程陪伴型');
  });

  it('judges pay against the minimum wage officials recorded for the day, not a built-in figure', async () => {
    await t.http
      .post('/api/official/minimum-wages')
      .set(cityOfficial)
      .send({ regionCode: '371003', monthly: 3000, hourly: 30, source: '测试：文登区新标准', effectiveFrom: '2026-10-01', note: '提高标准' })
      .expect(201);
    const res = await t.http.get(`/api/official/monitoring?from=${FROM}&to=${TO}&regionCode=371003`).set(wendengOfficial).expect(200);
    // P3 (monthly 2500, 14.42 an hour) met the old standard and falls short of the new one.
    expect(res.body.totals.quality).toMatchObject({ wageChecked: 1, meetsMinimumWage: 0, meetsMinimumWageShare: 0, payToMinimumWage: 0.48 });
  });
});
