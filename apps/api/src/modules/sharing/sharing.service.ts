import { Injectable } from '@nestjs/common';
import {
  CONTRACT_FORM_LABELS,
  INSURANCE_KIND_LABELS,
  SHARING_SIDE_LABELS,
  checkSharingPeriod,
  formatHourly,
  isIsoDate,
  isoDateInChina,
  maskName,
  matchSharing,
  regionLikePattern,
  termsNoWorse,
  type InsuranceKind,
  type SharingListingInput,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException, type FieldError } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import { isEmployerMember, type Principal } from '../users/principal';
import type {
  AgreementDto,
  ConsentDto,
  CreateListingDto,
  CreateProposalDto,
  EmployeeDto,
  ListingDto,
  MatchDto,
  ProposalDto,
  TermsViewDto,
} from './dto/sharing.dto';
import type { ConsentStatus, ProposalStatus, SharingConsentEntity, SharingListingEntity, SharingProposalEntity, StoredTerms } from './sharing.entity';
import { SharingException } from './sharing.errors';
import { SharingRepository, type AgreementRow, type EmployeeRow } from './sharing.repository';

const LIST_LIMIT = 200;
/** Counterparts considered per own listing; the best matches are shown. */
const CANDIDATES = 200;

const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  proposed: '待调入单位确认',
  accepted: '调入单位已同意',
  declined: '调入单位已婉拒',
};

const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  pending: '待本人确认',
  accepted: '本人已同意',
  declined: '本人已拒绝',
};

/**
 * Worker sharing (用工余缺调剂). An approved employer with slack offers workers; one short of
 * hands asks for them. Offers and requests of one city are matched by period, skills and
 * distance and shown to both. The offering employer proposes, naming its own employees and the
 * terms during the sharing, which must be each one's own terms or better; the requesting
 * employer accepts; each mother says yes or no herself. An agreement between the two employers
 * is recorded for each mother who said yes, and for no one else.
 */
