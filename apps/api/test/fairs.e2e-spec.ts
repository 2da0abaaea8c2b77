import { checkInCodeDigits, luhnCheckDigit, makeResidentId } from '@mamagang/domain';
import { FixedClock } from '../src/common/clock/clock';
import { CheckInCodes } from '../src/modules/fairs/check-in-codes';
import { FairsService } from '../src/modules/fairs/fairs.service';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { DOWNTOWN, insertEmployer, insertMother, insertPost, northOf, signInAs, tokenFor } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * Special recruitment fairs and livestreams over HTTP: publication by officials and stations,
 * sign-ups that never oversell the seats, the reminder the day before, check-in by code at the
 * door (another fair's code refused), walk-ins through the station desk, applications and hires
 * from a fair and from a livestream counted per employer.
 */

type Auth = { authorization: string };

// 2026-12-04 10:00 in China; the fair is on 2026-12-10, 09:00-11:30.
const START = new Date('2026-12-04T02:00:00Z');
const FAIR_DAY = '2026-12-10';
const VALID_UNTIL = new Date('2027-06-30T00:00:00Z');

describe('special recruitment fairs and livestreams', () => {
  const clock = new FixedClock(START);
  let t: TestApp;
  const as = (userId: string): Auth => tokenFor(t, userId, clock.now()).auth;

  let officialId: string;
  let workerId: string;
  let stationId: string;
  let farOfficialId: string;
  let employerA: { id: string; name: string };
  let employerB: { id: string; name: string };
  let memberA: string;
  let memberB: string;
  let postA1: string;
  let postA2: string;
  let postB1: string;

  /** A signed-in mother with a profile, of 环翠区 unless said otherwise. */
  async function newMother(name: string, regionCode = '371002'): Promise<{ userId: string; motherId: string }> {
    const user = await signInAs(t, { name, now: clock.now() });
    const m = await insertMother(t, { userId: user.userId, name, regionCode });
    return { userId: user.userId, motherId: m.id };
  }

  const fairBody = (overrides: Record<string, unknown> = {}) => ({
    title: '环翠区妈妈岗冬季专场招聘会',
    description: '二十余家爱心企业带来灵活就业岗位',
    mode: 'onsite',
    regionCode: '371002',
    address: '环翠区文化中路88号人力资源市场一楼',
    location: { lat: 37.509, lng: 122.116 },
    date: FAIR_DAY,
    startTime: '09:00',
    endTime: '11:30',
    childFriendly: '现场设儿童托管区和母婴室，可带孩子参加',
    seats: 10,
    employers: [
      { employerId: employerA.id, postIds: [postA1, postA2] },
      { employerId: employerB.id, postIds: [postB1] },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    officialId = (await signInAs(t, { name: '威海市人社局', roles: [{ role: 'official', regionCode: '371000' }], now: clock.now() })).userId;
    farOfficialId = (await signInAs(t, { name: '中山市人社局', roles: [{ role: 'official', regionCode: '442000' }], now: clock.now() })).userId;
    const [s] = await t.dataSource.query(
      `INSERT INTO stations (name, region_code, address, lat, lng) VALUES ('广州路社区驿站', '371002', '广州路88号', 37.5, 122.12) RETURNING id`,
    );
    stationId = s.id;
    workerId = (await signInAs(t, { name: '驿站小李', roles: [{ role: 'station_worker', stationId, regionCode: '371002' }], now: clock.now() })).userId;
    employerA = await insertEmployer(t, { name: '威海暖阳服饰有限公司' });
    employerB = await insertEmployer(t, { name: '文登区学苑食堂' });
    memberA = (await signInAs(t, { roles: [{ role: 'employer_member', employerId: employerA.id }], now: clock.now() })).userId;
    memberB = (await signInAs(t, { roles: [{ role: 'employer_member', employerId: employerB.id }], now: clock.now() })).userId;
    postA1 = (await insertPost(t, employerA.id, { title: '缝纫工（可提前接孩子）', validUntil: VALID_UNTIL })).id;
    postA2 = (await insertPost(t, employerA.id, { title: '包装工', validUntil: VALID_UNTIL })).id;
    postB1 = (await insertPost(t, employerB.id, { type: 'school_canteen', title: '食堂帮厨', validUntil: VALID_UNTIL })).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('publishing', () => {
    it('an official publishes a fair with its employers and their posts', async () => {
      const res = await t.http.post('/api/fairs').set(as(officialId)).send(fairBody({ regionCode: '371002' })).expect(201);
      expect(res.body).toMatchObject({
        title: '环翠区妈妈岗冬季专场招聘会',
        mode: 'onsite',
        modeLabel: '现场招聘会',
        regionCode: '371002',
        date: FAIR_DAY,
        startTime: '09:00',
        endTime: '11:30',
        startsAt: '2026-12-10T01:00:00.000Z',
        endsAt: '2026-12-10T03:30:00.000Z',
        seats: 10,
        seatsLeft: 10,
        employerCount: 2,
        postCount: 3,
        status: 'published',
        statusLabel: '报名中',
        canManage: true,
        mySignup: null,
        childFriendly: '现场设儿童托管区和母婴室，可带孩子参加',
      });
      expect(res.body.employers.map((e: { name: string; posts: { title: string }[] }) => [e.name, e.posts.map((p) => p.title)])).toEqual([
        ['威海暖阳服饰有限公司', ['缝纫工（可提前接孩子）', '包装工']],
        ['文登区学苑食堂', ['食堂帮厨']],
      ]);
      expect(res.body.employers[0].posts[0]).toMatchObject({ status: 'open', statusLabel: '招聘中', openPlaces: 3, hourlyText: expect.stringMatching(/元\/小时$/) });
      // The reminder is queued for 09:00 China time the day before.
      const [job] = await t.dataSource.query(`SELECT run_at FROM jobs WHERE dedupe_key = $1`, [`fairs.day_before_reminders:${res.body.id}`]);
      expect(new Date(job.run_at).toISOString()).toBe('2026-12-09T01:00:00.000Z');
    });

    it('a station worker publishes in her station’s region by default; a mother or another city’s official may not', async () => {
      const res = await t.http.post('/api/fairs').set(as(workerId)).send(fairBody({ title: '驿站小型招聘会', regionCode: undefined, employers: [] })).expect(201);
      expect(res.body).toMatchObject({ regionCode: '371002', stationId, employerCount: 0 });

      const mother = await newMother('李四妹');
      expect((await t.http.post('/api/fairs').set(as(mother.userId)).send(fairBody()).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await t.http.post('/api/fairs').set(as(farOfficialId)).send(fairBody({ regionCode: '371002' })).expect(403)).body.code).toBe('FORBIDDEN');
    });

    it.each([
      ['a past date', { date: '2026-12-03' }, 400, 'FAIR_SCHEDULE_INVALID'],
      ['hours that end before they start', { startTime: '11:00', endTime: '10:00' }, 400, 'FAIR_SCHEDULE_INVALID'],
      ['onsite without a map point', { location: undefined }, 400, 'FAIR_PLACE_INVALID'],
      ['a map point in Beijing', { location: { lat: 39.9, lng: 116.4 } }, 400, 'FAIR_PLACE_INVALID'],
      ['zero seats', { seats: 0 }, 400, 'VALIDATION_FAILED'],
      ['an unknown field', { price: 5 }, 400, 'VALIDATION_FAILED'],
      ['a 61-character title', { title: '招'.repeat(61) }, 400, 'VALIDATION_FAILED'],
    ])('refuses %s', async (_name, overrides, status, code) => {
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM fairs`))[0].n;
      const res = await t.http.post('/api/fairs').set(as(officialId)).send(fairBody(overrides)).expect(status);
      expect(res.body.code).toBe(code);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM fairs`))[0].n).toBe(before);
    });

    it('refuses a post another employer brings, and a pending employer', async () => {
      const pending = await insertEmployer(t, { status: 'pending' });
      const res = await t.http
        .post('/api/fairs')
        .set(as(officialId))
        .send(fairBody({ employers: [{ employerId: employerA.id, postIds: [postB1] }, { employerId: pending.id, postIds: [] }] }))
        .expect(400);
      expect(res.body.code).toBe('FAIR_PARTICIPANTS_INVALID');
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'employers.0.postIds.0', rule: 'owner', message: '岗位不属于该单位' }),
        expect.objectContaining({ field: 'employers.1.employerId', rule: 'approved' }),
      ]);
    });

    it('lists the approved employers of her region with their open posts, to invite', async () => {
      await insertEmployer(t, { name: '待审核单位', status: 'pending' });
      const res = await t.http.get('/api/fairs/candidates').set(as(workerId)).expect(200);
      const names = res.body.map((e: { name: string }) => e.name);
      expect(names).toEqual(expect.arrayContaining(['威海暖阳服饰有限公司', '文登区学苑食堂']));
      expect(names).not.toContain('待审核单位');
      expect(res.body.find((e: { id: string }) => e.id === employerA.id).posts.map((p: { id: string }) => p.id).sort()).toEqual([postA1, postA2].sort());
      expect((await t.http.get('/api/fairs/candidates').query({ regionCode: '442000' }).set(as(workerId)).expect(403)).body.code).toBe('FORBIDDEN');
      const mother = await newMother('看名单');
      await t.http.get('/api/fairs/candidates').set(as(mother.userId)).expect(403);
    });

    it('an online fair needs no place and is found by region', async () => {
      const res = await t.http
        .post('/api/fairs')
        .set(as(officialId))
        .send(fairBody({ title: '线上直播专场', mode: 'online', address: undefined, location: undefined, onlineUrl: 'https://example.cn/fair/1', regionCode: '371000' }))
        .expect(201);
      expect(res.body).toMatchObject({ mode: 'online', address: null, location: null, onlineUrl: 'https://example.cn/fair/1', regionCode: '371000' });
    });
  });

  describe('signing up', () => {
    let fairId: string;

    beforeAll(async () => {
      fairId = (await t.http.post('/api/fairs').set(as(officialId)).send(fairBody({ title: '十个名额的专场' })).expect(201)).body.id;
    });

    it('fills to its seats under 30 concurrent sign-ups and no further', async () => {
      const mothers = [];
      for (let i = 0; i < 30; i++) mothers.push(await newMother(`报名妈妈${i}`));
      const results = await Promise.all(mothers.map((m) => t.http.post(`/api/fairs/${fairId}/signups`).set(as(m.userId))));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 409)).toHaveLength(20);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('FAIR_FULL');
      const [row] = await t.dataSource.query(
        `SELECT f.seats_taken, (SELECT count(*)::int FROM fair_signups s WHERE s.fair_id = f.id AND s.status = 'signed_up') AS active,
                (SELECT count(DISTINCT seq)::int FROM fair_signups s WHERE s.fair_id = f.id) AS numbers
           FROM fairs f WHERE f.id = $1`,
        [fairId],
      );
      expect(row).toEqual({ seats_taken: 10, active: 10, numbers: 10 });

      // A repeat answers the same sign-up; a cancellation frees the seat for someone else, once.
      const winner = mothers[statuses.indexOf(201)] as { userId: string };
      const first = results[statuses.indexOf(201)]?.body;
      const again = await t.http.post(`/api/fairs/${fairId}/signups`).set(as(winner.userId)).expect(200);
      expect(again.body).toMatchObject({ id: first.id, code: first.code, status: 'signed_up' });
      expect(first.code).toMatch(/^\d{6}-\d{5}-\d{7}$/);
      const cancelled = await t.http.post(`/api/fairs/${fairId}/signups/cancel`).set(as(winner.userId)).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', code: null, fair: { seatsLeft: 1 } });
      const losers = mothers.filter((_, i) => statuses[i] === 409);
      const retry = await Promise.all(losers.slice(0, 5).map((m) => t.http.post(`/api/fairs/${fairId}/signups`).set(as(m.userId))));
      expect(retry.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const view = await t.http.get(`/api/fairs/${fairId}`).expect(200);
      expect(view.body).toMatchObject({ seatsLeft: 0, statusLabel: '名额已满' });
    });

    it('a signed-in user without a mother profile cannot sign up', async () => {
      const user = await signInAs(t, { roles: [{ role: 'mother' }], now: clock.now() });
      const res = await t.http.post(`/api/fairs/${fairId}/signups`).set(as(user.userId)).expect(403);
      expect(res.body.code).toBe('FAIR_NEEDS_PROFILE');
    });

    it('an unknown or malformed fair is 404', async () => {
      const m = await newMother('找不到');
      expect((await t.http.post(`/api/fairs/00000000-0000-4000-8000-000000000000/signups`).set(as(m.userId)).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await t.http.get(`/api/fairs/not-a-uuid`).expect(404)).body.code).toBe('NOT_FOUND');
    });
  });

  describe('near me, reminders, check-in and walk-ins', () => {
    let fairId: string;
    let otherFairId: string;
    let mother: { userId: string; motherId: string };
    let late: { userId: string; motherId: string };
    let quitter: { userId: string; motherId: string };
    let code: string;

    beforeAll(async () => {
      fairId = (await t.http.post('/api/fairs').set(as(officialId)).send(fairBody({ title: '签到专场', seats: 50 })).expect(201)).body.id;
      otherFairId = (await t.http.post('/api/fairs').set(as(officialId)).send(fairBody({ title: '另一场', seats: 50 })).expect(201)).body.id;
      mother = await newMother('王丽');
      late = await newMother('迟到妈妈');
      quitter = await newMother('取消妈妈');
      code = (await t.http.post(`/api/fairs/${fairId}/signups`).set(as(mother.userId)).expect(201)).body.code;
      await t.http.post(`/api/fairs/${fairId}/signups`).set(as(late.userId)).expect(201);
      await t.http.post(`/api/fairs/${fairId}/signups`).set(as(quitter.userId)).expect(201);
      await t.http.post(`/api/fairs/${fairId}/signups/cancel`).set(as(quitter.userId)).expect(200);
    });

    it('lists fairs near her point (not stored) with her own sign-up, and not from far away', async () => {
      const near = await t.http.get('/api/fairs').query({ lat: DOWNTOWN.lat, lng: DOWNTOWN.lng, radiusKm: 10 }).set(as(mother.userId)).expect(200);
      const mine = near.body.find((f: { id: string }) => f.id === fairId);
      expect(mine).toMatchObject({ title: '签到专场', distanceKm: expect.any(Number), mySignup: { status: 'signed_up', code } });
      expect(mine.distanceKm).toBeLessThan(2);
      const far = northOf(DOWNTOWN, 60);
      const away = await t.http.get('/api/fairs').query({ lat: far.lat, lng: far.lng, radiusKm: 10 }).expect(200);
      expect(away.body.map((f: { id: string }) => f.id)).not.toContain(fairId);
      // Without a point: her region's fairs, online ones included.
      const byRegion = await t.http.get('/api/fairs').set(as(mother.userId)).expect(200);
      expect(byRegion.body.map((f: { title: string }) => f.title)).toEqual(expect.arrayContaining(['签到专场', '线上直播专场']));
      expect((await t.http.get('/api/fairs').expect(400)).body.code).toBe('FAIR_LOCATION_REQUIRED');
      expect(JSON.stringify(await t.dataSource.query(`SELECT * FROM fairs`))).not.toContain(String(DOWNTOWN.lat));
    });

    it('shows her sign-ups with their codes', async () => {
      const res = await t.http.get('/api/fairs/mine').set(as(mother.userId)).expect(200);
      expect(res.body).toEqual([expect.objectContaining({ status: 'signed_up', code, fair: expect.objectContaining({ id: fairId, title: '签到专场' }) })]);
    });

    it('reminds those signed up the day before, once', async () => {
      clock.set(new Date('2026-12-09T01:30:00Z')); // 09:30 the day before
      await t.app.get(JobsService).runOnce();
      const reminders = async () =>
        (await t.dataSource.query(`SELECT recipient_id FROM notifications WHERE kind = 'fair.reminder' AND payload->>'fairId' = $1 ORDER BY recipient_id`, [fairId])).map(
          (r: { recipient_id: string }) => r.recipient_id,
        );
      expect(await reminders()).toEqual([mother.motherId, late.motherId].sort());
      expect(await t.app.get(FairsService).sendDayBeforeReminders(clock.now())).toBe(0);
      await t.app.get(JobsService).runOnce();
      expect(await reminders()).toHaveLength(2);
      const [n] = await t.dataSource.query(`SELECT body FROM notifications WHERE kind = 'fair.reminder' AND recipient_id = $1`, [mother.motherId]);
      expect(n.body).toContain('2026-12-10 09:00-11:30');
    });

    it('refuses check-in before the fair’s day', async () => {
      const res = await t.http.post(`/api/fairs/${fairId}/check-ins`).set(as(workerId)).send({ code }).expect(409);
      expect(res.body.code).toBe('FAIR_CHECK_IN_CLOSED');
    });

    it('checks her in by her code once; another fair’s code, a mistyped one and a made-up one are refused', async () => {
      clock.set(new Date('2026-12-10T00:45:00Z')); // 08:45 on the day
      const ok = await t.http.post(`/api/fairs/${fairId}/check-ins`).set(as(workerId)).send({ code: code.replace(/-/g, ' ') }).expect(200);
      expect(ok.body).toMatchObject({ status: 'checked_in', walkIn: false, mother: { id: mother.motherId, name: '王*' }, checkedInAt: '2026-12-10T00:45:00.000Z' });

      const used = await t.http.post(`/api/fairs/${fairId}/check-ins`).set(as(workerId)).send({ code }).expect(409);
      expect(used.body).toMatchObject({ code: 'FAIR_CODE_USED', message: expect.stringContaining('08:45') });

      const elsewhere = await t.http.post(`/api/fairs/${otherFairId}/check-ins`).set(as(workerId)).send({ code: (await signupCode(late)) }).expect(409);
      expect(elsewhere.body.code).toBe('FAIR_CODE_WRONG_FAIR');

      const lateCode = await signupCode(late);
      const typo = lateCode.slice(0, 14) + ((Number(lateCode[14]) + 1) % 10) + lateCode.slice(15);
      expect((await t.http.post(`/api/fairs/${fairId}/check-ins`).set(as(workerId)).send({ code: typo }).expect(400)).body.code).toBe('FAIR_CODE_INVALID');

      // Right fair number, a sign-up number that exists, a valid check digit, but a mark made up: not a code the API issued.
      const [fair] = await t.dataSource.query(`SELECT fair_no FROM fairs WHERE id = $1`, [fairId]);
      const realMac = lateCode.replace(/-/g, '').slice(11, 17);
      const forgedMac = String((Number(realMac) + 1) % 1_000_000).padStart(6, '0');
      const forged = checkInCodeDigits({ fairNo: fair.fair_no, seq: 2, mac: forgedMac });
      expect(luhnCheckDigit(forged.slice(0, 17))).toBe(Number(forged[17]));
      expect((await t.http.post(`/api/fairs/${fairId}/check-ins`).set(as(workerId)).send({ code: forged }).expect(400)).body.code).toBe('FAIR_CODE_INVALID');

    });

    it('a cancelled sign-up cannot check in by code; a worker of another region may not check in at all', async () => {
      const lateCode = await signupCode(late);
      expect((await t.http.post(`/api/fairs/${fairId}/check-ins`).set(as(farOfficialId)).send({ code: lateCode }).expect(403)).body.code).toBe('FORBIDDEN');
      const mother = await newMother('无票妈妈');
      expect((await t.http.post(`/api/fairs/${fairId}/check-ins`).set(as(mother.userId)).send({ code: lateCode }).expect(403)).body.code).toBe('FORBIDDEN');
      // The code she had before cancelling (the API no longer shows it) is refused as cancelled.
      const [q] = await t.dataSource.query(`SELECT s.seq, s.id, f.fair_no FROM fair_signups s JOIN fairs f ON f.id = s.fair_id WHERE s.mother_id = $1`, [quitter.motherId]);
      const issued = t.app.get(CheckInCodes).issue({ id: fairId, fairNo: q.fair_no }, { id: q.id, seq: q.seq });
      expect((await t.http.post(`/api/fairs/${fairId}/check-ins`).set(as(workerId)).send({ code: issued.text }).expect(409)).body.code).toBe('FAIR_SIGNUP_CANCELLED');
    });

    it('registers a walk-in at the station desk, then signs her up and checks her in without a seat', async () => {
      const seatsBefore = (await t.dataSource.query(`SELECT seats_taken FROM fairs WHERE id = $1`, [fairId]))[0].seats_taken;
      const desk = await t.http
        .post(`/api/stations/${stationId}/registrations`)
        .set(as(workerId))
        .send({
          name: '赵敏',
          phone: '13912340001',
          idNumber: makeResidentId('37100219910202100'),
          children: [{ birthYear: 2021, birthMonth: 3 }],
          availableWindows: [{ day: 1, start: '09:00', end: '15:00' }],
          wantedTypes: [],
          wantedModes: [],
          skills: ['缝纫'],
          trainingNeeds: [],
          consent: { noticeVersion: 'sensitive-v1', givenAt: '2026-12-10T08:40:00+08:00' },
        })
        .expect(201);
      const walkInMother = desk.body.mother.id as string;
      const res = await t.http.post(`/api/fairs/${fairId}/walk-ins`).set(as(workerId)).send({ motherId: walkInMother }).expect(201);
      expect(res.body).toMatchObject({ created: true, signup: { status: 'checked_in', walkIn: true, mother: { id: walkInMother, name: '赵*' } } });
      const again = await t.http.post(`/api/fairs/${fairId}/walk-ins`).set(as(workerId)).send({ motherId: walkInMother }).expect(200);
      expect(again.body).toMatchObject({ created: false, signup: { id: res.body.signup.id } });
      // A signed-up mother who lost her code is simply checked in.
      const lost = await t.http.post(`/api/fairs/${fairId}/walk-ins`).set(as(workerId)).send({ motherId: late.motherId }).expect(200);
      expect(lost.body).toMatchObject({ created: false, signup: { status: 'checked_in', walkIn: false } });
      expect((await t.dataSource.query(`SELECT seats_taken FROM fairs WHERE id = $1`, [fairId]))[0].seats_taken).toBe(seatsBefore);
      expect((await t.http.post(`/api/fairs/${fairId}/walk-ins`).set(as(workerId)).send({ motherId: '00000000-0000-4000-8000-000000000000' }).expect(404)).body.code).toBe('NOT_FOUND');

      const list = await t.http.get(`/api/fairs/${fairId}/signups`).set(as(workerId)).expect(200);
      expect(list.body.map((s: { status: string; walkIn: boolean }) => [s.status, s.walkIn])).toEqual([
        ['checked_in', false],
        ['checked_in', false],
        ['cancelled', false],
        ['checked_in', true],
      ]);
      expect(JSON.stringify(list.body)).not.toContain('13912340001');
    });

    it('checking in after cancelling makes her a walk-in', async () => {
      const res = await t.http.post(`/api/fairs/${fairId}/walk-ins`).set(as(workerId)).send({ motherId: quitter.motherId }).expect(200);
      expect(res.body).toMatchObject({ created: false, signup: { status: 'checked_in', walkIn: true } });
      const stats = await t.http.get(`/api/fairs/${fairId}/stats`).set(as(officialId)).expect(200);
      expect(stats.body).toMatchObject({ signUps: 2, cancelled: 0, walkIns: 2, checkIns: 4, seatsTaken: 2 });
    });

    async function signupCode(m: { userId: string }): Promise<string> {
      const res = await t.http.get('/api/fairs/mine').set(as(m.userId)).expect(200);
      return res.body[0].code as string;
    }
  });

  describe('what came of the fair: applications, hires and livestreams', () => {
    let fairId: string;
    let livestreamId: string;
    let applicant: { userId: string; motherId: string };

    beforeAll(async () => {
      clock.set(START);
      fairId = (await t.http.post('/api/fairs').set(as(officialId)).send(fairBody({ title: '成效专场', seats: 20 })).expect(201)).body.id;
      applicant = await newMother('应聘妈妈');
    });

    it('counts an application from the fair and the hire made from it, per employer', async () => {
      const apply = await t.http.post(`/api/posts/${postA1}/applications`).set(as(applicant.userId)).send({ source: 'fair', fairId }).expect(201);
      expect(apply.body.source).toBe('fair');
      await t.http.post(`/api/applications/${apply.body.id}/accept`).set(as(memberA)).expect(200);
      await t.http
        .post(`/api/applications/${apply.body.id}/hire`)
        .set(as(memberA))
        .send({ startDate: '2026-12-15', contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true })
        .expect(201);
      // An ordinary application to the same employer is not the fair's.
      const other = await newMother('路过妈妈');
      await t.http.post(`/api/posts/${postA2}/applications`).set(as(other.userId)).send({}).expect(201);

      const stats = await t.http.get(`/api/fairs/${fairId}/stats`).set(as(workerId)).expect(200);
      expect(stats.body).toMatchObject({ applications: 1, applicants: 1, hires: 1 });
      expect(stats.body.employers).toEqual([
        { employerId: employerA.id, employerName: '威海暖阳服饰有限公司', posts: 2, applications: 1, hires: 1 },
        { employerId: employerB.id, employerName: '文登区学苑食堂', posts: 1, applications: 0, hires: 0 },
      ]);
    });

    it('refuses an application claimed from a fair that does not show the post, or without the fair', async () => {
      const m = await newMother('乱填妈妈');
      const otherFair = (await t.http.post('/api/fairs').set(as(officialId)).send(fairBody({ title: '只有食堂', employers: [{ employerId: employerB.id, postIds: [postB1] }] })).expect(201)).body.id;
      const wrong = await t.http.post(`/api/posts/${postA1}/applications`).set(as(m.userId)).send({ source: 'fair', fairId: otherFair }).expect(400);
      expect(wrong.body.code).toBe('APPLICATION_ORIGIN_INVALID');
      expect((await t.http.post(`/api/posts/${postA1}/applications`).set(as(m.userId)).send({ source: 'fair' }).expect(400)).body.code).toBe('APPLICATION_ORIGIN_INVALID');
      expect((await t.http.post(`/api/posts/${postA1}/applications`).set(as(m.userId)).send({ fairId }).expect(400)).body.code).toBe('APPLICATION_ORIGIN_INVALID');
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE mother_id = $1`, [m.motherId]))[0].n).toBe(0);
    });

    it('a fair’s livestream lists its posts beside it and counts applications made from it', async () => {
      const created = await t.http
        .post(`/api/fairs/${fairId}/livestreams`)
        .set(as(workerId))
        .send({ title: '成效专场直播带岗', platform: 'wechat_channels', channelsId: 'sphWeihaiRenshe', startsAt: '2026-12-09T19:00:00+08:00', endsAt: '2026-12-09T20:30:00+08:00', postIds: [postB1] })
        .expect(201);
      livestreamId = created.body.id;
      expect(created.body).toMatchObject({ platform: 'wechat_channels', platformLabel: '视频号直播', channelsId: 'sphWeihaiRenshe', phase: 'upcoming', fair: { id: fairId } });
      expect(created.body.posts.map((p: { id: string }) => p.id)).toEqual([postB1]);

      clock.set(new Date('2026-12-09T11:30:00Z')); // 19:30, live
      const live = await t.http.get(`/api/livestreams/${livestreamId}`).expect(200);
      expect(live.body).toMatchObject({ phase: 'live', phaseLabel: '直播中', posts: [expect.objectContaining({ id: postB1, title: '食堂帮厨' })] });
      const viewer = await newMother('看直播妈妈');
      await t.http.post(`/api/posts/${postB1}/applications`).set(as(viewer.userId)).send({ source: 'livestream', livestreamId }).expect(201);
      // A post not shown beside it cannot be claimed from it.
      expect((await t.http.post(`/api/posts/${postA2}/applications`).set(as(viewer.userId)).send({ source: 'livestream', livestreamId }).expect(400)).body.code).toBe(
        'APPLICATION_ORIGIN_INVALID',
      );

      clock.set(new Date('2026-12-09T13:00:00Z')); // 21:00, over: the posts stay listed
      expect((await t.http.get(`/api/livestreams/${livestreamId}`).expect(200)).body).toMatchObject({ phase: 'ended', posts: [expect.objectContaining({ id: postB1 })] });
      const stats = await t.http.get(`/api/livestreams/${livestreamId}/stats`).set(as(officialId)).expect(200);
      expect(stats.body).toMatchObject({ applications: 1, applicants: 1, hires: 0, posts: [{ postId: postB1, title: '食堂帮厨', applications: 1, hires: 0 }] });
      const fairStats = await t.http.get(`/api/fairs/${fairId}/stats`).set(as(officialId)).expect(200);
      expect(fairStats.body).toMatchObject({ applications: 2, livestreams: [{ id: livestreamId, title: '成效专场直播带岗', applications: 1, hires: 0 }] });
      expect(fairStats.body.employers[1]).toMatchObject({ employerId: employerB.id, applications: 1 });
      const listed = await t.http.get('/api/livestreams').query({ fairId }).expect(200);
      expect(listed.body.map((l: { id: string }) => l.id)).toEqual([livestreamId]);
      expect((await t.http.get(`/api/fairs/${fairId}`).expect(200)).body.livestreams).toEqual([expect.objectContaining({ id: livestreamId, phase: 'ended' })]);
    });

    it('an employer runs a livestream for its own post only; a fair’s livestream only shows the fair’s posts', async () => {
      clock.set(START);
      const mine = await t.http
        .post(`/api/posts/${postA2}/livestreams`)
        .set(as(memberA))
        .send({ title: '包装车间开放日', platform: 'other', url: 'https://live.example.cn/room/88', startsAt: '2026-12-05T10:00:00+08:00', endsAt: '2026-12-05T11:00:00+08:00', postIds: [postA1] })
        .expect(201);
      expect(mine.body).toMatchObject({ platform: 'other', url: 'https://live.example.cn/room/88', post: { id: postA2 } });
      expect(mine.body.posts.map((p: { id: string }) => p.id)).toEqual([postA2, postA1]);
      expect((await t.http.post(`/api/posts/${postA2}/livestreams`).set(as(memberB)).send({ title: '冒名直播', platform: 'other', url: 'https://x.example.cn', startsAt: '2026-12-05T10:00:00+08:00', endsAt: '2026-12-05T11:00:00+08:00' }).expect(404)).body.code).toBe('NOT_FOUND');
      expect(
        (await t.http.post(`/api/posts/${postB1}/livestreams`).set(as(memberB)).send({ title: '带别人的岗', platform: 'other', url: 'https://x.example.cn', startsAt: '2026-12-05T10:00:00+08:00', endsAt: '2026-12-05T11:00:00+08:00', postIds: [postA1] }).expect(400)).body.code,
      ).toBe('LIVESTREAM_INVALID');
      const onlyFair = await t.http
        .post(`/api/fairs/${fairId}/livestreams`)
        .set(as(officialId))
        .send({ title: '不在本场的岗位', platform: 'wechat_channels', startsAt: '2026-12-05T10:00:00+08:00', endsAt: '2026-12-05T11:00:00+08:00' })
        .expect(400);
      expect(onlyFair.body).toMatchObject({ code: 'LIVESTREAM_INVALID', details: [expect.objectContaining({ field: 'channelsId' })] });
      expect((await t.http.get('/api/livestreams').query({ postId: postA1 }).expect(200)).body.map((l: { title: string }) => l.title)).toEqual(['包装车间开放日']);
      expect((await t.http.get(`/api/livestreams/${mine.body.id}/stats`).set(as(memberB)).expect(403)).body.code).toBe('FORBIDDEN');
    });

    it('gives the monitoring figures of the region', async () => {
      const figures = await t.app.get(FairsService).monitoringFigures('371000', '2026-12-01', '2026-12-31');
      expect(figures).toMatchObject({ fairApplications: 1, fairHires: 1, livestreamApplications: 1, livestreamHires: 0, walkIns: 2, checkIns: 4 });
      expect(figures.fairs).toBeGreaterThanOrEqual(5);
      const elsewhere = await t.app.get(FairsService).monitoringFigures('442000', '2026-12-01', '2026-12-31');
      expect(elsewhere).toEqual({ fairs: 0, signUps: 0, walkIns: 0, checkIns: 0, fairApplications: 0, fairHires: 0, livestreams: 0, livestreamApplications: 0, livestreamHires: 0 });
    });

    it('cancelling a fair tells the mothers still signed up', async () => {
      const m = await newMother('被通知妈妈');
      await t.http.post(`/api/fairs/${fairId}/signups`).set(as(m.userId)).expect(201);
      const res = await t.http.post(`/api/fairs/${fairId}/cancel`).set(as(workerId)).send({ reason: '场地临时检修' }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', statusLabel: '已取消', cancelReason: '场地临时检修' });
      const [n] = await t.dataSource.query(`SELECT body FROM notifications WHERE kind = 'fair.cancelled' AND recipient_id = $1`, [m.motherId]);
      expect(n.body).toContain('场地临时检修');
      expect((await t.http.post(`/api/fairs/${fairId}/signups`).set(as(applicant.userId)).expect(409)).body.code).toBe('FAIR_CLOSED');
      expect((await t.http.post(`/api/fairs/${fairId}/cancel`).set(as(workerId)).send({ reason: '再取消' }).expect(409)).body.code).toBe('FAIR_ALREADY_CANCELLED');
    });
  });
});
