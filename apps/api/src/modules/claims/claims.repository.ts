import type { ClaimCheckResult, ClaimStatus, ClaimableSubsidyCode, SubsidyFamily } from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { SubsidyClaimEntity, type ClaimSource } from './subsidy-claim.entity';

export interface ClaimRow {
  id: string;
  hireId: string;
  employerId: string;
  employerName: string;
  motherId: string;
  motherName: string;
  postTitle: string;
  regionCode: string;
  subsidyCode: ClaimableSubsidyCode;
  source: ClaimSource;
  status: ClaimStatus;
  periodFrom: string;
  periodTo: string;
  months: number | null;
  classHours: number | null;
  courseId: string | null;
  socialInsuranceMonths: number | null;
  employerContributionPerMonth: number | null;
  accidentPremiumPerYear: number | null;
  flexibleEmploymentRegisteredOn: string | null;
  amount: number;
  basis: string;
  policyVersionId: string;
  check: ClaimCheckResult;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface NewClaim {
  hireId: string;
  employerId: string;
  motherId: string;
  regionCode: string;
  subsidyCode: ClaimableSubsidyCode;
  subsidyFamily: SubsidyFamily;
  source: ClaimSource;
  status: 'proposed' | 'submitted';
  courseId: string | null;
  socialInsuranceMonths: number | null;
  employerContributionPerMonth: number | null;
  accidentPremiumPerYear: number | null;
  /** Her own claim: the registration date she declared. */
  flexibleEmploymentRegisteredOn?: string | null;
  policyVersionId: string;
  check: ClaimCheckResult;
  createdBy: string | null;
  at: Date;
}

export interface DecisionRow {
  id: string;
  action: ClaimStatus;
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  amount: number | null;
  policyVersionId: string | null;
  createdAt: Date;
}

export interface FlagBrief {
  id: string;
  rule: string;
  explanation: string;
  status: string;
}

const CLAIM_SQL = `
  SELECT c.id, c.hire_id, c.employer_id, e.name AS employer_name, c.mother_id, m.name AS mother_name, p.title AS post_title,
         c.region_code, c.subsidy_code, c.source, c.status, c.period_from::text AS period_from, c.period_to::text AS period_to,
         c.months, c.class_hours, c.course_id, c.social_insurance_months, c.employer_contribution_per_month, c.accident_premium_per_year,
         c.flexible_employment_registered_on::text AS flexible_employment_registered_on, c.amount, c.basis, c.policy_version_id, c.check_result, c.decision_reason, c.decided_at, c.created_at
    FROM subsidy_claims c
    JOIN employers e ON e.id = c.employer_id
    JOIN mothers m ON m.id = c.mother_id
    JOIN hires h ON h.id = c.hire_id
    JOIN posts p ON p.id = h.post_id`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toClaim(r: Record<string, unknown>): ClaimRow {
  return {
    id: r.id as string,
    hireId: r.hire_id as string,
    employerId: r.employer_id as string,
    employerName: r.employer_name as string,
    motherId: r.mother_id as string,
    motherName: (r.mother_name as string) ?? '',
    postTitle: r.post_title as string,
    regionCode: r.region_code as string,
    subsidyCode: r.subsidy_code as ClaimableSubsidyCode,
    source: r.source as ClaimSource,
    status: r.status as ClaimStatus,
    periodFrom: r.period_from as string,
    periodTo: r.period_to as string,
    months: num(r.months),
    classHours: num(r.class_hours),
    courseId: (r.course_id as string | null) ?? null,
    socialInsuranceMonths: num(r.social_insurance_months),
    employerContributionPerMonth: num(r.employer_contribution_per_month),
    accidentPremiumPerYear: num(r.accident_premium_per_year),
    flexibleEmploymentRegisteredOn: (r.flexible_employment_registered_on as string | null) ?? null,
    amount: Number(r.amount),
    basis: r.basis as string,
    policyVersionId: r.policy_version_id as string,
    check: r.check_result as ClaimCheckResult,
    decisionReason: (r.decision_reason as string | null) ?? null,
    decidedAt: r.decided_at ? new Date(r.decided_at as string) : null,
    createdAt: new Date(r.created_at as string),
  };
}

/** The only code that reads and writes `subsidy_claims`, `claim_decisions` and `hire_endings`. */
@Injectable()
export class ClaimsRepository {
  constructor(@InjectRepository(SubsidyClaimEntity) private readonly claims: Repository<SubsidyClaimEntity>) {}

