import { ClaimCheckInput, checkSubsidyClaim, declaredForProposal, monthsEmployed } from './claims';
import { assessMotherEligibility } from './eligibility';
import { RegionalPolicy, WEIHAI_2025, ZHONGSHAN_2022 } from './policy';

const eligible = assessMotherEligibility({ birthDate: '1990-04-12', children: [{ birthYear: 2019, birthMonth: 5 }], now: '2022-09-01' });
const notEligible = assessMotherEligibility({ birthDate: '1990-04-12', children: [{ birthYear: 2005, birthMonth: 5 }], now: '2022-09-01' });

function base(overrides: Partial<ClaimCheckInput> = {}): ClaimCheckInput {
  return {
    subsidyCode: 'employer_social_insurance_flat',
    policy: ZHONGSHAN_2022,
    referenceDate: '2022-09-01',
    employer: { approved: true, isLabourDispatch: false, kind: 'enterprise' },
    hire: { startDate: '2022-09-01', contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true },
    application: { found: true, matches: true, status: 'hired' },
    mother: eligible,
    declared: { socialInsuranceMonths: 12 },
    otherClaims: [],
    ...overrides,
  };
}

const failed = (input: ClaimCheckInput) =>
  checkSubsidyClaim(input)
    .checks.filter((c) => !c.passed)
    .map((c) => [c.code, c.reason]);

