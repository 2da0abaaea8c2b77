/**
 * Calendar dates as 'YYYY-MM-DD' strings.
 *
 * Every rule in this package works on calendar days in China (UTC+8, no DST), never on
 * instants: a birthday or a due date does not depend on the server's time zone. Callers
 * pass `now` as an IsoDate; `isoDateInChina` turns a Date into one at the boundary.
 */

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses 'YYYY-MM-DD'; null when malformed or not a real day (e.g. 1999-02-30). */
export function parseIsoDate(value: string): YearMonthDay | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd.year, ymd.month, ymd.day) ? ymd : null;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** Like parseIsoDate but for values the caller promised are valid: fails loudly on a programming error. */
export function ymd(value: IsoDate): YearMonthDay {
  const parsed = parseIsoDate(value);
  if (!parsed) throw new RangeError(`Invalid ISO date: ${value}`);
  return parsed;
}

export function formatYmd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date in China of an instant; the only place a Date enters the domain. */
export function isoDateInChina(instant: Date): IsoDate {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return formatYmd(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

function toDayNumber(value: IsoDate): number {
  const { year, month, day } = ymd(value);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(value: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(value) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Adds calendar months. A day that does not exist in the target month becomes that month's
 * last day, as the Civil Code (art. 202) does for periods counted in months: 29 Feb + 12
 * months is 28 Feb, 31 Aug + 1 month is 30 Sep.
 */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const { year, month, day } = ymd(value);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(value: IsoDate, years: number): IsoDate {
  return addMonths(value, years * 12);
}

/**
 * Completed months from `from` to `to`, with anniversaries as in addMonths, so that
 * `completedMonths(a, addMonths(a, n)) === n` for every date, leap day included.
 * Negative (at least -1) when `to` is earlier, so a date in the future never looks like "0 months ago".
 */
export function completedMonths(from: IsoDate, to: IsoDate): number {
  if (to < from) return -Math.max(1, completedMonths(to, from));
  const a = ymd(from);
  const b = ymd(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && addMonths(from, months) > to) months -= 1;
  return months;
}

/** Age or duration in completed years and months. */
export interface YearsMonths {
  years: number;
  months: number;
}

export function splitMonths(totalMonths: number): YearsMonths {
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12 };
}
