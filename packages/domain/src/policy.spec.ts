import { MotherEligibilityInput, assessMotherEligibility } from './eligibility';
import {
  EmployerSubsidyInput,
  MINIMUM_WAGES,
  MotherSubsidyInput,
  REGIONAL_POLICIES,
  SubsidyEmployer,
  SubsidyHire,
  WEIHAI_2025,
  ZHONGSHAN_2022,
  estimateEmployerSubsidy,
  estimateMotherSubsidy,
  estimateTrainingSubsidy,
  minimumWageOn,
  policyInForce,
} from './policy';

const mother = (overrides: Partial<MotherEligibilityInput> = {}, now = '2022-09-01') =>
  assessMotherEligibility({
    birthDate: '1990-04-12',
    children: [{ birthYear: 2019, birthMonth: 5 }],
    registeredUnemployedSince: '2022-01-01',
    now,
    ...overrides,
  });

describe('policyInForce and minimumWageOn', () => {
  it.each([
    ['442000', '2022-07-04', '中府函〔2022〕226号'],
    ['442000', '2023-07-03', '中府函〔2022〕226号'],
    ['442000', '2023-07-04', undefined],
    ['442000', '2022-07-03', undefined],
    ['371000', '2025-04-21', '威人社字〔2025〕6号'],
    ['371002', '2026-01-01', '威人社字〔2025〕6号'],
    ['371000', '2025-04-20', undefined],
    ['370000', '2025-06-01', undefined],
    ['110000', '2025-06-01', undefined],
  ])('region %s on %s → %s', (region, on, source) => {
    expect(policyInForce(REGIONAL_POLICIES, region, on)?.source).toBe(source);
  });

  it.each([
    ['371002', '2025-06-01', 2200, 22],
    ['442000', '2022-09-01', 1900, 18.1],
    ['442000', '2021-11-30', undefined, undefined],
  ])('minimum wage in %s on %s: %s/month, %s/hour', (region, on, monthly, hourly) => {
    const wage = minimumWageOn(MINIMUM_WAGES, region, on);
    expect(wage?.monthly).toBe(monthly);
    expect(wage?.hourly).toBe(hourly);
  });

  it.each(REGIONAL_POLICIES.map((p) => [p.source, p] as const))('%s names its source and minimum wage', (_s, policy) => {
    expect(policy.source).toMatch(/〔\d{4}〕\d+号/);
    expect(policy.minimumWage.source).toMatch(/\p{Script=Han}/u);
    expect(policy.rules.length).toBeGreaterThan(0);
  });
});