describe('checkSubsidyClaim: Zhongshan social-insurance subsidy', () => {
  it('passes an honest claim: 300 a month for 12 months, period a year from the start', () => {
    const r = checkSubsidyClaim(base());
    expect(r.passes).toBe(true);
    expect(r.amount).toBe(3600);
    expect(r.months).toBe(12);
    expect([r.periodFrom, r.periodTo]).toEqual(['2022-09-01', '2023-08-31']);
    expect(r.basis).toBe('中府函〔2022〕226号 第3条');
    expect(r.checks.map((c) => c.code)).toEqual([
      'policy_in_force',
      'subsidy_in_policy',
      'employer_approved',
      'hire_from_application',
      'mother_eligible',
      'contract',
      'social_insurance',
      'not_labour_dispatch',
      'one_per_period',
    ]);
    expect(r.checks.every((c) => c.reason.length > 0)).toBe(true);
  });

  it('counts only the months claimed, capped by the rule', () => {
    expect(checkSubsidyClaim(base({ declared: { socialInsuranceMonths: 6 } })).amount).toBe(1800);
    const long = checkSubsidyClaim(base({ hire: { ...base().hire, contractMonths: 36 }, declared: { socialInsuranceMonths: 24 } }));
    expect(long.amount).toBe(3600);
    expect(long.checks.find((c) => c.code === 'social_insurance')?.reason).toContain('按政策最长12个月计');
  });

  it.each<[string, Partial<ClaimCheckInput>, string, string]>([
    ['no policy in force', { policy: null }, 'policy_in_force', '2022-09-01当地没有在有效期内的妈妈岗补贴政策'],
    ['a policy without the subsidy', { policy: WEIHAI_2025 }, 'subsidy_in_policy', '威人社字〔2025〕6号没有规定“社会保险补贴”这一项'],
    ['an employer not approved', { employer: { approved: false, isLabourDispatch: false, kind: 'enterprise' } }, 'employer_approved', '单位尚未完成妈妈岗备案或备案未通过审核'],
    ['a labour-dispatch firm', { employer: { approved: true, isLabourDispatch: true, kind: 'enterprise' } }, 'not_labour_dispatch', '劳务派遣单位不能享受此项补贴'],
    ['no application', { application: { found: false, matches: false } }, 'hire_from_application', '找不到这次录用对应的平台申请记录'],
    ['an application of someone else', { application: { found: true, matches: false, status: 'hired' } }, 'hire_from_application', '录用登记与申请记录不一致（人员、岗位或单位不同）'],
    ['a withdrawn application', { application: { found: true, matches: true, status: 'withdrawn' } }, 'hire_from_application', '对应申请的状态为“已撤回”，不是“已录用”'],
    ['a mother not eligible', { mother: notEligible }, 'mother_eligible', '入职（2022-09-01）时不符合妈妈岗服务对象条件（法定劳动年龄内、抚养12周岁以下孩子的妇女）'],
    [
      'a service agreement',
      { hire: { startDate: '2022-09-01', contractForm: 'service_agreement', contractMonths: 12, socialInsurance: true } },
      'contract',
      '须签订劳动合同，这次录用为劳务协议',
    ],
    [
      'a contract of 11 months',
      { hire: { startDate: '2022-09-01', contractForm: 'labour_contract', contractMonths: 11, socialInsurance: true }, declared: { socialInsuranceMonths: 11 } },
      'contract',
      '劳动合同期限须在12个月以上，这次为11个月',
    ],
    [
      'no social insurance',
      { hire: { startDate: '2022-09-01', contractForm: 'labour_contract', contractMonths: 12, socialInsurance: false } },
      'social_insurance',
      '录用登记中没有为她缴纳社会保险',
    ],
    ['zero months', { declared: { socialInsuranceMonths: 0 } }, 'social_insurance', '社会保险缴纳月数须为1个月以上的整数'],
    ['more months than the contract', { declared: { socialInsuranceMonths: 13 } }, 'social_insurance', '申报缴费13个月，超过了合同期限12个月'],
    [
      'more months than she worked',
      { hire: { startDate: '2022-09-01', contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true, endedOn: '2022-10-15' } },
      'social_insurance',
      '她已于2022-10-15离职，在职2个月，申报缴费12个月超过在职月数',
    ],
    ['no months stated', { declared: {} }, 'data_complete', '请填写为她缴纳（或计划缴纳）社会保险的月数'],
  ])('fails %s', (_label, overrides, code, reason) => {
    const r = checkSubsidyClaim(base(overrides));
    expect(r.passes).toBe(false);
    expect(r.amount).toBe(0);
    expect(failed(base(overrides))).toContainEqual([code, reason]);
  });

  it('fails a second social-insurance subsidy for the same mother in an overlapping period, from any employer', () => {
    const other = { id: 'abcdef12-0000', subsidyCode: 'employer_social_insurance_flat' as const, status: 'approved' as const, periodFrom: '2022-03-01', periodTo: '2023-02-28', amount: 3600, policySource: '中府函〔2022〕226号' };
    expect(failed(base({ otherClaims: [other] }))).toEqual([
      ['one_per_period', '她在2022-03-01至2023-02-28已有社会保险补贴申请（编号abcdef12），与本次2022-09-01至2023-08-31重叠'],
    ]);
  });

  it.each([
    ['a rejected claim', { status: 'rejected' as const, periodFrom: '2022-03-01', periodTo: '2023-02-28', subsidyCode: 'employer_social_insurance_flat' as const }],
    ['an earlier period', { status: 'approved' as const, periodFrom: '2021-09-01', periodTo: '2022-08-31', subsidyCode: 'employer_social_insurance_flat' as const }],
    ['another family', { status: 'approved' as const, periodFrom: '2022-09-01', periodTo: '2023-08-31', subsidyCode: 'employer_post_subsidy' as const }],
  ])('leaves alone %s', (_label, other) => {
    expect(checkSubsidyClaim(base({ otherClaims: [{ id: 'x', amount: 1, policySource: 's', ...other }] })).passes).toBe(true);
  });
});

