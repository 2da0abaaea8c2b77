import {
  CHILDCARE_STAGES,
  EmployerKind,
  POST_TYPES,
  POST_TYPE_CODES,
  PostDraft,
  PostTypeCode,
  canEmployerOffer,
  checkPostAgainstType,
  defaultsForType,
  impliedStage,
  isPostTypeCode,
  postTypesForCategory,
} from './catalogue';

const WEIHAI_WAGE = { monthly: 2200, hourly: 22 };

describe('catalogue data', () => {
  it('has the 3 stage types and the 15 employer-kind types', () => {
    expect(POST_TYPE_CODES).toHaveLength(18);
    expect(POST_TYPE_CODES.filter((c) => POST_TYPES[c].classification === 'stage')).toHaveLength(3);
  });

  it.each([
    ['caring', ['production_line', 'short_term', 'sales', 'childcare_backed', 'remote_online', 'project_based']],
    ['flexible', ['domestic_service', 'family_friendly', 'handicraft', 'volunteer', 'school_canteen']],
    ['autonomous', ['platform_economy', 'startup']],
    ['public_welfare', ['public_welfare_urban', 'public_welfare_rural']],
  ] as const)('category %s holds %j', (category, codes) => {
    expect(postTypesForCategory(category).map((t) => t.code)).toEqual(codes);
  });

  it.each(POST_TYPE_CODES)('%s is complete and consistent', (code) => {
    const def = POST_TYPES[code];
    expect(def.code).toBe(code);
    expect(def.label).toMatch(/\p{Script=Han}/u);
    expect(def.payBases.length).toBeGreaterThan(0);
    expect(def.insuranceKinds.length).toBeGreaterThan(0);
    expect(def.contractForms.length).toBeGreaterThan(0);
    expect(def.examples.length).toBeGreaterThan(0);
    expect(def.suitedStages.length).toBeGreaterThan(0);
    if (def.classification === 'stage') {
      expect(def.stage).toBeDefined();
      expect(def.suitedStages).toEqual([def.stage]);
      expect(def.employerKinds).not.toContain('government');
    } else {
      expect(def.category).toBeDefined();
      expect(def.stage).toBeUndefined();
    }
    expect(def.employerKinds.includes('government')).toBe(def.category === 'public_welfare');
  });

  it.each([
    ['stage_full_companion', 'full_companion'],
    ['stage_flexible_balance', 'flexible_balance'],
    ['stage_settled_work', 'settled_work'],
    ['production_line', undefined],
  ] as const)('impliedStage(%s) = %s', (code, stage) => {
    expect(impliedStage(code)).toBe(stage);
  });

  it.each([
    [0, 'full_companion'],
    [36, 'flexible_balance'],
    [72, 'settled_work'],
  ] as const)('stage boundaries: %i months starts %s', (months, stage) => {
    expect(CHILDCARE_STAGES[stage].minMonths).toBe(months);
  });

  it.each([
    ['production_line', true],
    ['stage_settled_work', true],
    ['nope', false],
    [42, false],
  ])('isPostTypeCode(%j) = %s', (value, expected) => {
    expect(isPostTypeCode(value)).toBe(expected);
  });
});

describe('canEmployerOffer', () => {
  it.each<[EmployerKind, PostTypeCode, boolean]>([
    ['government', 'public_welfare_urban', true],
    ['government', 'public_welfare_rural', true],
    ['enterprise', 'public_welfare_urban', false],
    ['community', 'public_welfare_rural', false],
    ['government', 'stage_settled_work', false],
    ['community', 'stage_settled_work', true],
    ['platform', 'stage_full_companion', true],
    ['enterprise', 'production_line', true],
    ['individual_business', 'childcare_backed', true],
    ['community', 'production_line', false],
    ['community', 'volunteer', true],
    ['enterprise', 'volunteer', false],
    ['enterprise', 'domestic_service', true],
    ['platform', 'platform_economy', true],
    ['individual_business', 'startup', true],
    ['platform', 'startup', false],
  ])('%s may offer %s: %s', (kind, type, expected) => {
    expect(canEmployerOffer(kind, type)).toBe(expected);
  });
});

