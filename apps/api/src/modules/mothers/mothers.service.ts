import { Injectable } from '@nestjs/common';
import {
  CHILDCARE_STAGES,
  type ChildcareStage,
  type IsoDate,
  type MotherEligibility,
  type WeeklyWindow,
  assessMotherEligibility,
  checkLocationInRegion,
  childAge,
  formatWindows,
  isoDateInChina,
  normalizeWindows,
  validateWindows,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException, type FieldError } from '../../common/errors';
import { TransactionRunner } from '../../database/transaction';
import { RegionsRepository } from '../regions/regions.repository';
import type { Principal } from '../users/principal';
import { UsersRepository } from '../users/users.repository';
import type { MotherProfileDto, PutMotherProfileDto } from './dto/mother.dto';
import type { MotherEntity } from './mother.entity';
import { MothersException } from './mothers.errors';
import { CURRENT_CONSENT_NOTICE } from '../stations/consent-notices';
import { PrivacyException } from '../privacy/privacy.errors';
import { MothersRepository } from './mothers.repository';

/** ~100 m: enough to rank posts by distance, too coarse to find her door. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Her eligibility today, from what is on record: the children, and her birth date and
 * standings when a station has recorded them (a self-made profile has no birth date, so her
 * age is not assessed; see domain assessMotherEligibility).
 */
export type MotherFacts = Pick<MotherEntity, 'birthDate' | 'registeredUnemployedSince' | 'employmentDifficulty' | 'olderInDifficulty' | 'outOfPoverty'> & {
  children?: readonly { birthYear: number; birthMonth: number }[];
};

export function eligibilityOf(mother: MotherFacts, today: IsoDate): MotherEligibility {
  return assessMotherEligibility({
    birthDate: mother.birthDate ?? undefined,
    children: (mother.children ?? []).map((c) => ({ birthYear: c.birthYear, birthMonth: c.birthMonth })),
    now: today,
    registeredUnemployedSince: mother.registeredUnemployedSince ?? undefined,
    employmentDifficulty: mother.employmentDifficulty,
    olderInDifficulty: mother.olderInDifficulty,
    outOfPoverty: mother.outOfPoverty,
  });
}

export function toMotherProfileDto(mother: MotherEntity, today: IsoDate): MotherProfileDto {
  const eligibility = eligibilityOf(mother, today);
  const stage: ChildcareStage | null = eligibility.stage;
  const windows = mother.availableWindows ?? [];
  return {
    id: mother.id,
    name: mother.name,
    regionCode: mother.regionCode,
    children: (mother.children ?? []).map((c) => {
      const age = childAge(c.birthYear, c.birthMonth, today);
      return { birthYear: c.birthYear, birthMonth: c.birthMonth, ageYears: age.ok ? age.years : 0 };
    }),
    stage,
    stageLabel: stage ? CHILDCARE_STAGES[stage].label : null,
    home: mother.homeLat !== null && mother.homeLng !== null ? { lat: mother.homeLat, lng: mother.homeLng } : null,
    school: mother.schoolLat !== null && mother.schoolLng !== null ? { lat: mother.schoolLat, lng: mother.schoolLng } : null,
    availableWindows: windows.map((w) => ({ day: w.day, start: w.start, end: w.end })),
    availableText: windows.length > 0 ? formatWindows(windows) : '未填写',
    desiredHourly: mother.desiredHourly,
    wantedTypes: mother.wantedTypes,
    wantedModes: mother.wantedModes,
    skills: mother.skills,
    eligibility: { eligible: eligibility.eligible, reasons: eligibility.reasons },
  };
}

