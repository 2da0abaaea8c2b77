import { HourlyEquivalentInput, PostPayCheckInput, checkMinimumWage, checkPostPay, formatHourly, hourlyEquivalent, roundYuan } from './pay';

const WEIHAI = { monthly: 2200, hourly: 22 };
const ZHONGSHAN = { monthly: 1900, hourly: 18.1 };

describe('hourlyEquivalent', () => {
  it.each<[string, HourlyEquivalentInput, number, number]>([
    ['hourly', { basis: 'hourly', amount: 25 }, 25, 25],
    ['daily, 8 h a day', { basis: 'daily', amount: 200, hoursPerWeek: 40, daysPerWeek: 5 }, 25, 25],
    ['daily, default 5 days', { basis: 'daily', amount: 150, hoursPerWeek: 30 }, 25, 25],
    ['monthly full time', { basis: 'monthly', amount: 4000, hoursPerWeek: 40 }, 23.08, 23.08],
    ['monthly range, 30 h a week', { basis: 'monthly', amount: { min: 3000, max: 4500 }, hoursPerWeek: 30 }, 23.08, 34.62],
    ['per piece: 0.5 yuan, 50 pieces an hour', { basis: 'per_piece', amount: 0.5, unitsPerHour: 50 }, 25, 25],
    ['per piece range: eyelashes', { basis: 'per_piece', amount: { min: 0.4, max: 0.6 }, unitsPerHour: 40 }, 16, 24],
    ['per task: 80 yuan for a 3-hour visit', { basis: 'per_task', amount: 80, hoursPerTask: 3 }, 26.67, 26.67],
    ['zero pay', { basis: 'hourly', amount: 0 }, 0, 0],
  ])('%s', (_name, input, min, max) => {
    expect(hourlyEquivalent(input)).toEqual({ ok: true, min, max });
  });

  it.each<[string, HourlyEquivalentInput, string]>([
    ['monthly without hours', { basis: 'monthly', amount: 3000 }, 'PAY_HOURS_REQUIRED'],
    ['daily without hours', { basis: 'daily', amount: 200 }, 'PAY_HOURS_REQUIRED'],
    ['per piece without pieces per hour', { basis: 'per_piece', amount: 0.5 }, 'PAY_UNITS_REQUIRED'],
    ['per task without hours per task', { basis: 'per_task', amount: 80, hoursPerTask: 0 }, 'PAY_UNITS_REQUIRED'],
    ['own income', { basis: 'own_income', amount: 5000 }, 'PAY_NOT_COMPARABLE'],
    ['inverted range', { basis: 'hourly', amount: { min: 30, max: 20 } }, 'PAY_AMOUNT_INVALID'],
    ['negative', { basis: 'hourly', amount: -1 }, 'PAY_AMOUNT_INVALID'],
    ['not a number', { basis: 'hourly', amount: Number.NaN }, 'PAY_AMOUNT_INVALID'],
  ])('%s fails with %s', (_name, input, code) => {
    expect(hourlyEquivalent(input)).toMatchObject({ ok: false, code });
  });

  it.each([
    [2.675, 2.68],
    [1.005, 1.01],
    [23.076923, 23.08],
  ])('roundYuan(%d) = %d', (value, expected) => {
    expect(roundYuan(value)).toBe(expected);
  });
});

