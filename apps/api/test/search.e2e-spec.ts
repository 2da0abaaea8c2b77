import { createTestApp, type TestApp } from './support/test-app';
import { insertEmployer, insertMother, insertPost, northOf, signInAs, type SignedIn } from './support/fixtures';

/**
 * Her profile, then search and recommendations over posts written as SQL fixtures. Places are
 * kept apart so the groups of posts do not meet: the school cluster near S, and the paging
 * cluster near P, about 90 km away.
 */
const YEAR = new Date().getFullYear();
const S = { lat: 37.45, lng: 122.2 };
const HOME = { lat: 37.4712345, lng: 122.2198765 };
const P = { lat: 36.9, lng: 121.5 };

interface Item {
  post: { id: string; title: string; employerName: string; openPlaces: number; remote: boolean; takeHome: boolean; scheduleText: string; payText: string };
  distanceKm: number | null;
  hourly: { min: number | null; max: number | null };
  score: number;
  reasons: string[];
}
interface Result {
  items: Item[];
  page: number;
  hasMore: boolean;
}

const profile = (overrides: Record<string, unknown> = {}) => ({
  name: '王丽',
  regionCode: '371002',
  children: [{ birthYear: YEAR - 7, birthMonth: 3 }],
  home: HOME,
  school: S,
  availableWindows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:30', end: '15:30' })),
  desiredHourly: 20,
  wantedModes: ['flexible_leave'],
  skills: ['缝纫'],
  // Her consent to the current notice (required until she has given it).
  consent: { noticeVersion: 'sensitive-v1' },
  ...overrides,
});

