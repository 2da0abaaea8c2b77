import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContractForm, InsuranceKind, SharingSide } from '@mamagang/domain';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../database/transaction';
import {
  SharingAgreementEntity,
  SharingConsentEntity,
  SharingListingEntity,
  SharingProposalEntity,
  type ConsentStatus,
  type ListingStatus,
  type ProposalStatus,
  type StoredTerms,
} from './sharing.entity';

type Row = Record<string, unknown>;

export interface EmployerForSharing {
  id: string;
  name: string;
  status: string;
  regionCode: string;
  lat: number;
  lng: number;
}

export interface NewListing {
  employerId: string;
  side: SharingSide;
  regionCode: string;
  workers: number;
  fromDate: string;
  toDate: string;
  skills: string[];
  lat: number | null;
  lng: number | null;
  note: string;
  createdBy: string;
  now: Date;
}

export interface ListingWithEmployer {
  listing: SharingListingEntity;
  employerName: string;
}

/** An employee of the employer: a mother with a hire there that has not ended. */
export interface EmployeeRow {
  motherId: string;
  motherName: string;
  hireId: string;
  postTitle: string;
  startDate: string;
  hourly: number | null;
  postInsurance: InsuranceKind;
  socialInsurance: boolean;
  contractForm: ContractForm;
}

export interface ConsentRow {
  consent: SharingConsentEntity;
  motherName: string;
  agreementId: string | null;
}

export interface MyConsentRow {
  consent: SharingConsentEntity;
  proposal: SharingProposalEntity;
  fromEmployerName: string;
  toEmployerName: string;
  agreementId: string | null;
}

export interface AgreementRow {
  agreement: SharingAgreementEntity;
  fromEmployerName: string;
  toEmployerName: string;
  motherName: string;
}

const LISTING_COLUMNS = `l.id, l.employer_id, l.side, l.region_code, l.workers, l.from_date::text AS from_date, l.to_date::text AS to_date, l.skills,
  l.lat, l.lng, l.note, l.status, l.created_by, l.created_at, l.updated_at`;

const PROPOSAL_FIELDS = [
  'id', 'offer_id', 'request_id', 'from_employer_id', 'to_employer_id', 'from_date', 'to_date', 'shared_terms', 'workplace', 'note', 'status',
  'proposed_by', 'decided_by', 'decided_at', 'created_at',
];

/** The proposal's columns from alias `p`, each named `<prefix><column>`; dates as text. */
function proposalColumns(prefix = ''): string {
  return PROPOSAL_FIELDS.map((c) => (c.endsWith('_date') ? `p.${c}::text AS ${prefix}${c}` : `p.${c} AS ${prefix}${c}`)).join(', ');
}

const PROPOSAL_COLUMNS = proposalColumns();

const CONSENT_COLUMNS = `c.id, c.proposal_id, c.mother_id, c.hire_id, c.original_terms, c.shared_terms, c.status, c.decided_at, c.created_at`;

const AGREEMENT_COLUMNS = `g.id, g.proposal_id, g.consent_id, g.offer_id, g.request_id, g.from_employer_id, g.to_employer_id, g.mother_id, g.hire_id,
  g.from_date::text AS from_date, g.to_date::text AS to_date, g.terms_before, g.terms_after, g.agreement_text, g.created_at`;

/**
 * The only code that reads and writes the sharing tables. It also reads employers, mothers,
 * hires, hire endings and posts in plain SQL, without those features' entities.
 */
