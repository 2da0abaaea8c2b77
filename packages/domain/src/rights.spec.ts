import {
  brokenPromiseTerms,
  canMoveRightsCase,
  isEmployerFlaggedForBrokenPromises,
  PromiseAnswers,
  promiseCheckDueOn,
  promiseCheckStartWindow,
  RIGHTS_CATEGORY_CODES,
  RIGHTS_CATEGORY_LABELS,
  RightsCaseStatus,
  rightsCaseRegion,
} from './rights';

describe('canMoveRightsCase', () => {
  it.each<[RightsCaseStatus, RightsCaseStatus, boolean]>([
    ['open', 'in_progress', true],
    ['open', 'resolved', true],
    ['in_progress', 'in_progress', true],
    ['in_progress', 'resolved', true],
    ['open', 'open', false],
    ['in_progress', 'open', false],
    ['resolved', 'in_progress', false],
    ['resolved', 'resolved', false],
    ['resolved', 'open', false],
  ])('%s -> %s: %s', (from, to, allowed) => {
    expect(canMoveRightsCase(from, to)).toBe(allowed);
  });
});

describe('rightsCaseRegion', () => {
  it.each([
    [{ postRegion: '371002', employerRegion: '371003', motherRegion: '371082' }, '371002'],
    [{ postRegion: null, employerRegion: '371003', motherRegion: '371082' }, '371003'],
    [{ motherRegion: '371082' }, '371082'],
  ])('%j goes to %s', (input, region) => {
    expect(rightsCaseRegion(input)).toBe(region);
  });
});

describe('promise checks', () => {
  it.each([
    ['2026-01-31', '2026-03-02'],
    ['2024-02-01', '2024-03-02'],
    ['2026-12-15', '2027-01-14'],
  ])('a hire starting %s is asked on %s', (start, due) => {
    expect(promiseCheckDueOn(start)).toBe(due);
  });

  it.each([
    ['2026-11-30', { from: '2026-09-01', to: '2026-10-31' }],
    ['2026-03-01', { from: '2025-12-01', to: '2026-01-30' }],
  ])('on %s asks hires that started in %j', (today, window) => {
    expect(promiseCheckStartWindow(today)).toEqual(window);
  });

  const all = (a: 'kept' | 'broken'): PromiseAnswers => ({ hours: a, contract: a, insurance: a, leave: a });
  it.each<[PromiseAnswers, string[]]>([
    [all('kept'), []],
    [all('broken'), ['hours', 'contract', 'insurance', 'leave']],
    [{ ...all('kept'), leave: 'broken', hours: 'broken' }, ['hours', 'leave']],
  ])('%j breaks %j', (answers, broken) => {
    expect(brokenPromiseTerms(answers)).toEqual(broken);
  });

  it.each([
    [0, false],
    [1, false],
    [2, true],
    [5, true],
  ])('%i hires with a broken promise flag the employer: %s', (n, flagged) => {
    expect(isEmployerFlaggedForBrokenPromises(n)).toBe(flagged);
  });

  it('labels every category in Chinese', () => {
    expect(RIGHTS_CATEGORY_CODES.map((c) => RIGHTS_CATEGORY_LABELS[c])).toEqual(['拖欠工资', '强制加班', '未签劳动合同', '不准请假', '就业歧视', '其他']);
  });
});
