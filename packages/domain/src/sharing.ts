/**
 * Worker sharing (用工余缺调剂, 共享用工): an employer with slack (an off-season factory, a school
 * canteen in the holidays) offers workers for a period; an employer short of hands asks for
 * workers. An offer and a request are matched by region, period, skills and distance. A mother
 * is shared only with her own consent, and only on terms no worse than her own: the pay per
 * hour, the insurance and the contract protection may stay or rise, never fall.
 */
import { ContractForm, CONTRACT_FORM_LABELS, CONTRACT_PROTECTION_RANK, INSURANCE_KIND_LABELS, INSURANCE_PROTECTION_RANK, InsuranceKind } from './catalogue';
import { IsoDate, addDays, daysBetween } from './dates';
import { GeoPoint, haversineKm } from './matching';

export type SharingSide = 'offer' | 'request';

export const SHARING_SIDE_LABELS: Record<SharingSide, string> = {
  offer: '富余用工（可调出）',
  request: '短缺用工（需调入）',
};

export const SHARING_LIMITS = {
  maxWorkers: 500,
  /** Sharing is for a season, not a transfer: at most a year. */
  maxDays: 366,
  maxSkills: 20,
  /** Beyond this distance the workers could not commute; the match is refused. */
  maxKm: 60,
  /** Within this distance the distance costs nothing. */
  nearKm: 5,
} as const;

/** Points out of 100: period 40 · skills 40 · distance 20. */
export const SHARING_WEIGHTS = { period: 40, skills: 40, distance: 20 } as const;

export interface SharingListingInput {
  /** The employer's region (district code); matches stay within one city. */
  regionCode: string;
  from: IsoDate;
  to: IsoDate;
  skills: readonly string[];
  location: GeoPoint | null;
  workers: number;
}

export type SharingBlocker = 'DIFFERENT_CITY' | 'NO_OVERLAP' | 'NO_SHARED_SKILL' | 'TOO_FAR';

export interface SharingMatch {
  matched: boolean;
  /** 0-100, deterministic; 0 when not matched. */
  score: number;
  blockers: SharingBlocker[];
  overlap: { from: IsoDate; to: IsoDate; days: number } | null;
  sharedSkills: string[];
  distanceKm: number | null;
  /** How many workers the pair could move: the smaller of the two numbers. */
  workers: number;
  /** Chinese, for both employers. */
  reasons: string[];
}

/** The city of a district or city code (`371002` → `3710`); a province-level code has none. */
function cityPrefix(code: string): string | null {
  if (!/^[1-9]\d{5}$/.test(code) || code.endsWith('0000')) return null;
  return code.slice(0, 4);
}

function normalizeSkill(s: string): string {
  return s.trim().toLowerCase();
}

