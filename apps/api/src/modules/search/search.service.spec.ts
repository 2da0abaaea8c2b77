import { FixedClock } from '../../common/clock/clock';
import type { MotherEntity } from '../mothers/mother.entity';
import type { MothersRepository } from '../mothers/mothers.repository';
import type { RegionsRepository } from '../regions/regions.repository';
import type { Principal } from '../users/principal';
import type { SearchQueryDto } from './dto/search.dto';
import { spreadEmployers, windowForPage } from './search.ranking';
import type { NearQuery, PostCandidate, SearchRepository, UnlocatedQuery } from './search.repository';
import { SearchService } from './search.service';

const NOW = new Date('2026-11-23T02:00:00Z');
const AT = { lat: 37.45, lng: 122.2 };

let seq = 0;
function post(overrides: Partial<PostCandidate> = {}): PostCandidate {
  seq += 1;
  return {
    id: `p${String(seq).padStart(4, '0')}`,
    employerId: `e${seq}`,
    employerName: '单位',
    employerFriendly: false,
    type: 'production_line',
    stage: null,
    title: `岗位${seq}`,
    headcount: 3,
    filledCount: 0,
    status: 'open',
    payBasis: 'hourly',
    payMin: 25,
    payMax: 25,
    hourlyMin: 25,
    hourlyMax: 25,
    flexibleHours: false,
    windows: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '09:00', end: '15:00' })),
    hoursPerWeek: 30,
    modes: [],
    remote: false,
    takeHome: false,
    lat: AT.lat,
    lng: AT.lng,
    insurance: 'social',
    contractForm: 'labour_contract',
    hasMotherBabyRoom: false,
    hasShuttleBus: false,
    childMayCome: false,
    createdAt: NOW,
    distanceKm: 1,
    ...overrides,
  };
}

/**
 * A strict fake: every call must have been scripted, in order, with the arguments the test
 * expects; an unscripted call fails the test (e.g. fetching remote posts when the radius was full).
 */
class ScriptedRepository {
  private readonly script: ({ kind: 'near'; check: (q: NearQuery) => void; rows: PostCandidate[] } | { kind: 'unlocated'; check: (q: UnlocatedQuery) => void; rows: PostCandidate[] })[] = [];

  near(rows: PostCandidate[], check: (q: NearQuery) => void = () => undefined): this {
    this.script.push({ kind: 'near', check, rows });
    return this;
  }

  unlocated(rows: PostCandidate[], check: (q: UnlocatedQuery) => void = () => undefined): this {
    this.script.push({ kind: 'unlocated', check, rows });
    return this;
  }

  findNear = async (q: NearQuery): Promise<PostCandidate[]> => this.take('near', q);
  findUnlocated = async (q: UnlocatedQuery): Promise<PostCandidate[]> => this.take('unlocated', q);

  private take(kind: 'near' | 'unlocated', q: NearQuery | UnlocatedQuery): PostCandidate[] {
    const i = this.script.findIndex((s) => s.kind === kind);
    if (i === -1) throw new Error(`unexpected ${kind} query: ${JSON.stringify(q)}`);
    const [step] = this.script.splice(i, 1);
    (step?.check as (q: unknown) => void)(q);
    return [...(step?.rows ?? [])].sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0)).slice(0, q.limit);
  }

  assertDone(): void {
    if (this.script.length > 0) throw new Error(`${this.script.length} scripted queries not made`);
  }
}

const mother = (overrides: Partial<MotherEntity> = {}): MotherEntity =>
  ({
    id: 'm1',
    userId: 'u1',
    name: '王丽',
    regionCode: '371002',
    birthDate: null,
    registeredUnemployedSince: null,
    employmentDifficulty: false,
    olderInDifficulty: false,
    outOfPoverty: false,
    homeLat: 37.47,
    homeLng: 122.22,
    schoolLat: AT.lat,
    schoolLng: AT.lng,
    availableWindows: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '08:30', end: '15:30' })),
    desiredHourly: 20,
    wantedModes: [],
    wantedTypes: [],
    skills: [],
    children: [{ id: 'c1', motherId: 'm1', birthYear: 2019, birthMonth: 3 }],
    ...overrides,
  }) as MotherEntity;

function setup(repo: ScriptedRepository, mothers: MotherEntity[] = []) {
  const mothersRepo = { findById: async (id: string) => mothers.find((m) => m.id === id) ?? null } as unknown as MothersRepository;
  const regions = {
    findByCode: async (code: string) => (code === '371002' ? { code, name: '环翠区', centerLat: 37.5015, centerLng: 122.1235 } : null),
  } as unknown as RegionsRepository;
  return new SearchService(repo as unknown as SearchRepository, mothersRepo, regions, new FixedClock(NOW));
}

const asMother: Principal = { userId: 'u1', displayName: '王丽', motherId: 'm1', grants: [{ role: 'mother', employerId: null, stationId: null, regionCode: null }] };
const query = (q: Partial<SearchQueryDto> = {}): SearchQueryDto => ({ lat: AT.lat, lng: AT.lng, ...q }) as SearchQueryDto;

