import { IS_NUMBER, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Decimal places of a finite number, exponent notation included: 5e-324 has 324, 1.5e-7 has 8,
 * 1e21 has 0.
 */
export function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = value.toString().toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * A finite number with at most `maxDecimalPlaces` decimals (money: 2). Replaces class-validator's
 * `@IsNumber({ maxDecimalPlaces })`, which throws a TypeError (a 500) on numbers JavaScript
 * writes in exponent notation, e.g. 5e-324 or 1e-7. Reports the rule as `isNumber`, as before.
 */
export function IsDecimalNumber(maxDecimalPlaces: number, validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_NUMBER,
      constraints: [{ maxDecimalPlaces }],
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= maxDecimalPlaces,
        defaultMessage: () => `应为数字（最多${maxDecimalPlaces}位小数）`,
      },
    },
    validationOptions,
  );
}
