/**
 * Subsidy claims: the check an employer's claim for a reported hire must pass before an
 * official may approve it, with one Chinese sentence per rule. The documents warn against fake
 * posts and hires made to claim subsidies, so every claim needs a filed and approved employer,
 * a hire reported from a real application on the platform, the contract form and length the
 * rule asks for, paid social insurance for the months claimed, no labour-dispatch firm where
 * the rule excludes one, and one subsidy of a kind per mother per period.
 *
 * Amounts come from the estimators in ./policy, so a claim and the policy centre never
 * disagree on what a rule pays.
 */
import { ApplicationStatus, APPLICATION_STATUS_LABELS } from './applications';
import { CONTRACT_FORM_LABELS, ContractForm, PostTypeCode } from './catalogue';
import { IsoDate, addDays, addMonths, addYears, completedMonths } from './dates';
import { MotherEligibility } from './eligibility';
import { RegionalPolicy, SubsidyEmployer, SubsidyItem, estimateEmployerSubsidy, estimateMotherSubsidy, estimateTrainingSubsidy, findRule } from './policy';

/** The employer subsidies paid on a claim. The tax deduction is taken at tax filing, not claimed here. */
export type ClaimableSubsidyCode =
  | 'employer_social_insurance_flat'
  | 'employer_post_subsidy'
  | 'employer_social_insurance_full'
  | 'domestic_accident_insurance'
  | 'employer_training'
  | 'mother_flexible_social_insurance';

/** The subsidies an employer claims (and 免申即享 proposes); the mother's own one is claimed by her. */
export const CLAIMABLE_SUBSIDY_CODES: readonly ClaimableSubsidyCode[] = [
  'employer_social_insurance_flat',
  'employer_post_subsidy',
  'employer_social_insurance_full',
  'domestic_accident_insurance',
  'employer_training',
];

/** The subsidies a mother claims herself. */
export const MOTHER_CLAIMABLE_SUBSIDY_CODES: readonly ClaimableSubsidyCode[] = ['mother_flexible_social_insurance'];

/** Default names; a claim shows the name its policy gives the rule when there is one. */
export const CLAIMABLE_SUBSIDY_LABELS: Record<ClaimableSubsidyCode, string> = {
  employer_social_insurance_flat: '用人单位社会保险补贴',
  employer_post_subsidy: '用人单位岗位补贴',
  employer_social_insurance_full: '用人单位社会保险费全额补贴',
  domestic_accident_insurance: '家政服务机构意外伤害保险补贴',
  employer_training: '精准培训补贴',
  mother_flexible_social_insurance: '灵活就业人员社会保险补贴',
};

/**
 * Subsidies of one family pay for the same thing: a mother's social insurance is subsidised
 * once per month whether the city pays a flat amount or the full contribution.
 */
export type SubsidyFamily = 'social_insurance' | 'post' | 'accident_insurance' | 'training';

export const SUBSIDY_FAMILY: Record<ClaimableSubsidyCode, SubsidyFamily> = {
  employer_social_insurance_flat: 'social_insurance',
  employer_social_insurance_full: 'social_insurance',
  employer_post_subsidy: 'post',
  domestic_accident_insurance: 'accident_insurance',
  employer_training: 'training',
  mother_flexible_social_insurance: 'social_insurance',
};

export const SUBSIDY_FAMILY_LABELS: Record<SubsidyFamily, string> = {
  social_insurance: '社会保险补贴',
  post: '岗位补贴',
  accident_insurance: '意外伤害保险补贴',
  training: '培训补贴',
};

export type ClaimStatus = 'proposed' | 'submitted' | 'approved' | 'rejected';

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  proposed: '系统推送待审核（免申即享）',
  submitted: '单位已申请待审核',
  approved: '已批准',
  rejected: '未批准',
};

/** A claim still counts against "one per mother per period" unless it was rejected. */
export function claimCounts(status: ClaimStatus): boolean {
  return status !== 'rejected';
}