describe('spreadEmployers', () => {
  const item = (employerId: string, tier = 0) => ({ post: { employerId }, tier });

  it('keeps at most 3 of one employer on a page and moves the rest to the head of the next page', () => {
    const ranked = [...Array.from({ length: 6 }, () => item('big')), ...Array.from({ length: 20 }, (_, i) => item(`e${i}`))];
    const out = spreadEmployers(ranked, (x) => x.tier, 10, 3).map((x) => x.post.employerId);
    expect(out.slice(0, 10)).toEqual(['big', 'big', 'big', 'e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(out.slice(10, 13)).toEqual(['big', 'big', 'big']);
    expect(out).toHaveLength(26);
  });

  it('lets the cap give way when only one employer is left, rather than leaving a page short', () => {
    const out = spreadEmployers(Array.from({ length: 5 }, () => item('only')), (x) => x.tier, 10, 3);
    expect(out).toHaveLength(5);
  });

  it('never lifts a later tier above an earlier one to honour the cap', () => {
    const ranked = [item('a'), item('a'), item('a'), item('a'), item('b', 2), item('c', 2)];
    expect(spreadEmployers(ranked, (x) => x.tier, 10, 3).map((x) => `${x.post.employerId}${x.tier}`)).toEqual(['a0', 'a0', 'a0', 'a0', 'b2', 'c2']);
  });
});

describe('SearchService', () => {
  it('ranks by match, lists full posts below open ones, and leaves posts beyond the radius out', async () => {
    const good = post({ distanceKm: 2, modes: ['flexible_leave'] });
    const near = post({ distanceKm: 0.3, hourlyMin: 15, hourlyMax: 15, windows: [{ day: 6, start: '18:00', end: '22:00' }] });
    const full = post({ distanceKm: 0.1, status: 'filled', filledCount: 3 });
    const far = post({ distanceKm: 12 });
    const repo = new ScriptedRepository()
      .near([good, near, full, far], (q) => expect(q).toMatchObject({ lat: AT.lat, lng: AT.lng, limit: windowForPage(1), now: NOW }))
      .near([], (q) => expect(q.filters.anywhereKinds).toBe(true))
      .unlocated([]);
    const r = await setup(repo, [mother()]).search(query(), asMother);
    expect(r.items.map((i) => i.post.id)).toEqual([good.id, near.id, full.id]);
    expect(r.items[0]?.score).toBeGreaterThan(r.items[1]?.score ?? 100);
    expect(r.items[2]).toMatchObject({ score: 0, reasons: ['名额已满'], post: { openPlaces: 0 } });
    repo.assertDone();
  });

  it.each([
    ['distance', (i: { distanceKm: number | null }) => i.distanceKm, [0.5, 1, 3, null]],
    ['pay', (i: { hourly: { max: number | null } }) => i.hourly.max, [40, 30, 20, null]],
  ] as const)('sorts by %s (posts without the figure last)', async (sort, key, expected) => {
    const rows = [
      post({ distanceKm: 3, hourlyMax: 40, hourlyMin: 40 }),
      post({ distanceKm: 0.5, hourlyMax: 20, hourlyMin: 20 }),
      post({ distanceKm: 1, hourlyMax: 30, hourlyMin: 30 }),
    ];
    const ownIncome = post({ remote: true, lat: null, lng: null, distanceKm: null, payBasis: 'own_income', hourlyMin: null, hourlyMax: null, type: 'startup' });
    const repo = new ScriptedRepository().near(rows).near([]).unlocated([ownIncome]);
    const r = await setup(repo).search(query({ sort }), null);
    // The own-income post has neither figure, and as a remote post with no place it is listed
    // after the posts inside the radius whatever the sort.
    expect(r.items.map((i) => (key as (x: unknown) => unknown)(i))).toEqual(expected);
  });

  it('does not fetch remote or take-home posts beyond the radius while the radius has more matching posts', async () => {
    const rows = Array.from({ length: windowForPage(1) }, (_, i) => post({ distanceKm: 0.1 + i * 0.1 }));
    const repo = new ScriptedRepository().near(rows);
    const r = await setup(repo).search(query(), null);
    expect(r.items).toHaveLength(20);
    expect(r.hasMore).toBe(true);
    repo.assertDone();
  });

  it('fetches remote and take-home posts beyond the radius only for a page the open posts inside do not fill', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => post({ distanceKm: 0.1 + i * 0.1 }));
    const page1 = new ScriptedRepository().near(rows);
    const first = await setup(page1).search(query(), null);
    expect(first).toMatchObject({ hasMore: true });
    expect(first.items).toHaveLength(20);
    page1.assertDone();
    const remote = post({ remote: true, lat: null, lng: null, distanceKm: null });
    const page2 = new ScriptedRepository().near(rows).near([]).unlocated([remote]);
    const second = await setup(page2).search(query({ page: 2 }), null);
    expect(second.items.map((i) => i.post.id)).toEqual([...rows.slice(20).map((r) => r.id), remote.id]);
    expect(second.hasMore).toBe(false);
    page2.assertDone();
  });

  it('holds full posts back while open posts beyond the window may exist', async () => {
    const full = post({ distanceKm: 0.05, status: 'filled', filledCount: 3 });
    const rows = [full, ...Array.from({ length: windowForPage(1) - 1 }, (_, i) => post({ distanceKm: 0.1 + i * 0.1 }))];
    const repo = new ScriptedRepository().near(rows);
    const r = await setup(repo).search(query({ sort: 'distance' }), null);
    expect(r.items.map((i) => i.post.id)).not.toContain(full.id);
  });

  it('pages with a wider window and never repeats a post of an earlier page', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => post({ distanceKm: 0.1 + i * 0.1, hourlyMax: 20 + (i % 7), hourlyMin: 20 }));
    const repo = new ScriptedRepository().near(rows, (q) => expect(q.limit).toBe(windowForPage(2))).near([]).unlocated([]);
    const page2 = await setup(repo).search(query({ page: 2, sort: 'pay' }), null);
    const repo1 = new ScriptedRepository().near(rows);
    const page1 = await setup(repo1).search(query({ page: 1, sort: 'pay' }), null);
    const shown = new Set(page1.items.map((i) => i.post.id));
    expect(page2.items.some((i) => shown.has(i.post.id))).toBe(false);
    expect(page2.items).toHaveLength(20);
    expect(page2.hasMore).toBe(true);
  });

  it('fitsMyHours keeps flexible posts and those at least 80 % in her free time', async () => {
    const fits = post({ distanceKm: 1 });
    const flexible = post({ distanceKm: 2, flexibleHours: true, windows: [] });
    // 9:00-16:00 on weekdays: 6.5 of 7 hours are in her 8:30-15:30 (93 %).
    const mostly = post({ distanceKm: 3, windows: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '09:00', end: '16:00' })) });
    // 13:00-17:00: 2.5 of 4 hours (62 %).
    const partly = post({ distanceKm: 4, windows: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '13:00', end: '17:00' })) });
    const evenings = post({ distanceKm: 5, windows: [{ day: 1, start: '19:00', end: '21:00' }] });
    const repo = new ScriptedRepository().near([fits, flexible, mostly, partly, evenings]).near([]).unlocated([]);
    const r = await setup(repo, [mother()]).search(query({ fitsMyHours: true, sort: 'distance' }), asMother);
    expect(r.items.map((i) => i.post.id)).toEqual([fits.id, flexible.id, mostly.id]);
  });

  it('fitsMyHours and from= need a signed-in mother with the data they use', async () => {
    const service = setup(new ScriptedRepository(), [mother({ availableWindows: [] }), mother({ id: 'm2', schoolLat: null, schoolLng: null })]);
    await expect(service.search(query({ fitsMyHours: true }), null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(service.search(query({ fitsMyHours: true }), asMother)).rejects.toMatchObject({ code: 'SEARCH_PROFILE_INCOMPLETE' });
    const stranger: Principal = { ...asMother, motherId: null, grants: [] };
    await expect(service.search(query({ lat: undefined, lng: undefined, from: 'home' }), stranger)).rejects.toMatchObject({ code: 'SEARCH_PROFILE_REQUIRED' });
    await expect(service.search(query({ lat: undefined, lng: undefined, from: 'school' }), { ...asMother, motherId: 'm2' })).rejects.toMatchObject({
      code: 'SEARCH_PROFILE_INCOMPLETE',
    });
  });

  it('searches remote work with no distance limit when asked, including posts with no place', async () => {
    const located = post({ remote: true, distanceKm: 80 });
    const unlocated = post({ remote: true, lat: null, lng: null, distanceKm: null });
    const repo = new ScriptedRepository()
      .near([located], (q) => expect(q.filters.remote).toBe(true))
      .unlocated([unlocated], (q) => expect(q).toMatchObject({ filters: { remote: true }, takeHomeRegionLike: '3710%' }));
    const r = await setup(repo, [mother()]).search(query({ remote: true, radiusKm: 5 }), asMother);
    expect(r.items.map((i) => i.post.id).sort()).toEqual([located.id, unlocated.id].sort());
    expect(r.items.every((i) => i.reasons.includes('线上工作，在家就能做'))).toBe(true);
    repo.assertDone();
  });

  it('recommends from her home, else her school, else her region’s centre, with her stage in the reasons', async () => {
    const rows = [post({ distanceKm: 1, stage: 'settled_work' })];
    const seen: NearQuery[] = [];
    const repo = new ScriptedRepository()
      .near(rows, (q) => seen.push(q))
      .near([])
      .unlocated([])
      .near(rows, (q) => seen.push(q))
      .near([])
      .unlocated([]);
    const service = setup(repo);
    const page = await service.recommendFor(mother());
    expect(page.items[0]?.match.reasons).toContain('适合孩子6-12岁的妈妈（安心工作型）');
    await service.recommendFor(mother({ homeLat: null, homeLng: null, schoolLat: null, schoolLng: null }));
    expect(seen.map((q) => [q.lat, q.lng])).toEqual([
      [37.47, 122.22],
      [37.5015, 122.1235],
    ]);
  });
});
