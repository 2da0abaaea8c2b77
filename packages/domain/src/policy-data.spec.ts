import { PolicyVersionRef, checkMinimumWageDraft, checkPolicyDraft, versionInForce } from './policy-data';

type V = PolicyVersionRef & { id: string };

describe('versionInForce', () => {
  const versions: V[] = [
    { id: 'city-2025', regionCode: '371000', effectiveFrom: '2025-04-21', recordedAt: '2025-04-21T00:00:00Z' },
    { id: 'city-2026', regionCode: '371000', effectiveFrom: '2026-01-01', recordedAt: '2025-12-01T00:00:00Z' },
    { id: 'city-2026-fix', regionCode: '371000', effectiveFrom: '2026-01-01', recordedAt: '2025-12-15T00:00:00Z' },
    { id: 'district', regionCode: '371002', effectiveFrom: '2025-06-01', effectiveTo: '2025-12-31', recordedAt: '2025-05-01T00:00:00Z' },
    { id: 'zs', regionCode: '442000', effectiveFrom: '2022-07-04', effectiveTo: '2023-07-03', recordedAt: '2022-07-04T00:00:00Z' },
  ];
  it.each([
    ['371000', '2025-04-20', undefined],
    ['371000', '2025-04-21', 'city-2025'],
    ['371000', '2025-12-31', 'city-2025'],
    ['371000', '2026-01-01', 'city-2026-fix'], // a later record for the same day corrects the earlier
    ['371003', '2025-07-01', 'city-2025'], // a district without its own falls back to the city
    ['371002', '2025-07-01', 'district'], // its own version first
    ['371002', '2026-02-01', 'city-2026-fix'], // its own ended: the city's applies
    ['442000', '2023-07-03', 'zs'],
    ['442000', '2023-07-04', undefined], // ended, and nothing replaced it
    ['110000', '2025-07-01', undefined],
  ])('%s on %s → %s', (region, on, id) => {
    expect(versionInForce(versions, region, on)?.id).toBe(id);
  });

  it('never revives an older version after a newer one ends', () => {
    const list: V[] = [
      { id: 'old', regionCode: '371000', effectiveFrom: '2025-01-01', recordedAt: '2025-01-01T00:00:00Z' },
      { id: 'new', regionCode: '371000', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', recordedAt: '2025-12-01T00:00:00Z' },
    ];
    expect(versionInForce(list, '371000', '2026-07-01')).toBeUndefined();
  });
});

describe('checkPolicyDraft', () => {
  const draft = {
    regionCode: '371000',
    regionName: '威海市',
    title: '妈妈岗补贴办法',
    source: '威人社字〔2026〕1号',
    issuedOn: '2026-01-01',
    effectiveFrom: '2026-01-01',
    rules: [
      { code: 'employer_social_insurance_flat', label: '社保补贴', clause: '第一条', amountPerMonth: 350, maxMonths: 12, minContractMonths: 12, beneficiary: 'mother', extra: 'x' },
      { code: 'employer_training', label: '培训补贴', clause: '第二条', perClassHour: 25, capPerPerson: 600 },
    ],
  };

  it('keeps each rule with only its figures and its own beneficiary', () => {
    const r = checkPolicyDraft(draft);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.policy.rules).toEqual([
      { code: 'employer_social_insurance_flat', label: '社保补贴', clause: '第一条', beneficiary: 'employer', amountPerMonth: 350, maxMonths: 12, minContractMonths: 12 },
      { code: 'employer_training', label: '培训补贴', clause: '第二条', beneficiary: 'employer', perClassHour: 25, capPerPerson: 600 },
    ]);
    expect(r.policy.effectiveTo).toBeUndefined();
  });

  it.each([
    ['no title', { title: ' ' }, 'title', '请填写政策名称'],
    ['a bad date', { effectiveFrom: '2026-02-30' }, 'effectiveFrom', '请填写正确的生效日期（年-月-日）'],
    ['an end before the start', { effectiveTo: '2025-12-31' }, 'effectiveTo', '截止日期不能早于生效日期'],
    ['no rules', { rules: [] }, 'rules', '请至少填写一项补贴或优惠'],
    ['an unknown rule', { rules: [{ code: 'free_money', label: 'x', clause: 'y' }] }, 'rules[0].code', '未知的补贴项目'],
    ['a missing figure', { rules: [{ code: 'employer_training', label: 'x', clause: 'y', perClassHour: 20 }] }, 'rules[0].capPerPerson', '请填写每人上限（数字）'],
    ['a negative figure', { rules: [{ code: 'employer_training', label: 'x', clause: 'y', perClassHour: -1, capPerPerson: 1 }] }, 'rules[0].perClassHour', '每课时金额须在0.01至10000000之间'],
    ['fractional months', { rules: [{ code: 'employer_post_subsidy', label: 'x', clause: 'y', amountPerMonth: 1, maxMonths: 1.5, minContractMonths: 12 }] }, 'rules[0].maxMonths', '最长月数须为整数'],
    [
      'the same rule twice',
      { rules: [{ code: 'public_welfare_post', label: 'x', clause: 'y' }, { code: 'public_welfare_post', label: 'x', clause: 'y' }] },
      'rules[1].code',
      '同一项补贴只能填写一次',
    ],
  ])('refuses %s', (_label, overrides, field, message) => {
    const r = checkPolicyDraft({ ...draft, ...overrides });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual({ field, message });
  });
});

describe('checkMinimumWageDraft', () => {
  it('accepts a wage with a note', () => {
    expect(checkMinimumWageDraft({ regionCode: '371000', regionName: '威海市', monthly: 2300, hourly: 23, source: '鲁政字〔2026〕1号', effectiveFrom: '2026-03-01', note: '一类地区' })).toEqual({
      ok: true,
      wage: { regionCode: '371000', regionName: '威海市', monthly: 2300, hourly: 23, source: '鲁政字〔2026〕1号', effectiveFrom: '2026-03-01', note: '一类地区' },
    });
  });

  it.each([
    ['monthly', { monthly: 10 }, '月最低工资须在100至100000之间'],
    ['hourly', { hourly: 'x' }, '请填写小时最低工资（数字）'],
    ['source', { source: '' }, '请填写依据文件'],
  ])('refuses a bad %s', (field, overrides, message) => {
    const r = checkMinimumWageDraft({ regionCode: '371000', regionName: '威海市', monthly: 2300, hourly: 23, source: 's', effectiveFrom: '2026-03-01', ...overrides });
    expect(r).toEqual({ ok: false, problems: [{ field, message }] });
  });
});
