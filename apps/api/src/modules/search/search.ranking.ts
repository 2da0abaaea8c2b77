import {
  POST_TYPES,
  type ChildcareStage,
  type MatchScore,
  type PostTypeCode,
  type WeeklyWindow,
  type WorkingMode,
  formatWindows,
  isPostTypeCode,
  isWorkingMode,
  scheduleFit,
  scoreMatch,
} from '@mamagang/domain';
import type { PostCandidate } from './search.repository';

/** Results per page. */
export const PAGE_SIZE = 20;
/** Posts of one employer on one page, at most (the rest move down): attention is spread. */
export const MAX_PER_EMPLOYER_PER_PAGE = 3;
/**
 * Candidates ranked for page p: the nearest (p + 1) pages' worth plus one (to tell whether more
 * exist). Page 1 ranks the 41 nearest matching posts; each later page widens the window, and
 * posts already shown on earlier pages are left out (see SearchService), so pages never repeat.
 */
export function windowForPage(page: number): number {
  return (page + 1) * PAGE_SIZE + 1;
}

/** Share of a post's hours that must fall in her free time for `fitsMyHours`. */
export const FITS_MY_HOURS_MIN = 0.8;

export type SortOrder = 'match' | 'distance' | 'pay';

/** Who is searching, as far as ranking is concerned; all unknown for an anonymous search. */
export interface Seeker {
  stage?: ChildcareStage;
  /** Her free time; undefined when she has not said (then no post "fits" or "clashes"). */
  windows?: readonly WeeklyWindow[];
  desiredHourly?: number;
  wantedModes: readonly WorkingMode[];
}

export const ANONYMOUS: Seeker = { wantedModes: [] };

export interface Ranked {
  post: PostCandidate;
  openPlaces: number;
  /** Share of the post's hours in her free time; 1 for flexible posts; null when unknown. */
  fit: number | null;
  match: MatchScore;
  /** A remote or take-home post outside the radius, listed after the ones inside it. */
  beyondRadius: boolean;
}

export function openPlaces(post: Pick<PostCandidate, 'status' | 'headcount' | 'filledCount'>): number {
  return post.status === 'open' ? Math.max(0, post.headcount - post.filledCount) : 0;
}

/**
 * Schedules repeat (most posts are "weekdays 9:00-15:00" and a few others), and parsing and
 * formatting them is most of the CPU a search spends after the database: results are memoised
 * per distinct schedule, in a map that starts over when it grows past MEMO_LIMIT entries.
 */
const MEMO_LIMIT = 5_000;

export function memoised<V>(compute: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit as V;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}

/** A stable key of a list of windows, e.g. '1 09:00 15:00;2 09:00 15:00'. */
export function windowsKey(windows: readonly WeeklyWindow[]): string {
  let key = '';
  for (const w of windows) key += `${w.day} ${w.start} ${w.end};`;
  return key;
}

/** The windows of a windowsKey. */
export function windowsFromKey(key: string): WeeklyWindow[] {
  return key
    .split(';')
    .filter((part) => part !== '')
    .map((part) => {
      const [day, start, end] = part.split(' ');
      return { day: Number(day) as WeeklyWindow['day'], start: start ?? '', end: end ?? '' };
    });
}

const fitMemo = memoised((key): number | null => {
  const [post, mother] = key.split('|');
  try {
    return scheduleFit(windowsFromKey(post ?? ''), windowsFromKey(mother ?? '')).fit;
  } catch {
    // A stored window the domain refuses (written around the API): treat its fit as unknown.
    return null;
  }
});

const textMemo = memoised((key): string | undefined => {
  try {
    return formatWindows(windowsFromKey(key));
  } catch {
    return undefined;
  }
});

/** Her fit with the post's hours, or null when either side is unknown or malformed. */
export function fitOf(post: Pick<PostCandidate, 'flexibleHours' | 'windows'>, seeker: Seeker, seekerKey?: string): number | null {
  if (post.flexibleHours) return 1;
  if (seeker.windows === undefined || post.windows.length === 0) return null;
  return fitMemo(`${windowsKey(post.windows)}|${seekerKey ?? windowsKey(seeker.windows)}`);
}

/** domain formatWindows, memoised; undefined for windows the domain refuses. */
export function windowsText(windows: readonly WeeklyWindow[]): string | undefined {
  return textMemo(windowsKey(windows));
}

export function fitsHours(r: Pick<Ranked, 'fit'>): boolean {
  return r.fit !== null && r.fit >= FITS_MY_HOURS_MIN;
}

