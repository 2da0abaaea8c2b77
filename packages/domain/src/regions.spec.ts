import { isRegionCode, regionAncestors, regionCovers, regionLevel, regionLikePattern } from './regions';

describe('regions', () => {
  it.each([
    ['370000', 'province'],
    ['371000', 'city'],
    ['371002', 'district'],
    ['442000', 'city'],
  ] as const)('level of %s is %s', (code, level) => {
    expect(regionLevel(code)).toBe(level);
  });

  it.each([
    ['371000', '371002', true],
    ['371000', '371000', true],
    ['371000', '371100', false],
    ['371002', '371003', false],
    ['371002', '371002', true],
    ['370000', '371082', true],
    ['370000', '440000', false],
    ['371002', '371000', false],
    ['abc', '371000', false],
  ])('scope %s covers %s: %s', (scope, code, covers) => {
    expect(regionCovers(scope, code)).toBe(covers);
  });

  it.each([
    ['371002', ['371000', '370000']],
    ['371000', ['370000']],
    ['370000', []],
  ])('ancestors of %s', (code, ancestors) => {
    expect(regionAncestors(code)).toEqual(ancestors);
  });

  it.each([
    ['370000', '37%'],
    ['371000', '3710%'],
    ['371002', '371002'],
  ])('LIKE pattern of %s is %s', (scope, pattern) => {
    expect(regionLikePattern(scope)).toBe(pattern);
  });

  it.each([
    ['371000', true],
    ['071000', false],
    ['37100', false],
    ['3710001', false],
  ])('isRegionCode(%s) = %s', (code, ok) => {
    expect(isRegionCode(code)).toBe(ok);
  });
});
