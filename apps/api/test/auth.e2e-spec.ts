import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { PiiCrypto } from '../src/common/crypto/pii-crypto';
import { createTestApp, type TestApp } from './support/test-app';

/** A local stand-in for WeChat's servers: the real HTTP client talks to it. */
class FakeWechat {
  server!: Server;
  requests: string[] = [];
  phoneTokenCalls = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    this.requests.push(url.pathname);
    let body = '';
    for await (const chunk of req) body += chunk;
    const send = (payload: unknown) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(payload));
    };
    if (url.pathname === '/sns/jscode2session') {
      if (url.searchParams.get('appid') !== 'wx-test' || url.searchParams.get('secret') !== 'wx-secret') return send({ errcode: 40013, errmsg: 'invalid appid' });
      const code = url.searchParams.get('js_code') ?? '';
      if (code.startsWith('bad')) return send({ errcode: 40029, errmsg: 'invalid code' });
      return send({ openid: `openid-${code}`, session_key: 'SESSION-KEY-MUST-NOT-LEAK' });
    }
    if (url.pathname === '/cgi-bin/token') {
      this.phoneTokenCalls += 1;
      return send({ access_token: 'access-1', expires_in: 7200 });
    }
    if (url.pathname === '/wxa/business/getuserphonenumber') {
      if (url.searchParams.get('access_token') !== 'access-1') return send({ errcode: 40001 });
      const { code } = JSON.parse(body) as { code: string };
      if (code === 'phone-bad') return send({ errcode: 40029, errmsg: 'invalid code' });
      return send({ errcode: 0, phone_info: { phoneNumber: '+86 13800001111', purePhoneNumber: '13800001111', countryCode: '86' } });
    }
    res.statusCode = 404;
    res.end();
  }
}

