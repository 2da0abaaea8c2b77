import {
  ComplaintRecord,
  EmployerActivityRecord,
  HireApplicationRecord,
  PostRecord,
  SubsidisedHireRecord,
  findBrokenPromiseComplaints,
  findEmployersWithManyPostsNoHires,
  findHiresEndedSoonAfterSubsidy,
  findHiresWithoutApplication,
  findNearDuplicatePosts,
  findOverlappingSubsidisedHires,
  normaliseTitle,
  titleSimilarity,
} from './fraud';
import { addDays, daysBetween } from './dates';

const claim = (o: Partial<SubsidisedHireRecord>): SubsidisedHireRecord => ({
  claimId: 'c1',
  hireId: 'h1',
  motherId: 'm1',
  employerId: 'e1',
  subsidyCode: 'employer_social_insurance_flat',
  status: 'approved',
  periodFrom: '2022-09-01',
  periodTo: '2023-08-31',
  ...o,
});

describe('findOverlappingSubsidisedHires', () => {
  it('flags the same mother subsidised in two hires at once, once per pair', () => {
    const planted = [claim({}), claim({ claimId: 'c2', hireId: 'h2', employerId: 'e2', subsidyCode: 'employer_post_subsidy', periodFrom: '2023-01-01', periodTo: '2023-12-31' })];
    const found = findOverlappingSubsidisedHires([...planted, planted[1]]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'overlapping_subsidised_hires', subjectKey: 'mother:m1:hires:h1|h2' });
    expect(found[0].explanation).toBe('同一名妈妈在两家单位的两份录用都在申领补贴，补贴期重叠：社会保险补贴2022-09-01至2023-08-31，岗位补贴2023-01-01至2023-12-31');
    expect(found[0].objects).toContainEqual({ kind: 'hire', id: 'h2' });
  });

  it.each([
    ['one hire after the other', [claim({}), claim({ claimId: 'c2', hireId: 'h2', periodFrom: '2023-09-01', periodTo: '2024-08-31' })]],
    ['two mothers', [claim({}), claim({ claimId: 'c2', hireId: 'h2', motherId: 'm2' })]],
    ['two subsidies of one hire', [claim({}), claim({ claimId: 'c2', subsidyCode: 'employer_post_subsidy' })]],
    ['a rejected claim', [claim({}), claim({ claimId: 'c2', hireId: 'h2', status: 'rejected' })]],
  ])('leaves alone %s', (_label, records) => {
    expect(findOverlappingSubsidisedHires(records)).toEqual([]);
  });
});

describe('findHiresEndedSoonAfterSubsidy', () => {
  it.each([
    ['ended after 20 days', '2022-09-21', '补贴期从2022-09-01开始，录用在2022-09-21结束，只过了20天（不足1个月）'],
    ['ended on the month day', '2022-10-01', '补贴期从2022-09-01开始，录用在2022-10-01结束，只过了30天（不足1个月）'],
    ['ended before the subsidy', '2022-08-20', '补贴期从2022-09-01开始，但录用在此之前（2022-08-20）就已结束'],
  ])('flags a hire %s', (_label, endedOn, explanation) => {
    const found = findHiresEndedSoonAfterSubsidy([claim({ endedOn })]);
    expect(found).toEqual([expect.objectContaining({ rule: 'hire_ended_soon_after_subsidy', subjectKey: 'hire:h1', explanation })]);
  });

  it.each([
    ['ended after six months', claim({ endedOn: '2023-03-01' })],
    ['still employed', claim({})],
    ['claim rejected', claim({ endedOn: '2022-09-10', status: 'rejected' })],
  ])('leaves alone a hire %s', (_label, record) => {
    expect(findHiresEndedSoonAfterSubsidy([record])).toEqual([]);
  });
});

describe('findEmployersWithManyPostsNoHires', () => {
  const today = '2026-11-23';
  const daysAgo = (n: number) => addDays(today, -n);
  const posts = (n: number, age = 60) => Array.from({ length: n }, () => daysAgo(age));
  it('flags 12 posts and no hire in half a year', () => {
    const found = findEmployersWithManyPostsNoHires([{ employerId: 'e1', postDates: posts(12), hireDates: [daysAgo(400)] }], today);
    expect(found).toEqual([
      { rule: 'many_posts_no_hires', subjectKey: 'employer:e1', explanation: '2026-05-27至2026-10-24发布岗位12个，近180天没有一次录用', objects: [{ kind: 'employer', id: 'e1' }] },
    ]);
  });

  it.each<[string, EmployerActivityRecord]>([
    ['with a hire', { employerId: 'e1', postDates: posts(12), hireDates: [daysAgo(10)] }],
    ['with few posts', { employerId: 'e1', postDates: posts(9), hireDates: [] }],
    ['whose posts are all new', { employerId: 'e1', postDates: posts(12, 5), hireDates: [] }],
    ['whose posts are old', { employerId: 'e1', postDates: posts(12, 365), hireDates: [] }],
  ])('leaves alone an employer %s', (_label, record) => {
    expect(findEmployersWithManyPostsNoHires([record], today)).toEqual([]);
  });
});

