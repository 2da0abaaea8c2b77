import { WEIHAI_2025, WEIHAI_MINIMUM_WAGE } from '@mamagang/domain';
import { FixedClock } from '../../common/clock/clock';
import type { RegionsRepository } from '../regions/regions.repository';
import type { Principal } from '../users/principal';
import type { NewPolicyVersion, PolicyDataRepository, PolicyVersionRow } from './policy-data.repository';
import { PolicyDataService } from './policy-data.service';

/** An in-memory policy_versions table: inserts only, as the real one. */
class FakeVersions {
  rows: PolicyVersionRow[] = [];

  add(v: Partial<PolicyVersionRow> & Pick<PolicyVersionRow, 'kind' | 'regionCode' | 'effectiveFrom' | 'payload'>): PolicyVersionRow {
    const row: PolicyVersionRow = { id: `v${this.rows.length + 1}`, effectiveTo: null, note: '', createdBy: null, createdByName: null, createdAt: new Date('2025-01-01T00:00:00Z'), ...v };
    this.rows.push(row);
    return row;
  }

  asRepository(): PolicyDataRepository {
    return {
      listForAreas: async (areas: readonly string[], kind?: string) => this.rows.filter((r) => areas.includes(r.regionCode) && (!kind || r.kind === kind)),
      findById: async (id: string) => this.rows.find((r) => r.id === id) ?? null,
      insert: async (v: NewPolicyVersion) =>
        this.add({ kind: v.kind, regionCode: v.regionCode, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, payload: v.payload as Record<string, unknown>, note: v.note, createdBy: v.createdBy, createdAt: v.createdAt }).id,
    } as unknown as PolicyDataRepository;
  }
}

const regions = {
  findByCode: async (code: string) => (['371000', '371002'].includes(code) ? { code, name: code === '371000' ? '威海市' : '环翠区' } : null),
} as unknown as RegionsRepository;

const official = (regionCode: string): Principal => ({ userId: 'u1', displayName: '官员', motherId: null, grants: [{ role: 'official', regionCode, employerId: null, stationId: null }] });

describe('PolicyDataService', () => {
  const { minimumWage: _wage, ...weihai } = WEIHAI_2025;

  function setup() {
    const table = new FakeVersions();
    const seeded = table.add({ kind: 'policy', regionCode: '371000', effectiveFrom: '2025-04-21', payload: weihai as unknown as Record<string, unknown> });
    table.add({ kind: 'minimum_wage', regionCode: '371000', effectiveFrom: '2025-04-21', payload: WEIHAI_MINIMUM_WAGE as unknown as Record<string, unknown> });
    const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
    return { table, seeded, clock, service: new PolicyDataService(table.asRepository(), regions, clock) };
  }

  it('gives a district its city’s policy, with the minimum wage in force on the day attached', async () => {
    const { service, seeded } = setup();
    const p = await service.inForce('371002', '2026-01-01');
    expect(p?.versionId).toBe(seeded.id);
    expect(p?.policy.source).toBe('威人社字〔2025〕6号');
    expect(p?.policy.minimumWage.monthly).toBe(2200);
    expect(await service.inForce('371002', '2025-04-20')).toBeNull();
  });

  it('records a change as a new version from its date; the old one still answers for earlier days and by id', async () => {
    const { service, seeded, table } = setup();
    const raised = { ...weihai, rules: [{ code: 'employer_training', label: '培训补贴', clause: '第一条', perClassHour: 25, capPerPerson: 600 }] };
    const view = await service.addPolicy(official('371000'), { ...raised, regionCode: '371000', effectiveFrom: '2027-01-01', note: '新增培训补贴' });
    expect(view).toMatchObject({ kind: 'policy', effectiveFrom: '2027-01-01', inForce: false, createdBy: 'u1' });
    expect(table.rows).toHaveLength(3);
    expect((await service.inForce('371002', '2026-12-31'))?.versionId).toBe(seeded.id);
    expect((await service.inForce('371002', '2027-01-01'))?.policy.rules).toEqual([
      { code: 'employer_training', label: '培训补贴', clause: '第一条', beneficiary: 'employer', perClassHour: 25, capPerPerson: 600 },
    ]);
    expect((await service.policyOfVersion(seeded.id))?.policy.rules).toHaveLength(WEIHAI_2025.rules.length);
  });

  it('refuses an official outside the region (403) and an unknown region (400), writing nothing', async () => {
    const { service, table } = setup();
    const input = { ...weihai, regionCode: '371002', effectiveFrom: '2027-01-01', note: '调整' } as never;
    await expect(service.addPolicy(official('442000'), input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.addPolicy(official('371000'), { ...(input as object), regionCode: '379999' } as never)).rejects.toMatchObject({ code: 'POLICY_REGION_UNKNOWN' });
    expect(table.rows).toHaveLength(2);
  });
});
