import type { ApplicationStatus, ClaimStatus, ClaimableSubsidyCode, ContractForm, EmployerKind, PostTypeCode } from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/transaction';

/** What the subsidy rules need to know about a mother (table `mothers`, `children`). */
export interface MotherFacts {
  id: string;
  userId: string | null;
  name: string;
  regionCode: string;
  birthDate: string | null;
  children: { birthYear: number; birthMonth: number }[];
  registeredUnemployedSince: string | null;
  employmentDifficulty: boolean;
  olderInDifficulty: boolean;
  outOfPoverty: boolean;
}

/** What the subsidy rules need to know about an employer (table `employers`). */
export interface EmployerFacts {
  id: string;
  name: string;
  regionCode: string;
  kind: EmployerKind;
  status: 'pending' | 'approved' | 'rejected';
  isLabourDispatch: boolean;
}

/** A reported hire with its post, its application as recorded, and its end when reported. */
export interface HireFacts {
  id: string;
  applicationId: string;
  postId: string;
  employerId: string;
  motherId: string;
  motherName: string;
  startDate: string;
  contractForm: ContractForm;
  contractMonths: number;
  socialInsurance: boolean;
  postType: PostTypeCode;
  postTitle: string;
  endedOn: string | null;
  createdAt: Date;
  application: { id: string; motherId: string; postId: string; employerId: string; status: ApplicationStatus } | null;
}

/** A claim as the policy centre and the rule "one per mother per period" see it. */
export interface ClaimSummary {
  id: string;
  hireId: string;
  employerId: string;
  employerName: string;
  motherId: string;
  subsidyCode: ClaimableSubsidyCode;
  status: ClaimStatus;
  source: 'employer' | 'auto' | 'mother';
  periodFrom: string;
  periodTo: string;
  amount: number;
  policySource: string;
  createdAt: Date;
}

const HIRE_SQL = `
  SELECT h.id, h.application_id, h.post_id, h.employer_id, h.mother_id, m.name AS mother_name,
         h.start_date::text AS start_date, h.contract_form, h.contract_months, h.social_insurance, h.created_at,
         p.type AS post_type, p.title AS post_title, he.ended_on::text AS ended_on,
         a.id AS a_id, a.mother_id AS a_mother_id, a.post_id AS a_post_id, a.employer_id AS a_employer_id, a.status AS a_status
    FROM hires h
    JOIN posts p ON p.id = h.post_id
    JOIN mothers m ON m.id = h.mother_id
    LEFT JOIN applications a ON a.id = h.application_id
    LEFT JOIN hire_endings he ON he.hire_id = h.id`;