@Injectable()
export class SharingService {
  constructor(
    private readonly repo: SharingRepository,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  // ------------------------------------------------------------------------ listings and matches

  async createListing(me: Principal, employerId: string, dto: CreateListingDto): Promise<ListingDto> {
    const employer = await this.requireMemberOf(me, employerId);
    if (employer.status !== 'approved') throw SharingException.employerNotApproved();
    const now = this.clock.now();
    const problems: FieldError[] = [];
    if (!isIsoDate(dto.from)) problems.push({ field: 'from', rule: 'date', message: '开始日期不正确' });
    if (!isIsoDate(dto.to)) problems.push({ field: 'to', rule: 'date', message: '结束日期不正确' });
    if (problems.length === 0) problems.push(...checkSharingPeriod(dto.from, dto.to, isoDateInChina(now)).map((p) => ({ ...p, rule: 'period' })));
    if (problems.length > 0) throw SharingException.periodInvalid(problems);
    const listing = await this.repo.insertListing({
      employerId,
      side: dto.side,
      regionCode: employer.regionCode,
      workers: dto.workers,
      fromDate: dto.from,
      toDate: dto.to,
      skills: [...new Set(dto.skills.filter((s) => s.length > 0))],
      lat: employer.lat,
      lng: employer.lng,
      note: dto.note ?? '',
      createdBy: me.userId,
      now,
    });
    return toListingDto(listing, employer.name);
  }

  async listings(me: Principal, employerId: string): Promise<ListingDto[]> {
    const employer = await this.requireMemberOf(me, employerId);
    return (await this.repo.listingsOf(employerId, LIST_LIMIT)).map((l) => toListingDto(l, employer.name));
  }

  async closeListing(me: Principal, listingId: string): Promise<ListingDto> {
    const listing = await this.repo.listing(listingId);
    if (!listing || !isEmployerMember(me, listing.employerId)) throw new CommonException('NOT_FOUND', '用工信息不存在');
    const closed = (await this.repo.setListingStatus(listing.id, 'closed', this.clock.now())) as SharingListingEntity;
    const names = await this.repo.employerNames([closed.employerId]);
    return toListingDto(closed, names.get(closed.employerId) ?? '');
  }

  /**
   * Matches for each open listing of the employer with open listings of the other side by other
   * approved employers of the same city; best first. The other employer sees the same pair from
   * its own listing.
   */
  async matches(me: Principal, employerId: string): Promise<MatchDto[]> {
    const employer = await this.requireMemberOf(me, employerId);
    const today = isoDateInChina(this.clock.now());
    const own = (await this.repo.listingsOf(employerId, LIST_LIMIT)).filter((l) => l.status === 'open' && l.toDate >= today);
    const out: MatchDto[] = [];
    for (const mine of own) {
      const other = mine.side === 'offer' ? 'request' : 'offer';
      const candidates = await this.repo.openCounterparts(other, cityPattern(mine.regionCode), employerId, today, CANDIDATES);
      for (const c of candidates) {
        const [offer, request] = mine.side === 'offer' ? [mine, c.listing] : [c.listing, mine];
        const m = matchSharing(toInput(offer), toInput(request));
        if (!m.matched || !m.overlap) continue;
        const offerName = offer === mine ? employer.name : c.employerName;
        const requestName = request === mine ? employer.name : c.employerName;
        out.push({
          mine: mine.side,
          offer: toListingDto(offer, offerName),
          request: toListingDto(request, requestName),
          score: m.score,
          overlap: m.overlap,
          sharedSkills: m.sharedSkills,
          distanceKm: m.distanceKm,
          workers: m.workers,
          reasons: m.reasons,
        });
      }
    }
    return out.sort((a, b) => b.score - a.score || a.overlap.from.localeCompare(b.overlap.from) || a.offer.id.localeCompare(b.offer.id) || a.request.id.localeCompare(b.request.id));
  }

  /** The employer's current employees (mothers with a hire there), with their terms: whom it may propose. */
  async employees(me: Principal, employerId: string): Promise<EmployeeDto[]> {
    await this.requireMemberOf(me, employerId);
    const rows = await this.repo.employees(employerId, isoDateInChina(this.clock.now()), null);
    return rows.map((r) => {
      const terms = originalTerms(r);
      return { motherId: r.motherId, name: maskName(r.motherName), hireId: r.hireId, postTitle: r.postTitle, startDate: r.startDate, terms: terms ? termsView(terms) : null };
    });
  }

  // ------------------------------------------------------------------------ proposals

  async propose(me: Principal, dto: CreateProposalDto): Promise<ProposalDto> {
    const now = this.clock.now();
    const today = isoDateInChina(now);
    const shared: StoredTerms = { hourly: dto.terms.hourly, insurance: dto.terms.insurance, contractForm: dto.terms.contractForm };
    const id = await this.tx.run(async (tx) => {
      const offer = await this.repo.listing(dto.offerId, tx);
      // Only the offering employer proposes, with its own employees.
      if (!offer || offer.side !== 'offer' || !isEmployerMember(me, offer.employerId)) throw new CommonException('NOT_FOUND', '富余用工信息不存在');
      const request = await this.repo.listing(dto.requestId, tx);
      if (!request || request.side !== 'request' || request.employerId === offer.employerId) throw new CommonException('NOT_FOUND', '短缺用工信息不存在');
      if (offer.status !== 'open' || request.status !== 'open') throw SharingException.listingClosed();
      const requester = await this.repo.employer(request.employerId, tx);
      if (!requester || requester.status !== 'approved') throw new CommonException('NOT_FOUND', '短缺用工信息不存在');
      const match = matchSharing(toInput(offer), toInput(request));
      if (!match.matched || !match.overlap) throw SharingException.notMatched(match.reasons);
      if (match.overlap.to < today) throw SharingException.notMatched(['用工时间已过']);
      if (dto.motherIds.length > match.workers) {
        throw SharingException.workersInvalid([{ field: 'motherIds', rule: 'max', message: `本次最多可调剂${match.workers}人` }]);
      }

      const employees = new Map((await this.repo.employees(offer.employerId, today, dto.motherIds, tx)).map((e) => [e.motherId, e]));
      const notEmployees: FieldError[] = [];
      const worse: FieldError[] = [];
      const named: { employee: EmployeeRow; original: StoredTerms }[] = [];
      dto.motherIds.forEach((motherId, i) => {
        const employee = employees.get(motherId);
        const original = employee ? originalTerms(employee) : null;
        if (!employee || !original) {
          notEmployees.push({ field: `motherIds.${i}`, rule: 'employee', message: '只能调剂本单位在职的员工' });
          return;
        }
        const check = termsNoWorse(original, shared);
        for (const p of check.problems) worse.push({ field: `motherIds.${i}`, rule: p.code, message: `${maskName(employee.motherName)}：${p.message}` });
        named.push({ employee, original });
      });
      if (notEmployees.length > 0) throw SharingException.workersInvalid(notEmployees);
      if (worse.length > 0) throw SharingException.termsWorse(worse);

      const proposal = await this.repo.insertProposal(
        {
          offerId: offer.id,
          requestId: request.id,
          fromEmployerId: offer.employerId,
          toEmployerId: request.employerId,
          fromDate: match.overlap.from < today ? today : match.overlap.from,
          toDate: match.overlap.to,
          sharedTerms: shared,
          workplace: dto.workplace ?? '',
          note: dto.note ?? '',
          proposedBy: me.userId,
          now,
        },
        tx,
      );
      const names = await this.repo.employerNames([offer.employerId, request.employerId], tx);
      const fromName = names.get(offer.employerId) ?? '';
      const toName = names.get(request.employerId) ?? '';
      for (const n of named) {
        const consent = await this.repo.insertConsent(
          { proposalId: proposal.id, motherId: n.employee.motherId, hireId: n.employee.hireId, originalTerms: n.original, sharedTerms: shared, now },
          tx,
        );
        await this.notifications.notify(
          {
            recipientKind: 'mother',
            recipientId: n.employee.motherId,
            kind: 'sharing.consent_requested',
            title: '用工调剂征求您的意见',
            body: `${fromName}拟在${proposal.fromDate}至${proposal.toDate}期间安排您到${toName}工作，时薪${formatHourly(shared.hourly)}，待遇不低于现在。是否参加由您本人决定。`,
            payload: { consentId: consent.id, proposalId: proposal.id },
            dedupeKey: `sharing.consent_requested:${consent.id}`,
          },
          tx,
        );
      }
      await this.notifications.notify(
        {
          recipientKind: 'employer',
          recipientId: request.employerId,
          kind: 'sharing.proposed',
          title: '收到用工调剂方案',
          body: `${fromName}拟调剂${named.length}人到贵单位（${proposal.fromDate}至${proposal.toDate}），请查看并确认`,
          payload: { proposalId: proposal.id },
          dedupeKey: `sharing.proposed:${proposal.id}`,
        },
        tx,
      );
      return proposal.id;
    });
    return this.proposalView(id);
  }

  async proposals(me: Principal, employerId: string): Promise<ProposalDto[]> {
    await this.requireMemberOf(me, employerId);
    const proposals = await this.repo.proposalsOf(employerId, LIST_LIMIT);
    return this.proposalViews(proposals);
  }

  /** The requesting employer's answer. Accepting records the agreements of the mothers who already said yes. */
  async decideProposal(me: Principal, proposalId: string, accept: boolean): Promise<ProposalDto> {
    const now = this.clock.now();
    await this.tx.run(async (tx) => {
      const proposal = await this.repo.lockProposal(proposalId, tx);
      const visible = proposal && (isEmployerMember(me, proposal.toEmployerId) || isEmployerMember(me, proposal.fromEmployerId));
      if (!proposal || !visible) throw new CommonException('NOT_FOUND', '调剂方案不存在');
      if (!isEmployerMember(me, proposal.toEmployerId)) throw new CommonException('FORBIDDEN', '只有调入单位可以确认调剂方案');
      const decided = await this.repo.decideProposal(proposal.id, accept ? 'accepted' : 'declined', me.userId, now, tx);
      if (!decided) throw SharingException.alreadyDecided('这个调剂方案已经处理过了');
      const consents = (await this.repo.consentsOf([proposal.id], tx)).get(proposal.id) ?? [];
      if (accept) {
        for (const c of consents) if (c.consent.status === 'accepted') await this.recordAgreement(decided, c.consent, now, tx);
      }
      const names = await this.repo.employerNames([proposal.fromEmployerId, proposal.toEmployerId], tx);
      await this.notifications.notify(
        {
          recipientKind: 'employer',
          recipientId: proposal.fromEmployerId,
          kind: accept ? 'sharing.accepted' : 'sharing.declined',
          title: accept ? '调剂方案已获同意' : '调剂方案被婉拒',
          body: `${names.get(proposal.toEmployerId) ?? ''}${accept ? '同意' : '婉拒'}了您${proposal.fromDate}至${proposal.toDate}的用工调剂方案`,
          payload: { proposalId: proposal.id },
          dedupeKey: `sharing.decided:${proposal.id}`,
        },
        tx,
      );
    });
    return this.proposalView(proposalId);
  }

  // ------------------------------------------------------------------------ mothers

  async myConsents(me: Principal): Promise<ConsentDto[]> {
    if (!me.motherId) return [];
    const rows = await this.repo.consentsOfMother(me.motherId, LIST_LIMIT);
    return rows.map(toConsentDto);
  }

  /**
   * Her own answer. A yes records her agreement at once when the requesting employer has
   * accepted (else when it does); a no means she is never shared under this proposal.
   */
  async decideConsent(me: Principal, consentId: string, accept: boolean): Promise<ConsentDto> {
    const motherId = me.motherId;
    if (!motherId) throw new CommonException('NOT_FOUND', '调剂征询不存在');
    const now = this.clock.now();
    await this.tx.run(async (tx) => {
      const existing = await this.repo.consent(consentId, tx);
      // Another mother's consent does not exist for her.
      if (!existing || existing.motherId !== motherId) throw new CommonException('NOT_FOUND', '调剂征询不存在');
      const proposal = (await this.repo.lockProposal(existing.proposalId, tx)) as SharingProposalEntity;
      if (accept && proposal.status === 'declined') throw SharingException.alreadyDecided('调入单位已婉拒这个方案，无需再确认');
      const decided = await this.repo.decideConsent(existing.id, accept ? 'accepted' : 'declined', now, tx);
      if (!decided) throw SharingException.alreadyDecided('您已经答复过这次调剂征询');
      if (accept && proposal.status === 'accepted') await this.recordAgreement(proposal, decided, now, tx);
      await this.notifications.notify(
        {
          recipientKind: 'employer',
          recipientId: proposal.fromEmployerId,
          kind: accept ? 'sharing.consent_given' : 'sharing.consent_refused',
          title: accept ? '员工同意参加调剂' : '员工不参加调剂',
          body: accept ? '一名员工同意参加用工调剂' : '一名员工不参加这次用工调剂，请勿安排她前往',
          payload: { proposalId: proposal.id, consentId: decided.id },
          dedupeKey: `sharing.consent_decided:${decided.id}`,
        },
        tx,
      );
    });
    const [row] = await this.repo.consentsOfMother(motherId, 1, consentId);
    if (!row) throw new CommonException('NOT_FOUND', '调剂征询不存在');
    return toConsentDto(row);
  }

  // ------------------------------------------------------------------------ agreements

  async agreements(me: Principal, employerId: string): Promise<AgreementDto[]> {
    await this.requireMemberOf(me, employerId);
    return (await this.repo.agreements({ employerId }, LIST_LIMIT)).map(toAgreementDto);
  }

  async myAgreements(me: Principal): Promise<AgreementDto[]> {
    if (!me.motherId) return [];
    return (await this.repo.agreements({ motherId: me.motherId }, LIST_LIMIT)).map(toAgreementDto);
  }

  // ------------------------------------------------------------------------ helpers

  /**
   * Only for a mother who said yes, on a proposal the requesting employer accepted, and only
   * when her terms during the sharing are hers or better (checked again here: the rule, not
   * the order of the steps, guarantees it).
   */
  private async recordAgreement(proposal: SharingProposalEntity, consent: SharingConsentEntity, now: Date, tx: Tx): Promise<void> {
    if (proposal.status !== 'accepted' || consent.status !== 'accepted') return;
    if (!termsNoWorse(consent.originalTerms, consent.sharedTerms).ok) return;
    const names = await this.repo.employerNames([proposal.fromEmployerId, proposal.toEmployerId], tx);
    const text = agreementText({
      from: names.get(proposal.fromEmployerId) ?? '',
      to: names.get(proposal.toEmployerId) ?? '',
      fromDate: proposal.fromDate,
      toDate: proposal.toDate,
      workplace: proposal.workplace,
      before: consent.originalTerms,
      after: consent.sharedTerms,
    });
    await this.repo.insertAgreement(
      {
        proposalId: proposal.id,
        consentId: consent.id,
        offerId: proposal.offerId,
        requestId: proposal.requestId,
        fromEmployerId: proposal.fromEmployerId,
        toEmployerId: proposal.toEmployerId,
        motherId: consent.motherId,
        hireId: consent.hireId,
        fromDate: proposal.fromDate,
        toDate: proposal.toDate,
        termsBefore: consent.originalTerms,
        termsAfter: consent.sharedTerms,
        agreementText: text,
        now,
      },
      tx,
    );
  }

  private async requireMemberOf(me: Principal, employerId: string) {
    // Another employer does not exist for this caller.
    if (!isEmployerMember(me, employerId)) throw new CommonException('NOT_FOUND', '单位不存在');
    const employer = await this.repo.employer(employerId);
    if (!employer) throw new CommonException('NOT_FOUND', '单位不存在');
    return employer;
  }

  private async proposalView(id: string): Promise<ProposalDto> {
    const proposal = await this.repo.proposal(id);
    if (!proposal) throw new CommonException('NOT_FOUND', '调剂方案不存在');
    const [view] = await this.proposalViews([proposal]);
    return view as ProposalDto;
  }

  private async proposalViews(proposals: SharingProposalEntity[]): Promise<ProposalDto[]> {
    const names = await this.repo.employerNames(proposals.flatMap((p) => [p.fromEmployerId, p.toEmployerId]));
    const consents = await this.repo.consentsOf(proposals.map((p) => p.id));
    return proposals.map((p) => ({
      id: p.id,
      offerId: p.offerId,
      requestId: p.requestId,
      fromEmployer: { id: p.fromEmployerId, name: names.get(p.fromEmployerId) ?? '' },
      toEmployer: { id: p.toEmployerId, name: names.get(p.toEmployerId) ?? '' },
      from: p.fromDate,
      to: p.toDate,
      terms: termsView(p.sharedTerms),
      workplace: p.workplace,
      note: p.note,
      status: p.status,
      statusLabel: PROPOSAL_STATUS_LABELS[p.status],
      createdAt: p.createdAt.toISOString(),
      decidedAt: p.decidedAt?.toISOString() ?? null,
      workers: (consents.get(p.id) ?? []).map((c) => ({
        consentId: c.consent.id,
        motherId: c.consent.motherId,
        name: maskName(c.motherName),
        status: c.consent.status,
        statusLabel: CONSENT_STATUS_LABELS[c.consent.status],
        agreementId: c.agreementId,
      })),
    }));
  }
}

/** The city of a district (matches stay in one city); a city code is its own city. */
function cityPattern(regionCode: string): string {
  return regionLikePattern(`${regionCode.slice(0, 4)}00`);
}

function toInput(l: SharingListingEntity): SharingListingInput {
  return {
    regionCode: l.regionCode,
    from: l.fromDate,
    to: l.toDate,
    skills: l.skills,
    location: l.lat !== null && l.lng !== null ? { lat: l.lat, lng: l.lng } : null,
    workers: l.workers,
  };
}

/**
 * Her terms at the offering employer: the post's hourly pay (its lower end: what she is sure
 * of), social insurance when the hire reported it (else the post's cover, never more than
 * commercial), and the contract form of the hire.
 */
function originalTerms(e: EmployeeRow): StoredTerms | null {
  if (e.hourly === null) return null;
  const insurance: InsuranceKind = e.socialInsurance ? 'social' : e.postInsurance === 'social' ? 'none' : e.postInsurance;
  return { hourly: e.hourly, insurance, contractForm: e.contractForm };
}

function termsView(t: StoredTerms): TermsViewDto {
  return {
    hourly: t.hourly,
    hourlyText: formatHourly(t.hourly),
    insurance: t.insurance,
    insuranceLabel: INSURANCE_KIND_LABELS[t.insurance] ?? t.insurance,
    contractForm: t.contractForm,
    contractLabel: CONTRACT_FORM_LABELS[t.contractForm] ?? t.contractForm,
  };
}

function toListingDto(l: SharingListingEntity, employerName: string): ListingDto {
  return {
    id: l.id,
    employerId: l.employerId,
    employerName,
    side: l.side,
    sideLabel: SHARING_SIDE_LABELS[l.side],
    regionCode: l.regionCode,
    workers: l.workers,
    from: l.fromDate,
    to: l.toDate,
    skills: l.skills,
    note: l.note,
    status: l.status,
    createdAt: l.createdAt.toISOString(),
  };
}

function toConsentDto(r: { consent: SharingConsentEntity; proposal: SharingProposalEntity; fromEmployerName: string; toEmployerName: string; agreementId: string | null }): ConsentDto {
  const c = r.consent;
  const p = r.proposal;
  return {
    id: c.id,
    proposalId: p.id,
    status: c.status,
    statusLabel: CONSENT_STATUS_LABELS[c.status],
    fromEmployer: { id: p.fromEmployerId, name: r.fromEmployerName },
    toEmployer: { id: p.toEmployerId, name: r.toEmployerName },
    from: p.fromDate,
    to: p.toDate,
    workplace: p.workplace,
    note: p.note,
    original: termsView(c.originalTerms),
    shared: termsView(c.sharedTerms),
    proposalStatus: p.status,
    agreementId: r.agreementId,
    createdAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
  };
}

function toAgreementDto(r: AgreementRow): AgreementDto {
  const g = r.agreement;
  return {
    id: g.id,
    proposalId: g.proposalId,
    fromEmployer: { id: g.fromEmployerId, name: r.fromEmployerName },
    toEmployer: { id: g.toEmployerId, name: r.toEmployerName },
    motherId: g.motherId,
    motherName: maskName(r.motherName),
    from: g.fromDate,
    to: g.toDate,
    termsBefore: termsView(g.termsBefore),
    termsAfter: termsView(g.termsAfter),
    text: g.agreementText,
    createdAt: g.createdAt.toISOString(),
  };
}

/** The service agreement between the two employers about one mother, in Chinese. */
export function agreementText(a: { from: string; to: string; fromDate: string; toDate: string; workplace: string; before: StoredTerms; after: StoredTerms }): string {
  const t = (x: StoredTerms) => `时薪${formatHourly(x.hourly)}，${INSURANCE_KIND_LABELS[x.insurance]}，${CONTRACT_FORM_LABELS[x.contractForm]}`;
  return [
    `用工余缺调剂服务协议`,
    `调出单位（甲方）：${a.from}；调入单位（乙方）：${a.to}。`,
    `经员工本人同意，甲方于${a.fromDate}至${a.toDate}期间安排其到乙方${a.workplace ? `（${a.workplace}）` : ''}工作。`,
    `调剂期间员工与甲方的劳动关系（或服务关系）不变；乙方按本协议向甲方支付服务费用，甲方按时足额支付员工报酬。`,
    `员工原待遇：${t(a.before)}；调剂期间待遇：${t(a.after)}，不低于原待遇。`,
    `调剂期满员工回到甲方原岗位；员工可随时提出结束调剂。`,
  ].join('\n');
}
