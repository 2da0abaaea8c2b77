import {
  FOLLOW_UP_KIND_CODES,
  FOLLOW_UP_QUOTA,
  FollowUpService,
  FollowUpStatus,
  buildFollowUpPlan,
  followUpDeadline,
  planAfterHire,
  planStatus,
} from './followup';

const REGISTERED = '2025-03-01';

describe('buildFollowUpPlan', () => {
  it.each(['2025-03-01', '2024-02-29', '2025-12-31'])('registered on %s: 11 items, 2/3/3/3, all within the year', (registeredOn) => {
    const plan = buildFollowUpPlan(registeredOn);
    expect(plan).toHaveLength(11);
    for (const kind of FOLLOW_UP_KIND_CODES) {
      expect(plan.filter((i) => i.kind === kind).map((i) => i.seq)).toEqual(
        Array.from({ length: FOLLOW_UP_QUOTA[kind] }, (_, k) => k + 1),
      );
    }
    const deadline = followUpDeadline(registeredOn);
    for (const item of plan) {
      expect(item.dueOn > registeredOn).toBe(true);
      expect(item.dueOn <= deadline).toBe(true);
    }
    expect(new Set(plan.map((i) => i.key)).size).toBe(11);
    expect([...plan].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))).toEqual(plan);
  });

  it.each([
    ['policy_consultation#1', '2025-03-08'],
    ['job_recommendation#1', '2025-03-15'],
    ['career_guidance#1', '2025-03-31'],
    ['training_notice#3', '2025-10-27'],
  ])('%s is due on %s', (key, dueOn) => {
    expect(buildFollowUpPlan(REGISTERED).find((i) => i.key === key)?.dueOn).toBe(dueOn);
  });

  it.each([
    ['2025-03-01', '2026-02-28'],
    ['2024-02-29', '2025-02-27'],
  ])('the service year from %s ends on %s', (registeredOn, deadline) => {
    expect(followUpDeadline(registeredOn)).toBe(deadline);
  });
});

describe('planStatus', () => {
  const plan = buildFollowUpPlan(REGISTERED);
  const statusOf = (services: FollowUpService[], now: string) =>
    Object.fromEntries(planStatus(plan, services, now).items.map((i) => [i.key, i.status]));

  it.each<[string, FollowUpService[], string, Record<string, FollowUpStatus>]>([
    ['on registration day', [], '2025-03-01', { 'policy_consultation#1': 'due', 'job_recommendation#1': 'upcoming' }],
    ['a week later', [], '2025-03-08', { 'policy_consultation#1': 'due', 'job_recommendation#1': 'due' }],
    ['the day after the first due date', [], '2025-03-09', { 'policy_consultation#1': 'overdue' }],
    [
      'a month in, two services done',
      [
        { kind: 'policy_consultation', servedOn: '2025-03-05' },
        { kind: 'job_recommendation', servedOn: '2025-03-20' },
      ],
      '2025-04-01',
      { 'policy_consultation#1': 'done', 'job_recommendation#1': 'done', 'career_guidance#1': 'overdue', 'training_notice#1': 'upcoming' },
    ],
    [
      'a service logged late still fills the first item of its kind',
      [{ kind: 'career_guidance', servedOn: '2025-06-01' }],
      '2025-06-02',
      { 'career_guidance#1': 'done', 'career_guidance#2': 'overdue', 'career_guidance#3': 'upcoming' },
    ],
    [
      'a service dated after now does not count yet',
      [{ kind: 'policy_consultation', servedOn: '2025-03-20' }],
      '2025-03-10',
      { 'policy_consultation#1': 'overdue' },
    ],
  ])('%s', (_name, services, now, expected) => {
    expect(statusOf(services, now)).toMatchObject(expected);
  });

  it('marks everything overdue after the year with nothing done', () => {
    const s = planStatus(plan, [], '2026-03-01');
    expect(s.overdueCount).toBe(11);
    expect(s.items.every((i) => i.status === 'overdue')).toBe(true);
    expect(s.completionRate).toBe(0);
    expect(s.next?.key).toBe('policy_consultation#1');
  });

  it.each([
    [[], 0],
    [[{ kind: 'policy_consultation', servedOn: '2025-03-05' }, { kind: 'job_recommendation', servedOn: '2025-03-20' }], 0.18],
    [
      FOLLOW_UP_KIND_CODES.flatMap((kind) => Array.from({ length: FOLLOW_UP_QUOTA[kind] }, () => ({ kind, servedOn: '2025-05-01' }))),
      1,
    ],
  ] as [FollowUpService[], number][])('completion rate with %j services is %d', (services, rate) => {
    expect(planStatus(plan, services, '2025-06-01').completionRate).toBe(rate);
  });

  it('counts each kind against its quota, extra services included', () => {
    const services: FollowUpService[] = [
      { kind: 'job_recommendation', servedOn: '2025-03-10' },
      { kind: 'job_recommendation', servedOn: '2025-03-20' },
      { kind: 'job_recommendation', servedOn: '2025-04-01' },
      { kind: 'job_recommendation', servedOn: '2025-04-10' },
    ];
    const s = planStatus(plan, services, '2025-05-01');
    expect(s.counts.job_recommendation).toEqual({ required: 3, done: 4, label: '推荐岗位信息' });
    expect(s.counts.policy_consultation).toEqual({ required: 2, done: 0, label: '政策对接' });
  });
});

describe('planAfterHire', () => {
  const plan = buildFollowUpPlan(REGISTERED);
  const services: FollowUpService[] = [
    { kind: 'policy_consultation', servedOn: '2025-03-05' },
    { kind: 'job_recommendation', servedOn: '2025-03-20' },
  ];

  it.each<[boolean, Record<string, FollowUpStatus>, number]>([
    [
      false,
      { 'job_recommendation#1': 'done', 'job_recommendation#2': 'stopped', 'job_recommendation#3': 'stopped', 'career_guidance#2': 'overdue' },
      0.22,
    ],
    [
      true,
      { 'job_recommendation#1': 'done', 'job_recommendation#2': 'overdue', 'job_recommendation#3': 'upcoming', 'career_guidance#2': 'overdue' },
      0.18,
    ],
  ])('hired on 2025-04-10, continue recommendations=%s', (continueRecommendations, expected, rate) => {
    const after = planAfterHire(plan, services, '2025-04-10', continueRecommendations);
    const s = planStatus(after, services, '2025-06-01');
    expect(Object.fromEntries(s.items.map((i) => [i.key, i.status]))).toMatchObject(expected);
    expect(s.completionRate).toBe(rate);
  });

  it('lets her ask for recommendations again later', () => {
    const stopped = planAfterHire(plan, services, '2025-04-10');
    const resumed = planAfterHire(stopped, services, '2025-05-01', true);
    expect(resumed.some((i) => i.stoppedOn !== undefined)).toBe(false);
  });
});
