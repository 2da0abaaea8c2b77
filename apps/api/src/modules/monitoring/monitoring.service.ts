import { Injectable } from '@nestjs/common';
import {
  addDays,
  CHILDCARE_STAGE_CODES,
  CHILDCARE_STAGES,
  checkPostPay,
  daysBetween,
  isChildcareStage,
  isIsoDate,
  isoDateInChina,
  isPostTypeCode,
  POST_TYPE_CODES,
  POST_TYPES,
  regionLevel,
  regionLikePattern,
  type MinimumWage,
  type PayBasis,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import type { MonitoringFigures as FairFigures } from '../fairs/fairs.repository';
import { FairsService } from '../fairs/fairs.service';
import { PolicyDataService } from '../policies/policy-data.service';
import { isOfficialFor, officialRegionsOf, type Principal } from '../users/principal';
import { MonitoringException } from './monitoring.errors';
import { MonitoringRepository, type GroupBy, type QualityPostRow, type Slice } from './monitoring.repository';

/** The longest period one request may cover: two years and a leap day. */
export const MAX_PERIOD_DAYS = 731;
/** The default period: the last 30 days, today included. */
const DEFAULT_PERIOD_DAYS = 30;

export const GROUP_BY_LABELS: Readonly<Record<GroupBy, string>> = { district: '按区县', type: '按岗位类型', stage: '按育儿阶段' };

export interface Figures {
  posts: { new: number; open: number };
  applications: number;
  applicants: number;
  hires: number;
  daysToEmployment: { hires: number; median: number | null; average: number | null };
  followUp: { owed: number; done: number; rate: number | null } | null;
  subsidies: { claimed: number; claimedAmount: number; paid: number; paidAmount: number } | null;
  quality: {
    posts: number;
    labourContract: number;
    labourContractShare: number | null;
    socialInsurance: number;
    socialInsuranceShare: number | null;
    wageChecked: number;
    meetsMinimumWage: number;
    meetsMinimumWageShare: number | null;
    payToMinimumWage: number | null;
  };
  training: { signUps: number; attended: number; attendanceRate: number | null } | null;
  /**
   * Recruitment fairs held in the period and their sign-ups, walk-ins and check-ins;
   * applications made in the period from a fair or a livestream, and hires starting in it that
   * came from one (FairsService.monitoringFigures). Null by post type and by stage: a fair has
   * neither.
   */
  fairs: FairFigures | null;
}

export interface MonitoringReport {
  regionCode: string;
  regionName: string;
  from: string;
  to: string;
  groupBy: GroupBy | null;
  totals: Figures;
  groups: { key: string; label: string; figures: Figures }[];
}

export interface FullReport {
  head: { regionCode: string; regionName: string; from: string; to: string };
  totals: Figures;
  groups: Partial<Record<GroupBy, MonitoringReport['groups']>>;
}

export interface MonitoringQuery {
  from?: string;
  to?: string;
  regionCode?: string;
  groupBy?: GroupBy;
}

@Injectable()
export class MonitoringService {
  constructor(
    private readonly repo: MonitoringRepository,
    private readonly clock: Clock,
    private readonly policyData: PolicyDataService,
    private readonly fairs: FairsService,
  ) {}

  /** Her region's figures for a period, in total and (with groupBy) per district, post type or stage. */
  async report(me: Principal, q: MonitoringQuery): Promise<MonitoringReport> {
    const scope = this.scope(me, q);
    const groupBy = q.groupBy ?? null;
    const computed = await this.compute(scope, groupBy ? [groupBy] : []);
    return { ...computed.head, groupBy, totals: computed.totals, groups: groupBy ? (computed.groups[groupBy] ?? []) : [] };
  }

  /** The same figures with all three breakdowns, for the .xlsx export. */
  async full(me: Principal, q: MonitoringQuery): Promise<FullReport> {
    return this.compute(this.scope(me, q), ['district', 'type', 'stage']);
  }

  private async compute(scope: { regionCode: string; from: string; to: string }, groupBys: readonly GroupBy[]): Promise<FullReport> {
    const { regionCode, from, to } = scope;
    const base: Omit<Slice, 'groupBy'> = {
      pattern: regionLikePattern(regionCode),
      level: regionLevel(regionCode),
      from,
      to,
      fromTs: `${from}T00:00:00+08:00`,
      toTsExclusive: `${addDays(to, 1)}T00:00:00+08:00`,
    };
    const totalsByKey = await this.figures({ ...base, groupBy: null });
    const totals = totalsByKey.get('all') ?? emptyFigures(totalsByKey.nullable);
    totals.fairs = await this.fairs.monitoringFigures(regionCode, from, to);
    const groups: Partial<Record<GroupBy, MonitoringReport['groups']>> = {};
    for (const groupBy of groupBys) {
      const labelled = await this.labelGroups(regionCode, groupBy, await this.figures({ ...base, groupBy }));
      // Fairs by district: one read per district (a city has a handful).
      if (groupBy === 'district') for (const g of labelled) g.figures.fairs = await this.fairs.monitoringFigures(g.key, from, to);
      groups[groupBy] = labelled;
    }
    const names = await this.repo.regionNames([regionCode]);
    return { head: { regionCode, regionName: names.get(regionCode) ?? regionCode, from, to }, totals, groups };
  }

  /** The region (hers by default, else one she covers) and the period (checked). */
  private scope(me: Principal, q: MonitoringQuery): { regionCode: string; from: string; to: string } {
    const regionCode = q.regionCode ?? officialRegionsOf(me)[0];
    if (!regionCode || !isOfficialFor(me, regionCode)) throw new CommonException('FORBIDDEN', '只能查看本辖区的数据');
    const to = q.to ?? isoDateInChina(this.clock.now());
    const from = q.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
    if (!isIsoDate(from) || !isIsoDate(to)) throw MonitoringException.periodInvalid('日期格式应为YYYY-MM-DD');
    if (from > to) throw MonitoringException.periodInvalid('开始日期不能晚于结束日期');
    if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) throw MonitoringException.periodInvalid(`统计区间不能超过${MAX_PERIOD_DAYS}天`);
    return { regionCode, from, to };
  }

  /** Every figure per group key; `nullable` says which figures are unavailable (their tables are missing). */
  private async figures(slice: Slice): Promise<Map<string, Figures> & { nullable: Nullable }> {
    const [posts, applications, hires, days, followUp, subsidies, training, quality] = await sequential([
      () => this.repo.postCounts(slice),
      () => this.repo.applicationCounts(slice),
      () => this.repo.hireCounts(slice),
      () => this.repo.daysToEmployment(slice),
      () => this.repo.followUp(slice),
      () => this.repo.subsidies(slice),
      () => this.repo.training(slice),
      () => this.repo.newPostsForQuality(slice),
    ] as const);
    const nullable: Nullable = { followUp: followUp === null, subsidies: subsidies === null, training: training === null };
    const out = new Map<string, Figures>() as Map<string, Figures> & { nullable: Nullable };
    out.nullable = nullable;
    const at = (key: string): Figures => {
      let f = out.get(key);
      if (!f) out.set(key, (f = emptyFigures(nullable)));
      return f;
    };
    for (const r of posts) at(r.key).posts = { new: r.newPosts, open: r.openPosts };
    for (const r of applications) Object.assign(at(r.key), { applications: r.applications, applicants: r.applicants });
    for (const r of hires) at(r.key).hires = r.hires;
    for (const r of days) at(r.key).daysToEmployment = { hires: r.hires, median: round(r.median, 1), average: round(r.average, 1) };
    for (const r of followUp ?? []) at(r.key).followUp = { owed: r.owed, done: r.done, rate: ratio(r.done, r.owed) };
    for (const r of subsidies ?? [])
      at(r.key).subsidies = { claimed: r.claimed, claimedAmount: round(r.claimedAmount, 2) ?? 0, paid: r.paid, paidAmount: round(r.paidAmount, 2) ?? 0 };
    for (const r of training ?? []) at(r.key).training = { signUps: r.signUps, attended: r.attended, attendanceRate: ratio(r.attended, r.signUps) };
    const byKey = new Map<string, QualityPostRow[]>();
    for (const r of quality) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    // Pay is judged against the minimum wage in force where and when each post was created, as officials recorded it.
    const wageOf = await this.policyData.minimumWageLookup([...new Set(quality.map((r) => r.regionCode))]);
    for (const [key, rows] of byKey) at(key).quality = postQuality(rows, wageOf);
    return out;
  }

  /**
   * Groups in a stable order with their Chinese labels. By district every region under hers
   * appears, even with nothing to count (a chart shows the gap); follow-up, subsidy and
   * training figures have no post type or stage, so they are null in those groups.
   */
  private async labelGroups(regionCode: string, groupBy: GroupBy, byKey: Map<string, Figures> & { nullable: Nullable }): Promise<MonitoringReport['groups']> {
    const keys = new Set([...byKey.keys()].filter((k) => k !== ''));
    let ordered: string[];
    let label: (k: string) => string;
    if (groupBy === 'district') {
      const children = regionLevel(regionCode) === 'district' ? [regionCode] : await this.repo.childRegions(regionCode);
      for (const c of children) keys.add(c);
      ordered = [...keys].sort();
      const names = await this.repo.regionNames(ordered);
      label = (k) => names.get(k) ?? k;
    } else if (groupBy === 'type') {
      ordered = [...keys].sort((a, b) => rank(POST_TYPE_CODES, a) - rank(POST_TYPE_CODES, b) || (a < b ? -1 : 1));
      label = (k) => (isPostTypeCode(k) ? POST_TYPES[k].label : k);
    } else {
      ordered = [...keys].sort((a, b) => rank(CHILDCARE_STAGE_CODES, a) - rank(CHILDCARE_STAGE_CODES, b));
      label = (k) => (isChildcareStage(k) ? CHILDCARE_STAGES[k].label : '不分阶段');
    }
    const noPostDimension = groupBy !== 'district';
    return ordered.map((key) => {
      const figures = byKey.get(key) ?? emptyFigures(byKey.nullable);
      if (noPostDimension) Object.assign(figures, { followUp: null, training: null });
      return { key, label: label(key), figures };
    });
  }
}

