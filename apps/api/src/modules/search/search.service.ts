import { Injectable } from '@nestjs/common';
import {
  FAR_KM,
  POST_TYPES,
  POST_TYPE_CODES,
  WORKING_MODES,
  isWorkingMode,
  isoDateInChina,
  regionLikePattern,
  type ChildcareStage,
  type IsoDate,
  type PayBasis,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import type { MotherEntity } from '../mothers/mother.entity';
import { MothersRepository } from '../mothers/mothers.repository';
import { eligibilityOf } from '../mothers/mothers.service';
import { hourlyText, payText, scheduleText } from '../posts/dto/post.dto';
import { RegionsRepository } from '../regions/regions.repository';
import type { Principal } from '../users/principal';
import { DEFAULT_RADIUS_KM, MAX_PAGE, type SearchItemDto, type SearchQueryDto, type SearchResultDto } from './dto/search.dto';
import { SearchException } from './search.errors';
import {
  ANONYMOUS,
  PAGE_SIZE,
  compareRanked,
  fitsHours,
  rank,
  spreadEmployers,
  tierOf,
  windowForPage,
  memoised,
  windowsFromKey,
  windowsKey,
  type Ranked,
  type Seeker,
  type SortOrder,
} from './search.ranking';
import { SearchRepository, type PostCandidate, type SqlFilters } from './search.repository';

export interface SearchCriteria {
  point: { lat: number; lng: number };
  radiusKm: number;
  filters: SqlFilters;
  fitsMyHours: boolean;
  sort: SortOrder;
  page: number;
  /** Her city (LIKE pattern) for take-home posts that have no place; undefined when anonymous. */
  takeHomeRegionLike?: string;
}

/** A ranked post and its place in the list it was fetched in (nearest first, or newest first). */
type Placed = Ranked & { position: number };

export interface SearchPage {
  items: Ranked[];
  page: number;
  hasMore: boolean;
}

/** What ranking needs of a mother: her stage today, her free time, the pay and ways she wants. */
export function seekerOf(mother: MotherEntity, today: IsoDate): Seeker {
  const stage = eligibilityOf(mother, today).stage;
  return {
    stage: stage ?? undefined,
    windows: mother.availableWindows.length > 0 ? mother.availableWindows : undefined,
    desiredHourly: mother.desiredHourly ?? undefined,
    wantedModes: mother.wantedModes.filter(isWorkingMode),
  };
}

function cityPattern(regionCode: string): string {
  return regionLikePattern(`${regionCode.slice(0, 4)}00`);
}

/**
 * Picks page `page` of the ranked candidates. Each page k ranks the candidates within its window
 * (the windowForPage(k) nearest, or newest for posts with no place) that no earlier page showed,
 * so pages never repeat a post, and page 1 costs a window of 41 rather than the 221 of page 10.
 * Full posts, and remote/take-home posts beyond the radius, enter a page's pool only once every
 * open post inside the radius is known (`complete(k)`): then they are listed after the open ones.
 */
export function pickPage(candidates: readonly Placed[], sort: SortOrder, page: number, complete: (k: number) => boolean): SearchPage {
  const shown = new Set<string>();
  let items: Ranked[] = [];
  const order = compareRanked(sort);
  for (let k = 1; k <= page; k++) {
    const window = windowForPage(k);
    const all = complete(k);
    const pool = candidates.filter((c) => c.position < window && !shown.has(c.post.id) && (all || tierOf(c) === 0)).sort(order);
    items = spreadEmployers(pool, tierOf).slice(0, PAGE_SIZE);
    for (const item of items) shown.add(item.post.id);
  }
  const hasMore = page < MAX_PAGE && candidates.some((c) => !shown.has(c.post.id));
  return { items, page, hasMore };
}

@Injectable()
export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly mothers: MothersRepository,
    private readonly regions: RegionsRepository,
    private readonly clock: Clock,
  ) {}

  async search(q: SearchQueryDto, principal: Principal | null): Promise<SearchResultDto> {
    const needsProfile = q.from !== undefined || q.fitsMyHours === true;
    if (needsProfile && !principal) throw new CommonException('UNAUTHENTICATED', '请先登录，再按您的求职资料搜索');
    // A signed-in mother's profile personalises every search (stage, hours, pay, modes).
    const mother = principal?.motherId ? await this.mothers.findById(principal.motherId) : null;
    if (needsProfile && !mother) throw SearchException.profileRequired();
    if (q.fitsMyHours && mother && mother.availableWindows.length === 0) throw SearchException.noWindows();

    const point = this.pointOf(q, mother);
    const today = isoDateInChina(this.clock.now());
    const page = await this.find(
      {
        point,
        radiusKm: q.radiusKm ?? DEFAULT_RADIUS_KM,
        filters: filtersOf(q),
        fitsMyHours: q.fitsMyHours === true,
        sort: q.sort ?? 'match',
        page: q.page ?? 1,
        takeHomeRegionLike: mother ? cityPattern(mother.regionCode) : undefined,
      },
      mother ? seekerOf(mother, today) : ANONYMOUS,
    );
    return toResultDto(page);
  }

  async recommended(principal: Principal, pageNumber: number): Promise<SearchResultDto> {
    const mother = principal.motherId ? await this.mothers.findById(principal.motherId) : null;
    if (!mother) throw SearchException.profileRequired();
    return toResultDto(await this.recommendFor(mother, pageNumber));
  }

  /**
   * Her best posts: from her home (else her child's school, else her region's centre), within
   * FAR_KM (beyond it the domain gives no distance points: too far to fetch a child in time),
   * ranked by match with her stage, hours, pay and modes. Her preferences rank, they do not
   * filter: a recommendation list should not come back empty because one wish is strict.
   * Exported for other features (station workers' recommendations).
   */
  async recommendFor(mother: MotherEntity, pageNumber = 1): Promise<SearchPage> {
    const point = await this.homePointOf(mother);
    const today = isoDateInChina(this.clock.now());
    return this.find(
      { point, radiusKm: FAR_KM, filters: {}, fitsMyHours: false, sort: 'match', page: pageNumber, takeHomeRegionLike: cityPattern(mother.regionCode) },
      seekerOf(mother, today),
    );
  }

  /**
   * The search itself. Posts inside the radius come first. Remote and take-home posts have no
   * distance limit: asked for (`remote`/`takeHome`), they are searched nearest first with no
   * radius at all (those with no place, newest first); otherwise the ones beyond the radius are
   * added only when the radius holds no more matching posts (the page has room), below them.
   */
  async find(c: SearchCriteria, seeker: Seeker): Promise<SearchPage> {
    const now = this.clock.now();
    const limit = windowForPage(c.page);
    const seekerKey = seeker.windows ? windowsKey(seeker.windows) : undefined;
    const place = (posts: readonly PostCandidate[], beyondRadius: boolean): Placed[] =>
      posts.map((post, position) => ({ ...rank(post, seeker, beyondRadius, seekerKey), position }));
    const keep = (list: Placed[]) => (c.fitsMyHours ? list.filter(fitsHours) : list);

    if (c.filters.remote === true || c.filters.takeHome === true) {
      const [located, unlocated] = await Promise.all([
        this.repo.findNear({ ...c.point, filters: c.filters, now, limit }),
        this.repo.findUnlocated({ filters: c.filters, now, limit, takeHomeRegionLike: c.takeHomeRegionLike }),
      ]);
      const candidates = keep([...place(located, false), ...place(unlocated, false)]);
      return pickPage(candidates, c.sort, c.page, (k) => located.length < windowForPage(k) && unlocated.length < windowForPage(k));
    }

    const near = await this.repo.findNear({ ...c.point, filters: c.filters, now, limit });
    const inside = near.filter((p) => (p.distanceKm ?? Infinity) <= c.radiusKm);
    // Everything inside the radius is known when the scan ran past it or ran out of posts.
    const insideKnown = inside.length < near.length || near.length < limit;
    const local = keep(place(inside, false));
    // Beyond-radius posts come after every open post inside it, so this page can show one only
    // when the open posts inside do not fill the pages up to it; otherwise they are not fetched
    // (two queries saved). Fetched from one short of a full page on, so hasMore stays exact.
    const openInside = local.filter((r) => r.openPlaces > 0).length;
    let extras: Placed[] = [];
    if (insideKnown && openInside <= c.page * PAGE_SIZE) {
      const [beyond, unlocated] = await Promise.all([
        this.repo.findNear({ ...c.point, filters: { ...c.filters, anywhereKinds: true }, now, limit }),
        this.repo.findUnlocated({ filters: c.filters, now, limit, takeHomeRegionLike: c.takeHomeRegionLike }),
      ]);
      extras = keep([...place(beyond.filter((p) => (p.distanceKm ?? 0) > c.radiusKm), true), ...place(unlocated, true)]);
    }
    return pickPage([...local, ...extras], c.sort, c.page, (k) => insideKnown && inside.length < windowForPage(k));
  }

  private pointOf(q: SearchQueryDto, mother: MotherEntity | null): { lat: number; lng: number } {
    const hasPoint = q.lat !== undefined || q.lng !== undefined;
    if (hasPoint && q.from !== undefined) throw SearchException.locationConflict();
    if (hasPoint) {
      if (q.lat === undefined || q.lng === undefined) throw SearchException.locationRequired();
      return { lat: q.lat, lng: q.lng };
    }
    if (q.from === undefined || !mother) throw SearchException.locationRequired();
    if (q.from === 'home') {
      if (mother.homeLat === null || mother.homeLng === null) throw SearchException.noHome();
      return { lat: mother.homeLat, lng: mother.homeLng };
    }
    if (mother.schoolLat === null || mother.schoolLng === null) throw SearchException.noSchool();
    return { lat: mother.schoolLat, lng: mother.schoolLng };
  }

  private async homePointOf(mother: MotherEntity): Promise<{ lat: number; lng: number }> {
    if (mother.homeLat !== null && mother.homeLng !== null) return { lat: mother.homeLat, lng: mother.homeLng };
    if (mother.schoolLat !== null && mother.schoolLng !== null) return { lat: mother.schoolLat, lng: mother.schoolLng };
    const region = await this.regions.findByCode(mother.regionCode);
    if (!region) throw new Error(`mother ${mother.id} has an unknown region ${mother.regionCode}`);
    return { lat: region.centerLat, lng: region.centerLng };
  }
}