describe('checkPostAgainstType', () => {
  const settled: PostDraft = { payBasis: 'monthly', payMin: 3000, insurance: 'social', contractForm: 'labour_contract' };
  const urban: PostDraft = { payBasis: 'monthly', payMin: 2200, insurance: 'social', contractForm: 'service_contract' };
  const rural: PostDraft = { payBasis: 'hourly', payMin: 22, insurance: 'commercial', contractForm: 'service_agreement' };
  const remote: PostDraft = { payBasis: 'per_piece', payMin: 2, insurance: 'flexible_social', contractForm: 'service_agreement' };

  it.each<[string, PostTypeCode, EmployerKind, PostDraft, boolean, string[]]>([
    ['a proper 安心工作型 post', 'stage_settled_work', 'enterprise', settled, false, []],
    [
      '安心工作型 with a service agreement and commercial insurance',
      'stage_settled_work',
      'enterprise',
      { ...settled, insurance: 'commercial', contractForm: 'service_agreement' },
      false,
      ['INSURANCE_NOT_ALLOWED', 'CONTRACT_FORM_NOT_ALLOWED'],
    ],
    ['安心工作型 paid per piece', 'stage_settled_work', 'community', { ...settled, payBasis: 'per_piece' }, false, ['PAY_BASIS_NOT_ALLOWED']],
    ['urban public welfare from government at the minimum', 'public_welfare_urban', 'government', urban, true, []],
    ['urban public welfare from an enterprise', 'public_welfare_urban', 'enterprise', urban, true, ['PUBLIC_WELFARE_GOVERNMENT_ONLY']],
    ['urban public welfare below the monthly minimum', 'public_welfare_urban', 'government', { ...urban, payMin: 2000 }, true, ['BELOW_MONTHLY_MINIMUM_WAGE']],
    ['urban public welfare without a known minimum wage', 'public_welfare_urban', 'government', urban, false, ['MINIMUM_WAGE_UNKNOWN']],
    ['urban public welfare without an amount', 'public_welfare_urban', 'government', { ...urban, payMin: undefined }, true, ['PAY_AMOUNT_REQUIRED']],
    ['rural public welfare below the hourly minimum', 'public_welfare_rural', 'government', { ...rural, payMin: 20 }, true, ['BELOW_HOURLY_MINIMUM_WAGE']],
    ['rural public welfare at the hourly minimum', 'public_welfare_rural', 'government', rural, true, []],
    ['rural public welfare on a service contract', 'public_welfare_rural', 'government', { ...rural, contractForm: 'service_contract' }, true, []],
    ['production line paid per task', 'production_line', 'enterprise', { ...settled, payBasis: 'per_task' }, false, ['PAY_BASIS_NOT_ALLOWED']],
    ['production line from a community', 'production_line', 'community', settled, false, ['EMPLOYER_KIND_NOT_ALLOWED']],
    [
      'platform post tightened to a labour contract with social insurance',
      'platform_economy',
      'platform',
      { payBasis: 'per_piece', insurance: 'social', contractForm: 'labour_contract' },
      false,
      [],
    ],
    ['remote post without insurance', 'remote_online', 'enterprise', { ...remote, insurance: 'none' }, false, ['INSURANCE_NOT_ALLOWED']],
    ['remote post with fixed hours', 'remote_online', 'enterprise', { ...remote, timeRule: 'fixed' }, false, ['TIME_RULE_CONTRADICTS_TYPE']],
    ['remote post that lets her leave on demand', 'remote_online', 'enterprise', { ...remote, timeRule: 'flexible' }, false, []],
    [
      '全程陪伴型 with social insurance on a service agreement',
      'stage_full_companion',
      'enterprise',
      { ...remote, insurance: 'social' },
      false,
      ['INSURANCE_CONTRACT_MISMATCH'],
    ],
    ['handicraft on a public-welfare service contract', 'handicraft', 'community', { ...remote, contractForm: 'service_contract' }, false, ['CONTRACT_FORM_NOT_ALLOWED']],
    ['an inverted pay range', 'handicraft', 'community', { ...remote, payMin: 3, payMax: 2 }, false, ['PAY_RANGE_INVERTED']],
    ['start-up without a contract', 'startup', 'individual_business', { payBasis: 'own_income', insurance: 'flexible_social', contractForm: 'none' }, false, []],
  ])('%s', (_name, type, kind, draft, withWage, codes) => {
    const violations = checkPostAgainstType(type, kind, draft, withWage ? { minimumWage: WEIHAI_WAGE } : {});
    expect(violations.map((v) => v.code)).toEqual(codes);
    for (const v of violations) expect(v.message).toMatch(/\p{Script=Han}/u);
  });

  it('names the figure in the minimum-wage message', () => {
    const [v] = checkPostAgainstType('public_welfare_urban', 'government', { ...urban, payMin: 1800 }, { minimumWage: WEIHAI_WAGE });
    expect(v.message).toBe('城镇公益性岗位补贴不得低于当地月最低工资标准2200元');
  });
});

describe('defaultsForType', () => {
  it.each([
    ['stage_settled_work', { payBasis: 'monthly', insurance: 'social', contractForm: 'labour_contract', timeRule: 'leave_on_demand', stage: 'settled_work' }],
    ['handicraft', { payBasis: 'per_piece', insurance: 'flexible_social', contractForm: 'service_agreement', modes: ['take_home'] }],
    ['public_welfare_urban', { payBasis: 'monthly', insurance: 'social', contractForm: 'service_contract', timeRule: 'fixed' }],
    ['startup', { payBasis: 'own_income', insurance: 'flexible_social', contractForm: 'none' }],
    ['school_canteen', { payBasis: 'monthly', timeRule: 'follows_school', stage: 'settled_work' }],
    ['remote_online', { modes: ['new_economy'], stage: undefined }],
  ] as const)('%s', (code, expected) => {
    expect(defaultsForType(code)).toMatchObject(expected);
  });

  it.each(POST_TYPE_CODES)('the defaults of %s pass its own check', (code) => {
    const d = defaultsForType(code);
    const kind = POST_TYPES[code].employerKinds[0];
    const pay = d.payBasis === 'monthly' ? 3000 : 30;
    const draft: PostDraft = { ...d, payMin: pay };
    expect(checkPostAgainstType(code, kind, draft, { minimumWage: WEIHAI_WAGE })).toEqual([]);
  });
});
