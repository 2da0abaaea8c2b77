import {
  POST_TYPES,
  addDays,
  addYears,
  checkLocationInRegion,
  checkPostAgainstType,
  checkPostPay,
  defaultsForType,
  hourlyEquivalent,
  hoursPerWeek,
  impliedStage,
  isIsoDate,
  isoDateInChina,
  normalizeWindows,
  validateWindows,
  type ContractForm,
  type InsuranceKind,
  type MinimumWage,
  type PayBasis,
  type PostTypeCode,
  type Violation,
  type WeeklyWindow,
  type WorkingMode,
} from '@mamagang/domain';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { CommonException, type FieldError } from '../../common/errors';
import { TransactionRunner } from '../../database/transaction';
import type { EmployerEntity } from '../employers/employer.entity';
import { EmployersException } from '../employers/employers.errors';
import { EmployersRepository } from '../employers/employers.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PolicyDataService, type MinimumWageInForce } from '../policies/policy-data.service';
import { RegionsRepository } from '../regions/regions.repository';
import { isEmployerMember, isOfficialFor, type Principal } from '../users/principal';
import type { PostEntity } from './post.entity';
import { PostsException } from './posts.errors';
import { PostsRepository, type ClosedPosts, type NewPost } from './posts.repository';

/** A new post as the employer sends it; anything optional comes from the type's defaults. */
export interface PostInput {
  type: PostTypeCode;
  title: string;
  description?: string;
  headcount: number;
  pay: { basis?: PayBasis; min: number; max: number; unitsPerHour?: number; hoursPerTask?: number };
  schedule: { flexible: boolean; windows: WeeklyWindow[]; hoursPerWeek?: number };
  modes?: WorkingMode[];
  place: { remote: boolean; takeHome: boolean; location?: { lat: number; lng: number }; address?: string };
  insurance?: InsuranceKind;
  contractForm?: ContractForm;
  skills?: string[];
  facilities?: { motherBabyRoom: boolean; shuttleBus: boolean; childMayCome: boolean };
  /** The last day the post is open, 'YYYY-MM-DD' (China). */
  validUntil: string;
}

/** A post with its employer, for the DTO. */
export interface PostWithEmployer {
  post: PostEntity;
  employer: EmployerEntity;
  /** The caller is a member of the employer or an official of the region: she may read the moderation notes. */
  insider: boolean;
}

/** Beyond 12 hours on each of 7 days a "schedule" is a typing mistake, not a 妈妈岗. */
export const MAX_HOURS_PER_WEEK = 84;

/** The pay-floor codes of public-welfare types: a pay problem, reported as such. */
const FLOOR_CODES = new Set(['BELOW_MONTHLY_MINIMUM_WAGE', 'BELOW_HOURLY_MINIMUM_WAGE']);

/** Domain field names to the request's paths, so `details` point at what she typed. */
const FIELD_PATHS: Readonly<Record<string, string>> = {
  type: 'type',
  payBasis: 'pay.basis',
  payMin: 'pay.min',
  payMax: 'pay.max',
  pay: 'pay.min',
  insurance: 'insurance',
  contractForm: 'contractForm',
  timeRule: 'schedule.flexible',
  placeRule: 'place',
  modes: 'modes',
};

@Injectable()
export class PostsService {
  private readonly logger = new Logger(PostsService.name);

