import {
  WeeklyWindow,
  Weekday,
  formatWindows,
  hoursPerWeek,
  normalizeWindows,
  parseWindows,
  scheduleFit,
  schoolDayWindows,
  validateWindows,
} from './schedule';

const w = (days: number[], start: string, end: string): WeeklyWindow[] => days.map((day) => ({ day: day as Weekday, start, end }));
const WEEKDAYS = [1, 2, 3, 4, 5];

describe('parseWindows', () => {
  it.each<[string, WeeklyWindow[]]>([
    ['周一至周五 09:00-15:00', w(WEEKDAYS, '09:00', '15:00')],
    ['周一到周五 9:00-15:00', w(WEEKDAYS, '09:00', '15:00')],
    ['周一至五 9:00-15:00', w(WEEKDAYS, '09:00', '15:00')],
    ['Mon-Fri 09:00-15:00', w(WEEKDAYS, '09:00', '15:00')],
    ['Monday to Wednesday 9:00-12:00', w([1, 2, 3], '09:00', '12:00')],
    ['Sat,Sun 10:00-12:00', w([6, 7], '10:00', '12:00')],
    ['周末 10:00-12:00', w([6, 7], '10:00', '12:00')],
    ['每天 8:00-10:00', w([1, 2, 3, 4, 5, 6, 7], '08:00', '10:00')],
    ['星期二、星期四 14：00-17：30', w([2, 4], '14:00', '17:30')],
    ['周一、周三 9:00-12:00；周六 9点-11点半', [...w([1, 3], '09:00', '12:00'), ...w([6], '09:00', '11:30')]],
    [
      '工作日 8:30-11:30, 13:30-16:00',
      WEEKDAYS.flatMap((d) => [...w([d], '08:30', '11:30'), ...w([d], '13:30', '16:00')]),
    ],
    ['周五至周一 18:00-21:00', w([1, 5, 6, 7], '18:00', '21:00')],
    ['周一 9:00-12:00，周一 11:00-14:00', w([1], '09:00', '14:00')],
    ['周六 20:00-24:00', w([6], '20:00', '24:00')],
  ])('%s', (text, windows) => {
    expect(parseWindows(text)).toEqual({ ok: true, windows });
  });

  it.each([
    ['9:00-15:00', 'SCHEDULE_NO_DAYS'],
    ['周一', 'SCHEDULE_NO_TIME'],
    ['', 'SCHEDULE_NO_TIME'],
    ['周一 15:00-9:00', 'WINDOW_ORDER'],
    ['周一 25:00-26:00', 'WINDOW_TIME'],
    ['周一 9:00-12:61', 'WINDOW_TIME'],
    ['hello', 'SCHEDULE_UNPARSED'],
    ['周一 上午', 'SCHEDULE_UNPARSED'],
  ])('%j fails with %s', (text, code) => {
    const r = parseWindows(text);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.message).toMatch(/\p{Script=Han}/u);
  });
});

describe('formatWindows', () => {
  it.each<[WeeklyWindow[], string]>([
    [w(WEEKDAYS, '09:00', '15:00'), '周一至周五 9:00-15:00'],
    [[...w([1, 3], '09:00', '12:00'), ...w([6], '09:00', '11:30')], '周一、周三 9:00-12:00；周六 9:00-11:30'],
    [w([1, 2, 3, 4, 5, 6, 7], '08:00', '10:00'), '每天 8:00-10:00'],
    [WEEKDAYS.flatMap((d) => [...w([d], '13:30', '16:00'), ...w([d], '08:30', '11:30')]), '周一至周五 8:30-11:30、13:30-16:00'],
    [w([6, 7], '10:00', '12:00'), '周六、周日 10:00-12:00'],
    [w([1, 2, 3, 5], '09:00', '15:00'), '周一至周三、周五 9:00-15:00'],
    [[...w(WEEKDAYS, '09:00', '15:00'), ...w([6], '09:00', '12:00')], '周一至周五 9:00-15:00；周六 9:00-12:00'],
    [[], ''],
  ])('%j → %s', (windows, text) => {
    expect(formatWindows(windows)).toBe(text);
  });

  it.each(['周一至周五 9:00-15:00', '周一、周三 9:00-12:00；周六 9:00-11:30', '每天 8:00-10:00'])('round-trips %s', (text) => {
    const parsed = parseWindows(text);
    expect(parsed.ok && formatWindows(parsed.windows)).toBe(text);
  });
});

