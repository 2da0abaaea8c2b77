import {
  CLAIMABLE_SUBSIDY_LABELS,
  SUBSIDY_FAMILY,
  addMonths,
  checkMotherSubsidyClaim,
  checkSubsidyClaim,
  claimableCodesOf,
  declaredForProposal,
  isIsoDate,
  isoDateInChina,
  maskName,
  motherClaimPeriodFrom,
  regionLikePattern,
  type ClaimApplicationFacts,
  type ClaimCheckResult,
  type ClaimDeclared,
  type ClaimHireFacts,
  type ClaimStatus,
  type ClaimTrainingFacts,
  type ClaimableSubsidyCode,
} from '@mamagang/domain';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { PersonalDataAccessLog } from '../privacy/personal-data-access-log';
import { CommonException } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import { eligibilityOf } from '../policies/eligibility-of';
import { PolicyDataService } from '../policies/policy-data.service';
import { SubsidyFactsRepository, type EmployerFacts, type HireFacts } from '../policies/subsidy-facts.repository';
import { TrainingService } from '../training/training.service';
import { isEmployerMember, isOfficialFor, officialRegionsOf, type Principal } from '../users/principal';
import { ClaimsException } from './claims.errors';
import { ClaimsRepository, type ClaimRow, type DecisionRow, type FlagBrief, type NewClaim } from './claims.repository';

export interface ClaimInput {
  hireId: string;
  subsidyCode: ClaimableSubsidyCode;
  socialInsuranceMonths?: number;
  employerContributionPerMonth?: number;
  accidentPremiumPerYear?: number;
  courseId?: string;
}

/** A mother's own claim (灵活就业人员社会保险补贴) for a hire of hers under a service agreement. */
export interface MotherClaimInput {
  hireId: string;
  /** The day she registered for flexible employment, as she declares it (YYYY-MM-DD). */
  flexibleEmploymentRegisteredOn?: string;
  /** Months of social insurance she paid herself. */
  selfPaidInsuranceMonths?: number;
  /** The first day of the month the period starts in (YYYY-MM-01); the hire's start when absent. */
  periodFrom?: string;
}

export interface CheckedMotherClaim {
  result: ClaimCheckResult;
  policyVersionId: string | null;
  hire: HireFacts;
  /** Her region: the policy and the reviewing officials are hers. */
  regionCode: string;
}

export const MOTHER_SUBSIDY_CODE: ClaimableSubsidyCode = 'mother_flexible_social_insurance';

export interface CheckedClaim {
  result: ClaimCheckResult;
  policyVersionId: string | null;
  hire: HireFacts;
  employer: EmployerFacts;
}

export interface ClaimDetail {
  claim: ClaimRow;
  decisions: DecisionRow[];
  /** Open fraud flags about the hire, employer or mother: shown to officials only. */
  flags: FlagBrief[];
}

export interface ProposalSummary {
  examined: number;
  proposed: number;
  needsData: number;
}

/** Hires older than this are not looked at by 免申即享 any more: every subsidy period has run out by then. */
export const PROPOSAL_LOOKBACK_MONTHS = 24;
const PROPOSAL_BATCH = 100;
export const CLAIM_PAGE_SIZE = 20;

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e.driverError?.code ?? e.code;
}

/**
 * Subsidy claims for reported hires. Every claim is checked against the rules (the domain's
 * checkSubsidyClaim over the policy version in force on the hire's start), and only a claim
 * that passes is recorded; an official approves (the check runs again, on the data of that
 * moment, and the version and result are stored for good) or rejects with a reason. Every
 * step is logged. 免申即享: proposeEligible puts qualifying hires forward without a claim.
 * A mother claims her own 灵活就业人员社会保险补贴 (fileMine, checkMotherSubsidyClaim over her
 * region's policy); it joins the same review queue and is approved the same way.
 */
@Injectable()
export class ClaimsService {
  private readonly logger = new Logger(ClaimsService.name);