export type ClaimCheckCode =
  | 'policy_in_force'
  | 'subsidy_in_policy'
  | 'employer_approved'
  | 'hire_from_application'
  | 'mother_eligible'
  | 'contract'
  | 'flexible_employment_registration'
  | 'social_insurance'
  | 'not_labour_dispatch'
  | 'domestic_service'
  | 'training_attended'
  | 'data_complete'
  | 'one_per_period'
  | 'training_cap'
  | 'policy_conditions';

export const CLAIM_CHECK_LABELS: Record<ClaimCheckCode, string> = {
  policy_in_force: '政策在有效期内',
  subsidy_in_policy: '当地政策有此项补贴',
  employer_approved: '用人单位已备案并通过审核',
  hire_from_application: '录用来自平台上的真实申请',
  mother_eligible: '录用人员为妈妈岗服务对象',
  contract: '合同形式与期限',
  flexible_employment_registration: '灵活就业登记',
  social_insurance: '社会保险缴纳',
  not_labour_dispatch: '非劳务派遣单位',
  domestic_service: '家政服务机构',
  training_attended: '培训课时有考勤记录',
  data_complete: '申请资料齐全',
  one_per_period: '同一人员同一期间只享受一次',
  training_cap: '每人培训补贴上限',
  policy_conditions: '政策规定的其他条件',
};

export interface ClaimCheck {
  code: ClaimCheckCode;
  label: string;
  passed: boolean;
  /** Why it passed or failed, in Chinese, naming the figures. */
  reason: string;
}

/** Another claim for the same mother, from any employer. */
export interface ExistingClaim {
  id: string;
  subsidyCode: ClaimableSubsidyCode;
  status: ClaimStatus;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  amount: number;
  /** The document the claim was checked under; training caps count per document. */
  policySource: string;
}

export interface ClaimApplicationFacts {
  /** The application the hire names exists. */
  found: boolean;
  /** Same mother, post and employer as the hire. */
  matches: boolean;
  status?: ApplicationStatus;
}

export interface ClaimHireFacts {
  startDate: IsoDate;
  contractForm: ContractForm;
  contractMonths: number;
  socialInsurance: boolean;
  postType?: PostTypeCode;
  /** The day the employment ended, when the employer reported it. */
  endedOn?: IsoDate;
}

/** What the employer states on the claim, or what the system fills in for 免申即享. */
export interface ClaimDeclared {
  /** Months of social insurance paid or planned, for the monthly subsidies. */
  socialInsuranceMonths?: number;
  /** The employer's own contribution per month, for full reimbursement (Weihai). */
  employerContributionPerMonth?: number;
  /** Accident-insurance premium actually paid for the year (Weihai domestic service). */
  accidentPremiumPerYear?: number;
}

/** The employer's own course in the product, with the class hours she attended. */
export interface ClaimTrainingFacts {
  /** The course was published by this employer. */
  ownCourse: boolean;
  classHours: number;
  firstDate: IsoDate;
  lastDate: IsoDate;
}

export interface ClaimCheckInput {
  subsidyCode: ClaimableSubsidyCode;
  /**
   * The policy in force on the claim's reference date (the hire's start, or the course's first
   * day for training), or null when none was.
   */
  policy: RegionalPolicy | null;
  referenceDate: IsoDate;
  employer: SubsidyEmployer;
  hire: ClaimHireFacts;
  application: ClaimApplicationFacts;
  /** Her eligibility on the hire's start date. */
  mother: MotherEligibility;
  declared: ClaimDeclared;
  training?: ClaimTrainingFacts;
  /** Every other claim for the same mother (this claim excluded); rejected ones are ignored. */
  otherClaims: readonly ExistingClaim[];
}

