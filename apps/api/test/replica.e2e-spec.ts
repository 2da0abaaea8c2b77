import { addDays, isoDateInChina } from '@mamagang/domain';
import pg from 'pg';
import { DOWNTOWN, insertEmployer, insertMother, insertPost, northOf, signInAs, type SignedIn } from './support/fixtures';
import { startPrimaryWithReplica, type PrimaryWithReplica } from './support/pg-replica';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * One primary and one streaming replica (DATABASE_URL, DATABASE_REPLICA_URLS): writes and the
 * reads of one's own data go to the primary; search, recommendations, the public employer
 * directory, the monitoring figures and the region lists go to the replica.
 *
 * How a read is shown to come from the replica, with no timing involved: replay on the replica
 * is paused (pg_wal_replay_pause), so a row written now is on the primary and not yet on the
 * replica. A read that misses it was served by the replica; after resuming and catching up it
 * finds it. A read that finds it while replay is paused was served by the primary.
 *
 * The servers are a throwaway PostgreSQL 15 primary and a pg_basebackup -R copy of it on free
 * ports (test/support/pg-replica.ts, built on pg-cluster.ts), never the machine's shared server
 * and not the TEST_DB database. Like test/faults, this file runs only in the TEST_DB=postgres
 * pass (jest.config.mjs leaves it out of the PGlite pass): it needs PostgreSQL's binaries,
 * which that pass is sure to have, and it does not depend on TEST_DB, so running it in both of
 * CI's passes would only run the same thing twice.
 */

const PLACE = northOf(DOWNTOWN, 1);

