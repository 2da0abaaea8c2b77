import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NEEDS_SURVEY_V1, questionCount } from '../../modules/stations/survey/needs-survey.v1';

/**
 * Community stations' registration desk and the "12333" follow-up: consents, the needs survey
 * (versioned), follow-up plans with their 11 items and the services logged against them, and
 * a job queue on the same database (reminders). SQL runs on PostgreSQL 15 and PGlite.
 *
 * Items carry copies of the plan's station, region and worker: the worklists filter 2 million
 * rows by those and by due date, and a join per query would cost more than the copies. A
 * plan's station and region never change after registration.
 */
export class Followup1795464000000 implements MigrationInterface {
  name = 'Followup1795464000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX stations_region_idx ON stations (region_code)`);

    // The separate consent to processing sensitive personal data (个人信息保护法 art. 29):
    // every consent ever given, which notice, when, and who recorded it. The latest is also
    // on mothers (consent_version, consent_at, consent_recorded_by).
    await q.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mother_id uuid NOT NULL REFERENCES mothers(id) ON DELETE CASCADE,
        purpose text NOT NULL DEFAULT 'sensitive_personal_data',
        notice_version text NOT NULL,
        given_at timestamptz NOT NULL,
        recorded_by uuid REFERENCES users(id),
        station_id uuid REFERENCES stations(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`CREATE INDEX consents_mother_idx ON consents (mother_id, given_at DESC)`);

    await q.query(`
      CREATE TABLE survey_versions (
        version text PRIMARY KEY,
        title text NOT NULL,
        definition jsonb NOT NULL,
        question_count integer NOT NULL,
        active boolean NOT NULL DEFAULT false,
        published_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    // At most one version is the one workers fill in.
    await q.query(`CREATE UNIQUE INDEX survey_versions_one_active_idx ON survey_versions ((true)) WHERE active`);
    await q.query(`INSERT INTO survey_versions (version, title, definition, question_count, active) VALUES ($1, $2, $3, $4, true)`, [
      NEEDS_SURVEY_V1.version,
      NEEDS_SURVEY_V1.title,
      JSON.stringify(NEEDS_SURVEY_V1),
      questionCount(NEEDS_SURVEY_V1),
    ]);
    await q.query(`
      CREATE TABLE survey_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mother_id uuid NOT NULL REFERENCES mothers(id) ON DELETE CASCADE,
        version text NOT NULL REFERENCES survey_versions(version),
        answers jsonb NOT NULL,
        -- The training needs named in the answers, whatever the question's id in its version:
        -- the region's figures count these.
        training_needs text[] NOT NULL DEFAULT '{}',
        region_code text NOT NULL REFERENCES regions(code),
        station_id uuid REFERENCES stations(id),
        recorded_by uuid REFERENCES users(id),
        answered_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`CREATE INDEX survey_answers_mother_idx ON survey_answers (mother_id, answered_at DESC)`);
    await q.query(`CREATE INDEX survey_answers_region_idx ON survey_answers (region_code text_pattern_ops)`);

    await q.query(`
      CREATE TABLE follow_up_plans (
        mother_id uuid PRIMARY KEY REFERENCES mothers(id) ON DELETE CASCADE,
        station_id uuid NOT NULL REFERENCES stations(id),
        region_code text NOT NULL REFERENCES regions(code),
        worker_id uuid REFERENCES users(id),
        registered_on date NOT NULL,
        deadline date NOT NULL,
        hired_on date,
        hire_source text CHECK (hire_source IN ('reported', 'elsewhere')),
        hire_id uuid REFERENCES hires(id),
        hire_employer_name text,
        days_to_employment integer CHECK (days_to_employment >= 0),
        continue_recommendations boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_up_plans_hire CHECK ((hired_on IS NULL) = (hire_source IS NULL))
      )
    `);
    await q.query(`CREATE INDEX follow_up_plans_station_idx ON follow_up_plans (station_id, registered_on)`);