  constructor(
    private readonly repo: ClaimsRepository,
    private readonly facts: SubsidyFactsRepository,
    private readonly policyData: PolicyDataService,
    private readonly training: TrainingService,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  /** The check of a claim the employer is about to file; nothing is written. */
  async preview(me: Principal, employerId: string, input: ClaimInput): Promise<CheckedClaim> {
    this.assertMember(me, employerId);
    return this.check(employerId, input, null);
  }

  /** Files a claim that passes the rules; one that fails answers CLAIM_RULES_FAILED with every reason. */
  async file(me: Principal, employerId: string, input: ClaimInput): Promise<ClaimDetail> {
    this.assertMember(me, employerId);
    return this.submit(me, async (tx) => {
      const checked = await this.check(employerId, input, null, tx);
      return {
        checked,
        claim: {
          hireId: checked.hire.id,
          employerId,
          motherId: checked.hire.motherId,
          regionCode: checked.employer.regionCode,
          subsidyCode: input.subsidyCode,
          source: 'employer',
          courseId: input.courseId ?? null,
          socialInsuranceMonths: input.socialInsuranceMonths ?? null,
          employerContributionPerMonth: input.employerContributionPerMonth ?? null,
          accidentPremiumPerYear: input.accidentPremiumPerYear ?? null,
        },
      };
    });
  }

  async listForEmployer(me: Principal, employerId: string, status: ClaimStatus | null): Promise<ClaimRow[]> {
    this.assertMember(me, employerId);
    return this.repo.listForEmployer(employerId, status, 200);
  }

  /** A claim for a member of its employer or an official of its region; 404 for anyone else. */
  async get(me: Principal, id: string): Promise<ClaimDetail> {
    const claim = await this.repo.find(id);
    if (!claim) throw new CommonException('NOT_FOUND', '补贴申请不存在');
    const official = isOfficialFor(me, claim.regionCode);
    const hers = me.motherId !== null && me.motherId === claim.motherId;
    // A mother's own claim is hers and her officials'; her employer sees the claims it or 免申即享 made.
    const employer = claim.source !== 'mother' && isEmployerMember(me, claim.employerId);
    if (!official && !hers && !employer) throw new CommonException('NOT_FOUND', '补贴申请不存在');
    const detail = await this.detail(id, official);
    // Her employer sees its own employee's claim; an official's reading is logged.
    if (official) await this.accessLog.record(me, { subjects: [claim.motherId], action: 'claims.detail', route: 'GET /api/claims/:id', regionCode: claim.regionCode });
    return detail;
  }

  async listForOfficial(me: Principal, status: ClaimStatus | null, page: number): Promise<{ items: ClaimRow[]; total: number }> {
    const patterns = officialRegionsOf(me).map(regionLikePattern);
    if (patterns.length === 0) return { items: [], total: 0 };
    const result = await this.repo.listForRegions(patterns, status, (page - 1) * CLAIM_PAGE_SIZE, CLAIM_PAGE_SIZE);
    await this.accessLog.record(me, { subjects: result.items.map((c) => c.motherId), action: 'claims.list', route: 'GET /api/official/claims', regionCode: officialRegionsOf(me)[0] ?? null });
    return result;
  }

  /**
   * Approves an undecided claim of the official's region. The rules are checked again on
   * today's data; a claim that no longer passes cannot be approved (reject it, with the reason).
   * The amount, the check and the policy version are stored with the decision and never change.
   */
  async approve(me: Principal, id: string, reason: string | null): Promise<ClaimDetail> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const claim = await this.lockForOfficial(me, id, tx);
      // Her own claim is checked by her rules, on what she declared and the period it started with.
      const checked =
        claim.source === 'mother'
          ? await this.checkMine(claim.motherId, inputOfMotherClaim(claim), claim.id, tx)
          : await this.check(claim.employerId, inputOfEmployerClaim(claim), claim.id, tx);
      if (!checked.result.passes || !checked.policyVersionId) throw ClaimsException.rulesFailed(checked.result, '这笔申请现在不符合规定，不能批准，请填写原因后不予批准');
      await this.repo.decide(id, { status: 'approved', reason, by: me.userId, at: now, policyVersionId: checked.policyVersionId, check: checked.result }, tx);
      await this.repo.logDecision(
        { claimId: id, action: 'approved', actorId: me.userId, reason, amount: checked.result.amount, policyVersionId: checked.policyVersionId, check: checked.result, at: now },
        tx,
      );
      const label = CLAIMABLE_SUBSIDY_LABELS[claim.subsidyCode];
      const money = `金额${checked.result.amount}元（${checked.result.periodFrom}至${checked.result.periodTo}）`;
      if (claim.source === 'mother') {
        await this.notifyMother(claim, 'claims.approved', '补贴已批准', `您申请的“${label}”已批准，${money}`, tx);
      } else {
        await this.notifyEmployer(claim, 'claims.approved', '补贴申请已批准', `${who(claim.motherName)}的“${label}”已批准，${money}`, tx);
        await this.notifyMother(claim, 'claims.approved', '补贴已批准', `单位${claim.employerName}为您申领的“${label}”已批准`, tx);
      }
    });
    return this.detail(id, true);
  }

  async reject(me: Principal, id: string, reason: string): Promise<ClaimDetail> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const claim = await this.lockForOfficial(me, id, tx);
      await this.repo.decide(id, { status: 'rejected', reason, by: me.userId, at: now }, tx);
      await this.repo.logDecision({ claimId: id, action: 'rejected', actorId: me.userId, reason, amount: null, policyVersionId: claim.policyVersionId, check: null, at: now }, tx);
      const label = CLAIMABLE_SUBSIDY_LABELS[claim.subsidyCode];
      if (claim.source === 'mother') await this.notifyMother(claim, 'claims.rejected', '补贴申请未获批准', `您申请的“${label}”未获批准：${reason}`, tx);
      else await this.notifyEmployer(claim, 'claims.rejected', '补贴申请未获批准', `${who(claim.motherName)}的“${label}”未获批准：${reason}`, tx);
    });
    return this.detail(id, true);
  }

  // --- her own claim ---------------------------------------------------------------------------

  /** The check of the claim she is about to file for her own subsidy; nothing is written. */
  async previewMine(me: Principal, input: MotherClaimInput): Promise<CheckedMotherClaim> {
    return this.checkMine(this.motherOf(me), input, null);
  }

  /** Files her own claim when it passes the rules (CLAIM_RULES_FAILED otherwise, nothing written); it joins the officials' queue. */
  async fileMine(me: Principal, input: MotherClaimInput): Promise<ClaimDetail> {
    const motherId = this.motherOf(me);
    return this.submit(me, async (tx) => {
      const checked = await this.checkMine(motherId, input, null, tx);
      return {
        checked,
        claim: {
          hireId: checked.hire.id,
          employerId: checked.hire.employerId,
          motherId,
          regionCode: checked.regionCode,
          subsidyCode: MOTHER_SUBSIDY_CODE,
          source: 'mother',
          courseId: null,
          socialInsuranceMonths: input.selfPaidInsuranceMonths ?? null,
          employerContributionPerMonth: null,
          accidentPremiumPerYear: null,
          flexibleEmploymentRegisteredOn: input.flexibleEmploymentRegisteredOn ?? null,
        },
      };
    });
  }

  /**
   * Files a claim, the employer's or hers, in one transaction: the rules run on the data read in
   * it; a claim that fails them answers CLAIM_RULES_FAILED with every reason and writes nothing;
   * one that passes is stored with the check and its policy version and logged as submitted.
   */
  private async submit(
    me: Principal,
    prepare: (tx: Tx) => Promise<{
      checked: { result: ClaimCheckResult; policyVersionId: string | null };
      claim: Omit<NewClaim, 'subsidyFamily' | 'status' | 'policyVersionId' | 'check' | 'createdBy' | 'at'>;
    }>,
  ): Promise<ClaimDetail> {
    const now = this.clock.now();
    let claimId: string;
    try {
      claimId = await this.transactions.run(async (tx) => {
        const { checked, claim } = await prepare(tx);
        if (!checked.result.passes || !checked.policyVersionId) throw ClaimsException.rulesFailed(checked.result);
        const id = await this.repo.insert(
          {
            ...claim,
            subsidyFamily: SUBSIDY_FAMILY[claim.subsidyCode],
            status: 'submitted',
            policyVersionId: checked.policyVersionId,
            check: checked.result,
            createdBy: me.userId,
            at: now,
          },
          tx,
        );
        await this.repo.logDecision(
          { claimId: id, action: 'submitted', actorId: me.userId, reason: null, amount: checked.result.amount, policyVersionId: checked.policyVersionId, check: checked.result, at: now },
          tx,
        );
        return id;
      });
    } catch (error) {
      throw this.mapConflict(error);
    }
    return this.detail(claimId, false);
  }

  /** Every claim naming her: her own, and those her employers filed or 免申即享 put forward. */
  async listMine(me: Principal): Promise<ClaimRow[]> {
    if (!me.motherId) return [];
    return this.repo.listForMother(me.motherId, 200);
  }

  /** The employer reports that an employment ended (离职). Claims are checked against it from then on. */
  async endHire(me: Principal, employerId: string, hireId: string, endedOn: string, reason: string): Promise<{ hireId: string; endedOn: string; reason: string }> {
    this.assertMember(me, employerId);
    const hire = await this.facts.hire(hireId);
    if (!hire || hire.employerId !== employerId) throw new CommonException('NOT_FOUND', '录用记录不存在');
    const today = isoDateInChina(this.clock.now());
    if (!isIsoDate(endedOn)) throw ClaimsException.hireEndInvalid('请填写正确的离职日期（年-月-日）');
    if (endedOn < hire.startDate) throw ClaimsException.hireEndInvalid(`离职日期不能早于入职日期${hire.startDate}`);
    if (endedOn > today) throw ClaimsException.hireEndInvalid('离职日期不能晚于今天');
    if (!(await this.repo.endHire(hireId, endedOn, reason.trim(), me.userId, this.clock.now()))) throw ClaimsException.hireAlreadyEnded();
    return { hireId, endedOn, reason: reason.trim() };
  }

  /**
   * 免申即享: every hire that qualifies for a subsidy of its city's policy, and has no claim for
   * it yet, is put forward to the officials as a proposed claim; the employer and the mother are
   * told. Where the system lacks data only the employer has (its actual contribution, the
   * premium it paid), the employer is told once what to supply. Idempotent: a hire with any
   * claim for a subsidy (even a rejected one) is never proposed for it again.
   *
   * With `tx` (a job's transaction) everything runs in it; without, each hire in its own.
   */
  async proposeEligible(now: Date, options: { regionCode?: string; tx?: Tx } = {}): Promise<ProposalSummary> {
    const today = isoDateInChina(now);
    const since = addMonths(today, -PROPOSAL_LOOKBACK_MONTHS);
    const regionLike = options.regionCode ? regionLikePattern(options.regionCode) : null;
    const summary: ProposalSummary = { examined: 0, proposed: 0, needsData: 0 };
    let after: string | null = null;
    for (;;) {
      const batch = await this.facts.proposalCandidates({ from: since, to: today }, regionLike, after, PROPOSAL_BATCH, options.tx);
      if (batch.length === 0) break;
      after = (batch[batch.length - 1] as HireFacts).id;
      for (const hire of batch) {
        summary.examined += 1;
        const work = (tx: Tx) => this.proposeFor(hire.id, now, tx);
        try {
          const r = options.tx ? await work(options.tx) : await this.transactions.run(work);
          summary.proposed += r.proposed;
          summary.needsData += r.needsData;
        } catch (error) {
          // Without a shared transaction one hire's conflict (a claim filed at the same moment) skips only that hire.
          if (options.tx) throw error;
          this.logger.warn(`免申即享: hire ${hire.id} skipped: ${(error as Error).message}`);
        }
      }
    }
    return summary;
  }

  // -------------------------------------------------------------------------------------------

  private async proposeFor(hireId: string, now: Date, tx: Tx): Promise<{ proposed: number; needsData: number }> {
    const out = { proposed: 0, needsData: 0 };
    const hire = await this.facts.hire(hireId, tx);
    if (!hire) return out;
    const employer = await this.facts.employer(hire.employerId, tx);
    if (!employer) return out;
    const inForce = await this.policyData.inForce(employer.regionCode, hire.startDate, tx);
    if (!inForce) return out;
    // Training claims need the employer to name its course; they are never proposed.
    const codes = claimableCodesOf(inForce.policy).filter((c) => c !== 'employer_training');
    for (const code of codes) {
      if (await this.repo.exists(hire.id, code, tx)) continue;
      const declared = declaredForProposal(inForce.policy, code, factsOf(hire));
      const checked = await this.check(hire.employerId, { hireId: hire.id, subsidyCode: code, ...declared }, null, tx);
      const label = CLAIMABLE_SUBSIDY_LABELS[code];
      if (checked.result.passes && checked.policyVersionId) {
        const id = await this.repo.insert(
          {
            hireId: hire.id,
            employerId: hire.employerId,
            motherId: hire.motherId,
            regionCode: employer.regionCode,
            subsidyCode: code,
            subsidyFamily: SUBSIDY_FAMILY[code],
            source: 'auto',
            status: 'proposed',
            courseId: null,
            socialInsuranceMonths: declared.socialInsuranceMonths ?? null,
            employerContributionPerMonth: null,
            accidentPremiumPerYear: null,
            policyVersionId: checked.policyVersionId,
            check: checked.result,
            createdBy: null,
            at: now,
          },
          tx,
        );
        await this.repo.logDecision(
          { claimId: id, action: 'proposed', actorId: null, reason: '系统核验录用数据后自动推送（免申即享）', amount: checked.result.amount, policyVersionId: checked.policyVersionId, check: checked.result, at: now },
          tx,
        );
        const text = `“${label}”约${checked.result.amount}元（${checked.result.periodFrom}至${checked.result.periodTo}）已由系统推送审核，无需申请`;
        await this.notifications.notify(
          {
            recipientKind: 'employer',
            recipientId: hire.employerId,
            kind: 'claims.proposed',
            title: '免申即享：补贴已自动推送审核',
            body: `您单位录用的${who(hire.motherName)}，${text}`,
            payload: { claimId: id, hireId: hire.id },
            dedupeKey: `claims.proposed:${id}:employer`,
          },
          tx,
        );
        await this.notifications.notify(
          {
            recipientKind: 'mother',
            recipientId: hire.motherId,
            kind: 'claims.proposed',
            title: '免申即享：您的岗位可享受补贴',
            body: `您在${employer.name}的岗位符合妈妈岗补贴条件，单位的${text}`,
            payload: { claimId: id, hireId: hire.id },
            dedupeKey: `claims.proposed:${id}:mother`,
          },
          tx,
        );
        out.proposed += 1;
      } else if (!checked.result.dataComplete && checked.result.checks.every((c) => c.passed || c.code === 'data_complete')) {
        const missing = checked.result.checks.filter((c) => !c.passed).map((c) => c.reason);
        const sent = await this.notifications.notify(
          {
            recipientKind: 'employer',
            recipientId: hire.employerId,
            kind: 'claims.needs_data',
            title: '可申请妈妈岗补贴',
            body: `您单位录用的${who(hire.motherName)}可申请“${label}”：${missing.join('；')}，然后提交申请`,
            payload: { hireId: hire.id, subsidyCode: code },
            dedupeKey: `claims.needs_data:${hire.id}:${code}`,
          },
          tx,
        );
        if (sent) out.needsData += 1;
      }
    }
    return out;
  }

  /** Gathers the facts and runs the rules; `excludeClaimId` leaves the claim being decided out of "one per period". */
  private async check(employerId: string, input: ClaimInput, excludeClaimId: string | null, tx?: Tx): Promise<CheckedClaim> {
    const hire = await this.facts.hire(input.hireId, tx);
    if (!hire || hire.employerId !== employerId) throw new CommonException('NOT_FOUND', '录用记录不存在');
    const employer = await this.facts.employer(employerId, tx);
    const mother = await this.facts.mother(hire.motherId, tx);
    if (!employer || !mother) throw new CommonException('NOT_FOUND', '录用记录不存在');

    let training: ClaimTrainingFacts | undefined;
    if (input.subsidyCode === 'employer_training') {
      if (input.courseId) {
        const att = await this.training.attendanceFacts(input.courseId, hire.motherId, tx);
        if (!att) throw ClaimsException.inputInvalid('所选培训课程不存在');
        training = {
          ownCourse: att.providerKind === 'employer' && att.employerId === employerId,
          classHours: att.classHours,
          firstDate: att.firstDate,
          lastDate: att.lastDate,
        };
      }
    } else if (input.courseId) {
      throw ClaimsException.inputInvalid('只有培训补贴需要选择课程');
    }
    const referenceDate = training?.firstDate ?? hire.startDate;
    const inForce = await this.policyData.inForce(employer.regionCode, referenceDate, tx);
    const others = (await this.facts.claimsOfMother(hire.motherId, tx)).filter((c) => c.id !== excludeClaimId);
    // null (which @IsOptional lets through) is "not declared", like a field left out.
    const declared: ClaimDeclared = {
      ...(typeof input.socialInsuranceMonths === 'number' ? { socialInsuranceMonths: input.socialInsuranceMonths } : {}),
      ...(typeof input.employerContributionPerMonth === 'number' ? { employerContributionPerMonth: input.employerContributionPerMonth } : {}),
      ...(typeof input.accidentPremiumPerYear === 'number' ? { accidentPremiumPerYear: input.accidentPremiumPerYear } : {}),
    };
    const result = checkSubsidyClaim({
      subsidyCode: input.subsidyCode,
      policy: inForce?.policy ?? null,
      referenceDate,
      employer: { approved: employer.status === 'approved', isLabourDispatch: employer.isLabourDispatch, kind: employer.kind },
      hire: factsOf(hire),
      application: {
        found: hire.application !== null,
        matches:
          hire.application !== null &&
          hire.application.motherId === hire.motherId &&
          hire.application.postId === hire.postId &&
          hire.application.employerId === hire.employerId,
        ...(hire.application ? { status: hire.application.status } : {}),
      },
      mother: eligibilityOf(mother, hire.startDate),
      declared,
      ...(training ? { training } : {}),
      otherClaims: others.map((c) => ({
        id: c.id,
        subsidyCode: c.subsidyCode,
        status: c.status,
        periodFrom: c.periodFrom,
        periodTo: c.periodTo,
        amount: c.amount,
        policySource: c.policySource,
      })),
    });
    return { result, policyVersionId: inForce?.versionId ?? null, hire, employer };
  }

  /** Gathers the facts of her own claim and runs the rules; the policy and region are hers. */
  private async checkMine(motherId: string, input: MotherClaimInput, excludeClaimId: string | null, tx?: Tx): Promise<CheckedMotherClaim> {
    const hire = await this.facts.hire(input.hireId, tx);
    if (!hire || hire.motherId !== motherId) throw new CommonException('NOT_FOUND', '录用记录不存在');
    const employer = await this.facts.employer(hire.employerId, tx);
    const mother = await this.facts.mother(motherId, tx);
    if (!employer || !mother) throw new CommonException('NOT_FOUND', '录用记录不存在');
    const registeredOn = input.flexibleEmploymentRegisteredOn;
    if (registeredOn !== undefined && !isIsoDate(registeredOn)) throw ClaimsException.inputInvalid('请填写正确的灵活就业登记日期（年-月-日）');
    if (input.periodFrom !== undefined && !isIsoDate(input.periodFrom)) throw ClaimsException.inputInvalid('请填写正确的申请起始月份（年-月）');
    const periodFrom = motherClaimPeriodFrom(hire.startDate, input.periodFrom);
    const inForce = await this.policyData.inForce(mother.regionCode, periodFrom, tx);
    const others = (await this.facts.claimsOfMother(motherId, tx)).filter((c) => c.id !== excludeClaimId);
    const result = checkMotherSubsidyClaim({
      policy: inForce?.policy ?? null,
      periodFrom,
      today: isoDateInChina(this.clock.now()),
      employerApproved: employer.status === 'approved',
      hire: factsOf(hire),
      application: applicationFactsOf(hire),
      mother: eligibilityOf(mother, hire.startDate),
      declared: {
        ...(registeredOn !== undefined ? { flexibleEmploymentRegisteredOn: registeredOn } : {}),
        ...(typeof input.selfPaidInsuranceMonths === 'number' ? { selfPaidInsuranceMonths: input.selfPaidInsuranceMonths } : {}),
      },
      otherClaims: others.map((c) => ({
        id: c.id,
        subsidyCode: c.subsidyCode,
        status: c.status,
        periodFrom: c.periodFrom,
        periodTo: c.periodTo,
        amount: c.amount,
        policySource: c.policySource,
      })),
    });
    return { result, policyVersionId: inForce?.versionId ?? null, hire, regionCode: mother.regionCode };
  }

  private motherOf(me: Principal): string {
    if (!me.motherId) throw new CommonException('NOT_FOUND', '录用记录不存在');
    return me.motherId;
  }

  private async lockForOfficial(me: Principal, id: string, tx: Tx): Promise<ClaimRow> {
    const claim = await this.repo.find(id, tx, true);
    if (!claim || !isOfficialFor(me, claim.regionCode)) throw new CommonException('NOT_FOUND', '补贴申请不存在');
    if (claim.status !== 'proposed' && claim.status !== 'submitted') throw ClaimsException.alreadyDecided();
    return claim;
  }

  private async detail(id: string, official: boolean): Promise<ClaimDetail> {
    const claim = await this.repo.find(id);
    if (!claim) throw new CommonException('NOT_FOUND', '补贴申请不存在');
    const decisions = await this.repo.decisions(id);
    const flags = official ? await this.repo.openFlagsAbout([claim.hireId, claim.employerId, claim.motherId, claim.id]) : [];
    return { claim, decisions, flags };
  }

  private assertMember(me: Principal, employerId: string): void {
    if (!isEmployerMember(me, employerId)) throw new CommonException('NOT_FOUND', '单位不存在');
  }

  private mapConflict(error: unknown): unknown {
    const code = pgCode(error);
    if (code === '23505') return ClaimsException.duplicate();
    if (code === '23P01') {
      return ClaimsException.rulesFailed({
        checks: [{ code: 'one_per_period', label: '同一人员同一期间只享受一次', passed: false, reason: '她在这一期间已有同类补贴申请（刚刚由其他单位或系统提交）' }],
      });
    }
    return error;
  }

  private notifyEmployer(claim: ClaimRow, kind: string, title: string, body: string, tx: Tx): Promise<boolean> {
    return this.notifications.notify(
      { recipientKind: 'employer', recipientId: claim.employerId, kind, title, body, payload: { claimId: claim.id, hireId: claim.hireId }, dedupeKey: `${kind}:${claim.id}:employer` },
      tx,
    );
  }

  private notifyMother(claim: ClaimRow, kind: string, title: string, body: string, tx: Tx): Promise<boolean> {
    return this.notifications.notify(
      { recipientKind: 'mother', recipientId: claim.motherId, kind, title, body, payload: { claimId: claim.id }, dedupeKey: `${kind}:${claim.id}:mother` },
      tx,
    );
  }
}

