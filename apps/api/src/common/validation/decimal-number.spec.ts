import { validateSync } from 'class-validator';
import { decimalPlaces, IsDecimalNumber } from './decimal-number';

class Money {
  @IsDecimalNumber(2, { message: '金额应为数字' })
  amount!: unknown;
}

const errorsFor = (amount: unknown) => {
  const m = new Money();
  m.amount = amount;
  return validateSync(m).flatMap((e) => Object.entries(e.constraints ?? {}));
};

describe('IsDecimalNumber', () => {
  it.each([
    [25, 0],
    [12.5, 1],
    [812.25, 2],
    [1.005, 3],
    [5e-324, 324],
    [1.5e-7, 8],
    [1e21, 0],
    [-0, 0],
  ])('decimalPlaces(%p) = %p', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });

  it.each([[0], [25], [812.25], [-3.5], [1e21]])('accepts %p', (value) => {
    expect(errorsFor(value)).toEqual([]);
  });

  // class-validator's IsNumber({ maxDecimalPlaces }) threw a TypeError on exponent notation (a 500).
  it.each([[5e-324], [1e-7], [1.005], [Number.NaN], [Infinity], ['12'], [null], [[1]]])('refuses %p with the isNumber rule, never throws', (value) => {
    expect(errorsFor(value)).toEqual([['isNumber', '金额应为数字']]);
  });
});
