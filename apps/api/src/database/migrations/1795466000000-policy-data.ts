import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REGIONAL_POLICIES, MINIMUM_WAGES } from '@mamagang/domain';

/**
 * Regional policy data as versions: each row is a region's policy (kind `policy`) or minimum
 * wage (kind `minimum_wage`) from a date. Rows are never updated: a change is a new row, so a
 * claim decided under a version keeps pointing at exactly what it was decided under.
 *
 * Seeded from the domain's documented figures (Zhongshan 2022, Weihai 2025). Zhongshan's region
 * rows are added so its data has somewhere to belong (no district: 中山 is a city without districts).
 */
export class PolicyData1795466000000 implements MigrationInterface {
  name = 'PolicyData1795466000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO regions (code, name, level, parent_code, center_lat, center_lng) VALUES
        ('440000', '广东省', 'province', NULL, 23.1317, 113.2663),
        ('442000', '中山市', 'city', '440000', 22.5176, 113.3926)
      ON CONFLICT (code) DO NOTHING
    `);
    await q.query(`
      CREATE TABLE policy_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('policy', 'minimum_wage')),
        region_code text NOT NULL REFERENCES regions(code),
        effective_from date NOT NULL,
        effective_to date,
        payload jsonb NOT NULL,
        note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_versions_period CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )
    `);
    await q.query(`CREATE INDEX policy_versions_lookup_idx ON policy_versions (kind, region_code, effective_from DESC, created_at DESC)`);

    for (const policy of REGIONAL_POLICIES) {
      // The minimum wage is versioned on its own: a policy row holds the policy only.
      const { minimumWage: _minimumWage, ...rest } = policy;
      await q.query(
        `INSERT INTO policy_versions (kind, region_code, effective_from, effective_to, payload, note, created_at)
         VALUES ('policy', $1, $2, $3, $4, '初始数据：按政策原文录入', $5)`,
        [policy.regionCode, policy.effectiveFrom, policy.effectiveTo ?? null, JSON.stringify(rest), `${policy.issuedOn}T00:00:00+08:00`],
      );
    }
    for (const wage of MINIMUM_WAGES) {
      await q.query(
        `INSERT INTO policy_versions (kind, region_code, effective_from, effective_to, payload, note, created_at)
         VALUES ('minimum_wage', $1, $2, $3, $4, '初始数据', $5)`,
        [wage.regionCode, wage.effectiveFrom, wage.effectiveTo ?? null, JSON.stringify(wage), `${wage.effectiveFrom}T00:00:00+08:00`],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE policy_versions');
    // The Zhongshan and Guangdong region rows stay: people and employers may point at them by now.
  }
}
