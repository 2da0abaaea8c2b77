import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Skills training: courses published by a station, an official or an approved employer (its
 * own training), their sessions, mothers' sign-ups and attendance per session.
 *
 * `seats_taken` counts active sign-ups. It only moves in the transaction that adds or cancels
 * a sign-up, through a guarded UPDATE (`seats_taken < seats`), and the CHECK below makes an
 * oversold course impossible even for a statement that forgets the guard.
 */
export class Training1795466100000 implements MigrationInterface {
  name = 'Training1795466100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code text NOT NULL REFERENCES regions(code),
        provider_kind text NOT NULL CHECK (provider_kind IN ('station', 'official', 'employer')),
        station_id uuid REFERENCES stations(id),
        employer_id uuid REFERENCES employers(id),
        provider_name text NOT NULL,
        title text NOT NULL,
        skill text NOT NULL,
        description text NOT NULL DEFAULT '',
        online boolean NOT NULL DEFAULT false,
        address text,
        lat double precision,
        lng double precision,
        has_child_room boolean NOT NULL DEFAULT false,
        seats integer NOT NULL CHECK (seats > 0),
        seats_taken integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
        subsidised boolean NOT NULL DEFAULT false,
        fee numeric(10,2) NOT NULL DEFAULT 0 CHECK (fee >= 0),
        total_minutes integer NOT NULL CHECK (total_minutes > 0),
        first_starts_at timestamptz NOT NULL,
        last_ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
        cancel_reason text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT courses_not_oversold CHECK (seats_taken <= seats),
        CONSTRAINT courses_provider CHECK (
          (provider_kind = 'station') = (station_id IS NOT NULL) AND (provider_kind = 'employer') = (employer_id IS NOT NULL)
        ),
        CONSTRAINT courses_place CHECK (online OR address IS NOT NULL),
        CONSTRAINT courses_location CHECK ((lat IS NULL) = (lng IS NULL)),
        CONSTRAINT courses_period CHECK (last_ends_at > first_starts_at)
      )
    `);
    await q.query(`CREATE INDEX courses_region_upcoming_idx ON courses (region_code text_pattern_ops, last_ends_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX courses_employer_idx ON courses (employer_id) WHERE employer_id IS NOT NULL`);
    await q.query(`CREATE INDEX courses_station_idx ON courses (station_id) WHERE station_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE course_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        seq smallint NOT NULL CHECK (seq >= 1),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CONSTRAINT course_sessions_period CHECK (ends_at > starts_at),
        CONSTRAINT course_sessions_seq_unique UNIQUE (course_id, seq)
      )
    `);

    await q.query(`
      CREATE TABLE course_signups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id),
        mother_id uuid NOT NULL REFERENCES mothers(id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        signed_up_at timestamptz NOT NULL,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_signups_once UNIQUE (course_id, mother_id)
      )
    `);
    await q.query(`CREATE INDEX course_signups_mother_idx ON course_signups (mother_id, signed_up_at DESC)`);

    await q.query(`
      CREATE TABLE course_attendance (
        session_id uuid NOT NULL REFERENCES course_sessions(id) ON DELETE CASCADE,
        mother_id uuid NOT NULL REFERENCES mothers(id),
        course_id uuid NOT NULL REFERENCES courses(id),
        present boolean NOT NULL,
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, mother_id)
      )
    `);
    await q.query(`CREATE INDEX course_attendance_course_mother_idx ON course_attendance (course_id, mother_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE course_attendance');
    await q.query('DROP TABLE course_signups');
    await q.query('DROP TABLE course_sessions');
    await q.query('DROP TABLE courses');
  }
}
