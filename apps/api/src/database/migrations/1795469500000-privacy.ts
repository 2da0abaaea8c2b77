import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy under the PIPL (个人信息保护法), see docs/PRIVACY.md:
 * - `personal_data_access_log`: every time an official or a station worker reads a specific
 *   mother's personal data, who (user and role), whose (the mothers' ids), which endpoint and
 *   when. One row per view; a list view names all the mothers on the page. `region_code` is the
 *   region whose data was read (the mother's, or the station's/official's scope of a list), so an
 *   official lists the log of her region with a prefix match.
 * - `users.deleted_at`, `mothers.deleted_at`: an account she closed. The user row stays as an
 *   empty tombstone (records written by her point to it); the mother row stays only when a law
 *   requires records that point to it (hires, decided subsidy claims, 12333 service records),
 *   with every personal field cleared.
 * - `consents.via`: whether a station worker recorded her consent at the desk or she gave it
 *   herself in the mini-program (PUT /mothers/me).
 */
export class Privacy1795469500000 implements MigrationInterface {
  name = 'Privacy1795469500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_access_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        viewer_user_id uuid NOT NULL REFERENCES users(id),
        viewer_role text NOT NULL CHECK (viewer_role IN ('official', 'station_worker', 'employer_member')),
        subject_mother_ids uuid[] NOT NULL CHECK (cardinality(subject_mother_ids) >= 1),
        action text NOT NULL,
        route text NOT NULL,
        -- No foreign key: a list's scope may be a code a filter named; the log must never fail a read on it.
        region_code text,
        at timestamptz NOT NULL
      )
    `);
    await q.query(`CREATE INDEX personal_data_access_log_subjects_idx ON personal_data_access_log USING gin (subject_mother_ids)`);
    await q.query(`CREATE INDEX personal_data_access_log_region_idx ON personal_data_access_log (region_code text_pattern_ops, at DESC)`);
    await q.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);
    await q.query(`ALTER TABLE mothers ADD COLUMN deleted_at timestamptz`);
    await q.query(`ALTER TABLE consents ADD COLUMN via text NOT NULL DEFAULT 'station' CHECK (via IN ('station', 'self'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consents DROP COLUMN via`);
    await q.query(`ALTER TABLE mothers DROP COLUMN deleted_at`);
    await q.query(`ALTER TABLE users DROP COLUMN deleted_at`);
    await q.query(`DROP TABLE personal_data_access_log`);
  }
}
