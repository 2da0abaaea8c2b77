import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Logger } from '@nestjs/common';
import { makeResidentId } from '@mamagang/domain';
import { Redis } from 'ioredis';
import type { Response } from 'supertest';
import { uniformRateLimits } from '../src/common/rate-limit/rate-limit-policy';
import { insertEmployer, insertMother, insertPost, signInAs, type SignedIn } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * Rate limits over HTTP: every limited route refuses the call past its limit with 429
 * RATE_LIMITED and Retry-After, per user and per client address, and a refused call writes
 * nothing. Limits are set tight here, each test on addresses of its own (X-Forwarded-For,
 * believed from loopback only), so the tests do not share counters.
 */

/** Generous everywhere, then tight on what these tests exercise. */
const TIGHT = [
  uniformRateLimits(1_000_000, '1m'),
  'sign_in.ip=3/1m',
  'phone_code.user=2/10m',
  'phone_code.ip=4/1h',
  'phone_bind.user=2/10m',
  'phone_bind.ip=4/1h',
  'apply.user=2/1m',
  'apply.ip=5/1m',
  'registration.user=2/1m',
  'registration.ip=3/1m',
].join(',');

const BORROWER_POOL = 2;
const BORROWERS = 4;
const OWNER_POOL = 4;

let addressSeq = 0;
/** A client address no other test uses. */
function freshAddress(): string {
  addressSeq += 1;
  return `203.0.113.${addressSeq}`;
}

function expectRateLimited(res: Response, maxSeconds: number): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

/** A port nothing listens on (for a Redis that is down). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * REDIS_URL, else the local Redis when one answers; in CI Redis is required. Asked synchronously
 * (a child process tries to connect), since Jest must know which tests exist before running any.
 */
function findRedis(): string | undefined {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const { hostname, port } = new URL(url);
  const probe = `const s = require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname)}, () => process.exit(0));
    s.on('error', () => process.exit(1)); setTimeout(() => process.exit(1), 1000);`;
  if (spawnSync(process.execPath, ['-e', probe], { timeout: 5_000 }).status === 0) return url;
  if (['true', '1'].includes(process.env.CI?.toLowerCase() ?? '')) throw new Error(`Redis is required in CI and ${url} does not answer`);
  // Not silent: say so, and the Redis tests show as skipped.
  console.warn(`rate-limit.e2e-spec: no Redis at ${url}; the shared-counter tests are skipped (set REDIS_URL or start Redis)`);
  return undefined;
}

const redisUrl = findRedis();