describe('reads on a streaming replica', () => {
  let pair: PrimaryWithReplica;
  let t: TestApp;
  let primary: pg.Client;
  let replica: pg.Client;
  let member: SignedIn;
  let employerId: string;
  const validUntil = addDays(isoDateInChina(new Date()), 60);

  beforeAll(async () => {
    pair = await startPrimaryWithReplica();
    const url = await pair.primary.createDatabase('mmg');
    t = await createTestApp({ databaseUrl: url, env: { DATABASE_REPLICA_URLS: pair.replica.url('mmg') } });
    primary = new pg.Client({ connectionString: url });
    replica = new pg.Client({ connectionString: pair.replica.url('mmg') });
    // The last test stops the replica under this client's feet.
    replica.on('error', () => undefined);
    await Promise.all([primary.connect(), replica.connect()]);
    employerId = (await insertEmployer(t, { name: '暖阳服饰', location: PLACE })).id;
    member = await signInAs(t, { roles: [{ role: 'employer_member', employerId }] });
    await pair.replica.catchUp();
  });
  afterAll(async () => {
    await primary?.end();
    await replica?.end().catch(() => undefined);
    await t?.close();
    await pair?.destroy();
  });
  afterEach(async () => {
    // A failed test must not leave the replica paused for the next one.
    if (pair?.replica.isRunning()) await pair.replica.resumeReplay();
  });

  const countOn = async (client: pg.Client, sql: string, params: unknown[]): Promise<number> => Number((await client.query(sql, params)).rows[0].n);
  const searchIds = async (): Promise<string[]> => {
    const res = await t.http.get(`/api/posts/search?lat=${PLACE.lat}&lng=${PLACE.lng}`).expect(200);
    return res.body.items.map((i: { post: { id: string } }) => i.post.id);
  };

  it('migrated the primary only, and the replica is a read-only standby of it', async () => {
    expect((await replica.query('SELECT pg_is_in_recovery() AS r')).rows[0].r).toBe(true);
    await expect(replica.query(`INSERT INTO users (display_name) VALUES ('x')`)).rejects.toThrow(/read-only transaction/);
    const migrations = 'SELECT count(*)::int AS n FROM migrations';
    expect(await countOn(replica, migrations, [])).toBe(await countOn(primary, migrations, []));
  });

  it('writes a new post on the primary; search reads the replica and finds it once replayed', async () => {
    const older = (await insertPost(t, employerId, { title: '早先的岗位', location: PLACE })).id;
    await pair.replica.catchUp();
    await pair.replica.pauseReplay();

    const created = await t.http
      .post(`/api/employers/${employerId}/posts`)
      .set(member.auth)
      .send({
        type: 'production_line',
        title: '缝纫工（可提前下班接孩子）',
        description: '服装厂缝纫岗位，提供培训。',
        headcount: 3,
        pay: { min: 3000, max: 3600 },
        schedule: { flexible: false, windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:30', end: '15:30' })) },
        place: { remote: false, takeHome: false, location: PLACE, address: '环翠区文化西路1号' },
        skills: ['缝纫'],
        validUntil,
      })
      .expect(201);
    const fresh = created.body.id as string;
    const byId = 'SELECT count(*)::int AS n FROM posts WHERE id = $1';
    expect(await countOn(primary, byId, [fresh])).toBe(1);
    expect(await countOn(replica, byId, [fresh])).toBe(0);

    // The post's own page reads the primary: whoever just published it sees it.
    expect((await t.http.get(`/api/posts/${fresh}`).expect(200)).body.title).toBe('缝纫工（可提前下班接孩子）');
    // Search reads the replica: the older post, not yet the new one.
    const during = await searchIds();
    expect(during).toContain(older);
    expect(during).not.toContain(fresh);

    await pair.replica.resumeReplay();
    await pair.replica.catchUp();
    expect(await searchIds()).toEqual(expect.arrayContaining([older, fresh]));
  });

  it('reads her own profile and application back at once (primary) while the replica lags behind', async () => {
    const post = (await insertPost(t, employerId, { title: '包装工', location: PLACE })).id;
    await pair.replica.catchUp();
    await pair.replica.pauseReplay();
    // Written after replay stopped: only the primary has her.
    const mother = await signInAs(t);
    await insertMother(t, { userId: mother.userId, name: '李晓梅', home: PLACE });

    // A plain find() (her profile) reads the primary: the data source's defaultMode is 'master'.
    expect((await t.http.get('/api/mothers/me').set(mother.auth).expect(200)).body.name).toBe('李晓梅');
    const applied = await t.http.post(`/api/posts/${post}/applications`).set(mother.auth).send({ source: 'search' }).expect(201);
    expect(await countOn(replica, 'SELECT count(*)::int AS n FROM applications WHERE id = $1', [applied.body.id])).toBe(0);
    const mine = await t.http.get('/api/applications/mine').set(mother.auth).expect(200);
    expect(mine.body.map((a: { id: string }) => a.id)).toEqual([applied.body.id]);
    // Applying again is recognised as the same application: the check reads the primary too.
    expect((await t.http.post(`/api/posts/${post}/applications`).set(mother.auth).expect(200)).body.id).toBe(applied.body.id);
  });

  it('serves her recommendations, the public directory, the region list and the monitoring figures from the replica', async () => {
    const mother = await signInAs(t);
    await insertMother(t, { userId: mother.userId, home: PLACE });
    const official = await signInAs(t, { roles: [{ role: 'official', regionCode: '371000' }] });
    const today = isoDateInChina(new Date());
    const newPosts = async (): Promise<number> =>
      (await t.http.get(`/api/official/monitoring?from=${today}&to=${today}`).set(official.auth).expect(200)).body.totals.posts.new;
    const recommended = async (): Promise<string[]> =>
      (await t.http.get('/api/posts/recommended').set(mother.auth).expect(200)).body.items.map((i: { post: { id: string } }) => i.post.id);
    const directory = async (): Promise<string[]> =>
      (await t.http.get('/api/employers?q=%E6%98%9F%E5%85%89').expect(200)).body.items.map((e: { id: string }) => e.id);
    const districts = async (): Promise<string[]> =>
      (await t.http.get('/api/regions?parent=371000').expect(200)).body.map((r: { code: string }) => r.code);
    await pair.replica.catchUp();
    const postsBefore = await newPosts();
    expect(postsBefore).toBeGreaterThan(0); // the posts of the tests above
    await pair.replica.pauseReplay();

    const post = (await insertPost(t, employerId, { title: '质检员', location: PLACE })).id;
    const employer = (await insertEmployer(t, { name: '星光电子' })).id;
    await t.dataSource.query(`INSERT INTO regions (code, name, parent_code, level, center_lat, center_lng) VALUES ('371099', '测试新区', '371000', 'district', 37.5, 122.1)`);
    expect(await recommended()).not.toContain(post);
    expect(await directory()).not.toContain(employer);
    expect(await districts()).not.toContain('371099');
    expect(await newPosts()).toBe(postsBefore);

    await pair.replica.resumeReplay();
    await pair.replica.catchUp();
    expect(await recommended()).toContain(post);
    expect(await directory()).toContain(employer);
    expect(await districts()).toContain('371099');
    expect(await newPosts()).toBe(postsBefore + 1);
  });

  it('answers searches from the primary when the replica goes away', async () => {
    const post = (await insertPost(t, employerId, { title: '理货员', location: PLACE })).id;
    await pair.replica.stop();
    expect(await searchIds()).toContain(post);
    expect((await t.http.get('/api/employers').expect(200)).body.total).toBeGreaterThan(0);
  });
});