export interface ClaimCheckResult {
  passes: boolean;
  checks: ClaimCheck[];
  /** What the claim pays when it passes; 0 when it does not. */
  amount: number;
  /** What it would pay once every check passes, when that can be told. */
  potentialAmount: number;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  months?: number;
  classHours?: number;
  /** Source and clause, e.g. '中府函〔2022〕226号 第3条'. */
  basis: string;
  /** False when only data the employer must supply is missing: 免申即享 then asks for a claim. */
  dataComplete: boolean;
}

function check(code: ClaimCheckCode, passed: boolean, reason: string): ClaimCheck {
  return { code, label: CLAIM_CHECK_LABELS[code], passed, reason };
}

/** The policy in force on `on` and whether it names the subsidy (both checks, or one when there is none). */
function policyChecks(policy: RegionalPolicy | null, rule: { clause: string; label: string } | undefined, on: IsoDate, subsidyLabel: string): ClaimCheck[] {
  if (!policy) return [check('policy_in_force', false, `${on}当地没有在有效期内的妈妈岗补贴政策`)];
  const period = policy.effectiveTo ? `${policy.effectiveFrom}至${policy.effectiveTo}` : `${policy.effectiveFrom}起`;
  return [
    check('policy_in_force', true, `${policy.source}（有效期${period}）适用于${on}`),
    rule
      ? check('subsidy_in_policy', true, `${policy.source}${rule.clause}规定了“${rule.label}”`)
      : check('subsidy_in_policy', false, `${policy.source}没有规定“${subsidyLabel}”这一项`),
  ];
}

/**
 * Who was hired and how, the same for every claim: a filed employer, a hire from her real
 * application on the platform, and a mother within the service's scope on her start date.
 * `employerNoun` and `applicant` word the reasons for who reads them (an official or herself).
 */
function hireChecks(p: {
  employerApproved: boolean;
  employerNoun: '单位' | '用人单位';
  application: ClaimApplicationFacts;
  mother: MotherEligibility;
  hireStart: IsoDate;
  applicant: '她' | '您';
}): ClaimCheck[] {
  const { application } = p;
  const checks: ClaimCheck[] = [
    p.employerApproved
      ? check('employer_approved', true, `${p.employerNoun}已完成妈妈岗备案并通过审核`)
      : check('employer_approved', false, `${p.employerNoun}尚未完成妈妈岗备案或备案未通过审核`),
  ];
  if (!application.found) {
    checks.push(check('hire_from_application', false, '找不到这次录用对应的平台申请记录'));
  } else if (!application.matches) {
    checks.push(check('hire_from_application', false, '录用登记与申请记录不一致（人员、岗位或单位不同）'));
  } else if (application.status !== 'hired') {
    const status = application.status ? APPLICATION_STATUS_LABELS[application.status] : '未知';
    checks.push(check('hire_from_application', false, `对应申请的状态为“${status}”，不是“已录用”`));
  } else {
    checks.push(check('hire_from_application', true, `${p.applicant}通过平台申请岗位，单位通过申请后登记了录用`));
  }
  checks.push(
    p.mother.eligible
      ? check('mother_eligible', true, `入职（${p.hireStart}）时在法定劳动年龄内并抚养12周岁以下孩子`)
      : check('mother_eligible', false, `入职（${p.hireStart}）时不符合妈妈岗服务对象条件（法定劳动年龄内、抚养12周岁以下孩子的妇女）`),
  );
  return checks;
}

function periodLastDay(from: IsoDate, months: number): IsoDate {
  return addDays(addMonths(from, Math.max(1, months)), -1);
}

/** Months of employment begun between start and end, both inclusive (a part month counts). */
export function monthsEmployed(startDate: IsoDate, endedOn: IsoDate): number {
  if (endedOn < startDate) return 0;
  return completedMonths(startDate, endedOn) + 1;
}

