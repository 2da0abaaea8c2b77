import {
  checkMinimumWageDraft,
  checkPolicyDraft,
  isoDateInChina,
  regionAncestors,
  versionInForce,
  type IsoDate,
  type MinimumWage,
  type PolicyDraft,
  type PolicyRule,
  type RegionalPolicy,
} from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import type { Tx } from '../../database/transaction';
import { RegionsRepository } from '../regions/regions.repository';
import { isOfficialFor, type Principal } from '../users/principal';
import { PoliciesException } from './policies.errors';
import { PolicyDataRepository, type PolicyVersionRow } from './policy-data.repository';

/** A policy version in force, as the estimators and claim checks read it. */
export interface PolicyInForce {
  versionId: string;
  policy: RegionalPolicy;
}

export interface MinimumWageInForce extends MinimumWage {
  versionId: string;
}

export interface PolicyInput {
  regionCode: string;
  title: string;
  source: string;
  issuedOn: string;
  effectiveFrom: string;
  effectiveTo?: string;
  rules: Record<string, unknown>[];
  note: string;
}

export interface MinimumWageInput {
  regionCode: string;
  monthly: number;
  hourly: number;
  source: string;
  effectiveFrom: string;
  effectiveTo?: string;
  note: string;
  wageNote?: string;
}

export interface PolicyVersionView extends PolicyVersionRow {
  /** In force today for the region asked about. */
  inForce: boolean;
}

/** When no minimum wage is recorded, a policy still reads; this says so instead of inventing a figure. */
function unknownWage(regionCode: string, regionName: string): MinimumWage {
  return { regionCode, regionName, monthly: 0, hourly: 0, source: '未录入当地最低工资标准', effectiveFrom: '1970-01-01' };
}

/**
 * The regional policy data officials keep in the product: versioned policies and minimum
 * wages. Every reader asks for "in force in region R on day D" (a district falls back to its
 * city, then its province), so a change recorded today takes effect on its own date, and a
 * decision that stored a version id can always be read back exactly as it was made.
 */
@Injectable()
export class PolicyDataService {
  constructor(
    private readonly repo: PolicyDataRepository,
    private readonly regions: RegionsRepository,
    private readonly clock: Clock,
  ) {}

  /** The policy in force in `regionCode` on `on`, or null. */
  async inForce(regionCode: string, on: IsoDate, tx?: Tx): Promise<PolicyInForce | null> {
    const rows = await this.repo.listForAreas([regionCode, ...regionAncestors(regionCode)], 'policy', tx);
    const row = versionInForce(rows.map(asRef), regionCode, on)?.row;
    return row ? this.toPolicy(row, on, tx) : null;
  }

  /**
   * The minimum wage in force in `regionCode` on `on`, or null when none is recorded. Posts
   * should check pay against this rather than the domain's constants.
   */
  async minimumWage(regionCode: string, on: IsoDate, tx?: Tx): Promise<MinimumWageInForce | null> {
    const rows = await this.repo.listForAreas([regionCode, ...regionAncestors(regionCode)], 'minimum_wage', tx);
    const row = versionInForce(rows.map(asRef), regionCode, on)?.row;
    return row ? { ...(row.payload as unknown as MinimumWage), versionId: row.id } : null;
  }

  /**
   * The minimum wages recorded for these regions and the areas above them, read once, as a
   * lookup of the figure in force in a region on a day (null when none is recorded): for
   * readers that judge many posts of many days, like the monitoring figures.
   */
  async minimumWageLookup(regionCodes: readonly string[], tx?: Tx): Promise<(regionCode: string, on: IsoDate) => MinimumWageInForce | null> {
    const areas = new Set<string>();
    for (const code of regionCodes) for (const area of [code, ...regionAncestors(code)]) areas.add(area);
    const refs = areas.size === 0 ? [] : (await this.repo.listForAreas([...areas], 'minimum_wage', tx)).map(asRef);
    const seen = new Map<string, MinimumWageInForce | null>();
    return (regionCode, on) => {
      const key = `${regionCode}|${on}`;
      let wage = seen.get(key);
      if (wage === undefined) {
        const row = versionInForce(refs, regionCode, on)?.row;
        wage = row ? { ...(row.payload as unknown as MinimumWage), versionId: row.id } : null;
        seen.set(key, wage);
      }
      return wage;
    };
  }

