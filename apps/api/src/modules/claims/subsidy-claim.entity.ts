import type { ClaimStatus, ClaimableSubsidyCode, SubsidyFamily } from '@mamagang/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '../posts/post.entity';

/** Who put a claim forward: the employer, the system (免申即享) or the mother herself (her own subsidy). */
export type ClaimSource = 'employer' | 'auto' | 'mother';

/**
 * A subsidy claim for a reported hire (table `subsidy_claims`), filed by the employer or
 * proposed by the system (免申即享). `checkResult` and `policyVersionId` are what the claim was
 * last checked under; once decided, neither changes again.
 */
@Entity({ name: 'subsidy_claims' })
export class SubsidyClaimEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'hire_id', type: 'uuid' }) hireId!: string;
  @Column({ name: 'employer_id', type: 'uuid' }) employerId!: string;
  @Column({ name: 'mother_id', type: 'uuid' }) motherId!: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode!: string;
  @Column({ name: 'subsidy_code', type: 'text' }) subsidyCode!: ClaimableSubsidyCode;
  @Column({ name: 'subsidy_family', type: 'text' }) subsidyFamily!: SubsidyFamily;
  @Column({ type: 'text' }) source!: ClaimSource;
  @Column({ type: 'text' }) status!: ClaimStatus;
  @Column({ name: 'period_from', type: 'date' }) periodFrom!: string;
  @Column({ name: 'period_to', type: 'date' }) periodTo!: string;
  @Column({ type: 'integer', nullable: true }) months!: number | null;
  @Column({ name: 'class_hours', type: 'integer', nullable: true }) classHours!: number | null;
  @Column({ name: 'course_id', type: 'uuid', nullable: true }) courseId!: string | null;
  @Column({ name: 'social_insurance_months', type: 'integer', nullable: true }) socialInsuranceMonths!: number | null;
  @Column({ name: 'employer_contribution_per_month', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  employerContributionPerMonth!: number | null;
  @Column({ name: 'accident_premium_per_year', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  accidentPremiumPerYear!: number | null;
  /** Her own claim: the day she declared she registered for flexible employment. */
  @Column({ name: 'flexible_employment_registered_on', type: 'date', nullable: true }) flexibleEmploymentRegisteredOn!: string | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numericColumn }) amount!: number;
  @Column({ type: 'text' }) basis!: string;
  @Column({ name: 'policy_version_id', type: 'uuid' }) policyVersionId!: string;
  @Column({ name: 'check_result', type: 'jsonb' }) checkResult!: Record<string, unknown>;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason!: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One step on a claim (table `claim_decisions`), append-only: proposed, submitted, approved, rejected. */
@Entity({ name: 'claim_decisions' })
export class ClaimDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Order of the steps, even when two share an instant. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column({ name: 'claim_id', type: 'uuid' }) claimId!: string;
  @Column({ type: 'text' }) action!: ClaimStatus;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericColumn }) amount!: number | null;
  @Column({ name: 'policy_version_id', type: 'uuid', nullable: true }) policyVersionId!: string | null;
  @Column({ name: 'check_result', type: 'jsonb', nullable: true }) checkResult!: Record<string, unknown> | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** When and why an employment ended, as the employer reports it (table `hire_endings`). */
@Entity({ name: 'hire_endings' })
export class HireEndingEntity {
  @PrimaryColumn({ name: 'hire_id', type: 'uuid' }) hireId!: string;
  @Column({ name: 'ended_on', type: 'date' }) endedOn!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'reported_by', type: 'uuid', nullable: true }) reportedBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
