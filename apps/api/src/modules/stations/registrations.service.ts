import { Injectable } from '@nestjs/common';
import {
  CHILDCARE_STAGES,
  assessMotherEligibility,
  childAge,
  isoDateInChina,
  maskMobile,
  maskResidentId,
  normalizeWindows,
  parseIsoDate,
  regionCovers,
  regionLikePattern,
  stageForChildAge,
  validateMobile,
  validateResidentId,
  validateWindows,
  type EligibilityBlocker,
  type WeeklyWindow,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { PiiCrypto } from '../../common/crypto/pii-crypto';
import { CommonException, type FieldError } from '../../common/errors';
import { TransactionRunner } from '../../database/transaction';
import { FollowUpService } from '../followup/followup.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RegionsRepository } from '../regions/regions.repository';
import { isOfficialFor, isStationWorkerFor, stationGrantsOf, type Principal } from '../users/principal';
import { findConsentNotice } from './consent-notices';
import type { ListStationMothersQueryDto, RegisterMotherDto, RegistrationResultDto, StationMotherDto } from './dto/registration.dto';
import { RegistrationsRepository, type DeskMotherValues, type StationMotherRow } from './registrations.repository';
import { StationsException } from './stations.errors';
import { StationsService } from './stations.service';
import { PersonalDataAccessLog } from '../privacy/personal-data-access-log';

const PAGE_SIZE = 20;
/** A consent given a little "in the future" is a tablet whose clock runs ahead, not a forgery. */
const CLOCK_SKEW_MS = 5 * 60_000;

const BLOCKER_MESSAGES: Partial<Record<EligibilityBlocker, { field: string; message: string }>> = {
  BIRTH_DATE_INVALID: { field: 'idNumber', message: '身份证号码中的出生日期不正确' },
  UNDER_WORKING_AGE: { field: 'idNumber', message: '她还不满16周岁，按规定暂不能参加工作' },
  AT_RETIREMENT_AGE: { field: 'idNumber', message: '她已达到法定退休年龄，不在妈妈岗的服务范围内' },
  NO_CHILDREN: { field: 'children', message: '请填写孩子的出生年月；妈妈岗面向抚养12周岁以下孩子的妈妈' },
  NO_CHILD_UNDER_12: { field: 'children', message: '孩子都已满12周岁；妈妈岗面向抚养12周岁以下孩子的妈妈' },
};

/**
 * The registration desk (求职登记): a station worker registers a mother in person. Everything is
 * checked before anything is written; then her record, children, consent and 12333 plan are
 * written in one transaction. Her ID number is found by its keyed hash, so registering her
 * again finds her record.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly repo: RegistrationsRepository,
    private readonly stations: StationsService,
    private readonly regions: RegionsRepository,
    private readonly followUp: FollowUpService,
    private readonly notifications: NotificationsService,
    private readonly crypto: PiiCrypto,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  async register(me: Principal, stationId: string, dto: RegisterMotherDto): Promise<RegistrationResultDto> {
    const station = await this.stations.requireStation(stationId);
    if (!stationGrantsOf(me).some((g) => g.stationId === station.id)) throw new CommonException('FORBIDDEN', '只有本驿站的工作人员可以在这里登记');
    const now = this.clock.now();
    const today = isoDateInChina(now);

    // Consent first: without it, nothing else of hers may even be processed.
    if (!dto.consent) throw StationsException.consentRequired();
    const notice = findConsentNotice(dto.consent.noticeVersion);
    if (!notice) throw StationsException.consentVersionUnknown(dto.consent.noticeVersion);
    const consentAt = new Date(dto.consent.givenAt);
    if (consentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw StationsException.consentInFuture();

    const id = validateResidentId(dto.idNumber, today);
    if (!id.ok) throw StationsException.idInvalid(id.message);
    const phone = validateMobile(dto.phone);
    if (!phone.ok) throw StationsException.phoneInvalid(phone.message);
    const windows = dto.availableWindows as WeeklyWindow[];
    const problems = validateWindows(windows);
    if (problems.length > 0) {
      throw StationsException.windowsInvalid(problems.map((p) => ({ field: `availableWindows${p.index >= 0 ? `.${p.index}` : ''}`, rule: p.code, message: p.message })));
    }
    const regionCode = dto.regionCode ?? station.regionCode;
    if (!regionCovers(station.regionCode, regionCode)) throw StationsException.regionOutside();
    if (regionCode !== station.regionCode && !(await this.regions.findByCode(regionCode))) throw StationsException.regionUnknown();
    if (dto.registeredUnemployedSince !== undefined && (!parseIsoDate(dto.registeredUnemployedSince) || dto.registeredUnemployedSince > today)) {
      throw new CommonException('VALIDATION_FAILED', '失业登记日期不正确或晚于今天，请核对', {
        details: [{ field: 'registeredUnemployedSince', rule: 'date', message: '失业登记日期不正确或晚于今天' }],
      });
    }

    const eligibility = assessMotherEligibility({
      birthDate: id.birthDate,
      children: dto.children,
      now: today,
      ...(dto.registeredUnemployedSince ? { registeredUnemployedSince: dto.registeredUnemployedSince } : {}),
      employmentDifficulty: dto.employmentDifficulty ?? false,
    });
    if (!eligibility.eligible) throw StationsException.notEligible(this.blockerDetails(eligibility.blockers, dto, today));

    const values: DeskMotherValues = {
      name: dto.name.trim(),
      phoneHash: this.crypto.hash('phone', phone.normalized),
      phoneCipher: this.crypto.encrypt(phone.normalized),
      phoneMasked: maskMobile(phone.normalized),
      idHash: this.crypto.hash('id', id.normalized),
      idCipher: this.crypto.encrypt(id.normalized),
      idMasked: maskResidentId(id.normalized),
      birthDate: id.birthDate,
      regionCode,
      // About 100 m: enough to match by distance, not enough to find her door.
      homeLat: dto.home ? round3(dto.home.lat) : null,
      homeLng: dto.home ? round3(dto.home.lng) : null,
      availableWindows: normalizeWindows(windows),
      desiredHourly: dto.desiredHourly ?? null,
      wantedTypes: dto.wantedTypes,
      wantedModes: dto.wantedModes,
      skills: [...new Set(dto.skills.map((s) => s.trim()).filter((s) => s.length > 0))],
      trainingNeeds: dto.trainingNeeds,
      registeredUnemployedSince: dto.registeredUnemployedSince ?? null,
      employmentDifficulty: dto.employmentDifficulty ?? false,
      stationId: station.id,
      registeredBy: me.userId,
      registeredAt: now,
      consentVersion: notice.version,
      consentAt,
    };

    const run = () =>
      this.tx.run(async (tx) => {
        const existing = await this.repo.findByIdHash(values.idHash, tx);
        if (existing) {
          if (!isStationWorkerFor(me, existing.regionCode)) throw StationsException.registeredElsewhere();
          return { motherId: existing.id, created: false };
        }
        const samePhone = await this.repo.findByPhoneHash(values.phoneHash, tx);
        // Another ID with this phone is another person: two mothers cannot share the phone her account will join by.
        if (samePhone.some((m) => m.idHash !== null)) throw StationsException.phoneTaken();
        // Her own profile from the mini-program (same phone, no ID yet) becomes the registered record.
        const own = samePhone[0];
        let motherId: string;
        if (own) {
          motherId = own.id;
          await this.repo.complete(motherId, values, tx);
        } else {
          motherId = await this.repo.insert(values, tx);
        }
        await this.repo.replaceChildren(motherId, dto.children, tx);
        await this.repo.insertConsent({ motherId, noticeVersion: notice.version, givenAt: consentAt, recordedBy: me.userId, stationId: station.id }, tx);
        await this.followUp.createPlan({ motherId, stationId: station.id, regionCode, workerId: me.userId, registeredOn: today }, tx);
        await this.notifications.notify(
          {
            recipientKind: 'mother',
            recipientId: motherId,
            kind: 'registration.done',
            title: '求职登记已办理',
            body: `${station.name}已为您办理求职登记。一年内将为您提供政策对接、职业指导、岗位推荐和免费技能培训信息（“12333”服务）。`,
            payload: { stationId: station.id },
            dedupeKey: `registration.done:${motherId}`,
          },
          tx,
        );
        return { motherId, created: true };
      });

    let result: { motherId: string; created: boolean };
    try {
      result = await run();
    } catch (error) {
      // The same ID registered at the same moment at another desk: the loser finds the winner's record.
      if (!isUniqueViolation(error, 'mothers_id_hash_unique')) throw error;
      result = await run();
    }
    const row = (await this.repo.findStationMother(result.motherId)) as StationMotherRow;
    return { mother: toStationMotherDto(row, today), created: result.created };
  }

  async list(me: Principal, stationId: string, query: ListStationMothersQueryDto): Promise<StationMotherDto[]> {
    const station = await this.stations.requireStation(stationId);
    const allowed = stationGrantsOf(me).some((g) => regionCovers(g.regionCode, station.regionCode)) || isOfficialFor(me, station.regionCode);
    if (!allowed) throw new CommonException('FORBIDDEN');
    const q = query.q?.trim() ?? '';
    const filter: { phoneHash?: string; idHash?: string; namePrefix?: string } = {};
    if (q) {
      const phone = validateMobile(q);
      const id = validateResidentId(q);
      if (phone.ok) filter.phoneHash = this.crypto.hash('phone', phone.normalized);
      else if (id.ok) filter.idHash = this.crypto.hash('id', id.normalized);
      else filter.namePrefix = q;
    }
    const rows = await this.repo.listInRegion(regionLikePattern(station.regionCode), filter, query.page ?? 1, PAGE_SIZE);
    const today = isoDateInChina(this.clock.now());
    await this.accessLog.record(me, { subjects: rows.map((r) => r.id), action: 'stations.mothers', route: 'GET /api/stations/:id/mothers', regionCode: station.regionCode });
    return rows.map((r) => toStationMotherDto(r, today));
  }

  private blockerDetails(blockers: EligibilityBlocker[], dto: RegisterMotherDto, today: string): FieldError[] {
    const details: FieldError[] = [];
    for (const blocker of blockers) {
      if (blocker === 'CHILD_BIRTH_FUTURE' || blocker === 'CHILD_BIRTH_INVALID') {
        dto.children.forEach((c, i) => {
          const age = childAge(c.birthYear, c.birthMonth, today);
          if (!age.ok && age.code === blocker) details.push({ field: `children.${i}`, rule: blocker, message: age.message });
        });
        continue;
      }
      const known = BLOCKER_MESSAGES[blocker];
      details.push({ field: known?.field ?? 'children', rule: blocker, message: known?.message ?? '不符合妈妈岗服务对象条件' });
    }
    return details;
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  const name = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && name === constraint;
}

export function toStationMotherDto(r: StationMotherRow, today: string): StationMotherDto {
  let youngest: number | null = null;
  for (const c of r.children) {
    const age = childAge(c.birthYear, c.birthMonth, today);
    if (age.ok) youngest = youngest === null ? age.totalMonths : Math.min(youngest, age.totalMonths);
  }
  const stage = youngest === null ? null : stageForChildAge(youngest);
  return {
    id: r.id,
    name: r.name,
    phoneMasked: r.phoneMasked ?? '',
    idMasked: r.idMasked ?? '',
    regionCode: r.regionCode,
    stationId: r.stationId,
    children: r.children.map((c) => ({ birthYear: c.birthYear, birthMonth: c.birthMonth })),
    stage,
    stageLabel: stage ? CHILDCARE_STAGES[stage].label : null,
    registeredOn: r.registeredAt ? isoDateInChina(r.registeredAt) : null,
    consent: r.consentVersion && r.consentAt ? { noticeVersion: r.consentVersion, givenAt: r.consentAt.toISOString() } : null,
    hasAccount: r.userId !== null,
    hiredOn: r.hiredAt ? isoDateInChina(r.hiredAt) : null,
  };
}
