import { ChildBirth, MotherEligibilityInput, assessMotherEligibility, childAge, stageForChildAge, statutoryRetirementAge } from './eligibility';

describe('statutoryRetirementAge', () => {
  it.each([
    // Workers: original 50, +1 month per 2 cohort months from 1975-01, capped at 55.
    ['1974-12-15', 'worker', 50, 0, 0, '2024-12-15'],
    ['1975-01-10', 'worker', 50, 1, 1, '2025-02-10'],
    ['1975-02-28', 'worker', 50, 1, 1, '2025-03-28'],
    ['1975-03-01', 'worker', 50, 2, 2, '2025-05-01'],
    ['1975-07-31', 'worker', 50, 4, 4, '2025-11-30'],
    ['1976-02-29', 'worker', 50, 7, 7, '2026-09-29'],
    ['1984-10-05', 'worker', 54, 11, 59, '2039-09-05'],
    ['1984-11-05', 'worker', 55, 0, 60, '2039-11-05'],
    ['1984-12-31', 'worker', 55, 0, 60, '2039-12-31'],
    ['1990-06-15', 'worker', 55, 0, 60, '2045-06-15'],
    // Cadres: original 55, +1 month per 4 cohort months from 1970-01, capped at 58.
    ['1969-12-01', 'cadre', 55, 0, 0, '2024-12-01'],
    ['1970-01-15', 'cadre', 55, 1, 1, '2025-02-15'],
    ['1970-04-30', 'cadre', 55, 1, 1, '2025-05-30'],
    ['1970-05-15', 'cadre', 55, 2, 2, '2025-07-15'],
    ['1981-08-01', 'cadre', 57, 11, 35, '2039-07-01'],
    ['1981-09-01', 'cadre', 58, 0, 36, '2039-09-01'],
    ['1995-01-01', 'cadre', 58, 0, 36, '2053-01-01'],
  ] as const)('born %s (%s) retires at %i years %i months (+%i), on %s', (birth, category, years, months, delay, on) => {
    expect(statutoryRetirementAge(birth, category)).toEqual({
      years,
      months,
      totalMonths: years * 12 + months,
      delayMonths: delay,
      reachedOn: on,
    });
  });
});

describe('childAge', () => {
  it.each([
    // Birth taken as the 1st: during the month she turns 12 she already counts as 12.
    [2013, 6, '2025-06-01', { ok: true, totalMonths: 144, years: 12, months: 0 }],
    [2013, 6, '2025-06-30', { ok: true, totalMonths: 144, years: 12, months: 0 }],
    [2013, 6, '2025-05-31', { ok: true, totalMonths: 143, years: 11, months: 11 }],
    [2025, 6, '2025-06-15', { ok: true, totalMonths: 0, years: 0, months: 0 }],
    [2023, 3, '2025-06-15', { ok: true, totalMonths: 27, years: 2, months: 3 }],
    [2025, 7, '2025-06-30', { ok: false, code: 'CHILD_BIRTH_FUTURE' }],
    [2020, 13, '2025-06-15', { ok: false, code: 'CHILD_BIRTH_INVALID' }],
    [2020, 0, '2025-06-15', { ok: false, code: 'CHILD_BIRTH_INVALID' }],
    [2020.5, 3, '2025-06-15', { ok: false, code: 'CHILD_BIRTH_INVALID' }],
  ])('born %i-%i on %s', (year, month, now, expected) => {
    expect(childAge(year, month, now)).toMatchObject(expected);
  });
});

describe('stageForChildAge', () => {
  it.each([
    [0, 'full_companion'],
    [35, 'full_companion'],
    [36, 'flexible_balance'],
    [71, 'flexible_balance'],
    [72, 'settled_work'],
    [143, 'settled_work'],
    [144, null],
    [-1, null],
  ])('%i months → %s', (months, stage) => {
    expect(stageForChildAge(months)).toBe(stage);
  });
});

