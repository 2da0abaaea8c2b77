import {
  FRAUD_THRESHOLDS,
  addDays,
  findBrokenPromiseComplaints,
  findEmployersWithManyPostsNoHires,
  findHiresEndedSoonAfterSubsidy,
  findHiresWithoutApplication,
  findNearDuplicatePosts,
  findOverlappingSubsidisedHires,
  isoDateInChina,
  regionLikePattern,
  type FraudFinding,
  type FraudRuleCode,
} from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import type { Tx } from '../../database/transaction';
import { isOfficialFor, officialRegionsOf, type Principal } from '../users/principal';
import type { FlagOutcome, FlagStatus } from './fraud-flag.entity';
import { FraudException } from './fraud.errors';
import { FraudRepository, type FlagRow } from './fraud.repository';

export interface ScanSummary {
  found: number;
  created: number;
  updated: number;
  byRule: Partial<Record<FraudRuleCode, number>>;
}

export interface FlagView {
  flag: FlagRow;
  labels: Map<string, string>;
}

export const FLAG_PAGE_SIZE = 20;
/** Posts older than this (and closed) are left out of the near-duplicate rule. */
const DUPLICATE_LOOKBACK_DAYS = 90;
/** Employers whose posts the near-duplicate rule reads per query. */
const DUPLICATE_EMPLOYER_BATCH = 200;

/**
 * Fraud checks: the domain's rules over the region's data, each finding filed as a flag for the
 * officials of the region, with its explanation and the objects involved. A scan run again
 * refreshes the flags it found before (unique per rule and subject). Nothing here touches an
 * employer, a post, a hire or a claim: a flag is a pointer for a person, never a penalty.
 */
@Injectable()
export class FraudService {
  constructor(
    private readonly repo: FraudRepository,
    private readonly clock: Clock,
  ) {}

  /** Scans one region (a city covers its districts), or every region when `regionCode` is absent. */
  async scan(now: Date, options: { regionCode?: string; tx?: Tx } = {}): Promise<ScanSummary> {
    const { tx } = options;
    const today = isoDateInChina(now);
    const like = options.regionCode ? regionLikePattern(options.regionCode) : null;
    const regionOf = new Map<string, string>();
    const remember = (id: string, region: string) => {
      if (!regionOf.has(id)) regionOf.set(id, region);
    };

    const subsidised = await this.repo.subsidisedHires(like, tx);
    subsidised.forEach((r) => {
      remember(r.employerId, r.regionCode);
      remember(r.hireId, r.regionCode);
    });
    const activity = await this.repo.employerActivity(like, addDays(today, -FRAUD_THRESHOLDS.manyPostsWindowDays), FRAUD_THRESHOLDS.manyPosts, tx);
    activity.forEach((r) => remember(r.employerId, r.regionCode));
    const hires = await this.repo.suspectHires(like, tx);
    hires.forEach((r) => {
      remember(r.employerId, r.regionCode);
      remember(r.hireId, r.regionCode);
    });
    const complaints = await this.repo.complaints(like, addDays(today, -FRAUD_THRESHOLDS.complaintsWindowDays), tx);
    complaints.forEach((r) => remember(r.employerId, r.regionCode));

    const findings: FraudFinding[] = [
      ...findOverlappingSubsidisedHires(subsidised),
      ...findHiresEndedSoonAfterSubsidy(subsidised),
      ...findEmployersWithManyPostsNoHires(activity, today),
      ...findHiresWithoutApplication(hires),
      ...findBrokenPromiseComplaints(complaints, today),
    ];

    const summary: ScanSummary = { found: 0, created: 0, updated: 0, byRule: {} };
    await this.file(findings, regionOf, now, summary, tx);

    // Near-duplicate posts, a batch of employers at a time: memory stays bounded by the batch.
    const since = addDays(today, -DUPLICATE_LOOKBACK_DAYS);
    const employers = await this.repo.employersWithRecentPosts(like, since, tx);
    for (let i = 0; i < employers.length; i += DUPLICATE_EMPLOYER_BATCH) {
      const posts = await this.repo.recentPosts(like, since, FRAUD_THRESHOLDS.duplicateWindowDays, employers.slice(i, i + DUPLICATE_EMPLOYER_BATCH), tx);
      const postRegion = new Map<string, string>();
      for (const p of posts) if (!postRegion.has(p.employerId)) postRegion.set(p.employerId, regionOf.get(p.employerId) ?? p.regionCode);
      await this.file(findNearDuplicatePosts(posts), postRegion, now, summary, tx);
    }
    return summary;
  }