function scheduleLabel(post: PostCandidate): string | undefined {
  return post.flexibleHours || post.windows.length === 0 ? undefined : windowsText(post.windows);
}

/**
 * Scores one candidate with the domain's matching rules (domain scoreMatch). `seekerKey` is
 * windowsKey(seeker.windows), computed once per search rather than once per post.
 */
export function rank(post: PostCandidate, seeker: Seeker, beyondRadius: boolean, seekerKey?: string): Ranked {
  const places = openPlaces(post);
  const fit = fitOf(post, seeker, seekerKey);
  const type = isPostTypeCode(post.type) ? POST_TYPES[post.type as PostTypeCode] : undefined;
  const match = scoreMatch({
    distanceKm: post.distanceKm ?? undefined,
    remote: post.remote,
    takeHome: post.takeHome,
    hourlyMin: post.hourlyMin ?? undefined,
    hourlyMax: post.hourlyMax ?? undefined,
    desiredHourly: seeker.desiredHourly,
    scheduleFit: post.flexibleHours ? 1 : (fit ?? undefined),
    scheduleText: scheduleLabel(post),
    flexibleTime: post.flexibleHours,
    postStage: (post.stage as ChildcareStage | null) ?? type?.suitedStages,
    motherStage: seeker.stage,
    postModes: post.modes.filter(isWorkingMode),
    wantedModes: seeker.wantedModes,
    openPlaces: places,
    hasMotherBabyRoom: post.hasMotherBabyRoom,
    hasShuttle: post.hasShuttleBus,
    labourContract: post.contractForm === 'labour_contract',
    socialInsurance: post.insurance === 'social',
  });
  return { post, openPlaces: places, fit, match, beyondRadius };
}

/**
 * Listing tiers, never mixed: open posts inside the radius, then open remote/take-home posts
 * beyond it, then full posts (inside, then beyond). Within a tier the chosen sort decides.
 */
export function tierOf(r: Pick<Ranked, 'openPlaces' | 'beyondRadius'>): number {
  return (r.openPlaces > 0 ? 0 : 2) + (r.beyondRadius ? 1 : 0);
}

function nullsLast(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a - b) * direction;
}

export function compareRanked(sort: SortOrder): (a: Ranked, b: Ranked) => number {
  const byKey = (a: Ranked, b: Ranked): number => {
    switch (sort) {
      case 'distance':
        return nullsLast(a.post.distanceKm, b.post.distanceKm, 1);
      case 'pay':
        return nullsLast(a.post.hourlyMax, b.post.hourlyMax, -1) || nullsLast(a.post.hourlyMin, b.post.hourlyMin, -1);
      default:
        return b.match.score - a.match.score;
    }
  };
  return (a, b) =>
    tierOf(a) - tierOf(b) ||
    byKey(a, b) ||
    // Ties: the nearer post, then a stable order.
    nullsLast(a.post.distanceKm, b.post.distanceKm, 1) ||
    (a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0);
}

/**
 * Spreads attention across employers: walking the ranked list, each position takes the best
 * remaining post of the current tier whose employer has fewer than `maxPerEmployer` posts on
 * this page; a post pushed out this way heads the queue for the next page. When only capped
 * employers are left in the tier, the cap gives way (a page is never left short for it). Tiers
 * stay in order: spreading never lifts a full post above an open one.
 */
export function spreadEmployers<T extends { post: { employerId: string } }>(
  ranked: readonly T[],
  tier: (item: T) => number,
  pageSize: number = PAGE_SIZE,
  maxPerEmployer: number = MAX_PER_EMPLOYER_PER_PAGE,
): T[] {
  const out: T[] = [];
  // Posts of each employer on the page being filled; starts over with every page.
  let onPage = new Map<string, number>();
  let i = 0;
  while (i < ranked.length) {
    const first = ranked[i] as T;
    let end = i;
    while (end < ranked.length && tier(ranked[end] as T) === tier(first)) end++;
    const queue = ranked.slice(i, end);
    while (queue.length > 0) {
      if (out.length % pageSize === 0) onPage = new Map();
      const eligible = queue.findIndex((item) => (onPage.get(item.post.employerId) ?? 0) < maxPerEmployer);
      const [next] = queue.splice(eligible === -1 ? 0 : eligible, 1) as [T];
      onPage.set(next.post.employerId, (onPage.get(next.post.employerId) ?? 0) + 1);
      out.push(next);
    }
    i = end;
  }
  return out;
}
