/**
 * Who counts as a 妈妈岗 mother (鲁人社字〔2024〕72号): a woman of legal working age raising a
 * child under 12 full years. Ages follow the calendar rules of ./dates (an anniversary that does
 * not exist, 29 Feb, falls on the month's last day).
 */
import { CHILDCARE_STAGES, ChildcareStage } from './catalogue';
import { IsoDate, YearsMonths, addMonths, completedMonths, formatYmd, parseIsoDate, splitMonths, ymd } from './dates';

export type RetirementCategory = 'worker' | 'cadre';

export const RETIREMENT_CATEGORY_LABELS: Record<RetirementCategory, string> = {
  worker: '女职工（原退休年龄50岁）',
  cadre: '女干部（原退休年龄55岁）',
};

export const MIN_WORKING_AGE_YEARS = 16;
export const CHILD_AGE_LIMIT_MONTHS = 12 * 12;

export interface RetirementAge extends YearsMonths {
  /** Age in months: years * 12 + months. */
  totalMonths: number;
  /** Months added by the 2025 reform. */
  delayMonths: number;
  /** The day she reaches it; from this day on she is no longer of working age. */
  reachedOn: IsoDate;
}

/*
 * 全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》(2025-01-01): women whose original age
 * was 50 gain one month per two months of birth cohort from January 1975 until 55; women whose
 * original age was 55 gain one month per four months from January 1970 until 58. The first
 * cohort month already gains one month (born 1975-01 → 50 years 1 month).
 */
const REFORM: Record<RetirementCategory, { baseYears: number; fromYear: number; cohortMonthsPerStep: number; maxDelay: number }> = {
  worker: { baseYears: 50, fromYear: 1975, cohortMonthsPerStep: 2, maxDelay: 60 },
  cadre: { baseYears: 55, fromYear: 1970, cohortMonthsPerStep: 4, maxDelay: 36 },
};

/** Throws RangeError for a malformed birth date: validate input first (assessMotherEligibility does). */
export function statutoryRetirementAge(birthDate: IsoDate, category: RetirementCategory = 'worker'): RetirementAge {
  const { year, month } = ymd(birthDate);
  const rule = REFORM[category];
  const cohortIndex = (year - rule.fromYear) * 12 + (month - 1);
  const delayMonths = cohortIndex < 0 ? 0 : Math.min(rule.maxDelay, Math.floor(cohortIndex / rule.cohortMonthsPerStep) + 1);
  const totalMonths = rule.baseYears * 12 + delayMonths;
  return { ...splitMonths(totalMonths), totalMonths, delayMonths, reachedOn: addMonths(birthDate, totalMonths) };
}

export interface ChildBirth {
  birthYear: number;
  birthMonth: number;
}

export type ChildAgeResult =
  | ({ ok: true; totalMonths: number } & YearsMonths)
  | { ok: false; code: 'CHILD_BIRTH_INVALID' | 'CHILD_BIRTH_FUTURE'; message: string };

/**
 * A child's age in completed months, from the birth year and month only.
 *
 * We treat the birth as the 1st of the month: the oldest the child can be. A child born in month
 * M then turns 12 on the first day of month M, so during her twelfth-birthday month she no longer
 * counts, even if the real birthday is later in the month. That can deny a mother a few days of
 * eligibility, never grant days she does not have.
 */
export function childAge(birthYear: number, birthMonth: number, now: IsoDate): ChildAgeResult {
  const label = `${birthYear}年${birthMonth}月`;
  if (!Number.isInteger(birthYear) || !Number.isInteger(birthMonth) || birthMonth < 1 || birthMonth > 12 || birthYear < 1900 || birthYear > 9999) {
    return { ok: false, code: 'CHILD_BIRTH_INVALID', message: `孩子的出生年月（${label}）不正确，请核对` };
  }
  const birth = formatYmd(birthYear, birthMonth, 1);
  if (birth > now) {
    return { ok: false, code: 'CHILD_BIRTH_FUTURE', message: `孩子的出生年月（${label}）晚于今天，请核对` };
  }
  const total = completedMonths(birth, now);
  return { ok: true, totalMonths: total, ...splitMonths(total) };
}

