import ExcelJS from 'exceljs';
import { makeResidentId, makeUscc } from '@mamagang/domain';
import { FixedClock } from '../src/common/clock/clock';
import { PiiCrypto } from '../src/common/crypto/pii-crypto';
import { TokenService } from '../src/modules/auth/token.service';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * The registration desk and the 12333 follow-up over HTTP, end to end: an official sets up a
 * station, a worker registers a mother, serves her, watches the worklist, the mother signs in
 * and sees her plan, a hire stops the recommendations, and the month's ledger comes out as .xlsx.
 */

type Auth = { authorization: string };

// 2026-11-02 10:00 in China.
const START = new Date('2026-11-02T02:00:00Z');
// Female (17th digit even), born 1990-01-01 in 环翠区; ends in X after the check digit.
const ID_NUMBER = makeResidentId('37100219900101100');
const PHONE = '13912345678';

function binaryParser(res: NodeJS.ReadableStream & { setEncoding(e: string): void }, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

function arrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

describe('stations, registration desk and the 12333 follow-up', () => {
  const clock = new FixedClock(START);
  let t: TestApp;
  let officialId: string;
  let workerId: string;
  let otherWorkerId: string;
  // Tokens are issued at the clock's time, so each request gets a fresh one as the clock moves.
  const official = () => tokenFor(officialId);
  const worker = () => tokenFor(workerId);
  const otherWorker = () => tokenFor(otherWorkerId);
  let stationId: string;
  let motherId: string;
  let postId: string;

  const tokenFor = (userId: string): Auth => ({ authorization: `Bearer ${t.app.get(TokenService).issue(userId, clock.now()).token}` });

  async function newUser(name: string, demoKey?: string): Promise<string> {
    const [u] = await t.dataSource.query(`INSERT INTO users (display_name, demo_key) VALUES ($1, $2) RETURNING id`, [name, demoKey ?? null]);
    return u.id;
  }

  const registration = (overrides: Record<string, unknown> = {}) => ({
    name: '王丽',
    phone: PHONE,
    idNumber: ID_NUMBER,
    children: [{ birthYear: 2022, birthMonth: 5 }],
    home: { lat: 37.50123, lng: 122.12345 },
    availableWindows: [
      { day: 1, start: '09:00', end: '15:00' },
      { day: 3, start: '09:00', end: '15:00' },
    ],
    desiredHourly: 22,
    wantedTypes: ['production_line', 'handicraft'],
    wantedModes: ['take_home'],
    skills: ['缝纫'],
    trainingNeeds: ['handicraft'],
    registeredUnemployedSince: '2026-06-01',
    consent: { noticeVersion: 'sensitive-v1', givenAt: '2026-11-02T09:55:00+08:00' },
    ...overrides,
  });

  async function counts(): Promise<Record<string, number>> {
    const [r] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM mothers)::int AS mothers, (SELECT count(*) FROM children)::int AS children,
              (SELECT count(*) FROM consents)::int AS consents, (SELECT count(*) FROM follow_up_items)::int AS items,
              (SELECT count(*) FROM follow_up_plans)::int AS plans`,
    );
    return r;
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { DEV_LOGIN: 'true' } });
    officialId = await newUser('刘科长');
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role, region_code) VALUES ($1, 'official', '371000')`, [officialId]);

    const station = await t.http
      .post('/api/official/stations')
      .set(official())
      .send({
        name: '广州路社区妈妈岗驿站',
        regionCode: '371002',
        address: '环翠区广州路88号',
        location: { lat: 37.5, lng: 122.12 },
        openingHours: '周一至周五 8:30-17:30',
        services: ['registration', 'career_guidance', 'job_recommendation', 'rights_consultation', 'training'],
        rightsConsultationHours: '每周二、周四、周六上午',
        hasChildRoom: true,
      })
      .expect(201);
    stationId = station.body.id;
    expect(station.body.services).toContainEqual({ code: 'rights_consultation', label: '维权咨询' });

    workerId = await newUser('陈老师', 'worker-chen');
    const assigned = await t.http.post(`/api/official/stations/${stationId}/workers`).set(official()).send({ demoKey: 'worker-chen' }).expect(200);
    expect(assigned.body.workers).toEqual([{ userId: workerId, displayName: '陈老师' }]);

    // A worker of a station in another district (文登区) must not see her.
    const [other] = await t.dataSource.query(
      `INSERT INTO stations (name, region_code, address, lat, lng) VALUES ('文登区窗口', '371003', '文登区', 37.19, 122.05) RETURNING id`,
    );
    otherWorkerId = await newUser('郑老师');
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role, station_id, region_code) VALUES ($1, 'station_worker', $2, '371003')`, [otherWorkerId, other.id]);

    const crypto = t.app.get(PiiCrypto);
    const [employer] = await t.dataSource.query(
      `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng, status)
       VALUES ($1, '威海暖阳服饰', 'enterprise', '371002', '张经理', $2, '138****0000', '环翠区文化路1号', 37.51, 122.13, 'approved') RETURNING id`,
      [makeUscc('91371002MA3C00001'), crypto.encrypt('13800000000')],
    );
    const [post] = await t.dataSource.query(
      `INSERT INTO posts (employer_id, region_code, type, title, headcount, pay_basis, pay_min, pay_max, hourly_min, hourly_max,
                          windows, hours_per_week, modes, take_home, lat, lng, insurance, contract_form, valid_until)
       VALUES ($1, '371002', 'handicraft', '手工串珠（可带回家）', 5, 'hourly', 22, 26, 22, 26,
               '[{"day":1,"start":"09:00","end":"11:30"}]', 2.5, '{take_home}', true, 37.505, 122.125, 'flexible_social', 'service_agreement', '2027-06-30T00:00:00Z')
       RETURNING id`,
      [employer.id],
    );
    postId = post.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists stations publicly, without their workers', async () => {
    const res = await t.http.get('/api/stations?regionCode=371000').expect(200);
    expect(res.body.map((s: { name: string }) => s.name).sort()).toEqual(['广州路社区妈妈岗驿站', '文登区窗口']);
    expect(res.body[0].workers).toBeUndefined();
    const notice = await t.http.get('/api/stations/consent-notice').expect(200);
    expect(notice.body.version).toBe('sensitive-v1');
  });

  it('refuses a registration without consent, with a bad ID or mobile, or with an ineligible child, and writes nothing', async () => {
    const before = await counts();
    const post = (body: object) => t.http.post(`/api/stations/${stationId}/registrations`).set(worker()).send(body);

    const noConsent = await post(registration({ consent: undefined })).expect(400);
    expect(noConsent.body.code).toBe('REGISTRATION_CONSENT_REQUIRED');
    expect(noConsent.body.message).toContain('单独同意');

    const unknownNotice = await post(registration({ consent: { noticeVersion: 'old', givenAt: '2026-11-02T09:55:00+08:00' } })).expect(400);
    expect(unknownNotice.body.code).toBe('REGISTRATION_CONSENT_INVALID');

    const badId = await post(registration({ idNumber: ID_NUMBER.slice(0, 17) + '1' })).expect(400);
    expect(badId.body.code).toBe('REGISTRATION_ID_INVALID');
    expect(badId.body.message).toContain('校验位');

    const badPhone = await post(registration({ phone: '1234567' })).expect(400);
    expect(badPhone.body.code).toBe('REGISTRATION_PHONE_INVALID');

    const future = await post(registration({ children: [{ birthYear: 2026, birthMonth: 12 }] })).expect(422);
    expect(future.body.code).toBe('REGISTRATION_NOT_ELIGIBLE');
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'children.0', rule: 'CHILD_BIRTH_FUTURE' })]);
    expect(future.body.message).toContain('晚于今天');

    // Born November 2014: counted as born on the 1st, she turned 12 on 2026-11-01.
    const twelve = await post(registration({ children: [{ birthYear: 2014, birthMonth: 11 }] })).expect(422);
    expect(twelve.body.code).toBe('REGISTRATION_NOT_ELIGIBLE');
    expect(twelve.body.details).toEqual([expect.objectContaining({ field: 'children', rule: 'NO_CHILD_UNDER_12' })]);

    const badWindow = await post(registration({ availableWindows: [{ day: 1, start: '15:00', end: '09:00' }] })).expect(400);
    expect(badWindow.body.code).toBe('REGISTRATION_WINDOWS_INVALID');

    expect(await counts()).toEqual(before);
  });

  it('only the station’s own workers register at its desk', async () => {
    const res = await t.http.post(`/api/stations/${stationId}/registrations`).set(otherWorker()).send(registration()).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    await t.http.post(`/api/stations/${stationId}/registrations`).set(official()).send(registration()).expect(403);
  });

  it('registers her with consent, encrypted ID and a plan of 11 items; the same ID again finds her', async () => {
    // Born December 2014: still 11 this month, so she qualifies.
    const res = await t.http
      .post(`/api/stations/${stationId}/registrations`)
      .set(worker())
      .send(registration({ children: [{ birthYear: 2014, birthMonth: 12 }, { birthYear: 2022, birthMonth: 5 }] }))
      .expect(201);
    expect(res.body.created).toBe(true);
    motherId = res.body.mother.id;
    expect(res.body.mother).toMatchObject({
      name: '王丽',
      phoneMasked: '139****5678',
      idMasked: `3710**********${ID_NUMBER.slice(-4)}`,
      regionCode: '371002',
      stationId,
      registeredOn: '2026-11-02',
      stage: 'flexible_balance',
      consent: { noticeVersion: 'sensitive-v1', givenAt: '2026-11-02T01:55:00.000Z' },
      hasAccount: false,
    });
    expect(JSON.stringify(res.body)).not.toContain(ID_NUMBER);

    const [row] = await t.dataSource.query(
      `SELECT id_cipher, id_hash, phone_cipher, home_lat, home_lng, consent_recorded_by IS NOT NULL AS consent_by FROM mothers WHERE id = $1`,
      [motherId],
    );
    expect(row.id_cipher).not.toContain(ID_NUMBER.slice(6, 14));
    expect(t.app.get(PiiCrypto).decrypt(row.id_cipher)).toBe(ID_NUMBER);
    expect(row.id_hash).toBe(t.app.get(PiiCrypto).hash('id', ID_NUMBER));
    expect([Number(row.home_lat), Number(row.home_lng)]).toEqual([37.501, 122.123]);
    expect(row.consent_by).toBe(true);
    const consents = await t.dataSource.query(`SELECT notice_version FROM consents WHERE mother_id = $1`, [motherId]);
    expect(consents).toEqual([{ notice_version: 'sensitive-v1' }]);

    // Same person, typed differently (lower-case x, spaces), another phone: her record, not a second one.
    const typed = `${ID_NUMBER.slice(0, 6)} ${ID_NUMBER.slice(6).toLowerCase()}`;
    const again = await t.http.post(`/api/stations/${stationId}/registrations`).set(worker()).send(registration({ idNumber: typed, phone: '13700000000' })).expect(200);
    expect(again.body).toMatchObject({ created: false, mother: { id: motherId, phoneMasked: '139****5678' } });
    expect(await counts()).toMatchObject({ mothers: 1, plans: 1, items: 11, consents: 1 });

    // Another worker's region: the ID is known, but not hers to serve.
    const [otherStation] = await t.dataSource.query(`SELECT id FROM stations WHERE region_code = '371003'`);
    const elsewhere = await t.http.post(`/api/stations/${otherStation.id}/registrations`).set(otherWorker()).send(registration()).expect(409);
    expect(elsewhere.body.code).toBe('REGISTRATION_ELSEWHERE');
  });

  it('gives her a plan of 11 items with due dates across the year', async () => {
    const res = await t.http.get(`/api/mothers/${motherId}/plan`).set(worker()).expect(200);
    expect(res.body.registeredOn).toBe('2026-11-02');
    expect(res.body.deadline).toBe('2027-11-01');
    expect(res.body.items).toHaveLength(11);
    expect(res.body.items[0]).toMatchObject({ kind: 'policy_consultation', seq: 1, dueOn: '2026-11-09', status: 'due', kindLabel: '政策对接' });
    expect(res.body.items.map((i: { dueOn: string }) => i.dueOn).at(-1)).toBe('2027-06-30');
    expect(Object.fromEntries(Object.entries(res.body.counts).map(([k, v]) => [k, (v as { required: number }).required]))).toEqual({
      policy_consultation: 2,
      career_guidance: 3,
      job_recommendation: 3,
      training_notice: 3,
    });
    expect(res.body.completionRate).toBe(0);
    expect(res.body.hired).toBeNull();
  });

  it('keeps her out of other regions’ reach and open to the region’s official', async () => {
    const other = await t.http.get(`/api/mothers/${motherId}/plan`).set(otherWorker()).expect(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const strangerId = await newUser('路人');
    await t.http.get(`/api/mothers/${motherId}/plan`).set(tokenFor(strangerId)).expect(404);
    await t.http.get(`/api/mothers/${motherId}/plan`).set(official()).expect(200);
    await t.http.post(`/api/mothers/${motherId}/services`).set(otherWorker()).send({ kind: 'career_guidance', servedAt: '2026-11-02T10:00:00+08:00', channel: 'phone', content: 'x', outcome: '' }).expect(404);
    const list = await t.http.get(`/api/stations/${stationId}/mothers`).set(otherWorker()).expect(403);
    expect(list.body.code).toBe('FORBIDDEN');
    const mine = await t.http.get(`/api/stations/${stationId}/mothers?q=${PHONE}`).set(worker()).expect(200);
    expect(mine.body.map((m: { id: string }) => m.id)).toEqual([motherId]);
    const byName = await t.http.get(`/api/stations/${stationId}/mothers?q=${encodeURIComponent('王')}`).set(worker()).expect(200);
    expect(byName.body).toHaveLength(1);
  });

  it('records a guidance session and a job recommendation drawn from matching', async () => {
    const guidance = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'career_guidance', servedAt: '2026-11-02T09:30:00+08:00', channel: 'in_person', content: '梳理了她的缝纫经历，建议先从带回家的手工活做起', outcome: '她同意先试手工串珠' })
      .expect(201);
    expect(guidance.body).toMatchObject({ kind: 'career_guidance', channel: 'in_person', channelLabel: '现场', recordedBy: '陈老师', servedOn: '2026-11-02' });
    expect(guidance.body.servedAt).toBe('2026-11-02T01:30:00.000Z');
    expect(guidance.body.itemId).toEqual(expect.any(String));

    const future = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'career_guidance', servedAt: '2026-11-05T10:30:00+08:00', channel: 'phone', content: '未来', outcome: '' })
      .expect(400);
    expect(future.body.code).toBe('FOLLOWUP_SERVICE_DATE_INVALID');

    const recs = await t.http.get(`/api/mothers/${motherId}/recommendations`).set(worker()).expect(200);
    expect(recs.body[0].post).toEqual({ id: postId, title: '手工串珠（可带回家）', employerName: '威海暖阳服饰' });
    expect(recs.body[0].score).toBeGreaterThan(50);
    expect(recs.body[0].reasons).toContain('可带回家做');

    const noPosts = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'job_recommendation', servedAt: '2026-11-02T09:40:00+08:00', channel: 'wechat', content: '推荐岗位', outcome: '' })
      .expect(400);
    expect(noPosts.body.code).toBe('FOLLOWUP_POSTS_REQUIRED');

    const rec = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({
        kind: 'job_recommendation',
        servedAt: '2026-11-02T09:40:00+08:00',
        channel: 'wechat',
        content: '推荐了离家近、可带回家的手工岗位',
        outcome: '已发给她',
        postIds: [recs.body[0].post.id],
      })
      .expect(201);
    expect(rec.body.posts).toEqual([{ id: postId, title: '手工串珠（可带回家）', employerName: '威海暖阳服饰' }]);
    const pushed = await t.dataSource.query(`SELECT title, body FROM notifications WHERE recipient_kind = 'mother' AND recipient_id = $1 AND kind = 'followup.job_recommendation'`, [
      motherId,
    ]);
    expect(pushed).toHaveLength(1);
    expect(pushed[0].body).toContain('手工串珠（可带回家）');

    const plan = await t.http.get(`/api/mothers/${motherId}/plan`).set(worker()).expect(200);
    const byKey = Object.fromEntries(plan.body.items.map((i: { kind: string; seq: number; status: string }) => [`${i.kind}#${i.seq}`, i.status]));
    expect(byKey['career_guidance#1']).toBe('done');
    expect(byKey['job_recommendation#1']).toBe('done');
    expect(byKey['job_recommendation#2']).toBe('upcoming');
    expect(plan.body.services).toHaveLength(2);
  });

  it('shows on the worklist what is due this week, and what is overdue on a later day', async () => {
    const due = await t.http.get('/api/worklist?scope=station&status=due').set(worker()).expect(200);
    expect(due.body.items.map((e: { item: { kind: string; seq: number } }) => `${e.item.kind}#${e.item.seq}`)).toEqual(['policy_consultation#1']);
    expect(due.body.items[0].mother).toEqual({ id: motherId, nameMasked: '王*', phoneMasked: '139****5678' });
    expect(due.body.counts).toEqual({ due: 1, overdue: 0, done: 2 });

    clock.set(new Date('2026-11-20T02:00:00Z'));
    for (const scope of ['me', 'station', 'region']) {
      const overdue = await t.http.get(`/api/worklist?scope=${scope}&status=overdue`).set(worker()).expect(200);
      expect(overdue.body.items).toEqual([
        {
          mother: { id: motherId, nameMasked: '王*', phoneMasked: '139****5678' },
          item: expect.objectContaining({ kind: 'policy_consultation', seq: 1, dueOn: '2026-11-09', status: 'overdue', daysToDue: -11 }),
        },
      ]);
    }
    const done = await t.http.get('/api/worklist?status=done').set(worker()).expect(200);
    expect(done.body.items.map((e: { item: { kind: string } }) => e.item.kind).sort()).toEqual(['career_guidance', 'job_recommendation']);

    // Officials see the region; the other district's worker sees nothing of hers.
    const officialView = await t.http.get('/api/worklist?scope=region&status=overdue').set(official()).expect(200);
    expect(officialView.body.counts.overdue).toBe(1);
    const stationRequired = await t.http.get('/api/worklist?scope=station').set(official()).expect(400);
    expect(stationRequired.body.code).toBe('FOLLOWUP_SCOPE_INVALID');
    const otherView = await t.http.get('/api/worklist?scope=region&status=overdue').set(otherWorker()).expect(200);
    expect(otherView.body.items).toEqual([]);
    await t.http.get('/api/worklist?scope=region&regionCode=371000').set(otherWorker()).expect(403);

    const completion = await t.http.get(`/api/stations/${stationId}/completion`).set(official()).expect(200);
    expect(completion.body).toMatchObject({ mothers: 1, mothersComplete: 0, yearEnded: 0 });
    expect(completion.body.quotas.find((q: { kind: string }) => q.kind === 'career_guidance')).toMatchObject({ quota: 3, done: 1, owed: 3, overdue: 0 });
    expect(completion.body.quotas.find((q: { kind: string }) => q.kind === 'policy_consultation')).toMatchObject({ quota: 2, done: 0, overdue: 1 });
  });

  it('lists the policies she qualifies for and records a policy consultation with them', async () => {
    const res = await t.http.get(`/api/mothers/${motherId}/policies`).set(worker()).expect(200);
    expect(res.body.policy).toContain('威人社字〔2025〕6号');
    expect(res.body.eligible).toBe(true);
    // A registered-unemployed mother of two: public-welfare posts are open to her.
    expect(res.body.publicWelfareEligible).toBe(true);
    expect(res.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'startup_grant', applies: false, potentialTotal: 12000 })]));

    const service = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'policy_consultation', servedAt: '2026-11-20T09:00:00+08:00', channel: 'phone', content: '讲解公益性岗位和创业补贴', outcome: '她有兴趣' })
      .expect(201);
    expect(service.body.policies[0]).toBe('公益性岗位兜底安置：符合条件');
    expect(service.body.policies.some((p: string) => p.startsWith('一次性创业补贴'))).toBe(true);
  });

  it('lets her sign in on the same mobile and see her plan and its history', async () => {
    await newUser('王丽的微信', 'mother-wang');
    const session = await t.http.post('/api/auth/dev').send({ demoKey: 'mother-wang' }).expect(200);
    const auth = { authorization: `Bearer ${session.body.token}` };
    await t.http.get('/api/mothers/me/plan').set(auth).expect(403);
    const sent = await t.http.post('/api/auth/phone/code').set(auth).send({ phone: PHONE }).expect(200);
    const bound = await t.http.post('/api/auth/phone/verify').set(auth).send({ phone: PHONE, code: sent.body.devCode }).expect(200);
    expect(bound.body.linkedMotherId).toBe(motherId);

    const plan = await t.http.get('/api/mothers/me/plan').set(auth).expect(200);
    expect(plan.body.motherId).toBe(motherId);
    expect(plan.body.items).toHaveLength(11);
    expect(plan.body.services.map((s: { kind: string }) => s.kind)).toEqual(['policy_consultation', 'job_recommendation', 'career_guidance']);
    await t.http.get(`/api/mothers/${motherId}/plan`).set(auth).expect(200);
    const notes = await t.http.get('/api/notifications').set(auth).expect(200);
    expect(notes.body.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['registration.done', 'followup.job_recommendation']));

    const listed = await t.http.get(`/api/stations/${stationId}/mothers`).set(worker()).expect(200);
    expect(listed.body[0].hasAccount).toBe(true);
  });

  it('closes the recommendations when she is hired; guidance continues; she may ask for more', async () => {
    const bad = await t.http.post(`/api/mothers/${motherId}/hired-elsewhere`).set(worker()).send({ hiredOn: '2026-12-01', employerName: '某服装厂' }).expect(400);
    expect(bad.body.code).toBe('FOLLOWUP_HIRE_DATE_INVALID');
    const hired = await t.http.post(`/api/mothers/${motherId}/hired-elsewhere`).set(worker()).send({ hiredOn: '2026-11-18', employerName: '某服装厂' }).expect(200);
    expect(hired.body.hired).toEqual({ hiredOn: '2026-11-18', source: 'elsewhere', employerName: '某服装厂', daysToEmployment: 16 });
    const statuses = hired.body.items.filter((i: { kind: string }) => i.kind === 'job_recommendation').map((i: { status: string }) => i.status);
    expect(statuses).toEqual(['done', 'stopped', 'stopped']);

    const stopped = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'job_recommendation', servedAt: '2026-11-20T10:00:00+08:00', channel: 'wechat', content: '再推荐', outcome: '', postIds: [postId] })
      .expect(409);
    expect(stopped.body.code).toBe('FOLLOWUP_RECOMMENDATIONS_STOPPED');
    await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'career_guidance', servedAt: '2026-11-20T10:00:00+08:00', channel: 'phone', content: '回访：适应新岗位', outcome: '稳定' })
      .expect(201);
    await t.http.post(`/api/mothers/${motherId}/hired-elsewhere`).set(worker()).send({ hiredOn: '2026-11-19', employerName: '另一家' }).expect(409);

    // The stopped items leave the worklist.
    const upcoming = await t.dataSource.query(`SELECT count(*)::int AS n FROM follow_up_items WHERE mother_id = $1 AND stopped_on IS NOT NULL`, [motherId]);
    expect(upcoming[0].n).toBe(2);

    const resumed = await t.http.post(`/api/mothers/${motherId}/recommendations/resume`).set(worker()).expect(200);
    expect(resumed.body.continueRecommendations).toBe(true);
    expect(resumed.body.items.filter((i: { kind: string }) => i.kind === 'job_recommendation').map((i: { status: string }) => i.status)).toEqual(['done', 'upcoming', 'upcoming']);
  });

  it('stores the needs survey, which updates her preferences and the region’s training figures', async () => {
    const survey = await t.http.get('/api/survey').set(worker()).expect(200);
    expect(survey.body.questionCount).toBe(48);
    expect(survey.body.definition.sections).toHaveLength(5);

    const wrong = await t.http.post(`/api/mothers/${motherId}/survey`).set(worker()).send({ version: 'needs-v1', answers: { A1: 'phd', Z9: 1 } }).expect(400);
    expect(wrong.body.code).toBe('SURVEY_ANSWERS_INVALID');
    expect(wrong.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['answers.A1', 'answers.Z9', 'answers.B1']));

    const ok = await t.http
      .post(`/api/mothers/${motherId}/survey`)
      .set(worker())
      .send({
        version: 'needs-v1',
        answers: { A1: 'senior', A3: 'unemployed', A6: ['sewing', 'cooking'], B1: 2, B2: 'kindergarten', C1: ['take_home', 'mom_shift'], C7: 25, E1: 'yes', E2: ['handicraft', 'ecommerce_livestream'] },
      })
      .expect(201);
    expect(ok.body.updated.sort()).toEqual(['addSkills', 'desiredHourly', 'trainingNeeds', 'wantedModes']);
    const [m] = await t.dataSource.query(`SELECT wanted_modes, training_needs, skills, desired_hourly FROM mothers WHERE id = $1`, [motherId]);
    expect(m.wanted_modes).toEqual(['take_home', 'mom_shift']);
    expect(m.training_needs).toEqual(['handicraft', 'ecommerce_livestream']);
    expect([...m.skills].sort()).toEqual(['烹饪面点', '缝纫'].sort());
    expect(Number(m.desired_hourly)).toBe(25);

    const figures = await t.http.get('/api/survey/training-needs?regionCode=371000').set(official()).expect(200);
    expect(figures.body).toMatchObject({ regionCode: '371000', surveyed: 1 });
    expect(figures.body.needs).toEqual(
      expect.arrayContaining([
        { code: 'handicraft', label: '手工制作', mothers: 1 },
        { code: 'ecommerce_livestream', label: '电商直播', mothers: 1 },
      ]),
    );
    await t.http.post(`/api/mothers/${motherId}/survey`).set(otherWorker()).send({ version: 'needs-v1', answers: {} }).expect(404);
  });

  it('exports the month’s ledger as a real .xlsx with masked ID numbers', async () => {
    const res = await t.http
      .get(`/api/stations/${stationId}/ledger.xlsx?month=2026-11`)
      .set(worker())
      .buffer(true)
      .parse(binaryParser as never)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBuffer(res.body as Buffer));
    const reg = book.getWorksheet('求职登记');
    const svc = book.getWorksheet('12333服务记录');
    expect(reg?.rowCount).toBe(2);
    const regRow = reg?.getRow(2);
    expect(regRow?.getCell(3).value).toBe('王丽');
    expect(regRow?.getCell(4).value).toBe(`3710**********${ID_NUMBER.slice(-4)}`);
    expect(regRow?.getCell(2).value).toBe('2026-11-02 10:00');
    // guidance, recommendation, policy consultation, guidance after the hire.
    expect(svc?.rowCount).toBe(5);
    const kinds = [2, 3, 4, 5].map((r) => svc?.getRow(r).getCell(5).value);
    expect(kinds).toEqual(['职业指导', '推荐岗位信息', '政策对接', '职业指导']);
    expect(svc?.getRow(3).getCell(9).value).toBe('威海暖阳服饰：手工串珠（可带回家）');
    const all = JSON.stringify(reg?.getSheetValues()) + JSON.stringify(svc?.getSheetValues());
    expect(all).not.toContain(ID_NUMBER);

    const october = await t.http.get(`/api/stations/${stationId}/ledger.xlsx?month=2026-10`).set(official()).buffer(true).parse(binaryParser as never).expect(200);
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(arrayBuffer(october.body as Buffer));
    expect(empty.getWorksheet('求职登记')?.rowCount).toBe(1);

    const bad = await t.http.get(`/api/stations/${stationId}/ledger.xlsx?month=2026-13`).set(worker()).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await t.http.get(`/api/stations/${stationId}/ledger.xlsx?month=2026-11`).set(otherWorker()).expect(403);
  });

  it('names real open courses of her city in a training notice, and in the notice pushed to her', async () => {
    const course = await t.http
      .post('/api/training/courses')
      .set(worker())
      .send({
        providerKind: 'station',
        stationId,
        title: '手工串珠（夜校班）',
        skill: 'handicraft',
        description: '每周二晚上授课，可带孩子',
        online: false,
        address: '环翠区广州路88号二楼',
        location: { lat: 37.5, lng: 122.12 },
        hasChildRoom: true,
        seats: 20,
        subsidised: true,
        sessions: [{ startsAt: '2026-12-01T19:00:00+08:00', endsAt: '2026-12-01T21:00:00+08:00' }],
      });
    expect(course.status).toBe(201);
    const offered = await t.http.get(`/api/mothers/${motherId}/courses`).set(worker()).expect(200);
    expect(offered.body).toContainEqual({
      id: course.body.id,
      title: '手工串珠（夜校班）',
      providerName: '广州路社区妈妈岗驿站',
      firstStartsAt: '2026-12-01T11:00:00.000Z',
      subsidised: true,
    });
    await t.http.get(`/api/mothers/${motherId}/courses`).set(otherWorker()).expect(404);

    const notice = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'training_notice', servedAt: '2026-11-20T09:30:00+08:00', channel: 'wechat', content: '适合她的手工培训', outcome: '她报名了', courseIds: [course.body.id] })
      .expect(201);
    expect(notice.body.courses).toEqual([offered.body.find((c: { id: string }) => c.id === course.body.id)]);
    const [sent] = await t.dataSource.query(`SELECT title, body, payload FROM notifications WHERE kind = 'followup.training_notice'`);
    expect(sent.title).toBe('驿站为您推荐了培训课程');
    expect(sent.body).toBe('为您推荐1门培训课程：《手工串珠（夜校班）》（广州路社区妈妈岗驿站，12月1日19:00开课，有补贴）。适合她的手工培训');
    expect(sent.payload.courseIds).toEqual([course.body.id]);

    // Free text when no course fits; courses only on a training notice; only courses she can attend.
    const free = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'training_notice', servedAt: '2026-11-20T09:40:00+08:00', channel: 'phone', content: '下月区里有家政培训，开班后通知她', outcome: '' })
      .expect(201);
    expect(free.body.courses).toEqual([]);
    const wrongKind = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'career_guidance', servedAt: '2026-11-20T09:45:00+08:00', channel: 'phone', content: '指导', outcome: '', courseIds: [course.body.id] })
      .expect(400);
    expect(wrongKind.body.code).toBe('FOLLOWUP_COURSES_NOT_ALLOWED');
    const unknown = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'training_notice', servedAt: '2026-11-20T09:45:00+08:00', channel: 'phone', content: '培训', outcome: '', courseIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(unknown.body.code).toBe('TRAINING_COURSES_UNKNOWN');
    const plan = await t.http.get(`/api/mothers/${motherId}/plan`).set(worker()).expect(200);
    expect(plan.body.services.filter((s: { kind: string }) => s.kind === 'training_notice')).toHaveLength(2);
  });

  it('reads policy consultations from the policy data in force, not from built-in figures', async () => {
    const [seeded] = await t.dataSource.query(`SELECT id, payload FROM policy_versions WHERE kind = 'policy' AND region_code = '371000'`);
    const before = await t.http.get(`/api/mothers/${motherId}/policies`).set(worker()).expect(200);
    expect(before.body.policyVersionId).toBe(seeded.id);
    const startup = (body: { items: { code: string; potentialTotal: number }[] }) => body.items.find((i) => i.code === 'startup_grant')?.potentialTotal;
    expect(startup(before.body)).toBe(12000);

    const raised = seeded.payload.rules.map((r: { code: string }) => (r.code === 'startup_grant' ? { ...r, smallFirm: 15000 } : r));
    const version = await t.http
      .post('/api/official/policies')
      .set(official())
      .send({ regionCode: '371000', title: seeded.payload.title, source: seeded.payload.source, issuedOn: seeded.payload.issuedOn, effectiveFrom: '2026-11-15', rules: raised, note: '一次性创业补贴提高到15000元' })
      .expect(201);
    const after = await t.http.get(`/api/mothers/${motherId}/policies`).set(worker()).expect(200);
    expect(after.body.policyVersionId).toBe(version.body.id);
    expect(startup(after.body)).toBe(15000);
    const service = await t.http
      .post(`/api/mothers/${motherId}/services`)
      .set(worker())
      .send({ kind: 'policy_consultation', servedAt: '2026-11-20T09:50:00+08:00', channel: 'phone', content: '讲解新的创业补贴', outcome: '' })
      .expect(201);
    const [stored] = await t.dataSource.query(`SELECT details FROM follow_up_services WHERE id = $1`, [service.body.id]);
    expect(stored.details.policyVersionId).toBe(version.body.id);
  });
});
