/**
 * The “12333” follow-up (威海十条措施 第七条): within one year of her job-seeking or
 * unemployment registration every mother receives at least 2 policy consultations, 3 career-
 * guidance sessions, 3 job recommendations and 3 notices of free skills training.
 *
 * The plan is data (11 items with due dates); what has been done is the services a station
 * worker logged. Status is derived from both on a given day, never stored.
 */
import { IsoDate, addDays, addYears, daysBetween } from './dates';

export type FollowUpKind = 'policy_consultation' | 'career_guidance' | 'job_recommendation' | 'training_notice';

export const FOLLOW_UP_KIND_CODES: readonly FollowUpKind[] = [
  'policy_consultation',
  'career_guidance',
  'job_recommendation',
  'training_notice',
];

export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  policy_consultation: '政策对接',
  career_guidance: '职业指导',
  job_recommendation: '推荐岗位信息',
  training_notice: '免费技能培训信息',
};

/** The minimum number of each service within the year: the 2-3-3-3 of “12333”. */
export const FOLLOW_UP_QUOTA: Record<FollowUpKind, number> = {
  policy_consultation: 2,
  career_guidance: 3,
  job_recommendation: 3,
  training_notice: 3,
};

/** An item counts as 'due' this many days before its due date, so workers can plan the week. */
export const DUE_SOON_DAYS = 7;

/*
 * Days after registration. The first two weeks bring what shortens unemployment most: the
 * policies she can use (day 7) and a first job recommendation (day 14). The rest is spread
 * over the first eight months so a missed item can still be caught up before the year ends.
 */
const SCHEDULE: readonly { kind: FollowUpKind; offsetDays: number }[] = [
  { kind: 'policy_consultation', offsetDays: 7 },
  { kind: 'job_recommendation', offsetDays: 14 },
  { kind: 'career_guidance', offsetDays: 30 },
  { kind: 'training_notice', offsetDays: 45 },
  { kind: 'job_recommendation', offsetDays: 75 },
  { kind: 'career_guidance', offsetDays: 90 },
  { kind: 'training_notice', offsetDays: 120 },
  { kind: 'policy_consultation', offsetDays: 150 },
  { kind: 'job_recommendation', offsetDays: 180 },
  { kind: 'career_guidance', offsetDays: 210 },
  { kind: 'training_notice', offsetDays: 240 },
];

export interface FollowUpItem {
  kind: FollowUpKind;
  /** 1-based number within its kind: job_recommendation 1..3. */
  seq: number;
  /** Stable key for storage, e.g. 'job_recommendation#2'. */
  key: string;
  dueOn: IsoDate;
  /** Set by planAfterHire: she was hired and did not ask for more recommendations. */
  stoppedOn?: IsoDate;
}

export interface FollowUpService {
  kind: FollowUpKind;
  servedOn: IsoDate;
}

/** The last day of the service year: the day before the first anniversary of registration. */
export function followUpDeadline(registeredOn: IsoDate): IsoDate {
  return addDays(addYears(registeredOn, 1), -1);
}

export function buildFollowUpPlan(registeredOn: IsoDate): FollowUpItem[] {
  const seen: Partial<Record<FollowUpKind, number>> = {};
  return SCHEDULE.map(({ kind, offsetDays }) => {
    const seq = (seen[kind] ?? 0) + 1;
    seen[kind] = seq;
    return { kind, seq, key: `${kind}#${seq}`, dueOn: addDays(registeredOn, offsetDays) };
  });
}

export type FollowUpStatus = 'done' | 'due' | 'overdue' | 'upcoming' | 'stopped';

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  done: '已完成',
  due: '即将到期',
  overdue: '已逾期',
  upcoming: '未到期',
  stopped: '已停止（已就业）',
};

export interface FollowUpItemStatus extends FollowUpItem {
  status: FollowUpStatus;
  /** The service that fulfilled the item. */
  servedOn?: IsoDate;
  /** Days until due (negative when overdue). */
  daysToDue: number;
}

export interface FollowUpPlanStatus {
  items: FollowUpItemStatus[];
  counts: Record<FollowUpKind, { required: number; done: number; label: string }>;
  /** Done items over items still owed (stopped ones excluded), 0..1. */
  completionRate: number;
  dueCount: number;
  overdueCount: number;
  /** The earliest item still to do. */
  next?: FollowUpItemStatus;
}

/**
 * Services fill the items of their kind in date order: the first logged job recommendation
 * fulfils job_recommendation#1 whenever it happened. Services after `now` are ignored (they
 * have not happened yet); extra services beyond the quota still count in `done`.
 */
export function planStatus(items: readonly FollowUpItem[], services: readonly FollowUpService[], now: IsoDate): FollowUpPlanStatus {
  const byKind = new Map<FollowUpKind, IsoDate[]>();
  for (const s of services) {
    if (s.servedOn > now) continue;
    byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.servedOn]);
  }
  for (const list of byKind.values()) list.sort();

  const sorted = [...items].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.seq - b.seq));
  const used = new Map<FollowUpKind, number>();
  const statusByKey = new Map<string, FollowUpItemStatus>();
  for (const item of sorted) {
    const n = used.get(item.kind) ?? 0;
    const servedOn = byKind.get(item.kind)?.[n];
    const daysToDue = daysBetween(now, item.dueOn);
    let status: FollowUpStatus;
    if (servedOn !== undefined) {
      used.set(item.kind, n + 1);
      status = 'done';
    } else if (item.stoppedOn !== undefined && item.stoppedOn <= now) status = 'stopped';
    else if (daysToDue < 0) status = 'overdue';
    else if (daysToDue <= DUE_SOON_DAYS) status = 'due';
    else status = 'upcoming';
    statusByKey.set(item.key, { ...item, status, daysToDue, ...(servedOn ? { servedOn } : {}) });
  }
  const result = items.map((i) => statusByKey.get(i.key) as FollowUpItemStatus);

  const counts = Object.fromEntries(
    FOLLOW_UP_KIND_CODES.map((k) => [
      k,
      { required: FOLLOW_UP_QUOTA[k], done: byKind.get(k)?.length ?? 0, label: FOLLOW_UP_KIND_LABELS[k] },
    ]),
  ) as FollowUpPlanStatus['counts'];

  const owed = result.filter((i) => i.status !== 'stopped').length;
  const done = result.filter((i) => i.status === 'done').length;
  const open = result.filter((i) => i.status === 'due' || i.status === 'overdue' || i.status === 'upcoming');
  open.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));

  return {
    items: result,
    counts,
    completionRate: owed === 0 ? 1 : Math.round((done / owed) * 100) / 100,
    dueCount: result.filter((i) => i.status === 'due').length,
    overdueCount: result.filter((i) => i.status === 'overdue').length,
    next: open[0],
  };
}

/**
 * Once she is hired, job recommendations she has not yet received stop (she has a job), unless
 * she asks to keep receiving them. Policy, guidance and training continue: they help her keep
 * the job and move on in it.
 */
export function planAfterHire(
  items: readonly FollowUpItem[],
  services: readonly FollowUpService[],
  hiredOn: IsoDate,
  continueRecommendations = false,
): FollowUpItem[] {
  if (continueRecommendations) return items.map(({ stoppedOn: _stopped, ...rest }) => rest);
  const before = services.filter((s) => s.kind === 'job_recommendation' && s.servedOn <= hiredOn).length;
  return items.map((item) =>
    item.kind === 'job_recommendation' && item.seq > before ? { ...item, stoppedOn: hiredOn } : item,
  );
}
