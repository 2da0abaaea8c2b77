import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fraud flags for officials. A flag is a finding of a rule about a subject (a hire, a pair of
 * posts, an employer), unique per (rule, subject) so a scan run again refreshes the flag it
 * found before instead of adding one. Resolving records the official's outcome and note and
 * changes nothing else: a flag is never a penalty.
 */
export class Fraud1795466300000 implements MigrationInterface {
  name = 'Fraud1795466300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fraud_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule text NOT NULL,
        subject_key text NOT NULL,
        region_code text NOT NULL REFERENCES regions(code),
        explanation text NOT NULL,
        objects jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        outcome text CHECK (outcome IN ('confirmed', 'dismissed')),
        resolution_note text,
        resolved_by uuid REFERENCES users(id),
        resolved_at timestamptz,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        CONSTRAINT fraud_flags_once UNIQUE (rule, subject_key),
        CONSTRAINT fraud_flags_resolution CHECK ((status = 'resolved') = (outcome IS NOT NULL AND resolved_at IS NOT NULL))
      )
    `);
    await q.query(`CREATE INDEX fraud_flags_region_idx ON fraud_flags (region_code text_pattern_ops, status, last_seen_at DESC)`);
    await q.query(`CREATE INDEX fraud_flags_objects_idx ON fraud_flags USING gin (objects jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE fraud_flags');
  }
}