@Injectable()
export class MothersService {
  constructor(
    private readonly mothers: MothersRepository,
    private readonly users: UsersRepository,
    private readonly regions: RegionsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  today(): IsoDate {
    return isoDateInChina(this.clock.now());
  }

  async getMine(principal: Principal): Promise<MotherProfileDto> {
    const mother = await this.mothers.findByUserId(principal.userId);
    if (!mother) throw new CommonException('NOT_FOUND', '还没有填写求职资料');
    return toMotherProfileDto(mother, this.today());
  }

  /**
   * Creates or replaces her profile and grants her the mother role, in one transaction. Every
   * check runs before the transaction: a refused profile writes nothing.
   */
  async putMine(principal: Principal, body: PutMotherProfileDto): Promise<MotherProfileDto> {
    const today = this.today();
    const windows = this.checkWindows(body.availableWindows);
    const region = await this.regions.findByCode(body.regionCode);
    if (!region) throw MothersException.regionUnknown();
    const centre = { name: region.name, center: { lat: region.centerLat, lng: region.centerLng } };
    for (const field of ['home', 'school'] as const) {
      const point = body[field];
      const problem = point ? checkLocationInRegion(point, centre) : null;
      if (problem) throw MothersException.locationInvalid(field, problem.message);
    }

    const existing = await this.mothers.findByUserId(principal.userId);
    // Children's birth dates and home/school locations are sensitive (PIPL art. 28-29): nothing is
    // stored without her separate consent to the current notice, given here or at a station desk.
    const notice = CURRENT_CONSENT_NOTICE.version;
    if (body.consent && body.consent.noticeVersion !== notice) throw PrivacyException.consentInvalid(body.consent.noticeVersion);
    const consented = existing ? await this.mothers.hasConsent(existing.id, notice) : false;
    if (!consented && !body.consent) throw PrivacyException.consentRequired();
    const children = body.children.map((c) => ({ birthYear: c.birthYear, birthMonth: c.birthMonth }));
    const invalidBirths: FieldError[] = [];
    children.forEach((c, i) => {
      const age = childAge(c.birthYear, c.birthMonth, today);
      if (!age.ok) invalidBirths.push({ field: `children.${i}`, rule: age.code, message: age.message });
    });
    if (invalidBirths.length > 0) throw MothersException.childBirthInvalid(invalidBirths);
    // Eligibility on what will be on record: her new children with the birth date and
    // standings a station may have recorded.
    const eligibility = eligibilityOf({ ...(existing ?? NOTHING_ON_RECORD), children }, today);
    if (!eligibility.eligible) throw MothersException.notEligible(eligibility.reasons);

    const round = (p: { lat: number; lng: number } | undefined) => (p ? { lat: roundCoordinate(p.lat), lng: roundCoordinate(p.lng) } : null);
    const id = await this.tx.run(async (tx) => {
      const motherId = await this.mothers.saveSelfProfile(
        principal.userId,
        {
          name: body.name?.trim(),
          regionCode: body.regionCode,
          home: round(body.home),
          school: round(body.school),
          availableWindows: windows,
          desiredHourly: body.desiredHourly ?? null,
          wantedTypes: [...new Set(body.wantedTypes ?? [])],
          wantedModes: [...new Set(body.wantedModes ?? [])],
          skills: [...new Set((body.skills ?? []).map((s) => s.trim()).filter((s) => s.length > 0))],
          children,
        },
        tx,
      );
      if (!consented) await this.mothers.insertSelfConsent(motherId, notice, this.clock.now(), principal.userId, tx);
      await this.users.grant(principal.userId, { role: 'mother' }, tx);
      return motherId;
    });
    const saved = await this.mothers.findById(id);
    if (!saved) throw new Error(`mother ${id} vanished after saving`);
    return toMotherProfileDto(saved, today);
  }

  private checkWindows(input: readonly { day: number; start: string; end: string }[]): WeeklyWindow[] {
    const windows = input.map((w) => ({ day: w.day, start: w.start, end: w.end })) as WeeklyWindow[];
    const problems = validateWindows(windows);
    if (problems.length > 0) {
      throw MothersException.windowsInvalid(
        problems.map((p) => ({ field: p.index >= 0 ? `availableWindows.${p.index}` : 'availableWindows', rule: p.code, message: p.message })),
      );
    }
    return normalizeWindows(windows);
  }
}

/** The desk-only facts of a mother with no record yet: nothing known. */
const NOTHING_ON_RECORD: MotherFacts = {
  birthDate: null,
  registeredUnemployedSince: null,
  employmentDifficulty: false,
  olderInDifficulty: false,
  outOfPoverty: false,
};