describe('checkMinimumWage', () => {
  it.each([
    ['a post below the hourly minimum', 20, WEIHAI, undefined, 'BELOW_MINIMUM_WAGE_HOURLY', '折合时薪约20元，低于当地小时最低工资标准22元'],
    ['piece work at 0.3 yuan × 60 an hour', 0.3 * 60, WEIHAI, undefined, 'BELOW_MINIMUM_WAGE_HOURLY', '折合时薪约18元，低于当地小时最低工资标准22元'],
    ['just under Zhongshan hourly', 18.05, ZHONGSHAN, undefined, 'BELOW_MINIMUM_WAGE_HOURLY', '折合时薪约18.05元，低于当地小时最低工资标准18.1元'],
    ['at the hourly minimum', 22, WEIHAI, undefined, null, null],
    ['above the hourly minimum', 25, WEIHAI, undefined, null, null],
    ['a full-time monthly wage below the monthly minimum', 12.1, WEIHAI, 2100, 'BELOW_MINIMUM_WAGE_MONTHLY', '月工资2100元，低于当地月最低工资标准2200元'],
    ['a full-time monthly wage at the minimum (low hourly is fine)', 12.69, WEIHAI, 2200, null, null],
  ])('%s', (_name, hourly, wage, monthly, code, message) => {
    const v = checkMinimumWage(hourly, wage, monthly);
    if (code === null) expect(v).toBeNull();
    else expect(v).toEqual({ field: 'pay', code, message });
  });

  it('flags a per-piece post whose hourly equivalent is below the minimum', () => {
    const eq = hourlyEquivalent({ basis: 'per_piece', amount: { min: 0.3, max: 0.5 }, unitsPerHour: 40 });
    expect(eq).toEqual({ ok: true, min: 12, max: 20 });
    if (eq.ok) expect(checkMinimumWage(eq.min, WEIHAI)?.code).toBe('BELOW_MINIMUM_WAGE_HOURLY');
  });
});

describe('formatHourly', () => {
  it.each([
    [25, 25, '25元/小时'],
    [20, 30, '20-30元/小时'],
    [23.08, 34.62, '23.1-34.6元/小时'],
  ])('%d-%d → %s', (min, max, expected) => {
    expect(formatHourly(min, max)).toBe(expected);
  });
});

describe('checkPostPay', () => {
  it.each<[string, PostPayCheckInput, string | null]>([
    ['hourly pay always meets the hourly standard, even 40 h a week', { basis: 'hourly', payMin: 20, hourlyMin: 20, hoursPerWeek: 40 }, 'BELOW_MINIMUM_WAGE_HOURLY'],
    ['hourly pay at the standard', { basis: 'hourly', payMin: 22, hourlyMin: 22, hoursPerWeek: 15 }, null],
    ['monthly full time at the monthly minimum', { basis: 'monthly', payMin: 2200, hourlyMin: 12.69, hoursPerWeek: 40 }, null],
    ['monthly full time below the monthly minimum', { basis: 'monthly', payMin: 2100, hourlyMin: 12.12, hoursPerWeek: 40 }, 'BELOW_MINIMUM_WAGE_MONTHLY'],
    ['monthly, 30 h a week, at the monthly minimum', { basis: 'monthly', payMin: 2200, hourlyMin: 16.92, hoursPerWeek: 30 }, null],
    ['monthly part time (20 h) is held to the hourly standard', { basis: 'monthly', payMin: 1500, hourlyMin: 17.31, hoursPerWeek: 20 }, 'BELOW_MINIMUM_WAGE_HOURLY'],
    ['24 h a week is still part time', { basis: 'per_piece', payMin: 0.4, hourlyMin: 20, hoursPerWeek: 24 }, 'BELOW_MINIMUM_WAGE_HOURLY'],
    ['piece work, 40 h a week: 15 yuan an hour is 2600 a month', { basis: 'per_piece', payMin: 0.3, hourlyMin: 15, hoursPerWeek: 40 }, null],
    ['piece work, 40 h a week: 12 yuan an hour is 2080 a month', { basis: 'per_piece', payMin: 0.3, hourlyMin: 12, hoursPerWeek: 40 }, 'BELOW_MINIMUM_WAGE_MONTHLY'],
    ['daily, 40 h a week: 150 a day', { basis: 'daily', payMin: 150, hourlyMin: 18.75, hoursPerWeek: 40 }, null],
    ['her own start-up is not a wage', { basis: 'own_income', payMin: 1, hourlyMin: null, hoursPerWeek: 40 }, null],
  ])('%s', (_name, input, code) => {
    expect(checkPostPay(input, WEIHAI)?.code ?? null).toBe(code);
  });
});