function monthDay(d: IsoDate): string {
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * How well a surplus offer fits a shortage request. Blocked when they are in different cities,
 * share no day, are too far apart, or both name skills and none is common. Otherwise the score
 * weighs how much of the requested period the offer covers, how many requested skills it
 * brings, and how near the two workplaces are; missing skills or locations score half.
 */
export function matchSharing(offer: SharingListingInput, request: SharingListingInput): SharingMatch {
  const blockers: SharingBlocker[] = [];
  const reasons: string[] = [];

  const offerCity = cityPrefix(offer.regionCode);
  if (offerCity === null || offerCity !== cityPrefix(request.regionCode)) blockers.push('DIFFERENT_CITY');

  const from = offer.from > request.from ? offer.from : request.from;
  const to = offer.to < request.to ? offer.to : request.to;
  const overlapDays = daysBetween(from, to) + 1;
  const overlap = overlapDays >= 1 ? { from, to, days: overlapDays } : null;
  if (!overlap) blockers.push('NO_OVERLAP');

  const offered = new Map(offer.skills.map((s) => [normalizeSkill(s), s.trim()] as const).filter(([k]) => k.length > 0));
  const requested = [...new Set(request.skills.map(normalizeSkill).filter((k) => k.length > 0))];
  const sharedSkills = requested.filter((k) => offered.has(k)).map((k) => offered.get(k) as string);
  const skillsKnown = offered.size > 0 && requested.length > 0;
  if (skillsKnown && sharedSkills.length === 0) blockers.push('NO_SHARED_SKILL');

  const distanceKm = offer.location && request.location ? round1(haversineKm(offer.location, request.location)) : null;
  if (distanceKm !== null && distanceKm > SHARING_LIMITS.maxKm) blockers.push('TOO_FAR');

  const workers = Math.max(0, Math.min(offer.workers, request.workers));

  if (blockers.length > 0) {
    if (blockers.includes('DIFFERENT_CITY')) reasons.push('不在同一城市');
    if (blockers.includes('NO_OVERLAP')) reasons.push('用工时间没有重合');
    if (blockers.includes('NO_SHARED_SKILL')) reasons.push('技能要求不相符');
    if (blockers.includes('TOO_FAR')) reasons.push(`两地相距约${distanceKm}公里，超过${SHARING_LIMITS.maxKm}公里`);
    return { matched: false, score: 0, blockers, overlap, sharedSkills, distanceKm, workers, reasons };
  }

  const o = overlap as { from: IsoDate; to: IsoDate; days: number };
  const requestDays = Math.max(1, daysBetween(request.from, request.to) + 1);
  const coverage = Math.min(1, o.days / requestDays);
  let score = SHARING_WEIGHTS.period * coverage;
  reasons.push(
    coverage >= 1 ? `可覆盖全部用工时间（${monthDay(o.from)}至${monthDay(o.to)}）` : `时间重合${o.days}天（${monthDay(o.from)}至${monthDay(o.to)}）`,
  );

  if (skillsKnown) {
    score += SHARING_WEIGHTS.skills * (sharedSkills.length / requested.length);
    reasons.push(`技能相符：${sharedSkills.join('、')}`);
  } else {
    score += SHARING_WEIGHTS.skills / 2;
    reasons.push(requested.length === 0 ? '需求方未限定技能' : '富余方未注明技能，请沟通确认');
  }

  if (distanceKm === null) {
    score += SHARING_WEIGHTS.distance / 2;
  } else {
    const far = (distanceKm - SHARING_LIMITS.nearKm) / (SHARING_LIMITS.maxKm - SHARING_LIMITS.nearKm);
    score += SHARING_WEIGHTS.distance * (1 - Math.min(1, Math.max(0, far)));
    reasons.push(`两地相距约${distanceKm}公里`);
  }

  reasons.push(`可调剂${workers}人`);
  return { matched: true, score: Math.round(score), blockers, overlap: o, sharedSkills, distanceKm, workers, reasons };
}

/** A mother's terms of work, before and during the sharing. */
export interface SharingTerms {
  /** Yuan per hour. */
  hourly: number;
  insurance: InsuranceKind;
  contractForm: ContractForm;
}

export type SharingTermProblem = 'HOURLY_LOWER' | 'INSURANCE_WEAKER' | 'CONTRACT_WEAKER';

export interface TermsCheck {
  ok: boolean;
  problems: { term: 'hourly' | 'insurance' | 'contractForm'; code: SharingTermProblem; message: string }[];
}

/** Her terms during the sharing must be hers unchanged or better, term by term. */
export function termsNoWorse(original: SharingTerms, shared: SharingTerms): TermsCheck {
  const problems: TermsCheck['problems'] = [];
  // Compared in fen: 0.1 + 0.2 must not look lower than 0.3.
  if (Math.round(shared.hourly * 100) < Math.round(original.hourly * 100)) {
    problems.push({ term: 'hourly', code: 'HOURLY_LOWER', message: `调剂期间时薪${shared.hourly}元低于原来的${original.hourly}元` });
  }
  if (INSURANCE_PROTECTION_RANK[shared.insurance] < INSURANCE_PROTECTION_RANK[original.insurance]) {
    problems.push({
      term: 'insurance',
      code: 'INSURANCE_WEAKER',
      message: `调剂期间的保险（${INSURANCE_KIND_LABELS[shared.insurance]}）不如原来的${INSURANCE_KIND_LABELS[original.insurance]}`,
    });
  }
  if (CONTRACT_PROTECTION_RANK[shared.contractForm] < CONTRACT_PROTECTION_RANK[original.contractForm]) {
    problems.push({
      term: 'contractForm',
      code: 'CONTRACT_WEAKER',
      message: `调剂期间的合同形式（${CONTRACT_FORM_LABELS[shared.contractForm]}）保障不如原来的${CONTRACT_FORM_LABELS[original.contractForm]}`,
    });
  }
  return { ok: problems.length === 0, problems };
}

/** The days of a listing, both ends included; problems for the API to report. */
export function checkSharingPeriod(from: IsoDate, to: IsoDate, today: IsoDate): { field: 'from' | 'to'; message: string }[] {
  const problems: { field: 'from' | 'to'; message: string }[] = [];
  if (to < from) problems.push({ field: 'to', message: '结束日期不能早于开始日期' });
  else if (daysBetween(from, to) + 1 > SHARING_LIMITS.maxDays) problems.push({ field: 'to', message: `调剂期限不超过${SHARING_LIMITS.maxDays}天` });
  if (to < today) problems.push({ field: 'to', message: '结束日期不能早于今天' });
  if (from > addDays(today, SHARING_LIMITS.maxDays)) problems.push({ field: 'from', message: '开始日期不能晚于一年以后' });
  return problems;
}