/** Her name as an employer's notice shows it: masked (王*). */
function who(name: string): string {
  return name ? maskName(name) : '妈妈';
}

function applicationFactsOf(hire: HireFacts): ClaimApplicationFacts {
  return {
    found: hire.application !== null,
    matches:
      hire.application !== null &&
      hire.application.motherId === hire.motherId &&
      hire.application.postId === hire.postId &&
      hire.application.employerId === hire.employerId,
    ...(hire.application ? { status: hire.application.status } : {}),
  };
}

/** What a stored employer (or 免申即享) claim declared, to check it again at approval. */
function inputOfEmployerClaim(claim: ClaimRow): ClaimInput {
  return {
    hireId: claim.hireId,
    subsidyCode: claim.subsidyCode,
    ...(claim.socialInsuranceMonths !== null ? { socialInsuranceMonths: claim.socialInsuranceMonths } : {}),
    ...(claim.employerContributionPerMonth !== null ? { employerContributionPerMonth: claim.employerContributionPerMonth } : {}),
    ...(claim.accidentPremiumPerYear !== null ? { accidentPremiumPerYear: claim.accidentPremiumPerYear } : {}),
    ...(claim.courseId ? { courseId: claim.courseId } : {}),
  };
}

/** What a stored mother's claim declared, to check it again at approval (same period start). */
function inputOfMotherClaim(claim: ClaimRow): MotherClaimInput {
  return {
    hireId: claim.hireId,
    ...(claim.flexibleEmploymentRegisteredOn ? { flexibleEmploymentRegisteredOn: claim.flexibleEmploymentRegisteredOn } : {}),
    ...(claim.socialInsuranceMonths !== null ? { selfPaidInsuranceMonths: claim.socialInsuranceMonths } : {}),
    periodFrom: claim.periodFrom,
  };
}

function factsOf(hire: HireFacts): ClaimHireFacts {
  return {
    startDate: hire.startDate,
    contractForm: hire.contractForm,
    contractMonths: hire.contractMonths,
    socialInsurance: hire.socialInsurance,
    postType: hire.postType,
    ...(hire.endedOn ? { endedOn: hire.endedOn } : {}),
  };
}
