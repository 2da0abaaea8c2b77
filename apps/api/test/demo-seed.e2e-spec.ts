import { DemoSeedService } from '../src/modules/demo/demo-seed.service';
import { DEMO_EMPLOYERS, DEMO_MOTHERS, DEMO_NEWCOMERS, DEMO_POSTS, DEMO_STAFF } from '../src/modules/demo/demo-data';
import { createTestApp, type TestApp } from './support/test-app';

describe('demo seed on start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SEED_DEMO: 'true', DEV_LOGIN: 'true' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds the demo city once, with every role available to the demo sign-in', async () => {
    const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
    expect(await count('employers')).toBe(DEMO_EMPLOYERS.length);
    expect(await count('posts')).toBe(DEMO_POSTS.length);
    expect(await count('mothers')).toBe(DEMO_MOTHERS.length);
    expect(await t.app.get(DemoSeedService).seed()).toBe(false);
    expect(await count('posts')).toBe(DEMO_POSTS.length);

    const users = (await t.http.get('/api/auth/dev/users').expect(200)).body as { demoKey: string; roles: string[] }[];
    const roles = new Set(users.flatMap((u) => u.roles));
    expect(roles).toEqual(new Set(['mother', 'employer_member', 'station_worker', 'official']));
    expect(users.length).toBe(DEMO_STAFF.length + DEMO_MOTHERS.length + DEMO_NEWCOMERS.length);
  });

  it('opens the station desk months into the year: 12333 plans with overdue items, courses and a fair', async () => {
    const stationMothers = DEMO_MOTHERS.filter((m) => m.station).length;
    expect(stationMothers).toBeGreaterThan(0);
    const plans = await t.dataSource.query(`SELECT mother_id, count(*)::int AS n FROM follow_up_items GROUP BY mother_id`);
    expect(plans).toHaveLength(stationMothers);
    for (const p of plans) expect(p.n).toBe(11);

    const dev = async (demoKey: string) => (await t.http.post('/api/auth/dev').send({ demoKey }).expect(200)).body.token as string;
    const worker = await dev('station-huancui');
    const overdue = await t.http.get('/api/worklist?status=overdue').set('Authorization', `Bearer ${worker}`).expect(200);
    // Registered 120 days ago: the first consultations and guidance sessions are past due.
    expect(overdue.body.counts.overdue).toBeGreaterThan(0);
    expect(overdue.body.items.length).toBe(Math.min(20, overdue.body.counts.overdue));

    const courses = await t.http.get('/api/training/courses?regionCode=371002').expect(200);
    expect(courses.body.items.map((c: { title: string }) => c.title)).toEqual(expect.arrayContaining(['家政服务员夜校（母婴护理方向）', '电商直播入门（线上周末班）']));

    const fairs = await t.http.get('/api/fairs?regionCode=371002').expect(200);
    const fair = fairs.body.find((f: { title: string }) => f.title === '环翠区宝妈专场招聘会');
    expect(fair).toEqual(expect.objectContaining({ title: '环翠区宝妈专场招聘会' }));
    const detail = await t.http.get(`/api/fairs/${fair.id}`).expect(200);
    expect(detail.body.employers.length).toBe(3);
    expect(detail.body.employers.every((e: { posts: unknown[] }) => e.posts.length > 0)).toBe(true);
  });

  it('stores demo ID numbers and phones only encrypted', async () => {
    const rows = await t.dataSource.query(`SELECT id_cipher, id_masked, phone_cipher FROM mothers`);
    for (const r of rows) {
      expect(r.id_cipher).toMatch(/^v1\./);
      expect(r.id_masked).toMatch(/\*{4,}/);
      expect(r.phone_cipher).not.toMatch(/1\d{10}/);
    }
  });
});
