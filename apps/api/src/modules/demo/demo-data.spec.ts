import { canEmployerOffer, isoDateInChina, makeResidentId, makeUscc, validateResidentId, validateUscc } from '@mamagang/domain';
import { DEMO_EMPLOYERS, DEMO_MOTHERS, DEMO_POSTS } from './demo-data';
import { buildDemoPost } from './demo-seed.service';

const TODAY = isoDateInChina(new Date('2026-11-23T08:00:00Z'));

describe('demo data obeys the rules the product enforces', () => {
  it.each(DEMO_POSTS.map((p) => [p.title, p] as const))('post %s is lawful for its employer and pays at least the minimum wage', (_title, p) => {
    const employer = DEMO_EMPLOYERS.find((e) => e.key === p.employer)!;
    expect(canEmployerOffer(employer.kind, p.type)).toBe(true);
    const built = buildDemoPost(p, employer.kind, employer.regionCode, TODAY);
    expect(built.hourlyMin).toBeGreaterThanOrEqual(22);
    expect(built.hoursPerWeek).toBeGreaterThan(0);
  });

  it.each(DEMO_EMPLOYERS.map((e) => [e.name, e.usccPrefix] as const))('employer %s has a valid credit code', (_name, prefix) => {
    expect(validateUscc(makeUscc(prefix)).ok).toBe(true);
  });

  it.each(DEMO_MOTHERS.map((m) => [m.demoKey, m.idPrefix] as const))('mother %s has a valid ID number', (_key, prefix) => {
    expect(validateResidentId(makeResidentId(prefix), TODAY).ok).toBe(true);
  });

  it('covers every childcare stage among the demo mothers and several employer kinds', () => {
    expect(new Set(DEMO_EMPLOYERS.map((e) => e.kind)).size).toBeGreaterThanOrEqual(5);
    expect(DEMO_POSTS.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses a demo post below the minimum wage (the check is live)', () => {
    const cheap = { ...DEMO_POSTS[0]!, payMin: 1000, payMax: 1000 };
    expect(() => buildDemoPost(cheap, 'enterprise', '371002', TODAY)).toThrow(/最低工资|低于/);
  });
});