describe('validateWindows, normalizeWindows, hoursPerWeek', () => {
  it.each<[string, WeeklyWindow[], string[]]>([
    ['valid', w(WEEKDAYS, '09:00', '15:00'), []],
    ['touching windows are fine', [...w([1], '09:00', '12:00'), ...w([1], '12:00', '15:00')], []],
    ['day 0', [{ day: 0 as Weekday, start: '09:00', end: '12:00' }], ['WINDOW_DAY']],
    ['day 8', [{ day: 8 as Weekday, start: '09:00', end: '12:00' }], ['WINDOW_DAY']],
    ['24:30', w([1], '20:00', '24:30'), ['WINDOW_TIME']],
    ['bad format', w([1], '9am', '12:00'), ['WINDOW_TIME']],
    ['start equals end', w([1], '09:00', '09:00'), ['WINDOW_ORDER']],
    ['overnight', w([1], '22:00', '06:00'), ['WINDOW_ORDER']],
    ['overlap', [...w([2], '09:00', '12:00'), ...w([2], '11:00', '13:00')], ['WINDOW_OVERLAP']],
  ])('%s', (_name, windows, codes) => {
    expect(validateWindows(windows).map((p) => p.code)).toEqual(codes);
  });

  it.each<[WeeklyWindow[], WeeklyWindow[]]>([
    [[...w([2], '11:00', '13:00'), ...w([2], '09:00', '12:00')], w([2], '09:00', '13:00')],
    [[...w([3], '12:00', '15:00'), ...w([1], '09:00', '12:00'), ...w([3], '09:00', '12:00')], [...w([1], '09:00', '12:00'), ...w([3], '09:00', '15:00')]],
  ])('normalizeWindows merges %j', (input, expected) => {
    expect(normalizeWindows(input)).toEqual(expected);
  });

  it.each<[WeeklyWindow[], number]>([
    [w(WEEKDAYS, '09:00', '15:00'), 30],
    [[...w([1], '09:00', '12:00'), ...w([1], '11:00', '13:00')], 4],
    [w([6], '09:00', '11:30'), 2.5],
    [[], 0],
  ])('hoursPerWeek(%j) = %d', (windows, hours) => {
    expect(hoursPerWeek(windows)).toBe(hours);
  });

  it('refuses to normalise an invalid window', () => {
    expect(() => normalizeWindows(w([1], '12:00', '09:00'))).toThrow(RangeError);
  });
});

describe('scheduleFit', () => {
  it.each<[string, WeeklyWindow[] | 'flexible', WeeklyWindow[] | 'flexible', number, string]>([
    ['full', w(WEEKDAYS, '09:00', '15:00'), w(WEEKDAYS, '08:30', '15:30'), 1, '周一至周五 9:00-15:00，都在您方便的时间内'],
    ['partial', w(WEEKDAYS, '09:00', '17:00'), w(WEEKDAYS, '09:00', '15:00'), 0.75, '周一至周五 9:00-17:00，约75%在您方便的时间内'],
    ['partial with a Saturday', w([1, 2, 3, 4, 5, 6], '09:00', '15:00'), w(WEEKDAYS, '09:00', '15:00'), 0.83, '周一至周六 9:00-15:00，约83%在您方便的时间内'],
    ['none', w([6], '09:00', '12:00'), w(WEEKDAYS, '09:00', '15:00'), 0, '周六 9:00-12:00，与您方便的时间不重合'],
    ['none when she has given no time', w(WEEKDAYS, '09:00', '15:00'), [], 0, '周一至周五 9:00-15:00，与您方便的时间不重合'],
    ['a flexible post', 'flexible', w(WEEKDAYS, '09:00', '12:00'), 1, '工作时间灵活，可以自己安排'],
    ['a mother free at any time', w(WEEKDAYS, '09:00', '15:00'), 'flexible', 1, '周一至周五 9:00-15:00，您的时间都方便'],
    ['a post without hours', [], w(WEEKDAYS, '09:00', '15:00'), 0, '岗位还没有填写工作时间'],
  ])('%s', (_name, post, mother, fit, reason) => {
    const r = scheduleFit(post, mother);
    expect(r.fit).toBe(fit);
    expect(r.reason).toBe(reason);
  });

  it('reports overlap hours', () => {
    expect(scheduleFit(w(WEEKDAYS, '09:00', '17:00'), w(WEEKDAYS, '09:00', '15:00'))).toMatchObject({
      postHoursPerWeek: 40,
      overlapHoursPerWeek: 30,
    });
  });
});

describe('schoolDayWindows', () => {
  it.each<[string, Parameters<typeof schoolDayWindows>, WeeklyWindow[]]>([
    ['primary school', ['settled_work'], w(WEEKDAYS, '08:30', '15:00')],
    ['kindergarten', ['flexible_balance'], w(WEEKDAYS, '09:00', '15:30')],
    ['a baby at home', ['full_companion'], []],
    ['a baby in daycare', ['full_companion', { daycare: true }], w(WEEKDAYS, '09:00', '15:30')],
    ['a long way to school', ['settled_work', { travelMinutes: 60 }], w(WEEKDAYS, '09:00', '14:30')],
    ['after-school care until 17:30', ['settled_work', { pickUp: '17:30' }], w(WEEKDAYS, '08:30', '17:00')],
    ['travel eats the whole day', ['settled_work', { travelMinutes: 300 }], []],
  ])('%s', (_name, args, expected) => {
    expect(schoolDayWindows(...args)).toEqual(expected);
  });

  it.each([
    ['settled_work', 1],
    ['flexible_balance', 1],
  ] as const)('a 9:00-15:00 post fits a mother at stage %s: %d', (stage, fit) => {
    expect(scheduleFit(w(WEEKDAYS, '09:00', '15:00'), schoolDayWindows(stage)).fit).toBe(fit);
  });
});
