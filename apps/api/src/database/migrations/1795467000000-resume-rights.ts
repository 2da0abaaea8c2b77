import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mothers' resumes with the optimiser's suggestions she accepts or rejects; rights
 * consultations and complaints, routed to a region's officials; and the promise check 30 days
 * after each hire. SQL runs on PostgreSQL 15 and PGlite.
 *
 * promise_checks copies the hire's mother, employer, post and the post's region: fraud rules
 * and employer records read them per employer and per region without joining hires and posts,
 * and none of them ever changes after the hire.
 */
export class ResumeRights1795467000000 implements MigrationInterface {
  name = 'ResumeRights1795467000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resumes (
        mother_id uuid PRIMARY KEY REFERENCES mothers(id) ON DELETE CASCADE,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`
      CREATE TABLE resume_suggestions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mother_id uuid NOT NULL REFERENCES mothers(id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('deepseek','local')),
        note text,
        original jsonb NOT NULL,
        suggested jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','rejected')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CONSTRAINT resume_suggestions_decided CHECK ((status = 'pending') = (decided_at IS NULL))
      )
    `);
    await q.query(`CREATE INDEX resume_suggestions_mother_idx ON resume_suggestions (mother_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE rights_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mother_id uuid NOT NULL REFERENCES mothers(id),
        kind text NOT NULL CHECK (kind IN ('consultation','complaint')),
        category text NOT NULL CHECK (category IN ('wage_arrears','forced_overtime','no_contract','leave_refused','discrimination','other')),
        post_id uuid REFERENCES posts(id),
        employer_id uuid REFERENCES employers(id),
        region_code text NOT NULL REFERENCES regions(code),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 1000),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','resolved')),
        handled_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT rights_cases_resolved CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
      )
    `);
    await q.query(`CREATE INDEX rights_cases_mother_idx ON rights_cases (mother_id, created_at DESC)`);
    // Officials' lists: by region prefix (a city official sees her districts), newest first.
    await q.query(`CREATE INDEX rights_cases_region_idx ON rights_cases (region_code text_pattern_ops, created_at DESC)`);
    await q.query(`CREATE INDEX rights_cases_employer_idx ON rights_cases (employer_id) WHERE employer_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE rights_case_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES rights_cases(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id),
        status text NOT NULL CHECK (status IN ('open','in_progress','resolved')),
        note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`CREATE INDEX rights_case_notes_case_idx ON rights_case_notes (case_id, created_at)`);

    await q.query(`
      CREATE TABLE promise_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hire_id uuid NOT NULL REFERENCES hires(id),
        mother_id uuid NOT NULL REFERENCES mothers(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        post_id uuid NOT NULL REFERENCES posts(id),
        region_code text NOT NULL REFERENCES regions(code),
        due_on date NOT NULL,
        asked_at timestamptz NOT NULL,
        answers jsonb,
        broken boolean,
        comment text CHECK (char_length(comment) <= 500),
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT promise_checks_hire_unique UNIQUE (hire_id),
        CONSTRAINT promise_checks_answered CHECK ((answers IS NULL) = (answered_at IS NULL) AND (answers IS NULL) = (broken IS NULL))
      )
    `);
    await q.query(`CREATE INDEX promise_checks_mother_idx ON promise_checks (mother_id, asked_at DESC)`);
    await q.query(`CREATE INDEX promise_checks_employer_idx ON promise_checks (employer_id) WHERE broken`);
    await q.query(`CREATE INDEX promise_checks_region_idx ON promise_checks (region_code text_pattern_ops) WHERE broken`);
    // The daily sweep looks for hires 30 days past their start with no check yet.
    await q.query(`CREATE INDEX hires_start_date_sweep_idx ON hires (start_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX hires_start_date_sweep_idx');
    await q.query('DROP TABLE promise_checks');
    await q.query('DROP TABLE rights_case_notes');
    await q.query('DROP TABLE rights_cases');
    await q.query('DROP TABLE resume_suggestions');
    await q.query('DROP TABLE resumes');
  }
}
