import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subsidy claims for reported hires, filed by the employer or proposed by the system (免申即享),
 * the log of every step taken on them, and the end of an employment as the employer reports it.
 *
 * - A claim records the policy version it was checked and decided under, and the check itself
 *   (`check_result`), so a later change of the policy data never rewrites a decision.
 * - One subsidy of a family per mother per period, whichever employer claims it: the exclusion
 *   constraint refuses an overlapping second claim even when two are filed at the same moment.
 *   Training claims are capped per person instead and are left out of it.
 * - `claim_decisions` is append-only.
 * - `hire_endings` belongs here rather than on `hires`: claims and fraud checks are the ones
 *   that need to know when an employment ended.
 */
export class Claims1795466200000 implements MigrationInterface {
  name = 'Claims1795466200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hire_endings (
        hire_id uuid PRIMARY KEY REFERENCES hires(id),
        ended_on date NOT NULL,
        reason text NOT NULL,
        reported_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);

    await q.query(`
      CREATE TABLE subsidy_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hire_id uuid NOT NULL REFERENCES hires(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        mother_id uuid NOT NULL REFERENCES mothers(id),
        region_code text NOT NULL REFERENCES regions(code),
        subsidy_code text NOT NULL CHECK (subsidy_code IN (
          'employer_social_insurance_flat', 'employer_post_subsidy', 'employer_social_insurance_full',
          'domestic_accident_insurance', 'employer_training')),
        subsidy_family text NOT NULL CHECK (subsidy_family IN ('social_insurance', 'post', 'accident_insurance', 'training')),
        source text NOT NULL CHECK (source IN ('employer', 'auto')),
        status text NOT NULL CHECK (status IN ('proposed', 'submitted', 'approved', 'rejected')),
        period_from date NOT NULL,
        period_to date NOT NULL,
        months integer CHECK (months >= 0),
        class_hours integer CHECK (class_hours >= 0),
        course_id uuid REFERENCES courses(id),
        social_insurance_months integer CHECK (social_insurance_months >= 0),
        employer_contribution_per_month numeric(10,2),
        accident_premium_per_year numeric(10,2),
        amount numeric(12,2) NOT NULL CHECK (amount >= 0),
        basis text NOT NULL,
        policy_version_id uuid NOT NULL REFERENCES policy_versions(id),
        check_result jsonb NOT NULL,
        decision_reason text,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT subsidy_claims_period CHECK (period_to >= period_from),
        CONSTRAINT subsidy_claims_decided CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL))
      )
    `);
    // One live claim per hire and subsidy; a rejected claim may be filed again.
    await q.query(`
      CREATE UNIQUE INDEX subsidy_claims_live_once_idx ON subsidy_claims (hire_id, subsidy_code)
        WHERE status IN ('proposed', 'submitted', 'approved')
    `);
    await q.query(`
      ALTER TABLE subsidy_claims ADD CONSTRAINT subsidy_claims_one_per_period
        EXCLUDE USING gist (mother_id WITH =, subsidy_family WITH =, daterange(period_from, period_to, '[]') WITH &&)
        WHERE (status IN ('proposed', 'submitted', 'approved') AND subsidy_family <> 'training')
    `);
    await q.query(`CREATE INDEX subsidy_claims_employer_idx ON subsidy_claims (employer_id, created_at DESC)`);
    await q.query(`CREATE INDEX subsidy_claims_region_status_idx ON subsidy_claims (region_code text_pattern_ops, status, created_at DESC)`);
    await q.query(`CREATE INDEX subsidy_claims_mother_idx ON subsidy_claims (mother_id)`);

    await q.query(`
      CREATE TABLE claim_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Orders the log even when two steps share an instant.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        claim_id uuid NOT NULL REFERENCES subsidy_claims(id),
        action text NOT NULL CHECK (action IN ('proposed', 'submitted', 'approved', 'rejected')),
        actor_id uuid REFERENCES users(id),
        reason text,
        amount numeric(12,2),
        policy_version_id uuid REFERENCES policy_versions(id),
        check_result jsonb,
        created_at timestamptz NOT NULL
      )
    `);
    await q.query(`CREATE INDEX claim_decisions_claim_idx ON claim_decisions (claim_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE claim_decisions');
    await q.query('DROP TABLE subsidy_claims');
    await q.query('DROP TABLE hire_endings');
  }
}
