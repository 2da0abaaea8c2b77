/**
 * Skills training for mothers: subsidised courses at night, at weekends and at community
 * points near home, with a child room (Weihai measure 9; Zhongshan art. 7). The rules here
 * are the course's shape (skills, sessions, seats) and how attended time becomes class hours
 * for the training subsidy. Times are minutes of a China-time day; dates are ISO dates.
 */
import { IsoDate, ymd } from './dates';

/** The same codes as the training needs of the station's needs survey, so courses match what mothers asked for. */
export type TrainingSkill =
  | 'domestic_service'
  | 'childcare'
  | 'elderly_care'
  | 'handicraft'
  | 'cooking'
  | 'ecommerce_livestream'
  | 'new_media'
  | 'computer_office'
  | 'beauty'
  | 'accounting'
  | 'startup'
  | 'other';

export const TRAINING_SKILL_CODES: readonly TrainingSkill[] = [
  'domestic_service',
  'childcare',
  'elderly_care',
  'handicraft',
  'cooking',
  'ecommerce_livestream',
  'new_media',
  'computer_office',
  'beauty',
  'accounting',
  'startup',
  'other',
];

export const TRAINING_SKILL_LABELS: Record<TrainingSkill, string> = {
  domestic_service: '家政服务',
  childcare: '育婴保育',
  elderly_care: '养老护理',
  handicraft: '手工制作',
  cooking: '面点烹饪',
  ecommerce_livestream: '电商直播',
  new_media: '新媒体运营',
  computer_office: '电脑办公',
  beauty: '美容美发',
  accounting: '财务会计',
  startup: '创业指导',
  other: '其他技能',
};

/**
 * One class hour (课时) is 45 minutes, as vocational-training subsidy schemes count it; only
 * completed class hours count, so attended time is never rounded up into money.
 */
export const CLASS_HOUR_MINUTES = 45;

export const COURSE_LIMITS = {
  maxSessions: 60,
  maxSeats: 500,
  /** A single session longer than this is almost certainly a typing error. */
  maxSessionMinutes: 10 * 60,
  /** Sessions must start within this many days of publication. */
  maxDaysAhead: 366,
} as const;

/** When a session takes place, as mothers look for it: evening class, weekend class, daytime. */
export type SessionSlot = 'evening' | 'weekend' | 'daytime';

export const SESSION_SLOT_LABELS: Record<SessionSlot, string> = {
  evening: '夜校',
  weekend: '周末班',
  daytime: '日间班',
};

/** Sessions starting at 18:00 or later are evening classes (after the nursery pick-up). */
export const EVENING_FROM_MINUTE = 18 * 60;

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: IsoDate): number {
  const { year, month, day } = ymd(date);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** A weekend day wins over the hour: a Saturday evening class is a weekend class. */
export function sessionSlot(date: IsoDate, startMinute: number): SessionSlot {
  if (isoWeekday(date) >= 6) return 'weekend';
  return startMinute >= EVENING_FROM_MINUTE ? 'evening' : 'daytime';
}

/** A session in China time: its date, and start and end as minutes after midnight of that date. */
export interface CourseSessionInput {
  date: IsoDate;
  startMinute: number;
  /** May exceed 1440 only when the session runs past midnight, which the checks refuse. */
  endMinute: number;
}

export interface CourseSessionProblem {
  index: number;
  message: string;
}

/**
 * Every problem of a course's sessions, in Chinese, for the publisher; empty when fine.
 * `today` bounds how early and how far ahead sessions may be.
 */
export function checkCourseSessions(sessions: readonly CourseSessionInput[], today: IsoDate): CourseSessionProblem[] {
  const problems: CourseSessionProblem[] = [];
  if (sessions.length === 0) return [{ index: -1, message: '请至少安排一次课' }];
  if (sessions.length > COURSE_LIMITS.maxSessions) {
    problems.push({ index: -1, message: `一门课程最多安排${COURSE_LIMITS.maxSessions}次课` });
  }
  sessions.forEach((s, index) => {
    const n = index + 1;
    if (s.endMinute <= s.startMinute) problems.push({ index, message: `第${n}次课的结束时间须晚于开始时间` });
    else if (s.endMinute > 24 * 60) problems.push({ index, message: `第${n}次课不能跨过午夜` });
    else if (s.endMinute - s.startMinute > COURSE_LIMITS.maxSessionMinutes) {
      problems.push({ index, message: `第${n}次课超过${COURSE_LIMITS.maxSessionMinutes / 60}小时，请分成几次课` });
    }
    if (s.date < today) problems.push({ index, message: `第${n}次课的日期${s.date}已经过去` });
  });
  const sorted = sessions.map((s, index) => ({ ...s, index })).sort((a, b) => (a.date === b.date ? a.startMinute - b.startMinute : a.date < b.date ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev.date === cur.date && cur.startMinute < prev.endMinute) {
      problems.push({ index: cur.index, message: `第${cur.index + 1}次课与第${prev.index + 1}次课时间重叠` });
    }
  }
  return problems;
}

/** Completed class hours in the given minutes of attended teaching. */
export function classHoursFromMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  return Math.floor(minutes / CLASS_HOUR_MINUTES);
}

/** The slots a course's sessions fall in, each once, in a stable order, for a label like “夜校·周末班”. */
export function courseSlots(sessions: readonly CourseSessionInput[]): SessionSlot[] {
  const seen = new Set(sessions.map((s) => sessionSlot(s.date, s.startMinute)));
  return (['evening', 'weekend', 'daytime'] as const).filter((slot) => seen.has(slot));
}