export function filtersOf(q: SearchQueryDto): SqlFilters {
  const stage = q.stage as ChildcareStage | undefined;
  return {
    type: q.type,
    // Posts tagged with the stage, or untagged posts of a type that suits it.
    stage: stage ? { code: stage, types: POST_TYPE_CODES.filter((t) => POST_TYPES[t].suitedStages.includes(stage)) } : undefined,
    minHourly: q.minHourly,
    modes: q.modes && q.modes.length > 0 ? q.modes : undefined,
    remote: q.remote === true ? true : undefined,
    takeHome: q.takeHome === true ? true : undefined,
  };
}

/** The posts module's schedule text (scheduleText), memoised per schedule like windowsText. */
const summaryScheduleText = memoised((key): string => {
  const [flexible, hours, windows] = key.split('|');
  try {
    return scheduleText({ flexibleHours: flexible === 'f', hoursPerWeek: Number(hours), windows: windowsFromKey(windows ?? '') });
  } catch {
    // Stored windows the domain refuses (written around the API).
    return '工作时间待定';
  }
});

function roundKm(km: number | null): number | null {
  return km === null ? null : Math.round(km * 10) / 10;
}

export function toSearchItem(r: Ranked): SearchItemDto {
  const p = r.post;
  const type = POST_TYPES[p.type as keyof typeof POST_TYPES];
  return {
    post: {
      id: p.id,
      title: p.title,
      employerName: p.employerName,
      friendly: p.employerFriendly,
      type: p.type,
      typeLabel: type?.label ?? p.type,
      stage: p.stage,
      payText: payText(p.payBasis as PayBasis, p.payMin, p.payMax),
      hourlyText: hourlyText(p.payBasis as PayBasis, p.hourlyMin, p.hourlyMax),
      scheduleText: summaryScheduleText(`${p.flexibleHours ? 'f' : 'x'}|${p.hoursPerWeek}|${windowsKey(p.windows)}`),
      modes: p.modes.map((code) => ({ code, label: isWorkingMode(code) ? WORKING_MODES[code].label : code })),
      remote: p.remote,
      takeHome: p.takeHome,
      openPlaces: r.openPlaces,
      facilities: { motherBabyRoom: p.hasMotherBabyRoom, shuttleBus: p.hasShuttleBus, childMayCome: p.childMayCome },
    },
    distanceKm: roundKm(p.distanceKm),
    hourly: { min: p.hourlyMin, max: p.hourlyMax },
    score: r.match.score,
    reasons: r.match.reasons,
  };
}

function toResultDto(page: SearchPage): SearchResultDto {
  return { items: page.items.map(toSearchItem), page: page.page, hasMore: page.hasMore };
}
