/**
 * Ranking posts for a mother. Weihai (measure 8) matches by distance and pay; a mother also
 * needs hours that fit nursery and school, work she can take home, a post meant for her
 * child's stage, and real protection. The score is a weighted sum, deterministic, so the API
 * can sort by it and show the reasons behind it.
 *
 * Weights (points out of 100):
 *   distance 25 · schedule 25 · pay 20 · stage 10 · working modes 10 · protections 10
 *   (labour contract 3, social insurance 3, mother-and-baby room 2, shuttle bus 2).
 * A component with no data scores half its weight, so missing data neither buries nor lifts a post.
 */
import { CHILDCARE_STAGES, ChildcareStage, WorkingMode } from './catalogue';

export interface GeoPoint {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const MATCH_WEIGHTS = {
  distance: 25,
  schedule: 25,
  pay: 20,
  stage: 10,
  modes: 10,
  labourContract: 3,
  socialInsurance: 3,
  motherBabyRoom: 2,
  shuttle: 2,
} as const;

/** Full distance points within this radius: a walk or a short ride from home. */
export const NEAR_KM = 1;
/** No distance points beyond this: too far to fetch a child from school in time. */
export const FAR_KM = 15;
/** Reference pay when she has not said what she wants, yuan per hour. */
export const DEFAULT_REFERENCE_HOURLY = 25;

export interface MatchInput {
  distanceKm?: number;
  remote?: boolean;
  takeHome?: boolean;
  /**
   * Hourly equivalents (see pay.hourlyEquivalent). Omitted when pay has none (her own start-up,
   * `own_income`): half the weight, and the reason says so.
   */
  hourlyMin?: number;
  hourlyMax?: number;
  desiredHourly?: number;
  /**
   * Share of the post's hours inside her free time, 0..1 (see schedule.scheduleFit). Omitted
   * when her free time is unknown (a search without a profile): half the weight, and the reason
   * states the post's hours without claiming they suit her.
   */
  scheduleFit?: number;
  /** E.g. '9:00-15:00' for the reason text; flexible posts pass flexibleTime instead. */
  scheduleText?: string;
  flexibleTime?: boolean;
  /** The post's stage, or the stages its type suits. */
  postStage?: ChildcareStage | readonly ChildcareStage[];
  motherStage?: ChildcareStage;
  postModes: readonly WorkingMode[];
  wantedModes: readonly WorkingMode[];
  openPlaces: number;
  hasMotherBabyRoom?: boolean;
  hasShuttle?: boolean;
  labourContract?: boolean;
  socialInsurance?: boolean;
}

export interface MatchBreakdown {
  distance: number;
  schedule: number;
  pay: number;
  stage: number;
  modes: number;
  protections: number;
}

export interface MatchScore {
  /** 0..100, one decimal. */
  score: number;
  reasons: string[];
  breakdown: MatchBreakdown;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function money(x: number): string {
  const r = Math.round(x);
  return Math.abs(x - r) < 0.05 ? String(r) : x.toFixed(1);
}

function distancePart(input: MatchInput, reasons: string[]): number {
  const w = MATCH_WEIGHTS.distance;
  if (input.remote) {
    reasons.push('线上工作，在家就能做');
    return w;
  }
  const d = input.distanceKm;
  const near = d === undefined || !Number.isFinite(d) ? 0.5 : clamp01(1 - (Math.max(0, d) - NEAR_KM) / (FAR_KM - NEAR_KM));
  if (d !== undefined && Number.isFinite(d)) reasons.push(d > FAR_KM ? `距您${d.toFixed(1)}公里，较远` : `距您${d.toFixed(1)}公里`);
  if (input.takeHome) {
    reasons.push('可带回家做');
    // She still fetches material and returns the work, so distance keeps half its weight.
    return w * (0.5 + 0.5 * near);
  }
  return w * near;
}

function schedulePart(input: MatchInput, reasons: string[]): number {
  if (input.scheduleFit === undefined && !input.flexibleTime) {
    if (input.scheduleText) reasons.push(`工作时间${input.scheduleText}`);
    return MATCH_WEIGHTS.schedule / 2;
  }
  const fit = clamp01(input.scheduleFit ?? 1);
  if (input.flexibleTime) reasons.push('时间灵活，方便照顾孩子');
  else if (fit >= 0.999) reasons.push(input.scheduleText ? `${input.scheduleText}，方便接送孩子` : '工作时间都在您方便的时间内');
  else if (fit > 0) reasons.push(`约${Math.round(fit * 100)}%的工作时间在您方便的时间内`);
  else reasons.push('工作时间与您方便的时间不重合');
  return MATCH_WEIGHTS.schedule * (input.flexibleTime ? 1 : fit);
}

function payPart(input: MatchInput, reasons: string[]): number {
  if (input.hourlyMin === undefined || !Number.isFinite(input.hourlyMin)) {
    reasons.push('自主创收，收入不按时薪计算');
    return MATCH_WEIGHTS.pay / 2;
  }
  const min = Math.max(0, input.hourlyMin);
  const max = Math.max(min, input.hourlyMax ?? min);
  const mid = (min + max) / 2;
  const text = money(min) === money(max) ? `时薪约${money(min)}元` : `时薪约${money(min)}-${money(max)}元`;
  const desired = input.desiredHourly;
  if (desired !== undefined && desired > 0) {
    if (min > desired) reasons.push(`${text}，高于您的期望`);
    else if (max >= desired) reasons.push(`${text}，符合您的期望`);
    else reasons.push(`${text}，低于您的期望（${money(desired)}元）`);
  } else {
    reasons.push(text);
  }
  // Half the reference earns nothing, the reference or more earns full points.
  const reference = desired !== undefined && desired > 0 ? desired : DEFAULT_REFERENCE_HOURLY;
  return MATCH_WEIGHTS.pay * clamp01((mid / reference - 0.5) / 0.5);
}

function stagePart(input: MatchInput, reasons: string[]): number {
  const w = MATCH_WEIGHTS.stage;
  const post = input.postStage === undefined ? [] : typeof input.postStage === 'string' ? [input.postStage] : [...input.postStage];
  if (post.length === 0 || input.motherStage === undefined) return w / 2;
  if (post.includes(input.motherStage)) {
    const s = CHILDCARE_STAGES[input.motherStage];
    reasons.push(`适合孩子${s.ageText}的妈妈（${s.label}）`);
    return w;
  }
  return 0;
}

/** Said the way a mother would: what the mode lets her do. */
const MODE_REASONS: Record<WorkingMode, string> = {
  flexible_leave: '可按需请假',
  mom_shift: '可自选上班时段',
  take_home: '可带回家做',
  new_economy: '新业态岗位（电商、直播、文创等）',
};

function modesPart(input: MatchInput, reasons: string[]): number {
  const w = MATCH_WEIGHTS.modes;
  for (const m of input.postModes) {
    // take_home already gave its reason with distance.
    if (m === 'take_home' && input.takeHome) continue;
    reasons.push(MODE_REASONS[m]);
  }
  const wanted = [...new Set(input.wantedModes)];
  if (wanted.length === 0) return w / 2;
  const hit = wanted.filter((m) => input.postModes.includes(m) || (m === 'take_home' && input.takeHome)).length;
  return (w * hit) / wanted.length;
}

function protectionsPart(input: MatchInput, reasons: string[]): number {
  let points = 0;
  if (input.labourContract) {
    points += MATCH_WEIGHTS.labourContract;
    reasons.push('签劳动合同');
  }
  if (input.socialInsurance) {
    points += MATCH_WEIGHTS.socialInsurance;
    reasons.push('缴纳社保');
  }
  if (input.hasMotherBabyRoom) {
    points += MATCH_WEIGHTS.motherBabyRoom;
    reasons.push('有母婴室');
  }
  if (input.hasShuttle) {
    points += MATCH_WEIGHTS.shuttle;
    reasons.push('有妈妈班车');
  }
  return points;
}

export function scoreMatch(input: MatchInput): MatchScore {
  if (input.openPlaces <= 0) {
    return { score: 0, reasons: ['名额已满'], breakdown: { distance: 0, schedule: 0, pay: 0, stage: 0, modes: 0, protections: 0 } };
  }
  const reasons: string[] = [];
  const breakdown: MatchBreakdown = {
    distance: round1(distancePart(input, reasons)),
    schedule: round1(schedulePart(input, reasons)),
    pay: round1(payPart(input, reasons)),
    stage: round1(stagePart(input, reasons)),
    modes: round1(modesPart(input, reasons)),
    protections: round1(protectionsPart(input, reasons)),
  };
  const score = round1(Object.values(breakdown).reduce((a, b) => a + b, 0));
  return { score: Math.min(100, score), reasons, breakdown };
}
