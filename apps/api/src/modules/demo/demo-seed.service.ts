import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  MINIMUM_WAGES,
  POST_TYPES,
  checkMinimumWage,
  checkPostAgainstType,
  defaultsForType,
  hourlyEquivalent,
  hoursPerWeek,
  isoDateInChina,
  makeResidentId,
  makeUscc,
  maskMobile,
  maskResidentId,
  minimumWageOn,
  parseWindows,
  validateResidentId,
  type WeeklyWindow,
} from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { PiiCrypto } from '../../common/crypto/pii-crypto';
import { AppConfig } from '../../config';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { DEMO_EMPLOYERS, DEMO_MOTHERS, DEMO_NEWCOMERS, DEMO_POSTS, DEMO_STAFF, DEMO_STATIONS, type DemoPost } from './demo-data';
import { DemoSeedRepository } from './demo-seed.repository';

/** Fixed so that every demo start shows the same consent notice version. */
export const DEMO_CONSENT_VERSION = 'privacy-2026-11';

export interface BuiltPost {
  windows: WeeklyWindow[];
  hoursPerWeek: number;
  hourlyMin: number;
  hourlyMax: number;
}

/**
 * Builds a demo post's derived fields with the same domain rules the posting endpoint applies,
 * and throws if the demo data breaks one of them: a demo that shows an unlawful post would
 * teach the wrong thing.
 */
export function buildDemoPost(p: DemoPost, employerKind: (typeof DEMO_EMPLOYERS)[number]['kind'], regionCode: string, today: string): BuiltPost {
  let windows: WeeklyWindow[] = [];
  let hours = p.hoursPerWeek ?? 0;
  if (p.schedule !== 'flexible') {
    const parsed = parseWindows(p.schedule);
    if (!parsed.ok) throw new Error(`demo post "${p.title}": ${parsed.message}`);
    windows = parsed.windows;
    hours = hoursPerWeek(windows);
  }
  const pay = hourlyEquivalent({
    basis: p.payBasis,
    amount: { min: p.payMin, max: p.payMax },
    hoursPerWeek: hours,
    unitsPerHour: p.unitsPerHour,
    hoursPerTask: p.hoursPerTask,
  });
  if (!pay.ok) throw new Error(`demo post "${p.title}": ${pay.message}`);
  const wage = minimumWageOn(MINIMUM_WAGES, regionCode, today);
  const defaults = defaultsForType(p.type);
  const violations = checkPostAgainstType(
    p.type,
    employerKind,
    { payBasis: p.payBasis, payMin: p.payMin, payMax: p.payMax, insurance: defaults.insurance, contractForm: defaults.contractForm, modes: p.modes },
    { minimumWage: wage },
  );
  if (violations.length > 0) throw new Error(`demo post "${p.title}": ${violations.map((v) => v.message).join('; ')}`);
  if (wage) {
    const below = checkMinimumWage(pay.min, wage);
    if (below) throw new Error(`demo post "${p.title}": ${below.message}`);
  }
  return { windows, hoursPerWeek: hours, hourlyMin: pay.min, hourlyMax: pay.max };
}