describe('estimateEmployerSubsidy: Zhongshan 2022', () => {
  const employer: SubsidyEmployer = { approved: true, isLabourDispatch: false, kind: 'enterprise' };
  const hire: SubsidyHire = {
    contractForm: 'labour_contract',
    contractMonths: 12,
    socialInsurancePaid: true,
    socialInsuranceMonths: 12,
    startDate: '2022-09-01',
    fromApplication: true,
  };
  const input: EmployerSubsidyInput = { policy: ZHONGSHAN_2022, employer, hire, mother: mother() };
  const totals = (i: EmployerSubsidyInput) =>
    Object.fromEntries(estimateEmployerSubsidy(i, '2022-09-15').items.map((it) => [it.code, it.total]));

  it('pays social insurance 300 and post 100 per month for 12 months, and 7,800 tax a year for 3 years', () => {
    const r = estimateEmployerSubsidy(input, '2022-09-15');
    expect(r.items.map((i) => [i.code, i.applies, i.total])).toEqual([
      ['employer_social_insurance_flat', true, 3600],
      ['employer_post_subsidy', true, 1200],
      ['hiring_tax_deduction', true, 23400],
    ]);
    expect(r.total).toBe(28200);
    expect(r.items[0].basis).toBe('中府函〔2022〕226号 第3条');
  });

  it.each<[string, Partial<EmployerSubsidyInput>, string, Record<string, number>]>([
    ['a contract of 6 months', { hire: { ...hire, contractMonths: 6 } }, '劳动合同期限须在12个月以上（目前6个月）', { employer_social_insurance_flat: 0, employer_post_subsidy: 0, hiring_tax_deduction: 0 }],
    ['a service agreement', { hire: { ...hire, contractForm: 'service_agreement' } }, '须签订劳动合同（目前为劳务协议）', { employer_social_insurance_flat: 0, employer_post_subsidy: 0, hiring_tax_deduction: 0 }],
    ['no social insurance', { hire: { ...hire, socialInsurancePaid: false } }, '须按规定为其缴纳社会保险费', { employer_social_insurance_flat: 0, employer_post_subsidy: 0, hiring_tax_deduction: 0 }],
    ['a labour-dispatch firm', { employer: { ...employer, isLabourDispatch: true } }, '劳务派遣单位不能享受此项补贴', { employer_social_insurance_flat: 0, employer_post_subsidy: 0, hiring_tax_deduction: 23400 }],
    ['an employer not yet approved', { employer: { ...employer, approved: false } }, '用人单位尚未完成妈妈岗备案并通过审核', { employer_social_insurance_flat: 0, employer_post_subsidy: 0, hiring_tax_deduction: 0 }],
    ['a hire not reported through the platform', { hire: { ...hire, fromApplication: false } }, '这次录用没有通过妈妈岗平台申请并报备', { employer_social_insurance_flat: 0, employer_post_subsidy: 0, hiring_tax_deduction: 0 }],
    ['a mother not registered unemployed', { mother: mother({ registeredUnemployedSince: undefined }) }, '录用人员须登记失业半年以上或属于脱贫人口', { employer_social_insurance_flat: 3600, employer_post_subsidy: 1200, hiring_tax_deduction: 0 }],
    ['a mother unemployed 3 months', { mother: mother({ registeredUnemployedSince: '2022-06-01' }) }, '录用人员须登记失业半年以上（目前3个月）或属于脱贫人口', { employer_social_insurance_flat: 3600, employer_post_subsidy: 1200, hiring_tax_deduction: 0 }],
    ['an individual business (no enterprise tax deduction)', { employer: { ...employer, kind: 'individual_business' } }, '此项税收优惠适用于招用人员的企业', { employer_social_insurance_flat: 3600, employer_post_subsidy: 1200, hiring_tax_deduction: 0 }],
    ['a woman whose youngest child is 12', { mother: mother({ children: [{ birthYear: 2010, birthMonth: 1 }] }) }, '录用人员不符合妈妈岗服务对象条件（法定劳动年龄内、抚养12周岁以下孩子的妇女）', { employer_social_insurance_flat: 0, employer_post_subsidy: 0, hiring_tax_deduction: 0 }],
    ['a hire after the trial year ended', { hire: { ...hire, startDate: '2023-08-01' } }, '中府函〔2022〕226号的有效期为2022-07-04至2023-07-03，2023-08-01不在有效期内', { employer_social_insurance_flat: 0, employer_post_subsidy: 0, hiring_tax_deduction: 0 }],
  ])('%s: lists "%s"', (_name, overrides, missing, expectedTotals) => {
    const i = { ...input, ...overrides };
    const r = estimateEmployerSubsidy(i, '2022-09-15');
    expect(totals(i)).toEqual(expectedTotals);
    const failing = r.items.filter((it) => !it.applies);
    expect(failing.length).toBeGreaterThan(0);
    for (const it of failing) expect(it.missing).toContain(missing);
    for (const it of r.items) expect(it.potentialTotal).toBeGreaterThan(0);
  });

  it('lists every missing condition at once', () => {
    const r = estimateEmployerSubsidy(
      { ...input, employer: { ...employer, approved: false }, hire: { ...hire, contractMonths: 3, socialInsurancePaid: false, fromApplication: false } },
      '2022-09-15',
    );
    expect(r.items[0].missing).toEqual([
      '用人单位尚未完成妈妈岗备案并通过审核',
      '这次录用没有通过妈妈岗平台申请并报备',
      '劳动合同期限须在12个月以上（目前3个月）',
      '须按规定为其缴纳社会保险费',
    ]);
    expect(r.total).toBe(0);
  });

  it.each([
    [5, 1500, 500],
    [12, 3600, 1200],
    [24, 3600, 1200],
  ])('%i months of social insurance → %i + %i', (months, si, post) => {
    expect(totals({ ...input, hire: { ...hire, socialInsuranceMonths: months } })).toMatchObject({
      employer_social_insurance_flat: si,
      employer_post_subsidy: post,
    });
  });

  it('adds the training subsidy when class hours are given', () => {
    expect(totals({ ...input, hire: { ...hire, trainingClassHours: 30 } }).employer_training).toBe(500);
  });

  it('notes a hire that has not started yet', () => {
    const r = estimateEmployerSubsidy(input, '2022-08-01');
    expect(r.items[0].reasons[0]).toBe('录用将于2022-09-01开始，以下按计划估算');
  });
});

