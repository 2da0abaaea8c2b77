import { CourseSessionInput, checkCourseSessions, classHoursFromMinutes, courseSlots, isoWeekday, sessionSlot } from './training';

describe('sessionSlot', () => {
  it.each([
    ['2026-11-23', 19 * 60, 'evening'], // Monday 19:00
    ['2026-11-23', 18 * 60, 'evening'], // Monday 18:00 sharp
    ['2026-11-23', 17 * 60 + 59, 'daytime'],
    ['2026-11-23', 9 * 60, 'daytime'],
    ['2026-11-28', 9 * 60, 'weekend'], // Saturday
    ['2026-11-29', 19 * 60, 'weekend'], // Sunday evening is a weekend class
  ] as const)('%s at minute %i is %s', (date, start, slot) => {
    expect(sessionSlot(date, start)).toBe(slot);
  });

  it.each([
    ['2026-11-23', 1],
    ['2026-11-29', 7],
    ['2024-02-29', 4],
  ])('%s is ISO weekday %i', (date, day) => {
    expect(isoWeekday(date)).toBe(day);
  });
});

describe('checkCourseSessions', () => {
  const today = '2026-11-23';
  const s = (date: string, start: number, end: number): CourseSessionInput => ({ date, startMinute: start, endMinute: end });

  it('accepts evening and weekend sessions in the future', () => {
    expect(checkCourseSessions([s('2026-11-24', 19 * 60, 21 * 60), s('2026-11-28', 9 * 60, 11 * 60)], today)).toEqual([]);
  });

  it.each([
    ['no session', [], '请至少安排一次课'],
    ['end before start', [s('2026-11-24', 20 * 60, 19 * 60)], '第1次课的结束时间须晚于开始时间'],
    ['past midnight', [s('2026-11-24', 22 * 60, 25 * 60)], '第1次课不能跨过午夜'],
    ['too long', [s('2026-11-24', 7 * 60, 18 * 60)], '第1次课超过10小时，请分成几次课'],
    ['in the past', [s('2026-11-22', 19 * 60, 21 * 60)], '第1次课的日期2026-11-22已经过去'],
    ['overlapping', [s('2026-11-24', 19 * 60, 21 * 60), s('2026-11-24', 20 * 60, 22 * 60)], '第2次课与第1次课时间重叠'],
  ])('refuses %s', (_label, sessions, message) => {
    expect(checkCourseSessions(sessions, today).map((p) => p.message)).toContain(message);
  });

  it('refuses more than 60 sessions', () => {
    const many = Array.from({ length: 61 }, (_, i) => s('2026-12-01', i * 20, i * 20 + 10));
    expect(checkCourseSessions(many, today).map((p) => p.message)).toContain('一门课程最多安排60次课');
  });
});

describe('classHoursFromMinutes and courseSlots', () => {
  it.each([
    [0, 0],
    [44, 0],
    [45, 1],
    [120, 2],
    [135, 3],
    [-10, 0],
    [Number.NaN, 0],
  ])('%i minutes are %i class hours', (minutes, hours) => {
    expect(classHoursFromMinutes(minutes)).toBe(hours);
  });

  it('lists the slots a course covers once each', () => {
    expect(courseSlots([{ date: '2026-11-28', startMinute: 540, endMinute: 600 }, { date: '2026-11-24', startMinute: 1140, endMinute: 1260 }, { date: '2026-11-25', startMinute: 1140, endMinute: 1260 }])).toEqual([
      'evening',
      'weekend',
    ]);
  });
});