/** The stage of the youngest child's age; null from 12 full years on. */
export function stageForChildAge(totalMonths: number): ChildcareStage | null {
  if (totalMonths < 0) return null;
  for (const stage of Object.values(CHILDCARE_STAGES)) {
    if (totalMonths >= stage.minMonths && totalMonths < stage.maxMonths) return stage.code;
  }
  return null;
}

export interface MotherEligibilityInput {
  /**
   * Omitted when nobody has stated it yet (a mother filling in her own profile gives only her
   * children): working age is then not assessed and not reported, and a station worker checks it
   * from her ID card at the desk. Given but malformed, it blocks (BIRTH_DATE_INVALID).
   */
  birthDate?: IsoDate;
  /** Defaults to 'worker', the earlier retirement age, so eligibility is never overstated. */
  retirementCategory?: RetirementCategory;
  children: readonly ChildBirth[];
  now: IsoDate;
  /** Overrides the count of children when a station worker has verified it (e.g. a child not listed). */
  secondOrThirdChild?: boolean;
  registeredUnemployedSince?: IsoDate;
  employmentDifficulty?: boolean;
  olderInDifficulty?: boolean;
  outOfPoverty?: boolean;
}

export type EligibilityBlocker =
  | 'BIRTH_DATE_INVALID'
  | 'UNDER_WORKING_AGE'
  | 'AT_RETIREMENT_AGE'
  | 'NO_CHILDREN'
  | 'NO_CHILD_UNDER_12'
  | 'CHILD_BIRTH_INVALID'
  | 'CHILD_BIRTH_FUTURE';

export interface MotherStandings {
  childrenCount: number;
  /** 二孩/三孩妈妈. */
  twoOrThreeChildren: boolean;
  registeredUnemployed: boolean;
  /** Completed months since the unemployment registration; 0 when not registered. */
  unemployedMonths: number;
  /** 登记失业半年以上: 以上 includes the figure itself (民法典 art. 1259), so 6 months count. */
  unemployedHalfYearOrMore: boolean;
  employmentDifficulty: boolean;
  olderInDifficulty: boolean;
  outOfPoverty: boolean;
}

export interface MotherEligibility {
  eligible: boolean;
  /** Plain Chinese sentences for her, in the order she should read them. */
  reasons: string[];
  blockers: EligibilityBlocker[];
  stage: ChildcareStage | null;
  youngestChildAgeMonths: number | null;
  age: YearsMonths | null;
  retirement: RetirementAge | null;
  standings: MotherStandings;
  /** Public-welfare posts: 大龄困难 mothers, or registered-unemployed 二孩/三孩 mothers. */
  publicWelfareEligible: boolean;
}

function childAgeText(totalMonths: number): string {
  return totalMonths < 12 ? `${totalMonths}个月大` : `${Math.floor(totalMonths / 12)}岁`;
}

function ageText(a: YearsMonths): string {
  return a.months === 0 ? `${a.years}周岁` : `${a.years}岁${a.months}个月`;
}