  /** A policy version by id, as it was recorded (for a claim decided under it). */
  async policyOfVersion(versionId: string, tx?: Tx): Promise<PolicyInForce | null> {
    const row = await this.repo.findById(versionId, tx);
    if (!row || row.kind !== 'policy') return null;
    return this.toPolicy(row, row.effectiveFrom, tx);
  }

  /** Every version that applies to a region (its own and those of the areas above it), oldest first. */
  async history(me: Principal, regionCode: string): Promise<PolicyVersionView[]> {
    await this.assertOfficialRegion(me, regionCode);
    const today = isoDateInChina(this.clock.now());
    const rows = await this.repo.listForAreas([regionCode, ...regionAncestors(regionCode)]);
    const refs = rows.map(asRef);
    const policyNow = versionInForce(refs.filter((r) => r.row.kind === 'policy'), regionCode, today)?.row.id;
    const wageNow = versionInForce(refs.filter((r) => r.row.kind === 'minimum_wage'), regionCode, today)?.row.id;
    return rows.map((r) => ({ ...r, inForce: r.id === policyNow || r.id === wageNow }));
  }

  /** Records a new policy version for a region the official covers. Nothing already decided changes. */
  async addPolicy(me: Principal, input: PolicyInput): Promise<PolicyVersionView> {
    const regionName = await this.assertOfficialRegion(me, input.regionCode);
    const checked = checkPolicyDraft({ ...input, regionName });
    if (!checked.ok) throw PoliciesException.invalid(checked.problems.map((p) => ({ field: p.field, rule: 'policy', message: p.message })));
    const id = await this.repo.insert({
      kind: 'policy',
      regionCode: input.regionCode,
      effectiveFrom: checked.policy.effectiveFrom,
      effectiveTo: checked.policy.effectiveTo ?? null,
      payload: checked.policy,
      note: input.note.trim(),
      createdBy: me.userId,
      createdAt: this.clock.now(),
    });
    return this.viewOf(id, input.regionCode);
  }

  async addMinimumWage(me: Principal, input: MinimumWageInput): Promise<PolicyVersionView> {
    const regionName = await this.assertOfficialRegion(me, input.regionCode);
    const checked = checkMinimumWageDraft({ ...input, note: input.wageNote, regionName });
    if (!checked.ok) throw PoliciesException.invalid(checked.problems.map((p) => ({ field: p.field, rule: 'minimumWage', message: p.message })));
    const id = await this.repo.insert({
      kind: 'minimum_wage',
      regionCode: input.regionCode,
      effectiveFrom: checked.wage.effectiveFrom,
      effectiveTo: checked.wage.effectiveTo ?? null,
      payload: checked.wage,
      note: input.note.trim(),
      createdBy: me.userId,
      createdAt: this.clock.now(),
    });
    return this.viewOf(id, input.regionCode);
  }

  private async viewOf(id: string, regionCode: string): Promise<PolicyVersionView> {
    const row = await this.repo.findById(id);
    if (!row) throw new CommonException('NOT_FOUND', '政策版本不存在');
    const today = isoDateInChina(this.clock.now());
    const current =
      row.kind === 'policy' ? await this.inForce(regionCode, today) : await this.minimumWage(regionCode, today).then((w) => (w ? { versionId: w.versionId } : null));
    return { ...row, inForce: current?.versionId === row.id };
  }

  /** The region's name; 400 for an unknown region, 403 for one outside the official's regions. */
  private async assertOfficialRegion(me: Principal, regionCode: string): Promise<string> {
    const region = await this.regions.findByCode(regionCode);
    if (!region) throw PoliciesException.regionUnknown();
    if (!isOfficialFor(me, regionCode)) throw new CommonException('FORBIDDEN', '只能维护本人负责地区的政策数据');
    return region.name;
  }

  private async toPolicy(row: PolicyVersionRow, on: IsoDate, tx?: Tx): Promise<PolicyInForce> {
    const draft = row.payload as unknown as PolicyDraft;
    const wage = await this.minimumWage(row.regionCode, on, tx);
    const policy: RegionalPolicy = {
      ...draft,
      rules: draft.rules as PolicyRule[],
      minimumWage: wage ?? unknownWage(row.regionCode, draft.regionName),
    };
    return { versionId: row.id, policy };
  }
}

function asRef(row: PolicyVersionRow) {
  return {
    row,
    regionCode: row.regionCode,
    effectiveFrom: row.effectiveFrom,
    ...(row.effectiveTo ? { effectiveTo: row.effectiveTo } : {}),
    recordedAt: row.createdAt.toISOString(),
  };
}
