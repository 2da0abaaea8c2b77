/**
 * Regional 妈妈岗 policies as dated data, and estimates of what an employer or a mother may
 * claim under them. Amounts differ by city and change by document, so nothing here is a
 * constant of the product: each figure lives in a RegionalPolicy with its source.
 *
 * Every estimate lists, per subsidy, what qualifies and what is still missing. The documents
 * warn against fake posts and hires made to claim subsidies, so each claim needs a filed
 * employer, a hire reported through the platform, a contract of the required length and paid
 * social insurance. "X以上/不超过X" include X (民法典 art. 1259).
 */
import { CONTRACT_FORM_LABELS, ContractForm, EmployerKind, PostTypeCode } from './catalogue';
import { IsoDate } from './dates';
import { MotherEligibility } from './eligibility';
import { MinimumWage } from './pay';

// ---------------------------------------------------------------------------------------------
// Data types
// ---------------------------------------------------------------------------------------------

interface RuleBase {
  label: string;
  /** Where in the document, e.g. '第3条' or '措施（三）'. */
  clause: string;
  beneficiary: 'employer' | 'mother';
}

export type PolicyRule =
  | (RuleBase & {
      code: 'employer_social_insurance_flat' | 'employer_post_subsidy';
      amountPerMonth: number;
      maxMonths: number;
      minContractMonths: number;
    })
  | (RuleBase & { code: 'mother_flexible_social_insurance'; amountPerMonth: number; maxMonths: number; minAgreementMonths: number })
  | (RuleBase & { code: 'employer_training'; perClassHour: number; capPerPerson: number })
  | (RuleBase & { code: 'hiring_tax_deduction'; amountPerYear: number; years: number; minContractMonths: number; minUnemployedMonths: number })
  | (RuleBase & { code: 'employer_social_insurance_full' })
  | (RuleBase & { code: 'domestic_accident_insurance'; capPerPersonPerYear: number })
  | (RuleBase & { code: 'startup_grant'; smallFirm: number; individualBusiness: number })
  | (RuleBase & { code: 'startup_loan'; max: number; partnershipMax: number })
  | (RuleBase & { code: 'public_welfare_post' });

export type PolicyRuleCode = PolicyRule['code'];

export interface RegionalPolicy {
  /** GB/T 2260 code of the city; covers its districts (371002 falls under 371000). */
  regionCode: string;
  regionName: string;
  title: string;
  /** Document number, e.g. 中府函〔2022〕226号. */
  source: string;
  issuedOn: IsoDate;
  effectiveFrom: IsoDate;
  /** Last day in force, inclusive; open-ended when absent. */
  effectiveTo?: IsoDate;
  minimumWage: MinimumWage;
  rules: PolicyRule[];
}

// ---------------------------------------------------------------------------------------------
// Minimum wages
// ---------------------------------------------------------------------------------------------

export const WEIHAI_MINIMUM_WAGE: MinimumWage = {
  regionCode: '371000',
  regionName: '威海市',
  monthly: 2200,
  hourly: 22,
  source: '山东省最低工资标准（一类地区，威海市适用）',
  effectiveFrom: '2025-04-21',
  note: '按威人社字〔2025〕6号发布时执行的山东一类标准录入；标准的文号与起始日期待人社部门核对，之后如有上调应新增一条记录',
};

export const ZHONGSHAN_MINIMUM_WAGE: MinimumWage = {
  regionCode: '442000',
  regionName: '中山市',
  monthly: 1900,
  hourly: 18.1,
  source: '广东省最低工资标准（2021年12月1日起执行，中山市所在类别）',
  effectiveFrom: '2021-12-01',
  note: '中府函〔2022〕226号有效期内执行的标准；广东此后已调整，使用其他日期前请核对当期标准',
};

export const MINIMUM_WAGES: readonly MinimumWage[] = [WEIHAI_MINIMUM_WAGE, ZHONGSHAN_MINIMUM_WAGE];

// ---------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------