function toHire(r: Record<string, unknown>): HireFacts {
  return {
    id: r.id as string,
    applicationId: r.application_id as string,
    postId: r.post_id as string,
    employerId: r.employer_id as string,
    motherId: r.mother_id as string,
    motherName: (r.mother_name as string) ?? '',
    startDate: r.start_date as string,
    contractForm: r.contract_form as ContractForm,
    contractMonths: Number(r.contract_months),
    socialInsurance: r.social_insurance as boolean,
    postType: r.post_type as PostTypeCode,
    postTitle: r.post_title as string,
    endedOn: (r.ended_on as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    application: r.a_id
      ? {
          id: r.a_id as string,
          motherId: r.a_mother_id as string,
          postId: r.a_post_id as string,
          employerId: r.a_employer_id as string,
          status: r.a_status as ApplicationStatus,
        }
      : null,
  };
}

const CLAIM_SUMMARY_SQL = `
  SELECT c.id, c.hire_id, c.employer_id, e.name AS employer_name, c.mother_id, c.subsidy_code, c.status, c.source,
         c.period_from::text AS period_from, c.period_to::text AS period_to, c.amount,
         COALESCE(v.payload->>'source', '') AS policy_source, c.created_at
    FROM subsidy_claims c
    JOIN employers e ON e.id = c.employer_id
    JOIN policy_versions v ON v.id = c.policy_version_id`;

function toClaimSummary(r: Record<string, unknown>): ClaimSummary {
  return {
    id: r.id as string,
    hireId: r.hire_id as string,
    employerId: r.employer_id as string,
    employerName: r.employer_name as string,
    motherId: r.mother_id as string,
    subsidyCode: r.subsidy_code as ClaimableSubsidyCode,
    status: r.status as ClaimStatus,
    source: r.source as 'employer' | 'auto' | 'mother',
    periodFrom: r.period_from as string,
    periodTo: r.period_to as string,
    amount: Number(r.amount),
    policySource: r.policy_source as string,
    createdAt: new Date(r.created_at as string),
  };
}

/**
 * Reads the marketplace tables (mothers, employers, hires, applications, posts) that the
 * subsidy rules look at, in plain SQL, so policies and claims do not depend on those features'
 * entities. Shared by the policy centre and the claims.
 */
@Injectable()
export class SubsidyFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async mother(motherId: string, tx?: Tx): Promise<MotherFacts | null> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT m.id, m.user_id, m.name, m.region_code, m.birth_date::text AS birth_date,
              m.registered_unemployed_since::text AS registered_unemployed_since,
              m.employment_difficulty, m.older_in_difficulty, m.out_of_poverty,
              COALESCE((SELECT json_agg(json_build_object('birthYear', c.birth_year, 'birthMonth', c.birth_month) ORDER BY c.birth_year, c.birth_month)
                          FROM children c WHERE c.mother_id = m.id), '[]'::json) AS children
         FROM mothers m WHERE m.id = $1`,
      [motherId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      userId: (r.user_id as string | null) ?? null,
      name: (r.name as string) ?? '',
      regionCode: r.region_code as string,
      birthDate: (r.birth_date as string | null) ?? null,
      children: (r.children as { birthYear: number; birthMonth: number }[]).map((c) => ({ birthYear: Number(c.birthYear), birthMonth: Number(c.birthMonth) })),
      registeredUnemployedSince: (r.registered_unemployed_since as string | null) ?? null,
      employmentDifficulty: r.employment_difficulty === true,
      olderInDifficulty: r.older_in_difficulty === true,
      outOfPoverty: r.out_of_poverty === true,
    };
  }

  async employer(employerId: string, tx?: Tx): Promise<EmployerFacts | null> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `SELECT id, name, region_code, kind, status, is_labour_dispatch FROM employers WHERE id = $1`,
      [employerId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      name: r.name as string,
      regionCode: r.region_code as string,
      kind: r.kind as EmployerKind,
      status: r.status as EmployerFacts['status'],
      isLabourDispatch: r.is_labour_dispatch === true,
    };
  }

  async hire(hireId: string, tx?: Tx): Promise<HireFacts | null> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(`${HIRE_SQL} WHERE h.id = $1`, [hireId]);
    return rows[0] ? toHire(rows[0]) : null;
  }

  /** The employer's hires, newest start first. */
  async hiresOfEmployer(employerId: string, limit: number, tx?: Tx): Promise<HireFacts[]> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(`${HIRE_SQL} WHERE h.employer_id = $1 ORDER BY h.start_date DESC, h.created_at DESC LIMIT $2`, [
      employerId,
      limit,
    ]);
    return rows.map(toHire);
  }

  async hiresOfMother(motherId: string, limit: number, tx?: Tx): Promise<HireFacts[]> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(`${HIRE_SQL} WHERE h.mother_id = $1 ORDER BY h.start_date DESC, h.created_at DESC LIMIT $2`, [
      motherId,
      limit,
    ]);
    return rows.map(toHire);
  }

  /**
   * Hires that may qualify for 免申即享, after `afterId` (keyset paging by id): started within
   * the window, at an approved employer, optionally within a region (LIKE pattern).
   */
  async proposalCandidates(
    window: { from: string; to: string },
    regionLike: string | null,
    afterId: string | null,
    limit: number,
    tx?: Tx,
  ): Promise<HireFacts[]> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `${HIRE_SQL}
        JOIN employers e ON e.id = h.employer_id
       WHERE h.start_date BETWEEN $1 AND $2 AND e.status = 'approved'
         AND ($3::text IS NULL OR e.region_code LIKE $3)
         AND ($4::uuid IS NULL OR h.id > $4)
       ORDER BY h.id LIMIT $5`,
      [window.from, window.to, regionLike, afterId, limit],
    );
    return rows.map(toHire);
  }

  /** Every claim naming a mother, newest first. */
  async claimsOfMother(motherId: string, tx?: Tx): Promise<ClaimSummary[]> {
    const rows: Record<string, unknown>[] = await this.m(tx).query(`${CLAIM_SUMMARY_SQL} WHERE c.mother_id = $1 ORDER BY c.created_at DESC`, [motherId]);
    return rows.map(toClaimSummary);
  }

  /** The claims about these hires that concern their employer (a mother's own claim is left out). */
  async claimsOfHires(hireIds: readonly string[], tx?: Tx): Promise<ClaimSummary[]> {
    if (hireIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m(tx).query(
      `${CLAIM_SUMMARY_SQL} WHERE c.hire_id = ANY($1::uuid[]) AND c.source <> 'mother' ORDER BY c.created_at DESC`,
      [[...hireIds]],
    );
    return rows.map(toClaimSummary);
  }

  private m(tx: Tx | undefined) {
    return tx ?? this.dataSource.manager;
  }
}