describe('near-duplicate posts', () => {
  it.each([
    ['【急招】包装工 ２名', '包装工'],
    ['Live 主播!', 'live主播'],
  ])('normalises %s to %s', (title, normal) => {
    expect(normaliseTitle(title)).toBe(normal);
  });

  it.each([
    ['包装工', '急招包装工', 1],
    ['食品厂包装工', '食品厂包装工人', 0.91],
    ['食品厂包装工', '食品厂包装女工', 0.73],
    ['包装工', '缝纫工', 0],
    ['', '', 0],
  ])('similarity of %s and %s is %d', (a, b, s) => {
    expect(titleSimilarity(a, b)).toBeCloseTo(s, 2);
  });

  const post = (o: Partial<PostRecord>): PostRecord => ({
    id: 'p1',
    employerId: 'e1',
    type: 'production_line',
    payBasis: 'monthly',
    payMin: 3000,
    payMax: 4000,
    title: '食品厂包装工',
    createdOn: '2026-11-01',
    ...o,
  });

  it('flags the same job posted twice', () => {
    const found = findNearDuplicatePosts([post({}), post({ id: 'p2', title: '急招 食品厂包装工', payMin: 3200, payMax: 3800, createdOn: '2026-11-05' })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'near_duplicate_posts', subjectKey: 'posts:p1|p2' });
    expect(found[0].explanation).toContain('名称相似度100%');
  });

  it.each([
    ['a different job', post({ id: 'p2', title: '缝纫工' })],
    ['another employer', post({ id: 'p2', employerId: 'e2' })],
    ['another type', post({ id: 'p2', type: 'short_term' })],
    ['another pay basis', post({ id: 'p2', payBasis: 'per_piece' })],
    ['pay that does not overlap', post({ id: 'p2', payMin: 5000, payMax: 6000 })],
    ['the same job half a year later', post({ id: 'p2', createdOn: '2027-05-01' })],
  ])('leaves alone %s', (_label, other) => {
    expect(findNearDuplicatePosts([post({}), other])).toEqual([]);
  });

  it('pairs each copy with the closest earlier one inside the window, whatever the input order', () => {
    const posts = [
      post({ id: 'p4', createdOn: '2026-12-01' }),
      post({ id: 'p1' }),
      post({ id: 'p3', title: '急招食品厂包装工', createdOn: '2026-11-20' }),
      post({ id: 'p2', createdOn: '2026-11-10' }),
      post({ id: 'p5', createdOn: '2027-01-15' }),
      post({ id: 'p6', title: '食品厂包装工人', createdOn: '2026-11-25' }),
    ];
    // A chain, one flag per later copy: p5 is 45 days after p4 and stands alone.
    expect(findNearDuplicatePosts(posts).map((f) => f.subjectKey).sort()).toEqual(['p1|p2', 'p2|p3', 'p3|p6', 'p4|p6'].map((k) => `posts:${k}`));
  });

  it('agrees with looking back over every earlier post on a mixed set', () => {
    const titles = ['食品厂包装工', '食品厂包装工人', '食品厂包装女工', '包装工', '缝纫工', '【急招】缝纫工 3名', '电商客服', '电商客服专员', ''];
    const posts: PostRecord[] = [];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const min = 2500 + next(6) * 300;
      posts.push(
        post({
          id: `q${String(next(100000)).padStart(6, '0')}${i}`,
          employerId: `e${next(3)}`,
          type: next(2) ? 'production_line' : 'short_term',
          title: titles[next(titles.length)],
          payMin: min,
          payMax: min + 500,
          createdOn: addDays('2026-06-01', next(150)),
        }),
      );
    }
    const order = [...posts].sort((a, b) => (a.createdOn < b.createdOn ? -1 : a.createdOn > b.createdOn ? 1 : a.id < b.id ? -1 : 1));
    const expected: string[] = [];
    order.forEach((y, j) => {
      for (let k = j - 1; k >= 0; k--) {
        const x = order[k];
        if (daysBetween(x.createdOn, y.createdOn) > 30) break;
        if (x.employerId !== y.employerId || x.type !== y.type || x.payBasis !== y.payBasis) continue;
        if (!(x.payMin <= y.payMax && y.payMin <= x.payMax) || titleSimilarity(x.title, y.title) < 0.8) continue;
        expected.push(`posts:${[x.id, y.id].sort().join('|')}`);
        break;
      }
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(findNearDuplicatePosts(posts).map((f) => f.subjectKey).sort()).toEqual(expected.sort());
  });

  it('flags a run of copies once per post, not once per pair', () => {
    const run = Array.from({ length: 1000 }, (_, i) => post({ id: `r${String(i).padStart(4, '0')}`, createdOn: addDays('2026-11-01', i % 20) }));
    expect(findNearDuplicatePosts(run)).toHaveLength(999);
  });
});

describe('findHiresWithoutApplication', () => {
  const honest: HireApplicationRecord = {
    hireId: 'h1',
    motherId: 'm1',
    postId: 'p1',
    employerId: 'e1',
    application: { id: 'a1', motherId: 'm1', postId: 'p1', employerId: 'e1', status: 'hired' },
  };
  it('leaves alone a hire from its own application', () => {
    expect(findHiresWithoutApplication([honest])).toEqual([]);
  });

  it.each<[string, HireApplicationRecord['application'], string]>([
    ['no application', null, '找不到录用登记所依据的申请记录'],
    ["another mother's application", { id: 'a1', motherId: 'm2', postId: 'p1', employerId: 'e1', status: 'hired' }, '录用的人员与申请人不是同一人'],
    ['an application to another post', { id: 'a1', motherId: 'm1', postId: 'p2', employerId: 'e1', status: 'hired' }, '录用的岗位与申请的岗位不同'],
    ['an application to another employer', { id: 'a1', motherId: 'm1', postId: 'p1', employerId: 'e2', status: 'hired' }, '登记录用的单位与申请的单位不同'],
    ['an application never accepted', { id: 'a1', motherId: 'm1', postId: 'p1', employerId: 'e1', status: 'submitted' }, '所依据的申请状态为“已投递”，不是“已录用”'],
  ])('flags a hire with %s', (_label, application, problem) => {
    const found = findHiresWithoutApplication([{ ...honest, application }]);
    expect(found).toHaveLength(1);
    expect(found[0].subjectKey).toBe('hire:h1');
    expect(found[0].explanation).toBe(`${problem}，这次录用可能不是通过平台申请产生的`);
  });
});

describe('findBrokenPromiseComplaints', () => {
  const today = '2026-11-23';
  const c = (o: Partial<ComplaintRecord>): ComplaintRecord => ({ id: 'k1', source: 'complaint', employerId: 'e1', motherId: 'm1', category: 'forced_overtime', createdOn: '2026-10-01', ...o });
  it('flags broken promises from two mothers, by complaint or at the check after the hire', () => {
    const found = findBrokenPromiseComplaints(
      [c({}), c({ id: 'k2', motherId: 'm2', category: 'wage_arrears' }), c({ id: 'k3', motherId: 'm2', source: 'promise_check', category: 'promise_check' })],
      today,
    );
    expect(found).toEqual([
      {
        rule: 'broken_promise_complaints',
        subjectKey: 'employer:e1',
        explanation: '2026-05-27以来有2名妈妈反映该单位承诺不兑现（投诉或入职回访共3件）',
        objects: [{ kind: 'employer', id: 'e1' }, { kind: 'complaint', id: 'k1' }, { kind: 'complaint', id: 'k2' }, { kind: 'promise_check', id: 'k3' }],
      },
    ]);
  });

  it('counts complaints made without a name one by one', () => {
    expect(findBrokenPromiseComplaints([c({ motherId: null }), c({ id: 'k2', motherId: null })], today)).toHaveLength(1);
  });

  it.each([
    ['one mother complaining twice', [c({}), c({ id: 'k2' })]],
    ['other categories', [c({}), c({ id: 'k2', motherId: 'm2', category: 'discrimination' })]],
    ['old complaints', [c({}), c({ id: 'k2', motherId: 'm2', createdOn: '2026-01-01' })]],
    ['two employers', [c({}), c({ id: 'k2', motherId: 'm2', employerId: 'e2' })]],
  ])('leaves alone %s', (_label, records) => {
    expect(findBrokenPromiseComplaints(records, today)).toEqual([]);
  });
});
