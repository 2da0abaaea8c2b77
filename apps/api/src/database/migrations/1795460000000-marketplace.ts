import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The marketplace: accounts and roles, the employer directory, community stations, mothers,
 * posts, applications, hires and the notification outbox. SQL runs on PostgreSQL 15 and PGlite.
 * Personal data columns come in pairs: `*_cipher` (AES-GCM, see PiiCrypto) and `*_hash`
 * (keyed HMAC, to find a person without decrypting), plus `*_masked` for display.
 */
export class Marketplace1795460000000 implements MigrationInterface {
  name = 'Marketplace1795460000000';

  async up(q: QueryRunner): Promise<void> {
    // users and roles
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        openid text UNIQUE,
        phone_hash text UNIQUE,
        phone_cipher text,
        phone_masked text,
        display_name text NOT NULL DEFAULT '',
        demo_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`
      CREATE TABLE employers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uscc text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('enterprise','individual_business','social_organisation','community','platform','government')),
        region_code text NOT NULL REFERENCES regions(code),
        contact_name text NOT NULL,
        contact_phone_cipher text NOT NULL,
        contact_phone_masked text NOT NULL,
        address text NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        has_mother_baby_room boolean NOT NULL DEFAULT false,
        has_childcare boolean NOT NULL DEFAULT false,
        has_shuttle_bus boolean NOT NULL DEFAULT false,
        is_labour_dispatch boolean NOT NULL DEFAULT false,
        service_officer text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        review_reason text,
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        friendly boolean NOT NULL DEFAULT false,
        friendly_granted_by uuid REFERENCES users(id),
        friendly_granted_at timestamptz,
        filed_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employers_uscc_unique UNIQUE (uscc)
      )
    `);
    await q.query(`
      CREATE INDEX employers_directory_idx ON employers (region_code, kind) WHERE status = 'approved'
    `);
    await q.query(`
      CREATE INDEX employers_status_idx ON employers (status, region_code)
    `);
    await q.query(`
      CREATE TABLE stations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        region_code text NOT NULL REFERENCES regions(code),
        address text NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        opening_hours text NOT NULL DEFAULT '',
        services text[] NOT NULL DEFAULT '{}',
        rights_consultation_hours text,
        has_child_room boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`
      CREATE TABLE user_roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('mother','employer_member','station_worker','official')),
        employer_id uuid REFERENCES employers(id),
        station_id uuid REFERENCES stations(id),
        region_code text REFERENCES regions(code),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_roles_scope CHECK (
          (role = 'mother' AND employer_id IS NULL AND station_id IS NULL)
          OR (role = 'employer_member' AND employer_id IS NOT NULL)
          OR (role = 'station_worker' AND station_id IS NOT NULL AND region_code IS NOT NULL)
          OR (role = 'official' AND region_code IS NOT NULL)
        )
      )
    `);
    await q.query(`
      CREATE UNIQUE INDEX user_roles_unique_idx ON user_roles (user_id, role, COALESCE(employer_id::text, ''), COALESCE(station_id::text, ''), COALESCE(region_code, ''))
    `);
    await q.query(`
      CREATE INDEX user_roles_user_idx ON user_roles (user_id)
    `);
    // mothers: a profile, created by her own sign-in or by a station registration
    await q.query(`
      CREATE TABLE mothers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid UNIQUE REFERENCES users(id),
        name text NOT NULL DEFAULT '',
        phone_hash text,
        phone_cipher text,
        phone_masked text,
        id_hash text,
        id_cipher text,
        id_masked text,
        birth_date date,
        region_code text NOT NULL REFERENCES regions(code),
        home_lat double precision,
        home_lng double precision,
        school_lat double precision,
        school_lng double precision,
        available_windows jsonb NOT NULL DEFAULT '[]',
        desired_hourly numeric(10,2),
        wanted_types text[] NOT NULL DEFAULT '{}',
        wanted_modes text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        training_needs text[] NOT NULL DEFAULT '{}',
        registered_unemployed_since date,
        employment_difficulty boolean NOT NULL DEFAULT false,
        older_in_difficulty boolean NOT NULL DEFAULT false,
        out_of_poverty boolean NOT NULL DEFAULT false,
        station_id uuid REFERENCES stations(id),
        registered_by uuid REFERENCES users(id),
        registered_at timestamptz,
        consent_version text,
        consent_at timestamptz,
        consent_recorded_by uuid REFERENCES users(id),
        hired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mothers_id_hash_unique UNIQUE (id_hash)
      )
    `);
    await q.query(`
      CREATE INDEX mothers_phone_hash_idx ON mothers (phone_hash)
    `);
    await q.query(`
      CREATE INDEX mothers_region_idx ON mothers (region_code)
    `);
    await q.query(`
      CREATE INDEX mothers_station_idx ON mothers (station_id)
    `);
    await q.query(`
      CREATE TABLE children (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mother_id uuid NOT NULL REFERENCES mothers(id) ON DELETE CASCADE,
        birth_year integer NOT NULL CHECK (birth_year BETWEEN 1990 AND 2100),
        birth_month integer NOT NULL CHECK (birth_month BETWEEN 1 AND 12)
      )
    `);
    await q.query(`
      CREATE INDEX children_mother_idx ON children (mother_id)
    `);
    await q.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employers(id),
        region_code text NOT NULL REFERENCES regions(code),
        type text NOT NULL,
        stage text,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        headcount integer NOT NULL CHECK (headcount > 0),
        filled_count integer NOT NULL DEFAULT 0 CHECK (filled_count >= 0),
        pay_basis text NOT NULL,
        pay_min numeric(10,2) NOT NULL,
        pay_max numeric(10,2) NOT NULL,
        units_per_hour numeric(10,2),
        hours_per_task numeric(10,2),
        hourly_min numeric(10,2) NOT NULL,
        hourly_max numeric(10,2) NOT NULL,
        flexible_hours boolean NOT NULL DEFAULT false,
        windows jsonb NOT NULL DEFAULT '[]',
        hours_per_week numeric(6,2) NOT NULL,
        modes text[] NOT NULL DEFAULT '{}',
        remote boolean NOT NULL DEFAULT false,
        take_home boolean NOT NULL DEFAULT false,
        lat double precision,
        lng double precision,
        address text,
        insurance text NOT NULL,
        contract_form text NOT NULL,
        skills text[] NOT NULL DEFAULT '{}',
        has_mother_baby_room boolean NOT NULL DEFAULT false,
        has_shuttle_bus boolean NOT NULL DEFAULT false,
        child_may_come boolean NOT NULL DEFAULT false,
        valid_until timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','filled','expired','taken_down')),
        takedown_reason text,
        taken_down_by uuid REFERENCES users(id),
        closed_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT posts_pay_range CHECK (pay_min > 0 AND pay_max >= pay_min),
        CONSTRAINT posts_place CHECK ((lat IS NULL) = (lng IS NULL)),
        CONSTRAINT posts_filled_le_headcount CHECK (filled_count <= headcount)
      )
    `);
    await q.query(`
      CREATE INDEX posts_employer_idx ON posts (employer_id, created_at DESC)
    `);
    await q.query(`
      CREATE INDEX posts_open_valid_until_idx ON posts (valid_until) WHERE status = 'open'
    `);
    await q.query(`
      CREATE INDEX posts_region_status_idx ON posts (region_code, status)
    `);
    // Nearest open posts: KNN over the earth point (ORDER BY ... <-> ... LIMIT n uses it).
    await q.query(`CREATE INDEX posts_open_geo_idx ON posts USING gist (ll_to_earth(lat, lng)) WHERE status = 'open' AND lat IS NOT NULL`);
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts(id),
        mother_id uuid NOT NULL REFERENCES mothers(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','accepted','rejected','withdrawn','hired')),
        reject_reason text,
        idempotency_key text,
        source text NOT NULL DEFAULT 'search',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CONSTRAINT applications_once_per_post UNIQUE (post_id, mother_id)
      )
    `);
    await q.query(`
      CREATE UNIQUE INDEX applications_idempotency_idx ON applications (mother_id, idempotency_key) WHERE idempotency_key IS NOT NULL
    `);
    await q.query(`
      CREATE INDEX applications_employer_idx ON applications (employer_id, status, created_at DESC)
    `);
    await q.query(`
      CREATE INDEX applications_mother_idx ON applications (mother_id, created_at DESC)
    `);
    await q.query(`
      CREATE TABLE hires (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        post_id uuid NOT NULL REFERENCES posts(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        mother_id uuid NOT NULL REFERENCES mothers(id),
        start_date date NOT NULL,
        contract_form text NOT NULL,
        contract_months integer NOT NULL CHECK (contract_months >= 0 AND contract_months <= 120),
        social_insurance boolean NOT NULL,
        reported_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hires_application_unique UNIQUE (application_id)
      )
    `);
    await q.query(`
      CREATE INDEX hires_employer_idx ON hires (employer_id, created_at DESC)
    `);
    await q.query(`
      CREATE INDEX hires_mother_idx ON hires (mother_id)
    `);
    // outbox: every notification is a row first; a sender (WeChat subscribe message when configured) drains it
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('user','mother','employer')),
        recipient_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        dedupe_key text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','skipped')),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT notifications_dedupe_unique UNIQUE (dedupe_key)
      )
    `);
    await q.query(`
      CREATE INDEX notifications_recipient_idx ON notifications (recipient_kind, recipient_id, created_at DESC)
    `);
    await q.query(`
      CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status = 'pending'
    `);
    // sign-in codes for the manual (H5) phone binding path
    await q.query(`
      CREATE TABLE phone_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        phone_hash text NOT NULL,
        code_hash text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`
      CREATE INDEX phone_codes_user_idx ON phone_codes (user_id, created_at DESC)
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE phone_codes');
    await q.query('DROP TABLE notifications');
    await q.query('DROP TABLE hires');
    await q.query('DROP TABLE applications');
    await q.query('DROP TABLE posts');
    await q.query('DROP TABLE children');
    await q.query('DROP TABLE mothers');
    await q.query('DROP TABLE user_roles');
    await q.query('DROP TABLE stations');
    await q.query('DROP TABLE employers');
    await q.query('DROP TABLE users');
  }
}
