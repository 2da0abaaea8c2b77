import { FixedClock } from '../src/common/clock/clock';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { RightsService } from '../src/modules/rights/rights.service';
import { createTestApp, type TestApp } from './support/test-app';
import { employer, hire, mother, official, post, station } from './support/issue6-rows';

const NOW = new Date('2026-11-20T10:00:00+08:00');

type Auth = { authorization: string };

describe('rights: consultations, complaints and promise checks', () => {
  const clock = new FixedClock(NOW);
  let t: TestApp;
  let huancui: { userId: string; auth: Auth };
  let wendeng: { userId: string; auth: Auth };
  let city: { userId: string; auth: Auth };
  let employerA: string;
  let employerB: string;
  let postA: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    huancui = await official(t, '371002', NOW);
    wendeng = await official(t, '371003', NOW);
    city = await official(t, '371000', NOW);
    employerA = await employer(t.dataSource, { name: '环翠服装厂', regionCode: '371002' });
    employerB = await employer(t.dataSource, { name: '文登食品厂', regionCode: '371003' });
    postA = await post(t.dataSource, { employerId: employerA, regionCode: '371002', title: '缝纫工（可提前接娃）' });
    await post(t.dataSource, { employerId: employerB, regionCode: '371003', title: '包装工' });
    await station(t.dataSource, { name: '环翠妈妈驿站', regionCode: '371002', rightsHours: '每周二、四、六上午 律师值班' });
    await station(t.dataSource, { name: '环翠无维权驿站', regionCode: '371002', rightsHours: null });
    await station(t.dataSource, { name: '文登妈妈驿站', regionCode: '371003', rightsHours: '每周三下午' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const notificationsOf = async (kind: 'user' | 'mother', id: string, type: string) =>
    (await t.dataSource.query(`SELECT title, body, payload FROM notifications WHERE recipient_kind = $1 AND recipient_id = $2 AND kind = $3`, [kind, id, type])) as {
      title: string;
      body: string;
      payload: Record<string, string>;
    }[];

  describe('help', () => {
    it('lists the categories and the city’s stations with rights-consultation hours, her district first', async () => {
      const res = await t.http.get('/api/rights/help?regionCode=371002').expect(200);
      expect(res.body.regionCode).toBe('371002');
      expect(res.body.categories).toEqual([
        { code: 'wage_arrears', label: '拖欠工资' },
        { code: 'forced_overtime', label: '强制加班' },
        { code: 'no_contract', label: '未签劳动合同' },
        { code: 'leave_refused', label: '不准请假' },
        { code: 'discrimination', label: '就业歧视' },
        { code: 'other', label: '其他' },
      ]);
      expect(res.body.stations.map((s: { name: string; rightsConsultationHours: string }) => [s.name, s.rightsConsultationHours])).toEqual([
        ['环翠妈妈驿站', '每周二、四、六上午 律师值班'],
        ['文登妈妈驿站', '每周三下午'],
      ]);
    });

    it("uses a mother's own region, and asks for one otherwise", async () => {
      const m = await mother(t, { regionCode: '371003' }, NOW);
      const res = await t.http.get('/api/rights/help').set(m.auth).expect(200);
      expect(res.body.regionCode).toBe('371003');
      expect(res.body.stations[0].name).toBe('文登妈妈驿站');
      expect((await t.http.get('/api/rights/help').expect(400)).body.code).toBe('RIGHTS_REGION_REQUIRED');
      expect((await t.http.get('/api/rights/help?regionCode=abc').expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('cases', () => {
    it("routes a complaint about a post to the post's region: its officials and the city's see it, another district's does not", async () => {
      const m = await mother(t, { name: '刘芳芳', regionCode: '371082' }, NOW);
      const res = await t.http
        .post('/api/rights/cases')
        .set(m.auth)
        .send({ kind: 'complaint', category: 'forced_overtime', text: '说好下午4点可以接孩子，现在天天要求加班到7点', postId: postA })
        .expect(201);
      expect(res.body).toMatchObject({
        kind: 'complaint',
        kindLabel: '投诉',
        category: 'forced_overtime',
        categoryLabel: '强制加班',
        status: 'open',
        statusLabel: '待处理',
        regionCode: '371002',
        post: { id: postA, name: '缝纫工（可提前接娃）' },
        employer: { id: employerA, name: '环翠服装厂' },
        notes: [],
      });
      const id = res.body.id as string;

      const huancuiList = await t.http.get('/api/official/rights/cases').set(huancui.auth).expect(200);
      expect(huancuiList.body.items.map((c: { id: string }) => c.id)).toContain(id);
      const mine = huancuiList.body.items.find((c: { id: string }) => c.id === id);
      expect(mine.mother).toEqual({ name: '刘**', phoneMasked: null });
      await t.http.get(`/api/rights/cases/${id}`).set(huancui.auth).expect(200);
      const cityList = await t.http.get('/api/official/rights/cases?regionCode=371002').set(city.auth).expect(200);
      expect(cityList.body.items.map((c: { id: string }) => c.id)).toContain(id);

      const wendengList = await t.http.get('/api/official/rights/cases').set(wendeng.auth).expect(200);
      expect(wendengList.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
      expect((await t.http.get(`/api/rights/cases/${id}`).set(wendeng.auth).expect(404)).body.code).toBe('NOT_FOUND');
      await t.http.post(`/api/official/rights/cases/${id}/handle`).set(wendeng.auth).send({ status: 'in_progress', note: '已受理' }).expect(404);
      expect((await t.http.get('/api/official/rights/cases?regionCode=371002').set(wendeng.auth).expect(403)).body.code).toBe('FORBIDDEN');

      // The officials of the region are told, without the text of the complaint; the other district's are not.
      const told = await notificationsOf('user', huancui.userId, 'rights_case_new');
      expect(told).toEqual([{ title: '新的投诉', body: '收到一件“强制加班”投诉，请及时处理', payload: { caseId: id } }]);
      expect(await notificationsOf('user', city.userId, 'rights_case_new')).toHaveLength(1);
      expect(await notificationsOf('user', wendeng.userId, 'rights_case_new')).toHaveLength(0);
    });

    it("routes a case naming only an employer to the employer's region, and one naming nothing to hers", async () => {
      const m = await mother(t, { regionCode: '371082' }, NOW);
      const aboutEmployer = await t.http
        .post('/api/rights/cases')
        .set(m.auth)
        .send({ kind: 'complaint', category: 'wage_arrears', text: '拖欠两个月工资', employerId: employerB })
        .expect(201);
      expect(aboutEmployer.body).toMatchObject({ regionCode: '371003', employer: { id: employerB, name: '文登食品厂' }, post: null });
      const general = await t.http.post('/api/rights/cases').set(m.auth).send({ kind: 'consultation', category: 'leave_refused', text: '孩子生病能请几天假？' }).expect(201);
      expect(general.body).toMatchObject({ regionCode: '371082', kindLabel: '维权咨询', employer: null, post: null });

      const wendengIds = (await t.http.get('/api/official/rights/cases').set(wendeng.auth)).body.items.map((c: { id: string }) => c.id);
      expect(wendengIds).toContain(aboutEmployer.body.id);
      expect(wendengIds).not.toContain(general.body.id);
      const huancuiIds = (await t.http.get('/api/official/rights/cases').set(huancui.auth)).body.items.map((c: { id: string }) => c.id);
      expect(huancuiIds).not.toContain(aboutEmployer.body.id);
      expect(huancuiIds).not.toContain(general.body.id);
      const cityIds = (await t.http.get('/api/official/rights/cases?kind=consultation').set(city.auth)).body.items.map((c: { id: string }) => c.id);
      expect(cityIds).toEqual([general.body.id]);

      const mine = await t.http.get('/api/rights/cases/mine').set(m.auth).expect(200);
      expect(mine.body.map((c: { id: string }) => c.id).sort()).toEqual([aboutEmployer.body.id, general.body.id].sort());
    });

    it('refuses bad cases and writes nothing', async () => {
      const m = await mother(t, {}, NOW);
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM rights_cases`))[0].n;
      const mismatch = await t.http
        .post('/api/rights/cases')
        .set(m.auth)
        .send({ kind: 'complaint', category: 'other', text: '问题', postId: postA, employerId: employerB })
        .expect(400);
      expect(mismatch.body.code).toBe('RIGHTS_POST_EMPLOYER_MISMATCH');
      await t.http
        .post('/api/rights/cases')
        .set(m.auth)
        .send({ kind: 'complaint', category: 'other', text: '问题', postId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      const invalid = await t.http.post('/api/rights/cases').set(m.auth).send({ kind: 'rant', category: 'late', text: '   ' }).expect(400);
      expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['category', 'kind', 'text']);
      await t.http.post('/api/rights/cases').set(m.auth).send({ kind: 'complaint', category: 'other', text: '字'.repeat(1001) }).expect(400);
      await t.http.post('/api/rights/cases').set(huancui.auth).send({ kind: 'complaint', category: 'other', text: '官员不能投诉' }).expect(403);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM rights_cases`))[0].n).toBe(before);
    });

    it('lets an official of the region take up and close a case; the mother sees status and notes; a closed case stays closed', async () => {
      const m = await mother(t, {}, NOW);
      const other = await mother(t, {}, NOW);
      const created = await t.http.post('/api/rights/cases').set(m.auth).send({ kind: 'complaint', category: 'no_contract', text: '入职三个月未签合同', postId: postA }).expect(201);
      const id = created.body.id as string;
      await t.http.get(`/api/rights/cases/${id}`).set(other.auth).expect(404);

      const taken = await t.http.post(`/api/official/rights/cases/${id}/handle`).set(huancui.auth).send({ status: 'in_progress', note: '已联系单位核实' }).expect(200);
      expect(taken.body).toMatchObject({ status: 'in_progress', statusLabel: '处理中', notes: [{ status: 'in_progress', note: '已联系单位核实' }] });
      clock.set(new Date(NOW.getTime() + 3_600_000));
      await t.http.post(`/api/official/rights/cases/${id}/handle`).set(city.auth).send({ status: 'resolved', note: '单位已补签劳动合同' }).expect(200);
      clock.set(NOW);

      const seen = await t.http.get(`/api/rights/cases/${id}`).set(m.auth).expect(200);
      expect(seen.body).toMatchObject({ status: 'resolved', statusLabel: '已办结' });
      expect(seen.body.notes.map((n: { statusLabel: string; note: string }) => [n.statusLabel, n.note])).toEqual([
        ['处理中', '已联系单位核实'],
        ['已办结', '单位已补签劳动合同'],
      ]);
      const told = await notificationsOf('mother', m.motherId, 'rights_case_update');
      expect(told.map((n) => n.title).sort()).toEqual(['您的投诉处理中', '您的投诉已办结']);

      const closed = await t.http.post(`/api/official/rights/cases/${id}/handle`).set(huancui.auth).send({ status: 'in_progress', note: '再看看' }).expect(409);
      expect(closed.body.code).toBe('RIGHTS_CASE_CLOSED');
      await t.http.post(`/api/official/rights/cases/${id}/handle`).set(huancui.auth).send({ status: 'open', note: '重开' }).expect(400);
      const resolved = await t.dataSource.query(`SELECT status, resolved_at IS NOT NULL AS closed, handled_by FROM rights_cases WHERE id = $1`, [id]);
      expect(resolved[0]).toEqual({ status: 'resolved', closed: true, handled_by: city.userId });
    });
  });

  describe('promise checks 30 days after a hire', () => {
    let employerC: string;
    let postC: string;
    const hires: Record<string, { hireId: string; motherId: string; auth: Auth }> = {};

    beforeAll(async () => {
      employerC = await employer(t.dataSource, { name: '环翠电子厂', regionCode: '371002' });
      postC = await post(t.dataSource, { employerId: employerC, regionCode: '371002', title: '质检员' });
      // Today is 2026-11-20: hires that started 2026-08-22 .. 2026-10-21 are asked.
      for (const [key, startDate] of [
        ['due', '2026-10-21'],
        ['dueEarlier', '2026-09-15'],
        ['notYet', '2026-10-22'],
        ['tooOld', '2026-08-01'],
      ] as const) {
        const m = await mother(t, { regionCode: '371002' }, NOW);
        const h = await hire(t.dataSource, { postId: postC, employerId: employerC, motherId: m.motherId, startDate });
        hires[key] = { hireId: h.hireId, motherId: m.motherId, auth: m.auth };
      }
    });

    it('asks each due hire once, with one notification, however often the job runs', async () => {
      const rights = t.app.get(RightsService);
      expect(await rights.askDuePromiseChecks(clock.now())).toBe(2);
      expect(await rights.askDuePromiseChecks(clock.now())).toBe(0);
      const rows = await t.dataSource.query(`SELECT hire_id, due_on::text AS due_on, region_code FROM promise_checks ORDER BY due_on`);
      expect(rows).toEqual([
        { hire_id: hires.dueEarlier!.hireId, due_on: '2026-10-15', region_code: '371002' },
        { hire_id: hires.due!.hireId, due_on: '2026-11-20', region_code: '371002' },
      ]);
      const told = await notificationsOf('mother', hires.due!.motherId, 'promise_check');
      expect(told).toHaveLength(1);
      expect(told[0]!.body).toContain('环翠电子厂的“质检员”已入职满30天');
      expect(await notificationsOf('mother', hires.notYet!.motherId, 'promise_check')).toHaveLength(0);

      // The next day the daily job (through the job queue) asks the hire that has just become due.
      clock.advanceDays(1);
      await t.app.get(JobsService).runOnce();
      clock.set(NOW);
      const asked = await t.dataSource.query(`SELECT count(*)::int AS n FROM promise_checks WHERE hire_id = $1`, [hires.notYet!.hireId]);
      expect(asked[0].n).toBe(1);
      expect(await notificationsOf('mother', hires.tooOld!.motherId, 'promise_check')).toHaveLength(0);
    });

    it('lets the mother answer once; her answers feed the record; a second broken promise flags the employer', async () => {
      const mine = await t.http.get('/api/rights/promise-checks/mine').set(hires.due!.auth).expect(200);
      expect(mine.body).toHaveLength(1);
      const check = mine.body[0];
      expect(check).toMatchObject({ postTitle: '质检员', employerName: '环翠电子厂', startDate: '2026-10-21', dueOn: '2026-11-20', answers: null, answeredAt: null });
      expect(check.questions.map((q: { term: string }) => q.term)).toEqual(['hours', 'contract', 'insurance', 'leave']);

      await t.http.post(`/api/rights/promise-checks/${check.id}/answer`).set(hires.dueEarlier!.auth).send({ hours: 'kept', contract: 'kept', insurance: 'kept', leave: 'kept' }).expect(404);
      await t.http.post(`/api/rights/promise-checks/${check.id}/answer`).set(hires.due!.auth).send({ hours: 'kept', contract: 'maybe', insurance: 'kept' }).expect(400);
      const answered = await t.http
        .post(`/api/rights/promise-checks/${check.id}/answer`)
        .set(hires.due!.auth)
        .send({ hours: 'broken', contract: 'kept', insurance: 'kept', leave: 'broken', comment: '经常要求晚上加班' })
        .expect(200);
      expect(answered.body).toMatchObject({ answers: { hours: 'broken', contract: 'kept', insurance: 'kept', leave: 'broken' }, comment: '经常要求晚上加班', answeredAt: expect.any(String) });
      const again = await t.http.post(`/api/rights/promise-checks/${check.id}/answer`).set(hires.due!.auth).send({ hours: 'kept', contract: 'kept', insurance: 'kept', leave: 'kept' }).expect(409);
      expect(again.body.code).toBe('PROMISE_CHECK_ANSWERED');

      const once = await t.http.get(`/api/official/employers/${employerC}/record`).set(huancui.auth).expect(200);
      expect(once.body).toMatchObject({ hires: 4, flagged: false, flagReason: null, promiseChecks: { asked: 3, answered: 1, keptHires: 0, brokenHires: 1 } });
      expect(await notificationsOf('user', huancui.userId, 'employer_broken_promises')).toHaveLength(0);

      const second = (await t.http.get('/api/rights/promise-checks/mine').set(hires.dueEarlier!.auth)).body[0];
      await t.http.post(`/api/rights/promise-checks/${second.id}/answer`).set(hires.dueEarlier!.auth).send({ hours: 'kept', contract: 'broken', insurance: 'broken', leave: 'kept' }).expect(200);
      const third = (await t.http.get('/api/rights/promise-checks/mine').set(hires.notYet!.auth)).body[0];
      await t.http.post(`/api/rights/promise-checks/${third.id}/answer`).set(hires.notYet!.auth).send({ hours: 'kept', contract: 'kept', insurance: 'kept', leave: 'kept' }).expect(200);

      const record = await t.http.get(`/api/official/employers/${employerC}/record`).set(city.auth).expect(200);
      expect(record.body).toEqual({
        employerId: employerC,
        employerName: '环翠电子厂',
        regionCode: '371002',
        hires: 4,
        promiseChecks: {
          asked: 3,
          answered: 3,
          keptHires: 1,
          brokenHires: 2,
          byTerm: { hours: { kept: 2, broken: 1 }, contract: { kept: 2, broken: 1 }, insurance: { kept: 2, broken: 1 }, leave: { kept: 2, broken: 1 } },
        },
        complaints: { total: 0, open: 0, byCategory: {} },
        flagged: true,
        flagReason: '2次入职满30天回访反映承诺未兑现（达到2次即提示）',
      });
      expect(await notificationsOf('user', huancui.userId, 'employer_broken_promises')).toHaveLength(1);
      expect(await notificationsOf('user', city.userId, 'employer_broken_promises')).toHaveLength(1);
      expect(await notificationsOf('user', wendeng.userId, 'employer_broken_promises')).toHaveLength(0);

      expect((await t.http.get(`/api/official/employers/${employerC}/record`).set(wendeng.auth).expect(403)).body.code).toBe('FORBIDDEN');
      await t.http.get('/api/official/employers/00000000-0000-4000-8000-000000000000/record').set(city.auth).expect(404);

      const rights = t.app.get(RightsService);
      expect(await rights.brokenPromiseEmployers('371000')).toEqual([
        { employerId: employerC, employerName: '环翠电子厂', regionCode: '371002', brokenHires: 2, answeredChecks: 3 },
      ]);
      expect(await rights.brokenPromiseEmployers('371003')).toEqual([]);
    });

    it('counts complaints about the employer in its record', async () => {
      const m = await mother(t, {}, NOW);
      await t.http.post('/api/rights/cases').set(m.auth).send({ kind: 'complaint', category: 'leave_refused', text: '孩子发烧不让请假', postId: postC }).expect(201);
      await t.http.post('/api/rights/cases').set(m.auth).send({ kind: 'consultation', category: 'other', text: '咨询', employerId: employerC }).expect(201);
      const record = await t.http.get(`/api/official/employers/${employerC}/record`).set(huancui.auth).expect(200);
      expect(record.body.complaints).toEqual({ total: 1, open: 1, byCategory: { leave_refused: 1 } });
    });
  });
});
