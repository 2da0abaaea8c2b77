/**
 * Weekly time windows: when a post needs her and when she is free. A mother's free time is
 * bounded by nursery and school hours, so the product compares the two minute by minute.
 *
 * Windows are within one day (no overnight shifts: a night shift is two windows). Times are
 * 'HH:MM' from 00:00 to 24:00; days are ISO weekdays, Monday = 1, Sunday = 7.
 */
import { ChildcareStage } from './catalogue';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WeeklyWindow {
  day: Weekday;
  start: string;
  end: string;
}

export interface WindowProblem {
  /** Index of the offending window in the input, or -1 for the whole text. */
  index: number;
  code: 'WINDOW_DAY' | 'WINDOW_TIME' | 'WINDOW_ORDER' | 'WINDOW_OVERLAP';
  message: string;
}

const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const TIME = /^(\d{1,2}):(\d{2})$/;

/** Minutes since midnight, or null for anything but 00:00..24:00. */
export function parseTime(value: string): number | null {
  const m = TIME.exec(value);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** Storage form, zero-padded: 'HH:MM'. */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Display form, no leading zero: '9:00'. */
function displayTime(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function isWeekday(day: unknown): day is Weekday {
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 7;
}

export function validateWindows(windows: readonly WeeklyWindow[]): WindowProblem[] {
  const problems: WindowProblem[] = [];
  const valid: { index: number; day: number; start: number; end: number }[] = [];
  windows.forEach((w, index) => {
    if (!isWeekday(w.day)) {
      problems.push({ index, code: 'WINDOW_DAY', message: '星期应为周一至周日' });
      return;
    }
    const start = parseTime(w.start);
    const end = parseTime(w.end);
    if (start === null || end === null) {
      problems.push({ index, code: 'WINDOW_TIME', message: '时间格式应为“时:分”，如 09:00' });
      return;
    }
    if (start >= end) {
      problems.push({ index, code: 'WINDOW_ORDER', message: `${DAY_NAMES[w.day]}的结束时间应晚于开始时间（跨夜请分成两段）` });
      return;
    }
    valid.push({ index, day: w.day, start, end });
  });
  valid.sort((a, b) => a.day - b.day || a.start - b.start);
  for (let i = 1; i < valid.length; i++) {
    const prev = valid[i - 1];
    const cur = valid[i];
    if (cur.day === prev.day && cur.start < prev.end) {
      problems.push({ index: cur.index, code: 'WINDOW_OVERLAP', message: `${DAY_NAMES[cur.day]}有重叠的时间段` });
    }
  }
  return problems;
}

interface Interval {
  day: number;
  start: number;
  end: number;
}

function toIntervals(windows: readonly WeeklyWindow[]): Interval[] {
  const out: Interval[] = [];
  for (const w of windows) {
    const start = parseTime(w.start);
    const end = parseTime(w.end);
    if (!isWeekday(w.day) || start === null || end === null || start >= end) {
      throw new RangeError(`Invalid weekly window: ${JSON.stringify(w)}`);
    }
    out.push({ day: w.day, start, end });
  }
  out.sort((a, b) => a.day - b.day || a.start - b.start);
  const merged: Interval[] = [];
  for (const iv of out) {
    const last = merged[merged.length - 1];
    if (last && last.day === iv.day && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else merged.push({ ...iv });
  }
  return merged;
}

/** Sorted, with overlapping or touching windows of a day merged. Throws on an invalid window. */
export function normalizeWindows(windows: readonly WeeklyWindow[]): WeeklyWindow[] {
  return toIntervals(windows).map((iv) => ({ day: iv.day as Weekday, start: formatTime(iv.start), end: formatTime(iv.end) }));
}

export function hoursPerWeek(windows: readonly WeeklyWindow[]): number {
  const minutes = toIntervals(windows).reduce((sum, iv) => sum + iv.end - iv.start, 0);
  return Math.round((minutes / 60) * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

type Token =
  | { t: 'days'; days: number[]; single: boolean }
  | { t: 'range' }
  | { t: 'list' }
  | { t: 'time'; minutes: number | null; text: string }
  | { t: 'sep' };

const EN_DAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const ZH_DAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 七: 7 };

const TOKEN_RULES: readonly [RegExp, (m: RegExpExecArray) => Token | null][] = [
  [/^\s+/, () => null],
  [/^(?:每天|每日|天天|daily|every\s*day)/, () => ({ t: 'days', days: [1, 2, 3, 4, 5, 6, 7], single: false })],
  [/^(?:工作日|weekdays?)/, () => ({ t: 'days', days: [1, 2, 3, 4, 5], single: false })],
  [/^(?:周末|双休日|weekends?)/, () => ({ t: 'days', days: [6, 7], single: false })],
  [/^(?:周|星期|礼拜)([一二三四五六日天七])/, (m) => ({ t: 'days', days: [ZH_DAYS[m[1]]], single: true })],
  [
    /^(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|r|rs)?\b/,
    (m) => ({ t: 'days', days: [EN_DAYS[m[1]]], single: true }),
  ],
  // '周一至五': the second day of a range often drops 周.
  [/^([一二三四五六日天七])/, (m) => ({ t: 'days', days: [ZH_DAYS[m[1]]], single: true })],
  [/^(\d{1,2})[:：](\d{2})/, (m) => ({ t: 'time', minutes: parseTime(`${m[1]}:${m[2]}`), text: m[0] })],
  [/^(\d{1,2})点(半)?/, (m) => ({ t: 'time', minutes: parseTime(`${m[1]}:${m[2] ? '30' : '00'}`), text: m[0] })],
  [/^(?:至|到|~|～|-|–|—|to\b)/, () => ({ t: 'range' })],
  [/^(?:、|,|，|&|和|及|and\b|\/)/, () => ({ t: 'list' })],
  [/^(?:;|；|。|\||\n)/, () => ({ t: 'sep' })],
];

export type ParseWindowsResult =
  | { ok: true; windows: WeeklyWindow[] }
  | { ok: false; code: 'SCHEDULE_UNPARSED' | 'SCHEDULE_NO_DAYS' | 'SCHEDULE_NO_TIME' | 'WINDOW_TIME' | 'WINDOW_ORDER'; message: string };

function tokenize(text: string): Token[] | { bad: string } {
  const tokens: Token[] = [];
  let rest = text.toLowerCase();
  outer: while (rest.length > 0) {
    for (const [re, make] of TOKEN_RULES) {
      const m = re.exec(rest);
      if (m) {
        const tok = make(m);
        if (tok) tokens.push(tok);
        rest = rest.slice(m[0].length);
        continue outer;
      }
    }
    return { bad: rest.slice(0, 8) };
  }
  return tokens;
}

function dayRange(from: number, to: number): number[] {
  const out: number[] = [];
  // Wrap past Sunday, so 周五至周一 means Fri, Sat, Sun, Mon.
  for (let d = from; ; d = (d % 7) + 1) {
    out.push(d);
    if (d === to) return out;
  }
}

const EXAMPLE = '例如：周一至周五 9:00-15:00';

/**
 * Reads schedules as people type them: '周一至周五 09:00-15:00', '周一、周三 9:00-12:00；周六 9点-11点半',
 * '工作日 8:30-11:30, 13:30-16:00', 'Mon-Fri 09:00-15:00', 'Sat,Sun 10:00-12:00'. Windows are
 * returned normalised (sorted, overlaps merged).
 */
export function parseWindows(text: string): ParseWindowsResult {
  const tokens = tokenize(text ?? '');
  if (!Array.isArray(tokens)) {
    return { ok: false, code: 'SCHEDULE_UNPARSED', message: `无法识别“${tokens.bad}”，${EXAMPLE}` };
  }
  const windows: WeeklyWindow[] = [];
  let i = 0;
  const peek = (k = 0): Token | undefined => tokens[i + k];

  while (i < tokens.length) {
    while (peek()?.t === 'sep' || peek()?.t === 'list') i++;
    if (i >= tokens.length) break;

    const days = new Set<number>();
    for (;;) {
      const tok = peek();
      if (tok?.t !== 'days') break;
      i++;
      const next = peek();
      const after = peek(1);
      if (tok.single && next?.t === 'range' && after?.t === 'days' && after.single) {
        dayRange(tok.days[0], after.days[0]).forEach((d) => days.add(d));
        i += 2;
      } else {
        tok.days.forEach((d) => days.add(d));
      }
      if (peek()?.t === 'list' && peek(1)?.t === 'days') i++;
      else break;
    }
    if (days.size === 0) {
      return peek()?.t === 'time'
        ? { ok: false, code: 'SCHEDULE_NO_DAYS', message: `请注明星期几，${EXAMPLE}` }
        : { ok: false, code: 'SCHEDULE_UNPARSED', message: `无法识别工作时间，${EXAMPLE}` };
    }

    let ranges = 0;
    for (;;) {
      if (ranges > 0 && peek()?.t === 'list' && peek(1)?.t === 'time') i++;
      const a = peek();
      const sepTok = peek(1);
      const b = peek(2);
      if (a?.t !== 'time' || sepTok?.t !== 'range' || b?.t !== 'time') break;
      if (a.minutes === null || b.minutes === null) {
        return { ok: false, code: 'WINDOW_TIME', message: `时间“${a.minutes === null ? a.text : b.text}”不正确，${EXAMPLE}` };
      }
      if (a.minutes >= b.minutes) {
        return { ok: false, code: 'WINDOW_ORDER', message: `结束时间应晚于开始时间（跨夜请分成两段），${EXAMPLE}` };
      }
      for (const d of days) windows.push({ day: d as Weekday, start: formatTime(a.minutes), end: formatTime(b.minutes) });
      ranges++;
      i += 3;
    }
    if (ranges === 0) return { ok: false, code: 'SCHEDULE_NO_TIME', message: `请写明几点到几点，${EXAMPLE}` };
  }
  if (windows.length === 0) return { ok: false, code: 'SCHEDULE_NO_TIME', message: `请填写工作时间，${EXAMPLE}` };
  return { ok: true, windows: normalizeWindows(windows) };
}

function formatDays(days: number[]): string {
  if (days.length === 7) return '每天';
  const runs: number[][] = [];
  for (const d of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === d - 1) run.push(d);
    else runs.push([d]);
  }
  return runs
    .map((r) => (r.length >= 3 ? `${DAY_NAMES[r[0]]}至${DAY_NAMES[r[r.length - 1]]}` : r.map((d) => DAY_NAMES[d]).join('、')))
    .join('、');
}

/** '周一至周五 9:00-15:00；周六 9:00-12:00'. Days sharing the same hours are grouped. */
export function formatWindows(windows: readonly WeeklyWindow[]): string {
  const byDay = new Map<number, string>();
  for (const iv of toIntervals(windows)) {
    const text = `${displayTime(iv.start)}-${displayTime(iv.end)}`;
    byDay.set(iv.day, byDay.has(iv.day) ? `${byDay.get(iv.day)}、${text}` : text);
  }
  const groups = new Map<string, number[]>();
  for (const [day, text] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    groups.set(text, [...(groups.get(text) ?? []), day]);
  }
  return [...groups.entries()]
    .sort((a, b) => a[1][0] - b[1][0])
    .map(([text, days]) => `${formatDays(days)} ${text}`)
    .join('；');
}

// ---------------------------------------------------------------------------------------------
// Fit between a post and her availability
// ---------------------------------------------------------------------------------------------

export interface ScheduleFit {
  /** Share of the post's weekly hours that fall inside her available windows, 0..1. */
  fit: number;
  postHoursPerWeek: number | null;
  overlapHoursPerWeek: number | null;
  reason: string;
}

function overlapMinutes(a: Interval[], b: Interval[]): number {
  let total = 0;
  for (const x of a) {
    for (const y of b) {
      if (x.day === y.day) total += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    }
  }
  return total;
}

/**
 * How much of the post's time she can cover. A flexible post fits fully; so does any post for
 * a mother who says she is free at any time ('flexible').
 */
export function scheduleFit(
  post: readonly WeeklyWindow[] | 'flexible',
  mother: readonly WeeklyWindow[] | 'flexible',
): ScheduleFit {
  if (post === 'flexible') {
    return { fit: 1, postHoursPerWeek: null, overlapHoursPerWeek: null, reason: '工作时间灵活，可以自己安排' };
  }
  const p = toIntervals(post);
  const postMinutes = p.reduce((s, iv) => s + iv.end - iv.start, 0);
  if (postMinutes === 0) {
    return { fit: 0, postHoursPerWeek: 0, overlapHoursPerWeek: 0, reason: '岗位还没有填写工作时间' };
  }
  const text = formatWindows(post);
  const postHours = Math.round((postMinutes / 60) * 100) / 100;
  if (mother === 'flexible') {
    return { fit: 1, postHoursPerWeek: postHours, overlapHoursPerWeek: postHours, reason: `${text}，您的时间都方便` };
  }
  const overlap = overlapMinutes(p, toIntervals(mother));
  const fit = Math.round((overlap / postMinutes) * 100) / 100;
  const overlapHours = Math.round((overlap / 60) * 100) / 100;
  const reason =
    overlap === postMinutes
      ? `${text}，都在您方便的时间内`
      : overlap === 0
        ? `${text}，与您方便的时间不重合`
        : `${text}，约${Math.round(fit * 100)}%在您方便的时间内`;
  return { fit, postHoursPerWeek: postHours, overlapHoursPerWeek: overlapHours, reason };
}

export interface SchoolDayOptions {
  /** Minutes from home to nursery/school and on to work, each way; default 30. */
  travelMinutes?: number;
  /** Override the institution's opening and closing times, 'HH:MM'. */
  dropOff?: string;
  pickUp?: string;
  /** For a child under 3: whether she uses a daycare (托育机构); otherwise she has no free weekday window. */
  daycare?: boolean;
}

/*
 * Typical hours: kindergartens and daycare 8:30-16:00, primary schools 8:00-15:30 (without
 * after-school care). Pass dropOff/pickUp when her child's differ, e.g. with 课后服务 to 17:30.
 */
const INSTITUTION_HOURS: Record<ChildcareStage, { dropOff: string; pickUp: string }> = {
  full_companion: { dropOff: '08:30', pickUp: '16:00' },
  flexible_balance: { dropOff: '08:30', pickUp: '16:00' },
  settled_work: { dropOff: '08:00', pickUp: '15:30' },
};

/** Monday-to-Friday windows in which a mother at this stage is typically free to work. */
export function schoolDayWindows(stage: ChildcareStage, options: SchoolDayOptions = {}): WeeklyWindow[] {
  if (stage === 'full_companion' && !options.daycare) return [];
  const hours = INSTITUTION_HOURS[stage];
  const dropOff = parseTime(options.dropOff ?? hours.dropOff);
  const pickUp = parseTime(options.pickUp ?? hours.pickUp);
  if (dropOff === null || pickUp === null) throw new RangeError('dropOff and pickUp must be HH:MM');
  const travel = options.travelMinutes ?? 30;
  const start = dropOff + travel;
  const end = pickUp - travel;
  if (start >= end) return [];
  return ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, start: formatTime(start), end: formatTime(end) }));
}