export const ZHONGSHAN_2022: RegionalPolicy = {
  regionCode: '442000',
  regionName: '中山市',
  title: '关于大力推行“妈妈岗”就业新模式的若干措施',
  source: '中府函〔2022〕226号',
  issuedOn: '2022-07-04',
  effectiveFrom: '2022-07-04',
  // "本措施自发文之日起实施，试行期1年".
  effectiveTo: '2023-07-03',
  minimumWage: ZHONGSHAN_MINIMUM_WAGE,
  rules: [
    {
      code: 'employer_social_insurance_flat',
      label: '用人单位社会保险补贴',
      clause: '第3条',
      beneficiary: 'employer',
      amountPerMonth: 300,
      maxMonths: 12,
      minContractMonths: 12,
    },
    {
      code: 'employer_post_subsidy',
      label: '用人单位岗位补贴',
      clause: '第4条',
      beneficiary: 'employer',
      amountPerMonth: 100,
      maxMonths: 12,
      minContractMonths: 12,
    },
    {
      code: 'mother_flexible_social_insurance',
      label: '灵活就业人员社会保险补贴',
      clause: '第5条',
      beneficiary: 'mother',
      amountPerMonth: 300,
      maxMonths: 12,
      minAgreementMonths: 12,
    },
    { code: 'employer_training', label: '精准培训补贴', clause: '第7条', beneficiary: 'employer', perClassHour: 20, capPerPerson: 500 },
    {
      code: 'hiring_tax_deduction',
      label: '吸纳重点群体税收优惠',
      clause: '第8条',
      beneficiary: 'employer',
      amountPerYear: 7800,
      years: 3,
      minContractMonths: 12,
      minUnemployedMonths: 6,
    },
  ],
};

export const WEIHAI_2025: RegionalPolicy = {
  regionCode: '371000',
  regionName: '威海市',
  title: '关于推行“妈妈岗”就业模式的十条措施',
  source: '威人社字〔2025〕6号',
  issuedOn: '2025-04-21',
  effectiveFrom: '2025-04-21',
  minimumWage: WEIHAI_MINIMUM_WAGE,
  rules: [
    { code: 'employer_social_insurance_full', label: '用人单位社会保险费全额补贴', clause: '措施（三）', beneficiary: 'employer' },
    {
      code: 'domestic_accident_insurance',
      label: '家政服务机构一次性意外伤害保险补贴',
      clause: '措施（三）',
      beneficiary: 'employer',
      capPerPersonPerYear: 100,
    },
    { code: 'public_welfare_post', label: '公益性岗位兜底安置', clause: '措施（三）', beneficiary: 'mother' },
    {
      // The Weihai text says only "符合条件的"; the conditions are the national ones for key groups,
      // the same as Zhongshan's: registered unemployed half a year or more, or out of poverty.
      code: 'hiring_tax_deduction',
      label: '吸纳重点群体税收优惠',
      clause: '措施（三）',
      beneficiary: 'employer',
      amountPerYear: 7800,
      years: 3,
      minContractMonths: 12,
      minUnemployedMonths: 6,
    },
    { code: 'startup_loan', label: '创业担保贷款', clause: '措施（五）', beneficiary: 'mother', max: 300000, partnershipMax: 990000 },
    { code: 'startup_grant', label: '一次性创业补贴', clause: '措施（五）', beneficiary: 'mother', smallFirm: 12000, individualBusiness: 2000 },
  ],
};

export const REGIONAL_POLICIES: readonly RegionalPolicy[] = [ZHONGSHAN_2022, WEIHAI_2025];

function covers(item: { effectiveFrom: IsoDate; effectiveTo?: IsoDate }, on: IsoDate): boolean {
  return item.effectiveFrom <= on && (item.effectiveTo === undefined || on <= item.effectiveTo);
}

