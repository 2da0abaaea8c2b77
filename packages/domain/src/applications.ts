/**
 * Applications and hires: the life of a mother's application to a post, and the hire report an
 * employer files. The hire is the employment registration that subsidy claims rest on (a filed
 * employer, a reported hire, a contract of the required length, paid social insurance), so it
 * may only follow an application the employer accepted.
 */
import { CONTRACT_FORM_CODES, ContractForm } from './catalogue';
import { IsoDate, addYears, isIsoDate } from './dates';

export type ApplicationStatus = 'submitted' | 'accepted' | 'rejected' | 'withdrawn' | 'hired';

export const APPLICATION_STATUS_CODES: readonly ApplicationStatus[] = ['submitted', 'accepted', 'rejected', 'withdrawn', 'hired'];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  accepted: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
  hired: '已录用',
};

/** What someone does to an application; `reapply` is the mother applying again after withdrawing. */
export type ApplicationAction = 'accept' | 'reject' | 'withdraw' | 'reapply' | 'hire';

export const APPLICATION_ACTION_LABELS: Record<ApplicationAction, string> = {
  accept: '通过',
  reject: '婉拒',
  withdraw: '撤回',
  reapply: '重新申请',
  hire: '登记录用',
};

/**
 * The allowed moves. Rejected and hired are final. A mother may withdraw until she is hired
 * (also after being accepted: she may decline), and apply again after withdrawing, which
 * reopens the same application (one application per post and mother). An employer may still
 * decline an accepted applicant, e.g. after an interview.
 */
const TRANSITIONS: Record<ApplicationAction, { from: readonly ApplicationStatus[]; to: ApplicationStatus }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted', 'accepted'], to: 'rejected' },
  withdraw: { from: ['submitted', 'accepted'], to: 'withdrawn' },
  reapply: { from: ['withdrawn'], to: 'submitted' },
  hire: { from: ['accepted'], to: 'hired' },
};

export type TransitionResult =
  | { ok: true; to: ApplicationStatus }
  | { ok: false; code: 'APPLICATION_INVALID_TRANSITION'; message: string };

export function applicationTransition(from: ApplicationStatus, action: ApplicationAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  return {
    ok: false,
    code: 'APPLICATION_INVALID_TRANSITION',
    message: `该申请当前状态为“${APPLICATION_STATUS_LABELS[from]}”，不能${APPLICATION_ACTION_LABELS[action]}`,
  };
}

/**
 * The employer sees the mother's full phone only once it has accepted her application (and
 * after the hire); before that a masked one, so browsing applicants collects no contacts.
 */
export function employerSeesContact(status: ApplicationStatus): boolean {
  return status === 'accepted' || status === 'hired';
}

export const REJECT_REASON_MAX_LENGTH = 200;
export const CONTRACT_MONTHS_MAX = 120;
/** A hire is reported around its start: not more than a year before or after today. */
export const HIRE_START_WINDOW_YEARS = 1;

export interface HireReport {
  startDate: IsoDate;
  contractForm: ContractForm;
  contractMonths: number;
  socialInsurance: boolean;
}

export interface HireReportProblem {
  field: keyof HireReport;
  code: 'HIRE_START_DATE_INVALID' | 'HIRE_START_DATE_OUT_OF_RANGE' | 'HIRE_CONTRACT_FORM' | 'HIRE_CONTRACT_MONTHS' | 'HIRE_SOCIAL_INSURANCE';
  message: string;
}

/** Every problem of a hire report on `today` (China date); empty when it can be recorded. */
export function checkHireReport(report: HireReport, today: IsoDate): HireReportProblem[] {
  const problems: HireReportProblem[] = [];
  if (!isIsoDate(report.startDate)) {
    problems.push({ field: 'startDate', code: 'HIRE_START_DATE_INVALID', message: '请填写正确的入职日期（年-月-日）' });
  } else {
    const earliest = addYears(today, -HIRE_START_WINDOW_YEARS);
    const latest = addYears(today, HIRE_START_WINDOW_YEARS);
    if (report.startDate < earliest || report.startDate > latest) {
      problems.push({
        field: 'startDate',
        code: 'HIRE_START_DATE_OUT_OF_RANGE',
        message: `入职日期须在${earliest}至${latest}之间`,
      });
    }
  }
  if (!CONTRACT_FORM_CODES.includes(report.contractForm)) {
    problems.push({ field: 'contractForm', code: 'HIRE_CONTRACT_FORM', message: '请选择合同形式' });
  }
  if (!Number.isInteger(report.contractMonths) || report.contractMonths < 0 || report.contractMonths > CONTRACT_MONTHS_MAX) {
    problems.push({ field: 'contractMonths', code: 'HIRE_CONTRACT_MONTHS', message: `合同期限须为0至${CONTRACT_MONTHS_MAX}个月的整数` });
  }
  if (typeof report.socialInsurance !== 'boolean') {
    problems.push({ field: 'socialInsurance', code: 'HIRE_SOCIAL_INSURANCE', message: '请选择是否缴纳社会保险' });
  }
  return problems;
}