  /** Files findings (unique per rule and subject) under the region of what they are about, and counts them. */
  private async file(findings: readonly FraudFinding[], regionOf: ReadonlyMap<string, string>, now: Date, summary: ScanSummary, tx?: Tx): Promise<void> {
    const filed = new Map<string, { finding: FraudFinding; regionCode: string }>();
    for (const f of findings) {
      // Filed under the region of the employer (or hire) it is about, so that region's officials see it.
      const region = f.objects.map((o) => regionOf.get(o.id)).find((r): r is string => r !== undefined);
      if (!region) continue;
      filed.set(`${f.rule}\u0000${f.subjectKey}`, { finding: f, regionCode: region });
    }
    const written = await this.repo.upsertMany([...filed.values()], now, tx);
    summary.created += written.created;
    summary.updated += written.updated;
    for (const { finding } of filed.values()) {
      summary.found += 1;
      summary.byRule[finding.rule] = (summary.byRule[finding.rule] ?? 0) + 1;
    }
  }

  /** Scans the region asked for (one of the official's), or all of hers. */
  async scanFor(me: Principal, regionCode: string | undefined): Promise<ScanSummary> {
    if (regionCode && !isOfficialFor(me, regionCode)) throw new CommonException('FORBIDDEN', '只能核查本人负责的地区');
    const regions = regionCode ? [regionCode] : officialRegionsOf(me);
    const total: ScanSummary = { found: 0, created: 0, updated: 0, byRule: {} };
    const now = this.clock.now();
    for (const r of regions) {
      const s = await this.scan(now, { regionCode: r });
      total.found += s.found;
      total.created += s.created;
      total.updated += s.updated;
      for (const [rule, n] of Object.entries(s.byRule) as [FraudRuleCode, number][]) total.byRule[rule] = (total.byRule[rule] ?? 0) + n;
    }
    return total;
  }

  async list(me: Principal, status: FlagStatus | null, rule: FraudRuleCode | null, page: number): Promise<{ items: FlagView[]; total: number }> {
    const patterns = officialRegionsOf(me).map(regionLikePattern);
    if (patterns.length === 0) return { items: [], total: 0 };
    const { items, total } = await this.repo.list(patterns, status, rule, (page - 1) * FLAG_PAGE_SIZE, FLAG_PAGE_SIZE);
    const labels = await this.repo.labels(items.flatMap((f) => f.objects));
    return { items: items.map((flag) => ({ flag, labels })), total };
  }

  async get(me: Principal, id: string): Promise<FlagView> {
    const flag = await this.repo.find(id);
    if (!flag || !isOfficialFor(me, flag.regionCode)) throw new CommonException('NOT_FOUND', '核查提示不存在');
    return { flag, labels: await this.repo.labels(flag.objects) };
  }

  /** Records what the official concluded. Only the flag changes. */
  async resolve(me: Principal, id: string, outcome: FlagOutcome, note: string): Promise<FlagView> {
    const flag = await this.repo.find(id);
    if (!flag || !isOfficialFor(me, flag.regionCode)) throw new CommonException('NOT_FOUND', '核查提示不存在');
    if (!(await this.repo.resolve(id, outcome, note.trim(), me.userId, this.clock.now()))) throw FraudException.alreadyResolved();
    return this.get(me, id);
  }
}
