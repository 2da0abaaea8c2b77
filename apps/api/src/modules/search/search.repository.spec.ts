import { TransactionRunner } from '../../database/transaction';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { insertEmployer, insertPost, northOf } from '../../../test/support/fixtures';
import { SCAN_CAP, SearchRepository, nearPostsSql, type PostCandidate, type SqlFilters } from './search.repository';

/** The candidate queries on the real database (PGlite or PostgreSQL, as TEST_DB says). */
describe('SearchRepository', () => {
  let t: TestApp;
  let repo: SearchRepository;
  const A = { lat: 37.2, lng: 122.05 };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    repo = t.app.get(SearchRepository);
    const e = await insertEmployer(t, { friendly: true, name: '近邻工厂' });
    const km = async (name: string, distance: number, options: Parameters<typeof insertPost>[2] = {}) => {
      ids[name] = (await insertPost(t, e.id, { location: northOf(A, distance), title: name, modes: [], ...options })).id;
    };
    await km('d5', 5);
    await km('d1', 1, { modes: ['flexible_leave'] });
    await km('d3', 3, { type: 'domestic_service', pay: { basis: 'hourly', min: 30, max: 40 }, modes: ['mom_shift'] });
    await km('d2', 2, { status: 'filled' });
    await km('d4', 4, { type: 'handicraft', takeHome: true, modes: [], schedule: 'flexible' });
    await km('d6', 6, { type: 'stage_full_companion', remote: true });
    await km('untaggedSuits', 7, { type: 'family_friendly', stage: null });
    await km('expired', 0.5, { validUntil: new Date(Date.now() - 60_000) });
    await km('takenDown', 0.5, { status: 'taken_down' });
    ids.unlocatedOld = (await insertPost(t, e.id, { type: 'remote_online', remote: true, location: null, title: 'old', createdAt: new Date(Date.now() - 86_400_000) })).id;
    ids.unlocatedNew = (await insertPost(t, e.id, { type: 'remote_online', remote: true, location: null, title: 'new' })).id;
    ids.unlocatedHandiwork = (await insertPost(t, e.id, { type: 'handicraft', takeHome: true, location: null, regionCode: '371003', title: 'handiwork' })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const near = (filters: SqlFilters = {}, limit = 50): Promise<PostCandidate[]> => repo.findNear({ ...A, filters, now: new Date(), limit });
  const names = (rows: PostCandidate[]) => rows.map((r) => r.title);

  it('returns the nearest searchable posts in order, with their distance and employer', async () => {
    const rows = await near({}, 4);
    expect(names(rows)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(rows.map((r) => Math.round((r.distanceKm ?? 0) * 10) / 10)).toEqual([1, 2, 3, 4]);
    expect(rows[0]).toMatchObject({ employerName: '近邻工厂', employerFriendly: true, status: 'open', hourlyMin: expect.any(Number), headcount: 3 });
    expect(rows[1]?.status).toBe('filled');
    const all = names(await near());
    expect(all).not.toContain('expired');
    expect(all).not.toContain('takenDown');
    expect(all).not.toContain('old');
  });

  it.each<[string, SqlFilters, string[]]>([
    ['type', { type: 'domestic_service' }, ['d3']],
    ['stage: tagged, or an untagged type suiting it', { stage: { code: 'full_companion', types: ['stage_full_companion', 'family_friendly', 'handicraft'] } }, ['d4', 'd6', 'untaggedSuits']],
    ['pay: hourly max at least', { minHourly: 39 }, ['d3']],
    ['modes: any of', { modes: ['mom_shift', 'flexible_leave'] }, ['d1', 'd3']],
    ['modes: take_home also matches a take-home post', { modes: ['take_home'] }, ['d4']],
    ['remote', { remote: true }, ['d6']],
    ['take-home', { takeHome: true }, ['d4']],
    ['remote or take-home', { anywhereKinds: true }, ['d4', 'd6']],
  ])('honours the %s filter', async (_name, filters, expected) => {
    expect(names(await near(filters))).toEqual(expected);
  });

  it('reads at most SCAN_CAP posts for filters only the row can check, however few match', async () => {
    // SCAN_CAP + 5 school-canteen posts 50 km away, the farthest of them the only one with a mode.
    const far = northOf(A, -50);
    const e = await insertEmployer(t);
    await t.dataSource.query(
      `INSERT INTO posts (employer_id, region_code, type, title, headcount, pay_basis, pay_min, pay_max, hourly_min, hourly_max,
                          windows, hours_per_week, modes, lat, lng, insurance, contract_form, valid_until)
       SELECT $1, '371002', 'school_canteen', 'canteen ' || g, 1, 'monthly', 4000, 4000, 30, 30 + g % 7, '[]', 30,
              CASE WHEN g = $4 THEN ARRAY['new_economy'] ELSE '{}'::text[] END,
              -- Distinct points on a spiral, each farther than the last: GiST copes badly with thousands of equal keys.
              $2::float8 + (0.0005 + g * 0.00002) * cos(g), $3::float8 + (0.0005 + g * 0.00002) * sin(g) / cos(radians($2::float8)),
              'social', 'labour_contract', now() + interval '30 days'
         FROM generate_series(1, $4::int) AS g`,
      [e.id, far.lat, far.lng, SCAN_CAP + 5],
    );
    const at = far;
    const all = await repo.findNear({ ...at, filters: { type: 'school_canteen' }, now: new Date(), limit: 5 });
    expect(all).toHaveLength(5);
    const rare = await repo.findNear({ ...at, filters: { type: 'school_canteen', modes: ['new_economy'] }, now: new Date(), limit: 5 });
    expect(rare).toEqual([]);
    await t.dataSource.query(`DELETE FROM posts WHERE type = 'school_canteen'`);
  });

  it('reads posts with no place newest first, with take-home ones limited to her region when asked', async () => {
    const all = await repo.findUnlocated({ filters: {}, now: new Date(), limit: 10 });
    expect(names(all)).toEqual(['handiwork', 'new', 'old']);
    expect(all.every((r) => r.distanceKm === null && r.lat === null)).toBe(true);
    const mine = await repo.findUnlocated({ filters: {}, now: new Date(), limit: 10, takeHomeRegionLike: '371002' });
    expect(names(mine)).toEqual(['new', 'old']);
    expect(names(await repo.findUnlocated({ filters: { takeHome: true }, now: new Date(), limit: 10 }))).toEqual(['handiwork']);
  });

  it.each<[string, SqlFilters, RegExp]>([
    // On a tiny table both indexes cost the same; on the benchmark's million posts the planner takes the plain one.
    ['no filter', {}, /"Index Name":"posts_search_(type_)?geo_idx"/],
    ['a type', { type: 'domestic_service' }, /"Index Name":"posts_search_type_geo_idx"/],
    ['remote or take-home, any distance', { anywhereKinds: true }, /"Index Name":"posts_search_anywhere_geo_idx"/],
    ['a row filter (modes)', { modes: ['mom_shift'] }, /"Index Name":"posts_search_(type_)?geo_idx"/],
  ])('is a query the distance indexes can serve (%s)', async (_name, filters, index) => {
    // The fixture table is tiny, so the planner would rightly scan it; with sequential scans
    // and sorts priced out, only an index that serves the ordering can answer.
    const q = nearPostsSql({ ...A, filters, now: new Date(), limit: 20 });
    const plan = await t.app.get(TransactionRunner).run(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SET LOCAL enable_sort = off');
      const rows: Record<string, unknown>[] = await tx.query(`EXPLAIN (FORMAT JSON) ${q.text}`, q.values);
      const raw = rows[0]?.['QUERY PLAN'];
      return JSON.stringify(typeof raw === 'string' ? JSON.parse(raw) : raw);
    });
    expect(plan).toMatch(index);
    expect(plan).toMatch(/"Order By":"\(\(ll_to_earth\(lat, lng\)\)::cube <->/);
  });
});