describe('assessMotherEligibility', () => {
  const base: MotherEligibilityInput = { birthDate: '1992-05-10', children: [{ birthYear: 2023, birthMonth: 3 }], now: '2025-06-15' };
  const kids = (...list: [number, number][]): ChildBirth[] => list.map(([birthYear, birthMonth]) => ({ birthYear, birthMonth }));

  it.each<[string, Partial<MotherEligibilityInput>, { eligible: boolean; blockers: string[]; stage: string | null; publicWelfare: boolean }]>([
    ['a mother of a two-year-old', {}, { eligible: true, blockers: [], stage: 'full_companion', publicWelfare: false }],
    ['a child turning 12 today', { birthDate: '1988-01-01', children: kids([2013, 6]), now: '2025-06-01' }, { eligible: false, blockers: ['NO_CHILD_UNDER_12'], stage: null, publicWelfare: false }],
    ['the day before the child turns 12', { birthDate: '1988-01-01', children: kids([2013, 6]), now: '2025-05-31' }, { eligible: true, blockers: [], stage: 'settled_work', publicWelfare: false }],
    ['one child over 12 and one under', { children: kids([2010, 1], [2019, 9]) }, { eligible: true, blockers: [], stage: 'flexible_balance', publicWelfare: false }],
    ['a leap-day mother the day before her 16th birthday', { birthDate: '2008-02-29', children: kids([2024, 1]), now: '2024-02-28' }, { eligible: false, blockers: ['UNDER_WORKING_AGE'], stage: null, publicWelfare: false }],
    ['a leap-day mother on her 16th birthday', { birthDate: '2008-02-29', children: kids([2024, 1]), now: '2024-02-29' }, { eligible: true, blockers: [], stage: 'full_companion', publicWelfare: false }],
    ['a leap-day mother turning 16 in a non-leap year (on 28 Feb)', { birthDate: '2084-02-29', children: kids([2099, 1]), now: '2100-02-28' }, { eligible: true, blockers: [], stage: 'full_companion', publicWelfare: false }],
    ['a girl of 15', { birthDate: '2010-03-01' }, { eligible: false, blockers: ['UNDER_WORKING_AGE'], stage: null, publicWelfare: false }],
    ['a worker on the day she reaches retirement age', { birthDate: '1975-01-10', children: kids([2015, 1]), now: '2025-02-10' }, { eligible: false, blockers: ['AT_RETIREMENT_AGE'], stage: null, publicWelfare: false }],
    ['a worker the day before retirement age', { birthDate: '1975-01-10', children: kids([2015, 1]), now: '2025-02-09' }, { eligible: true, blockers: [], stage: 'settled_work', publicWelfare: false }],
    ['a cadre of the same age, who retires later', { birthDate: '1975-01-10', retirementCategory: 'cadre', children: kids([2015, 1]), now: '2025-02-10' }, { eligible: true, blockers: [], stage: 'settled_work', publicWelfare: false }],
    ['a child born in the future', { children: kids([2025, 7]) }, { eligible: false, blockers: ['CHILD_BIRTH_FUTURE'], stage: null, publicWelfare: false }],
    ['no children', { children: [] }, { eligible: false, blockers: ['NO_CHILDREN'], stage: null, publicWelfare: false }],
    ['a birth date after today', { birthDate: '2026-01-01' }, { eligible: false, blockers: ['BIRTH_DATE_INVALID'], stage: 'full_companion', publicWelfare: false }],
    ['a registered-unemployed mother of two', { children: kids([2019, 9], [2023, 3]), registeredUnemployedSince: '2024-12-01' }, { eligible: true, blockers: [], stage: 'full_companion', publicWelfare: true }],
    ['a registered-unemployed mother of one', { registeredUnemployedSince: '2024-12-01' }, { eligible: true, blockers: [], stage: 'full_companion', publicWelfare: false }],
    ['an older mother in difficulty', { olderInDifficulty: true }, { eligible: true, blockers: [], stage: 'full_companion', publicWelfare: true }],
    ['a verified second-child mother with one child listed', { secondOrThirdChild: true, registeredUnemployedSince: '2025-01-10' }, { eligible: true, blockers: [], stage: 'full_companion', publicWelfare: true }],
    ['no birth date stated, a child of two', { birthDate: undefined }, { eligible: true, blockers: [], stage: 'full_companion', publicWelfare: false }],
    ['no birth date stated, children all over 12', { birthDate: undefined, children: kids([2010, 1]) }, { eligible: false, blockers: ['NO_CHILD_UNDER_12'], stage: null, publicWelfare: false }],
    ['no birth date stated, a child born in the future', { birthDate: undefined, children: kids([2025, 7]) }, { eligible: false, blockers: ['CHILD_BIRTH_FUTURE'], stage: null, publicWelfare: false }],
  ])('%s', (_name, overrides, expected) => {
    const r = assessMotherEligibility({ ...base, ...overrides });
    expect(r.eligible).toBe(expected.eligible);
    expect(r.blockers).toEqual(expected.blockers);
    expect(r.stage).toBe(expected.eligible ? expected.stage : null);
    expect(r.publicWelfareEligible).toBe(expected.publicWelfare);
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of r.reasons) expect(reason).toMatch(/\p{Script=Han}/u);
  });

  it.each([
    [{}, '您最小的孩子2岁，属于全程陪伴型（孩子0-3岁）'],
    [{ children: kids([2025, 1]) }, '您最小的孩子5个月大，属于全程陪伴型（孩子0-3岁）'],
    [{ children: kids([2017, 2]) }, '您最小的孩子8岁，属于安心工作型（孩子6-12岁）'],
    [{ birthDate: '2010-03-01' }, '您还不满16周岁，按规定暂不能参加工作'],
    [{ birthDate: '1975-01-10', now: '2025-02-10', children: kids([2015, 1]) }, '您已达到法定退休年龄（50岁1个月），不在妈妈岗的服务范围内'],
    [{ children: kids([2025, 7]) }, '孩子的出生年月（2025年7月）晚于今天，请核对'],
    [{ children: kids([2019, 9], [2023, 3]) }, '您属于二孩妈妈'],
    [{ children: kids([2015, 9], [2019, 9], [2023, 3]) }, '您有3个孩子，属于三孩妈妈'],
    [{ registeredUnemployedSince: '2024-12-01' }, '您已登记失业6个月'],
    [{ olderInDifficulty: true }, '您属于大龄困难育儿妇女，可以申请公益性岗位'],
  ] as [Partial<MotherEligibilityInput>, string][])('explains in plain words: %j → %s', (overrides, reason) => {
    expect(assessMotherEligibility({ ...base, ...overrides }).reasons).toContain(reason);
  });

  it.each([
    ['2024-12-01', true, 6, true],
    ['2025-01-10', true, 5, false],
    ['2025-07-01', false, 0, false],
  ])('registered unemployed since %s: registered=%s, months=%i, half a year=%s', (since, registered, months, halfYear) => {
    const s = assessMotherEligibility({ ...base, registeredUnemployedSince: since }).standings;
    expect(s.registeredUnemployed).toBe(registered);
    expect(s.unemployedMonths).toBe(months);
    expect(s.unemployedHalfYearOrMore).toBe(halfYear);
  });

  it('without a birth date neither assesses nor mentions her age', () => {
    const r = assessMotherEligibility({ ...base, birthDate: undefined });
    expect(r.age).toBeNull();
    expect(r.retirement).toBeNull();
    expect(r.reasons).toEqual(['您最小的孩子2岁，属于全程陪伴型（孩子0-3岁）']);
  });

  it('reports the youngest child and her age', () => {
    const r = assessMotherEligibility({ ...base, children: kids([2019, 9], [2023, 3]) });
    expect(r.youngestChildAgeMonths).toBe(27);
    expect(r.age).toEqual({ years: 33, months: 1 });
    expect(r.standings.childrenCount).toBe(2);
    expect(r.retirement?.reachedOn).toBe('2047-05-10');
  });
});