describe('estimateEmployerSubsidy: Weihai 2025', () => {
  const employer: SubsidyEmployer = { approved: true, isLabourDispatch: false, kind: 'enterprise' };
  const hire: SubsidyHire = {
    contractForm: 'labour_contract',
    contractMonths: 24,
    socialInsurancePaid: true,
    socialInsuranceMonths: 12,
    startDate: '2025-06-01',
    fromApplication: true,
    employerContributionPerMonth: 1050.5,
  };
  const m = mother({ registeredUnemployedSince: '2024-10-01' }, '2025-06-01');

  it.each<[string, Partial<SubsidyHire>, Partial<SubsidyEmployer>, Record<string, [boolean, number]>]>([
    [
      'a factory hire',
      {},
      {},
      {
        employer_social_insurance_full: [true, 12606],
        domestic_accident_insurance: [false, 0],
        hiring_tax_deduction: [true, 23400],
      },
    ],
    [
      'a domestic-service firm',
      { postType: 'domestic_service', accidentPremiumPerYear: 80 },
      {},
      {
        employer_social_insurance_full: [true, 12606],
        domestic_accident_insurance: [true, 80],
        hiring_tax_deduction: [true, 23400],
      },
    ],
    [
      'a domestic-service firm paying a dearer premium',
      {},
      { domesticService: true },
      {
        employer_social_insurance_full: [true, 12606],
        domestic_accident_insurance: [true, 100],
        hiring_tax_deduction: [true, 23400],
      },
    ],
    [
      'contribution not given yet',
      { employerContributionPerMonth: undefined },
      {},
      {
        employer_social_insurance_full: [true, 0],
        domestic_accident_insurance: [false, 0],
        hiring_tax_deduction: [true, 23400],
      },
    ],
    [
      'no social insurance paid',
      { socialInsurancePaid: false },
      {},
      {
        employer_social_insurance_full: [false, 0],
        domestic_accident_insurance: [false, 0],
        hiring_tax_deduction: [false, 0],
      },
    ],
  ])('%s', (_name, hireOverrides, employerOverrides, expected) => {
    const r = estimateEmployerSubsidy(
      { policy: WEIHAI_2025, employer: { ...employer, ...employerOverrides }, hire: { ...hire, ...hireOverrides }, mother: m },
      '2025-06-15',
    );
    expect(Object.fromEntries(r.items.map((i) => [i.code, [i.applies, i.total]]))).toEqual(expected);
    expect(r.total).toBe(Object.values(expected).reduce((s, [, t]) => s + t, 0));
  });

  it('explains why a non-domestic firm gets no accident-insurance subsidy', () => {
    const r = estimateEmployerSubsidy({ policy: WEIHAI_2025, employer, hire, mother: m }, '2025-06-15');
    expect(r.items.find((i) => i.code === 'domestic_accident_insurance')?.missing).toEqual(['此项补贴仅适用于家政服务机构']);
  });
});

describe('estimateTrainingSubsidy', () => {
  it.each<[number, object, boolean, number, string[]]>([
    [10, {}, true, 200, []],
    [25, {}, true, 500, []],
    [40, {}, true, 500, []],
    [0, {}, false, 0, ['还没有培训课时']],
    [10, { filed: false }, false, 0, ['培训计划须事先报人力资源社会保障部门备案']],
    [10, { completed: false }, false, 0, ['须完成培训计划并达到培训要求']],
  ])('%i class hours %j → applies=%s, %i yuan', (hours, options, applies, total, missing) => {
    const item = estimateTrainingSubsidy(hours, ZHONGSHAN_2022, options);
    expect(item).toMatchObject({ code: 'employer_training', applies, total, missing });
  });

  it('says when the policy has no training subsidy', () => {
    expect(estimateTrainingSubsidy(10, WEIHAI_2025)).toMatchObject({
      applies: false,
      total: 0,
      missing: ['威海市的妈妈岗政策（威人社字〔2025〕6号）没有培训补贴'],
    });
  });
});

