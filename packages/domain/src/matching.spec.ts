import { MatchInput, haversineKm, scoreMatch } from './matching';

describe('haversineKm', () => {
  it.each([
    ['the same point', { lat: 37.5131, lng: 122.1204 }, { lat: 37.5131, lng: 122.1204 }, 0, 0.001],
    ['one degree of latitude', { lat: 37, lng: 122 }, { lat: 38, lng: 122 }, 111.2, 0.1],
    ['Beijing Tiananmen to Shanghai People’s Square', { lat: 39.9087, lng: 116.3975 }, { lat: 31.2304, lng: 121.4737 }, 1067, 5],
    ['across a Weihai district (about 1.2 km)', { lat: 37.5131, lng: 122.1204 }, { lat: 37.5239, lng: 122.1204 }, 1.2, 0.05],
  ])('%s: %d km', (_name, a, b, km, tolerance) => {
    expect(Math.abs(haversineKm(a, b) - km)).toBeLessThanOrEqual(tolerance);
  });
});

describe('scoreMatch', () => {
  const ideal: MatchInput = {
    distanceKm: 0.8,
    hourlyMin: 25,
    hourlyMax: 30,
    desiredHourly: 22,
    scheduleFit: 1,
    scheduleText: '9:00-15:00',
    postStage: 'settled_work',
    motherStage: 'settled_work',
    postModes: ['flexible_leave'],
    wantedModes: ['flexible_leave'],
    openPlaces: 3,
    hasMotherBabyRoom: true,
    hasShuttle: true,
    labourContract: true,
    socialInsurance: true,
  };

  it('gives an ideal post 100 with its reasons', () => {
    expect(scoreMatch(ideal)).toEqual({
      score: 100,
      reasons: [
        '距您0.8公里',
        '9:00-15:00，方便接送孩子',
        '时薪约25-30元，高于您的期望',
        '适合孩子6-12岁的妈妈（安心工作型）',
        '可按需请假',
        '签劳动合同',
        '缴纳社保',
        '有母婴室',
        '有妈妈班车',
      ],
      breakdown: { distance: 25, schedule: 25, pay: 20, stage: 10, modes: 10, protections: 10 },
    });
  });

  it.each<[string, Partial<MatchInput>, number, string | null]>([
    ['no places left', { openPlaces: 0 }, 0, '名额已满'],
    ['8 km away', { distanceKm: 8 }, 87.5, '距您8.0公里'],
    ['20 km away', { distanceKm: 20 }, 75, '距您20.0公里，较远'],
    ['distance unknown', { distanceKm: undefined }, 87.5, null],
    ['remote work', { distanceKm: undefined, remote: true }, 100, '线上工作，在家就能做'],
    ['take-home work 8 km away', { distanceKm: 8, takeHome: true }, 93.8, '可带回家做'],
    ['pay below her wish', { hourlyMin: 20, hourlyMax: 20, desiredHourly: 25 }, 92, '时薪约20元，低于您的期望（25元）'],
    ['pay that reaches her wish', { hourlyMin: 20, hourlyMax: 30, desiredHourly: 25 }, 100, '时薪约20-30元，符合您的期望'],
    ['no wish, paid 25 an hour', { hourlyMin: 25, hourlyMax: 25, desiredHourly: undefined }, 100, '时薪约25元'],
    ['no wish, paid 15 an hour', { hourlyMin: 15, hourlyMax: 15, desiredHourly: undefined }, 84, '时薪约15元'],
    ['pay with no hourly equivalent (own income)', { hourlyMin: undefined, hourlyMax: undefined }, 90, '自主创收，收入不按时薪计算'],
    ['60% schedule fit', { scheduleFit: 0.6 }, 90, '约60%的工作时间在您方便的时间内'],
    ['no schedule fit', { scheduleFit: 0 }, 75, '工作时间与您方便的时间不重合'],
    ['flexible hours', { scheduleFit: 1, flexibleTime: true }, 100, '时间灵活，方便照顾孩子'],
    ['her free time unknown', { scheduleFit: undefined }, 87.5, '工作时间9:00-15:00'],
    ['her free time unknown, flexible hours', { scheduleFit: undefined, flexibleTime: true }, 100, '时间灵活，方便照顾孩子'],
    ['a post for another stage', { postStage: 'full_companion' }, 90, null],
    ['a type suiting several stages', { postStage: ['flexible_balance', 'settled_work'] }, 100, '适合孩子6-12岁的妈妈（安心工作型）'],
    ['stage unknown', { motherStage: undefined }, 95, null],
    ['one of two wanted modes', { wantedModes: ['flexible_leave', 'take_home'] }, 95, null],
    ['no wanted modes', { wantedModes: [] }, 95, null],
    ['no protections', { hasMotherBabyRoom: false, hasShuttle: false, labourContract: false, socialInsurance: false }, 90, null],
  ])('%s → %d', (_name, overrides, score, reason) => {
    const r = scoreMatch({ ...ideal, ...overrides });
    expect(r.score).toBe(score);
    if (reason) expect(r.reasons).toContain(reason);
  });

  it.each([
    [1, 3],
    [3, 6],
    [6, 12],
  ])('is closer-is-better: %d km beats %d km', (near, far) => {
    expect(scoreMatch({ ...ideal, distanceKm: near }).score).toBeGreaterThan(scoreMatch({ ...ideal, distanceKm: far }).score);
  });

  it('is deterministic', () => {
    expect(scoreMatch(ideal)).toEqual(scoreMatch({ ...ideal }));
  });
});
