/**
 * Regional policy data kept by officials: versions of a region's policy and minimum wage,
 * each effective from a date. A change is a new version, never an edit, so a decision made
 * under a version can always name it. Here: which version is in force on a day, and the
 * checks on a version an official submits.
 */
import { IsoDate, isIsoDate } from './dates';
import { MinimumWage } from './pay';
import { PolicyRule, PolicyRuleCode, RegionalPolicy } from './policy';
import { regionAncestors } from './regions';

export interface PolicyVersionRef {
  regionCode: string;
  effectiveFrom: IsoDate;
  /** Last day in force, inclusive; open-ended when absent. */
  effectiveTo?: IsoDate;
  /** When the version was recorded (ISO instant): a later record for the same date corrects an earlier one. */
  recordedAt: string;
}

/**
 * The version in force in `regionCode` on `on`: the region's own versions first, then its
 * city's, then its province's. At each level the latest version that has started is the
 * current one (a newer version replaces an older one, it never lets it come back); when that
 * version has already ended, nothing of that level is in force and the next level up applies.
 */
export function versionInForce<T extends PolicyVersionRef>(versions: readonly T[], regionCode: string, on: IsoDate): T | undefined {
  for (const area of [regionCode, ...regionAncestors(regionCode)]) {
    let latest: T | undefined;
    for (const v of versions) {
      if (v.regionCode !== area || v.effectiveFrom > on) continue;
      if (
        !latest ||
        v.effectiveFrom > latest.effectiveFrom ||
        (v.effectiveFrom === latest.effectiveFrom && v.recordedAt > latest.recordedAt)
      ) {
        latest = v;
      }
    }
    if (latest && (latest.effectiveTo === undefined || on <= latest.effectiveTo)) return latest;
  }
  return undefined;
}

export interface PolicyDataProblem {
  field: string;
  message: string;
}

/** Who each rule pays: fixed by the rule, not chosen by whoever enters it. */
export const POLICY_RULE_BENEFICIARY: Record<PolicyRuleCode, 'employer' | 'mother'> = {
  employer_social_insurance_flat: 'employer',
  employer_post_subsidy: 'employer',
  mother_flexible_social_insurance: 'mother',
  employer_training: 'employer',
  hiring_tax_deduction: 'employer',
  employer_social_insurance_full: 'employer',
  domestic_accident_insurance: 'employer',
  startup_grant: 'mother',
  startup_loan: 'mother',
  public_welfare_post: 'mother',
};

export const POLICY_RULE_CODES = Object.keys(POLICY_RULE_BENEFICIARY) as PolicyRuleCode[];

type Bound = { min: number; max: number; integer?: boolean; label: string };

const MONTHS: Omit<Bound, 'label'> = { min: 0, max: 120, integer: true };
const YUAN: Omit<Bound, 'label'> = { min: 0.01, max: 10_000_000 };

/** The figures each rule needs, with their bounds. */
const RULE_FIELDS: Record<PolicyRuleCode, Record<string, Bound>> = {
  employer_social_insurance_flat: {
    amountPerMonth: { ...YUAN, label: '每人每月金额' },
    maxMonths: { ...MONTHS, min: 1, label: '最长月数' },
    minContractMonths: { ...MONTHS, label: '劳动合同最短月数' },
  },
  employer_post_subsidy: {
    amountPerMonth: { ...YUAN, label: '每人每月金额' },
    maxMonths: { ...MONTHS, min: 1, label: '最长月数' },
    minContractMonths: { ...MONTHS, label: '劳动合同最短月数' },
  },
  mother_flexible_social_insurance: {
    amountPerMonth: { ...YUAN, label: '每月金额' },
    maxMonths: { ...MONTHS, min: 1, label: '最长月数' },
    minAgreementMonths: { ...MONTHS, label: '劳务协议最短月数' },
  },
  employer_training: {
    perClassHour: { ...YUAN, label: '每课时金额' },
    capPerPerson: { ...YUAN, label: '每人上限' },
  },
  hiring_tax_deduction: {
    amountPerYear: { ...YUAN, label: '每人每年金额' },
    years: { min: 1, max: 10, integer: true, label: '年数' },
    minContractMonths: { ...MONTHS, label: '劳动合同最短月数' },
    minUnemployedMonths: { ...MONTHS, label: '登记失业最短月数' },
  },
  employer_social_insurance_full: {},
  domestic_accident_insurance: { capPerPersonPerYear: { ...YUAN, label: '每人每年上限' } },
  startup_grant: {
    smallFirm: { ...YUAN, label: '小微企业补贴金额' },
    individualBusiness: { ...YUAN, label: '个体工商户补贴金额' },
  },
  startup_loan: {
    max: { ...YUAN, label: '个人贷款上限' },
    partnershipMax: { ...YUAN, label: '合伙创业贷款上限' },
  },
  public_welfare_post: {},
};

const TEXT_MAX = 200;

function text(value: unknown, field: string, label: string, problems: PolicyDataProblem[], max = TEXT_MAX): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    problems.push({ field, message: `请填写${label}` });
    return '';
  }
  if (value.trim().length > max) problems.push({ field, message: `${label}不能超过${max}个字` });
  return value.trim();
}

