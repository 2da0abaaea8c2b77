import {
  checkFairSchedule,
  checkInCodeDigits,
  checkInMacFromHex,
  formatCheckInCode,
  livestreamPhase,
  luhnCheckDigit,
  parseCheckInCode,
} from './fairs';

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', 3],
    ['0', 0],
    ['1', 8],
    ['453957876362148', 6],
    ['4111111111111111'.slice(0, 15), 1],
  ])('%s → %d', (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it('turns any single mistyped digit into a different check digit', () => {
    const payload = '00001200007483920';
    const digit = luhnCheckDigit(payload);
    for (let i = 0; i < payload.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === payload[i]) continue;
        const typo = `${payload.slice(0, i)}${d}${payload.slice(i + 1)}`;
        expect(luhnCheckDigit(typo)).not.toBe(digit);
      }
    }
  });
});

describe('checkInMacFromHex', () => {
  it.each([
    ['000000000000ffff', '000000'],
    ['000000000001', '000001'],
    ['0000000f4240', '000000'], // 1 000 000 wraps to 0
    ['0000000f4241', '000001'],
    ['ffffffffffff', String(0xffffffffffff % 1_000_000).padStart(6, '0')],
  ])('%s → %s', (hex, mac) => {
    expect(checkInMacFromHex(hex)).toBe(mac);
  });

  it.each([['abc'], ['zzzzzzzzzzzz'], ['']])('refuses %p', (hex) => {
    expect(() => checkInMacFromHex(hex)).toThrow(RangeError);
  });
});

describe('check-in codes', () => {
  const parts = { fairNo: 12, seq: 7, mac: '483920' };

  it('formats fair, sign-up, mark and check digit', () => {
    const digits = checkInCodeDigits(parts);
    expect(digits).toHaveLength(18);
    expect(digits.slice(0, 17)).toBe('00001200007483920');
    expect(formatCheckInCode(parts)).toBe(`000012-00007-483920${digits[17]}`);
  });

  it.each([
    ['the formatted code', (c: string) => c],
    ['digits only', (c: string) => c.replace(/-/g, '')],
    ['spaces instead of dashes', (c: string) => c.replace(/-/g, ' ')],
    ['surrounding spaces', (c: string) => `  ${c} `],
  ])('parses %s back to its parts', (_name, variant) => {
    const parsed = parseCheckInCode(variant(formatCheckInCode(parts)));
    expect(parsed).toEqual({ ok: true, parts, digits: checkInCodeDigits(parts) });
  });

  it.each([
    ['too short', '00001200007', 'CODE_FORMAT'],
    ['letters', '000012-00007-48392A', 'CODE_FORMAT'],
    ['19 digits', '0000120000748392011', 'CODE_FORMAT'],
    ['empty', '', 'CODE_FORMAT'],
    ['fair number zero', `00000000007483920${luhnCheckDigit('00000000007483920')}`, 'CODE_FORMAT'],
    ['one digit mistyped', (() => { const d = checkInCodeDigits({ fairNo: 12, seq: 7, mac: '483920' }); return `${d.slice(0, 3)}${(Number(d[3]) + 1) % 10}${d.slice(4)}`; })(), 'CODE_CHECK_DIGIT'],
    ['two neighbours swapped', (() => { const d = checkInCodeDigits({ fairNo: 12, seq: 7, mac: '483920' }); return `${d.slice(0, 12)}${d[13]}${d[12]}${d.slice(14)}`; })(), 'CODE_CHECK_DIGIT'],
  ])('refuses %s', (_name, text, code) => {
    const parsed = parseCheckInCode(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.code).toBe(code);
  });

  it.each([
    [{ fairNo: 0, seq: 1, mac: '000000' }],
    [{ fairNo: 1_000_000, seq: 1, mac: '000000' }],
    [{ fairNo: 1, seq: 100_000, mac: '000000' }],
    [{ fairNo: 1, seq: 1, mac: '12345' }],
    [{ fairNo: 1.5, seq: 1, mac: '123456' }],
  ])('will not make a code of %p', (bad) => {
    expect(() => formatCheckInCode(bad)).toThrow(RangeError);
  });
});

describe('checkFairSchedule', () => {
  const today = '2026-11-23';
  it.each([
    ['tomorrow morning', '2026-11-24', '09:00', '11:30', []],
    ['today', '2026-11-23', '14:00', '16:00', []],
    ['a year ahead', '2027-11-24', '09:00', '10:00', []],
    ['yesterday', '2026-11-22', '09:00', '11:30', ['DATE_PAST']],
    ['beyond a year', '2027-11-25', '09:00', '11:30', ['DATE_TOO_FAR']],
    ['31 November', '2026-11-31', '09:00', '11:30', ['DATE_INVALID']],
    ['ends before it starts', '2026-11-24', '11:30', '09:00', ['HOURS_INVALID']],
    ['ends when it starts', '2026-11-24', '09:00', '09:00', ['HOURS_INVALID']],
    ['24:00', '2026-11-24', '09:00', '24:00', ['TIME_INVALID']],
    ['9:00 without the zero', '2026-11-24', '9:00', '11:00', ['TIME_INVALID']],
  ])('%s', (_name, date, startTime, endTime, codes) => {
    expect(checkFairSchedule({ date, startTime, endTime, today }).map((p) => p.code)).toEqual(codes);
  });
});

describe('livestreamPhase', () => {
  it.each([
    [999, 'upcoming'],
    [1000, 'live'],
    [1999, 'live'],
    [2000, 'ended'],
  ])('at %d', (now, phase) => {
    expect(livestreamPhase(1000, 2000, now)).toBe(phase);
  });
});
