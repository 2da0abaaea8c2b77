import { FixedClock } from '../src/common/clock/clock';
import { PiiCrypto } from '../src/common/crypto/pii-crypto';
import { PostsScheduler } from '../src/modules/posts/posts.scheduler';
import { PostsService } from '../src/modules/posts/posts.service';
import { count, filing, freshUscc, People, type Person } from './support/employer-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * Posts over HTTP, on a fixed clock (Monday 2 March 2026, 10:00 in China): who may post, the
 * type's defaults, every refusal (each writes nothing), the public view, take-down, closing.
 */
const NOW = new Date('2026-03-02T02:00:00Z');

/** A production-line post that passes every rule: the base each refusal case changes one thing of. */
function postBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'production_line',
    title: '缝纫工（可提前下班接孩子）',
    description: '服装厂缝纫岗位，提供培训。',
    headcount: 3,
    pay: { min: 3000, max: 3600 },
    schedule: {
      flexible: false,
      windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:30', end: '15:30' })),
    },
    place: { remote: false, takeHome: false, location: { lat: 37.505, lng: 122.115 }, address: '环翠区文化西路1号' },
    skills: ['缝纫'],
    validUntil: '2026-06-30',
    ...overrides,
  };
}

describe('posts', () => {
  const clock = new FixedClock(NOW);
  let t: TestApp;
  let people: People;
  let member: Person;
  let employerId: string;
  let cityOfficial: Person;
  let otherOfficial: Person;
  let postId: string;

  /** Files an employer through the routes and, unless told otherwise, has the city official approve it. */
  async function employer(person: Person, overrides: Record<string, unknown> = {}, approve = true): Promise<string> {
    const filed = await t.http.post('/api/employers').set(person.auth).send(filing(overrides));
    expect(filed.status).toBe(201);
    if (approve) {
      const approved = await t.http.post(`/api/official/employers/${filed.body.id}/approve`).set(cityOfficial.auth).send({});
      expect(approved.status).toBe(200);
    }
    return filed.body.id;
  }

  const posts = (id: string) => `/api/employers/${id}/posts`;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    people = new People(t, () => clock.now());
    cityOfficial = await people.official('371000');
    otherOfficial = await people.official('371082');
    member = await people.user('企业管理员');
    employerId = await employer(member);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('publishing', () => {
    it('refuses a member of an employer still under review', async () => {
      const waiting = await people.user('待审企业');
      const id = await employer(waiting, {}, false);
      const res = await t.http.post(posts(id)).set(waiting.auth).send(postBody());
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('EMPLOYER_NOT_APPROVED');
      expect(await count(t, 'posts')).toBe(0);
    });

    it('publishes with the type’s defaults for everything omitted', async () => {
      const res = await t.http.post(posts(employerId)).set(member.auth).send(postBody());
      expect(res.status).toBe(201);
      postId = res.body.id;
      expect(res.body).toMatchObject({
        employer: { id: employerId, name: '威海暖阳服饰有限公司', kind: 'enterprise', friendly: false, facilities: { motherBabyRoom: true, childcare: false, shuttleBus: true } },
        type: 'production_line',
        typeLabel: '生产线',
        stage: null,
        stageLabel: null,
        headcount: 3,
        filledCount: 0,
        openPlaces: 3,
        pay: { basis: 'monthly', basisLabel: '按月计酬', min: 3000, max: 3600, text: '3000-3600元/月' },
        // 3000 a month over 35 h × 52/12 weeks.
        hourly: { min: 19.78, max: 23.74, text: '折合约19.8-23.7元/小时' },
        schedule: { flexible: false, hoursPerWeek: 35, text: '周一至周五 8:30-15:30，每周35小时' },
        modes: [
          { code: 'mom_shift', label: '宝妈班组' },
          { code: 'flexible_leave', label: '弹性妈妈岗' },
        ],
        place: { remote: false, takeHome: false, location: { lat: 37.505, lng: 122.115 }, address: '环翠区文化西路1号', regionCode: '371002' },
        insurance: 'social',
        insuranceLabel: '社会保险',
        contractForm: 'labour_contract',
        contractLabel: '劳动合同',
        skills: ['缝纫'],
        // The employer's facilities, as none were given.
        facilities: { motherBabyRoom: true, shuttleBus: true, childMayCome: false },
        validUntil: '2026-06-30',
        status: 'open',
        statusLabel: '招聘中',
        takedownReason: null,
      });
      expect(res.body.rightsTerms).toEqual([
        '弹性工作时间：可提前1-2小时下班接送孩子',
        '弹性工作时间：可自选班次，错开接送孩子的时间',
        '不强制加班：延长工作时间须经本人同意',
        '请假：孩子生病、入园入学等育儿需要可按需请假',
        '育儿假：依法享受育儿假',
      ]);
      const [row] = await t.dataSource.query(`SELECT valid_until, minimum_wage_source, created_by FROM posts WHERE id = $1`, [postId]);
      // Open through 30 June in China: it closes at midnight China time.
      expect(new Date(row.valid_until).toISOString()).toBe('2026-06-30T16:00:00.000Z');
      expect(row.minimum_wage_source).toContain('371000 2200元/月 22元/小时');
      expect(row.created_by).toBe(member.userId);
    });

    it('stores the stage of a stage type, and no hourly figure for her own start-up', async () => {
      const stage = await t.http
        .post(posts(employerId))
        .set(member.auth)
        .send(postBody({ type: 'stage_settled_work', title: '质检员（可带娃）', facilities: { motherBabyRoom: true, shuttleBus: false, childMayCome: true } }));
      expect(stage.status).toBe(201);
      expect(stage.body).toMatchObject({ stage: 'settled_work', stageLabel: '安心工作型', facilities: { childMayCome: true, shuttleBus: false } });

      const startup = await t.http
        .post(posts(employerId))
        .set(member.auth)
        .send(postBody({ type: 'startup', title: '景区咖啡馆合伙经营', pay: { min: 3000, max: 8000 }, schedule: { flexible: true, windows: [], hoursPerWeek: 40 } }));
      expect(startup.status).toBe(201);
      expect(startup.body).toMatchObject({
        pay: { basis: 'own_income', text: '自主创收，预计每月3000-8000元' },
        hourly: { min: null, max: null, text: '自主创收，不折算时薪' },
        insurance: 'flexible_social',
        contractForm: 'none',
        schedule: { flexible: true, windows: [], hoursPerWeek: 40, text: '时间灵活，每周约40小时' },
      });
      const [row] = await t.dataSource.query(`SELECT hourly_min, minimum_wage_source FROM posts WHERE id = $1`, [startup.body.id]);
      expect(row).toEqual({ hourly_min: null, minimum_wage_source: null });
    });

    it('publishes take-home piece work with no workplace, tagged 流动妈妈岗', async () => {
      const res = await t.http
        .post(posts(employerId))
        .set(member.auth)
        .send(
          postBody({
            type: 'handicraft',
            title: '钩织饰品（可带回家做）',
            pay: { basis: 'per_piece', min: 5, max: 8, unitsPerHour: 5 },
            schedule: { flexible: true, windows: [], hoursPerWeek: 15 },
            place: { remote: false, takeHome: true },
            modes: [],
          }),
        );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        place: { takeHome: true, location: null, address: null },
        modes: [{ code: 'take_home', label: '流动妈妈岗' }],
        hourly: { min: 25, max: 40 },
        insurance: 'flexible_social',
        contractForm: 'service_agreement',
      });
    });
  });

  describe('refusals write nothing', () => {
    let before: number;
    beforeEach(async () => {
      before = await count(t, 'posts');
    });
    afterEach(async () => {
      expect(await count(t, 'posts')).toBe(before);
    });

    const send = (body: Record<string, unknown>) => t.http.post(posts(employerId)).set(member.auth).send(body);

    it('POST_CONTRADICTS_TYPE: terms below what the type guarantees, one detail per violation', async () => {
      const res = await send(postBody({ insurance: 'commercial', contractForm: 'service_agreement' }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('POST_CONTRADICTS_TYPE');
      expect(res.body.message).toContain('生产线');
      expect(res.body.details).toEqual([
        { field: 'insurance', rule: 'INSURANCE_NOT_ALLOWED', message: '“生产线”岗位须提供社会保险' },
        { field: 'contractForm', rule: 'CONTRACT_FORM_NOT_ALLOWED', message: '“生产线”岗位须签订劳动合同' },
      ]);
    });

    it('POST_CONTRADICTS_TYPE: a type this kind of employer may not offer, or fixed hours for a flexible type', async () => {
      const volunteer = await send(postBody({ type: 'volunteer', pay: { basis: 'per_task', min: 50, max: 50, hoursPerTask: 2 } }));
      expect(volunteer.status).toBe(400);
      expect(volunteer.body.details.map((d: { rule: string }) => d.rule)).toContain('EMPLOYER_KIND_NOT_ALLOWED');
      const remote = await send(postBody({ type: 'remote_online', pay: { basis: 'per_piece', min: 2, max: 3, unitsPerHour: 15 }, place: { remote: true, takeHome: false } }));
      expect(remote.status).toBe(400);
      expect(remote.body.details).toContainEqual(expect.objectContaining({ field: 'schedule.flexible', rule: 'TIME_RULE_CONTRADICTS_TYPE' }));
    });

    it('POST_BELOW_MINIMUM_WAGE names the figure and its source', async () => {
      // 0.3 yuan × 40 pieces = 12 yuan an hour, 35 h a week: about 1820 a month.
      const full = await send(postBody({ pay: { basis: 'per_piece', min: 0.3, max: 0.4, unitsPerHour: 40 } }));
      expect(full.status).toBe(400);
      expect(full.body.code).toBe('POST_BELOW_MINIMUM_WAGE');
      expect(full.body.message).toMatch(/低于当地月最低工资标准2200元。依据：山东省最低工资标准.*2025-04-21起执行/);
      // Part-time (at most 24 h a week) is held to the hourly standard.
      const part = await send(
        postBody({
          pay: { min: 1500, max: 1500 },
          schedule: { flexible: false, windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '13:00' })) },
        }),
      );
      expect(part.status).toBe(400);
      expect(part.body.code).toBe('POST_BELOW_MINIMUM_WAGE');
      expect(part.body.message).toMatch(/^折合时薪约17.31元，低于当地小时最低工资标准22元/);
    });

    it('POST_LOCATION_INVALID: a pin far from the region, off China, or none for on-site work', async () => {
      for (const place of [
        { remote: false, takeHome: false, location: { lat: 39.9042, lng: 116.4074 } },
        { remote: false, takeHome: false, location: { lat: 0, lng: 0 } },
        { remote: false, takeHome: false },
      ]) {
        const res = await send(postBody({ place }));
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('POST_LOCATION_INVALID');
      }
    });

    it.each([
      ['yesterday', '2026-03-01'],
      ['more than a year ahead', '2027-03-03'],
      ['not a date', '2026-02-30'],
    ])('POST_VALID_UNTIL_INVALID: %s', async (_name, validUntil) => {
      const res = await send(postBody({ validUntil }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('POST_VALID_UNTIL_INVALID');
    });

    it.each([
      ['overlapping windows', { flexible: false, windows: [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '11:00', end: '13:00' }] }],
      ['a window ending before it starts', { flexible: false, windows: [{ day: 2, start: '15:00', end: '09:00' }] }],
      ['fixed hours with no window', { flexible: false, windows: [] }],
      ['flexible hours without hours a week', { flexible: true, windows: [] }],
      ['hours a week contradicting the windows', { flexible: false, windows: [{ day: 1, start: '09:00', end: '15:00' }], hoursPerWeek: 30 }],
    ])('POST_SCHEDULE_INVALID: %s', async (_name, schedule) => {
      const res = await send(postBody({ schedule }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('POST_SCHEDULE_INVALID');
    });

    it.each([
      ['piece pay without pieces an hour', { basis: 'per_piece', min: 1, max: 2 }],
      ['a range upside down', { min: 3600, max: 3000 }],
    ])('POST_PAY_INVALID: %s', async (_name, pay) => {
      const res = await send(postBody({ pay }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('POST_PAY_INVALID');
    });

    it.each([
      ['no one to hire', { headcount: 0 }, 'headcount'],
      ['more than 500', { headcount: 501 }, 'headcount'],
      ['a title over 40 characters', { title: '岗'.repeat(41) }, 'title'],
      ['a description over 2000 characters', { description: '介'.repeat(2001) }, 'description'],
      ['21 skills', { skills: Array.from({ length: 21 }, (_, i) => `技能${i}`) }, 'skills'],
      ['an unknown type', { type: 'astronaut' }, 'type'],
      ['an unknown field', { salary: 5000 }, 'salary'],
      ['an unknown field inside pay', { pay: { min: 3000, max: 3600, bonus: 1 } }, 'pay.bonus'],
      ['zero pay', { pay: { min: 0, max: 0 } }, 'pay.min'],
    ])('VALIDATION_FAILED: %s', async (_name, overrides, field) => {
      const res = await send(postBody(overrides));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('regions without minimum-wage data', () => {
    let government: Person;
    let governmentId: string;
    let company: Person;
    let companyId: string;
    beforeAll(async () => {
      await t.dataSource.query(`INSERT INTO regions (code, name, level, parent_code, center_lat, center_lng) VALUES
        ('440000', '广东省', 'province', NULL, 23.1317, 113.2663), ('440300', '深圳市', 'city', '440000', 22.5431, 114.0579)
        ON CONFLICT (code) DO NOTHING`);
      const insert = async (kind: string, name: string) => {
        const [e] = await t.dataSource.query(
          `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng, status)
           VALUES ($1, $2, $3, '440300', '陈科长', $4, '139****0000', '福田区', 22.54, 114.06, 'approved') RETURNING id`,
          [freshUscc('11440300MB'), name, kind, t.app.get(PiiCrypto).encrypt('13900000000')],
        );
        const person = await people.user(name);
        await t.dataSource.query(`INSERT INTO user_roles (user_id, role, employer_id) VALUES ($1, 'employer_member', $2)`, [person.userId, e.id]);
        return { person: { ...person, auth: people.tokenFor(person.userId) }, id: e.id as string };
      };
      ({ person: government, id: governmentId } = await insert('government', '深圳市某街道办'));
      ({ person: company, id: companyId } = await insert('enterprise', '深圳某电子厂'));
    });

    it('refuses a public-welfare post, whose floor is the local minimum wage, with POST_MINIMUM_WAGE_UNKNOWN', async () => {
      const before = await count(t, 'posts');
      const res = await t.http
        .post(posts(governmentId))
        .set(government.auth)
        .send(postBody({ type: 'public_welfare_urban', title: '公共环境管护', place: { remote: false, takeHome: false, location: { lat: 22.55, lng: 114.05 } } }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('POST_MINIMUM_WAGE_UNKNOWN');
      expect(await count(t, 'posts')).toBe(before);
    });

    it('accepts any other post and records that its pay was not checked', async () => {
      const res = await t.http
        .post(posts(companyId))
        .set(company.auth)
        .send(postBody({ pay: { min: 1000, max: 1200 }, place: { remote: false, takeHome: false, location: { lat: 22.55, lng: 114.05 } } }));
      expect(res.status).toBe(201);
      const [row] = await t.dataSource.query(`SELECT minimum_wage_source FROM posts WHERE id = $1`, [res.body.id]);
      expect(row.minimum_wage_source).toBeNull();
    });
  });

  describe('who sees what', () => {
    it('keeps an employer’s post list and publishing to its members', async () => {
      const rival = await people.user('别家企业');
      const rivalId = await employer(rival, { name: '威海另一家公司' });
      const before = await count(t, 'posts');
      expect((await t.http.get(posts(employerId)).set(rival.auth)).status).toBe(404);
      expect((await t.http.post(posts(employerId)).set(rival.auth).send(postBody())).status).toBe(404);
      expect((await t.http.post(posts(rivalId)).set(member.auth).send(postBody())).status).toBe(404);
      const mother = await people.mother();
      expect((await t.http.post(posts(employerId)).set(mother.auth).send(postBody())).status).toBe(403);
      expect((await t.http.get(posts(employerId))).status).toBe(401);
      expect(await count(t, 'posts')).toBe(before);
      expect((await t.http.get(posts(rivalId)).set(rival.auth)).body).toEqual([]);
    });

    it('shows a post to the public without the employer’s contact', async () => {
      const res = await t.http.get(`/api/posts/${postId}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(postId);
      expect(Object.keys(res.body.employer).sort()).toEqual(['facilities', 'friendly', 'id', 'kind', 'name']);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('5678');
      expect(text).not.toContain('张经理');
      expect((await t.http.get('/api/posts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await t.http.get('/api/posts/nope')).status).toBe(404);
    });
  });

  describe('take-down', () => {
    it('is refused to an official of another region, and to non-officials', async () => {
      const foreign = await t.http.post(`/api/official/posts/${postId}/take-down`).set(otherOfficial.auth).send({ reason: '信息不实' });
      expect(foreign.status).toBe(403);
      expect((await t.http.post(`/api/official/posts/${postId}/take-down`).set(member.auth).send({ reason: '信息不实' })).status).toBe(403);
      expect(await count(t, 'posts', `id = $1 AND status = 'open'`, [postId])).toBe(1);
    });

    it('takes the post down with a reason and tells the employer', async () => {
      expect((await t.http.post(`/api/official/posts/${postId}/take-down`).set(cityOfficial.auth).send({})).status).toBe(400);
      const res = await t.http.post(`/api/official/posts/${postId}/take-down`).set(cityOfficial.auth).send({ reason: '岗位信息与实际不符' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'taken_down', statusLabel: '已下架', takedownReason: '岗位信息与实际不符', openPlaces: 0 });
      const [n] = await t.dataSource.query(`SELECT kind, body, payload FROM notifications WHERE recipient_kind = 'employer' AND recipient_id = $1 AND kind = 'post_taken_down'`, [employerId]);
      expect(n.body).toContain('岗位信息与实际不符');
      expect(n.payload).toEqual({ postId, reason: '岗位信息与实际不符' });
      const again = await t.http.post(`/api/official/posts/${postId}/take-down`).set(cityOfficial.auth).send({ reason: '再次下架' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('POST_ALREADY_TAKEN_DOWN');
    });

    it('hides the taken-down post from the public and from other regions, not from its employer and officials', async () => {
      expect((await t.http.get(`/api/posts/${postId}`)).status).toBe(404);
      expect((await t.http.get(`/api/posts/${postId}`).set(otherOfficial.auth)).status).toBe(404);
      const own = await t.http.get(`/api/posts/${postId}`).set(member.auth);
      expect(own.body).toMatchObject({ status: 'taken_down', takedownReason: '岗位信息与实际不符' });
      expect((await t.http.get(`/api/posts/${postId}`).set(cityOfficial.auth)).status).toBe(200);
      const list = await t.http.get(posts(employerId)).set(member.auth);
      expect(list.body.find((p: { id: string }) => p.id === postId)).toMatchObject({ status: 'taken_down' });
      expect((await t.http.get(posts(employerId)).set(cityOfficial.auth)).status).toBe(200);
    });
  });

  describe('closing', () => {
    it('expires posts past their last day and closes full ones, once', async () => {
      const soon = await t.http.post(posts(employerId)).set(member.auth).send(postBody({ title: '短期岗位', validUntil: '2026-03-03' }));
      const full = await t.http.post(posts(employerId)).set(member.auth).send(postBody({ title: '招满岗位', headcount: 2 }));
      const today = await t.http.post(posts(employerId)).set(member.auth).send(postBody({ title: '今天截止', validUntil: '2026-03-02' }));
      expect([soon.status, full.status, today.status]).toEqual([201, 201, 201]);
      await t.dataSource.query(`UPDATE posts SET filled_count = 2 WHERE id = $1`, [full.body.id]);
      const service = t.app.get(PostsService);
      const status = async (id: string) => (await t.dataSource.query(`SELECT status FROM posts WHERE id = $1`, [id]))[0].status;

      expect(await service.closeDue(clock.now())).toEqual({ expired: 0, filled: 1 });
      expect(await status(full.body.id)).toBe('filled');

      // Midnight in China on 3 March: the post that was open "through 2 March" is due.
      clock.set(new Date('2026-03-02T16:00:00Z'));
      expect(await service.closeDue(clock.now())).toEqual({ expired: 1, filled: 0 });
      expect(await status(today.body.id)).toBe('expired');
      expect(await status(soon.body.id)).toBe('open');

      clock.set(new Date('2026-03-04T02:00:00Z'));
      // The scheduler's pass runs the same closing on the app's clock.
      await t.app.get(PostsScheduler).tick();
      expect(await status(soon.body.id)).toBe('expired');
      expect(await service.closeDue(clock.now())).toEqual({ expired: 0, filled: 0 });
      // A taken-down post stays taken down.
      expect(await status(postId)).toBe('taken_down');
      const [row] = await t.dataSource.query(`SELECT closed_at FROM posts WHERE id = $1`, [soon.body.id]);
      expect(new Date(row.closed_at).toISOString()).toBe('2026-03-04T02:00:00.000Z');
      const dto = await t.http.get(`/api/posts/${soon.body.id}`);
      expect(dto.body).toMatchObject({ status: 'expired', statusLabel: '已过期', openPlaces: 0 });
    });

    it('runs on its own timer when started', async () => {
      const res = await t.http.post(posts(employerId)).set(member.auth).send(postBody({ title: '定时关闭', validUntil: '2026-03-04' }));
      clock.set(new Date('2026-03-05T02:00:00Z'));
      const scheduler = t.app.get(PostsScheduler);
      scheduler.start(20);
      try {
        for (let i = 0; i < 100 && (await count(t, 'posts', `id = $1 AND status = 'open'`, [res.body.id])) === 1; i++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        scheduler.stop();
      }
      expect(await count(t, 'posts', `id = $1 AND status = 'expired'`, [res.body.id])).toBe(1);
    });
  });

  describe('catalogue', () => {
    it('serves the catalogue with Chinese labels and each type’s defaults', async () => {
      const res = await t.http.get('/api/catalogue');
      expect(res.status).toBe(200);
      expect(res.body.postTypes).toHaveLength(18);
      expect(res.body.postTypes.find((p: { code: string }) => p.code === 'production_line')).toMatchObject({
        label: '生产线',
        fullLabel: '生产线“妈妈岗”',
        stage: null,
        category: 'caring',
        payBases: ['monthly', 'per_piece'],
        employerKinds: ['enterprise', 'individual_business'],
        defaults: { payBasis: 'monthly', insurance: 'social', contractForm: 'labour_contract', timeRule: 'leave_early', timeRuleLabel: '可提前1-2小时下班' },
      });
      expect(res.body.stages.map((s: { label: string }) => s.label)).toEqual(['全程陪伴型', '弹性兼顾型', '安心工作型']);
      expect(res.body.modes.map((m: { label: string }) => m.label)).toEqual(['弹性妈妈岗', '宝妈班组', '流动妈妈岗', '新业态妈妈岗']);
      expect(res.body.payBases).toContainEqual({ code: 'monthly', label: '按月计酬', unit: '元/月' });
      expect(res.body.employerKinds).toContainEqual({ code: 'individual_business', label: '个体工商户' });
      expect(res.body.insuranceKinds).toContainEqual({ code: 'flexible_social', label: '灵活就业社会保险' });
      expect(res.body.contractForms).toContainEqual({ code: 'service_contract', label: '公益性岗位服务合同' });
    });

    it('serves one type’s defaults, and refuses an unknown type', async () => {
      const res = await t.http.get('/api/posts/defaults?type=handicraft');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        type: 'handicraft',
        payBasis: 'per_piece',
        insurance: 'flexible_social',
        contractForm: 'service_agreement',
        modes: [{ code: 'take_home', label: '流动妈妈岗' }],
        stage: null,
      });
      expect((await t.http.get('/api/posts/defaults?type=astronaut')).status).toBe(400);
      expect((await t.http.get('/api/posts/defaults')).status).toBe(400);
    });

    it('serves the regions under a parent, and the provinces without one', async () => {
      const districts = await t.http.get('/api/regions?parent=371000');
      expect(districts.body.map((r: { code: string }) => r.code)).toEqual(['371002', '371003', '371071', '371072', '371073', '371082', '371083']);
      expect(districts.body[0]).toEqual({ code: '371002', name: '环翠区', level: 'district', parentCode: '371000', center: { lat: 37.5015, lng: 122.1235 } });
      const top = await t.http.get('/api/regions');
      expect(top.body.map((r: { code: string }) => r.code)).toContain('370000');
      expect(top.body.every((r: { level: string }) => r.level === 'province')).toBe(true);
      expect((await t.http.get('/api/regions?parent=abc')).status).toBe(400);
    });
  });
});
