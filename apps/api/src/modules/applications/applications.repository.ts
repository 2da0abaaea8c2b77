import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationStatus, ContractForm, WeeklyWindow } from '@mamagang/domain';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { ApplicationEntity } from './application.entity';
import { HireEntity } from './hire.entity';

/** The post as applying and hiring need it, read (and locked) inside their transaction. */
export interface PostForApplication {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  status: string;
  headcount: number;
  filledCount: number;
  validUntil: Date;
}

export interface NewApplication {
  postId: string;
  motherId: string;
  employerId: string;
  idempotencyKey: string | null;
  source: string;
  /** The fair or livestream she applied from (source 'fair' / 'livestream'). */
  fairId?: string | null;
  livestreamId?: string | null;
  now: Date;
}

export interface StatusChange {
  now: Date;
  /** decided_at: `now` for an employer's decision or the hire, `clear` for a reopening, else kept. */
  decidedAt: 'now' | 'clear' | 'keep';
  /** Stored with a rejection only. */
  rejectReason?: string | null;
  /** A reopening after withdrawal: one more submission. */
  newSubmission?: boolean;
}

/** One applicant as the employer's list shows her, before masking. */
export interface ApplicantRow {
  application: ApplicationEntity;
  postTitle: string;
  postFlexible: boolean;
  postWindows: WeeklyWindow[];
  motherName: string;
  motherWindows: WeeklyWindow[];
  motherSkills: string[];
  phoneCipher: string | null;
  phoneMasked: string | null;
  children: { birthYear: number; birthMonth: number }[];
}

export interface MyApplicationRow {
  application: ApplicationEntity;
  post: {
    id: string;
    title: string;
    type: string;
    status: string;
    headcount: number;
    filledCount: number;
    /** Null for a post of her own business (pay basis own_income): no hourly equivalent. */
    hourlyMin: number | null;
    hourlyMax: number | null;
    employerName: string;
  };
}

export interface HireRow {
  hire: HireEntity;
  postTitle: string;
  motherName: string;
}

type Row = Record<string, unknown>;

const APPLICATION_COLUMNS = `a.id, a.post_id, a.mother_id, a.employer_id, a.status, a.reject_reason, a.idempotency_key, a.source,
  a.submissions, a.created_at, a.updated_at, a.decided_at`;

/**
 * The only code that reads and writes `applications` and `hires`. It also reads posts,
 * mothers, children and employers, and makes the few writes a hire implies on posts and
 * mothers, in plain SQL, so that this feature does not depend on those features' entities.
 */