describe('mothers: her own profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const rowsOf = async (userId: string) => {
    const [m] = await t.dataSource.query(`SELECT count(*)::int AS n FROM mothers WHERE user_id = $1`, [userId]);
    const [r] = await t.dataSource.query(`SELECT count(*)::int AS n FROM user_roles WHERE user_id = $1 AND role = 'mother'`, [userId]);
    return { mothers: m.n as number, roles: r.n as number };
  };

  it('needs a signed-in user', async () => {
    await t.http.put('/api/mothers/me').send(profile()).expect(401);
  });

  it('refuses a mother whose children are all 12 or older, with the reasons, and writes nothing', async () => {
    const me = await signInAs(t);
    const res = await t.http.put('/api/mothers/me').set(me.auth).send(profile({ children: [{ birthYear: YEAR - 13, birthMonth: 1 }] })).expect(400);
    expect(res.body.code).toBe('MOTHER_NOT_ELIGIBLE');
    expect(res.body.message).toContain('12周岁');
    expect(res.body.details.map((d: { message: string }) => d.message)).toContain('您的孩子都已满12周岁；妈妈岗面向抚养12周岁以下孩子的妈妈');
    await expect(rowsOf(me.userId)).resolves.toEqual({ mothers: 0, roles: 0 });
  });

  it('refuses a child born in the future and no children at all', async () => {
    const me = await signInAs(t);
    const future = await t.http.put('/api/mothers/me').set(me.auth).send(profile({ children: [{ birthYear: YEAR + 1, birthMonth: 1 }] })).expect(400);
    expect(future.body.code).toBe('MOTHER_CHILD_BIRTH_INVALID');
    expect(future.body.message).toContain('晚于今天');
    expect(future.body.details[0].field).toBe('children.0');
    const none = await t.http.put('/api/mothers/me').set(me.auth).send(profile({ children: [] })).expect(400);
    expect(none.body.code).toBe('MOTHER_NOT_ELIGIBLE');
    await expect(rowsOf(me.userId)).resolves.toEqual({ mothers: 0, roles: 0 });
  });

  it('refuses bad free-time windows, an unknown region and a home far from her region', async () => {
    const me = await signInAs(t);
    const windows = await t.http
      .put('/api/mothers/me')
      .set(me.auth)
      .send(profile({ availableWindows: [{ day: 1, start: '15:00', end: '09:00' }] }))
      .expect(400);
    expect(windows.body).toMatchObject({ code: 'MOTHER_WINDOWS_INVALID', details: [{ field: 'availableWindows.0', rule: 'WINDOW_ORDER' }] });
    const overlap = await t.http
      .put('/api/mothers/me')
      .set(me.auth)
      .send(profile({ availableWindows: [{ day: 2, start: '09:00', end: '12:00' }, { day: 2, start: '11:00', end: '13:00' }] }))
      .expect(400);
    expect(overlap.body.details[0].rule).toBe('WINDOW_OVERLAP');
    const region = await t.http.put('/api/mothers/me').set(me.auth).send(profile({ regionCode: '999999' })).expect(400);
    expect(region.body.code).toBe('MOTHER_REGION_UNKNOWN');
    const far = await t.http.put('/api/mothers/me').set(me.auth).send(profile({ home: { lat: 39.9, lng: 116.4 } })).expect(400);
    expect(far.body).toMatchObject({ code: 'MOTHER_LOCATION_INVALID', details: [{ field: 'home' }] });
    const unknownField = await t.http.put('/api/mothers/me').set(me.auth).send(profile({ idNumber: '370102199001011234' })).expect(400);
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');
    await expect(rowsOf(me.userId)).resolves.toEqual({ mothers: 0, roles: 0 });
  });

  it('creates her profile, grants the mother role, rounds her places to about 100 m', async () => {
    const me = await signInAs(t, { name: '王丽' });
    await t.http.get('/api/mothers/me').set(me.auth).expect(403);
    const res = await t.http.put('/api/mothers/me').set(me.auth).send(profile()).expect(200);
    expect(res.body).toMatchObject({
      name: '王丽',
      regionCode: '371002',
      children: [{ birthYear: YEAR - 7, birthMonth: 3 }],
      stage: 'settled_work',
      stageLabel: '安心工作型',
      home: { lat: 37.471, lng: 122.22 },
      school: { lat: 37.45, lng: 122.2 },
      availableText: '周一至周五 8:30-15:30',
      desiredHourly: 20,
      wantedModes: ['flexible_leave'],
      eligibility: { eligible: true },
    });
    expect([6, 7]).toContain(res.body.children[0].ageYears);
    const [stored] = await t.dataSource.query(`SELECT home_lat, home_lng FROM mothers WHERE id = $1`, [res.body.id]);
    expect([stored.home_lat, stored.home_lng]).toEqual([37.471, 122.22]);

    const mine = await t.http.get('/api/me').set(me.auth).expect(200);
    expect(mine.body.motherId).toBe(res.body.id);
    expect(mine.body.roles.map((r: { role: string }) => r.role)).toContain('mother');
    const again = await t.http.get('/api/mothers/me').set(me.auth).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it('replaces her profile on a second PUT: same record, children replaced, cleared fields cleared', async () => {
    const me = await signInAs(t);
    const first = await t.http.put('/api/mothers/me').set(me.auth).send(profile()).expect(200);
    const second = await t.http
      .put('/api/mothers/me')
      .set(me.auth)
      .send(profile({ children: [{ birthYear: YEAR - 2, birthMonth: 1 }, { birthYear: YEAR - 9, birthMonth: 6 }], school: undefined, desiredHourly: undefined }))
      .expect(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.children.map((c: { birthYear: number }) => c.birthYear)).toEqual([YEAR - 9, YEAR - 2]);
    expect(second.body).toMatchObject({ stage: 'full_companion', school: null, desiredHourly: null });
    await expect(rowsOf(me.userId)).resolves.toEqual({ mothers: 1, roles: 1 });
  });

  it('updates a profile a station registered at the desk, keeping what the desk recorded', async () => {
    const me = await signInAs(t);
    const desk = await insertMother(t, { userId: me.userId, name: '李娜', birthDate: '1990-05-01', children: [{ birthYear: YEAR - 10, birthMonth: 1 }] });
    const res = await t.http.put('/api/mothers/me').set(me.auth).send(profile({ name: undefined })).expect(200);
    expect(res.body).toMatchObject({ id: desk.id, name: '李娜', stage: 'settled_work' });
    // Her age is assessed now that the desk recorded her birth date.
    expect(res.body.eligibility.reasons.some((r: string) => /在法定劳动年龄内/.test(r))).toBe(true);
    const [row] = await t.dataSource.query(`SELECT birth_date::text AS birth_date FROM mothers WHERE id = $1`, [desk.id]);
    expect(row.birth_date).toBe('1990-05-01');
  });
});

