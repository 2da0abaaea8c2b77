/**
 * Fraud checks for officials: each rule finds a pattern that fake posts and hires made to claim
 * subsidies leave behind, and explains in Chinese what it saw. A finding is a flag for an
 * official to look at, never a penalty: honest situations can look the same (a mother who
 * really left after three weeks), so the product only points, and a person decides.
 *
 * Every finding has a stable subject key, so scanning again finds the same flag instead of
 * making a new one.
 */
import { ClaimStatus, ClaimableSubsidyCode, SUBSIDY_FAMILY, SUBSIDY_FAMILY_LABELS, claimCounts } from './claims';
import { ApplicationStatus, APPLICATION_STATUS_LABELS } from './applications';
import { PayBasis, PostTypeCode } from './catalogue';
import { IsoDate, addDays, addMonths, daysBetween } from './dates';

export type FraudRuleCode =
  | 'overlapping_subsidised_hires'
  | 'hire_ended_soon_after_subsidy'
  | 'many_posts_no_hires'
  | 'near_duplicate_posts'
  | 'hire_without_application'
  | 'broken_promise_complaints';

export const FRAUD_RULE_CODES: readonly FraudRuleCode[] = [
  'overlapping_subsidised_hires',
  'hire_ended_soon_after_subsidy',
  'many_posts_no_hires',
  'near_duplicate_posts',
  'hire_without_application',
  'broken_promise_complaints',
];

export const FRAUD_RULES: Record<FraudRuleCode, { label: string; description: string }> = {
  overlapping_subsidised_hires: {
    label: '同一人员补贴期重叠',
    description: '同一名妈妈在两份享受补贴的录用中，补贴期相互重叠：一个人通常不能同时在两家单位全职参保',
  },
  hire_ended_soon_after_subsidy: {
    label: '补贴开始后很快离职',
    description: '补贴期开始后不足1个月录用就结束了，可能是为申领补贴而登记的录用',
  },
  many_posts_no_hires: {
    label: '发布岗位多却没有录用',
    description: '单位近半年发布了许多岗位，却一次录用也没有，岗位可能不真实',
  },
  near_duplicate_posts: {
    label: '岗位高度重复',
    description: '同一单位在相近时间发布了名称、类型和报酬几乎相同的岗位，可能在虚增岗位数量',
  },
  hire_without_application: {
    label: '录用没有真实申请',
    description: '登记的录用与平台上的申请记录对不上，录用可能不是通过平台招聘产生的',
  },
  broken_promise_complaints: {
    label: '多人投诉承诺不兑现',
    description: '近半年有多名妈妈投诉该单位承诺的工作时间、报酬或照顾孩子的条件没有兑现',
  },
};

/** The figures the rules use; documented so an official can tell why something was flagged. */
export const FRAUD_THRESHOLDS = {
  /** A hire that ends within this many months of its subsidy starting is flagged. */
  endedWithinMonths: 1,
  /** At least this many posts in the window, and no hire, flags an employer. */
  manyPosts: 10,
  manyPostsWindowDays: 180,
  /** Posts younger than this are left out: a new post has had no time to lead to a hire. */
  manyPostsGraceDays: 30,
  /** Title similarity (0-1, character bigrams) from which two posts count as near duplicates. */
  titleSimilarity: 0.8,
  /** Near duplicates are posts created this close together. */
  duplicateWindowDays: 30,
  /** Complaints of broken promises from this many different mothers flag an employer. */
  complaints: 2,
  complaintsWindowDays: 180,
} as const;

export type FraudObjectKind = 'mother' | 'employer' | 'hire' | 'post' | 'claim' | 'application' | 'complaint' | 'promise_check';

export interface FraudObject {
  kind: FraudObjectKind;
  id: string;
}

export interface FraudFinding {
  rule: FraudRuleCode;
  /** Stable across scans: the same situation gives the same key. */
  subjectKey: string;
  explanation: string;
  objects: FraudObject[];
}

// ---------------------------------------------------------------------------------------------
// Subsidised hires
// ---------------------------------------------------------------------------------------------

export interface SubsidisedHireRecord {
  claimId: string;
  hireId: string;
  motherId: string;
  employerId: string;
  subsidyCode: ClaimableSubsidyCode;
  status: ClaimStatus;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  /** When the employment ended, if reported. */
  endedOn?: IsoDate;
}

