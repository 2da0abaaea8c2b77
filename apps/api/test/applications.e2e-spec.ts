import { randomUUID } from 'node:crypto';
import { addDays, isoDateInChina, makeUscc } from '@mamagang/domain';
import { PiiCrypto } from '../src/common/crypto/pii-crypto';
import { TokenService } from '../src/modules/auth/token.service';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * Applications and hires over HTTP. The employers, posts and mothers they rest on are written
 * straight in SQL here, so these tests do not depend on how those features create them.
 */

type Auth = { authorization: string };

describe('applications and hires', () => {
  let t: TestApp;
  let seq = 0;
  const today = isoDateInChina(new Date());
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const tokenFor = (userId: string): Auth => ({ authorization: `Bearer ${t.app.get(TokenService).issue(userId, new Date()).token}` });

  async function newUser(name: string): Promise<string> {
    const [u] = await t.dataSource.query(`INSERT INTO users (display_name) VALUES ($1) RETURNING id`, [name]);
    return u.id;
  }

  /** An approved employer and one member who signs in for it. */
  async function newEmployer(name = '威海暖阳服饰有限公司'): Promise<{ id: string; auth: Auth; userId: string }> {
    seq += 1;
    const crypto = t.app.get(PiiCrypto);
    const uscc = makeUscc(`91371002MA${String(100000 + seq).padStart(7, '0')}`);
    const [e] = await t.dataSource.query(
      `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng, status)
       VALUES ($1, $2, 'enterprise', '371002', '张经理', $3, '138****0000', '环翠区文化路1号', 37.51, 122.12, 'approved') RETURNING id`,
      [uscc, `${name}${seq}`, crypto.encrypt('13800000000')],
    );
    const userId = await newUser(`${name}管理员`);
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role, employer_id) VALUES ($1, 'employer_member', $2)`, [userId, e.id]);
    return { id: e.id, auth: tokenFor(userId), userId };
  }

  async function newPost(
    employerId: string,
    options: { headcount?: number; title?: string; flexible?: boolean; windows?: object[]; validUntil?: Date } = {},
  ): Promise<string> {
    const windows = options.windows ?? [
      { day: 1, start: '09:00', end: '11:30' },
      { day: 3, start: '09:00', end: '11:30' },
    ];
    const [p] = await t.dataSource.query(
      `INSERT INTO posts (employer_id, region_code, type, title, headcount, pay_basis, pay_min, pay_max, hourly_min, hourly_max,
                          flexible_hours, windows, hours_per_week, insurance, contract_form, valid_until)
       VALUES ($1, '371002', 'production_line', $2, $3, 'hourly', 22, 25, 22, 25, $4, $5, 5, 'social', 'labour_contract', $6) RETURNING id`,
      [
        employerId,
        options.title ?? '服装车间缝纫工',
        options.headcount ?? 3,
        options.flexible ?? false,
        JSON.stringify(windows),
        options.validUntil ?? new Date(Date.now() + 30 * 86_400_000),
      ],
    );
    return p.id;
  }

  /** A mother with a profile (name, phone, children, free time) who signs in. */
  async function newMother(
    name = '王小红',
    phone = '13900002222',
    children: [number, number][] = [[year - 4, 5], [year - 9, 9]],
  ): Promise<{ id: string; userId: string; auth: Auth }> {
    const crypto = t.app.get(PiiCrypto);
    const userId = await newUser(name);
    const [m] = await t.dataSource.query(
      `INSERT INTO mothers (user_id, name, phone_hash, phone_cipher, phone_masked, region_code, available_windows, skills)
       VALUES ($1, $2, $3, $4, $5, '371002', $6, '{缝纫}') RETURNING id`,
      [
        userId,
        name,
        crypto.hash('phone', `${phone}-${userId}`),
        crypto.encrypt(phone),
        `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        JSON.stringify([{ day: 1, start: '08:30', end: '11:30' }]),
      ],
    );
    for (const [year, month] of children) {
      await t.dataSource.query(`INSERT INTO children (mother_id, birth_year, birth_month) VALUES ($1, $2, $3)`, [m.id, year, month]);
    }
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'mother')`, [userId]);
    return { id: m.id, userId, auth: tokenFor(userId) };
  }

  const apply = (postId: string, auth: Auth, key?: string) => {
    const req = t.http.post(`/api/posts/${postId}/applications`).set(auth);
    if (key) req.set('idempotency-key', key);
    return req;
  };
  const hireBody = { startDate: addDays(today, 7), contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true };

  async function notificationsOf(kind: 'mother' | 'employer', id: string): Promise<{ kind: string; dedupe_key: string }[]> {
    return t.dataSource.query(`SELECT kind, dedupe_key FROM notifications WHERE recipient_kind = $1 AND recipient_id = $2 ORDER BY created_at, kind`, [kind, id]);
  }

  it('applies once: a second tap and a retry with the same key answer 200 with the same application', async () => {
    const employer = await newEmployer();
    const postId = await newPost(employer.id);
    const mother = await newMother();

    const first = await apply(postId, mother.auth, 'tap-0001-abcdef').send({ source: 'search' }).expect(201);
    expect(first.body).toMatchObject({
      postId,
      status: 'submitted',
      statusLabel: '已投递',
      source: 'search',
      rejectReason: null,
      post: { id: postId, title: '服装车间缝纫工', status: 'open', openPlaces: 3, hourlyText: '22-25元/小时', typeLabel: expect.stringContaining('生产线') },
    });
    const again = await apply(postId, mother.auth).expect(200);
    const retry = await apply(postId, mother.auth, 'tap-0001-abcdef').expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(retry.body.id).toBe(first.body.id);

    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE post_id = $1`, [postId]);
    expect(n).toBe(1);
    expect(await notificationsOf('employer', employer.id)).toEqual([{ kind: 'application_submitted', dedupe_key: `application:${first.body.id}:submitted` }]);
    const employerInbox = await t.http.get('/api/notifications').set(employer.auth).expect(200);
    expect(employerInbox.body[0]).toMatchObject({ kind: 'application_submitted', title: '收到新的求职申请', body: expect.stringContaining('王*') });

    const mine = await t.http.get('/api/applications/mine').set(mother.auth).expect(200);
    expect(mine.body.map((a: { id: string }) => a.id)).toEqual([first.body.id]);
  });

  it('keeps 100 concurrent applies (same and different keys) to one row and one notification', async () => {
    const employer = await newEmployer();
    const postId = await newPost(employer.id);
    const mother = await newMother('李娟', '13700003333');
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => apply(postId, mother.auth, i % 2 === 0 ? 'same-key-123456' : `key-${i}-${randomUUID()}`)),
    );
    expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array<number>(99).fill(200), 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE post_id = $1 AND mother_id = $2`, [postId, mother.id]);
    expect(n).toBe(1);
    expect(await notificationsOf('employer', employer.id)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for another post, and malformed keys', async () => {
    const employer = await newEmployer();
    const [a, b] = [await newPost(employer.id), await newPost(employer.id)];
    const mother = await newMother('赵敏', '13600004444');
    await apply(a, mother.auth, 'reused-key-0001').expect(201);
    const reused = await apply(b, mother.auth, 'reused-key-0001').expect(422);
    expect(reused.body.code).toBe('APPLICATION_KEY_REUSED');
    const bad = await apply(b, mother.auth, 'short').expect(400);
    expect(bad.body.details[0].field).toBe('Idempotency-Key');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE mother_id = $1`, [mother.id]);
    expect(n).toBe(1);
  });

  it('withdraws, and applying again reopens the same application (a retry of the first request does not)', async () => {
    const employer = await newEmployer();
    const postId = await newPost(employer.id);
    const mother = await newMother('孙丽', '13500005555');
    const first = await apply(postId, mother.auth, 'first-request-01').expect(201);
    const id = first.body.id as string;

    const withdrawn = await t.http.post(`/api/applications/${id}/withdraw`).set(mother.auth).expect(200);
    expect(withdrawn.body).toMatchObject({ id, status: 'withdrawn', statusLabel: '已撤回' });
    const twice = await t.http.post(`/api/applications/${id}/withdraw`).set(mother.auth).expect(409);
    expect(twice.body.code).toBe('APPLICATION_INVALID_TRANSITION');

    // The network retrying her first request must not reapply for her.
    const retried = await apply(postId, mother.auth, 'first-request-01').expect(200);
    expect(retried.body).toMatchObject({ id, status: 'withdrawn' });
    const reopened = await apply(postId, mother.auth).expect(200);
    expect(reopened.body).toMatchObject({ id, status: 'submitted' });

    expect((await notificationsOf('employer', employer.id)).map((n) => n.dedupe_key)).toEqual([
      `application:${id}:submitted`,
      `application:${id}:withdrawn`,
      `application:${id}:submitted:2`,
    ]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE post_id = $1`, [postId]);
    expect(n).toBe(1);
  });

  it('shows the employer a masked applicant until it accepts her, then her phone', async () => {
    const employer = await newEmployer();
    const postId = await newPost(employer.id, { title: '电子厂质检员' });
    const mother = await newMother('王小红', '13900002222', [
      [year - 9, 1],
      [year - 4, 1],
    ]);
    const { body: application } = await apply(postId, mother.auth).expect(201);

    const list = await t.http.get(`/api/employers/${employer.id}/applications`).query({ postId }).set(employer.auth).expect(200);
    expect(list.body).toHaveLength(1);
    const view = list.body[0];
    expect(view).toMatchObject({
      id: application.id,
      postId,
      postTitle: '电子厂质检员',
      status: 'submitted',
      mother: {
        id: mother.id,
        name: '王**',
        phone: '139****2222',
        phoneRevealed: false,
        stage: 'flexible_balance',
        stageLabel: '弹性兼顾型',
        skills: ['缝纫'],
        scheduleFit: { fit: 0.5, text: '岗位时间约50%在她方便的时间内' },
      },
    });
    // Stages only: no birth year or month leaves the server.
    expect(view.mother.children).toEqual([
      { stage: 'flexible_balance', stageLabel: '弹性兼顾型' },
      { stage: 'settled_work', stageLabel: '安心工作型' },
    ]);
    expect(JSON.stringify(list.body)).not.toContain('13900002222');

    const filtered = await t.http.get(`/api/employers/${employer.id}/applications`).query({ status: 'accepted' }).set(employer.auth).expect(200);
    expect(filtered.body).toEqual([]);

    const accepted = await t.http.post(`/api/applications/${application.id}/accept`).set(employer.auth).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', mother: { phone: '13900002222', phoneRevealed: true, name: '王**' } });
    expect(accepted.body.decidedAt).toEqual(expect.any(String));
    const again = await t.http.post(`/api/applications/${application.id}/accept`).set(employer.auth).expect(409);
    expect(again.body.code).toBe('APPLICATION_INVALID_TRANSITION');

    const inbox = await t.http.get('/api/notifications').set(mother.auth).expect(200);
    expect(inbox.body[0]).toMatchObject({ kind: 'application_accepted', title: '您的申请已通过', payload: { applicationId: application.id, status: 'accepted' } });
  });

  it('rejects only with a reason (at most 200 characters), which the mother reads', async () => {
    const employer = await newEmployer();
    const postId = await newPost(employer.id);
    const mother = await newMother('周芳', '13400006666');
    const { body: application } = await apply(postId, mother.auth).expect(201);
    const url = `/api/applications/${application.id}/reject`;

    for (const body of [{}, { reason: '   ' }, { reason: '时'.repeat(201) }, { reason: 7 }]) {
      const res = await t.http.post(url).set(employer.auth).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const rejected = await t.http.post(url).set(employer.auth).send({ reason: ' 岗位时间与您方便的时间不重合 ' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '岗位时间与您方便的时间不重合', mother: { phone: '134****6666', phoneRevealed: false } });

    const mine = await t.http.get('/api/applications/mine').set(mother.auth).expect(200);
    expect(mine.body[0]).toMatchObject({ status: 'rejected', statusLabel: '未通过', rejectReason: '岗位时间与您方便的时间不重合' });
    expect(await notificationsOf('mother', mother.id)).toEqual([{ kind: 'application_rejected', dedupe_key: `application:${application.id}:rejected` }]);
    // Rejected is final: she cannot reopen it and the employer cannot hire her on it.
    expect((await apply(postId, mother.auth).expect(200)).body.status).toBe('rejected');
    expect((await t.http.post(`/api/applications/${application.id}/hire`).set(employer.auth).send(hireBody).expect(409)).body.code).toBe(
      'HIRE_NEEDS_APPLICATION',
    );
  });

  it('reports a hire only on an accepted application, once, with a valid report', async () => {
    const employer = await newEmployer();
    const postId = await newPost(employer.id, { headcount: 3 });
    const mother = await newMother('吴静', '13300007777');
    const { body: application } = await apply(postId, mother.auth).expect(201);
    const url = `/api/applications/${application.id}/hire`;

    const early = await t.http.post(url).set(employer.auth).send(hireBody).expect(409);
    expect(early.body.code).toBe('HIRE_NEEDS_APPLICATION');
    await t.http.post(`/api/applications/${application.id}/accept`).set(employer.auth).expect(200);

    for (const body of [
      { ...hireBody, startDate: addDays(today, -400) },
      { ...hireBody, startDate: addDays(today, 400) },
      { ...hireBody, startDate: '2026-02-30' },
      { ...hireBody, contractForm: 'handshake' },
      { ...hireBody, contractMonths: 121 },
      { ...hireBody, contractMonths: -1 },
      { ...hireBody, socialInsurance: 'yes' },
      { ...hireBody, bonus: 500 },
      { startDate: hireBody.startDate },
    ]) {
      const res = await t.http.post(url).set(employer.auth).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const [{ n: none }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM hires WHERE application_id = $1`, [application.id]);
    expect(none).toBe(0);

    const hired = await t.http.post(url).set(employer.auth).send(hireBody).expect(201);
    expect(hired.body).toMatchObject({
      applicationId: application.id,
      postId,
      mother: { id: mother.id, name: '吴*' },
      startDate: hireBody.startDate,
      contractForm: 'labour_contract',
      contractLabel: '劳动合同',
      contractMonths: 12,
      socialInsurance: true,
    });
    const second = await t.http.post(url).set(employer.auth).send(hireBody).expect(409);
    expect(second.body.code).toBe('HIRE_ALREADY_REPORTED');

    const [post] = await t.dataSource.query(`SELECT filled_count, status FROM posts WHERE id = $1`, [postId]);
    expect(post).toEqual({ filled_count: 1, status: 'open' });
    const [m] = await t.dataSource.query(`SELECT hired_at FROM mothers WHERE id = $1`, [mother.id]);
    expect(m.hired_at).not.toBeNull();
    const mine = await t.http.get('/api/applications/mine').set(mother.auth).expect(200);
    expect(mine.body[0]).toMatchObject({ status: 'hired', post: { openPlaces: 2 } });
    // A hired application is final: she cannot withdraw it.
    expect((await t.http.post(`/api/applications/${application.id}/withdraw`).set(mother.auth).expect(409)).body.code).toBe(
      'APPLICATION_INVALID_TRANSITION',
    );
    expect((await notificationsOf('mother', mother.id)).map((n) => n.kind)).toEqual(['application_accepted', 'application_hired']);
    const hires = await t.http.get(`/api/employers/${employer.id}/hires`).set(employer.auth).expect(200);
    expect(hires.body.map((h: { id: string }) => h.id)).toEqual([hired.body.id]);
  });

  it('hires up to the headcount, then the post is filled and closed to new applications', async () => {
    const employer = await newEmployer();
    const postId = await newPost(employer.id, { headcount: 2 });
    const mothers = [await newMother('郑一', '13100000001'), await newMother('郑二', '13100000002'), await newMother('郑三', '13100000003')];
    const applications: string[] = [];
    for (const m of mothers) applications.push((await apply(postId, m.auth).expect(201)).body.id);
    for (const id of applications) await t.http.post(`/api/applications/${id}/accept`).set(employer.auth).expect(200);

    await t.http.post(`/api/applications/${applications[0]}/hire`).set(employer.auth).send(hireBody).expect(201);
    await t.http.post(`/api/applications/${applications[1]}/hire`).set(employer.auth).send(hireBody).expect(201);
    const full = await t.http.post(`/api/applications/${applications[2]}/hire`).set(employer.auth).send(hireBody).expect(409);
    expect(full.body.code).toBe('HIRE_POST_FULL');

    const [post] = await t.dataSource.query(`SELECT filled_count, status, closed_at FROM posts WHERE id = $1`, [postId]);
    expect(post).toMatchObject({ filled_count: 2, status: 'filled' });
    expect(post.closed_at).not.toBeNull();
    const late = await newMother('郑四', '13100000004');
    const closed = await apply(postId, late.auth).expect(409);
    expect(closed.body.code).toBe('APPLICATION_POST_CLOSED');
    // Her earlier application still answers as it is.
    expect((await apply(postId, mothers[2]!.auth).expect(200)).body.status).toBe('accepted');
    const hires = await t.http.get(`/api/employers/${employer.id}/hires`).set(employer.auth).expect(200);
    expect(hires.body).toHaveLength(2);
  });

  it('refuses applying to an expired or missing post', async () => {
    const employer = await newEmployer();
    const expired = await newPost(employer.id, { validUntil: new Date(Date.now() - 86_400_000) });
    const mother = await newMother('钱多', '13100000009');
    expect((await apply(expired, mother.auth).expect(409)).body.code).toBe('APPLICATION_POST_CLOSED');
    expect((await apply(randomUUID(), mother.auth).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await apply('not-a-uuid', mother.auth).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('lets exactly one of concurrent hires take the last place', async () => {
    const employer = await newEmployer();
    const postId = await newPost(employer.id, { headcount: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const m = await newMother(`冯${i}`, `1320000000${i}`);
      const id = (await apply(postId, m.auth).expect(201)).body.id as string;
      await t.http.post(`/api/applications/${id}/accept`).set(employer.auth).expect(200);
      ids.push(id);
    }
    const results = await Promise.all(ids.map((id) => t.http.post(`/api/applications/${id}/hire`).set(employer.auth).send(hireBody)));
    expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([201, 409, 409, 409, 409]);
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['HIRE_POST_FULL']));
    const [post] = await t.dataSource.query(`SELECT filled_count, status FROM posts WHERE id = $1`, [postId]);
    expect(post).toEqual({ filled_count: 1, status: 'filled' });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM hires WHERE post_id = $1`, [postId]);
    expect(n).toBe(1);
  });

  describe('who may do what', () => {
    let employer: { id: string; auth: Auth };
    let other: { id: string; auth: Auth };
    let mother: { id: string; auth: Auth };
    let stranger: { id: string; auth: Auth };
    let applicationId: string;

    beforeAll(async () => {
      employer = await newEmployer();
      other = await newEmployer('别家公司');
      const postId = await newPost(employer.id);
      mother = await newMother('陈晨', '13000001111');
      stranger = await newMother('林琳', '13000002222');
      applicationId = (await apply(postId, mother.auth).expect(201)).body.id;
    });

    it("hides a mother's application from another mother", async () => {
      const res = await t.http.post(`/api/applications/${applicationId}/withdraw`).set(stranger.auth).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect((await t.http.get('/api/applications/mine').set(stranger.auth).expect(200)).body).toEqual([]);
      await t.http.post(`/api/applications/${randomUUID()}/withdraw`).set(mother.auth).expect(404);
    });

    it("hides an employer's applicants from another employer's members", async () => {
      await t.http.get(`/api/employers/${employer.id}/applications`).set(other.auth).expect(404);
      await t.http.get(`/api/employers/${employer.id}/hires`).set(other.auth).expect(404);
      await t.http.post(`/api/applications/${applicationId}/accept`).set(other.auth).expect(404);
      await t.http.post(`/api/applications/${applicationId}/reject`).set(other.auth).send({ reason: '不合适' }).expect(404);
      await t.http.post(`/api/applications/${applicationId}/hire`).set(other.auth).send(hireBody).expect(404);
      expect((await t.http.get(`/api/employers/${other.id}/applications`).set(other.auth).expect(200)).body).toEqual([]);
      const [a] = await t.dataSource.query(`SELECT status FROM applications WHERE id = $1`, [applicationId]);
      expect(a.status).toBe('submitted');
    });

    it('refuses employer routes to a mother and mother routes to an employer (403)', async () => {
      for (const req of [
        t.http.get(`/api/employers/${employer.id}/applications`).set(mother.auth),
        t.http.get(`/api/employers/${employer.id}/hires`).set(mother.auth),
        t.http.post(`/api/applications/${applicationId}/accept`).set(mother.auth),
        t.http.post(`/api/applications/${applicationId}/reject`).set(mother.auth).send({ reason: '不合适' }),
        t.http.post(`/api/applications/${applicationId}/hire`).set(mother.auth).send(hireBody),
        t.http.get('/api/applications/mine').set(employer.auth),
        t.http.post(`/api/applications/${applicationId}/withdraw`).set(employer.auth),
      ]) {
        const res = await req.expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      await t.http.get('/api/applications/mine').expect(401);
    });

    it('refuses unknown body and query fields (400)', async () => {
      const postId = await newPost(employer.id);
      expect((await apply(postId, mother.auth).send({ source: 'search', priority: 'high' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      await apply(postId, mother.auth).send({ source: 'telepathy' }).expect(400);
      await t.http.post(`/api/applications/${applicationId}/reject`).set(employer.auth).send({ reason: '不合适', notify: false }).expect(400);
      await t.http.get(`/api/employers/${employer.id}/applications`).query({ status: 'maybe' }).set(employer.auth).expect(400);
      await t.http.get(`/api/employers/${employer.id}/applications`).query({ sort: 'name' }).set(employer.auth).expect(400);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE post_id = $1`, [postId]);
      expect(n).toBe(0);
    });

    it('asks a mother without a profile to fill it in first', async () => {
      const userId = await newUser('新妈妈');
      await t.dataSource.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'mother')`, [userId]);
      const postId = await newPost(employer.id);
      const res = await apply(postId, tokenFor(userId)).expect(403);
      expect(res.body.code).toBe('APPLICATION_NEEDS_PROFILE');
      expect((await t.http.get('/api/applications/mine').set(tokenFor(userId)).expect(200)).body).toEqual([]);
    });
  });
});