/** How specifically `areaCode` (a city) covers `regionCode` (a city or district): -1 when not at all. */
function regionMatch(areaCode: string, regionCode: string): number {
  if (areaCode === regionCode) return 3;
  if (areaCode.endsWith('0000') && regionCode.startsWith(areaCode.slice(0, 2))) return 1;
  if (areaCode.endsWith('00') && regionCode.startsWith(areaCode.slice(0, 4))) return 2;
  return -1;
}

function pickInForce<T extends { regionCode: string; effectiveFrom: IsoDate; effectiveTo?: IsoDate }>(
  list: readonly T[],
  regionCode: string,
  on: IsoDate,
): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const item of list) {
    const score = regionMatch(item.regionCode, regionCode);
    if (score < 0 || !covers(item, on)) continue;
    if (score > bestScore || (score === bestScore && best !== undefined && item.effectiveFrom > best.effectiveFrom)) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

/** The policy in force in a city or one of its districts on a day: the most local, then the newest. */
export function policyInForce(policies: readonly RegionalPolicy[], regionCode: string, on: IsoDate): RegionalPolicy | undefined {
  return pickInForce(policies, regionCode, on);
}

export function minimumWageOn(wages: readonly MinimumWage[], regionCode: string, on: IsoDate): MinimumWage | undefined {
  return pickInForce(wages, regionCode, on);
}

export function findRule<C extends PolicyRuleCode>(policy: RegionalPolicy, code: C): Extract<PolicyRule, { code: C }> | undefined {
  return policy.rules.find((r): r is Extract<PolicyRule, { code: C }> => r.code === code);
}

// ---------------------------------------------------------------------------------------------
// Estimates
// ---------------------------------------------------------------------------------------------

export interface SubsidyItem {
  code: PolicyRuleCode;
  label: string;
  beneficiary: 'employer' | 'mother';
  /** Source and clause, e.g. '中府函〔2022〕226号 第3条'. */
  basis: string;
  applies: boolean;
  amountPerMonth?: number;
  months?: number;
  amountPerYear?: number;
  years?: number;
  /** What she or the employer gets when `applies`; 0 otherwise. */
  total: number;
  /** What it would come to once every condition is met; for "you could get…" prompts. */
  potentialTotal: number;
  reasons: string[];
  /** Each condition not yet met, in plain Chinese. */
  missing: string[];
}

export interface SubsidyEstimate {
  items: SubsidyItem[];
  total: number;
}

export interface SubsidyEmployer {
  /** Filed (备案) and approved into the 妈妈岗 employer directory. */
  approved: boolean;
  isLabourDispatch: boolean;
  kind: EmployerKind;
  /** A domestic-service firm (家政服务机构), for Weihai's accident-insurance subsidy. */
  domesticService?: boolean;
}

export interface SubsidyHire {
  contractForm: ContractForm;
  contractMonths: number;
  socialInsurancePaid: boolean;
  /** Months of social insurance paid or planned; caps monthly subsidies. Defaults to the rule's maximum. */
  socialInsuranceMonths?: number;
  startDate: IsoDate;
  /** Hired through a 妈妈岗 application on the platform, i.e. a reported (报备) hire. */
  fromApplication: boolean;
  postType?: PostTypeCode;
  /** Weihai reimburses the employer's actual contribution: yuan per month. */
  employerContributionPerMonth?: number;
  /** Weihai domestic-service accident insurance actually paid, yuan per year. */
  accidentPremiumPerYear?: number;
  /** Zhongshan training subsidy: class hours of filed, completed training. */
  trainingClassHours?: number;
}

export interface EmployerSubsidyInput {
  policy: RegionalPolicy;
  employer: SubsidyEmployer;
  hire: SubsidyHire;
  /** Her eligibility, assessed by the caller (at hire time for the tax rule's unemployment spell). */
  mother: MotherEligibility;
}

export interface MotherSubsidyInput {
  policy: RegionalPolicy;
  mother: MotherEligibility;
  /** A service-agreement 妈妈岗 she works in. */
  hire?: {
    contractForm: ContractForm;
    contractMonths: number;
    startDate: IsoDate;
    fromApplication: boolean;
    employerApproved: boolean;
    flexibleEmploymentRegistered: boolean;
    paysOwnSocialInsurance: boolean;
    socialInsuranceMonths?: number;
  };
  /** A business she founded. */
  startup?: { kind: 'small_firm' | 'individual_business'; firstTime: boolean; registeredOn: IsoDate };
}

/** Plain digits, no locale: the same text on every server. */
function yuan(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function basisOf(policy: RegionalPolicy, rule: PolicyRule): string {
  return `${policy.source} ${rule.clause}`;
}

function policyDateMissing(policy: RegionalPolicy, on: IsoDate): string[] {
  if (covers(policy, on)) return [];
  const period = policy.effectiveTo ? `${policy.effectiveFrom}至${policy.effectiveTo}` : `${policy.effectiveFrom}起`;
  return [`${policy.source}的有效期为${period}，${on}不在有效期内`];
}

function makeItem(
  policy: RegionalPolicy,
  rule: PolicyRule,
  potentialTotal: number,
  missing: string[],
  reasons: string[],
  extra: Partial<SubsidyItem> = {},
): SubsidyItem {
  const applies = missing.length === 0;
  return {
    code: rule.code,
    label: rule.label,
    beneficiary: rule.beneficiary,
    basis: basisOf(policy, rule),
    applies,
    ...extra,
    total: applies ? potentialTotal : 0,
    potentialTotal,
    reasons,
    missing,
  };
}

function sum(items: SubsidyItem[]): number {
  return Math.round(items.reduce((s, i) => s + i.total, 0) * 100) / 100;
}

/** Conditions every employer claim shares: a filed employer, a reported hire, an eligible mother, a policy in force. */
function commonEmployerMissing(input: EmployerSubsidyInput): string[] {
  const missing = [...policyDateMissing(input.policy, input.hire.startDate)];
  if (!input.employer.approved) missing.push('用人单位尚未完成妈妈岗备案并通过审核');
  if (!input.hire.fromApplication) missing.push('这次录用没有通过妈妈岗平台申请并报备');
  if (!input.mother.eligible) missing.push('录用人员不符合妈妈岗服务对象条件（法定劳动年龄内、抚养12周岁以下孩子的妇女）');
  return missing;
}

/** Labour contract, its length (when the rule sets one) and paid social insurance. */
function labourContractMissing(hire: SubsidyHire, minMonths?: number): string[] {
  const missing: string[] = [];
  if (hire.contractForm !== 'labour_contract') {
    missing.push(`须签订劳动合同（目前为${CONTRACT_FORM_LABELS[hire.contractForm]}）`);
  }
  if (minMonths !== undefined && hire.contractMonths < minMonths) {
    missing.push(`劳动合同期限须在${minMonths}个月以上（目前${hire.contractMonths}个月）`);
  }
  if (!hire.socialInsurancePaid) missing.push('须按规定为其缴纳社会保险费');
  return missing;
}

function withMissing(item: SubsidyItem, extra: string[]): SubsidyItem {
  const missing = [...extra, ...item.missing];
  const applies = missing.length === 0;
  return { ...item, applies, total: applies ? item.potentialTotal : 0, missing };
}

export function estimateEmployerSubsidy(input: EmployerSubsidyInput, now: IsoDate): SubsidyEstimate {
  const { policy, employer, hire } = input;
  const items: SubsidyItem[] = [];
  const common = commonEmployerMissing(input);
  // A hire that has not started yet is estimated as planned; the note keeps that visible.
  const planned = hire.startDate > now ? [`录用将于${hire.startDate}开始，以下按计划估算`] : [];

  for (const rule of policy.rules) {
    if (rule.beneficiary !== 'employer') continue;
    switch (rule.code) {
      case 'employer_social_insurance_flat':
      case 'employer_post_subsidy': {
        const missing = [...common, ...labourContractMissing(hire, rule.minContractMonths)];
        if (employer.isLabourDispatch) missing.push('劳务派遣单位不能享受此项补贴');
        const months = Math.max(0, Math.min(rule.maxMonths, hire.socialInsuranceMonths ?? rule.maxMonths));
        items.push(
          makeItem(
            policy,
            rule,
            rule.amountPerMonth * months,
            missing,
            [`每人每月${rule.amountPerMonth}元，最长${rule.maxMonths}个月，按${months}个月估算`],
            { amountPerMonth: rule.amountPerMonth, months },
          ),
        );
        break;
      }
      case 'employer_social_insurance_full': {
        const missing = [...common, ...labourContractMissing(hire)];
        const months = Math.max(0, hire.socialInsuranceMonths ?? 12);
        const perMonth = hire.employerContributionPerMonth;
        const reasons =
          perMonth === undefined
            ? ['按单位实际缴纳的社会保险费全额补贴；填写单位每月缴费金额后可估算']
            : [`按单位实际缴纳的社会保险费全额补贴：每月${yuan(perMonth)}元，按${months}个月估算`];
        items.push(
          makeItem(policy, rule, perMonth === undefined ? 0 : Math.round(perMonth * months * 100) / 100, missing, reasons, {
            ...(perMonth === undefined ? {} : { amountPerMonth: perMonth }),
            months,
          }),
        );
        break;
      }
      case 'domestic_accident_insurance': {
        const missing = [...common];
        if (!employer.domesticService && hire.postType !== 'domestic_service') {
          missing.push('此项补贴仅适用于家政服务机构');
        }
        const amount = Math.min(rule.capPerPersonPerYear, hire.accidentPremiumPerYear ?? rule.capPerPersonPerYear);
        items.push(
          makeItem(policy, rule, amount, missing, [`每人每年不高于${rule.capPerPersonPerYear}元，按1年估算`], {
            amountPerYear: amount,
            years: 1,
          }),
        );
        break;
      }
      case 'hiring_tax_deduction': {
        const missing = [...common, ...labourContractMissing(hire, rule.minContractMonths)];
        if (employer.kind !== 'enterprise') missing.push('此项税收优惠适用于招用人员的企业');
        const s = input.mother.standings;
        if (!s.outOfPoverty && !(s.registeredUnemployed && s.unemployedMonths >= rule.minUnemployedMonths)) {
          missing.push(
            s.registeredUnemployed
              ? `录用人员须登记失业半年以上（目前${s.unemployedMonths}个月）或属于脱贫人口`
              : '录用人员须登记失业半年以上或属于脱贫人口',
          );
        }
        items.push(
          makeItem(
            policy,
            rule,
            rule.amountPerYear * rule.years,
            missing,
            [`每人每年${yuan(rule.amountPerYear)}元，共${rule.years}年，依次扣减增值税、城市维护建设税、教育费附加、地方教育附加和企业所得税，以实际应纳税额为限`],
            { amountPerYear: rule.amountPerYear, years: rule.years },
          ),
        );
        break;
      }
      case 'employer_training':
        if (hire.trainingClassHours !== undefined) {
          items.push(withMissing(estimateTrainingSubsidy(hire.trainingClassHours, policy), common));
        }
        break;
      default:
        break;
    }
  }
  return { items: items.map((i) => ({ ...i, reasons: [...planned, ...i.reasons] })), total: sum(items) };
}

/**
 * 精准培训补贴: per person per class hour, capped per person. The training must have been
 * filed with the HR bureau and completed; both are assumed unless stated false.
 */
export function estimateTrainingSubsidy(
  classHours: number,
  policy: RegionalPolicy,
  options: { filed?: boolean; completed?: boolean; on?: IsoDate } = {},
): SubsidyItem {
  const rule = findRule(policy, 'employer_training');
  if (!rule) {
    return {
      code: 'employer_training',
      label: '精准培训补贴',
      beneficiary: 'employer',
      basis: policy.source,
      applies: false,
      total: 0,
      potentialTotal: 0,
      reasons: [],
      missing: [`${policy.regionName}的妈妈岗政策（${policy.source}）没有培训补贴`],
    };
  }
  const hours = Math.max(0, classHours);
  const amount = Math.min(rule.capPerPerson, rule.perClassHour * hours);
  const missing = options.on ? policyDateMissing(policy, options.on) : [];
  if (options.filed === false) missing.push('培训计划须事先报人力资源社会保障部门备案');
  if (options.completed === false) missing.push('须完成培训计划并达到培训要求');
  if (hours === 0) missing.push('还没有培训课时');
  return makeItem(policy, rule, amount, missing, [
    `每人每课时${rule.perClassHour}元，每人最多${rule.capPerPerson}元；${hours}课时可得${yuan(amount)}元`,
  ]);
}

export function estimateMotherSubsidy(input: MotherSubsidyInput, now: IsoDate): SubsidyEstimate {
  const { policy, mother, hire, startup } = input;
  const items: SubsidyItem[] = [];
  const eligibleMissing = mother.eligible ? [] : ['您目前不符合妈妈岗服务对象条件（法定劳动年龄内、抚养12周岁以下孩子的妇女）'];

  for (const rule of policy.rules) {
    if (rule.beneficiary !== 'mother') continue;
    switch (rule.code) {
      case 'mother_flexible_social_insurance': {
        const missing = [...eligibleMissing];
        let months = rule.maxMonths;
        if (!hire) {
          missing.unshift(...policyDateMissing(policy, now));
          missing.push(`须在已备案的妈妈岗用人单位签订${rule.minAgreementMonths}个月以上劳务协议`);
          missing.push('须办理灵活就业登记', '须以个人身份缴纳社会保险费');
        } else {
          missing.unshift(...policyDateMissing(policy, hire.startDate));
          if (!hire.employerApproved) missing.push('用人单位尚未完成妈妈岗备案并通过审核');
          if (!hire.fromApplication) missing.push('这次录用没有通过妈妈岗平台申请并报备');
          if (hire.contractForm !== 'service_agreement') {
            missing.push(`此项补贴适用于签订劳务协议的灵活就业人员（目前为${CONTRACT_FORM_LABELS[hire.contractForm]}）`);
          }
          if (hire.contractMonths < rule.minAgreementMonths) {
            missing.push(`劳务协议期限须在${rule.minAgreementMonths}个月以上（目前${hire.contractMonths}个月）`);
          }
          if (!hire.flexibleEmploymentRegistered) missing.push('须办理灵活就业登记');
          if (!hire.paysOwnSocialInsurance) missing.push('须以个人身份缴纳社会保险费');
          months = Math.max(0, Math.min(rule.maxMonths, hire.socialInsuranceMonths ?? rule.maxMonths));
        }
        items.push(
          makeItem(policy, rule, rule.amountPerMonth * months, missing, [
            `每月${rule.amountPerMonth}元，最长${rule.maxMonths}个月，按${months}个月估算`,
          ], { amountPerMonth: rule.amountPerMonth, months }),
        );
        break;
      }
      case 'startup_grant': {
        const missing = [...eligibleMissing];
        let amount = rule.smallFirm;
        if (!startup) {
          missing.unshift(...policyDateMissing(policy, now));
          missing.push('须首次创办小微企业或个体工商户');
        } else {
          missing.unshift(...policyDateMissing(policy, startup.registeredOn));
          amount = startup.kind === 'small_firm' ? rule.smallFirm : rule.individualBusiness;
          if (!startup.firstTime) missing.push('一次性创业补贴只给首次创业');
        }
        items.push(
          makeItem(policy, rule, amount, missing, [
            `首次创办小微企业补贴${yuan(rule.smallFirm)}元，首次创办个体工商户补贴${yuan(rule.individualBusiness)}元（一次性）`,
          ]),
        );
        break;
      }
      default:
        break;
    }
  }
  return { items, total: sum(items) };
}