describe('estimateMotherSubsidy', () => {
  const hire: NonNullable<MotherSubsidyInput['hire']> = {
    contractForm: 'service_agreement',
    contractMonths: 12,
    startDate: '2022-10-01',
    fromApplication: true,
    employerApproved: true,
    flexibleEmploymentRegistered: true,
    paysOwnSocialInsurance: true,
  };
  const input: MotherSubsidyInput = { policy: ZHONGSHAN_2022, mother: mother(), hire };

  it('Zhongshan: 300 a month for 12 months on a service agreement', () => {
    const r = estimateMotherSubsidy(input, '2022-10-15');
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ code: 'mother_flexible_social_insurance', applies: true, amountPerMonth: 300, months: 12, total: 3600 });
    expect(r.total).toBe(3600);
  });

  it.each<[string, Partial<MotherSubsidyInput>, string[]]>([
    ['not registered as flexibly employed', { hire: { ...hire, flexibleEmploymentRegistered: false } }, ['须办理灵活就业登记']],
    ['not paying her own social insurance', { hire: { ...hire, paysOwnSocialInsurance: false } }, ['须以个人身份缴纳社会保险费']],
    ['a 6-month agreement', { hire: { ...hire, contractMonths: 6 } }, ['劳务协议期限须在12个月以上（目前6个月）']],
    ['a labour contract', { hire: { ...hire, contractForm: 'labour_contract' } }, ['此项补贴适用于签订劳务协议的灵活就业人员（目前为劳动合同）']],
    ['an employer not approved', { hire: { ...hire, employerApproved: false } }, ['用人单位尚未完成妈妈岗备案并通过审核']],
    ['a hire not reported', { hire: { ...hire, fromApplication: false } }, ['这次录用没有通过妈妈岗平台申请并报备']],
    ['no post yet', { hire: undefined }, ['须在已备案的妈妈岗用人单位签订12个月以上劳务协议', '须办理灵活就业登记', '须以个人身份缴纳社会保险费']],
    ['not an eligible mother', { mother: mother({ children: [] }) }, ['您目前不符合妈妈岗服务对象条件（法定劳动年龄内、抚养12周岁以下孩子的妇女）']],
  ])('Zhongshan, %s', (_name, overrides, missing) => {
    const r = estimateMotherSubsidy({ ...input, ...overrides }, '2022-10-15');
    expect(r.items[0].applies).toBe(false);
    expect(r.items[0].missing).toEqual(missing);
    expect(r.total).toBe(0);
  });

  it.each<[string, MotherSubsidyInput['startup'], boolean, number, string[]]>([
    ['a first small firm', { kind: 'small_firm', firstTime: true, registeredOn: '2025-05-10' }, true, 12000, []],
    ['a first individual business', { kind: 'individual_business', firstTime: true, registeredOn: '2025-05-10' }, true, 2000, []],
    ['a second business', { kind: 'individual_business', firstTime: false, registeredOn: '2025-05-10' }, false, 0, ['一次性创业补贴只给首次创业']],
    ['a business founded before the policy', { kind: 'small_firm', firstTime: true, registeredOn: '2025-03-01' }, false, 0, ['威人社字〔2025〕6号的有效期为2025-04-21起，2025-03-01不在有效期内']],
    ['no business yet', undefined, false, 0, ['须首次创办小微企业或个体工商户']],
  ])('Weihai start-up grant: %s', (_name, startup, applies, total, missing) => {
    const r = estimateMotherSubsidy({ policy: WEIHAI_2025, mother: mother({}, '2025-06-01'), startup }, '2025-06-01');
    const grant = r.items.find((i) => i.code === 'startup_grant');
    expect(grant).toMatchObject({ applies, total, missing });
    expect(r.total).toBe(total);
  });
});
