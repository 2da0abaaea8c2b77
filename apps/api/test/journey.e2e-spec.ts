import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, isoDateInChina, makeUscc } from '@mamagang/domain';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * The end-to-end walk, entirely through HTTP: an employer signs in and files, the
 * official of the region approves, the employer posts a gig with its type's defaults, a mother
 * sets her profile and searches from her child's school, sees the post with its reasons, applies
 * twice (one application), the employer accepts and reports the hire, and with a headcount of 1
 * the post closes. The only write outside the API: the official's role, which is appointed, not
 * requested.
 */

/** WeChat's code2Session, as a local stand-in: every code `x` is the openid `openid-x`. */
class FakeWechat {
  server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://x');
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/sns/jscode2session') {
        res.end(JSON.stringify({ openid: `openid-${url.searchParams.get('js_code')}`, session_key: 'not-kept' }));
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

type Auth = { authorization: string };

describe('journey: from an employer filing to a filled post', () => {
  const wechat = new FakeWechat();
  let t: TestApp;
  const today = isoDateInChina(new Date());
  const year = Number(today.slice(0, 4));
  const factory = { lat: 37.505, lng: 122.115 };
  const school = { lat: 37.508, lng: 122.118 };

  beforeAll(async () => {
    const base = await wechat.start();
    // DEV_LOGIN only lets the phone-binding code come back in the answer (no SMS gateway in tests).
    t = await createTestApp({ env: { WECHAT_APP_ID: 'wx-test', WECHAT_APP_SECRET: 'wx-secret', WECHAT_API_BASE: base, DEV_LOGIN: 'true' } });
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  async function signIn(code: string): Promise<{ userId: string; auth: Auth }> {
    const res = await t.http.post('/api/auth/wechat').send({ code }).expect(200);
    return { userId: res.body.userId, auth: { authorization: `Bearer ${res.body.token}` } };
  }

  async function searchFromSchool(auth: Auth): Promise<{ post: { id: string; openPlaces: number }; reasons: string[] }[]> {
    const res = await t.http.get('/api/posts/search').query({ from: 'school', radiusKm: 5 }).set(auth).expect(200);
    return res.body.items;
  }

  it('walks the whole way through the API', async () => {
    // 1. The employer signs in with WeChat and files her business into the directory.
    const boss = await signIn('boss');
    const filed = await t.http
      .post('/api/employers')
      .set(boss.auth)
      .send({
        uscc: makeUscc('91371002MA3C00001'),
        name: '威海暖阳服饰有限公司',
        kind: 'enterprise',
        regionCode: '371002',
        contactName: '张经理',
        contactPhone: '13812345678',
        address: '环翠区文化西路1号',
        location: factory,
        facilities: { motherBabyRoom: true, childcare: false, shuttleBus: false },
      })
      .expect(201);
    const employerId = filed.body.id as string;
    expect(filed.body.status).toBe('pending');
    // Not approved yet: no posts.
    const early = await t.http.get('/api/posts/defaults').query({ type: 'production_line' }).expect(200);
    const postBody = {
      type: 'production_line',
      title: '缝纫工（可提前下班接孩子）',
      description: '服装厂缝纫岗位，提供培训，可提前1小时下班接孩子。',
      headcount: 1,
      pay: { min: 3000, max: 3600 },
      schedule: { flexible: false, windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:30', end: '15:30' })) },
      place: { remote: false, takeHome: false, location: factory, address: '环翠区文化西路1号' },
      skills: ['缝纫'],
      validUntil: addDays(today, 30),
    };
    const refused = await t.http.post(`/api/employers/${employerId}/posts`).set(boss.auth).send(postBody).expect(403);
    expect(refused.body.code).toBe('EMPLOYER_NOT_APPROVED');

    // 2. The official of Weihai (appointed, not requested) approves the filing.
    const official = await signIn('official');
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role, region_code) VALUES ($1, 'official', '371000')`, [official.userId]);
    const pending = await t.http.get('/api/official/employers').query({ status: 'pending' }).set(official.auth).expect(200);
    expect(pending.body.items.map((e: { id: string }) => e.id)).toContain(employerId);
    const approved = await t.http.post(`/api/official/employers/${employerId}/approve`).set(official.auth).send({}).expect(200);
    expect(approved.body.status).toBe('approved');

    // 3. She posts a gig, leaving insurance and contract to the type's defaults.
    const posted = await t.http.post(`/api/employers/${employerId}/posts`).set(boss.auth).send(postBody).expect(201);
    const postId = posted.body.id as string;
    expect(posted.body).toMatchObject({
      status: 'open',
      headcount: 1,
      openPlaces: 1,
      insurance: early.body.insurance,
      contractForm: early.body.contractForm,
    });

    // 4. A mother signs in, binds her phone, sets her profile, and searches from her child's school.
    const mother = await signIn('mother');
    const code = await t.http.post('/api/auth/phone/code').set(mother.auth).send({ phone: '13900002222' }).expect(200);
    await t.http.post('/api/auth/phone/verify').set(mother.auth).send({ phone: '13900002222', code: code.body.devCode }).expect(200);
    const profile = await t.http
      .put('/api/mothers/me')
      .set(mother.auth)
      .send({
        name: '王小红',
        regionCode: '371002',
        children: [{ birthYear: year - 7, birthMonth: 3 }],
        school,
        availableWindows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '16:00' })),
        skills: ['缝纫'],
        consent: { noticeVersion: 'sensitive-v1' },
      })
      .expect(200);
    expect(profile.body.stage).toBe('settled_work');

    const found = (await searchFromSchool(mother.auth)).find((i) => i.post.id === postId);
    expect(found?.post.openPlaces).toBe(1);
    expect(found?.reasons.length).toBeGreaterThan(0);
    expect(found?.reasons.some((r) => r.startsWith('距您'))).toBe(true);

    // 5. She taps “apply” twice: one application.
    const first = await t.http.post(`/api/posts/${postId}/applications`).set(mother.auth).set('idempotency-key', 'journey-apply-1').send({ source: 'search' }).expect(201);
    const second = await t.http.post(`/api/posts/${postId}/applications`).set(mother.auth).set('idempotency-key', 'journey-apply-2').send({ source: 'search' }).expect(200);
    expect(second.body.id).toBe(first.body.id);
    const mine = await t.http.get('/api/applications/mine').set(mother.auth).expect(200);
    expect(mine.body).toHaveLength(1);
    const applicationId = first.body.id as string;

    // 6. The employer sees her (masked), accepts her (phone revealed) and reports the hire.
    const applicants = await t.http.get(`/api/employers/${employerId}/applications`).set(boss.auth).expect(200);
    expect(applicants.body).toHaveLength(1);
    expect(applicants.body[0].mother).toMatchObject({ name: '王**', phone: '139****2222', phoneRevealed: false, stage: 'settled_work' });
    const accepted = await t.http.post(`/api/applications/${applicationId}/accept`).set(boss.auth).expect(200);
    expect(accepted.body.mother).toMatchObject({ phone: '13900002222', phoneRevealed: true });
    const hire = await t.http
      .post(`/api/applications/${applicationId}/hire`)
      .set(boss.auth)
      .send({ startDate: addDays(today, 7), contractForm: early.body.contractForm, contractMonths: 12, socialInsurance: true })
      .expect(201);
    expect(hire.body).toMatchObject({ applicationId, postId, contractMonths: 12, socialInsurance: true });

    // 7. Headcount 1: the post is filled and no longer offered.
    const post = await t.http.get(`/api/posts/${postId}`).expect(200);
    expect(post.body).toMatchObject({ status: 'filled', filledCount: 1, openPlaces: 0 });
    const after = (await searchFromSchool(mother.auth)).find((i) => i.post.id === postId);
    // Search either drops a filled post or lists it below the open ones, marked full.
    if (after) {
      expect(after.post.openPlaces).toBe(0);
      expect(after.reasons).toEqual(['名额已满']);
    }
    const latecomer = await signIn('latecomer');
    await t.http
      .put('/api/mothers/me')
      .set(latecomer.auth)
      .send({ name: '李娟', regionCode: '371002', children: [{ birthYear: year - 2, birthMonth: 1 }], availableWindows: [], consent: { noticeVersion: 'sensitive-v1' } })
      .expect(200);
    const closed = await t.http.post(`/api/posts/${postId}/applications`).set(latecomer.auth).send({}).expect(409);
    expect(closed.body.code).toBe('APPLICATION_POST_CLOSED');

    // Each step told the other side.
    const bossInbox = await t.http.get('/api/notifications').set(boss.auth).expect(200);
    expect(bossInbox.body.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['application_submitted']));
    const motherInbox = await t.http.get('/api/notifications').set(mother.auth).expect(200);
    expect(motherInbox.body.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['application_accepted', 'application_hired']));
    const hires = await t.http.get(`/api/employers/${employerId}/hires`).set(boss.auth).expect(200);
    expect(hires.body.map((h: { id: string }) => h.id)).toEqual([hire.body.id]);
  });
});