@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Reads a post and locks its row until the transaction ends: `share` for applying (applies
   * run side by side, but not while a hire changes the post), `update` for hiring (hires on
   * one post take turns, so they can never exceed its headcount).
   */
  async lockPost(postId: string, mode: 'share' | 'update', tx: Tx): Promise<PostForApplication | null> {
    const rows: Row[] = await tx.query(
      `SELECT p.id, p.employer_id, p.title, p.status, p.headcount, p.filled_count, p.valid_until, e.name AS employer_name
         FROM posts p JOIN employers e ON e.id = p.employer_id
        WHERE p.id = $1
          FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'} OF p`,
      [postId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      employerId: r.employer_id as string,
      employerName: r.employer_name as string,
      title: r.title as string,
      status: r.status as string,
      headcount: Number(r.headcount),
      filledCount: Number(r.filled_count),
      validUntil: new Date(r.valid_until as string),
    };
  }

  async findById(id: string, tx?: Tx): Promise<ApplicationEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${APPLICATION_COLUMNS} FROM applications a WHERE a.id = $1`, [id]);
    return rows[0] ? toApplication(rows[0]) : null;
  }

  /** Locks the application row: status changes on one application take turns. */
  async lockById(id: string, tx: Tx): Promise<ApplicationEntity | null> {
    const rows: Row[] = await tx.query(`SELECT ${APPLICATION_COLUMNS} FROM applications a WHERE a.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toApplication(rows[0]) : null;
  }

  async findByPostAndMother(postId: string, motherId: string, tx: Tx): Promise<ApplicationEntity | null> {
    const rows: Row[] = await tx.query(`SELECT ${APPLICATION_COLUMNS} FROM applications a WHERE a.post_id = $1 AND a.mother_id = $2`, [postId, motherId]);
    return rows[0] ? toApplication(rows[0]) : null;
  }

  /**
   * Inserts unless the mother already applied to the post or already used the key: then
   * nothing is written and null comes back. A concurrent duplicate waits here for the first
   * insert to commit (or roll back), so the database, not a read-then-write, keeps it to one row.
   */
  async insertIfAbsent(a: NewApplication, tx: Tx): Promise<ApplicationEntity | null> {
    const rows: Row[] = await tx.query(
      `INSERT INTO applications AS a (post_id, mother_id, employer_id, idempotency_key, source, fair_id, livestream_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $7, $8, $6, $6)
       ON CONFLICT DO NOTHING
       RETURNING ${APPLICATION_COLUMNS}`,
      [a.postId, a.motherId, a.employerId, a.idempotencyKey, a.source, a.now, a.fairId ?? null, a.livestreamId ?? null],
    );
    return rows[0] ? toApplication(rows[0]) : null;
  }

  /**
   * Moves the application to `to` only if it is still in one of `from`; null when it was not
   * (someone else changed it first).
   */
  async setStatus(id: string, from: readonly ApplicationStatus[], to: ApplicationStatus, change: StatusChange, tx: Tx): Promise<ApplicationEntity | null> {
    const rows: Row[] = await tx.query(
      // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
      `WITH changed AS (
         UPDATE applications AS a
            SET status = $3::text,
                updated_at = $4::timestamptz,
                decided_at = CASE $5::text WHEN 'now' THEN $4::timestamptz WHEN 'clear' THEN NULL ELSE a.decided_at END,
                reject_reason = CASE WHEN $3::text = 'rejected' THEN $6::text ELSE a.reject_reason END,
                submissions = a.submissions + CASE WHEN $7::boolean THEN 1 ELSE 0 END
          WHERE a.id = $1 AND a.status = ANY($2::text[])
          RETURNING ${APPLICATION_COLUMNS})
       SELECT * FROM changed`,
      [id, [...from], to, change.now, change.decidedAt, change.rejectReason ?? null, change.newSubmission ?? false],
    );
    return rows[0] ? toApplication(rows[0]) : null;
  }

  async insertHire(
    h: { application: ApplicationEntity; startDate: string; contractForm: ContractForm; contractMonths: number; socialInsurance: boolean; reportedBy: string; now: Date },
    tx: Tx,
  ): Promise<HireEntity> {
    const rows: Row[] = await tx.query(
      `INSERT INTO hires (application_id, post_id, employer_id, mother_id, start_date, contract_form, contract_months, social_insurance, reported_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING id, application_id, post_id, employer_id, mother_id, start_date::text AS start_date, contract_form, contract_months,
                 social_insurance, reported_by, created_at`,
      [
        h.application.id,
        h.application.postId,
        h.application.employerId,
        h.application.motherId,
        h.startDate,
        h.contractForm,
        h.contractMonths,
        h.socialInsurance,
        h.reportedBy,
        h.now,
      ],
    );
    return toHire(rows[0] as Row);
  }

  /** One more place filled; the post closes as 'filled' with its last place. Call with the post locked. */
  async fillPlace(postId: string, now: Date, tx: Tx): Promise<{ filledCount: number; headcount: number; status: string }> {
    const rows: Row[] = await tx.query(
      `WITH filled AS (
         UPDATE posts
            SET filled_count = filled_count + 1,
                status = CASE WHEN filled_count + 1 >= headcount THEN 'filled' ELSE status END,
                closed_at = CASE WHEN filled_count + 1 >= headcount THEN $2 ELSE closed_at END,
                updated_at = $2
          WHERE id = $1
          RETURNING filled_count, headcount, status)
       SELECT * FROM filled`,
      [postId, now],
    );
    const r = rows[0] as Row;
    return { filledCount: Number(r.filled_count), headcount: Number(r.headcount), status: r.status as string };
  }

  /** Her first hire counts (the 12333 follow-up reads it); a later one does not move it. */
  async markMotherHired(motherId: string, now: Date, tx: Tx): Promise<void> {
    await tx.query(
      `WITH hired AS (UPDATE mothers SET hired_at = $2, updated_at = $2 WHERE id = $1 AND hired_at IS NULL RETURNING id) SELECT id FROM hired`,
      [motherId, now],
    );
  }

  async motherName(motherId: string, tx?: Tx): Promise<string> {
    const rows: Row[] = await this.manager(tx).query(`SELECT name FROM mothers WHERE id = $1`, [motherId]);
    return (rows[0]?.name as string | undefined) ?? '';
  }

  /** The post's title and employer name, for messages about an application. */
  async postLabels(postId: string, tx?: Tx): Promise<{ title: string; employerName: string }> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT p.title, e.name AS employer_name FROM posts p JOIN employers e ON e.id = p.employer_id WHERE p.id = $1`,
      [postId],
    );
    const r = rows[0];
    return { title: (r?.title as string | undefined) ?? '', employerName: (r?.employer_name as string | undefined) ?? '' };
  }

  /** Newest first. `applicationId` narrows it to one (the answer to accept and reject). */
  async listApplicants(
    employerId: string,
    filter: { postId?: string; status?: ApplicationStatus; applicationId?: string; limit: number },
    tx?: Tx,
  ): Promise<ApplicantRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      // Her phone: the one on her mother profile (a station registration), else her account's.
      `SELECT ${APPLICATION_COLUMNS},
              p.title AS post_title, p.flexible_hours, p.windows AS post_windows,
              m.name AS mother_name, m.available_windows, m.skills,
              CASE WHEN m.phone_cipher IS NOT NULL OR m.phone_masked IS NOT NULL THEN m.phone_cipher ELSE u.phone_cipher END AS phone_cipher,
              CASE WHEN m.phone_cipher IS NOT NULL OR m.phone_masked IS NOT NULL THEN m.phone_masked ELSE u.phone_masked END AS phone_masked
         FROM applications a
         JOIN posts p ON p.id = a.post_id
         JOIN mothers m ON m.id = a.mother_id
         LEFT JOIN users u ON u.id = m.user_id
        WHERE a.employer_id = $1
          AND ($2::uuid IS NULL OR a.post_id = $2::uuid)
          AND ($3::text IS NULL OR a.status = $3::text)
          AND ($4::uuid IS NULL OR a.id = $4::uuid)
        ORDER BY a.created_at DESC, a.id
        LIMIT $5`,
      [employerId, filter.postId ?? null, filter.status ?? null, filter.applicationId ?? null, filter.limit],
    );
    const children = await this.childrenOf(
      rows.map((r) => r.mother_id as string),
      tx,
    );
    return rows.map((r) => ({
      application: toApplication(r),
      postTitle: r.post_title as string,
      postFlexible: Boolean(r.flexible_hours),
      postWindows: (r.post_windows as WeeklyWindow[] | null) ?? [],
      motherName: (r.mother_name as string | null) ?? '',
      motherWindows: (r.available_windows as WeeklyWindow[] | null) ?? [],
      motherSkills: (r.skills as string[] | null) ?? [],
      phoneCipher: (r.phone_cipher as string | null) ?? null,
      phoneMasked: (r.phone_masked as string | null) ?? null,
      children: children.get(r.mother_id as string) ?? [],
    }));
  }

  async listForMother(motherId: string, limit: number, applicationId?: string, tx?: Tx): Promise<MyApplicationRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${APPLICATION_COLUMNS},
              p.title, p.type, p.status AS post_status, p.headcount, p.filled_count, p.hourly_min, p.hourly_max, e.name AS employer_name
         FROM applications a
         JOIN posts p ON p.id = a.post_id
         JOIN employers e ON e.id = p.employer_id
        WHERE a.mother_id = $1 AND ($2::uuid IS NULL OR a.id = $2::uuid)
        ORDER BY a.created_at DESC, a.id
        LIMIT $3`,
      [motherId, applicationId ?? null, limit],
    );
    return rows.map((r) => ({
      application: toApplication(r),
      post: {
        id: r.post_id as string,
        title: r.title as string,
        type: r.type as string,
        status: r.post_status as string,
        headcount: Number(r.headcount),
        filledCount: Number(r.filled_count),
        hourlyMin: r.hourly_min === null ? null : Number(r.hourly_min),
        hourlyMax: r.hourly_max === null ? null : Number(r.hourly_max),
        employerName: r.employer_name as string,
      },
    }));
  }

  async listHires(employerId: string, limit: number, hireId?: string, tx?: Tx): Promise<HireRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT h.id, h.application_id, h.post_id, h.employer_id, h.mother_id, h.start_date::text AS start_date, h.contract_form,
              h.contract_months, h.social_insurance, h.reported_by, h.created_at, p.title AS post_title, m.name AS mother_name
         FROM hires h
         JOIN posts p ON p.id = h.post_id
         JOIN mothers m ON m.id = h.mother_id
        WHERE h.employer_id = $1 AND ($2::uuid IS NULL OR h.id = $2::uuid)
        ORDER BY h.created_at DESC, h.id
        LIMIT $3`,
      [employerId, hireId ?? null, limit],
    );
    return rows.map((r) => ({ hire: toHire(r), postTitle: r.post_title as string, motherName: (r.mother_name as string | null) ?? '' }));
  }

  private async childrenOf(motherIds: string[], tx?: Tx): Promise<Map<string, { birthYear: number; birthMonth: number }[]>> {
    const byMother = new Map<string, { birthYear: number; birthMonth: number }[]>();
    if (motherIds.length === 0) return byMother;
    const rows: Row[] = await this.manager(tx).query(
      `SELECT mother_id, birth_year, birth_month FROM children WHERE mother_id = ANY($1::uuid[]) ORDER BY birth_year DESC, birth_month DESC, id`,
      [[...new Set(motherIds)]],
    );
    for (const r of rows) {
      const list = byMother.get(r.mother_id as string) ?? [];
      list.push({ birthYear: Number(r.birth_year), birthMonth: Number(r.birth_month) });
      byMother.set(r.mother_id as string, list);
    }
    return byMother;
  }

  private manager(tx: Tx | undefined) {
    return tx ?? this.dataSource.manager;
  }
}

function toApplication(r: Row): ApplicationEntity {
  return Object.assign(new ApplicationEntity(), {
    id: r.id as string,
    postId: r.post_id as string,
    motherId: r.mother_id as string,
    employerId: r.employer_id as string,
    status: r.status as ApplicationStatus,
    rejectReason: (r.reject_reason as string | null) ?? null,
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    source: r.source as string,
    submissions: Number(r.submissions),
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
    decidedAt: r.decided_at ? new Date(r.decided_at as string) : null,
  });
}

function toHire(r: Row): HireEntity {
  return Object.assign(new HireEntity(), {
    id: r.id as string,
    applicationId: r.application_id as string,
    postId: r.post_id as string,
    employerId: r.employer_id as string,
    motherId: r.mother_id as string,
    startDate: r.start_date as string,
    contractForm: r.contract_form as ContractForm,
    contractMonths: Number(r.contract_months),
    socialInsurance: Boolean(r.social_insurance),
    reportedBy: (r.reported_by as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  });
}
