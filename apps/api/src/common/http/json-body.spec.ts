import { containsForbiddenCharacter, jsonNestsDeeperThan } from './json-body';

describe('jsonNestsDeeperThan', () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it.each([
    ['{}', 1, false],
    ['{"a":[1,{"b":2}]}', 3, false],
    ['{"a":[1,{"b":2}]}', 2, true],
    ['[[[]]]', 2, true],
    // Brackets inside strings, escaped quotes included, do not count.
    ['{"a":"[[[[{{{{"}', 1, false],
    ['{"a":"\\"[[[[","b":1}', 1, false],
    ['"\\\\"', 0, false],
  ])('%s deeper than %p: %p', (text, limit, expected) => {
    expect(jsonNestsDeeperThan(text, limit)).toBe(expected);
  });

  it('reads 100,000 levels without recursion', () => {
    expect(jsonNestsDeeperThan(nested(100_000), 32)).toBe(true);
    expect(jsonNestsDeeperThan(nested(32), 32)).toBe(false);
  });
});

describe('containsForbiddenCharacter', () => {
  it.each([
    [{ a: 'ok', b: ['fine', 1, null, true] }, false],
    ['a\u0000b', true],
    [{ a: [{ b: ['\u0000'] }] }, true],
    [{ 'k\u0000': 1 }, true],
    // The six characters \u0000 written out are fine.
    [{ a: '\\u0000' }, false],
    // Lone surrogates (jsonb refuses them); a whole pair is an emoji.
    [['\udfff'], true],
    [{ a: 'x\ud83d' }, true],
    [{ a: '\udc00\ud800' }, true],
    [{ a: '👩‍👧‍👦𠮷' }, false],
  ])('%j: %p', (value, expected) => {
    expect(containsForbiddenCharacter(value)).toBe(expected);
  });
});
