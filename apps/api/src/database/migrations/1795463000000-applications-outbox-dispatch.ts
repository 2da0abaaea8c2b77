import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications: count how often a mother (re)submitted the same application, so each
 * submission and each decision after it gets its own notification (dedupe keys carry it).
 * Outbox: a lease (`claimed_until`) lets several dispatchers drain `notifications` without
 * sending a row twice and without holding a transaction open while WeChat answers;
 * `last_error` keeps why a send failed (never a phone or an openid).
 */
export class ApplicationsOutboxDispatch1795463000000 implements MigrationInterface {
  name = 'ApplicationsOutboxDispatch1795463000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN submissions integer NOT NULL DEFAULT 1 CHECK (submissions >= 1)`);
    await q.query(`CREATE INDEX applications_post_idx ON applications (post_id, status)`);
    await q.query(`CREATE INDEX hires_post_idx ON hires (post_id)`);
    await q.query(`ALTER TABLE notifications ADD COLUMN claimed_until timestamptz`);
    await q.query(`ALTER TABLE notifications ADD COLUMN last_error text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN last_error`);
    await q.query(`ALTER TABLE notifications DROP COLUMN claimed_until`);
    await q.query(`DROP INDEX hires_post_idx`);
    await q.query(`DROP INDEX applications_post_idx`);
    await q.query(`ALTER TABLE applications DROP COLUMN submissions`);
  }
}
