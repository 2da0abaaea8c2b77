import type { ContractForm, InsuranceKind, SharingSide } from '@mamagang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ListingStatus = 'open' | 'closed';
export type ProposalStatus = 'proposed' | 'accepted' | 'declined';
export type ConsentStatus = 'pending' | 'accepted' | 'declined';

/** A mother's terms as stored in jsonb: pay per hour, insurance, contract form. */
export interface StoredTerms {
  hourly: number;
  insurance: InsuranceKind;
  contractForm: ContractForm;
}

/**
 * An employer's surplus offer or shortage request (table `sharing_listings`): how many workers,
 * for which days, with which skills. Region and location are the employer's.
 */
@Entity({ name: 'sharing_listings' })
export class SharingListingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ type: 'text' })
  side!: SharingSide;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ type: 'integer' })
  workers!: number;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'to_date', type: 'date' })
  toDate!: string;

  @Column({ type: 'text', array: true, default: '{}' })
  skills!: string[];

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'text', default: 'open' })
  status!: ListingStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * The offering employer's proposal to the requesting one (table `sharing_proposals`): the period,
 * the terms during it and the employees it names; the requesting employer accepts or declines.
 */
@Entity({ name: 'sharing_proposals' })
export class SharingProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'from_employer_id', type: 'uuid' })
  fromEmployerId!: string;

  @Column({ name: 'to_employer_id', type: 'uuid' })
  toEmployerId!: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'to_date', type: 'date' })
  toDate!: string;

  @Column({ name: 'shared_terms', type: 'jsonb' })
  sharedTerms!: StoredTerms;

  @Column({ type: 'text', default: '' })
  workplace!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'text', default: 'proposed' })
  status!: ProposalStatus;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy!: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One named mother's own answer to a proposal (table `sharing_consents`). */
@Entity({ name: 'sharing_consents' })
export class SharingConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  /** Her employment at the offering employer, whose terms she keeps or betters. */
  @Column({ name: 'hire_id', type: 'uuid' })
  hireId!: string;

  @Column({ name: 'original_terms', type: 'jsonb' })
  originalTerms!: StoredTerms;

  @Column({ name: 'shared_terms', type: 'jsonb' })
  sharedTerms!: StoredTerms;

  @Column({ type: 'text', default: 'pending' })
  status!: ConsentStatus;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The sharing of one consenting mother, recorded as a service agreement between the two
 * employers (table `sharing_agreements`), with her terms before and during it.
 */
@Entity({ name: 'sharing_agreements' })
export class SharingAgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @Column({ name: 'consent_id', type: 'uuid' })
  consentId!: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'from_employer_id', type: 'uuid' })
  fromEmployerId!: string;

  @Column({ name: 'to_employer_id', type: 'uuid' })
  toEmployerId!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  @Column({ name: 'hire_id', type: 'uuid' })
  hireId!: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'to_date', type: 'date' })
  toDate!: string;

  @Column({ name: 'terms_before', type: 'jsonb' })
  termsBefore!: StoredTerms;

  @Column({ name: 'terms_after', type: 'jsonb' })
  termsAfter!: StoredTerms;

  @Column({ name: 'agreement_text', type: 'text' })
  agreementText!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
