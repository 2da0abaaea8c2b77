import { FixedClock } from '../src/common/clock/clock';
import { TrainingService } from '../src/modules/training/training.service';
import { SubsidyFixtures, bearer } from './support/subsidy-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/** Monday 2026-11-23, 10:00 China time. */
const START = new Date('2026-11-23T02:00:00Z');

describe('training: courses, sign-ups that never oversell, attendance', () => {
  const clock = new FixedClock(START);
  let t: TestApp;
  let f: SubsidyFixtures;
  let stationId: string;
  let worker: { id: string; token: string };
  let official: { id: string; token: string };

  const nightCourse = (seats: number, extra: Record<string, unknown> = {}) => ({
    providerKind: 'station',
    stationId,
    title: '育婴员（夜校班）',
    skill: 'childcare',
    description: '每周二、四晚上授课，可带孩子',
    online: false,
    address: '环翠区某某社区妈妈岗驿站二楼',
    location: { lat: 37.5, lng: 122.12 },
    hasChildRoom: true,
    seats,
    subsidised: true,
    sessions: [
      { startsAt: '2026-12-01T19:00:00+08:00', endsAt: '2026-12-01T21:00:00+08:00' },
      { startsAt: '2026-12-05T09:00:00+08:00', endsAt: '2026-12-05T11:15:00+08:00' },
    ],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new SubsidyFixtures(t, () => clock.now());
    const [s] = await t.dataSource.query(
      `INSERT INTO stations (name, region_code, address, lat, lng) VALUES ('环翠区妈妈岗驿站', '371002', '环翠区某路1号', 37.5, 122.12) RETURNING id`,
    );
    stationId = s.id;
    worker = await f.user('驿站小李', [{ role: 'station_worker', stationId, regionCode: '371002' }]);
    official = await f.user('人社局王科长', [{ role: 'official', regionCode: '371000' }]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a station worker publishes a course: evening and weekend sessions, class hours of 45 minutes', async () => {
    const res = await t.http.post('/api/training/courses').set(bearer(worker.token)).send(nightCourse(10)).expect(201);
    expect(res.body).toMatchObject({
      title: '育婴员（夜校班）',
      skillLabel: '育婴保育',
      provider: { kind: 'station', name: '环翠区妈妈岗驿站', stationId },
      regionCode: '371002',
      seats: 10,
      seatsLeft: 10,
      hasChildRoom: true,
      // 120 + 135 minutes = 255 = 5 class hours and 30 minutes
      classHours: 5,
      slotLabels: ['夜校', '周末班'],
      status: 'open',
      signupOpen: true,
      mySignup: null,
    });
    expect(res.body.sessions.map((s: { text: string; slotLabel: string }) => [s.text, s.slotLabel])).toEqual([
      ['2026-12-01 周二 19:00-21:00', '夜校'],
      ['2026-12-05 周六 09:00-11:15', '周末班'],
    ]);
    const list = await t.http.get('/api/training/courses?regionCode=371000&skill=childcare').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
  });

  it('fills a course to its seats under 30 concurrent sign-ups, and no further', async () => {
    const course = (await t.http.post('/api/training/courses').set(bearer(worker.token)).send(nightCourse(10)).expect(201)).body;
    const mothers = [];
    for (let i = 0; i < 30; i++) mothers.push(await f.signedInMother(`学员${i}`, '371002'));
    const results = await Promise.all(mothers.map((m) => t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(m.token))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(20);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('TRAINING_COURSE_FULL');
    const [row] = await t.dataSource.query(
      `SELECT c.seats_taken, (SELECT count(*)::int FROM course_signups s WHERE s.course_id = c.id AND s.status = 'active') AS active FROM courses c WHERE c.id = $1`,
      [course.id],
    );
    expect(row).toEqual({ seats_taken: 10, active: 10 });

    // Signing up again answers the same place and takes no seat.
    const winner = mothers[results.findIndex((r) => r.status === 201)]!;
    const repeat = await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(winner.token)).expect(200);
    expect(repeat.body.course.seatsTaken).toBe(10);

    // Cancelling frees a seat for exactly one more mother.
    const cancelled = await t.http.post(`/api/training/courses/${course.id}/signup/cancel`).set(bearer(winner.token)).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', course: { seatsTaken: 9, seatsLeft: 1 } });
    await t.http.post(`/api/training/courses/${course.id}/signup/cancel`).set(bearer(winner.token)).expect(409);
    const losers = mothers.filter((_, i) => results[i]!.status === 409);
    await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(losers[0]!.token)).expect(201);
    const late = await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(losers[1]!.token)).expect(409);
    expect(late.body.code).toBe('TRAINING_COURSE_FULL');
    // She may come back to the same course after cancelling: her row is reactivated, not duplicated.
    await t.http.post(`/api/training/courses/${course.id}/signup/cancel`).set(bearer(losers[0]!.token)).expect(200);
    await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(winner.token)).expect(201);
    const [n] = await t.dataSource.query(`SELECT count(*)::int AS n FROM course_signups WHERE course_id = $1 AND mother_id = $2`, [course.id, winner.motherId]);
    expect(n.n).toBe(1);
    const [after] = await t.dataSource.query(`SELECT seats_taken FROM courses WHERE id = $1`, [course.id]);
    expect(after.seats_taken).toBe(10);
  });

  it('records attendance once a session has started, only for mothers holding a place; her hours show up', async () => {
    const course = (await t.http.post('/api/training/courses').set(bearer(worker.token)).send(nightCourse(5)).expect(201)).body;
    const a = await f.signedInMother('到课妈妈', '371002');
    const b = await f.signedInMother('缺课妈妈', '371002');
    const stranger = await f.signedInMother('没报名', '371002');
    await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(a.token)).expect(201);
    await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(b.token)).expect(201);
    const [first, second] = course.sessions as { id: string }[];

    const early = await t.http
      .put(`/api/training/courses/${course.id}/sessions/${first!.id}/attendance`)
      .set(bearer(worker.token))
      .send({ records: [{ motherId: a.motherId, present: true }] })
      .expect(400);
    expect(early.body.code).toBe('TRAINING_ATTENDANCE_INVALID');

    clock.set(new Date('2026-12-05T04:00:00Z')); // Saturday 12:00, both sessions over
    try {
      for (const s of [first!, second!]) {
        await t.http
          .put(`/api/training/courses/${course.id}/sessions/${s.id}/attendance`)
          .set(bearer(f.token(worker.id)))
          .send({ records: [{ motherId: a.motherId, present: true }, { motherId: b.motherId, present: false }] })
          .expect(200);
      }
      const bad = await t.http
        .put(`/api/training/courses/${course.id}/sessions/${first!.id}/attendance`)
        .set(bearer(f.token(official.id)))
        .send({ records: [{ motherId: stranger.motherId, present: true }] })
        .expect(400);
      expect(bad.body.code).toBe('TRAINING_ATTENDANCE_INVALID');

      const roster = await t.http.get(`/api/training/courses/${course.id}/signups`).set(bearer(f.token(official.id))).expect(200);
      const byName = Object.fromEntries(roster.body.signups.map((s: { name: string; classHours: number; sessionsAttended: number }) => [s.name, [s.sessionsAttended, s.classHours]]));
      expect(byName).toEqual({ 到课妈妈: [2, 5], 缺课妈妈: [0, 0] });
      const mine = await t.http.get('/api/training/signups/mine').set(bearer(f.token(a.userId))).expect(200);
      expect(mine.body[0]).toMatchObject({ sessionsAttended: 2, classHours: 5, course: { id: course.id } });
      // Sign-up closes once the course has started.
      const closed = await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(f.token(stranger.userId))).expect(409);
      expect(closed.body.code).toBe('TRAINING_SIGNUP_CLOSED');
    } finally {
      clock.set(START);
    }
  });

  it('lets only the provider side publish, manage and see the roster', async () => {
    const mother = await f.signedInMother('想开课的妈妈', '371002');
    await t.http.post('/api/training/courses').set(bearer(mother.token)).send(nightCourse(5)).expect(403);

    const pendingEmployer = await f.employer({ regionCode: '371002', status: 'pending' });
    const member = await f.user('单位人事', [{ role: 'employer_member', employerId: pendingEmployer }]);
    const refused = await t.http
      .post('/api/training/courses')
      .set(bearer(member.token))
      .send(nightCourse(5, { providerKind: 'employer', stationId: undefined, employerId: pendingEmployer }))
      .expect(403);
    expect(refused.body).toEqual({ code: 'TRAINING_PROVIDER_NOT_ALLOWED', message: '单位备案通过审核后才能发布培训课程' });

    const otherOfficial = await f.user('外地官员', [{ role: 'official', regionCode: '442000' }]);
    const outside = await t.http
      .post('/api/training/courses')
      .set(bearer(otherOfficial.token))
      .send(nightCourse(5, { providerKind: 'official', stationId: undefined, regionCode: '371002', providerName: '威海市职业技能培训中心' }))
      .expect(403);
    expect(outside.body.code).toBe('TRAINING_PROVIDER_NOT_ALLOWED');

    const byOfficial = await t.http
      .post('/api/training/courses')
      .set(bearer(official.token))
      .send(nightCourse(5, { providerKind: 'official', stationId: undefined, regionCode: '371003', providerName: '威海市职业技能培训中心', online: true, address: undefined, location: undefined }))
      .expect(201);
    expect(byOfficial.body.provider).toMatchObject({ kind: 'official', name: '威海市职业技能培训中心' });
    await t.http.get(`/api/training/courses/${byOfficial.body.id}/signups`).set(bearer(otherOfficial.token)).expect(404);
    await t.http.get(`/api/training/courses/${byOfficial.body.id}/signups`).set(bearer(official.token)).expect(200);
  });

  it.each([
    ['a session in the past', { sessions: [{ startsAt: '2026-11-20T19:00:00+08:00', endsAt: '2026-11-20T21:00:00+08:00' }] }, '第1次课的日期2026-11-20已经过去'],
    ['an end before the start', { sessions: [{ startsAt: '2026-12-01T21:00:00+08:00', endsAt: '2026-12-01T19:00:00+08:00' }] }, '第1次课的结束时间须晚于开始时间'],
    ['no place for a course on site', { address: undefined }, '线下课程请填写上课地点'],
  ])('refuses a course with %s', async (_label, extra, message) => {
    const res = await t.http.post('/api/training/courses').set(bearer(worker.token)).send(nightCourse(5, extra)).expect(400);
    expect(res.body.code).toBe('TRAINING_COURSE_INVALID');
    expect(res.body.message).toContain(message);
  });

  it('cancels a course and tells every mother holding a place', async () => {
    const course = (await t.http.post('/api/training/courses').set(bearer(worker.token)).send(nightCourse(5)).expect(201)).body;
    const m = await f.signedInMother('报名妈妈', '371002');
    await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(m.token)).expect(201);
    const res = await t.http.post(`/api/training/courses/${course.id}/cancel`).set(bearer(worker.token)).send({ reason: '老师生病，课程改期' }).expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', statusLabel: '已取消', cancelReason: '老师生病，课程改期', signupOpen: false });
    const notes = await t.http.get('/api/notifications').set(bearer(m.token)).expect(200);
    expect(notes.body[0]).toMatchObject({ kind: 'training.course_cancelled', body: '您报名的“育婴员（夜校班）”已取消：老师生病，课程改期' });
    const again = await t.http.post(`/api/training/courses/${course.id}/signup`).set(bearer(m.token)).expect(409);
    expect(again.body.code).toBe('TRAINING_COURSE_CANCELLED');
  });

  it('names only real courses in a 12333 training notice', async () => {
    const course = (await t.http.post('/api/training/courses').set(bearer(worker.token)).send(nightCourse(5)).expect(201)).body;
    const training = t.app.get(TrainingService);
    const named = await training.coursesForNotice([course.id], '371003');
    expect(named.map((c) => [c.id, c.title, c.providerName])).toEqual([[course.id, '育婴员（夜校班）', '环翠区妈妈岗驿站']]);
    await expect(training.coursesForNotice([course.id, '00000000-0000-4000-8000-000000000000'], '371002')).rejects.toMatchObject({ code: 'TRAINING_COURSES_UNKNOWN' });
    // A course in another city is not a notice for her.
    await expect(training.coursesForNotice([course.id], '442000')).rejects.toMatchObject({ code: 'TRAINING_COURSES_UNKNOWN' });
    expect((await training.upcomingFor('371082')).map((c) => c.id)).toContain(course.id);
  });
});