/** The same mother in two hires whose subsidy periods overlap (rejected claims ignored). */
export function findOverlappingSubsidisedHires(records: readonly SubsidisedHireRecord[]): FraudFinding[] {
  const byMother = new Map<string, SubsidisedHireRecord[]>();
  for (const r of records) {
    if (!claimCounts(r.status)) continue;
    const list = byMother.get(r.motherId) ?? [];
    list.push(r);
    byMother.set(r.motherId, list);
  }
  const findings = new Map<string, FraudFinding>();
  for (const [motherId, list] of byMother) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = list[i].hireId < list[j].hireId ? [list[i], list[j]] : [list[j], list[i]];
        if (a.hireId === b.hireId) continue;
        if (!(a.periodFrom <= b.periodTo && b.periodFrom <= a.periodTo)) continue;
        const key = `mother:${motherId}:hires:${a.hireId}|${b.hireId}`;
        if (findings.has(key)) continue;
        const sameEmployer = a.employerId === b.employerId ? '在同一单位' : '在两家单位';
        findings.set(key, {
          rule: 'overlapping_subsidised_hires',
          subjectKey: key,
          explanation:
            `同一名妈妈${sameEmployer}的两份录用都在申领补贴，补贴期重叠：` +
            `${SUBSIDY_FAMILY_LABELS[SUBSIDY_FAMILY[a.subsidyCode]]}${a.periodFrom}至${a.periodTo}，` +
            `${SUBSIDY_FAMILY_LABELS[SUBSIDY_FAMILY[b.subsidyCode]]}${b.periodFrom}至${b.periodTo}`,
          objects: [
            { kind: 'mother', id: motherId },
            { kind: 'hire', id: a.hireId },
            { kind: 'hire', id: b.hireId },
            { kind: 'claim', id: a.claimId },
            { kind: 'claim', id: b.claimId },
          ],
        });
      }
    }
  }
  return [...findings.values()];
}

/** A subsidised hire that ended within a month of its subsidy period starting. */
export function findHiresEndedSoonAfterSubsidy(records: readonly SubsidisedHireRecord[]): FraudFinding[] {
  const findings = new Map<string, FraudFinding>();
  for (const r of records) {
    if (!claimCounts(r.status) || r.endedOn === undefined) continue;
    const limit = addMonths(r.periodFrom, FRAUD_THRESHOLDS.endedWithinMonths);
    if (r.endedOn > limit) continue;
    const key = `hire:${r.hireId}`;
    if (findings.has(key)) continue;
    const days = daysBetween(r.periodFrom, r.endedOn);
    findings.set(key, {
      rule: 'hire_ended_soon_after_subsidy',
      subjectKey: key,
      explanation:
        days < 0
          ? `补贴期从${r.periodFrom}开始，但录用在此之前（${r.endedOn}）就已结束`
          : `补贴期从${r.periodFrom}开始，录用在${r.endedOn}结束，只过了${days}天（不足${FRAUD_THRESHOLDS.endedWithinMonths}个月）`,
      objects: [
        { kind: 'hire', id: r.hireId },
        { kind: 'claim', id: r.claimId },
        { kind: 'mother', id: r.motherId },
        { kind: 'employer', id: r.employerId },
      ],
    });
  }
  return [...findings.values()];
}

// ---------------------------------------------------------------------------------------------
// Employers and posts
// ---------------------------------------------------------------------------------------------

export interface EmployerActivityRecord {
  employerId: string;
  /** Creation dates of its posts. */
  postDates: readonly IsoDate[];
  /** Start or report dates of its hires. */
  hireDates: readonly IsoDate[];
}

/** Many posts in the last half year (leaving out the newest month) and not a single hire. */
export function findEmployersWithManyPostsNoHires(records: readonly EmployerActivityRecord[], today: IsoDate): FraudFinding[] {
  const windowStart = addDays(today, -FRAUD_THRESHOLDS.manyPostsWindowDays);
  const graceStart = addDays(today, -FRAUD_THRESHOLDS.manyPostsGraceDays);
  const findings: FraudFinding[] = [];
  for (const r of records) {
    const posts = r.postDates.filter((d) => d >= windowStart && d <= graceStart).length;
    const hires = r.hireDates.filter((d) => d >= windowStart).length;
    if (posts < FRAUD_THRESHOLDS.manyPosts || hires > 0) continue;
    findings.push({
      rule: 'many_posts_no_hires',
      subjectKey: `employer:${r.employerId}`,
      explanation: `${windowStart}至${graceStart}发布岗位${posts}个，近${FRAUD_THRESHOLDS.manyPostsWindowDays}天没有一次录用`,
      objects: [{ kind: 'employer', id: r.employerId }],
    });
  }
  return findings;
}

export interface PostRecord {
  id: string;
  employerId: string;
  type: PostTypeCode;
  payBasis: PayBasis;
  payMin: number;
  payMax: number;
  title: string;
  createdOn: IsoDate;
}

/** Words that dress a title up without changing the job. */
const TITLE_FILLERS = ['急招', '急聘', '诚聘', '直招', '高薪', '招聘', '招', '聘'];

/**
 * A title reduced to what names the job: full-width folded to half-width (NFKC), lower case,
 * without headcounts, spaces, punctuation, symbols, digits and filler words.
 */
