import {
  assessMotherEligibility,
  estimateEmployerSubsidy,
  estimateMotherSubsidy,
  isoDateInChina,
  maskName,
  ymd,
  type IsoDate,
  type SubsidyEmployer,
  type SubsidyItem,
} from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import { RegionsRepository } from '../regions/regions.repository';
import { isEmployerMember, isOfficialFor, type Principal } from '../users/principal';
import { eligibilityOf } from './eligibility-of';
import { PoliciesException } from './policies.errors';
import { PolicyDataService, type PolicyInForce } from './policy-data.service';
import { SubsidyFactsRepository, type ClaimSummary, type EmployerFacts, type HireFacts } from './subsidy-facts.repository';

export interface PolicyRef {
  versionId: string;
  title: string;
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface MotherPolicyCentre {
  on: IsoDate;
  regionCode: string;
  regionName: string;
  policy: PolicyRef | null;
  summary: string;
  eligibility: { eligible: boolean; reasons: string[] };
  items: SubsidyItem[];
  total: number;
  claims: ClaimSummary[];
  /** Her hires (newest first), so she can name the one her own claim is for. */
  hires: { hire: HireFacts; employerName: string }[];
}

export interface HireSubsidies {
  hire: HireFacts;
  policy: PolicyRef | null;
  items: SubsidyItem[];
  total: number;
  claims: ClaimSummary[];
}

export interface EmployerPolicyCentre {
  on: IsoDate;
  employer: EmployerFacts;
  regionName: string;
  policy: PolicyRef | null;
  summary: string;
  general: { assumption: string; items: SubsidyItem[]; total: number };
  hires: HireSubsidies[];
  total: number;
}

export const GENERAL_ASSUMPTION = '按今天录用一名妈妈岗人员估算：通过平台申请录用、签订12个月劳动合同、缴纳社会保险';
const HIRES_SHOWN = 50;

function refOf(p: PolicyInForce | null): PolicyRef | null {
  if (!p) return null;
  return { versionId: p.versionId, title: p.policy.title, source: p.policy.source, effectiveFrom: p.policy.effectiveFrom, effectiveTo: p.policy.effectiveTo ?? null };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The policy centre: for a mother or an employer, what she or it qualifies for in its region
 * today, why, what is missing and how much, from the domain estimators over the policy version
 * in force (a hire's figures use the version in force on its start date).
 */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly policyData: PolicyDataService,
    private readonly facts: SubsidyFactsRepository,
    private readonly regions: RegionsRepository,
    private readonly clock: Clock,
  ) {}

  async forMother(me: Principal): Promise<MotherPolicyCentre> {
    if (!me.motherId) throw PoliciesException.needsProfile();
    const mother = await this.facts.mother(me.motherId);
    if (!mother) throw PoliciesException.needsProfile();
    const on = isoDateInChina(this.clock.now());
    const eligibility = eligibilityOf(mother, on);
    const inForce = await this.policyData.inForce(mother.regionCode, on);
    const regionName = (await this.regions.findByCode(mother.regionCode))?.name ?? mother.regionCode;

    // Her own subsidy rests on a service agreement she works under; the newest one still running.
    const hires = await this.facts.hiresOfMother(mother.id, 20);
    const agreement = hires.find((h) => h.contractForm === 'service_agreement' && h.endedOn === null);
    const employer = agreement ? await this.facts.employer(agreement.employerId) : null;
    const claims = await this.facts.claimsOfMother(mother.id);
    // What she declared on a live claim of her own for it: the platform knows nothing else of her registration.
    const ownClaim = agreement ? claims.find((c) => c.source === 'mother' && c.hireId === agreement.id && c.status !== 'rejected') : undefined;
    const items = inForce
      ? estimateMotherSubsidy(
          {
            policy: inForce.policy,
            mother: eligibility,
            ...(agreement
              ? {
                  hire: {
                    contractForm: agreement.contractForm,
                    contractMonths: agreement.contractMonths,
                    startDate: agreement.startDate,
                    fromApplication: fromRealApplication(agreement),
                    employerApproved: employer?.status === 'approved',
                    // Known only from her own claim (POST /claims/mine), which the official verifies.
                    flexibleEmploymentRegistered: ownClaim !== undefined,
                    paysOwnSocialInsurance: ownClaim !== undefined,
                  },
                }
              : {}),
          },
          on,
        ).items
      : [];
    const total = round2(items.reduce((s, i) => s + i.total, 0));
    const employerNames = new Map<string, string>();
    for (const h of hires) {
      if (!employerNames.has(h.employerId)) employerNames.set(h.employerId, (await this.facts.employer(h.employerId))?.name ?? '');
    }
    return {
      on,
      regionCode: mother.regionCode,
      regionName,
      policy: refOf(inForce),
      summary: inForce
        ? `${regionName}现行妈妈岗政策：${inForce.policy.title}（${inForce.policy.source}）`
        : `${regionName}暂未录入今天有效的妈妈岗政策，请咨询当地人社部门或驿站`,
      eligibility: { eligible: eligibility.eligible, reasons: eligibility.reasons },
      items,
      total,
      claims,
      hires: hires.map((hire) => ({ hire, employerName: employerNames.get(hire.employerId) ?? '' })),
    };
  }

  /** For a member of the employer or an official of its region; anyone else gets 404. */
  async forEmployer(me: Principal, employerId: string): Promise<EmployerPolicyCentre> {
    const employer = await this.facts.employer(employerId);
    if (!employer || !(isEmployerMember(me, employerId) || isOfficialFor(me, employer.regionCode))) {
      throw new CommonException('NOT_FOUND', '单位不存在');
    }
    const on = isoDateInChina(this.clock.now());
    const regionName = (await this.regions.findByCode(employer.regionCode))?.name ?? employer.regionCode;
    const subsidyEmployer: SubsidyEmployer = { approved: employer.status === 'approved', isLabourDispatch: employer.isLabourDispatch, kind: employer.kind };
    const inForce = await this.policyData.inForce(employer.regionCode, on);

    const general = { assumption: GENERAL_ASSUMPTION, items: [] as SubsidyItem[], total: 0 };
    if (inForce) {
      const { year, month } = ymd(on);
      // A mother with a four-year-old: eligible, no special standing (the tax rule then says what it needs).
      const typical = assessMotherEligibility({ children: [{ birthYear: year - 4, birthMonth: month }], now: on });
      const estimate = estimateEmployerSubsidy(
        {
          policy: inForce.policy,
          employer: subsidyEmployer,
          mother: typical,
          hire: { contractForm: 'labour_contract', contractMonths: 12, socialInsurancePaid: true, startDate: on, fromApplication: true },
        },
        on,
      );
      general.items = estimate.items;
      general.total = estimate.total;
    }

    const hires = await this.facts.hiresOfEmployer(employerId, HIRES_SHOWN);
    const claims = await this.facts.claimsOfHires(hires.map((h) => h.id));
    const policyOn = new Map<string, PolicyInForce | null>();
    const result: HireSubsidies[] = [];
    for (const hire of hires) {
      if (!policyOn.has(hire.startDate)) policyOn.set(hire.startDate, await this.policyData.inForce(employer.regionCode, hire.startDate));
      const atStart = policyOn.get(hire.startDate) ?? null;
      const mother = await this.facts.mother(hire.motherId);
      let items: SubsidyItem[] = [];
      if (atStart && mother) {
        items = estimateEmployerSubsidy(
          {
            policy: atStart.policy,
            employer: subsidyEmployer,
            mother: eligibilityOf(mother, hire.startDate),
            hire: {
              contractForm: hire.contractForm,
              contractMonths: hire.contractMonths,
              socialInsurancePaid: hire.socialInsurance,
              startDate: hire.startDate,
              fromApplication: fromRealApplication(hire),
              postType: hire.postType,
            },
          },
          on,
        ).items;
      }
      result.push({
        hire,
        policy: refOf(atStart),
        items,
        total: round2(items.reduce((s, i) => s + i.total, 0)),
        claims: claims.filter((c) => c.hireId === hire.id),
      });
    }
    return {
      on,
      employer,
      regionName,
      policy: refOf(inForce),
      summary: inForce
        ? `${regionName}现行妈妈岗政策：${inForce.policy.title}（${inForce.policy.source}）`
        : `${regionName}暂未录入今天有效的妈妈岗政策；已登记录用的补贴按入职当天有效的政策计算`,
      general,
      hires: result,
      total: round2(result.reduce((s, h) => s + h.total, 0)),
    };
  }

  /** Masked for anyone who is not an official: the employer has her name from the application anyway. */
  static motherNameFor(hire: HireFacts): string {
    return maskName(hire.motherName || '妈妈');
  }
}

/** A hire counts as reported from a real application when the application is hers, for that post, and hired. */
export function fromRealApplication(hire: HireFacts): boolean {
  const a = hire.application;
  return !!a && a.motherId === hire.motherId && a.postId === hire.postId && a.employerId === hire.employerId && a.status === 'hired';
}