  constructor(
    private readonly posts: PostsRepository,
    private readonly employers: EmployersRepository,
    private readonly regions: RegionsRepository,
    private readonly notifications: NotificationsService,
    private readonly policyData: PolicyDataService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Publishes a post for an approved employer the caller is a member of. Every rule is checked
   * before anything is written, so a refused post leaves no trace.
   */
  async create(me: Principal, employerId: string, input: PostInput): Promise<PostWithEmployer> {
    const employer = await this.employers.findById(employerId);
    if (!employer || !isEmployerMember(me, employerId)) throw employerNotFound();
    if (employer.status !== 'approved') throw EmployersException.notApproved();

    const now = this.clock.now();
    const today = isoDateInChina(now);
    const def = POST_TYPES[input.type];
    const defaults = defaultsForType(input.type);

    const validUntil = this.validUntil(input.validUntil, today);
    const schedule = this.schedule(input.schedule);
    const place = await this.place(input, employer);

    const payBasis = input.pay.basis ?? defaults.payBasis;
    if (input.pay.min > input.pay.max) throw PostsException.payInvalid('最低报酬不能高于最高报酬');
    const insurance = input.insurance ?? defaults.insurance;
    const contractForm = input.contractForm ?? defaults.contractForm;
    const modes = uniqueModes(input.modes ?? defaults.modes, place.takeHome);

    // The figure officials keep for the region (a district falls back to its city), as of today.
    const minimumWage = await this.policyData.minimumWage(employer.regionCode, today);
    if (def.payFloor && !minimumWage) throw PostsException.minimumWageUnknown(def.label);
    const violations = checkPostAgainstType(
      input.type,
      employer.kind,
      {
        payBasis,
        payMin: input.pay.min,
        payMax: input.pay.max,
        insurance,
        contractForm,
        timeRule: schedule.flexible ? 'flexible' : 'fixed',
        modes,
      },
      { minimumWage: minimumWage ? { monthly: minimumWage.monthly, hourly: minimumWage.hourly } : undefined },
    );
    const floorViolations = violations.filter((v) => FLOOR_CODES.has(v.code));
    const typeViolations = violations.filter((v) => !FLOOR_CODES.has(v.code));
    if (typeViolations.length > 0) throw PostsException.contradictsType(def.label, typeViolations.map(toFieldError));

    const hourly = this.hourly(payBasis, input.pay, schedule);
    if (minimumWage) this.checkMinimumWage(minimumWage, payBasis, input.pay.min, hourly.min, schedule.hoursPerWeek, floorViolations);
    else this.logger.warn(`no minimum wage known for region ${employer.regionCode} on ${today}: post of employer ${employer.id} published unchecked`);

    const values: NewPost = {
      employerId: employer.id,
      regionCode: employer.regionCode,
      type: input.type,
      stage: impliedStage(input.type) ?? null,
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
      headcount: input.headcount,
      payBasis,
      payMin: input.pay.min,
      payMax: input.pay.max,
      unitsPerHour: payBasis === 'per_piece' ? (input.pay.unitsPerHour ?? null) : null,
      hoursPerTask: payBasis === 'per_task' ? (input.pay.hoursPerTask ?? null) : null,
      hourlyMin: hourly.min,
      hourlyMax: hourly.max,
      flexibleHours: schedule.flexible,
      windows: schedule.windows,
      hoursPerWeek: schedule.hoursPerWeek,
      modes,
      remote: place.remote,
      takeHome: place.takeHome,
      lat: place.location?.lat ?? null,
      lng: place.location?.lng ?? null,
      address: place.address,
      insurance,
      contractForm,
      skills: uniqueSkills(input.skills ?? []),
      hasMotherBabyRoom: input.facilities?.motherBabyRoom ?? employer.hasMotherBabyRoom,
      hasShuttleBus: input.facilities?.shuttleBus ?? employer.hasShuttleBus,
      childMayCome: input.facilities?.childMayCome ?? false,
      validUntil,
      // Null when nothing was checked: no figure for the region, or income that is no wage.
      minimumWageSource: minimumWage && hourly.min !== null ? minimumWageRef(minimumWage) : null,
      createdBy: me.userId,
    };
    const post = await this.transactions.run((tx) => this.posts.insert(values, tx));
    return { post, employer, insider: true };
  }

  /** The public detail: a taken-down post exists only for its employer and the region's officials. */
  async view(viewer: Principal | null, id: string): Promise<PostWithEmployer> {
    const post = await this.posts.findById(id);
    if (!post) throw postNotFound();
    const insider = viewer !== null && (isEmployerMember(viewer, post.employerId) || isOfficialFor(viewer, post.regionCode));
    if (post.status === 'taken_down' && !insider) throw postNotFound();
    return { post, employer: await this.mustFindEmployer(post.employerId), insider };
  }

  /** Every post of an employer, for its members and the officials of its region. */
  async listForEmployer(me: Principal, employerId: string): Promise<PostWithEmployer[]> {
    const employer = await this.employers.findById(employerId);
    if (!employer || !(isEmployerMember(me, employerId) || isOfficialFor(me, employer.regionCode))) throw employerNotFound();
    const posts = await this.posts.listByEmployer(employerId);
    return posts.map((post) => ({ post, employer, insider: true }));
  }

  /** An official of the post's region takes it down with a reason; the employer hears why. */
  async takeDown(me: Principal, id: string, reason: string): Promise<PostWithEmployer> {
    const current = await this.posts.findById(id);
    if (!current) throw postNotFound();
    if (!isOfficialFor(me, current.regionCode)) {
      // A live post is public, so refusing says nothing new; a taken-down one is not.
      if (current.status === 'taken_down') throw postNotFound();
      throw new CommonException('FORBIDDEN', '该岗位不在您负责的地区');
    }
    const why = reason.trim();
    const post = await this.transactions.run(async (tx) => {
      if (!(await this.posts.takeDown(id, why, me.userId, this.clock.now(), tx))) throw PostsException.alreadyTakenDown();
      const after = await this.posts.findById(id, tx);
      if (!after) throw postNotFound();
      await this.notifications.notify(
        {
          recipientKind: 'employer',
          recipientId: after.employerId,
          kind: 'post_taken_down',
          title: '岗位已被下架',
          body: `您发布的岗位“${after.title}”已被人社部门下架，原因：${why}。如有疑问请联系当地人社部门。`,
          payload: { postId: after.id, reason: why },
        },
        tx,
      );
      return after;
    });
    return { post, employer: await this.mustFindEmployer(post.employerId), insider: true };
  }

  /** Closes the posts that are due (see PostsRepository.closeDue); safe to run anywhere, any time. */
  closeDue(now: Date): Promise<ClosedPosts> {
    return this.posts.closeDue(now);
  }

  // -------------------------------------------------------------------------------------------

  /** The end of the chosen day in China: from today up to a year ahead. */
  private validUntil(value: string, today: string): Date {
    if (!isIsoDate(value)) throw PostsException.validUntilInvalid('有效期应为“年-月-日”格式的日期');
    if (value < today) throw PostsException.validUntilInvalid('有效期不能早于今天');
    const latest = addYears(today, 1);
    if (value > latest) throw PostsException.validUntilInvalid(`有效期最长1年，最晚可选${latest}`);
    return new Date(`${addDays(value, 1)}T00:00:00+08:00`);
  }

  private schedule(input: PostInput['schedule']): { flexible: boolean; windows: WeeklyWindow[]; hoursPerWeek: number } {
    const problems = validateWindows(input.windows);
    const [firstProblem] = problems;
    if (firstProblem) {
      throw PostsException.scheduleInvalid(
        firstProblem.message,
        problems.map((p) => ({ field: `schedule.windows.${p.index}`, rule: p.code, message: p.message })),
      );
    }
    const windows = normalizeWindows(input.windows);
    let hours: number;
    if (input.flexible) {
      if (input.hoursPerWeek === undefined) throw PostsException.scheduleInvalid('时间灵活的岗位请填写每周大约工作几小时');
      hours = input.hoursPerWeek;
    } else {
      if (windows.length === 0) throw PostsException.scheduleInvalid('请填写每周的工作时间段，或选择“时间灵活”');
      hours = hoursPerWeek(windows);
      // A fixed schedule's hours are its windows'; a different figure is a mistake somewhere.
      if (input.hoursPerWeek !== undefined && Math.abs(input.hoursPerWeek - hours) > 0.01) {
        throw PostsException.scheduleInvalid(`每周工时应与工作时间段一致（按时间段计算为${hours}小时）`);
      }
    }
    if (!(hours > 0) || hours > MAX_HOURS_PER_WEEK) {
      throw PostsException.scheduleInvalid(`每周工作时间应大于0且不超过${MAX_HOURS_PER_WEEK}小时`);
    }
    return { flexible: input.flexible, windows, hoursPerWeek: hours };
  }

  /** Remote and take-home posts may omit the workplace; any pin given must lie in the employer's region. */
  private async place(input: PostInput, employer: EmployerEntity) {
    const takeHome = input.place.takeHome || (input.modes ?? []).includes('take_home');
    const { remote, location } = input.place;
    if (!location && !remote && !takeHome) throw PostsException.locationRequired();
    if (location) {
      const region = await this.regions.findByCode(employer.regionCode);
      if (!region) throw new Error(`employer ${employer.id} points to unknown region ${employer.regionCode}`);
      const problem = checkLocationInRegion(location, { name: region.name, center: { lat: region.centerLat, lng: region.centerLng } });
      if (problem) throw PostsException.locationInvalid(problem.message);
    }
    return { remote, takeHome, location: location ?? null, address: input.place.address?.trim() || null };
  }

  private hourly(
    basis: PayBasis,
    pay: PostInput['pay'],
    schedule: { flexible: boolean; windows: WeeklyWindow[]; hoursPerWeek: number },
  ): { min: number | null; max: number | null } {
    const days = new Set(schedule.windows.map((w) => w.day)).size;
    const eq = hourlyEquivalent({
      basis,
      amount: { min: pay.min, max: pay.max },
      hoursPerWeek: schedule.hoursPerWeek,
      unitsPerHour: pay.unitsPerHour,
      hoursPerTask: pay.hoursPerTask,
      daysPerWeek: !schedule.flexible && days > 0 ? days : undefined,
    });
    if (eq.ok) return { min: eq.min, max: eq.max };
    // Her own start-up's income is no wage: it has no hourly figure, and none is invented.
    if (eq.code === 'PAY_NOT_COMPARABLE' && basis === 'own_income') return { min: null, max: null };
    throw PostsException.payInvalid(eq.message);
  }

  private checkMinimumWage(
    wage: MinimumWage,
    basis: PayBasis,
    payMin: number,
    hourlyMin: number | null,
    hours: number,
    floorViolations: readonly Violation[],
  ): void {
    const violation = checkPostPay({ basis, payMin, hourlyMin, hoursPerWeek: hours }, wage);
    // A public-welfare floor and the general check can both fail on the same amount: say it once.
    const all = floorViolations.length > 0 ? floorViolations : violation ? [violation] : [];
    const [first] = all;
    if (!first) return;
    throw PostsException.belowMinimumWage(first.message, `${wage.source}，${wage.effectiveFrom}起执行`, all.map(toFieldError));
  }

  private async mustFindEmployer(id: string): Promise<EmployerEntity> {
    const employer = await this.employers.findById(id);
    if (!employer) throw new Error(`post points to missing employer ${id}`);
    return employer;
  }
}

function toFieldError(v: { field: string; code: string; message: string }): FieldError {
  return { field: FIELD_PATHS[v.field] ?? v.field, rule: v.code, message: v.message };
}

function uniqueModes(modes: readonly WorkingMode[], takeHome: boolean): WorkingMode[] {
  const set = new Set(modes);
  // 流动妈妈岗 is what a take-home post is: the tag and the flag always agree.
  if (takeHome) set.add('take_home');
  return [...set];
}

function uniqueSkills(skills: readonly string[]): string[] {
  return [...new Set(skills.map((s) => s.trim()).filter((s) => s.length > 0))];
}

/** Enough to find the figure again: its policy version, and what it said. */
function minimumWageRef(wage: MinimumWageInForce): string {
  return `${wage.versionId} ${wage.regionCode} ${wage.monthly}元/月 ${wage.hourly}元/小时 ${wage.source} ${wage.effectiveFrom}`;
}

function employerNotFound(): CommonException {
  return new CommonException('NOT_FOUND', '单位不存在');
}

function postNotFound(): CommonException {
  return new CommonException('NOT_FOUND', '岗位不存在');
}