@Controller('__probe')
class UndeclaredController {
  @Get()
  undeclared(): string {
    return 'should never answer';
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

describe('sign-in, tokens and phone binding', () => {
  const wechat = new FakeWechat();
  let t: TestApp;

  beforeAll(async () => {
    const base = await wechat.start();
    t = await createTestApp({
      env: { WECHAT_APP_ID: 'wx-test', WECHAT_APP_SECRET: 'wx-secret', WECHAT_API_BASE: base, DEV_LOGIN: 'true' },
      imports: [UndeclaredModule],
    });
    await t.dataSource.query(`INSERT INTO users (display_name, demo_key) VALUES ('演示妈妈', 'demo-mother'), ('演示官员', 'demo-official')`);
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  const signInWechat = async (code: string) => (await t.http.post('/api/auth/wechat').send({ code }).expect(200)).body as { token: string; userId: string };

  it('signs in with a wx.login code, keeps the openid, never returns the session key', async () => {
    const res = await t.http.post('/api/auth/wechat').send({ code: 'abc' }).expect(200);
    expect(JSON.stringify(res.body)).not.toContain('SESSION-KEY');
    const rows = await t.dataSource.query(`SELECT openid FROM users WHERE id = $1`, [res.body.userId]);
    expect(rows[0].openid).toBe('openid-abc');
    const me = await t.http.get('/api/me').set('authorization', `Bearer ${res.body.token}`).expect(200);
    expect(me.body).toMatchObject({ userId: res.body.userId, roles: [], motherId: null, phoneMasked: null });
  });

  it('gives the same account to the same WeChat user, even when sign-ins race', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.http.post('/api/auth/wechat').send({ code: 'same' })));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(results.map((r) => r.body.userId)).size).toBe(1);
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE openid = 'openid-same'`);
    expect(rows[0].n).toBe(1);
  });

  it('answers a code WeChat refuses with WECHAT_LOGIN_FAILED', async () => {
    const res = await t.http.post('/api/auth/wechat').send({ code: 'bad-code' }).expect(401);
    expect(res.body).toEqual({ code: 'WECHAT_LOGIN_FAILED', message: expect.stringContaining('微信登录失败') });
  });

  it.each([
    ['no token', undefined],
    ['a forged token', 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.bad'],
    ['a non-bearer header', 'Basic abc'],
  ])('refuses /api/me with %s', async (_label, header) => {
    const req = t.http.get('/api/me');
    if (header) req.set('authorization', header);
    const res = await req.expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a route that does not declare who may call it', async () => {
    const { token } = await signInWechat('probe');
    const res = await t.http.get('/api/__probe').set('authorization', `Bearer ${token}`).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('lists demo users and signs in as one with the development sign-in', async () => {
    const list = await t.http.get('/api/auth/dev/users').expect(200);
    expect(list.body.map((u: { demoKey: string }) => u.demoKey)).toEqual(['demo-mother', 'demo-official']);
    const res = await t.http.post('/api/auth/dev').send({ demoKey: 'demo-official' }).expect(200);
    const me = await t.http.get('/api/me').set('authorization', `Bearer ${res.body.token}`).expect(200);
    expect(me.body.displayName).toBe('演示官员');
    await t.http.post('/api/auth/dev').send({ demoKey: 'nobody' }).expect(404);
    await t.http.post('/api/auth/dev').send({ demoKey: 'demo-mother', role: 'official' }).expect(400);
  });

  it('binds a phone with an SMS-style code, masks it, and refuses the same phone for a second account', async () => {
    const a = await signInWechat('phone-a');
    const auth = { authorization: `Bearer ${a.token}` };
    await t.http.post('/api/auth/phone/code').set(auth).send({ phone: '12345' }).expect(400);
    const sent = await t.http.post('/api/auth/phone/code').set(auth).send({ phone: '139 0000 2222' }).expect(200);
    expect(sent.body.devCode).toMatch(/^\d{6}$/);
    const again = await t.http.post('/api/auth/phone/code').set(auth).send({ phone: '13900002222' }).expect(429);
    expect(again.body.code).toBe('PHONE_CODE_TOO_SOON');
    expect(again.headers['retry-after']).toBe('60');
    const wrong = sent.body.devCode === '000000' ? '111111' : '000000';
    const bad = await t.http.post('/api/auth/phone/verify').set(auth).send({ phone: '13900002222', code: wrong }).expect(400);
    expect(bad.body.code).toBe('PHONE_CODE_INVALID');
    const ok = await t.http.post('/api/auth/phone/verify').set(auth).send({ phone: '13900002222', code: sent.body.devCode }).expect(200);
    expect(ok.body).toEqual({ phoneMasked: '139****2222', linkedMotherId: null });
    // Used codes do not work twice.
    await t.http.post('/api/auth/phone/verify').set(auth).send({ phone: '13900002222', code: sent.body.devCode }).expect(400);
    const stored = await t.dataSource.query(`SELECT phone_cipher, phone_masked FROM users WHERE id = $1`, [a.userId]);
    expect(stored[0].phone_cipher).not.toContain('13900002222');

    const b = await signInWechat('phone-b');
    const sentB = await t.http.post('/api/auth/phone/code').set({ authorization: `Bearer ${b.token}` }).send({ phone: '13900002222' }).expect(200);
    const taken = await t.http
      .post('/api/auth/phone/verify')
      .set({ authorization: `Bearer ${b.token}` })
      .send({ phone: '13900002222', code: sentB.body.devCode })
      .expect(409);
    expect(taken.body.code).toBe('PHONE_TAKEN');
  });

  it("binds the phone from WeChat's button and joins the mother a station registered with that phone", async () => {
    const crypto = t.app.get(PiiCrypto);
    const [mother] = await t.dataSource.query(
      `INSERT INTO mothers (name, phone_hash, phone_cipher, phone_masked, region_code) VALUES ('李娟', $1, $2, '138****1111', '371002') RETURNING id`,
      [crypto.hash('phone', '13800001111'), crypto.encrypt('13800001111')],
    );
    const user = await signInWechat('phone-wx');
    const auth = { authorization: `Bearer ${user.token}` };
    const bad = await t.http.post('/api/auth/phone/wechat').set(auth).send({ code: 'phone-bad' }).expect(400);
    expect(bad.body.code).toBe('WECHAT_PHONE_FAILED');
    const res = await t.http.post('/api/auth/phone/wechat').set(auth).send({ code: 'phone-ok' }).expect(200);
    expect(res.body).toEqual({ phoneMasked: '138****1111', linkedMotherId: mother.id });
    const me = await t.http.get('/api/me').set(auth).expect(200);
    expect(me.body.motherId).toBe(mother.id);
    expect(me.body.roles).toEqual([{ role: 'mother', employerId: null, stationId: null, regionCode: null }]);
    // The access token is fetched once and reused.
    await t.http.post('/api/auth/phone/wechat').set(auth).send({ code: 'phone-ok' }).expect(200);
    expect(wechat.phoneTokenCalls).toBe(1);
  });
});

describe('sign-in when WeChat and the demo sign-in are not configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers WeChat sign-in with WECHAT_NOT_CONFIGURED', async () => {
    const res = await t.http.post('/api/auth/wechat').send({ code: 'abc' }).expect(503);
    expect(res.body.code).toBe('WECHAT_NOT_CONFIGURED');
  });

  it('hides the development sign-in', async () => {
    expect((await t.http.post('/api/auth/dev').send({ demoKey: 'x' }).expect(404)).body.code).toBe('DEV_LOGIN_DISABLED');
    await t.http.get('/api/auth/dev/users').expect(404);
  });
});