@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly repo: DemoSeedRepository,
    private readonly crypto: PiiCrypto,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const seeded = await this.seed();
    if (seeded) this.logger.log(`demo city seeded: ${DEMO_EMPLOYERS.length} employers, ${DEMO_POSTS.length} posts, ${DEMO_MOTHERS.length} mothers`);
  }

  /** Seeds once, in one transaction; returns false when demo data is already there. */
  seed(): Promise<boolean> {
    return this.tx.run(async (tx) => {
      if (await this.repo.hasDemoUsers(tx)) return false;
      await this.seedAll(tx);
      return true;
    });
  }

  private async seedAll(tx: Tx): Promise<void> {
    const now = this.clock.now();
    const today = isoDateInChina(now);
    const officialIds: string[] = [];

    const stationIds = new Map<string, string>();
    for (const s of DEMO_STATIONS) stationIds.set(s.key, await this.repo.insertStation(tx, { ...s }));

    const employers = new Map<string, { id: string; kind: (typeof DEMO_EMPLOYERS)[number]['kind']; regionCode: string; lat: number; lng: number; address: string; motherBabyRoom: boolean; shuttleBus: boolean }>();
    for (const e of DEMO_EMPLOYERS) {
      const id = await this.repo.insertEmployer(tx, {
        ...e,
        uscc: makeUscc(e.usccPrefix),
        contactPhoneCipher: this.crypto.encrypt(e.contactPhone),
        contactPhoneMasked: maskMobile(e.contactPhone),
        serviceOfficer: e.status === 'approved' ? '市人社局就业科 王科员' : null,
        reviewedAt: e.status === 'approved' ? now : null,
        friendlyGrantedAt: e.friendly ? now : null,
      });
      employers.set(e.key, { id, kind: e.kind, regionCode: e.regionCode, lat: e.lat, lng: e.lng, address: e.address, motherBabyRoom: e.motherBabyRoom, shuttleBus: e.shuttleBus });
    }

    const staffIds = new Map<string, string>();
    for (const person of DEMO_STAFF) {
      const userId = await this.repo.insertUser(tx, person);
      staffIds.set(person.demoKey, userId);
      if (person.role === 'employer_member') await this.repo.grant(tx, userId, { role: person.role, employerId: employers.get(person.employer!)!.id });
      if (person.role === 'station_worker') {
        await this.repo.grant(tx, userId, { role: person.role, stationId: stationIds.get(person.station!)!, regionCode: person.regionCode });
      }
      if (person.role === 'official') {
        await this.repo.grant(tx, userId, { role: person.role, regionCode: person.regionCode });
        officialIds.push(userId);
      }
    }
    for (const person of DEMO_NEWCOMERS) await this.repo.insertUser(tx, person);

    const validUntil = new Date(now.getTime() + 90 * 86_400_000);
    let spread = 0;
    for (const p of DEMO_POSTS) {
      const employer = employers.get(p.employer)!;
      const built = buildDemoPost(p, employer.kind, employer.regionCode, today);
      const defaults = defaultsForType(p.type);
      const onSite = !p.remote && !p.takeHome;
      // Several posts of one employer sit at nearby addresses (workshops, service points) rather than one pin.
      spread += 1;
      const offset = ((spread % 5) - 2) * 0.004;
      await this.repo.insertPost(tx, {
        employerId: employer.id,
        regionCode: employer.regionCode,
        type: p.type,
        stage: POST_TYPES[p.type].stage ?? null,
        title: p.title,
        description: p.description,
        headcount: p.headcount,
        payBasis: p.payBasis,
        payMin: p.payMin,
        payMax: p.payMax,
        unitsPerHour: p.unitsPerHour ?? null,
        hoursPerTask: p.hoursPerTask ?? null,
        hourlyMin: built.hourlyMin,
        hourlyMax: built.hourlyMax,
        flexible: p.schedule === 'flexible',
        windows: built.windows,
        hoursPerWeek: built.hoursPerWeek,
        modes: p.modes,
        remote: p.remote ?? false,
        takeHome: p.takeHome ?? false,
        lat: onSite ? employer.lat + offset : null,
        lng: onSite ? employer.lng - offset : null,
        address: onSite ? employer.address : null,
        insurance: defaults.insurance,
        contractForm: defaults.contractForm,
        skills: p.skills,
        motherBabyRoom: employer.motherBabyRoom,
        shuttleBus: employer.shuttleBus,
        childMayCome: p.childMayCome ?? false,
        validUntil,
        createdBy: null,
      });
    }

    for (const m of DEMO_MOTHERS) {
      const phone = { hash: this.crypto.hash('phone', m.phone), cipher: this.crypto.encrypt(m.phone), masked: maskMobile(m.phone) };
      const userId = await this.repo.insertUser(tx, { demoKey: m.demoKey, displayName: m.displayName, phone });
      await this.repo.grant(tx, userId, { role: 'mother' });
      const idNumber = makeResidentId(m.idPrefix);
      const id = validateResidentId(idNumber, today);
      if (!id.ok) throw new Error(`demo mother ${m.demoKey}: ${id.message}`);
      const parsed = parseWindows(m.windows);
      if (!parsed.ok) throw new Error(`demo mother ${m.demoKey}: ${parsed.message}`);
      const stationId = m.station ? stationIds.get(m.station)! : null;
      const worker = m.station ? staffIds.get(`station-${m.station}`)! : null;
      const motherId = await this.repo.insertMother(tx, {
        userId,
        name: m.displayName.replace(/（.*$/, ''),
        phoneHash: phone.hash,
        phoneCipher: phone.cipher,
        phoneMasked: phone.masked,
        idHash: this.crypto.hash('id', id.normalized),
        idCipher: this.crypto.encrypt(id.normalized),
        idMasked: maskResidentId(id.normalized),
        birthDate: id.birthDate,
        regionCode: m.regionCode,
        homeLat: m.home.lat,
        homeLng: m.home.lng,
        schoolLat: m.school?.lat ?? null,
        schoolLng: m.school?.lng ?? null,
        windows: parsed.windows,
        desiredHourly: m.desiredHourly,
        wantedModes: m.wantedModes,
        registeredUnemployedSince: m.registeredUnemployedSince ?? null,
        stationId,
        registeredBy: worker,
        registeredAt: stationId ? now : null,
        consentVersion: DEMO_CONSENT_VERSION,
        consentAt: now,
        consentRecordedBy: worker,
      });
      for (const c of m.children) await this.repo.insertChild(tx, motherId, c);
    }
  }
}
