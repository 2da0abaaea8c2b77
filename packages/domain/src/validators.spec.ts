import {
  makeResidentId,
  makeUscc,
  maskMobile,
  maskName,
  maskResidentId,
  validateMobile,
  validateResidentId,
  validateUscc,
} from './validators';

describe('validateUscc', () => {
  // Publicly cited valid codes, checked by hand before trusting the generator below.
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43', '企业'],
    ['91440300708461136T', '91440300708461136T', '企业'],
    ['91350100m000100y43', '91350100M000100Y43', '企业'],
    [' 9135 0100 M000 100Y 43 ', '91350100M000100Y43', '企业'],
  ])('%j is valid, normalised to %s', (input, normalized, category) => {
    expect(validateUscc(input)).toEqual({ ok: true, normalized, category });
  });

  it.each([
    ['91350100M000100Y44', 'USCC_CHECK'],
    ['91350100M000100Y4', 'USCC_LENGTH'],
    ['91350100M000100Y433', 'USCC_LENGTH'],
    ['', 'USCC_LENGTH'],
    ['91350100M000100I43', 'USCC_CHARSET'],
    ['91350100M000100O43', 'USCC_CHARSET'],
    ['9135010ZM000100Y43', 'USCC_CHARSET'],
    ['91350100M0001S0Y43', 'USCC_CHARSET'],
    ['91350100M000100V43', 'USCC_CHARSET'],
    ['91350100M000100Y4-', 'USCC_LENGTH'],
  ])('%j fails with %s', (input, code) => {
    const r = validateUscc(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each([
    ['91350100M000100Y4', '91350100M000100Y43'],
    ['91440300708461136', '91440300708461136T'],
    ['92371002MA3C00001', undefined],
    ['52442000MJ0000001', undefined],
    ['11371000004000000', undefined],
  ])('makeUscc(%s) produces a valid code', (prefix, expected) => {
    const code = makeUscc(prefix);
    if (expected) expect(code).toBe(expected);
    expect(validateUscc(code).ok).toBe(true);
  });

  it.each([['91350100M000100'], ['91350100M000100I4']])('makeUscc rejects %s', (prefix) => {
    expect(() => makeUscc(prefix)).toThrow(RangeError);
  });
});

describe('validateResidentId', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female'],
    [makeResidentId('37100219900101123'), makeResidentId('37100219900101123'), '1990-01-01', 'male'],
    [makeResidentId('44200019920229004'), makeResidentId('44200019920229004'), '1992-02-29', 'female'],
  ])('%s is valid', (input, normalized, birthDate, sex) => {
    expect(validateResidentId(input, '2025-06-15')).toEqual({ ok: true, normalized, birthDate, sex });
  });

  it.each([
    ['110105194912310021', undefined, 'ID_CHECK'],
    ['110105199902300011', undefined, 'ID_BIRTH_DATE'],
    [makeResidentId('11010519930229002'), undefined, 'ID_BIRTH_DATE'],
    [makeResidentId('11010518991231002'), undefined, 'ID_BIRTH_DATE'],
    [makeResidentId('11010520300101002'), '2025-06-15', 'ID_BIRTH_DATE'],
    ['1101051949123100', undefined, 'ID_LENGTH'],
    ['11010519491231002Y', undefined, 'ID_FORMAT'],
    ['X1010519491231002X', undefined, 'ID_FORMAT'],
    [makeResidentId('99010519491231002'), undefined, 'ID_REGION'],
  ])('%s (now %s) fails with %s', (input, now, code) => {
    const r = validateResidentId(input, now);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(/\p{Script=Han}/u);
    }
  });

  it('accepts a future birth date when no reference day is given', () => {
    expect(validateResidentId(makeResidentId('11010520300101002')).ok).toBe(true);
  });

  it.each([['11010519491231002', '11010519491231002X']])('makeResidentId(%s) = %s', (prefix, expected) => {
    expect(makeResidentId(prefix)).toBe(expected);
  });

  it.each([['1101051949123100'], ['1101051949123100X']])('makeResidentId rejects %s', (prefix) => {
    expect(() => makeResidentId(prefix)).toThrow(RangeError);
  });
});

describe('validateMobile', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['0086-138-1234-1234', '13812341234'],
    ['8613812341234', '13812341234'],
    ['199 0000 1111', '19900001111'],
  ])('%j → %s', (input, normalized) => {
    expect(validateMobile(input)).toEqual({ ok: true, normalized });
  });

  it.each([['12812341234'], ['1381234123'], ['138123412345'], ['0531-88888888'], ['']])('%j is rejected', (input) => {
    expect(validateMobile(input)).toMatchObject({ ok: false, code: 'MOBILE_FORMAT' });
  });
});

describe('masking', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+86 138 1234 1234', '138****1234'],
  ])('maskMobile(%j) = %s', (input, expected) => {
    expect(maskMobile(input)).toBe(expected);
  });

  it.each([
    ['37100219900101123X', '3710**********123X'],
    ['37100219900101123x', '3710**********123X'],
    ['1234', '****'],
  ])('maskResidentId(%s) = %s', (input, expected) => {
    expect(maskResidentId(input)).toBe(expected);
  });

  it.each([
    ['王五', '王*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳娜', '欧阳*'],
    ['欧阳', '欧*'],
    ['王', '*'],
    ['迪丽热巴·迪力木拉提', '迪***·*****'],
    ['', ''],
  ])('maskName(%j) = %s', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});