describe('rate limits', () => {
  let t: TestApp;
  let employerId: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMITS: TIGHT, TRUST_PROXY: 'loopback', DEV_LOGIN: 'true', DB_POOL_SIZE: String(OWNER_POOL) },
      dbConnections: OWNER_POOL + BORROWERS * BORROWER_POOL,
    });
    employerId = (await insertEmployer(t)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newMother(): Promise<SignedIn & { motherId: string }> {
    const signedIn = await signInAs(t);
    const { id } = await insertMother(t, { userId: signedIn.userId });
    return { ...signedIn, motherId: id };
  }

  async function newDemoUser(): Promise<string> {
    const demoKey = `rl-${randomUUID()}`;
    await t.dataSource.query(`INSERT INTO users (display_name, demo_key) VALUES ('限流测试', $1)`, [demoKey]);
    return demoKey;
  }

  const applicationsOf = async (motherId: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE mother_id = $1`, [motherId]))[0].n);

  describe('sign-in, per address', () => {
    it('refuses the fourth sign-in from one address, WeChat and demo alike, while another address still signs in', async () => {
      const demoKey = await newDemoUser();
      const here = freshAddress();
      for (let i = 0; i < 3; i += 1) {
        await t.http.post('/api/auth/dev').set('x-forwarded-for', here).send({ demoKey }).expect(200);
      }
      expectRateLimited(await t.http.post('/api/auth/dev').set('x-forwarded-for', here).send({ demoKey }), 60);
      // The two sign-ins share one budget; the refusal comes before WeChat would be asked.
      expectRateLimited(await t.http.post('/api/auth/wechat').set('x-forwarded-for', here).send({ code: 'any-code' }), 60);

      const elsewhere = freshAddress();
      await t.http.post('/api/auth/dev').set('x-forwarded-for', elsewhere).send({ demoKey }).expect(200);
      // Past the limiter, WeChat sign-in answers as it does without limits (not configured in tests).
      const wechat = await t.http.post('/api/auth/wechat').set('x-forwarded-for', elsewhere).send({ code: 'any-code' });
      expect(wechat.body.code).toBe('WECHAT_NOT_CONFIGURED');
    });

    it('counts the address before the body is read: malformed sign-ins use up the budget too', async () => {
      const here = freshAddress();
      for (let i = 0; i < 3; i += 1) {
        await t.http.post('/api/auth/dev').set('x-forwarded-for', here).send({}).expect(400);
      }
      expectRateLimited(await t.http.post('/api/auth/dev').set('x-forwarded-for', here).send({ demoKey: await newDemoUser() }), 60);
    });
  });

  describe('phone binding', () => {
    const codesOf = async (userId: string): Promise<number> =>
      Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM phone_codes WHERE user_id = $1`, [userId]))[0].n);

    it('refuses a third code request by one user in 10 minutes, sends nothing, and lets a second user on the same address ask', async () => {
      const here = freshAddress();
      const a = await signInAs(t);
      const sent = await t.http.post('/api/auth/phone/code').set(a.auth).set('x-forwarded-for', here).send({ phone: '13900001111' }).expect(200);
      expect(sent.body.devCode).toMatch(/^\d{6}$/);
      await t.http.post('/api/auth/phone/code').set(a.auth).set('x-forwarded-for', here).send({ phone: '12345' }).expect(400);
      expect(await codesOf(a.userId)).toBe(1);
      expectRateLimited(await t.http.post('/api/auth/phone/code').set(a.auth).set('x-forwarded-for', freshAddress()).send({ phone: '13900001112' }), 600);
      expect(await codesOf(a.userId)).toBe(1);

      const b = await signInAs(t);
      await t.http.post('/api/auth/phone/code').set(b.auth).set('x-forwarded-for', here).send({ phone: '13900001113' }).expect(200);
      expect(await codesOf(b.userId)).toBe(1);
    });

    it('refuses code requests from one address past its hourly limit, whoever asks, and not from another address', async () => {
      const here = freshAddress();
      for (let i = 0; i < 4; i += 1) {
        const user = await signInAs(t);
        await t.http.post('/api/auth/phone/code').set(user.auth).set('x-forwarded-for', here).send({ phone: `1390000200${i}` }).expect(200);
      }
      const late = await signInAs(t);
      expectRateLimited(await t.http.post('/api/auth/phone/code').set(late.auth).set('x-forwarded-for', here).send({ phone: '13900002009' }), 3_600);
      expect(await codesOf(late.userId)).toBe(0);
      await t.http.post('/api/auth/phone/code').set(late.auth).set('x-forwarded-for', freshAddress()).send({ phone: '13900002009' }).expect(200);
    });

    it('limits guesses at the code per user, across verify and the WeChat button', async () => {
      const here = freshAddress();
      const a = await signInAs(t);
      const sent = await t.http.post('/api/auth/phone/code').set(a.auth).set('x-forwarded-for', here).send({ phone: '13900003333' }).expect(200);
      const wrong = sent.body.devCode === '000000' ? '111111' : '000000';
      for (let i = 0; i < 2; i += 1) {
        const bad = await t.http.post('/api/auth/phone/verify').set(a.auth).set('x-forwarded-for', here).send({ phone: '13900003333', code: wrong }).expect(400);
        expect(bad.body.code).toBe('PHONE_CODE_INVALID');
      }
      // Even the right code waits now, from any address: that is what stops guessing.
      expectRateLimited(
        await t.http.post('/api/auth/phone/verify').set(a.auth).set('x-forwarded-for', freshAddress()).send({ phone: '13900003333', code: sent.body.devCode }),
        600,
      );
      expectRateLimited(await t.http.post('/api/auth/phone/wechat').set(a.auth).set('x-forwarded-for', freshAddress()).send({ code: 'wx-phone-code' }), 600);
      const [user] = await t.dataSource.query(`SELECT phone_masked FROM users WHERE id = $1`, [a.userId]);
      expect(user.phone_masked).toBeNull();

      const b = await signInAs(t);
      const other = await t.http.post('/api/auth/phone/verify').set(b.auth).set('x-forwarded-for', here).send({ phone: '13900003334', code: '123456' }).expect(400);
      expect(other.body.code).toBe('PHONE_CODE_INVALID');
    });

    it('does not count a caller the auth guard turned away', async () => {
      const here = freshAddress();
      for (let i = 0; i < 6; i += 1) {
        await t.http.post('/api/auth/phone/code').set('x-forwarded-for', here).send({ phone: '13900004444' }).expect(401);
      }
      const a = await signInAs(t);
      await t.http.post('/api/auth/phone/code').set(a.auth).set('x-forwarded-for', here).send({ phone: '13900004444' }).expect(200);
    });
  });

  describe('apply', () => {
    it('refuses a mother her third application in a minute and writes nothing, while another mother applies', async () => {
      const here = freshAddress();
      const posts = await Promise.all([1, 2, 3].map(() => insertPost(t, employerId)));
      const m = await newMother();
      for (const post of posts.slice(0, 2)) {
        await t.http.post(`/api/posts/${post.id}/applications`).set(m.auth).set('x-forwarded-for', here).expect(201);
      }
      expectRateLimited(await t.http.post(`/api/posts/${posts[2]!.id}/applications`).set(m.auth).set('x-forwarded-for', freshAddress()), 60);
      expect(await applicationsOf(m.motherId)).toBe(2);

      const other = await newMother();
      await t.http.post(`/api/posts/${posts[2]!.id}/applications`).set(other.auth).set('x-forwarded-for', here).expect(201);
    });

    it('counts a repeat with the same Idempotency-Key, and still keeps her one application', async () => {
      const post = await insertPost(t, employerId);
      const m = await newMother();
      const key = `rl-${randomUUID()}`;
      const apply = () => t.http.post(`/api/posts/${post.id}/applications`).set(m.auth).set('idempotency-key', key).set('x-forwarded-for', freshAddress());
      const first = await apply().expect(201);
      const repeat = await apply().expect(200);
      expect(repeat.body.id).toBe(first.body.id);
      expectRateLimited(await apply(), 60);
      expect(await applicationsOf(m.motherId)).toBe(1);
    });

    it('refuses applications from one address past its limit, whoever applies, and not from another address', async () => {
      const here = freshAddress();
      const post = await insertPost(t, employerId);
      for (let i = 0; i < 5; i += 1) {
        const m = await newMother();
        await t.http.post(`/api/posts/${post.id}/applications`).set(m.auth).set('x-forwarded-for', here).expect(201);
      }
      const late = await newMother();
      expectRateLimited(await t.http.post(`/api/posts/${post.id}/applications`).set(late.auth).set('x-forwarded-for', here), 60);
      expect(await applicationsOf(late.motherId)).toBe(0);
      await t.http.post(`/api/posts/${post.id}/applications`).set(late.auth).set('x-forwarded-for', freshAddress()).expect(201);
    });
  });

  describe('registration at a station desk', () => {
    let stationId: string;
    let seq = 0;
    const registration = () => {
      seq += 1;
      return {
        name: '王丽',
        phone: `1371111${String(1000 + seq).slice(-4)}`,
        // Female: the 17th digit is even.
        idNumber: makeResidentId(`37100219900101${String(100 + seq * 2).padStart(3, '0')}`),
        children: [{ birthYear: 2022, birthMonth: 5 }],
        availableWindows: [{ day: 1, start: '09:00', end: '15:00' }],
        wantedTypes: ['production_line'],
        wantedModes: ['mom_shift'],
        skills: [],
        trainingNeeds: [],
        consent: { noticeVersion: 'sensitive-v1', givenAt: new Date().toISOString() },
      };
    };
    const worker = async (): Promise<SignedIn> => signInAs(t, { roles: [{ role: 'station_worker', stationId, regionCode: '371002' }] });
    const registeredMothers = async (): Promise<number> => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM mothers WHERE id_hash IS NOT NULL`))[0].n);

    beforeAll(async () => {
      const [station] = await t.dataSource.query(
        `INSERT INTO stations (name, region_code, address, lat, lng) VALUES ('限流测试驿站', '371002', '环翠区', 37.5, 122.12) RETURNING id`,
      );
      stationId = station.id;
    });

    it('refuses a worker past her limit and writes nothing, while a colleague at the same desk registers', async () => {
      const here = freshAddress();
      const chen = await worker();
      const register = (who: SignedIn, address: string) => t.http.post(`/api/stations/${stationId}/registrations`).set(who.auth).set('x-forwarded-for', address).send(registration());
      for (let i = 0; i < 2; i += 1) await register(chen, here).expect(201);
      const before = await registeredMothers();
      expectRateLimited(await register(chen, freshAddress()), 60);
      expect(await registeredMothers()).toBe(before);

      const zheng = await worker();
      await register(zheng, here).expect(201);
      // The desk's address has had its three now.
      expectRateLimited(await register(await worker(), here), 60);
      expect(await registeredMothers()).toBe(before + 1);
    });
  });

  describe('without TRUST_PROXY', () => {
    let plain: TestApp;
    beforeAll(async () => {
      plain = await createTestApp({ databaseUrl: t.db.url, env: { RATE_LIMITS: TIGHT, DEV_LOGIN: 'true', DB_POOL_SIZE: String(BORROWER_POOL) } });
    });
    afterAll(async () => {
      await plain?.close();
    });

    it('ignores X-Forwarded-For: a client cannot escape the address limit by naming other addresses', async () => {
      const demoKey = await newDemoUser();
      for (let i = 0; i < 3; i += 1) {
        await plain.http.post('/api/auth/dev').set('x-forwarded-for', freshAddress()).send({ demoKey }).expect(200);
      }
      expectRateLimited(await plain.http.post('/api/auth/dev').set('x-forwarded-for', freshAddress()).send({ demoKey }), 60);
    });
  });

  describe('with Redis down', () => {
    let failOpen: TestApp;
    // The warnings logged meanwhile (Logger.prototype.warn, wrapped by hand: no jest global under ESM).
    const warnings: string[] = [];
    const originalWarn = Logger.prototype.warn;
    beforeAll(async () => {
      Logger.prototype.warn = function (this: Logger, message: unknown, ...rest: unknown[]) {
        warnings.push(String(message));
        return originalWarn.call(this, message, ...rest);
      };
      failOpen = await createTestApp({
        databaseUrl: t.db.url,
        env: { RATE_LIMITS: `${TIGHT},apply.user=1/1m`, REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, DB_POOL_SIZE: String(BORROWER_POOL) },
      });
    });
    afterAll(async () => {
      Logger.prototype.warn = originalWarn;
      await failOpen?.close();
    });

    it('lets calls through uncounted (availability over limiting) and warns', async () => {
      const posts = await Promise.all([1, 2, 3].map(() => insertPost(t, employerId)));
      const m = await newMother();
      for (const post of posts) {
        await failOpen.http.post(`/api/posts/${post.id}/applications`).set(m.auth).expect(201);
      }
      expect(await applicationsOf(m.motherId)).toBe(3);
      expect(warnings).toContainEqual(expect.stringContaining('rate limits fail open'));
    });
  });

  (redisUrl === undefined ? describe.skip : describe)('with Redis', () => {
    // A prefix of this run's own, so parallel runs on one Redis do not share counters.
    const prefix = `mmg-test:${randomUUID()}:`;
    let one: TestApp;
    let two: TestApp;
    let redis: Redis;

    beforeAll(async () => {
      // All calls come from 127.0.0.1 here (no TRUST_PROXY): only the per-user limit is tight.
      const env = { RATE_LIMITS: `${TIGHT},apply.user=3/1m,apply.ip=1000/1m`, REDIS_URL: redisUrl, RATE_LIMIT_PREFIX: prefix, DB_POOL_SIZE: String(BORROWER_POOL) };
      one = await createTestApp({ databaseUrl: t.db.url, env });
      two = await createTestApp({ databaseUrl: t.db.url, env });
      redis = new Redis(redisUrl as string);
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      if (redis) {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
      }
    });

    it('shares one counter between two API processes', async () => {
      const posts = await Promise.all([1, 2, 3, 4].map(() => insertPost(t, employerId)));
      const m = await newMother();
      const apply = (app: TestApp, i: number) => app.http.post(`/api/posts/${posts[i]!.id}/applications`).set(m.auth);
      await apply(one, 0).expect(201);
      await apply(two, 1).expect(201);
      await apply(one, 2).expect(201);
      // Neither process has seen three calls of its own; together they have.
      expectRateLimited(await apply(two, 3), 60);
      expect(await applicationsOf(m.motherId)).toBe(3);

      const keys = await redis.keys(`${prefix}apply:user:*`);
      expect(keys).toEqual([`${prefix}apply:user:${m.userId}`]);
      const ttl = await redis.pttl(keys[0]!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    });

    it('counts concurrent calls exactly (atomic increment): of 10 at once, 3 pass', async () => {
      const posts = await Promise.all(Array.from({ length: 10 }, () => insertPost(t, employerId)));
      const m = await newMother();
      const results = await Promise.all(posts.map((post, i) => (i % 2 === 0 ? one : two).http.post(`/api/posts/${post.id}/applications`).set(m.auth)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
      expect(await applicationsOf(m.motherId)).toBe(3);
    });
  });
});