describe('checkSubsidyClaim: other subsidies', () => {
  it('Weihai full reimbursement needs the contribution; with it pays contribution x months', () => {
    const weihai = base({ subsidyCode: 'employer_social_insurance_full', policy: WEIHAI_2025, referenceDate: '2025-06-01', hire: { startDate: '2025-06-01', contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true } });
    const incomplete = checkSubsidyClaim(weihai);
    expect(incomplete.passes).toBe(false);
    expect(incomplete.dataComplete).toBe(false);
    expect(incomplete.checks.find((c) => !c.passed)?.reason).toBe('请填写单位每月为她缴纳的社会保险费金额');
    const complete = checkSubsidyClaim({ ...weihai, declared: { socialInsuranceMonths: 6, employerContributionPerMonth: 812.5 } });
    expect(complete.passes).toBe(true);
    expect(complete.amount).toBe(4875);
    expect(complete.periodTo).toBe('2025-11-30');
  });

  it('Weihai accident insurance: domestic service only, capped at 100 a year', () => {
    const input = base({
      subsidyCode: 'domestic_accident_insurance',
      policy: WEIHAI_2025,
      referenceDate: '2025-06-01',
      hire: { startDate: '2025-06-01', contractForm: 'service_agreement', contractMonths: 6, socialInsurance: false, postType: 'domestic_service' },
      declared: { accidentPremiumPerYear: 150 },
    });
    expect(checkSubsidyClaim(input)).toMatchObject({ passes: true, amount: 100, periodFrom: '2025-06-01', periodTo: '2026-05-31' });
    expect(failed({ ...input, hire: { ...input.hire, postType: 'production_line' } })).toEqual([['domestic_service', '此项补贴仅适用于家政服务机构']]);
  });

  it('Zhongshan training: attended class hours x 20, capped at 500 per person across claims', () => {
    const input = base({
      subsidyCode: 'employer_training',
      referenceDate: '2022-10-08',
      training: { ownCourse: true, classHours: 16, firstDate: '2022-10-08', lastDate: '2022-10-30' },
      declared: {},
    });
    expect(checkSubsidyClaim(input)).toMatchObject({ passes: true, amount: 320, classHours: 16, periodFrom: '2022-10-08', periodTo: '2022-10-30' });
    const earlier = { id: 'c1', subsidyCode: 'employer_training' as const, status: 'approved' as const, periodFrom: '2022-09-01', periodTo: '2022-09-30', amount: 400, policySource: '中府函〔2022〕226号' };
    expect(checkSubsidyClaim({ ...input, otherClaims: [earlier] })).toMatchObject({ passes: true, amount: 100 });
    expect(failed({ ...input, otherClaims: [{ ...earlier, amount: 500 }] })).toEqual([['training_cap', '每人最多500元，她已申请500元，已达上限']]);
    expect(failed({ ...input, training: { ownCourse: false, classHours: 16, firstDate: '2022-10-08', lastDate: '2022-10-30' } })).toEqual([
      ['training_attended', '只能为本单位开设的培训课程申请培训补贴'],
    ]);
    expect(failed({ ...input, training: undefined })).toEqual([['data_complete', '请选择本单位在平台上开设、她参加过的培训课程']]);
  });
});

describe('declaredForProposal and monthsEmployed', () => {
  const hire = { startDate: '2022-09-01', contractForm: 'labour_contract' as const, contractMonths: 24, socialInsurance: true };
  it.each([
    ['flat, long contract', 'employer_social_insurance_flat', hire, { socialInsuranceMonths: 12 }],
    ['flat, no insurance', 'employer_social_insurance_flat', { ...hire, socialInsurance: false }, {}],
    ['flat, ended after 3 months', 'employer_social_insurance_flat', { ...hire, endedOn: '2022-11-20' }, { socialInsuranceMonths: 3 }],
    ['training needs the employer', 'employer_training', hire, {}],
  ] as const)('%s', (_label, code, h, expected) => {
    expect(declaredForProposal(ZHONGSHAN_2022 as RegionalPolicy, code, h)).toEqual(expected);
  });

  it.each([
    ['2022-09-01', '2022-09-01', 1],
    ['2022-09-01', '2022-09-30', 1],
    ['2022-09-01', '2022-10-01', 2],
    ['2022-09-01', '2022-08-31', 0],
  ])('from %s to %s: %i months begun', (from, to, months) => {
    expect(monthsEmployed(from, to)).toBe(months);
  });
});