export function normaliseTitle(title: string): string {
  let t = title.normalize('NFKC').toLowerCase();
  // Headcounts (２名, 3人) say how many, not what job.
  t = t.replace(/\d+\s*[名人位个]/gu, '');
  t = t.replace(/[\s\p{P}\p{S}\d]/gu, '');
  for (const w of TITLE_FILLERS) t = t.split(w).join('');
  return t;
}

function bigrams(s: string): string[] {
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

const DAY_ZERO: IsoDate = '1970-01-01';
/** How many earlier posts of its group a post is compared with, at most, when looking for a look-alike. */
export const FUZZY_LOOKBACK = 200;

/** A title prepared once for many comparisons: its normal form and its bigram counts. */
interface PreparedTitle {
  normal: string;
  bigrams: Map<string, number>;
  bigramCount: number;
}

function prepareTitle(title: string): PreparedTitle {
  const normal = normaliseTitle(title);
  const grams = bigrams(normal);
  const counts = new Map<string, number>();
  for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  return { normal, bigrams: counts, bigramCount: grams.length };
}

function preparedSimilarity(x: PreparedTitle, y: PreparedTitle): number {
  if (x.normal === y.normal) return x.normal.length === 0 ? 0 : 1;
  if (x.bigramCount === 0 || y.bigramCount === 0) return 0;
  const [small, large] = x.bigrams.size <= y.bigrams.size ? [x, y] : [y, x];
  let shared = 0;
  for (const [g, n] of small.bigrams) shared += Math.min(n, large.bigrams.get(g) ?? 0);
  return (2 * shared) / (x.bigramCount + y.bigramCount);
}

/** Dice similarity of two titles' character bigrams, 0 to 1; titles under two characters must be equal. */
export function titleSimilarity(a: string, b: string): number {
  return preparedSimilarity(prepareTitle(a), prepareTitle(b));
}

/**
 * Same employer, type and pay basis, overlapping pay, similar titles, created close together.
 *
 * Each post is paired with its closest earlier look-alike (by creation date, then id) inside the
 * time window, so a run of copies gives a chain of flags (A–B, B–C), at most one per post, not
 * every pair of the run. Sort and sweep: within each group the posts are ordered by creation
 * date and each one looks back only inside the window, its title prepared once; exact copies
 * (the same normal form) are found through a map, look-alikes by comparing at most
 * `FUZZY_LOOKBACK` earlier posts. The cost is O(n log n + n·FUZZY_LOOKBACK) and the flags at
 * most n, however the posts are spread.
 */
export function findNearDuplicatePosts(posts: readonly PostRecord[]): FraudFinding[] {
  const groups = new Map<string, PostRecord[]>();
  for (const p of posts) {
    const key = `${p.employerId}|${p.type}|${p.payBasis}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const threshold = FRAUD_THRESHOLDS.titleSimilarity;
  const window = FRAUD_THRESHOLDS.duplicateWindowDays;
  const overlaps = (a: PostRecord, b: PostRecord) => a.payMin <= b.payMax && b.payMin <= a.payMax;
  const findings: FraudFinding[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const sorted = list
      .map((p) => ({ p, day: daysBetween(DAY_ZERO, p.createdOn), title: prepareTitle(p.title) }))
      .sort((a, b) => a.day - b.day || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0))
      .map((x, i) => ({ ...x, i }));
    /** Earlier posts by normal form, latest last. */
    const copies = new Map<string, typeof sorted>();
    for (const y of sorted) {
      let partner: (typeof sorted)[number] | undefined;
      let similarity = 0;
      // The latest exact copy in the window whose pay overlaps.
      const same = copies.get(y.title.normal) ?? [];
      for (let k = same.length - 1, looked = 0; k >= 0 && looked < FUZZY_LOOKBACK; k--, looked++) {
        const x = same[k];
        if (y.day - x.day > window) break;
        if (y.title.normal.length > 0 && overlaps(x.p, y.p)) {
          partner = x;
          similarity = 1;
          break;
        }
      }
      // A later look-alike than that copy, if any.
      for (let k = y.i - 1, looked = 0; k >= 0 && looked < FUZZY_LOOKBACK; k--, looked++) {
        const x = sorted[k];
        if (y.day - x.day > window || (partner && x.i <= partner.i)) break;
        if (x.title.normal === y.title.normal || !overlaps(x.p, y.p)) continue;
        // Dice can reach at most 2·min/(m+n): skip pairs whose lengths alone rule them out.
        const [m, n] = [x.title.bigramCount, y.title.bigramCount];
        if (m + n === 0 || (2 * Math.min(m, n)) / (m + n) < threshold) continue;
        const s = preparedSimilarity(x.title, y.title);
        if (s >= threshold) {
          partner = x;
          similarity = s;
          break;
        }
      }
      if (same.length > 0) same.push(y);
      else copies.set(y.title.normal, [y]);
      if (!partner) continue;
      const [a, b] = partner.p.id < y.p.id ? [partner.p, y.p] : [y.p, partner.p];
      findings.push({
        rule: 'near_duplicate_posts',
        subjectKey: `posts:${a.id}|${b.id}`,
        explanation:
          `同一单位${a.createdOn}发布的“${a.title}”与${b.createdOn}发布的“${b.title}”类型和计酬方式相同、报酬区间重叠，` +
          `名称相似度${Math.round(similarity * 100)}%`,
        objects: [
          { kind: 'employer', id: a.employerId },
          { kind: 'post', id: a.id },
          { kind: 'post', id: b.id },
        ],
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Hires and their applications
// ---------------------------------------------------------------------------------------------

export interface HireApplicationRecord {
  hireId: string;
  motherId: string;
  postId: string;
  employerId: string;
  application: { id: string; motherId: string; postId: string; employerId: string; status: ApplicationStatus } | null;
}

/** A hire whose application is missing, belongs to someone or something else, or never reached "hired". */
export function findHiresWithoutApplication(records: readonly HireApplicationRecord[]): FraudFinding[] {
  const findings: FraudFinding[] = [];
  for (const r of records) {
    const a = r.application;
    let problem: string | null = null;
    if (!a) problem = '找不到录用登记所依据的申请记录';
    else if (a.motherId !== r.motherId) problem = '录用的人员与申请人不是同一人';
    else if (a.postId !== r.postId) problem = '录用的岗位与申请的岗位不同';
    else if (a.employerId !== r.employerId) problem = '登记录用的单位与申请的单位不同';
    else if (a.status !== 'hired') problem = `所依据的申请状态为“${APPLICATION_STATUS_LABELS[a.status]}”，不是“已录用”`;
    if (!problem) continue;
    const objects: FraudObject[] = [
      { kind: 'hire', id: r.hireId },
      { kind: 'employer', id: r.employerId },
      { kind: 'mother', id: r.motherId },
    ];
    if (a) objects.push({ kind: 'application', id: a.id });
    findings.push({ rule: 'hire_without_application', subjectKey: `hire:${r.hireId}`, explanation: `${problem}，这次录用可能不是通过平台申请产生的`, objects });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Complaints
// ---------------------------------------------------------------------------------------------

/**
 * Complaint categories of modules/rights (table rights_cases) that are a promise of the post
 * not kept: its pay, its hours, its leave for the children, its contract.
 */
export const BROKEN_PROMISE_CATEGORIES: readonly string[] = ['wage_arrears', 'forced_overtime', 'leave_refused', 'no_contract'];

export interface ComplaintRecord {
  id: string;
  /**
   * `promise_check`: her answer to the check 30 days after a hire said a promise was broken
   * (pass only those). `complaint`: a rights complaint, counted when its category is a broken promise.
   */
  source: 'promise_check' | 'complaint';
  employerId: string;
  /** Null when the complaint was made without naming her (each such complaint counts alone). */
  motherId: string | null;
  category: string;
  createdOn: IsoDate;
}

function isBrokenPromise(c: ComplaintRecord): boolean {
  return c.source === 'promise_check' || BROKEN_PROMISE_CATEGORIES.includes(c.category);
}

/** Complaints of broken promises about one employer from several mothers in the last half year. */
export function findBrokenPromiseComplaints(records: readonly ComplaintRecord[], today: IsoDate): FraudFinding[] {
  const since = addDays(today, -FRAUD_THRESHOLDS.complaintsWindowDays);
  const byEmployer = new Map<string, ComplaintRecord[]>();
  for (const c of records) {
    if (!isBrokenPromise(c) || c.createdOn < since || c.createdOn > today) continue;
    const list = byEmployer.get(c.employerId) ?? [];
    list.push(c);
    byEmployer.set(c.employerId, list);
  }
  const findings: FraudFinding[] = [];
  for (const [employerId, list] of byEmployer) {
    const complainants = new Set(list.map((c) => c.motherId ?? `anonymous:${c.id}`));
    if (complainants.size < FRAUD_THRESHOLDS.complaints) continue;
    findings.push({
      rule: 'broken_promise_complaints',
      subjectKey: `employer:${employerId}`,
      explanation: `${since}以来有${complainants.size}名妈妈反映该单位承诺不兑现（投诉或入职回访共${list.length}件）`,
      objects: [{ kind: 'employer', id: employerId }, ...list.map((c) => ({ kind: c.source === 'promise_check' ? ('promise_check' as const) : ('complaint' as const), id: c.id }))],
    });
  }
  return findings;
}
