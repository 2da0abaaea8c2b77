import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PromiseAnswers, PromiseTerm, RightsCaseKind, RightsCaseStatus, RightsCategory } from '@mamagang/domain';
import type { EntityManager, Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { RightsCaseNoteEntity } from './rights-case-note.entity';
import { RightsCaseEntity } from './rights-case.entity';

export interface CaseRow {
  id: string;
  motherId: string;
  kind: RightsCaseKind;
  category: RightsCategory;
  postId: string | null;
  postTitle: string | null;
  employerId: string | null;
  employerName: string | null;
  regionCode: string;
  text: string;
  status: RightsCaseStatus;
  motherName: string;
  motherPhoneMasked: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewCase {
  motherId: string;
  kind: RightsCaseKind;
  category: RightsCategory;
  postId: string | null;
  employerId: string | null;
  regionCode: string;
  text: string;
  now: Date;
}

export interface CaseFilter {
  /** LIKE patterns of the regions to list (a city's covers its districts). */
  regionPatterns: string[];
  status?: RightsCaseStatus;
  kind?: RightsCaseKind;
  category?: RightsCategory;
  limit: number;
  offset: number;
}

export interface DueHire {
  hireId: string;
  motherId: string;
  employerId: string;
  postId: string;
  regionCode: string;
  startDate: string;
  postTitle: string;
  employerName: string;
}

export interface PromiseCheckRow {
  id: string;
  hireId: string;
  motherId: string;
  employerId: string;
  postTitle: string;
  employerName: string;
  startDate: string;
  dueOn: string;
  askedAt: Date;
  answers: PromiseAnswers | null;
  broken: boolean | null;
  comment: string | null;
  answeredAt: Date | null;
}

export interface EmployerRecordRow {
  employerId: string;
  employerName: string;
  regionCode: string;
  hires: number;
  asked: number;
  answered: number;
  brokenHires: number;
  byTerm: Record<PromiseTerm, { kept: number; broken: number }>;
  complaints: number;
  openComplaints: number;
  complaintsByCategory: Partial<Record<RightsCategory, number>>;
}

export interface BrokenPromiseEmployerRow {
  employerId: string;
  employerName: string;
  regionCode: string;
  brokenHires: number;
  answeredChecks: number;
}

const CASE_SELECT = `
  SELECT c.id, c.mother_id, c.kind, c.category, c.post_id, p.title AS post_title, c.employer_id, e.name AS employer_name,
         c.region_code, c.text, c.status, m.name AS mother_name, COALESCE(m.phone_masked, u.phone_masked) AS mother_phone_masked,
         c.created_at, c.updated_at
    FROM rights_cases c
    JOIN mothers m ON m.id = c.mother_id
    LEFT JOIN users u ON u.id = m.user_id
    LEFT JOIN posts p ON p.id = c.post_id
    LEFT JOIN employers e ON e.id = c.employer_id`;

const CHECK_SELECT = `
  SELECT k.id, k.hire_id, k.mother_id, k.employer_id, p.title AS post_title, e.name AS employer_name, h.start_date::text AS start_date,
         k.due_on::text AS due_on, k.asked_at, k.answers, k.broken, k.comment, k.answered_at
    FROM promise_checks k
    JOIN hires h ON h.id = k.hire_id
    JOIN posts p ON p.id = k.post_id
    JOIN employers e ON e.id = k.employer_id`;

/** The only code that reads and writes `rights_cases`, `rights_case_notes` and `promise_checks`. */
@Injectable()
export class RightsRepository {
  constructor(@InjectRepository(RightsCaseEntity) private readonly cases: Repository<RightsCaseEntity>) {}

  // --- what a case is about ---------------------------------------------------------------

  async postForCase(postId: string, tx?: Tx): Promise<{ id: string; employerId: string; regionCode: string } | null> {
    const rows: { id: string; employer_id: string; region_code: string }[] = await this.m(tx).query(
      `SELECT id, employer_id, region_code FROM posts WHERE id = $1`,
      [postId],
    );
    const r = rows[0];
    return r ? { id: r.id, employerId: r.employer_id, regionCode: r.region_code } : null;
  }

  /** Employers she can name: those in the directory (approved). */
  async employerForCase(employerId: string, tx?: Tx): Promise<{ id: string; regionCode: string } | null> {
    const rows: { id: string; region_code: string }[] = await this.m(tx).query(`SELECT id, region_code FROM employers WHERE id = $1 AND status = 'approved'`, [
      employerId,
    ]);
    const r = rows[0];
    return r ? { id: r.id, regionCode: r.region_code } : null;
  }

  async employerById(employerId: string, tx?: Tx): Promise<{ id: string; name: string; regionCode: string } | null> {
    const rows: { id: string; name: string; region_code: string }[] = await this.m(tx).query(`SELECT id, name, region_code FROM employers WHERE id = $1`, [
      employerId,
    ]);
    const r = rows[0];
    return r ? { id: r.id, name: r.name, regionCode: r.region_code } : null;
  }

  async motherRegion(motherId: string, tx?: Tx): Promise<string | null> {
    const rows: { region_code: string }[] = await this.m(tx).query(`SELECT region_code FROM mothers WHERE id = $1`, [motherId]);
    return rows[0]?.region_code ?? null;
  }

  /** Users holding an official role scoped to one of `scopes` (a region and the regions above it). */
  async officialsOf(scopes: readonly string[], tx?: Tx): Promise<string[]> {
    const rows: { user_id: string }[] = await this.m(tx).query(
      `SELECT DISTINCT user_id FROM user_roles WHERE role = 'official' AND region_code = ANY($1::text[]) ORDER BY user_id`,
      [[...scopes]],
    );
    return rows.map((r) => r.user_id);
  }

  /** Stations with rights-consultation hours whose region matches `pattern`; those of `preferRegion` first. */
  async stationsWithRightsHours(
    pattern: string,
    preferRegion: string,
  ): Promise<{ id: string; name: string; address: string; regionCode: string; openingHours: string; rightsConsultationHours: string }[]> {
    const rows: Record<string, string>[] = await this.cases.query(
      `SELECT id, name, address, region_code, opening_hours, rights_consultation_hours FROM stations
        WHERE region_code LIKE $1 AND rights_consultation_hours IS NOT NULL AND btrim(rights_consultation_hours) <> ''
        ORDER BY (region_code = $2) DESC, name, id LIMIT 50`,
      [pattern, preferRegion],
    );
    return rows.map((r) => ({
      id: r.id!,
      name: r.name!,
      address: r.address!,
      regionCode: r.region_code!,
      openingHours: r.opening_hours!,
      rightsConsultationHours: r.rights_consultation_hours!,
    }));
  }

  // --- cases ------------------------------------------------------------------------------

  async insertCase(c: NewCase, tx: Tx): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO rights_cases (mother_id, kind, category, post_id, employer_id, region_code, text, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $8) RETURNING id`,
      [c.motherId, c.kind, c.category, c.postId, c.employerId, c.regionCode, c.text, c.now],
    );
    return rows[0]!.id;
  }

  async findCase(id: string, tx?: Tx, lock = false): Promise<CaseRow | null> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(`${CASE_SELECT} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`, [id]);
    return rows[0] ? toCase(rows[0]) : null;
  }

  async casesOfMother(motherId: string, limit: number): Promise<CaseRow[]> {
    const rows: Record<string, unknown>[] = await this.cases.query(`${CASE_SELECT} WHERE c.mother_id = $1 ORDER BY c.created_at DESC, c.id LIMIT $2`, [
      motherId,
      limit,
    ]);
    return rows.map(toCase);
  }

  async casesInRegions(f: CaseFilter): Promise<{ items: CaseRow[]; total: number }> {
    const where = [`c.region_code LIKE ANY($1::text[])`];
    const params: unknown[] = [f.regionPatterns];
    if (f.status) where.push(`c.status = $${params.push(f.status)}`);
    if (f.kind) where.push(`c.kind = $${params.push(f.kind)}`);
    if (f.category) where.push(`c.category = $${params.push(f.category)}`);
    const filter = where.join(' AND ');
    const count: { n: number }[] = await this.cases.query(`SELECT count(*)::int AS n FROM rights_cases c WHERE ${filter}`, params);
    const rows: Record<string, unknown>[] = await this.cases.query(
      // Open cases first, then the oldest waiting: officials work from the top.
      `${CASE_SELECT} WHERE ${filter}
        ORDER BY CASE c.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END, c.created_at, c.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { items: rows.map(toCase), total: count[0]?.n ?? 0 };
  }

  async notesOf(caseIds: readonly string[], tx?: Tx): Promise<RightsCaseNoteEntity[]> {
    if (caseIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT id, case_id, author_id, status, note, created_at FROM rights_case_notes WHERE case_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [[...caseIds]],
    );
    return rows.map((r) =>
      Object.assign(new RightsCaseNoteEntity(), {
        id: r.id as string,
        caseId: r.case_id as string,
        authorId: (r.author_id as string | null) ?? null,
        status: r.status as RightsCaseStatus,
        note: r.note as string,
        createdAt: new Date(r.created_at as string),
      }),
    );
  }

  async moveCase(id: string, status: RightsCaseStatus, officialId: string, note: string, now: Date, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE rights_cases SET status = $2, handled_by = $3, updated_at = $4, resolved_at = CASE WHEN $2 = 'resolved' THEN $4::timestamptz ELSE NULL END WHERE id = $1`,
      [id, status, officialId, now],
    );
    await tx.query(`INSERT INTO rights_case_notes (case_id, author_id, status, note, created_at) VALUES ($1, $2, $3, $4, $5)`, [id, officialId, status, note, now]);
  }

  // --- promise checks ---------------------------------------------------------------------

  /** Hires that started within [from, to] and have no check yet, oldest first. */
  async hiresDueForCheck(from: string, to: string, limit: number, tx: Tx): Promise<DueHire[]> {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT h.id AS hire_id, h.mother_id, h.employer_id, h.post_id, p.region_code, h.start_date::text AS start_date, p.title, e.name AS employer_name
         FROM hires h
         JOIN posts p ON p.id = h.post_id
         JOIN employers e ON e.id = h.employer_id
        WHERE h.start_date BETWEEN $1::date AND $2::date
          AND NOT EXISTS (SELECT 1 FROM promise_checks k WHERE k.hire_id = h.id)
        ORDER BY h.start_date, h.id
        LIMIT $3`,
      [from, to, limit],
    );
    return rows.map((r) => ({
      hireId: r.hire_id as string,
      motherId: r.mother_id as string,
      employerId: r.employer_id as string,
      postId: r.post_id as string,
      regionCode: r.region_code as string,
      startDate: r.start_date as string,
      postTitle: r.title as string,
      employerName: r.employer_name as string,
    }));
  }

  /** Null when the hire already has its check (another run got there first). */
  async insertCheck(h: DueHire, dueOn: string, now: Date, tx: Tx): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO promise_checks (hire_id, mother_id, employer_id, post_id, region_code, due_on, asked_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (hire_id) DO NOTHING RETURNING id`,
      [h.hireId, h.motherId, h.employerId, h.postId, h.regionCode, dueOn, now],
    );
    return rows[0]?.id ?? null;
  }

  async checksOfMother(motherId: string, limit: number): Promise<PromiseCheckRow[]> {
    const rows: Record<string, unknown>[] = await this.cases.query(`${CHECK_SELECT} WHERE k.mother_id = $1 ORDER BY k.asked_at DESC, k.id LIMIT $2`, [
      motherId,
      limit,
    ]);
    return rows.map(toCheck);
  }

  async lockCheck(id: string, tx: Tx): Promise<PromiseCheckRow | null> {
    const rows: Record<string, unknown>[] = await tx.query(`${CHECK_SELECT} WHERE k.id = $1 FOR UPDATE OF k`, [id]);
    return rows[0] ? toCheck(rows[0]) : null;
  }

  async answerCheck(id: string, answers: PromiseAnswers, broken: boolean, comment: string | null, now: Date, tx: Tx): Promise<void> {
    await tx.query(`UPDATE promise_checks SET answers = $2, broken = $3, comment = $4, answered_at = $5 WHERE id = $1 AND answered_at IS NULL`, [
      id,
      JSON.stringify(answers),
      broken,
      comment,
      now,
    ]);
  }

  async brokenHiresOf(employerId: string, tx?: Tx): Promise<number> {
    const rows: { n: number }[] = await this.m(tx).query(`SELECT count(*)::int AS n FROM promise_checks WHERE employer_id = $1 AND broken`, [employerId]);
    return rows[0]?.n ?? 0;
  }

  async employerRecord(employerId: string): Promise<EmployerRecordRow | null> {
    const employer = await this.employerById(employerId);
    if (!employer) return null;
    const [hires]: { n: number }[] = await this.cases.query(`SELECT count(*)::int AS n FROM hires WHERE employer_id = $1`, [employerId]);
    const [checks]: Record<string, number>[] = await this.cases.query(
      `SELECT count(*)::int AS asked,
              count(answered_at)::int AS answered,
              count(*) FILTER (WHERE broken)::int AS broken_hires,
              count(*) FILTER (WHERE answers->>'hours' = 'kept')::int AS hours_kept,
              count(*) FILTER (WHERE answers->>'hours' = 'broken')::int AS hours_broken,
              count(*) FILTER (WHERE answers->>'contract' = 'kept')::int AS contract_kept,
              count(*) FILTER (WHERE answers->>'contract' = 'broken')::int AS contract_broken,
              count(*) FILTER (WHERE answers->>'insurance' = 'kept')::int AS insurance_kept,
              count(*) FILTER (WHERE answers->>'insurance' = 'broken')::int AS insurance_broken,
              count(*) FILTER (WHERE answers->>'leave' = 'kept')::int AS leave_kept,
              count(*) FILTER (WHERE answers->>'leave' = 'broken')::int AS leave_broken
         FROM promise_checks WHERE employer_id = $1`,
      [employerId],
    );
    const complaints: { category: RightsCategory; total: number; open: number }[] = await this.cases.query(
      `SELECT category, count(*)::int AS total, count(*) FILTER (WHERE status <> 'resolved')::int AS open
         FROM rights_cases WHERE employer_id = $1 AND kind = 'complaint' GROUP BY category`,
      [employerId],
    );
    const c = checks ?? {};
    const term = (t: PromiseTerm) => ({ kept: c[`${t}_kept`] ?? 0, broken: c[`${t}_broken`] ?? 0 });
    return {
      employerId: employer.id,
      employerName: employer.name,
      regionCode: employer.regionCode,
      hires: hires?.n ?? 0,
      asked: c.asked ?? 0,
      answered: c.answered ?? 0,
      brokenHires: c.broken_hires ?? 0,
      byTerm: { hours: term('hours'), contract: term('contract'), insurance: term('insurance'), leave: term('leave') },
      complaints: complaints.reduce((n, r) => n + r.total, 0),
      openComplaints: complaints.reduce((n, r) => n + r.open, 0),
      complaintsByCategory: Object.fromEntries(complaints.map((r) => [r.category, r.total])),
    };
  }

  /** Employers of the regions matching `pattern` with at least `minBrokenHires` hires reported broken. */
  async brokenPromiseEmployers(pattern: string, minBrokenHires: number): Promise<BrokenPromiseEmployerRow[]> {
    const rows: Record<string, unknown>[] = await this.cases.query(
      `SELECT e.id, e.name, e.region_code, count(*) FILTER (WHERE k.broken)::int AS broken_hires, count(k.answered_at)::int AS answered
         FROM promise_checks k JOIN employers e ON e.id = k.employer_id
        WHERE e.region_code LIKE $1
        GROUP BY e.id, e.name, e.region_code
       HAVING count(*) FILTER (WHERE k.broken) >= $2
        ORDER BY broken_hires DESC, e.id`,
      [pattern, minBrokenHires],
    );
    return rows.map((r) => ({
      employerId: r.id as string,
      employerName: r.name as string,
      regionCode: r.region_code as string,
      brokenHires: Number(r.broken_hires),
      answeredChecks: Number(r.answered),
    }));
  }

  private m(tx: Tx | undefined): EntityManager {
    return tx ?? this.cases.manager;
  }
}

function toCase(r: Record<string, unknown>): CaseRow {
  return {
    id: r.id as string,
    motherId: r.mother_id as string,
    kind: r.kind as RightsCaseKind,
    category: r.category as RightsCategory,
    postId: (r.post_id as string | null) ?? null,
    postTitle: (r.post_title as string | null) ?? null,
    employerId: (r.employer_id as string | null) ?? null,
    employerName: (r.employer_name as string | null) ?? null,
    regionCode: r.region_code as string,
    text: r.text as string,
    status: r.status as RightsCaseStatus,
    motherName: r.mother_name as string,
    motherPhoneMasked: (r.mother_phone_masked as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

function toCheck(r: Record<string, unknown>): PromiseCheckRow {
  return {
    id: r.id as string,
    hireId: r.hire_id as string,
    motherId: r.mother_id as string,
    employerId: r.employer_id as string,
    postTitle: r.post_title as string,
    employerName: r.employer_name as string,
    startDate: r.start_date as string,
    dueOn: r.due_on as string,
    askedAt: new Date(r.asked_at as string),
    answers: (r.answers as PromiseAnswers | null) ?? null,
    broken: (r.broken as boolean | null) ?? null,
    comment: (r.comment as string | null) ?? null,
    answeredAt: r.answered_at ? new Date(r.answered_at as string) : null,
  };
}