export function assessMotherEligibility(input: MotherEligibilityInput): MotherEligibility {
  const { now } = input;
  const reasons: string[] = [];
  const blockers: EligibilityBlocker[] = [];

  let age: YearsMonths | null = null;
  let retirement: RetirementAge | null = null;
  if (input.birthDate === undefined) {
    // Not stated: nothing to assess, nothing to claim.
  } else if (!parseIsoDate(input.birthDate) || input.birthDate > now) {
    blockers.push('BIRTH_DATE_INVALID');
    reasons.push('您的出生日期不正确，请核对');
  } else {
    age = splitMonths(completedMonths(input.birthDate, now));
    retirement = statutoryRetirementAge(input.birthDate, input.retirementCategory ?? 'worker');
    if (age.years < MIN_WORKING_AGE_YEARS) {
      blockers.push('UNDER_WORKING_AGE');
      reasons.push('您还不满16周岁，按规定暂不能参加工作');
    } else if (now >= retirement.reachedOn) {
      blockers.push('AT_RETIREMENT_AGE');
      reasons.push(`您已达到法定退休年龄（${ageText(retirement)}），不在妈妈岗的服务范围内`);
    } else {
      reasons.push(`您${age.years}岁，在法定劳动年龄内`);
    }
  }

  let youngest: number | null = null;
  let validChildren = 0;
  for (const child of input.children) {
    const a = childAge(child.birthYear, child.birthMonth, now);
    if (!a.ok) {
      if (!blockers.includes(a.code)) blockers.push(a.code);
      reasons.push(a.message);
      continue;
    }
    validChildren += 1;
    youngest = youngest === null ? a.totalMonths : Math.min(youngest, a.totalMonths);
  }

  const stage = youngest === null ? null : stageForChildAge(youngest);
  if (input.children.length === 0) {
    blockers.push('NO_CHILDREN');
    reasons.push('还没有填写孩子信息；妈妈岗面向抚养12周岁以下孩子的妈妈');
  } else if (youngest !== null && stage === null) {
    blockers.push('NO_CHILD_UNDER_12');
    reasons.push('您的孩子都已满12周岁；妈妈岗面向抚养12周岁以下孩子的妈妈');
  } else if (youngest !== null && stage !== null) {
    const s = CHILDCARE_STAGES[stage];
    reasons.push(`您最小的孩子${childAgeText(youngest)}，属于${s.label}（孩子${s.ageText}）`);
  }

  const standings = assessStandings(input, validChildren, reasons);
  const eligible = blockers.length === 0;
  const publicWelfareEligible =
    eligible && (standings.olderInDifficulty || (standings.registeredUnemployed && standings.twoOrThreeChildren));
  if (publicWelfareEligible) {
    reasons.push(
      standings.olderInDifficulty
        ? '您属于大龄困难育儿妇女，可以申请公益性岗位'
        : '您是登记失业的二孩/三孩妈妈，可以申请公益性岗位',
    );
  }

  return {
    eligible,
    reasons,
    blockers,
    stage: eligible ? stage : null,
    youngestChildAgeMonths: youngest,
    age,
    retirement,
    standings,
    publicWelfareEligible,
  };
}

function assessStandings(input: MotherEligibilityInput, validChildren: number, reasons: string[]): MotherStandings {
  // Every child counts, including those over 12: a 二孩 mother stays one when her first turns 12.
  const twoOrThreeChildren = input.secondOrThirdChild ?? validChildren >= 2;
  if (twoOrThreeChildren) {
    reasons.push(validChildren >= 3 ? `您有${validChildren}个孩子，属于三孩妈妈` : '您属于二孩妈妈');
  }

  let registeredUnemployed = false;
  let unemployedMonths = 0;
  const since = input.registeredUnemployedSince;
  if (since !== undefined) {
    if (!parseIsoDate(since) || since > input.now) {
      reasons.push('失业登记日期不正确或晚于今天，请核对');
    } else {
      registeredUnemployed = true;
      unemployedMonths = completedMonths(since, input.now);
      reasons.push(unemployedMonths === 0 ? '您刚办理失业登记，还不满1个月' : `您已登记失业${unemployedMonths}个月`);
    }
  }

  const employmentDifficulty = input.employmentDifficulty === true;
  const olderInDifficulty = input.olderInDifficulty === true;
  const outOfPoverty = input.outOfPoverty === true;
  if (employmentDifficulty) reasons.push('您已认定为就业困难人员');
  if (olderInDifficulty) reasons.push('您属于大龄困难人员');
  if (outOfPoverty) reasons.push('您属于脱贫人口');

  return {
    childrenCount: validChildren,
    twoOrThreeChildren,
    registeredUnemployed,
    unemployedMonths,
    unemployedHalfYearOrMore: registeredUnemployed && unemployedMonths >= 6,
    employmentDifficulty,
    olderInDifficulty,
    outOfPoverty,
  };
}
