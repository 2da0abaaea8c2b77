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
import { FollowUpService } from '../followup/followup.service';
import { TrainingService } from '../training/training.service';
import { FairsService } from '../fairs/fairs.service';
import type { CreateFairDto } from '../fairs/dto/fairs.dto';
import type { Principal } from '../users/principal';

/**
 * Station-registered demo mothers were registered this many days ago, so the 12333 worklist
 * opens with items done, due this week and overdue, as a desk sees it months into the year.
 */
export const DEMO_REGISTERED_DAYS_AGO = 120;

/** Who and what the activities seeded after the base data need. */
interface SeededCity {
  stationWorker: { userId: string; stationId: string; regionCode: string; displayName: string };
  official: { userId: string; regionCode: string; displayName: string };
  postsByEmployer: Map<string, { employerId: string; postIds: string[] }>;
}

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
    private readonly followUp: FollowUpService,
    private readonly training: TrainingService,
    private readonly fairs: FairsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const seeded = await this.seed();
    if (seeded) this.logger.log(`demo city seeded: ${DEMO_EMPLOYERS.length} employers, ${DEMO_POSTS.length} posts, ${DEMO_MOTHERS.length} mothers, 2 courses, 1 fair`);
  }

  /**
   * Seeds once; returns false when demo data is already there. The city (people, employers,
   * posts, mothers and their 12333 plans) is one transaction; the courses and the fair then go
   * through their own services, so they obey the same rules as ones a worker publishes.
   */
  async seed(): Promise<boolean> {
    const city = await this.tx.run(async (tx) => {
      if (await this.repo.hasDemoUsers(tx)) return null;
      return this.seedAll(tx);
    });
    if (!city) return false;
    await this.seedActivities(city);
    return true;
  }

  private async seedActivities(city: SeededCity): Promise<void> {
    const now = this.clock.now();
    const worker: Principal = {
      userId: city.stationWorker.userId,
      displayName: city.stationWorker.displayName,
      grants: [{ role: 'station_worker', stationId: city.stationWorker.stationId, regionCode: city.stationWorker.regionCode, employerId: null }],
      motherId: null,
    };
    const official: Principal = {
      userId: city.official.userId,
      displayName: city.official.displayName,
      grants: [{ role: 'official', regionCode: city.official.regionCode, stationId: null, employerId: null }],
      motherId: null,
    };
    // Evening and weekend sessions in China time (UTC+8), days ahead so sign-up stays open.
    const at = (daysAhead: number, hhmm: string): string => {
      const day = isoDateInChina(new Date(now.getTime() + daysAhead * 86_400_000));
      return new Date(`${day}T${hhmm}:00+08:00`).toISOString();
    };
    await this.training.create(worker, {
      providerKind: 'station',
      stationId: city.stationWorker.stationId,
      title: '家政服务员夜校（母婴护理方向）',
      skill: 'domestic_service',
      description: '人社局补贴培训，结业可考家政服务员职业技能等级证书。晚上上课，驿站儿童室有老师照看孩子。',
      online: false,
      address: '环翠区福山路9号社区服务中心二楼培训室',
      location: { lat: 37.4985, lng: 122.127 },
      hasChildRoom: true,
      seats: 30,
      subsidised: true,
      sessions: [3, 5, 10, 12].map((d) => ({ startsAt: at(d, '19:00'), endsAt: at(d, '21:00') })),
    });
    await this.training.create(worker, {
      providerKind: 'station',
      stationId: city.stationWorker.stationId,
      title: '电商直播入门（线上周末班）',
      skill: 'ecommerce_livestream',
      description: '手机就能学：选品、开播、话术和售后。周六上午线上上课，可回看。',
      online: true,
      hasChildRoom: false,
      seats: 100,
      subsidised: true,
      sessions: [6, 13].map((d) => ({ startsAt: at(d, '09:30'), endsAt: at(d, '11:30') })),
    });
    const invited = [...city.postsByEmployer.values()].filter((e) => e.postIds.length > 0).slice(0, 3);
    const fair: CreateFairDto = {
      title: '环翠区宝妈专场招聘会',
      description: '本地友好企业现场招聘，提供弹性工时、居家和计件岗位，可现场咨询补贴政策。',
      mode: 'onsite',
      regionCode: city.stationWorker.regionCode,
      address: '环翠区福山路9号社区服务中心一楼大厅',
      location: { lat: 37.4985, lng: 122.127 },
      date: isoDateInChina(new Date(now.getTime() + 7 * 86_400_000)),
      startTime: '09:00',
      endTime: '11:30',
      childFriendly: '驿站儿童室开放，志愿者帮忙照看孩子；现场有母婴室',
      seats: 120,
      employers: invited.map((e) => ({ employerId: e.employerId, postIds: e.postIds.slice(0, 3) })),
    };
    await this.fairs.create(official, fair);
  }

  private async seedAll(tx: Tx): Promise<SeededCity> {
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
    const postsByEmployer = new Map<string, { employerId: string; postIds: string[] }>();
    let spread = 0;
    for (const p of DEMO_POSTS) {
      const employer = employers.get(p.employer)!;
      const built = buildDemoPost(p, employer.kind, employer.regionCode, today);
      const defaults = defaultsForType(p.type);
      const onSite = !p.remote && !p.takeHome;
      // Several posts of one employer sit at nearby addresses (workshops, service points) rather than one pin.
      spread += 1;
      const offset = ((spread % 5) - 2) * 0.004;
      const postId = await this.repo.insertPost(tx, {
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
      const approved = DEMO_EMPLOYERS.find((e) => e.key === p.employer)?.status === 'approved';
      if (approved) {
        const entry = postsByEmployer.get(p.employer) ?? { employerId: employer.id, postIds: [] };
        entry.postIds.push(postId);
        postsByEmployer.set(p.employer, entry);
      }
    }

    const registeredAt = new Date(now.getTime() - DEMO_REGISTERED_DAYS_AGO * 86_400_000);
    const registeredOn = isoDateInChina(registeredAt);

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
        registeredAt: stationId ? registeredAt : null,
        consentVersion: DEMO_CONSENT_VERSION,
        consentAt: stationId ? registeredAt : now,
        consentRecordedBy: worker,
      });
      for (const c of m.children) await this.repo.insertChild(tx, motherId, c);
      if (stationId && worker) await this.followUp.createPlan({ motherId, stationId, regionCode: m.regionCode, workerId: worker, registeredOn }, tx);
    }

    const workerPerson = DEMO_STAFF.find((p) => p.demoKey === 'station-huancui')!;
    const officialPerson = DEMO_STAFF.find((p) => p.demoKey === 'official-huancui')!;
    return {
      stationWorker: { userId: staffIds.get(workerPerson.demoKey)!, stationId: stationIds.get(workerPerson.station!)!, regionCode: workerPerson.regionCode!, displayName: workerPerson.displayName },
      official: { userId: staffIds.get(officialPerson.demoKey)!, regionCode: officialPerson.regionCode!, displayName: officialPerson.displayName },
      postsByEmployer,
    };
  }
}
