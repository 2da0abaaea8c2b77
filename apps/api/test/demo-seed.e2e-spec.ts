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

  it('stores demo ID numbers and phones only encrypted', async () => {
    const rows = await t.dataSource.query(`SELECT id_cipher, id_masked, phone_cipher FROM mothers`);
    for (const r of rows) {
      expect(r.id_cipher).toMatch(/^v1\./);
      expect(r.id_masked).toMatch(/\*{4,}/);
      expect(r.phone_cipher).not.toMatch(/1\d{10}/);
    }
  });
});