@Injectable()
export class SharingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async employer(id: string, tx?: Tx): Promise<EmployerForSharing | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT id, name, status, region_code, lat, lng FROM employers WHERE id = $1`, [id]);
    const r = rows[0];
    return r
      ? { id: r.id as string, name: r.name as string, status: r.status as string, regionCode: r.region_code as string, lat: Number(r.lat), lng: Number(r.lng) }
      : null;
  }

  async insertListing(l: NewListing, tx?: Tx): Promise<SharingListingEntity> {
    const rows: Row[] = await this.manager(tx).query(
      `WITH l AS (
         INSERT INTO sharing_listings (employer_id, side, region_code, workers, from_date, to_date, skills, lat, lng, note, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12, $12) RETURNING *)
       SELECT ${LISTING_COLUMNS} FROM l`,
      [l.employerId, l.side, l.regionCode, l.workers, l.fromDate, l.toDate, l.skills, l.lat, l.lng, l.note, l.createdBy, l.now],
    );
    return toListing(rows[0] as Row);
  }

  async listing(id: string, tx?: Tx): Promise<SharingListingEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${LISTING_COLUMNS} FROM sharing_listings l WHERE l.id = $1`, [id]);
    return rows[0] ? toListing(rows[0]) : null;
  }

  async listingsOf(employerId: string, limit: number, tx?: Tx): Promise<SharingListingEntity[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${LISTING_COLUMNS} FROM sharing_listings l WHERE l.employer_id = $1 ORDER BY l.created_at DESC, l.id LIMIT $2`,
      [employerId, limit],
    );
    return rows.map(toListing);
  }

  /** Open listings of the other side, of other employers, in regions matching the LIKE pattern, not over before `today`. */
  async openCounterparts(side: SharingSide, regionLike: string, excludeEmployerId: string, today: string, limit: number, tx?: Tx): Promise<ListingWithEmployer[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${LISTING_COLUMNS}, e.name AS employer_name
         FROM sharing_listings l JOIN employers e ON e.id = l.employer_id
        WHERE l.status = 'open' AND l.side = $1 AND l.region_code LIKE $2 AND l.employer_id <> $3 AND l.to_date >= $4::date AND e.status = 'approved'
        ORDER BY l.created_at DESC, l.id
        LIMIT $5`,
      [side, regionLike, excludeEmployerId, today, limit],
    );
    return rows.map((r) => ({ listing: toListing(r), employerName: r.employer_name as string }));
  }

  async setListingStatus(id: string, status: ListingStatus, now: Date, tx?: Tx): Promise<SharingListingEntity | null> {
    const rows: Row[] = await this.manager(tx).query(
      `WITH l AS (UPDATE sharing_listings SET status = $2, updated_at = $3 WHERE id = $1 RETURNING *) SELECT ${LISTING_COLUMNS} FROM l`,
      [id, status, now],
    );
    return rows[0] ? toListing(rows[0]) : null;
  }

  /** The employer's current employees among `motherIds` (all when null): hires not ended by `today`. */
  async employees(employerId: string, today: string, motherIds: string[] | null, tx?: Tx): Promise<EmployeeRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT DISTINCT ON (h.mother_id)
              h.mother_id, m.name AS mother_name, h.id AS hire_id, p.title AS post_title, h.start_date::text AS start_date,
              p.hourly_min, p.insurance, h.social_insurance, h.contract_form
         FROM hires h
         JOIN mothers m ON m.id = h.mother_id
         JOIN posts p ON p.id = h.post_id
        WHERE h.employer_id = $1
          AND h.start_date <= $2::date
          AND NOT EXISTS (SELECT 1 FROM hire_endings he WHERE he.hire_id = h.id AND he.ended_on <= $2::date)
          AND ($3::uuid[] IS NULL OR h.mother_id = ANY($3::uuid[]))
        ORDER BY h.mother_id, h.start_date DESC, h.id`,
      [employerId, today, motherIds],
    );
    return rows.map((r) => ({
      motherId: r.mother_id as string,
      motherName: (r.mother_name as string | null) ?? '',
      hireId: r.hire_id as string,
      postTitle: r.post_title as string,
      startDate: r.start_date as string,
      hourly: r.hourly_min === null ? null : Number(r.hourly_min),
      postInsurance: r.insurance as InsuranceKind,
      socialInsurance: Boolean(r.social_insurance),
      contractForm: r.contract_form as ContractForm,
    }));
  }

  async insertProposal(
    p: Omit<SharingProposalEntity, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'createdAt'> & { now: Date },
    tx: Tx,
  ): Promise<SharingProposalEntity> {
    const rows: Row[] = await tx.query(
      `WITH p AS (
         INSERT INTO sharing_proposals (offer_id, request_id, from_employer_id, to_employer_id, from_date, to_date, shared_terms, workplace, note, proposed_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11) RETURNING *)
       SELECT ${PROPOSAL_COLUMNS} FROM p`,
      [p.offerId, p.requestId, p.fromEmployerId, p.toEmployerId, p.fromDate, p.toDate, JSON.stringify(p.sharedTerms), p.workplace, p.note, p.proposedBy, p.now],
    );
    return toProposal(rows[0] as Row);
  }

  async insertConsent(c: { proposalId: string; motherId: string; hireId: string; originalTerms: StoredTerms; sharedTerms: StoredTerms; now: Date }, tx: Tx): Promise<SharingConsentEntity> {
    const rows: Row[] = await tx.query(
      `WITH c AS (
         INSERT INTO sharing_consents (proposal_id, mother_id, hire_id, original_terms, shared_terms, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6) RETURNING *)
       SELECT ${CONSENT_COLUMNS} FROM c`,
      [c.proposalId, c.motherId, c.hireId, JSON.stringify(c.originalTerms), JSON.stringify(c.sharedTerms), c.now],
    );
    return toConsent(rows[0] as Row);
  }

  /** Locks the proposal: its decision and its mothers' answers take turns, so an agreement is written once. */
  async lockProposal(id: string, tx: Tx): Promise<SharingProposalEntity | null> {
    const rows: Row[] = await tx.query(`SELECT ${PROPOSAL_COLUMNS} FROM sharing_proposals p WHERE p.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toProposal(rows[0]) : null;
  }

  async proposal(id: string, tx?: Tx): Promise<SharingProposalEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${PROPOSAL_COLUMNS} FROM sharing_proposals p WHERE p.id = $1`, [id]);
    return rows[0] ? toProposal(rows[0]) : null;
  }

  async proposalsOf(employerId: string, limit: number, tx?: Tx): Promise<SharingProposalEntity[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${PROPOSAL_COLUMNS} FROM sharing_proposals p WHERE p.from_employer_id = $1 OR p.to_employer_id = $1 ORDER BY p.created_at DESC, p.id LIMIT $2`,
      [employerId, limit],
    );
    return rows.map(toProposal);
  }

  async decideProposal(id: string, status: ProposalStatus, by: string, now: Date, tx: Tx): Promise<SharingProposalEntity | null> {
    const rows: Row[] = await tx.query(
      `WITH p AS (UPDATE sharing_proposals SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND status = 'proposed' RETURNING *)
       SELECT ${PROPOSAL_COLUMNS} FROM p`,
      [id, status, by, now],
    );
    return rows[0] ? toProposal(rows[0]) : null;
  }

  async consent(id: string, tx?: Tx): Promise<SharingConsentEntity | null> {
    const rows: Row[] = await this.manager(tx).query(`SELECT ${CONSENT_COLUMNS} FROM sharing_consents c WHERE c.id = $1`, [id]);
    return rows[0] ? toConsent(rows[0]) : null;
  }

  async decideConsent(id: string, status: ConsentStatus, now: Date, tx: Tx): Promise<SharingConsentEntity | null> {
    const rows: Row[] = await tx.query(
      `WITH c AS (UPDATE sharing_consents SET status = $2, decided_at = $3 WHERE id = $1 AND status = 'pending' RETURNING *) SELECT ${CONSENT_COLUMNS} FROM c`,
      [id, status, now],
    );
    return rows[0] ? toConsent(rows[0]) : null;
  }

  async consentsOf(proposalIds: string[], tx?: Tx): Promise<Map<string, ConsentRow[]>> {
    const byProposal = new Map<string, ConsentRow[]>();
    if (proposalIds.length === 0) return byProposal;
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${CONSENT_COLUMNS}, m.name AS mother_name, g.id AS agreement_id
         FROM sharing_consents c JOIN mothers m ON m.id = c.mother_id LEFT JOIN sharing_agreements g ON g.consent_id = c.id
        WHERE c.proposal_id = ANY($1::uuid[]) ORDER BY c.created_at, m.name, c.id`,
      [proposalIds],
    );
    for (const r of rows) {
      const list = byProposal.get(r.proposal_id as string) ?? [];
      list.push({ consent: toConsent(r), motherName: (r.mother_name as string | null) ?? '', agreementId: (r.agreement_id as string | null) ?? null });
      byProposal.set(r.proposal_id as string, list);
    }
    return byProposal;
  }

  async consentsOfMother(motherId: string, limit: number, consentId?: string, tx?: Tx): Promise<MyConsentRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${CONSENT_COLUMNS}, ${proposalColumns('p_')},
              fe.name AS from_employer_name, te.name AS to_employer_name, g.id AS agreement_id
         FROM sharing_consents c
         JOIN sharing_proposals p ON p.id = c.proposal_id
         JOIN employers fe ON fe.id = p.from_employer_id
         JOIN employers te ON te.id = p.to_employer_id
         LEFT JOIN sharing_agreements g ON g.consent_id = c.id
        WHERE c.mother_id = $1 AND ($2::uuid IS NULL OR c.id = $2::uuid)
        ORDER BY c.created_at DESC, c.id
        LIMIT $3`,
      [motherId, consentId ?? null, limit],
    );
    return rows.map((r) => ({
      consent: toConsent(r),
      proposal: toProposal(unprefix(r, 'p_')),
      fromEmployerName: r.from_employer_name as string,
      toEmployerName: r.to_employer_name as string,
      agreementId: (r.agreement_id as string | null) ?? null,
    }));
  }

  /** Null when the consent already has its agreement. */
  async insertAgreement(a: Omit<SharingAgreementEntity, 'id' | 'createdAt'> & { now: Date }, tx: Tx): Promise<SharingAgreementEntity | null> {
    const rows: Row[] = await tx.query(
      `INSERT INTO sharing_agreements AS g (proposal_id, consent_id, offer_id, request_id, from_employer_id, to_employer_id, mother_id, hire_id,
                                            from_date, to_date, terms_before, terms_after, agreement_text, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)
       ON CONFLICT (consent_id) DO NOTHING
       RETURNING ${AGREEMENT_COLUMNS}`,
      [
        a.proposalId,
        a.consentId,
        a.offerId,
        a.requestId,
        a.fromEmployerId,
        a.toEmployerId,
        a.motherId,
        a.hireId,
        a.fromDate,
        a.toDate,
        JSON.stringify(a.termsBefore),
        JSON.stringify(a.termsAfter),
        a.agreementText,
        a.now,
      ],
    );
    return rows[0] ? toAgreement(rows[0]) : null;
  }

  /** Agreements of an employer (either side) or of a mother. */
  async agreements(filter: { employerId?: string; motherId?: string }, limit: number, tx?: Tx): Promise<AgreementRow[]> {
    const rows: Row[] = await this.manager(tx).query(
      `SELECT ${AGREEMENT_COLUMNS}, fe.name AS from_employer_name, te.name AS to_employer_name, m.name AS mother_name
         FROM sharing_agreements g
         JOIN employers fe ON fe.id = g.from_employer_id
         JOIN employers te ON te.id = g.to_employer_id
         JOIN mothers m ON m.id = g.mother_id
        WHERE ($1::uuid IS NULL OR g.from_employer_id = $1::uuid OR g.to_employer_id = $1::uuid)
          AND ($2::uuid IS NULL OR g.mother_id = $2::uuid)
        ORDER BY g.created_at DESC, g.id
        LIMIT $3`,
      [filter.employerId ?? null, filter.motherId ?? null, limit],
    );
    return rows.map((r) => ({
      agreement: toAgreement(r),
      fromEmployerName: r.from_employer_name as string,
      toEmployerName: r.to_employer_name as string,
      motherName: (r.mother_name as string | null) ?? '',
    }));
  }

  async employerNames(ids: string[], tx?: Tx): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (ids.length === 0) return names;
    const rows: Row[] = await this.manager(tx).query(`SELECT id, name FROM employers WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
    for (const r of rows) names.set(r.id as string, r.name as string);
    return names;
  }

  private manager(tx: Tx | undefined) {
    return tx ?? this.dataSource.manager;
  }
}

function unprefix(r: Row, prefix: string): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function toListing(r: Row): SharingListingEntity {
  return Object.assign(new SharingListingEntity(), {
    id: r.id as string,
    employerId: r.employer_id as string,
    side: r.side as SharingSide,
    regionCode: r.region_code as string,
    workers: Number(r.workers),
    fromDate: r.from_date as string,
    toDate: r.to_date as string,
    skills: (r.skills as string[] | null) ?? [],
    lat: num(r.lat),
    lng: num(r.lng),
    note: (r.note as string | null) ?? '',
    status: r.status as ListingStatus,
    createdBy: r.created_by as string,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  });
}

function toProposal(r: Row): SharingProposalEntity {
  return Object.assign(new SharingProposalEntity(), {
    id: r.id as string,
    offerId: r.offer_id as string,
    requestId: r.request_id as string,
    fromEmployerId: r.from_employer_id as string,
    toEmployerId: r.to_employer_id as string,
    fromDate: r.from_date as string,
    toDate: r.to_date as string,
    sharedTerms: r.shared_terms as StoredTerms,
    workplace: (r.workplace as string | null) ?? '',
    note: (r.note as string | null) ?? '',
    status: r.status as ProposalStatus,
    proposedBy: r.proposed_by as string,
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: r.decided_at ? new Date(r.decided_at as string) : null,
    createdAt: new Date(r.created_at as string),
  });
}

function toConsent(r: Row): SharingConsentEntity {
  return Object.assign(new SharingConsentEntity(), {
    id: r.id as string,
    proposalId: r.proposal_id as string,
    motherId: r.mother_id as string,
    hireId: r.hire_id as string,
    originalTerms: r.original_terms as StoredTerms,
    sharedTerms: r.shared_terms as StoredTerms,
    status: r.status as ConsentStatus,
    decidedAt: r.decided_at ? new Date(r.decided_at as string) : null,
    createdAt: new Date(r.created_at as string),
  });
}

function toAgreement(r: Row): SharingAgreementEntity {
  return Object.assign(new SharingAgreementEntity(), {
    id: r.id as string,
    proposalId: r.proposal_id as string,
    consentId: r.consent_id as string,
    offerId: r.offer_id as string,
    requestId: r.request_id as string,
    fromEmployerId: r.from_employer_id as string,
    toEmployerId: r.to_employer_id as string,
    motherId: r.mother_id as string,
    hireId: r.hire_id as string,
    fromDate: r.from_date as string,
    toDate: r.to_date as string,
    termsBefore: r.terms_before as StoredTerms,
    termsAfter: r.terms_after as StoredTerms,
    agreementText: r.agreement_text as string,
    createdAt: new Date(r.created_at as string),
  });
}
