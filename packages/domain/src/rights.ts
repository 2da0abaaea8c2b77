/**
 * Rights: a mother's consultations and complaints about a post or an employer, and the check
 * 30 days after a hire that the terms promised in the post (hours, contract, insurance, leave
 * for the children) hold. Repeated broken promises flag the employer for the officials.
 */
import { IsoDate, addDays } from './dates';

export type RightsCaseKind = 'consultation' | 'complaint';

export const RIGHTS_CASE_KIND_CODES: readonly RightsCaseKind[] = ['consultation', 'complaint'];

export const RIGHTS_CASE_KIND_LABELS: Record<RightsCaseKind, string> = {
  consultation: '维权咨询',
  complaint: '投诉',
};

export type RightsCategory = 'wage_arrears' | 'forced_overtime' | 'no_contract' | 'leave_refused' | 'discrimination' | 'other';

export const RIGHTS_CATEGORY_CODES: readonly RightsCategory[] = [
  'wage_arrears',
  'forced_overtime',
  'no_contract',
  'leave_refused',
  'discrimination',
  'other',
];

export const RIGHTS_CATEGORY_LABELS: Record<RightsCategory, string> = {
  wage_arrears: '拖欠工资',
  forced_overtime: '强制加班',
  no_contract: '未签劳动合同',
  leave_refused: '不准请假',
  discrimination: '就业歧视',
  other: '其他',
};

export type RightsCaseStatus = 'open' | 'in_progress' | 'resolved';

export const RIGHTS_CASE_STATUS_CODES: readonly RightsCaseStatus[] = ['open', 'in_progress', 'resolved'];

export const RIGHTS_CASE_STATUS_LABELS: Record<RightsCaseStatus, string> = {
  open: '待处理',
  in_progress: '处理中',
  resolved: '已办结',
};

/**
 * What an official may do to a case: take it up or note progress (to in_progress), or close it
 * (to resolved), with a note each time. A resolved case is closed: a new problem is a new case,
 * so the record of what was decided stays as it was.
 */
export function canMoveRightsCase(from: RightsCaseStatus, to: RightsCaseStatus): boolean {
  if (from === 'resolved') return false;
  return to === 'in_progress' || to === 'resolved';
}

/**
 * The officials a case goes to: those of the post's region when she names a post, else of the
 * employer's, else of her own region.
 */
export function rightsCaseRegion(input: { postRegion?: string | null; employerRegion?: string | null; motherRegion: string }): string {
  return input.postRegion ?? input.employerRegion ?? input.motherRegion;
}

// ---------------------------------------------------------------------------------------------
// The promise check 30 days after a hire
// ---------------------------------------------------------------------------------------------

export type PromiseTerm = 'hours' | 'contract' | 'insurance' | 'leave';

export const PROMISE_TERM_CODES: readonly PromiseTerm[] = ['hours', 'contract', 'insurance', 'leave'];

export const PROMISE_TERM_LABELS: Record<PromiseTerm, string> = {
  hours: '工作时间',
  contract: '劳动合同或协议',
  insurance: '社会保险',
  leave: '照顾孩子请假',
};

/** The question she is asked about each term. */
export const PROMISE_TERM_QUESTIONS: Record<PromiseTerm, string> = {
  hours: '实际工作时间和招聘时承诺的一致吗？',
  contract: '单位按承诺和您签订劳动合同或协议了吗？',
  insurance: '单位按承诺为您缴纳社会保险了吗？',
  leave: '需要照顾孩子时，能按承诺请假吗？',
};

export type PromiseAnswer = 'kept' | 'broken';

export type PromiseAnswers = Record<PromiseTerm, PromiseAnswer>;

/** Days after the first day of work when she is asked. */
export const PROMISE_CHECK_AFTER_DAYS = 30;

/**
 * Hires whose check fell due longer ago than this are not asked any more: a question about the
 * first month, a season later, would get an unreliable answer (and the feature's first run
 * must not ask about every hire ever reported).
 */
export const PROMISE_CHECK_ASK_WITHIN_DAYS = 60;

/** Hires with a broken promise from which the employer is flagged: once may be a misunderstanding. */
export const BROKEN_PROMISE_FLAG_HIRES = 2;

export function promiseCheckDueOn(startDate: IsoDate): IsoDate {
  return addDays(startDate, PROMISE_CHECK_AFTER_DAYS);
}

/** The range of start dates whose check is due on `today` and not yet too old to ask. */
export function promiseCheckStartWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = addDays(today, -PROMISE_CHECK_AFTER_DAYS);
  return { from: addDays(to, -PROMISE_CHECK_ASK_WITHIN_DAYS), to };
}

/** The terms she says were not kept, in the order of the questions. */
export function brokenPromiseTerms(answers: PromiseAnswers): PromiseTerm[] {
  return PROMISE_TERM_CODES.filter((t) => answers[t] === 'broken');
}

export function isEmployerFlaggedForBrokenPromises(hiresWithBrokenPromise: number): boolean {
  return hiresWithBrokenPromise >= BROKEN_PROMISE_FLAG_HIRES;
}