  async insert(c: NewClaim, tx: Tx): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO subsidy_claims (hire_id, employer_id, mother_id, region_code, subsidy_code, subsidy_family, source, status,
         period_from, period_to, months, class_hours, course_id, social_insurance_months, employer_contribution_per_month,
         accident_premium_per_year, amount, basis, policy_version_id, check_result, created_by, created_at, updated_at,
         flexible_employment_registered_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22, $23)
       RETURNING id`,
      [
        c.hireId,
        c.employerId,
        c.motherId,
        c.regionCode,
        c.subsidyCode,
        c.subsidyFamily,
        c.source,
        c.status,
        c.check.periodFrom,
        c.check.periodTo,
        c.check.months ?? null,
        c.check.classHours ?? null,
        c.courseId,
        c.socialInsuranceMonths,
        c.employerContributionPerMonth,
        c.accidentPremiumPerYear,
        c.check.amount,
        c.check.basis,
        c.policyVersionId,
        JSON.stringify(c.check),
        c.createdBy,
        c.at,
        c.flexibleEmploymentRegisteredOn ?? null,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  async find(id: string, tx?: Tx, lock = false): Promise<ClaimRow | null> {
    // FOR UPDATE OF c: only the claim row is locked, not the employer, mother or post it joins.
    const rows: Record<string, unknown>[] = await this.m(tx).query(`${CLAIM_SQL} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`, [id]);
    return rows[0] ? toClaim(rows[0]) : null;
  }

  /** The employer's claims and 免申即享's; a mother's own claim is hers and the officials', not her employer's. */
  async listForEmployer(employerId: string, status: ClaimStatus | null, limit: number): Promise<ClaimRow[]> {
    const rows: Record<string, unknown>[] = await this.claims.query(
      `${CLAIM_SQL} WHERE c.employer_id = $1 AND c.source <> 'mother' AND ($2::text IS NULL OR c.status = $2) ORDER BY c.created_at DESC LIMIT $3`,
      [employerId, status, limit],
    );
    return rows.map(toClaim);
  }

  /** Every claim naming her: her own and those her employers filed or 免申即享 put forward, newest first. */
  async listForMother(motherId: string, limit: number): Promise<ClaimRow[]> {
    const rows: Record<string, unknown>[] = await this.claims.query(`${CLAIM_SQL} WHERE c.mother_id = $1 ORDER BY c.created_at DESC LIMIT $2`, [motherId, limit]);
    return rows.map(toClaim);
  }

  /** Claims in any of the regions (LIKE patterns), oldest first: the review queue. */
  async listForRegions(patterns: readonly string[], status: ClaimStatus | null, offset: number, limit: number): Promise<{ items: ClaimRow[]; total: number }> {
    const where = `c.region_code LIKE ANY($1::text[]) AND ($2::text IS NULL OR c.status = $2)`;
    const rows: Record<string, unknown>[] = await this.claims.query(`${CLAIM_SQL} WHERE ${where} ORDER BY c.created_at, c.id OFFSET $3 LIMIT $4`, [
      [...patterns],
      status,
      offset,
      limit,
    ]);
    const count: { n: string }[] = await this.claims.query(`SELECT count(*) AS n FROM subsidy_claims c WHERE ${where}`, [[...patterns], status]);
    return { items: rows.map(toClaim), total: Number(count[0]?.n ?? 0) };
  }

  /** Any claim of this subsidy for this hire, whatever its status: 免申即享 proposes once. */
  async exists(hireId: string, subsidyCode: ClaimableSubsidyCode, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.m(tx).query(`SELECT 1 FROM subsidy_claims WHERE hire_id = $1 AND subsidy_code = $2 LIMIT 1`, [hireId, subsidyCode]);
    return rows.length > 0;
  }

  /** Decides an undecided claim; false when it was decided already (or in the meantime). */
  async decide(
    id: string,
    d: { status: 'approved' | 'rejected'; reason: string | null; by: string; at: Date; policyVersionId?: string; check?: ClaimCheckResult },
    tx: Tx,
  ): Promise<boolean> {
    const rows: { id: string }[] = await tx.query(
      `WITH decided AS (
         UPDATE subsidy_claims SET status = $2, decision_reason = $3, decided_by = $4, decided_at = $5, updated_at = $5,
                policy_version_id = COALESCE($6, policy_version_id),
                check_result = COALESCE($7::jsonb, check_result),
                amount = COALESCE(($7::jsonb->>'amount')::numeric, amount),
                period_from = COALESCE(($7::jsonb->>'periodFrom')::date, period_from),
                period_to = COALESCE(($7::jsonb->>'periodTo')::date, period_to),
                months = COALESCE(($7::jsonb->>'months')::integer, months),
                class_hours = COALESCE(($7::jsonb->>'classHours')::integer, class_hours),
                basis = COALESCE($7::jsonb->>'basis', basis)
          WHERE id = $1 AND status IN ('proposed', 'submitted')
          RETURNING id)
       SELECT id FROM decided`,
      [id, d.status, d.reason, d.by, d.at, d.policyVersionId ?? null, d.check ? JSON.stringify(d.check) : null],
    );
    return rows.length > 0;
  }

  async logDecision(
    d: { claimId: string; action: ClaimStatus; actorId: string | null; reason: string | null; amount: number | null; policyVersionId: string | null; check: ClaimCheckResult | null; at: Date },
    tx: Tx,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO claim_decisions (claim_id, action, actor_id, reason, amount, policy_version_id, check_result, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [d.claimId, d.action, d.actorId, d.reason, d.amount, d.policyVersionId, d.check ? JSON.stringify(d.check) : null, d.at],
    );
  }

  async decisions(claimId: string): Promise<DecisionRow[]> {
    const rows: Record<string, unknown>[] = await this.claims.query(
      `SELECT d.id, d.action, d.actor_id, u.display_name AS actor_name, d.reason, d.amount, d.policy_version_id, d.created_at
         FROM claim_decisions d LEFT JOIN users u ON u.id = d.actor_id
        WHERE d.claim_id = $1 ORDER BY d.seq`,
      [claimId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      action: r.action as ClaimStatus,
      actorId: (r.actor_id as string | null) ?? null,
      actorName: (r.actor_name as string | null) ?? null,
      reason: (r.reason as string | null) ?? null,
      amount: num(r.amount),
      policyVersionId: (r.policy_version_id as string | null) ?? null,
      createdAt: new Date(r.created_at as string),
    }));
  }

  /** Open fraud flags naming any of these objects (read from modules/fraud's table), for the reviewing official. */
  async openFlagsAbout(ids: readonly string[]): Promise<FlagBrief[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.claims.query(
      `SELECT id, rule, explanation, status FROM fraud_flags
        WHERE status = 'open' AND EXISTS (SELECT 1 FROM jsonb_array_elements(objects) o WHERE o->>'id' = ANY($1::text[]))
        ORDER BY last_seen_at DESC LIMIT 20`,
      [[...ids]],
    );
    return rows.map((r) => ({ id: r.id as string, rule: r.rule as string, explanation: r.explanation as string, status: r.status as string }));
  }

  /** Records the end of an employment once; false when it was recorded already. */
  async endHire(hireId: string, endedOn: string, reason: string, by: string, at: Date, tx?: Tx): Promise<boolean> {
    const rows: { hire_id: string }[] = await this.m(tx).query(
      `INSERT INTO hire_endings (hire_id, ended_on, reason, reported_by, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (hire_id) DO NOTHING RETURNING hire_id`,
      [hireId, endedOn, reason, by, at],
    );
    return rows.length > 0;
  }

  private m(tx: Tx | undefined) {
    return tx ?? this.claims.manager;
  }
}
