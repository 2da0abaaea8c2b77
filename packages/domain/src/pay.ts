/**
 * Pay normalisation: every post shows what it pays per hour, whatever the basis, so mothers
 * can compare a piece-rate take-home job with a monthly factory job.
 */
import { PayBasis } from './catalogue';
import { IsoDate } from './dates';

/** 52 weeks / 12 months: the average month, so monthly pay converts the same all year. */
export const WEEKS_PER_MONTH = 52 / 12;
/** Used for daily pay when the employer does not say how many days a week. */
export const DEFAULT_DAYS_PER_WEEK = 5;

export interface MinimumWage {
  /** GB/T 2260 code of the area the figure applies to (a city, e.g. 371000 威海市). */
  regionCode: string;
  regionName: string;
  /** Full-time monthly minimum, yuan. */
  monthly: number;
  /** Part-time hourly minimum, yuan. */
  hourly: number;
  /** The document that sets it, and the class (档/类) of the area. */
  source: string;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  /** What still needs confirming against the official notice. */
  note?: string;
}

export type PayAmount = number | { min: number; max: number };

export interface HourlyEquivalentInput {
  basis: PayBasis;
  /** Yuan per basis unit (per hour, day, month, piece or task). */
  amount: PayAmount;
  /** Needed for monthly and daily pay. */
  hoursPerWeek?: number;
  /** Pieces an average worker finishes per hour, as the employer states it: needed for per_piece. */
  unitsPerHour?: number;
  /** Hours one task takes, as the employer states it: needed for per_task. */
  hoursPerTask?: number;
  /** Days worked per week for daily pay; defaults to 5. */
  daysPerWeek?: number;
}

export type HourlyEquivalent =
  | { ok: true; min: number; max: number }
  | { ok: false; code: 'PAY_AMOUNT_INVALID' | 'PAY_HOURS_REQUIRED' | 'PAY_UNITS_REQUIRED' | 'PAY_NOT_COMPARABLE'; message: string };

/** Rounds to fen, nudging by epsilon so 2.675 does not round down from binary error. */
export function roundYuan(value: number): number {
  return Math.round((value + Number.EPSILON * Math.sign(value)) * 100) / 100;
}

function positive(n: number | undefined): n is number {
  return n !== undefined && Number.isFinite(n) && n > 0;
}

export function hourlyEquivalent(input: HourlyEquivalentInput): HourlyEquivalent {
  const { min, max } = typeof input.amount === 'number' ? { min: input.amount, max: input.amount } : input.amount;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < min) {
    return { ok: false, code: 'PAY_AMOUNT_INVALID', message: '报酬金额不正确：应为不小于0的数字，且最低不高于最高' };
  }

  let perHour: (amount: number) => number;
  switch (input.basis) {
    case 'hourly':
      perHour = (a) => a;
      break;
    case 'daily': {
      const days = input.daysPerWeek ?? DEFAULT_DAYS_PER_WEEK;
      if (!positive(input.hoursPerWeek) || !positive(days)) {
        return { ok: false, code: 'PAY_HOURS_REQUIRED', message: '按天计酬需要填写每周工作小时数和天数' };
      }
      const hoursPerDay = input.hoursPerWeek / days;
      perHour = (a) => a / hoursPerDay;
      break;
    }
    case 'monthly': {
      if (!positive(input.hoursPerWeek)) {
        return { ok: false, code: 'PAY_HOURS_REQUIRED', message: '按月计酬需要填写每周工作小时数' };
      }
      const hoursPerMonth = input.hoursPerWeek * WEEKS_PER_MONTH;
      perHour = (a) => a / hoursPerMonth;
      break;
    }
    case 'per_piece': {
      if (!positive(input.unitsPerHour)) {
        return { ok: false, code: 'PAY_UNITS_REQUIRED', message: '按件计酬需要填写每小时大约能完成几件' };
      }
      const units = input.unitsPerHour;
      perHour = (a) => a * units;
      break;
    }
    case 'per_task': {
      if (!positive(input.hoursPerTask)) {
        return { ok: false, code: 'PAY_UNITS_REQUIRED', message: '按任务量计酬需要填写完成一单大约需要几小时' };
      }
      const hours = input.hoursPerTask;
      perHour = (a) => a / hours;
      break;
    }
    default:
      return { ok: false, code: 'PAY_NOT_COMPARABLE', message: '自主创收的收入无法折算为时薪' };
  }
  return { ok: true, min: roundYuan(perHour(min)), max: roundYuan(perHour(max)) };
}