describe('search and recommendations', () => {
  let t: TestApp;
  let mother: SignedIn;
  let ids: Record<'fit' | 'night' | 'flexible' | 'full' | 'far' | 'remote' | 'takeHomeFar' | 'expired' | 'takenDown', string>;

  beforeAll(async () => {
    t = await createTestApp();
    const factory = await insertEmployer(t, { name: '暖阳服饰', location: S, friendly: true, facilities: { motherBabyRoom: true } });
    const service = await insertEmployer(t, { name: '爱心家政', kind: 'social_organisation' });
    const online = await insertEmployer(t, { name: '云客服', kind: 'platform' });
    const crafts = await insertEmployer(t, { name: '巧手编织', kind: 'individual_business' });
    ids = {
      fit: (await insertPost(t, factory.id, { title: '缝纫工', location: northOf(S, 0.5), modes: ['flexible_leave'], facilities: { motherBabyRoom: true } })).id,
      night: (
        await insertPost(t, service.id, {
          type: 'domestic_service',
          title: '晚间保洁',
          location: northOf(S, 1.5),
          pay: { basis: 'per_task', min: 70, hoursPerTask: 2 },
          schedule: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '18:30', end: '21:00' })),
          modes: [],
        })
      ).id,
      flexible: (await insertPost(t, service.id, { type: 'family_friendly', title: '社区托育助理', location: northOf(S, 3), schedule: 'flexible', modes: ['mom_shift'], pay: { basis: 'per_task', min: 40, hoursPerTask: 2 } })).id,
      full: (await insertPost(t, factory.id, { title: '质检员（已满）', location: northOf(S, 0.2), status: 'filled' })).id,
      far: (await insertPost(t, factory.id, { title: '远处包装工', location: northOf(S, -30) })).id,
      remote: (await insertPost(t, online.id, { type: 'remote_online', title: '在线客服', location: null, remote: true, schedule: 'flexible', pay: { basis: 'per_piece', min: 1, unitsPerHour: 30 } })).id,
      takeHomeFar: (
        await insertPost(t, crafts.id, { type: 'handicraft', title: '钩织玩偶', location: northOf(S, 25), takeHome: true, schedule: 'flexible', pay: { basis: 'per_piece', min: 3, unitsPerHour: 10 } })
      ).id,
      expired: (await insertPost(t, factory.id, { title: '过期岗位', location: northOf(S, 0.3), validUntil: new Date(Date.now() - 3_600_000) })).id,
      takenDown: (await insertPost(t, factory.id, { title: '下架岗位', location: northOf(S, 0.3), status: 'taken_down' })).id,
    };
    mother = await signInAs(t, { name: '王丽' });
    await t.http.put('/api/mothers/me').set(mother.auth).send(profile()).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const search = async (query: string, auth?: SignedIn): Promise<Result> => {
    const req = t.http.get(`/api/posts/search?${query}`);
    const res = await (auth ? req.set(auth.auth) : req).expect(200);
    return res.body as Result;
  };
  const titles = (r: Result) => r.items.map((i) => i.post.title);

  it('from her child’s school finds the nearby post that fits, with reasons', async () => {
    const r = await search('from=school', mother);
    expect(r.items[0]?.post.id).toBe(ids.fit);
    const first = r.items[0] as Item;
    expect(first.distanceKm).toBe(0.5);
    expect(first.reasons).toEqual(expect.arrayContaining(['距您0.5公里', '周一至周五 9:00-15:00，方便接送孩子', '有母婴室', '可按需请假']));
    expect(first.post).toMatchObject({ employerName: '暖阳服饰', payText: '4000-5000元/月', openPlaces: 3, scheduleText: '周一至周五 9:00-15:00，每周30小时' });
    expect(first.hourly.min).toBeCloseTo(30.77, 2);
    expect(first.score).toBeGreaterThan(80);
  });

  it('lists nothing expired or taken down, leaves far posts out, and puts the full post below the open ones', async () => {
    const r = await search(`lat=${S.lat}&lng=${S.lng}`);
    const got = r.items.map((i) => i.post.id);
    expect(got).not.toContain(ids.expired);
    expect(got).not.toContain(ids.takenDown);
    expect(got).not.toContain(ids.far);
    const full = got.indexOf(ids.full);
    expect(full).toBeGreaterThan(got.indexOf(ids.fit));
    expect(r.items[full]?.post.openPlaces).toBe(0);
    expect(r.items[full]?.reasons).toEqual(['名额已满']);
    // Open posts inside the radius, then remote/take-home ones beyond it (the page had room), then the full one.
    expect(got.slice(0, 3).sort()).toEqual([ids.fit, ids.night, ids.flexible].sort());
    expect(got.slice(3, 5).sort()).toEqual([ids.remote, ids.takeHomeFar].sort());
    expect(got[5]).toBe(ids.full);
    expect(r).toMatchObject({ page: 1, hasMore: false });
    const wide = await search(`lat=${S.lat}&lng=${S.lng}&radiusKm=50`);
    expect(wide.items.map((i) => i.post.id)).toContain(ids.far);
  });

  it('filters by type, pay, modes, stage and her hours', async () => {
    const at = `lat=${S.lat}&lng=${S.lng}`;
    expect(titles(await search(`${at}&type=domestic_service`))).toEqual(['晚间保洁']);
    const pay = await search(`${at}&minHourly=34`);
    expect(pay.items.every((i) => (i.hourly.max ?? 0) >= 34)).toBe(true);
    expect(pay.items.map((i) => i.post.id)).toEqual(expect.arrayContaining([ids.fit, ids.night]));
    expect(pay.items.map((i) => i.post.id)).not.toContain(ids.flexible);
    expect(titles(await search(`${at}&modes=flexible_leave`))).toEqual(['缝纫工', '质检员（已满）']);
    const stage = await search(`${at}&stage=full_companion`);
    expect(stage.items.map((i) => i.post.id)).toEqual(expect.arrayContaining([ids.remote, ids.takeHomeFar]));
    expect(stage.items.map((i) => i.post.id)).not.toContain(ids.fit);
    const fits = await search(`from=school&fitsMyHours=true`, mother);
    expect(fits.items.map((i) => i.post.id)).toEqual(expect.arrayContaining([ids.fit, ids.flexible]));
    expect(fits.items.map((i) => i.post.id)).not.toContain(ids.night);
  });

  it('finds remote and take-home posts with no distance limit when asked', async () => {
    const remote = await search(`lat=${S.lat}&lng=${S.lng}&remote=true`);
    expect(remote.items.map((i) => i.post.id)).toEqual([ids.remote]);
    expect(remote.items[0]).toMatchObject({ distanceKm: null, post: { remote: true } });
    expect(remote.items[0]?.reasons).toContain('线上工作，在家就能做');
    const takeHome = await search(`lat=${S.lat}&lng=${S.lng}&takeHome=true&radiusKm=5`);
    expect(takeHome.items.map((i) => i.post.id)).toEqual([ids.takeHomeFar]);
    expect(takeHome.items[0]?.distanceKm).toBe(25);
    expect(takeHome.items[0]?.reasons).toEqual(expect.arrayContaining(['距您25.0公里，较远', '可带回家做']));
  });

  it('sorts by distance and by pay', async () => {
    const at = `lat=${S.lat}&lng=${S.lng}`;
    const byDistance = await search(`${at}&sort=distance`);
    const open = byDistance.items.filter((i) => i.post.openPlaces > 0 && i.distanceKm !== null && i.distanceKm <= 10);
    expect(open.map((i) => i.distanceKm)).toEqual([0.5, 1.5, 3]);
    const byPay = await search(`${at}&sort=pay`);
    const local = byPay.items.slice(0, 3).map((i) => i.hourly.max ?? 0);
    expect(local).toEqual([...local].sort((a, b) => b - a));
  });

  it('pages by 20 with hasMore, never repeats a post, and shows at most 3 posts of one employer on a page', async () => {
    const big = await insertEmployer(t, { name: '大厂', location: P });
    const others = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => insertEmployer(t, { name: `食堂${n}` })));
    // The 8 nearest posts belong to one employer; the rest are spread over six others.
    for (let i = 0; i < 8; i++) await insertPost(t, big.id, { type: 'school_canteen', title: `大厂${i}`, location: northOf(P, 0.1 + i * 0.01) });
    for (let i = 0; i < 17; i++) {
      const employer = others[i % others.length] as { id: string };
      await insertPost(t, employer.id, { type: 'school_canteen', title: `食堂岗${i}`, location: northOf(P, 1 + i * 0.1) });
    }
    const query = `lat=${P.lat}&lng=${P.lng}&type=school_canteen&sort=distance`;
    const page1 = await search(query);
    expect(page1.items).toHaveLength(20);
    expect(page1.hasMore).toBe(true);
    expect(page1.items.filter((i) => i.post.employerName === '大厂')).toHaveLength(3);
    const page2 = await search(`${query}&page=2`);
    expect(page2.items).toHaveLength(5);
    expect(page2.hasMore).toBe(false);
    // Pushed down, not dropped: the big employer's other 5 posts lead page 2.
    expect(page2.items.filter((i) => i.post.employerName === '大厂')).toHaveLength(5);
    const all = [...page1.items, ...page2.items].map((i) => i.post.id);
    expect(new Set(all).size).toBe(25);
    const page3 = await search(`${query}&page=3`);
    expect(page3).toMatchObject({ items: [], hasMore: false });
  });

  it('is public with a point, needs her profile for from= and fitsMyHours, and checks its input', async () => {
    await t.http.get(`/api/posts/search?from=home`).expect(401);
    const stranger = await signInAs(t);
    const noProfile = await t.http.get(`/api/posts/search?from=home`).set(stranger.auth).expect(400);
    expect(noProfile.body.code).toBe('SEARCH_PROFILE_REQUIRED');
    const noPoint = await t.http.get(`/api/posts/search?type=sales`).expect(400);
    expect(noPoint.body.code).toBe('SEARCH_LOCATION_REQUIRED');
    await t.http.get(`/api/posts/search?lat=${S.lat}`).expect(400);
    const both = await t.http.get(`/api/posts/search?lat=${S.lat}&lng=${S.lng}&from=home`).set(mother.auth).expect(400);
    expect(both.body.code).toBe('SEARCH_LOCATION_REQUIRED');
    for (const bad of ['radiusKm=51', 'type=nope', 'modes=flexible_leave,nope', 'sort=random', 'page=0', 'page=11', 'fitsMyHours=yes', 'lat=91&lng=1']) {
      const res = await t.http.get(`/api/posts/search?lat=${S.lat}&lng=${S.lng}&${bad}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('recommends from her profile: her home, her stage, her hours and her wished pay', async () => {
    const r = (await t.http.get('/api/posts/recommended').set(mother.auth).expect(200)).body as Result;
    expect(r.items[0]?.post.id).toBe(ids.fit);
    expect(r.items[0]?.reasons).toEqual(expect.arrayContaining(['周一至周五 9:00-15:00，方便接送孩子', '适合孩子6-12岁的妈妈（安心工作型）']));
    expect(r.items[0]?.reasons.some((reason) => reason.endsWith('高于您的期望'))).toBe(true);
    // From her home (about 2.8 km from the post), not from the school.
    expect(r.items[0]?.distanceKm).toBeGreaterThan(2);
    const night = r.items.find((i) => i.post.id === ids.night);
    expect(night?.reasons).toContain('工作时间与您方便的时间不重合');
    await t.http.get('/api/posts/recommended').set((await signInAs(t)).auth).expect(403);
  });

  it('recommends from her region’s centre when she gave neither home nor school', async () => {
    const me = await signInAs(t);
    await insertMother(t, { userId: me.userId, home: null, school: null, regionCode: '371002' });
    const r = (await t.http.get('/api/posts/recommended').set(me.auth).expect(200)).body as Result;
    // 环翠区's centre (37.5015, 122.1235) is about 8 km from the school cluster.
    const fit = r.items.find((i) => i.post.id === ids.fit);
    expect(fit?.distanceKm).toBeGreaterThan(5);
    expect(fit?.distanceKm).toBeLessThan(10);
  });
});