interface Nullable {
  followUp: boolean;
  subsidies: boolean;
  training: boolean;
}

function emptyFigures(nullable: Nullable): Figures {
  return {
    posts: { new: 0, open: 0 },
    applications: 0,
    applicants: 0,
    hires: 0,
    daysToEmployment: { hires: 0, median: null, average: null },
    followUp: nullable.followUp ? null : { owed: 0, done: 0, rate: null },
    subsidies: nullable.subsidies ? null : { claimed: 0, claimedAmount: 0, paid: 0, paidAmount: 0 },
    quality: postQuality([], () => null),
    training: nullable.training ? null : { signUps: 0, attended: 0, attendanceRate: null },
    fairs: null,
  };
}

/**
 * Quality of new posts: labour contract, employee social insurance, and pay against the local
 * minimum wage of the day the post was created (`wageOf`: the regional policy data in force;
 * checkPostPay: full-time posts against the monthly standard, part-time ones against the hourly
 * one). Posts of regions with no recorded minimum wage, and her own start-up income, are not
 * wage-checked.
 */
export function postQuality(rows: readonly QualityPostRow[], wageOf: (regionCode: string, on: string) => MinimumWage | null): Figures['quality'] {
  let labourContract = 0;
  let socialInsurance = 0;
  let wageChecked = 0;
  let meets = 0;
  const ratios: number[] = [];
  for (const r of rows) {
    if (r.contractForm === 'labour_contract') labourContract += 1;
    if (r.insurance === 'social') socialInsurance += 1;
    const wage = wageOf(r.regionCode, r.createdOn);
    if (!wage || r.hourlyMin === null || r.payBasis === 'own_income') continue;
    wageChecked += 1;
    const violation = checkPostPay({ basis: r.payBasis as PayBasis, payMin: r.payMin, hourlyMin: r.hourlyMin, hoursPerWeek: r.hoursPerWeek }, wage);
    if (!violation) meets += 1;
    ratios.push(r.hourlyMin / wage.hourly);
  }
  return {
    posts: rows.length,
    labourContract,
    labourContractShare: ratio(labourContract, rows.length),
    socialInsurance,
    socialInsuranceShare: ratio(socialInsurance, rows.length),
    wageChecked,
    meetsMinimumWage: meets,
    meetsMinimumWageShare: ratio(meets, wageChecked),
    payToMinimumWage: ratios.length === 0 ? null : round(ratios.reduce((a, b) => a + b, 0) / ratios.length, 2),
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round((value + Number.EPSILON) * f) / f;
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

/**
 * Runs the queries one after another: on the embedded database all connections share one
 * session, so parallel queries would only queue, and a report must not hog the pool.
 */
async function sequential<T extends readonly (() => Promise<unknown>)[]>(tasks: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const task of tasks) out.push(await task());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
