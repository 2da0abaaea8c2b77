import { ContractForm } from './catalogue';
import {
  APPLICATION_STATUS_CODES,
  ApplicationAction,
  ApplicationStatus,
  applicationTransition,
  checkHireReport,
  employerSeesContact,
  HireReport,
} from './applications';

describe('applicationTransition', () => {
  it.each<[ApplicationStatus, ApplicationAction, ApplicationStatus]>([
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'reject', 'rejected'],
    ['accepted', 'reject', 'rejected'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['accepted', 'withdraw', 'withdrawn'],
    ['withdrawn', 'reapply', 'submitted'],
    ['accepted', 'hire', 'hired'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(applicationTransition(from, action)).toEqual({ ok: true, to });
  });

  it.each<[ApplicationStatus, ApplicationAction]>([
    ['submitted', 'hire'],
    ['rejected', 'hire'],
    ['withdrawn', 'hire'],
    ['hired', 'hire'],
    ['accepted', 'accept'],
    ['rejected', 'accept'],
    ['withdrawn', 'accept'],
    ['hired', 'accept'],
    ['rejected', 'reject'],
    ['withdrawn', 'reject'],
    ['hired', 'reject'],
    ['rejected', 'withdraw'],
    ['withdrawn', 'withdraw'],
    ['hired', 'withdraw'],
    ['submitted', 'reapply'],
    ['accepted', 'reapply'],
    ['rejected', 'reapply'],
    ['hired', 'reapply'],
  ])('refuses %s --%s-->', (from, action) => {
    const result = applicationTransition(from, action);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('APPLICATION_INVALID_TRANSITION');
      expect(result.message).toMatch(/\p{Script=Han}/u);
    }
  });

  it('makes rejected and hired final', () => {
    const actions: ApplicationAction[] = ['accept', 'reject', 'withdraw', 'reapply', 'hire'];
    for (const from of ['rejected', 'hired'] as const) {
      expect(actions.filter((a) => applicationTransition(from, a).ok)).toEqual([]);
    }
  });
});

describe('employerSeesContact', () => {
  it.each(APPLICATION_STATUS_CODES.map((s) => [s, s === 'accepted' || s === 'hired'] as const))('%s → %s', (status, sees) => {
    expect(employerSeesContact(status)).toBe(sees);
  });
});

describe('checkHireReport', () => {
  const today = '2026-11-15';
  const ok: HireReport = { startDate: '2026-12-01', contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true };

  it.each<[string, Partial<HireReport>]>([
    ['a start next month', {}],
    ['a start exactly one year back', { startDate: '2025-11-15' }],
    ['a start exactly one year ahead', { startDate: '2027-11-15' }],
    ['no contract months (open-ended or none)', { contractMonths: 0, contractForm: 'none' }],
    ['the longest contract', { contractMonths: 120, contractForm: 'service_agreement' }],
    ['no social insurance', { socialInsurance: false }],
  ])('accepts %s', (_label, change) => {
    expect(checkHireReport({ ...ok, ...change }, today)).toEqual([]);
  });

  it.each<[string, Partial<HireReport>, string[]]>([
    ['a start more than a year back', { startDate: '2025-11-14' }, ['HIRE_START_DATE_OUT_OF_RANGE']],
    ['a start more than a year ahead', { startDate: '2027-11-16' }, ['HIRE_START_DATE_OUT_OF_RANGE']],
    ['a date that does not exist', { startDate: '2026-02-30' }, ['HIRE_START_DATE_INVALID']],
    ['an unknown contract form', { contractForm: 'handshake' as ContractForm }, ['HIRE_CONTRACT_FORM']],
    ['negative months', { contractMonths: -1 }, ['HIRE_CONTRACT_MONTHS']],
    ['more than ten years', { contractMonths: 121 }, ['HIRE_CONTRACT_MONTHS']],
    ['fractional months', { contractMonths: 1.5 }, ['HIRE_CONTRACT_MONTHS']],
    ['insurance not a yes/no', { socialInsurance: 'yes' as unknown as boolean }, ['HIRE_SOCIAL_INSURANCE']],
    ['several problems at once', { startDate: '2020-01-01', contractMonths: 500 }, ['HIRE_START_DATE_OUT_OF_RANGE', 'HIRE_CONTRACT_MONTHS']],
  ])('refuses %s', (_label, change, codes) => {
    const problems = checkHireReport({ ...ok, ...change }, today);
    expect(problems.map((p) => p.code)).toEqual(codes);
    for (const p of problems) expect(p.message).toMatch(/\p{Script=Han}/u);
  });
});
