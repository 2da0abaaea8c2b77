import { checkSharingPeriod, matchSharing, termsNoWorse, type SharingListingInput, type SharingTerms } from './sharing';

const FACTORY = { lat: 37.51, lng: 122.11 };
const CANTEEN_NEAR = { lat: 37.52, lng: 122.12 }; // ~1.4 km
const ROAD_30KM = { lat: 37.24, lng: 122.11 }; // ~30 km
const QINGDAO = { lat: 36.07, lng: 120.38 };

const offer: SharingListingInput = {
  regionCode: '371002',
  from: '2027-01-10',
  to: '2027-02-20',
  skills: ['包装', '缝纫', '质检'],
  location: FACTORY,
  workers: 8,
};

const request: SharingListingInput = {
  regionCode: '371003',
  from: '2027-01-15',
  to: '2027-02-10',
  skills: ['包装', '面点'],
  location: CANTEEN_NEAR,
  workers: 5,
};

describe('matchSharing', () => {
  it.each<[string, Partial<SharingListingInput>, Partial<SharingListingInput>, string[]]>([
    ['same city, overlapping, a shared skill, near', {}, {}, []],
    ['another city', {}, { regionCode: '370202' }, ['DIFFERENT_CITY']],
    ['a province-level code', { regionCode: '370000' }, {}, ['DIFFERENT_CITY']],
    ['periods that do not meet', {}, { from: '2027-03-01', to: '2027-03-10' }, ['NO_OVERLAP']],
    ['periods touching on one day', {}, { from: '2027-02-20', to: '2027-03-10' }, []],
    ['no common skill', {}, { skills: ['驾驶'] }, ['NO_SHARED_SKILL']],
    ['skills compared without case or spaces', { skills: [' Excel '] }, { skills: ['excel'] }, []],
    ['the request names no skill', {}, { skills: [] }, []],
    ['the offer names no skill', { skills: [] }, {}, []],
    ['too far (Qingdao location)', {}, { location: QINGDAO }, ['TOO_FAR']],
    ['everything wrong', {}, { regionCode: '370202', from: '2026-01-01', to: '2026-01-02', skills: ['驾驶'], location: QINGDAO }, ['DIFFERENT_CITY', 'NO_OVERLAP', 'NO_SHARED_SKILL', 'TOO_FAR']],
  ])('%s', (_name, o, r, blockers) => {
    const m = matchSharing({ ...offer, ...o }, { ...request, ...r });
    expect(m.blockers).toEqual(blockers);
    expect(m.matched).toBe(blockers.length === 0);
    if (!m.matched) expect(m.score).toBe(0);
    else expect(m.score).toBeGreaterThan(0);
  });

  it('scores full coverage, half the skills and a near place', () => {
    const m = matchSharing(offer, request);
    // period 40 (the offer covers all 27 days) + skills 40 × 1/2 + distance 20 (within 5 km)
    expect(m.score).toBe(80);
    expect(m.overlap).toEqual({ from: '2027-01-15', to: '2027-02-10', days: 27 });
    expect(m.sharedSkills).toEqual(['包装']);
    expect(m.workers).toBe(5);
    expect(m.reasons).toEqual(['可覆盖全部用工时间（1月15日至2月10日）', '技能相符：包装', '两地相距约1.4公里', '可调剂5人']);
  });

  it.each([
    ['partial period coverage lowers the score', {}, { from: '2027-02-01', to: '2027-03-02' }, 40 * (20 / 30) + 20 + 20],
    ['distance 30 km costs part of the distance points', {}, { location: ROAD_30KM }, 40 + 20 + 20 * (1 - (30 - 5) / 55)],
    ['no location scores half the distance points', { location: null }, {}, 40 + 20 + 10],
    ['unknown skills score half the skill points', { skills: [] }, {}, 40 + 20 + 20],
    ['all requested skills offered', {}, { skills: ['包装', '缝纫'] }, 100],
  ])('%s', (_name, o, r, expected) => {
    expect(matchSharing({ ...offer, ...o }, { ...request, ...r }).score).toBe(Math.round(expected));
  });

  it('explains a refusal in Chinese', () => {
    expect(matchSharing(offer, { ...request, from: '2027-03-01', to: '2027-03-10' }).reasons).toEqual(['用工时间没有重合']);
  });
});

describe('termsNoWorse', () => {
  const original: SharingTerms = { hourly: 22.5, insurance: 'social', contractForm: 'labour_contract' };
  it.each<[string, Partial<SharingTerms>, string[]]>([
    ['the same terms', {}, []],
    ['higher pay', { hourly: 25 }, []],
    ['pay equal after float noise', { hourly: 22.499999999 }, []],
    ['one fen less', { hourly: 22.49 }, ['HOURLY_LOWER']],
    ['commercial insurance instead of social', { insurance: 'commercial' }, ['INSURANCE_WEAKER']],
    ['flexible-employment social insurance instead of social', { insurance: 'flexible_social' }, ['INSURANCE_WEAKER']],
    ['a service agreement instead of a labour contract', { contractForm: 'service_agreement' }, ['CONTRACT_WEAKER']],
    ['all three worse', { hourly: 18, insurance: 'none', contractForm: 'none' }, ['HOURLY_LOWER', 'INSURANCE_WEAKER', 'CONTRACT_WEAKER']],
  ])('%s', (_name, shared, codes) => {
    const check = termsNoWorse(original, { ...original, ...shared });
    expect(check.problems.map((p) => p.code)).toEqual(codes);
    expect(check.ok).toBe(codes.length === 0);
  });

  it.each<[SharingTerms, SharingTerms]>([
    [{ hourly: 20, insurance: 'commercial', contractForm: 'service_agreement' }, { hourly: 20, insurance: 'social', contractForm: 'labour_contract' }],
    [{ hourly: 20, insurance: 'none', contractForm: 'none' }, { hourly: 20, insurance: 'flexible_social', contractForm: 'service_contract' }],
  ])('better protection is fine: %p → %p', (a, b) => {
    expect(termsNoWorse(a, b).ok).toBe(true);
  });

  it('says what got worse', () => {
    expect(termsNoWorse(original, { ...original, insurance: 'commercial' }).problems[0]?.message).toBe('调剂期间的保险（商业保险）不如原来的社会保险');
  });
});

describe('checkSharingPeriod', () => {
  const today = '2026-11-23';
  it.each([
    ['a winter season', '2027-01-10', '2027-02-20', []],
    ['one day', '2026-11-23', '2026-11-23', []],
    ['already running', '2026-11-01', '2026-12-31', []],
    ['ends before it starts', '2027-02-20', '2027-01-10', ['to']],
    ['over a year', '2027-01-01', '2028-01-02', ['to']],
    ['in the past', '2026-10-01', '2026-10-31', ['to']],
    ['starts more than a year ahead', '2027-12-01', '2027-12-31', ['from']],
  ])('%s', (_name, from, to, fields) => {
    expect(checkSharingPeriod(from, to, today).map((p) => p.field)).toEqual(fields);
  });
});
