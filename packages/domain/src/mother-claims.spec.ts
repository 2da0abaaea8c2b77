import { MotherClaimCheckInput, checkMotherSubsidyClaim, motherClaimPeriodFrom } from './claims';
import { assessMotherEligibility } from './eligibility';
import { WEIHAI_2025, ZHONGSHAN_2022 } from './policy';

const eligible = assessMotherEligibility({ birthDate: '1990-04-12', children: [{ birthYear: 2019, birthMonth: 5 }], now: '2022-09-01' });

function base(overrides: Partial<MotherClaimCheckInput> = {}): MotherClaimCheckInput {
  return {
    policy: ZHONGSHAN_2022,
    periodFrom: '2022-09-01',
    today: '2022-10-15',
    employerApproved: true,
    hire: { startDate: '2022-09-01', contractForm: 'service_agreement', contractMonths: 12, socialInsurance: false },
    application: { found: true, matches: true, status: 'hired' },
    mother: eligible,
    declared: { flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 12 },
    otherClaims: [],
    ...overrides,
  };
}

const failed = (input: MotherClaimCheckInput) =>
  checkMotherSubsidyClaim(input)
    .checks.filter((c) => !c.passed)
    .map((c) => [c.code, c.reason]);

describe('checkMotherSubsidyClaim: Zhongshan flexible-employment social-insurance subsidy', () => {
  it('passes an honest claim: 300 a month for 12 months from the hire', () => {
    const r = checkMotherSubsidyClaim(base());
    expect(r.passes).toBe(true);
    expect(r.amount).toBe(3600);
    expect(r.months).toBe(12);
    expect([r.periodFrom, r.periodTo]).toEqual(['2022-09-01', '2023-08-31']);
    expect(r.basis).toBe('中府函〔2022〕226号 第5条');
    expect(r.checks.map((c) => c.code)).toEqual([
      'policy_in_force',
      'subsidy_in_policy',
      'employer_approved',
      'hire_from_application',
      'mother_eligible',
      'contract',
      'flexible_employment_registration',
      'social_insurance',
      'one_per_period',
    ]);
  });

  it.each<[string, Partial<MotherClaimCheckInput>, number, number]>([
    ['6 months paid', { declared: { flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 6 } }, 6, 1800],
    ['a 24-month agreement, 18 months paid: capped at 12', {
      hire: { startDate: '2022-09-01', contractForm: 'service_agreement', contractMonths: 24, socialInsurance: false },
      declared: { flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 18 },
    }, 12, 3600],
  ])('pays by months: %s', (_name, overrides, months, amount) => {
    const r = checkMotherSubsidyClaim(base(overrides));
    expect([r.passes, r.months, r.amount]).toEqual([true, months, amount]);
  });

  it.each<[string, Partial<MotherClaimCheckInput>, string, string]>([
    ['no policy in force', { policy: null }, 'policy_in_force', '2022-09-01当地没有在有效期内的妈妈岗补贴政策'],
    ['a policy without the subsidy (Weihai)', { policy: WEIHAI_2025 }, 'subsidy_in_policy', '威人社字〔2025〕6号没有规定“灵活就业人员社会保险补贴”这一项'],
    ['an employer not approved', { employerApproved: false }, 'employer_approved', '用人单位尚未完成妈妈岗备案或备案未通过审核'],
    ['no application', { application: { found: false, matches: false } }, 'hire_from_application', '找不到这次录用对应的平台申请记录'],
    [
      'a labour contract',
      { hire: { startDate: '2022-09-01', contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true } },
      'contract',
      '此项补贴适用于签订劳务协议的灵活就业人员，这次录用为劳动合同',
    ],
    [
      'a 6-month agreement',
      { hire: { startDate: '2022-09-01', contractForm: 'service_agreement', contractMonths: 6, socialInsurance: false }, declared: { flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 6 } },
      'contract',
      '劳务协议期限须在12个月以上，这次为6个月',
    ],
    ['a period after the agreement', { periodFrom: '2023-09-01' }, 'contract', '申请期间从2023-09-01开始，已不在劳务协议期内（2022-09-01至2023-08-31）'],
    [
      'a registration after the period starts',
      { declared: { flexibleEmploymentRegisteredOn: '2022-09-02', selfPaidInsuranceMonths: 12 } },
      'flexible_employment_registration',
      '灵活就业登记（2022-09-02）须在申请期间开始（2022-09-01）之前或当天办理',
    ],
    [
      'a registration in the future',
      { periodFrom: '2022-11-01', declared: { flexibleEmploymentRegisteredOn: '2022-10-20', selfPaidInsuranceMonths: 10 } },
      'flexible_employment_registration',
      '灵活就业登记日期2022-10-20晚于今天，请办理登记后再申请',
    ],
    ['no registration date', { declared: { selfPaidInsuranceMonths: 12 } }, 'data_complete', '请填写办理灵活就业登记的日期'],
    [
      'no self-paid insurance',
      { declared: { flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 0 } },
      'social_insurance',
      '须以个人身份缴纳社会保险费（缴费月数须为1个月以上的整数）',
    ],
    [
      'more months than the agreement',
      { declared: { flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 13 } },
      'social_insurance',
      '申报自缴13个月，超过了劳务协议期限12个月',
    ],
    [
      'an agreement that ended after 3 months',
      { hire: { startDate: '2022-09-01', contractForm: 'service_agreement', contractMonths: 12, socialInsurance: false, endedOn: '2022-11-30' } },
      'social_insurance',
      '协议已于2022-11-30结束，在岗3个月，申报自缴12个月超过在岗月数',
    ],
    [
      'an employer social-insurance claim for an overlapping period',
      {
        otherClaims: [
          { id: 'aaaaaaaa-0000', subsidyCode: 'employer_social_insurance_flat', status: 'approved', periodFrom: '2023-01-01', periodTo: '2023-12-31', amount: 3600, policySource: '中府函〔2022〕226号' },
        ],
      },
      'one_per_period',
      '2023-01-01至2023-12-31已有社会保险补贴申请（编号aaaaaaaa），与本次2022-09-01至2023-08-31重叠',
    ],
  ])('fails %s with its reason', (_name, overrides, code, reason) => {
    const r = checkMotherSubsidyClaim(base(overrides));
    expect(r.passes).toBe(false);
    expect(r.amount).toBe(0);
    expect(failed(base(overrides))).toContainEqual([code, reason]);
  });

  it('ignores a rejected claim for the same period and an earlier claim that does not overlap', () => {
    const r = checkMotherSubsidyClaim(
      base({
        otherClaims: [
          { id: 'r', subsidyCode: 'mother_flexible_social_insurance', status: 'rejected', periodFrom: '2022-09-01', periodTo: '2023-08-31', amount: 0, policySource: 'x' },
          { id: 'e', subsidyCode: 'employer_post_subsidy', status: 'approved', periodFrom: '2022-09-01', periodTo: '2023-08-31', amount: 1200, policySource: 'x' },
        ],
      }),
    );
    expect(r.passes).toBe(true);
  });

  it.each([
    ['2022-09-01', undefined, '2022-09-01'],
    ['2022-09-15', '2022-09-01', '2022-09-15'],
    ['2022-09-15', '2022-11-01', '2022-11-01'],
  ])('starts the period at the later of the hire (%s) and the month named (%s)', (start, month, expected) => {
    expect(motherClaimPeriodFrom(start, month)).toBe(expected);
  });
});