function overlaps(a: { periodFrom: IsoDate; periodTo: IsoDate }, b: { periodFrom: IsoDate; periodTo: IsoDate }): boolean {
  return a.periodFrom <= b.periodTo && b.periodFrom <= a.periodTo;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Checks a claim against the rules. Pure: the caller gathers the facts (the policy version in
 * force, the employer's filing, the hire and its application, her eligibility on the start
 * date, the other claims for her) and stores the result with the claim.
 */
export function checkSubsidyClaim(input: ClaimCheckInput): ClaimCheckResult {
  const { subsidyCode, policy, employer, hire, application, mother, declared } = input;
  const family = SUBSIDY_FAMILY[subsidyCode];
  const checks: ClaimCheck[] = [];
  let dataComplete = true;

  // --- the policy and its rule
  const rule = policy ? policy.rules.find((r) => r.code === subsidyCode) : undefined;
  checks.push(...policyChecks(policy, rule, input.referenceDate, SUBSIDY_FAMILY_LABELS[family]));

  // --- who and how she was hired
  checks.push(...hireChecks({ employerApproved: employer.approved, employerNoun: '单位', application, mother, hireStart: hire.startDate, applicant: '她' }));

  // --- the rule's own conditions
  let months: number | undefined;
  let periodFrom = hire.startDate;
  let periodTo = hire.startDate;
  let classHours: number | undefined;
  const monthsCap = hire.endedOn ? monthsEmployed(hire.startDate, hire.endedOn) : undefined;

  const labourContract = (minMonths: number | undefined) => {
    if (hire.contractForm !== 'labour_contract') {
      checks.push(check('contract', false, `须签订劳动合同，这次录用为${CONTRACT_FORM_LABELS[hire.contractForm]}`));
    } else if (minMonths !== undefined && hire.contractMonths < minMonths) {
      checks.push(check('contract', false, `劳动合同期限须在${minMonths}个月以上，这次为${hire.contractMonths}个月`));
    } else {
      checks.push(check('contract', true, `已签订劳动合同，期限${hire.contractMonths}个月${minMonths ? `（要求${minMonths}个月以上）` : ''}`));
    }
  };
  const socialInsurance = (maxMonths: number | undefined) => {
    if (!hire.socialInsurance) {
      checks.push(check('social_insurance', false, '录用登记中没有为她缴纳社会保险'));
      return;
    }
    const declaredMonths = declared.socialInsuranceMonths;
    if (declaredMonths === undefined) {
      dataComplete = false;
      checks.push(check('data_complete', false, '请填写为她缴纳（或计划缴纳）社会保险的月数'));
      return;
    }
    if (!Number.isInteger(declaredMonths) || declaredMonths < 1) {
      checks.push(check('social_insurance', false, '社会保险缴纳月数须为1个月以上的整数'));
      return;
    }
    if (declaredMonths > hire.contractMonths) {
      checks.push(check('social_insurance', false, `申报缴费${declaredMonths}个月，超过了合同期限${hire.contractMonths}个月`));
      return;
    }
    if (monthsCap !== undefined && declaredMonths > monthsCap) {
      checks.push(check('social_insurance', false, `她已于${hire.endedOn}离职，在职${monthsCap}个月，申报缴费${declaredMonths}个月超过在职月数`));
      return;
    }
    months = maxMonths === undefined ? declaredMonths : Math.min(maxMonths, declaredMonths);
    checks.push(
      check(
        'social_insurance',
        true,
        maxMonths !== undefined && declaredMonths > maxMonths
          ? `已缴纳社会保险${declaredMonths}个月，按政策最长${maxMonths}个月计`
          : `已缴纳（或计划缴纳）社会保险${declaredMonths}个月`,
      ),
    );
  };

  if (rule) {
    switch (rule.code) {
      case 'employer_social_insurance_flat':
      case 'employer_post_subsidy':
        labourContract(rule.minContractMonths);
        socialInsurance(rule.maxMonths);
        checks.push(
          employer.isLabourDispatch
            ? check('not_labour_dispatch', false, '劳务派遣单位不能享受此项补贴')
            : check('not_labour_dispatch', true, '单位不是劳务派遣单位'),
        );
        if (months !== undefined) periodTo = periodLastDay(periodFrom, months);
        break;
      case 'employer_social_insurance_full':
        labourContract(undefined);
        socialInsurance(undefined);
        if (declared.employerContributionPerMonth === undefined) {
          dataComplete = false;
          checks.push(check('data_complete', false, '请填写单位每月为她缴纳的社会保险费金额'));
        } else if (!(declared.employerContributionPerMonth > 0)) {
          checks.push(check('data_complete', false, '单位每月缴费金额须大于0'));
        }
        if (months !== undefined) periodTo = periodLastDay(periodFrom, months);
        break;
      case 'domestic_accident_insurance':
        checks.push(
          employer.domesticService || hire.postType === 'domestic_service'
            ? check('domestic_service', true, '单位为家政服务机构（或岗位为家政服务）')
            : check('domestic_service', false, '此项补贴仅适用于家政服务机构'),
        );
        if (declared.accidentPremiumPerYear === undefined) {
          dataComplete = false;
          checks.push(check('data_complete', false, '请填写为她实际缴纳的意外伤害保险费（元/年）'));
        } else if (!(declared.accidentPremiumPerYear > 0)) {
          checks.push(check('data_complete', false, '意外伤害保险费须大于0'));
        }
        periodTo = addDays(addYears(periodFrom, 1), -1);
        break;
      case 'employer_training': {
        const t = input.training;
        if (!t) {
          dataComplete = false;
          checks.push(check('data_complete', false, '请选择本单位在平台上开设、她参加过的培训课程'));
        } else {
          periodFrom = t.firstDate;
          periodTo = t.lastDate;
          classHours = t.classHours;
          if (!t.ownCourse) checks.push(check('training_attended', false, '只能为本单位开设的培训课程申请培训补贴'));
          else if (t.classHours < 1) checks.push(check('training_attended', false, '她在这门课程中还没有完成1个课时的考勤记录'));
          else checks.push(check('training_attended', true, `她在本单位开设的课程中有考勤记录的课时共${t.classHours}课时`));
        }
        break;
      }
      default:
        break;
    }
  }

  // --- one per mother per period (training: a cap per person instead)
  const counted = input.otherClaims.filter((c) => claimCounts(c.status));
  let trainingRemaining: number | undefined;
  if (rule && rule.code === 'employer_training') {
    const used = round2(
      counted.filter((c) => c.subsidyCode === 'employer_training' && c.policySource === policy?.source).reduce((s, c) => s + c.amount, 0),
    );
    trainingRemaining = Math.max(0, round2(rule.capPerPerson - used));
    checks.push(
      trainingRemaining > 0
        ? check('training_cap', true, `每人最多${rule.capPerPerson}元，她已申请${used}元，还可申请${trainingRemaining}元`)
        : check('training_cap', false, `每人最多${rule.capPerPerson}元，她已申请${used}元，已达上限`),
    );
  } else if (rule) {
    const mine = { periodFrom, periodTo };
    const clash = counted.find((c) => SUBSIDY_FAMILY[c.subsidyCode] === family && overlaps(c, mine));
    checks.push(
      clash
        ? check(
            'one_per_period',
            false,
            `她在${clash.periodFrom}至${clash.periodTo}已有${SUBSIDY_FAMILY_LABELS[family]}申请（编号${clash.id.slice(0, 8)}），与本次${periodFrom}至${periodTo}重叠`,
          )
        : check('one_per_period', true, `${periodFrom}至${periodTo}她没有其他${SUBSIDY_FAMILY_LABELS[family]}申请`),
    );
  }

  // --- the amount, from the estimator the policy centre uses
  let item: SubsidyItem | undefined;
  if (policy && rule) {
    if (rule.code === 'employer_training') {
      if (classHours !== undefined) item = estimateTrainingSubsidy(classHours, policy, { on: input.referenceDate });
    } else {
      const estimate = estimateEmployerSubsidy(
        {
          policy,
          employer,
          mother,
          hire: {
            contractForm: hire.contractForm,
            contractMonths: hire.contractMonths,
            socialInsurancePaid: hire.socialInsurance,
            socialInsuranceMonths: months ?? declared.socialInsuranceMonths,
            startDate: hire.startDate,
            fromApplication: application.found && application.matches && application.status === 'hired',
            postType: hire.postType,
            employerContributionPerMonth: declared.employerContributionPerMonth,
            accidentPremiumPerYear: declared.accidentPremiumPerYear,
          },
        },
        input.referenceDate,
      );
      item = estimate.items.find((i) => i.code === rule.code);
    }
  }
  let potentialAmount = item?.potentialTotal ?? 0;
  if (trainingRemaining !== undefined) potentialAmount = Math.min(potentialAmount, trainingRemaining);
  potentialAmount = round2(potentialAmount);

  // A safety net: a condition the estimator knows and the checks above do not.
  if (checks.every((c) => c.passed) && item && !item.applies) {
    checks.push(check('policy_conditions', false, item.missing.join('；')));
  }
  if (checks.every((c) => c.passed) && potentialAmount <= 0) {
    checks.push(check('policy_conditions', false, '按申报资料计算的补贴金额为0'));
  }

  const passes = checks.every((c) => c.passed);
  return {
    passes,
    checks,
    amount: passes ? potentialAmount : 0,
    potentialAmount,
    periodFrom,
    periodTo,
    ...(months !== undefined ? { months } : {}),
    ...(classHours !== undefined ? { classHours } : {}),
    basis: policy && rule ? `${policy.source} ${rule.clause}` : (policy?.source ?? ''),
    dataComplete,
  };
}

/**
 * What the system fills in for a 免申即享 proposal from the hire alone: the monthly subsidies
 * run for the rule's maximum months within the contract. Amounts the employer must state
 * (its actual contribution, the premium it paid) stay unknown, so those claims need the employer.
 */
export function declaredForProposal(policy: RegionalPolicy, code: ClaimableSubsidyCode, hire: ClaimHireFacts): ClaimDeclared {
  if (code === 'employer_social_insurance_flat' || code === 'employer_post_subsidy') {
    const rule = findRule(policy, code);
    if (!rule || !hire.socialInsurance) return {};
    const cap = hire.endedOn ? monthsEmployed(hire.startDate, hire.endedOn) : hire.contractMonths;
    return { socialInsuranceMonths: Math.max(0, Math.min(rule.maxMonths, hire.contractMonths, cap)) };
  }
  if (code === 'employer_social_insurance_full') {
    return hire.socialInsurance ? { socialInsuranceMonths: Math.min(12, hire.contractMonths) } : {};
  }
  return {};
}

/** The claimable subsidies a policy has, in the policy's order. */
export function claimableCodesOf(policy: RegionalPolicy): ClaimableSubsidyCode[] {
  return policy.rules
    .map((r) => r.code)
    .filter((c): c is ClaimableSubsidyCode => (CLAIMABLE_SUBSIDY_CODES as readonly string[]).includes(c));
}

// ---------------------------------------------------------------------------------------------
// The mother's own claim: 灵活就业人员社会保险补贴 (Zhongshan 2022 第5条)
// ---------------------------------------------------------------------------------------------

/** What she states on her own claim. The platform has no flexible-employment register: she declares it. */
export interface MotherClaimDeclared {
  /** The day she registered for flexible employment (灵活就业登记). */
  flexibleEmploymentRegisteredOn?: IsoDate;
  /** Months of social insurance she paid (or pays) herself as a flexible worker. */
  selfPaidInsuranceMonths?: number;
}

export interface MotherClaimCheckInput {
  /** The policy in force on the period's first day, or null when none was. */
  policy: RegionalPolicy | null;
  /** The first day of the period she claims: the later of the hire's start and the month she names. */
  periodFrom: IsoDate;
  /** Today: a registration cannot be declared for a day still to come. */
  today: IsoDate;
  /** The employer she works for under the agreement has filed and been approved. */
  employerApproved: boolean;
  hire: ClaimHireFacts;
  application: ClaimApplicationFacts;
  /** Her eligibility on the hire's start date. */
  mother: MotherEligibility;
  declared: MotherClaimDeclared;
  /** Every other claim naming her (this one excluded); rejected ones are ignored. */
  otherClaims: readonly ExistingClaim[];
}

/** The first day of the claimed period: the month she names (YYYY-MM-01), never before the hire's start. */
export function motherClaimPeriodFrom(hireStart: IsoDate, month?: IsoDate): IsoDate {
  return month && month > hireStart ? month : hireStart;
}

/**
 * Checks a mother's own claim for the flexible-employment social-insurance subsidy: a hire
 * reported from her real application at a filed employer, a service agreement of the rule's
 * minimum length, a flexible-employment registration on or before the period, social
 * insurance she pays herself, and one social-insurance subsidy per period (whoever claims it).
 * Pure, like checkSubsidyClaim; the amount comes from estimateMotherSubsidy.
 */
export function checkMotherSubsidyClaim(input: MotherClaimCheckInput): ClaimCheckResult {
  const { policy, hire, application, mother, declared } = input;
  const code: ClaimableSubsidyCode = 'mother_flexible_social_insurance';
  const family = SUBSIDY_FAMILY[code];
  const checks: ClaimCheck[] = [];
  let dataComplete = true;
  const periodFrom = input.periodFrom;

  const rule = policy ? findRule(policy, code) : undefined;
  checks.push(...policyChecks(policy, rule, periodFrom, CLAIMABLE_SUBSIDY_LABELS[code]));
  checks.push(...hireChecks({ employerApproved: input.employerApproved, employerNoun: '用人单位', application, mother, hireStart: hire.startDate, applicant: '您' }));

  // --- the agreement
  const minMonths = rule?.minAgreementMonths;
  const agreementEnd = addDays(addMonths(hire.startDate, Math.max(1, hire.contractMonths)), -1);
  if (hire.contractForm !== 'service_agreement') {
    checks.push(check('contract', false, `此项补贴适用于签订劳务协议的灵活就业人员，这次录用为${CONTRACT_FORM_LABELS[hire.contractForm]}`));
  } else if (minMonths !== undefined && hire.contractMonths < minMonths) {
    checks.push(check('contract', false, `劳务协议期限须在${minMonths}个月以上，这次为${hire.contractMonths}个月`));
  } else if (periodFrom > agreementEnd || (hire.endedOn !== undefined && periodFrom > hire.endedOn)) {
    checks.push(check('contract', false, `申请期间从${periodFrom}开始，已不在劳务协议期内（${hire.startDate}至${hire.endedOn ?? agreementEnd}）`));
  } else {
    checks.push(check('contract', true, `已签订劳务协议，期限${hire.contractMonths}个月${minMonths ? `（要求${minMonths}个月以上）` : ''}`));
  }

  // --- her flexible-employment registration
  const registeredOn = declared.flexibleEmploymentRegisteredOn;
  if (registeredOn === undefined) {
    dataComplete = false;
    checks.push(check('data_complete', false, '请填写办理灵活就业登记的日期'));
  } else if (registeredOn > input.today) {
    checks.push(check('flexible_employment_registration', false, `灵活就业登记日期${registeredOn}晚于今天，请办理登记后再申请`));
  } else if (registeredOn > periodFrom) {
    checks.push(check('flexible_employment_registration', false, `灵活就业登记（${registeredOn}）须在申请期间开始（${periodFrom}）之前或当天办理`));
  } else {
    checks.push(check('flexible_employment_registration', true, `已于${registeredOn}办理灵活就业登记`));
  }

  // --- social insurance she pays herself
  let months: number | undefined;
  const paid = declared.selfPaidInsuranceMonths;
  const monthsCap = hire.endedOn ? monthsEmployed(hire.startDate, hire.endedOn) : undefined;
  if (paid === undefined) {
    dataComplete = false;
    checks.push(check('data_complete', false, '请填写以个人身份缴纳社会保险的月数'));
  } else if (!Number.isInteger(paid) || paid < 1) {
    checks.push(check('social_insurance', false, '须以个人身份缴纳社会保险费（缴费月数须为1个月以上的整数）'));
  } else if (paid > hire.contractMonths) {
    checks.push(check('social_insurance', false, `申报自缴${paid}个月，超过了劳务协议期限${hire.contractMonths}个月`));
  } else if (monthsCap !== undefined && paid > monthsCap) {
    checks.push(check('social_insurance', false, `协议已于${hire.endedOn}结束，在岗${monthsCap}个月，申报自缴${paid}个月超过在岗月数`));
  } else {
    const max = rule?.maxMonths;
    months = max === undefined ? paid : Math.min(max, paid);
    checks.push(
      check(
        'social_insurance',
        true,
        max !== undefined && paid > max ? `已自缴社会保险${paid}个月，按政策最长${max}个月计` : `已以个人身份缴纳社会保险${paid}个月`,
      ),
    );
  }
  const periodTo = months !== undefined ? periodLastDay(periodFrom, months) : periodFrom;

  // --- one social-insurance subsidy per period, whoever claims it
  if (rule) {
    const mine = { periodFrom, periodTo };
    const clash = input.otherClaims.filter((c) => claimCounts(c.status)).find((c) => SUBSIDY_FAMILY[c.subsidyCode] === family && overlaps(c, mine));
    checks.push(
      clash
        ? check(
            'one_per_period',
            false,
            `${clash.periodFrom}至${clash.periodTo}已有${SUBSIDY_FAMILY_LABELS[family]}申请（编号${clash.id.slice(0, 8)}），与本次${periodFrom}至${periodTo}重叠`,
          )
        : check('one_per_period', true, `${periodFrom}至${periodTo}没有其他${SUBSIDY_FAMILY_LABELS[family]}申请`),
    );
  }

  // --- the amount, from the estimator the policy centre uses
  let item: SubsidyItem | undefined;
  if (policy && rule) {
    item = estimateMotherSubsidy(
      {
        policy,
        mother,
        hire: {
          contractForm: hire.contractForm,
          contractMonths: hire.contractMonths,
          // The policy is the one in force when the claimed period begins.
          startDate: periodFrom,
          fromApplication: application.found && application.matches && application.status === 'hired',
          employerApproved: input.employerApproved,
          flexibleEmploymentRegistered: registeredOn !== undefined && registeredOn <= periodFrom && registeredOn <= input.today,
          paysOwnSocialInsurance: paid !== undefined && paid >= 1,
          socialInsuranceMonths: months ?? paid ?? 0,
        },
      },
      input.today,
    ).items.find((i) => i.code === code);
  }
  const potentialAmount = round2(item?.potentialTotal ?? 0);
  if (checks.every((c) => c.passed) && item && !item.applies) {
    checks.push(check('policy_conditions', false, item.missing.join('；')));
  }
  if (checks.every((c) => c.passed) && potentialAmount <= 0) {
    checks.push(check('policy_conditions', false, '按申报资料计算的补贴金额为0'));
  }

  const passes = checks.every((c) => c.passed);
  return {
    passes,
    checks,
    amount: passes ? potentialAmount : 0,
    potentialAmount,
    periodFrom,
    periodTo,
    ...(months !== undefined ? { months } : {}),
    basis: policy && rule ? `${policy.source} ${rule.clause}` : (policy?.source ?? ''),
    dataComplete,
  };
}