    // Status is derived on a given day (see planStatus in @mamagang/domain): done when served_on
    // is set, stopped from stopped_on, otherwise due, overdue or upcoming by due_on.
    await q.query(`
      CREATE TABLE follow_up_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mother_id uuid NOT NULL REFERENCES follow_up_plans(mother_id) ON DELETE CASCADE,
        station_id uuid NOT NULL REFERENCES stations(id),
        -- Her district (a region scope lists the districts it covers: one index range each).
        region_code text NOT NULL REFERENCES regions(code),
        worker_id uuid REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('policy_consultation','career_guidance','job_recommendation','training_notice')),
        seq smallint NOT NULL CHECK (seq BETWEEN 1 AND 3),
        due_on date NOT NULL,
        served_on date,
        stopped_on date,
        CONSTRAINT follow_up_items_unique UNIQUE (mother_id, kind, seq)
      )
    `);
    // Open items carry stopped_on in the index, so the worklists' counts are index-only scans.
    await q.query(`CREATE INDEX follow_up_items_station_open_idx ON follow_up_items (station_id, due_on) INCLUDE (stopped_on) WHERE served_on IS NULL`);
    await q.query(`CREATE INDEX follow_up_items_region_open_idx ON follow_up_items (region_code, due_on) INCLUDE (stopped_on) WHERE served_on IS NULL`);
    await q.query(`CREATE INDEX follow_up_items_worker_open_idx ON follow_up_items (worker_id, due_on) INCLUDE (stopped_on) WHERE served_on IS NULL`);
    await q.query(`CREATE INDEX follow_up_items_station_done_idx ON follow_up_items (station_id, served_on) WHERE served_on IS NOT NULL`);
    await q.query(`CREATE INDEX follow_up_items_region_done_idx ON follow_up_items (region_code, served_on) WHERE served_on IS NOT NULL`);
    await q.query(`CREATE INDEX follow_up_items_worker_done_idx ON follow_up_items (worker_id, served_on) WHERE served_on IS NOT NULL`);
    // The reminder sweep: open items coming due, across all stations.
    await q.query(`CREATE INDEX follow_up_items_open_due_idx ON follow_up_items (due_on) WHERE served_on IS NULL`);

    await q.query(`
      CREATE TABLE follow_up_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mother_id uuid NOT NULL REFERENCES follow_up_plans(mother_id) ON DELETE CASCADE,
        item_id uuid REFERENCES follow_up_items(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('policy_consultation','career_guidance','job_recommendation','training_notice')),
        served_at timestamptz NOT NULL,
        served_on date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('in_person','phone','wechat')),
        content text NOT NULL,
        outcome text NOT NULL DEFAULT '',
        post_ids jsonb NOT NULL DEFAULT '[]',
        details jsonb NOT NULL DEFAULT '{}',
        station_id uuid NOT NULL REFERENCES stations(id),
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`CREATE INDEX follow_up_services_mother_idx ON follow_up_services (mother_id, kind, served_at)`);
    await q.query(`CREATE INDEX follow_up_services_station_idx ON follow_up_services (station_id, served_at)`);
    // Deleting an item sets its services' item_id to NULL: without this, one scan of all services per item.
    await q.query(`CREATE INDEX follow_up_services_item_idx ON follow_up_services (item_id)`);

    // The job queue. A job runs at least once; dedupe_key makes enqueueing idempotent (one
    // reminder per item and due date) and handlers make their effect idempotent (the outbox's
    // own dedupe_key, written in the transaction that marks the job done).
    await q.query(`
      CREATE TABLE jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        dedupe_key text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        run_at timestamptz NOT NULL,
        locked_until timestamptz,
        locked_by text,
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
        last_error text,
        done_at timestamptz,
        failed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT jobs_dedupe_unique UNIQUE (dedupe_key)
      )
    `);
    await q.query(`CREATE INDEX jobs_ready_idx ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE jobs');
    await q.query('DROP TABLE follow_up_services');
    await q.query('DROP TABLE follow_up_items');
    await q.query('DROP TABLE follow_up_plans');
    await q.query('DROP TABLE survey_answers');
    await q.query('DROP TABLE survey_versions');
    await q.query('DROP TABLE consents');
    await q.query('DROP INDEX stations_region_idx');
  }
}
