import { POST_TYPES, POST_TYPE_CODES, type PostTypeCode, type WeeklyWindow, hoursPerWeek } from '@mamagang/domain';

/**
 * The synthetic province of the benchmark: Shandong's 16 prefecture-level cities, weighted by
 * population (7th census, millions, rounded), with the seat of government as the centre.
 * Coordinates are approximate (about 1 km): the benchmark needs realistic density, not a map.
 */
export interface BenchCity {
  code: string;
  name: string;
  lat: number;
  lng: number;
  /** Relative share of posts, employers and mothers. */
  weight: number;
}

export const SHANDONG_CITIES: readonly BenchCity[] = [
  { code: '370100', name: '济南市', lat: 36.6512, lng: 117.1201, weight: 9.2 },
  { code: '370200', name: '青岛市', lat: 36.0671, lng: 120.3826, weight: 10.1 },
  { code: '370300', name: '淄博市', lat: 36.8131, lng: 118.0548, weight: 4.7 },
  { code: '370400', name: '枣庄市', lat: 34.8107, lng: 117.3237, weight: 3.9 },
  { code: '370500', name: '东营市', lat: 37.4346, lng: 118.6747, weight: 2.2 },
  { code: '370600', name: '烟台市', lat: 37.4638, lng: 121.4479, weight: 7.1 },
  { code: '370700', name: '潍坊市', lat: 36.7069, lng: 119.1618, weight: 9.4 },
  { code: '370800', name: '济宁市', lat: 35.4154, lng: 116.5871, weight: 8.4 },
  { code: '370900', name: '泰安市', lat: 36.2, lng: 117.088, weight: 5.5 },
  { code: '371000', name: '威海市', lat: 37.5131, lng: 122.1201, weight: 2.9 },
  { code: '371100', name: '日照市', lat: 35.4164, lng: 119.5269, weight: 3.0 },
  { code: '371300', name: '临沂市', lat: 35.1047, lng: 118.3564, weight: 11.0 },
  { code: '371400', name: '德州市', lat: 37.4355, lng: 116.3575, weight: 5.6 },
  { code: '371500', name: '聊城市', lat: 36.457, lng: 115.9854, weight: 6.0 },
  { code: '371600', name: '滨州市', lat: 37.3835, lng: 117.9707, weight: 3.9 },
  { code: '371700', name: '菏泽市', lat: 35.2333, lng: 115.4807, weight: 8.8 },
];

/**
 * Spread around a city centre: a mixture of a dense core and a wide hinterland, so the
 * benchmark meets both a crowded downtown (thousands of posts within 10 km) and sparse
 * county towns. Standard deviations in km.
 */
export const SPREAD = { coreShare: 0.65, coreSigmaKm: 5, wideSigmaKm: 22 } as const;

/**
 * How common each post type is, per mille before normalising. Skewed on purpose: the rural
 * public-welfare type is about 0.1 % of posts, the rarest filter the benchmark times.
 */
export const TYPE_WEIGHTS: Readonly<Record<PostTypeCode, number>> = {
  production_line: 140,
  short_term: 50,
  sales: 60,
  childcare_backed: 40,
  remote_online: 70,
  project_based: 40,
  domestic_service: 110,
  family_friendly: 70,
  handicraft: 60,
  volunteer: 30,
  school_canteen: 50,
  platform_economy: 80,
  startup: 20,
  public_welfare_urban: 25,
  public_welfare_rural: 1,
  stage_full_companion: 40,
  stage_flexible_balance: 60,
  stage_settled_work: 94,
};

/** Share of posts of a type that are remote work, and of those how many have no place at all. */
export const REMOTE_SHARE: Partial<Record<PostTypeCode, number>> = { remote_online: 0.9, project_based: 0.8, platform_economy: 0.3, stage_full_companion: 0.5 };
export const UNLOCATED_REMOTE_SHARE = 0.5;
/** Share of posts of a type whose work can be taken home. */
export const TAKE_HOME_SHARE: Partial<Record<PostTypeCode, number>> = { handicraft: 0.85, project_based: 0.2, family_friendly: 0.05 };

/** Weekly schedules posts use, with their weight; index 0 is "flexible hours". */
export interface SchedulePattern {
  flexible: boolean;
  windows: WeeklyWindow[];
  hoursPerWeek: number;
  weight: number;
}

function weekdays(start: string, end: string): WeeklyWindow[] {
  return ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));
}

function pattern(windows: WeeklyWindow[], weight: number): SchedulePattern {
  return { flexible: false, windows, hoursPerWeek: hoursPerWeek(windows), weight };
}

export const SCHEDULE_PATTERNS: readonly SchedulePattern[] = [
  { flexible: true, windows: [], hoursPerWeek: 20, weight: 25 },
  pattern(weekdays('09:00', '15:00'), 20),
  pattern(weekdays('08:30', '11:30'), 10),
  pattern(weekdays('13:00', '17:00'), 10),
  pattern(weekdays('08:30', '15:30'), 15),
  pattern(
    [
      { day: 1, start: '09:00', end: '12:00' },
      { day: 3, start: '09:00', end: '12:00' },
      { day: 5, start: '09:00', end: '12:00' },
    ],
    8,
  ),
  pattern(
    [
      { day: 6, start: '09:00', end: '17:00' },
      { day: 7, start: '09:00', end: '17:00' },
    ],
    7,
  ),
  pattern(weekdays('18:30', '21:00'), 5),
];

/** Free time mothers state: school-day windows of the three stages and a few others. */
export const MOTHER_WINDOW_PATTERNS: readonly WeeklyWindow[][] = [
  weekdays('09:00', '15:00'),
  weekdays('08:30', '15:30'),
  weekdays('09:00', '11:30'),
  weekdays('13:00', '16:00'),
  [...weekdays('09:00', '15:00'), { day: 6, start: '09:00', end: '17:00' }],
  [],
];

/** The catalogue as the generator needs it: one row per type. */
export interface BenchTypeRow {
  code: PostTypeCode;
  label: string;
  weight: number;
  stage: string | null;
  payBasis: string;
  insurance: string;
  contractForm: string;
  employerKinds: readonly string[];
  remoteShare: number;
  takeHomeShare: number;
}

export function benchTypes(): BenchTypeRow[] {
  return POST_TYPE_CODES.map((code) => {
    const t = POST_TYPES[code];
    return {
      code,
      label: t.label,
      weight: TYPE_WEIGHTS[code],
      stage: t.stage ?? (t.suitedStages.length === 1 ? (t.suitedStages[0] ?? null) : null),
      payBasis: t.payBases[0] ?? 'hourly',
      insurance: t.insuranceKinds[0] ?? 'commercial',
      contractForm: t.contractForms[0] ?? 'service_agreement',
      employerKinds: t.employerKinds,
      remoteShare: REMOTE_SHARE[code] ?? 0,
      takeHomeShare: TAKE_HOME_SHARE[code] ?? 0,
    };
  });
}

/** Cumulative bounds [lo, hi) in 0..1 for picking by weight with one random number. */
export function cumulative<T extends { weight: number }>(rows: readonly T[]): (T & { lo: number; hi: number })[] {
  const total = rows.reduce((s, r) => s + r.weight, 0);
  let acc = 0;
  return rows.map((r, i) => {
    const lo = acc / total;
    acc += r.weight;
    // The last bound is exactly 1 so that no random number in [0, 1) falls outside.
    const hi = i === rows.length - 1 ? 1 : acc / total;
    return { ...r, lo, hi };
  });
}
