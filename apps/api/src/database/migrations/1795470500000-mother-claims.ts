import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mother claims her own 灵活就业人员社会保险补贴 (service agreement, flexible-employment
 * registration, social insurance she pays herself). The platform keeps no flexible-employment
 * register, so the claim stores what she declared: the registration date here, the months of
 * self-paid insurance in `social_insurance_months`. Her claim names the hire (and so its
 * employer) like any other, and falls under the same "one per mother per period" constraint.
 */
export class MotherClaims1795470500000 implements MigrationInterface {
  name = 'MotherClaims1795470500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subsidy_claims DROP CONSTRAINT subsidy_claims_subsidy_code_check`);
    await q.query(`
      ALTER TABLE subsidy_claims ADD CONSTRAINT subsidy_claims_subsidy_code_check CHECK (subsidy_code IN (
        'employer_social_insurance_flat', 'employer_post_subsidy', 'employer_social_insurance_full',
        'domestic_accident_insurance', 'employer_training', 'mother_flexible_social_insurance'))
    `);
    await q.query(`ALTER TABLE subsidy_claims DROP CONSTRAINT subsidy_claims_source_check`);
    await q.query(`ALTER TABLE subsidy_claims ADD CONSTRAINT subsidy_claims_source_check CHECK (source IN ('employer', 'auto', 'mother'))`);
    await q.query(`ALTER TABLE subsidy_claims ADD COLUMN flexible_employment_registered_on date`);
    await q.query(`
      ALTER TABLE subsidy_claims ADD CONSTRAINT subsidy_claims_mother_declared CHECK (
        source <> 'mother' OR (flexible_employment_registered_on IS NOT NULL AND social_insurance_months IS NOT NULL))
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM claim_decisions WHERE claim_id IN (SELECT id FROM subsidy_claims WHERE source = 'mother')`);
    await q.query(`DELETE FROM subsidy_claims WHERE source = 'mother'`);
    await q.query(`ALTER TABLE subsidy_claims DROP CONSTRAINT subsidy_claims_mother_declared`);
    await q.query(`ALTER TABLE subsidy_claims DROP COLUMN flexible_employment_registered_on`);
    await q.query(`ALTER TABLE subsidy_claims DROP CONSTRAINT subsidy_claims_source_check`);
    await q.query(`ALTER TABLE subsidy_claims ADD CONSTRAINT subsidy_claims_source_check CHECK (source IN ('employer', 'auto'))`);
    await q.query(`ALTER TABLE subsidy_claims DROP CONSTRAINT subsidy_claims_subsidy_code_check`);
    await q.query(`
      ALTER TABLE subsidy_claims ADD CONSTRAINT subsidy_claims_subsidy_code_check CHECK (subsidy_code IN (
        'employer_social_insurance_flat', 'employer_post_subsidy', 'employer_social_insurance_full',
        'domestic_accident_insurance', 'employer_training'))
    `);
  }
}