export interface PayViolation {
  field: 'pay';
  code: 'BELOW_MINIMUM_WAGE_HOURLY' | 'BELOW_MINIMUM_WAGE_MONTHLY';
  message: string;
}

function yuan(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}

/**
 * Checks pay against the local minimum wage. Pass `fullTimeMonthly` for a full-time monthly
 * wage: it is checked against the monthly standard, because the hourly standard is meant for
 * part-time work and includes the employer's social-insurance share, so a lawful full-time wage
 * converted to hourly would look too low against it.
 */
export function checkMinimumWage(
  hourly: number,
  minimumWage: Pick<MinimumWage, 'monthly' | 'hourly'>,
  fullTimeMonthly?: number,
): PayViolation | null {
  if (fullTimeMonthly !== undefined) {
    return fullTimeMonthly < minimumWage.monthly
      ? {
          field: 'pay',
          code: 'BELOW_MINIMUM_WAGE_MONTHLY',
          message: `月工资${yuan(fullTimeMonthly)}元，低于当地月最低工资标准${yuan(minimumWage.monthly)}元`,
        }
      : null;
  }
  return roundYuan(hourly) < minimumWage.hourly
    ? {
        field: 'pay',
        code: 'BELOW_MINIMUM_WAGE_HOURLY',
        message: `折合时薪约${yuan(roundYuan(hourly))}元，低于当地小时最低工资标准${yuan(minimumWage.hourly)}元`,
      }
    : null;
}

/** "25元/小时" or "20-30元/小时" for cards and reasons. */
export function formatHourly(min: number, max: number = min): string {
  const a = yuan(Math.round(min * 10) / 10);
  const b = yuan(Math.round(max * 10) / 10);
  return a === b ? `${a}元/小时` : `${a}-${b}元/小时`;
}

/**
 * 劳动合同法 art. 68: part-time work (非全日制用工) is at most 4 hours a day and 24 hours a week
 * on average. Above that a post is full-time work and its pay is held to the monthly standard.
 */
export const PART_TIME_MAX_HOURS_PER_WEEK = 24;

export interface PostPayCheckInput {
  basis: PayBasis;
  /** The lowest amount per basis unit the post offers. */
  payMin: number;
  /** Its hourly equivalent (see hourlyEquivalent); null when the basis cannot be converted. */
  hourlyMin: number | null;
  hoursPerWeek: number;
}

/**
 * A post's pay against the local minimum wage. Hourly pay is the part-time form (劳动合同法
 * art. 72), so it always meets the hourly standard; so does any post of at most 24 hours a week.
 * Longer posts are full-time: their monthly pay (the amount itself for monthly pay, otherwise the
 * hourly equivalent over an average month) meets the monthly standard. Her own start-up income
 * (own_income) is no wage and is not checked.
 */
export function checkPostPay(input: PostPayCheckInput, minimumWage: Pick<MinimumWage, 'monthly' | 'hourly'>): PayViolation | null {
  if (input.basis === 'own_income' || input.hourlyMin === null) return null;
  if (input.basis !== 'hourly' && input.hoursPerWeek > PART_TIME_MAX_HOURS_PER_WEEK) {
    const monthly = input.basis === 'monthly' ? input.payMin : roundYuan(input.hourlyMin * input.hoursPerWeek * WEEKS_PER_MONTH);
    return checkMinimumWage(input.hourlyMin, minimumWage, monthly);
  }
  return checkMinimumWage(input.hourlyMin, minimumWage);
}
