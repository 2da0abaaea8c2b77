import { addDays, addMonths, addYears, completedMonths, daysBetween, isoDateInChina, parseIsoDate } from './dates';

describe('dates', () => {
  it.each([
    ['2025-06-15', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1999-02-30', false],
    ['2025-13-01', false],
    ['2025-6-1', false],
    ['', false],
  ])('parseIsoDate(%s) valid=%s', (value, valid) => {
    expect(parseIsoDate(value) !== null).toBe(valid);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-03-15', -3, '2024-12-15'],
  ])('addMonths(%s, %i) = %s (month-end rule)', (from, n, expected) => {
    expect(addMonths(from, n)).toBe(expected);
  });

  it.each([
    ['2008-02-29', '2024-02-28', 191],
    ['2008-02-29', '2024-02-29', 192],
    ['2009-02-28', '2010-02-27', 11],
    ['2009-02-28', '2010-02-28', 12],
    ['2025-01-31', '2025-02-28', 1],
    ['2025-06-15', '2025-06-15', 0],
    ['2025-06-15', '2025-05-15', -1],
    ['2025-07-01', '2025-06-30', -1],
    ['2025-06-15', '2025-03-15', -3],
  ])('completedMonths(%s, %s) = %i', (from, to, expected) => {
    expect(completedMonths(from, to)).toBe(expected);
  });

  it.each([
    ['2025-12-25', 7, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('addDays(%s, %i) = %s', (from, n, expected) => {
    expect(addDays(from, n)).toBe(expected);
    expect(daysBetween(from, expected)).toBe(n);
  });

  it.each([
    ['2025-06-14T16:00:00Z', '2025-06-15'],
    ['2025-06-14T15:59:59Z', '2025-06-14'],
  ])('isoDateInChina(%s) = %s', (instant, expected) => {
    expect(isoDateInChina(new Date(instant))).toBe(expected);
  });

  it.each([['2024-02-29', 1, '2025-02-28']])('addYears(%s, %i) = %s', (from, n, expected) => {
    expect(addYears(from, n)).toBe(expected);
  });
});