function figure(value: unknown, field: string, bound: Bound, problems: PolicyDataProblem[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ field, message: `请填写${bound.label}（数字）` });
    return 0;
  }
  if (bound.integer && !Number.isInteger(value)) problems.push({ field, message: `${bound.label}须为整数` });
  if (value < bound.min || value > bound.max) problems.push({ field, message: `${bound.label}须在${bound.min}至${bound.max}之间` });
  return value;
}

function dates(
  from: unknown,
  to: unknown,
  problems: PolicyDataProblem[],
): { effectiveFrom: IsoDate; effectiveTo?: IsoDate } {
  if (!isIsoDate(from)) problems.push({ field: 'effectiveFrom', message: '请填写正确的生效日期（年-月-日）' });
  if (to !== undefined && to !== null && !isIsoDate(to)) problems.push({ field: 'effectiveTo', message: '请填写正确的截止日期（年-月-日）' });
  const effectiveFrom = isIsoDate(from) ? from : '';
  const effectiveTo = isIsoDate(to) ? to : undefined;
  if (effectiveFrom && effectiveTo && effectiveTo < effectiveFrom) {
    problems.push({ field: 'effectiveTo', message: '截止日期不能早于生效日期' });
  }
  return effectiveTo ? { effectiveFrom, effectiveTo } : { effectiveFrom };
}

/** A policy as an official enters it: the regional policy without its minimum wage, which is versioned on its own. */
export type PolicyDraft = Omit<RegionalPolicy, 'minimumWage'>;

/**
 * Checks and normalises a policy an official submits. Unknown fields are dropped; each rule
 * keeps only the figures it needs, and its beneficiary is the rule's own.
 */
export function checkPolicyDraft(input: {
  regionCode: string;
  regionName: string;
  title: unknown;
  source: unknown;
  issuedOn: unknown;
  effectiveFrom: unknown;
  effectiveTo?: unknown;
  rules: unknown;
}): { ok: true; policy: PolicyDraft } | { ok: false; problems: PolicyDataProblem[] } {
  const problems: PolicyDataProblem[] = [];
  const title = text(input.title, 'title', '政策名称', problems);
  const source = text(input.source, 'source', '文号', problems, 100);
  if (!isIsoDate(input.issuedOn)) problems.push({ field: 'issuedOn', message: '请填写正确的发文日期（年-月-日）' });
  const period = dates(input.effectiveFrom, input.effectiveTo, problems);
  const rules: PolicyRule[] = [];
  if (!Array.isArray(input.rules) || input.rules.length === 0) {
    problems.push({ field: 'rules', message: '请至少填写一项补贴或优惠' });
  } else if (input.rules.length > POLICY_RULE_CODES.length) {
    problems.push({ field: 'rules', message: `最多${POLICY_RULE_CODES.length}项` });
  } else {
    const seen = new Set<string>();
    input.rules.forEach((raw: unknown, i: number) => {
      const at = `rules[${i}]`;
      const r = (raw ?? {}) as Record<string, unknown>;
      const code = r.code as PolicyRuleCode;
      if (!POLICY_RULE_CODES.includes(code)) {
        problems.push({ field: `${at}.code`, message: '未知的补贴项目' });
        return;
      }
      if (seen.has(code)) {
        problems.push({ field: `${at}.code`, message: '同一项补贴只能填写一次' });
        return;
      }
      seen.add(code);
      const rule: Record<string, unknown> = {
        code,
        label: text(r.label, `${at}.label`, '补贴名称', problems, 50),
        clause: text(r.clause, `${at}.clause`, '条款', problems, 50),
        beneficiary: POLICY_RULE_BENEFICIARY[code],
      };
      for (const [name, bound] of Object.entries(RULE_FIELDS[code])) {
        rule[name] = figure(r[name], `${at}.${name}`, bound, problems);
      }
      rules.push(rule as unknown as PolicyRule);
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    policy: {
      regionCode: input.regionCode,
      regionName: input.regionName,
      title,
      source,
      issuedOn: input.issuedOn as IsoDate,
      ...period,
      rules,
    },
  };
}

/** Checks a minimum wage an official submits. */
export function checkMinimumWageDraft(input: {
  regionCode: string;
  regionName: string;
  monthly: unknown;
  hourly: unknown;
  source: unknown;
  effectiveFrom: unknown;
  effectiveTo?: unknown;
  note?: unknown;
}): { ok: true; wage: MinimumWage } | { ok: false; problems: PolicyDataProblem[] } {
  const problems: PolicyDataProblem[] = [];
  const monthly = figure(input.monthly, 'monthly', { min: 100, max: 100_000, label: '月最低工资' }, problems);
  const hourly = figure(input.hourly, 'hourly', { min: 1, max: 1_000, label: '小时最低工资' }, problems);
  const source = text(input.source, 'source', '依据文件', problems);
  const period = dates(input.effectiveFrom, input.effectiveTo, problems);
  let note: string | undefined;
  if (input.note !== undefined && input.note !== null && input.note !== '') note = text(input.note, 'note', '备注', problems, 500);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    wage: { regionCode: input.regionCode, regionName: input.regionName, monthly, hourly, source, ...period, ...(note ? { note } : {}) },
  };
}
