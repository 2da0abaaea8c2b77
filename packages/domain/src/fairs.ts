/**
 * Special recruitment fairs (专场招聘) and their livestreams (直播带岗), as the Shandong notice
 * asks cities to run them for mothers. The rules here: when a fair may be held, and the
 * check-in code a mother shows at the door.
 *
 * The check-in code is 18 digits, so it can be read out, typed on a phone keypad or carried in
 * a QR code: the fair's number (6), her sign-up's number at that fair (5), a 6-digit keyed mark
 * the API derives from a secret (so codes cannot be made up) and a Luhn check digit (so a
 * mistyped code is refused before it is looked up). The fair's number in the code lets a
 * station tell "this code is for another fair" from "this code is wrong".
 */
import { IsoDate, daysBetween, isIsoDate } from './dates';

export const CHECK_IN_CODE_LIMITS = {
  maxFairNo: 999_999,
  maxSeq: 99_999,
  macDigits: 6,
} as const;

export interface CheckInCodeParts {
  fairNo: number;
  seq: number;
  /** CHECK_IN_CODE_LIMITS.macDigits decimal digits. */
  mac: string;
}

export type CheckInCodeProblem = 'CODE_FORMAT' | 'CODE_CHECK_DIGIT';

export type ParsedCheckInCode = { ok: true; parts: CheckInCodeParts; digits: string } | { ok: false; code: CheckInCodeProblem; message: string };

/** Luhn check digit of a digit string (the digit that, appended, makes the whole valid). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // From the right, every second digit (starting with the rightmost of the payload) is doubled.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The 6-digit mark from a keyed hash given as hex (the API passes an HMAC of fair and sign-up). */
export function checkInMacFromHex(hex: string): string {
  if (!/^[0-9a-f]{12,}$/i.test(hex)) throw new RangeError('checkInMacFromHex needs at least 12 hex digits');
  const n = Number.parseInt(hex.slice(0, 12), 16) % 10 ** CHECK_IN_CODE_LIMITS.macDigits;
  return String(n).padStart(CHECK_IN_CODE_LIMITS.macDigits, '0');
}

function payloadDigits(parts: CheckInCodeParts): string {
  const { fairNo, seq, mac } = parts;
  if (!Number.isInteger(fairNo) || fairNo < 1 || fairNo > CHECK_IN_CODE_LIMITS.maxFairNo) throw new RangeError(`fair number out of range: ${fairNo}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > CHECK_IN_CODE_LIMITS.maxSeq) throw new RangeError(`sign-up number out of range: ${seq}`);
  if (!new RegExp(`^\\d{${CHECK_IN_CODE_LIMITS.macDigits}}$`).test(mac)) throw new RangeError('mark must be 6 digits');
  return `${String(fairNo).padStart(6, '0')}${String(seq).padStart(5, '0')}${mac}`;
}

/** The 18 digits, without separators: what is hashed and what a QR code carries. */
export function checkInCodeDigits(parts: CheckInCodeParts): string {
  const payload = payloadDigits(parts);
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** For the screen: `000012-00007-4839203` (fair, sign-up, mark and check digit). */
export function formatCheckInCode(parts: CheckInCodeParts): string {
  const d = checkInCodeDigits(parts);
  return `${d.slice(0, 6)}-${d.slice(6, 11)}-${d.slice(11)}`;
}

/** Reads a typed or scanned code: spaces and dashes are ignored. */
export function parseCheckInCode(text: string): ParsedCheckInCode {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{18}$/.test(digits)) return { ok: false, code: 'CODE_FORMAT', message: '签到码应为18位数字，请核对后重新输入' };
  const payload = digits.slice(0, 17);
  if (luhnCheckDigit(payload) !== Number(digits[17])) return { ok: false, code: 'CODE_CHECK_DIGIT', message: '签到码有误（校验位不符），请核对后重新输入' };
  const fairNo = Number(digits.slice(0, 6));
  const seq = Number(digits.slice(6, 11));
  if (fairNo < 1 || seq < 1) return { ok: false, code: 'CODE_FORMAT', message: '签到码有误，请核对后重新输入' };
  return { ok: true, parts: { fairNo, seq, mac: digits.slice(11, 17) }, digits };
}

export const FAIR_LIMITS = {
  maxSeats: 20_000,
  /** A fair is published at most this many days ahead. */
  maxDaysAhead: 366,
  maxEmployers: 100,
  maxPostsPerEmployer: 30,
} as const;

export type FairMode = 'online' | 'onsite';

export const FAIR_MODE_LABELS: Record<FairMode, string> = {
  online: '线上招聘会',
  onsite: '现场招聘会',
};

export type FairScheduleProblem = 'DATE_INVALID' | 'DATE_PAST' | 'DATE_TOO_FAR' | 'TIME_INVALID' | 'HOURS_INVALID';

export interface FairScheduleInput {
  date: string;
  startTime: string;
  endTime: string;
  /** Today in China. */
  today: IsoDate;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of 'HH:MM', or null. */
export function minutesOfDay(hhmm: string): number | null {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Why a fair cannot be held on that day and at those hours; empty when it can. */
export function checkFairSchedule(input: FairScheduleInput): { field: 'date' | 'startTime' | 'endTime'; code: FairScheduleProblem; message: string }[] {
  const problems: { field: 'date' | 'startTime' | 'endTime'; code: FairScheduleProblem; message: string }[] = [];
  if (!isIsoDate(input.date)) {
    problems.push({ field: 'date', code: 'DATE_INVALID', message: '日期格式应为 年-月-日，如 2026-12-05' });
  } else if (input.date < input.today) {
    problems.push({ field: 'date', code: 'DATE_PAST', message: '招聘会日期不能早于今天' });
  } else if (daysBetween(input.today, input.date) > FAIR_LIMITS.maxDaysAhead) {
    problems.push({ field: 'date', code: 'DATE_TOO_FAR', message: `招聘会日期不能晚于一年以后（${FAIR_LIMITS.maxDaysAhead}天内）` });
  }
  const start = minutesOfDay(input.startTime);
  const end = minutesOfDay(input.endTime);
  if (start === null) problems.push({ field: 'startTime', code: 'TIME_INVALID', message: '开始时间格式应为 时:分，如 09:00' });
  if (end === null) problems.push({ field: 'endTime', code: 'TIME_INVALID', message: '结束时间格式应为 时:分，如 11:30' });
  if (start !== null && end !== null && end <= start) problems.push({ field: 'endTime', code: 'HOURS_INVALID', message: '结束时间应晚于开始时间' });
  return problems;
}

export type LivestreamPhase = 'upcoming' | 'live' | 'ended';

export const LIVESTREAM_PHASE_LABELS: Record<LivestreamPhase, string> = {
  upcoming: '即将开播',
  live: '直播中',
  ended: '已结束',
};

/** Where a livestream is at `nowMs` (epoch milliseconds); it is live from its start until its end. */
export function livestreamPhase(startsAtMs: number, endsAtMs: number, nowMs: number): LivestreamPhase {
  if (nowMs < startsAtMs) return 'upcoming';
  return nowMs < endsAtMs ? 'live' : 'ended';
}
