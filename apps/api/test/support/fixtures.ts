import {
  defaultsForType,
  hourlyEquivalent,
  hoursPerWeek,
  makeUscc,
  maskMobile,
  POST_TYPES,
  type PayBasis,
  type PostTypeCode,
  type WeeklyWindow,
} from '@mamagang/domain';
import { PiiCrypto } from '../../src/common/crypto/pii-crypto';
import { TokenService } from '../../src/modules/auth/token.service';
import type { Role } from '../../src/modules/users/principal';
import type { TestApp } from './test-app';

/**
 * SQL fixtures for HTTP tests: rows written straight into the database, valid by the same rules
 * the API enforces (approved employers with a valid credit code and an encrypted phone, posts
 * whose hourly equivalent and weekly hours are computed by the domain), so any route reading them
 * behaves as with data it wrote itself. Shared: keep defaults stable, add options rather than
 * changing what an existing option means.
 *
 * Weihai (371002 环翠区) is the default place; DOWNTOWN is its centre.
 */

export const DOWNTOWN = { lat: 37.5131, lng: 122.1201 } as const;

/** A point `km` north (positive) or south of `from`: 1° of latitude is about 111.2 km. */
export function northOf(from: { lat: number; lng: number }, km: number): { lat: number; lng: number } {
  return { lat: from.lat + km / 111.2, lng: from.lng };
}

export const WEEKDAYS_9_TO_3: WeeklyWindow[] = [1, 2, 3, 4, 5].map((day) => ({ day: day as WeeklyWindow['day'], start: '09:00', end: '15:00' }));

export interface SignedIn {
  userId: string;
  /** `{ authorization: 'Bearer …' }` for supertest's `.set(...)`. */
  auth: { authorization: string };
  token: string;
}

export interface RoleSpec {
  role: Role;
  employerId?: string;
  stationId?: string;
  regionCode?: string;
}

let seq = 0;
function next(): number {
  seq += 1;
  return seq;
}

/** A token for an existing user; `now` must be the app clock's time when the test uses a FixedClock. */
export function tokenFor(t: TestApp, userId: string, now: Date = new Date()): SignedIn {
  const token = t.app.get(TokenService).issue(userId, now).token;
  return { userId, token, auth: { authorization: `Bearer ${token}` } };
}

/**
 * A new user holding `roles` (none: just signed in), with a token. For `userId`, an existing
 * user is signed in instead and granted the roles.
 */
export async function signInAs(
  t: TestApp,
  options: { name?: string; roles?: readonly RoleSpec[]; userId?: string; now?: Date } = {},
): Promise<SignedIn> {
  let userId = options.userId;
  if (!userId) {
    const [u] = await t.dataSource.query(`INSERT INTO users (display_name) VALUES ($1) RETURNING id`, [options.name ?? `用户${next()}`]);
    userId = u.id as string;
  }
  for (const r of options.roles ?? []) {
    await t.dataSource.query(
      `INSERT INTO user_roles (user_id, role, employer_id, station_id, region_code) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [userId, r.role, r.employerId ?? null, r.stationId ?? null, r.regionCode ?? null],
    );
  }
  return tokenFor(t, userId, options.now);
}

export interface EmployerFixture {
  id: string;
  name: string;
  uscc: string;
}

export interface EmployerOptions {
  name?: string;
  kind?: 'enterprise' | 'individual_business' | 'social_organisation' | 'community' | 'platform' | 'government';
  regionCode?: string;
  location?: { lat: number; lng: number };
  status?: 'pending' | 'approved' | 'rejected';
  friendly?: boolean;
  facilities?: { motherBabyRoom?: boolean; childcare?: boolean; shuttleBus?: boolean };
  contactPhone?: string;
  isLabourDispatch?: boolean;
}

/** An employer, approved unless said otherwise, with a valid unified social credit code. */
export async function insertEmployer(t: TestApp, options: EmployerOptions = {}): Promise<EmployerFixture> {
  const n = next();
  const uscc = makeUscc(`91371002MA${String(5000000 + n).slice(-7)}`);
  const name = options.name ?? `测试用人单位${n}`;
  const phone = options.contactPhone ?? '13800000000';
  const status = options.status ?? 'approved';
  const location = options.location ?? DOWNTOWN;
  const [row] = await t.dataSource.query(
    `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng,
                            has_mother_baby_room, has_childcare, has_shuttle_bus, is_labour_dispatch, status, reviewed_at, friendly)
     VALUES ($1, $2, $3, $4, '测试联系人', $5, $6, '测试地址1号', $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      uscc,
      name,
      options.kind ?? 'enterprise',
      options.regionCode ?? '371002',
      t.app.get(PiiCrypto).encrypt(phone),
      maskMobile(phone),
      location.lat,
      location.lng,
      options.facilities?.motherBabyRoom ?? false,
      options.facilities?.childcare ?? false,
      options.facilities?.shuttleBus ?? false,
      options.isLabourDispatch ?? false,
      status,
      status === 'pending' ? null : new Date(),
      options.friendly ?? false,
    ],
  );
  return { id: row.id as string, name, uscc };
}

export interface PostOptions {
  type?: PostTypeCode;
  title?: string;
  /** Defaults to the type's stage when the type has exactly one (domain defaultsForType). */
  stage?: string | null;
  headcount?: number;
  filledCount?: number;
  /** Amounts per basis unit; the hourly equivalent is computed (domain hourlyEquivalent). */
  pay?: { basis?: PayBasis; min: number; max?: number; unitsPerHour?: number; hoursPerTask?: number };
  /** Weekly windows; 'flexible' for flexible hours (then `hoursPerWeek`, default 20). */
  schedule?: readonly WeeklyWindow[] | 'flexible';
  hoursPerWeek?: number;
  modes?: string[];
  remote?: boolean;
  takeHome?: boolean;
  /** null: no place (remote or take-home work). Default: DOWNTOWN. */
  location?: { lat: number; lng: number } | null;
  regionCode?: string;
  insurance?: string;
  contractForm?: string;
  facilities?: { motherBabyRoom?: boolean; shuttleBus?: boolean; childMayCome?: boolean };
  status?: 'open' | 'filled' | 'expired' | 'taken_down';
  validUntil?: Date;
  createdAt?: Date;
}

/** Pay when a test does not say, per basis: all above Weihai's minimum wage. */
const STANDARD_PAY: Record<PayBasis, { min: number; max: number }> = {
  monthly: { min: 4000, max: 5000 },
  hourly: { min: 25, max: 30 },
  daily: { min: 160, max: 200 },
  per_piece: { min: 2.5, max: 3 },
  per_task: { min: 50, max: 60 },
  own_income: { min: 3000, max: 5000 },
};

/**
 * A post of `employerId`, open for 30 more days, Monday to Friday 9:00-15:00, paid by the type's
 * default basis (STANDARD_PAY; production_line: 4,000-5,000 a month) unless said otherwise. Consistent with the schema's checks: hourly columns null only
 * for own_income, place columns both set or both null, filled ≤ headcount.
 */
export async function insertPost(t: TestApp, employerId: string, options: PostOptions = {}): Promise<{ id: string }> {
  const type = options.type ?? 'production_line';
  const defaults = defaultsForType(type);
  const basis = options.pay?.basis ?? defaults.payBasis;
  const standard = STANDARD_PAY[basis];
  const payMin = options.pay?.min ?? standard.min;
  const payMax = options.pay?.max ?? (options.pay ? payMin : standard.max);
  const unitsPerHour = options.pay?.unitsPerHour ?? (basis === 'per_piece' ? 10 : undefined);
  const hoursPerTask = options.pay?.hoursPerTask ?? (basis === 'per_task' ? 2 : undefined);
  const flexible = options.schedule === 'flexible';
  const windows = flexible ? [] : [...((options.schedule as readonly WeeklyWindow[] | undefined) ?? WEEKDAYS_9_TO_3)];
  const weekly = flexible ? (options.hoursPerWeek ?? 20) : hoursPerWeek(windows);
  let hourly: { min: number; max: number } | null = null;
  if (basis !== 'own_income') {
    const h = hourlyEquivalent({
      basis,
      amount: { min: payMin, max: payMax },
      hoursPerWeek: weekly,
      unitsPerHour,
      hoursPerTask,
    });
    if (!h.ok) throw new Error(`insertPost: ${h.message}`);
    hourly = { min: h.min, max: h.max };
  }
  const location = options.location === undefined ? DOWNTOWN : options.location;
  const headcount = options.headcount ?? 3;
  const status = options.status ?? 'open';
  const n = next();
  const [row] = await t.dataSource.query(
    `INSERT INTO posts (employer_id, region_code, type, stage, title, description, headcount, filled_count, pay_basis, pay_min, pay_max,
                        units_per_hour, hours_per_task, hourly_min, hourly_max, flexible_hours, windows, hours_per_week, modes, remote, take_home,
                        lat, lng, address, insurance, contract_form, has_mother_baby_room, has_shuttle_bus, child_may_come,
                        valid_until, status, closed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, '', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18::text[], $19, $20,
             $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32) RETURNING id`,
    [
      employerId,
      options.regionCode ?? '371002',
      type,
      options.stage === undefined ? (defaults.stage ?? null) : options.stage,
      options.title ?? `${POST_TYPES[type].label}岗位${n}`,
      headcount,
      options.filledCount ?? (status === 'filled' ? headcount : 0),
      basis,
      payMin,
      payMax,
      unitsPerHour ?? null,
      hoursPerTask ?? null,
      hourly?.min ?? null,
      hourly?.max ?? null,
      flexible,
      JSON.stringify(windows),
      weekly,
      options.modes ?? defaults.modes,
      options.remote ?? false,
      options.takeHome ?? false,
      location?.lat ?? null,
      location?.lng ?? null,
      location ? '测试路1号' : null,
      options.insurance ?? defaults.insurance,
      options.contractForm ?? defaults.contractForm,
      options.facilities?.motherBabyRoom ?? false,
      options.facilities?.shuttleBus ?? false,
      options.facilities?.childMayCome ?? false,
      options.validUntil ?? new Date(Date.now() + 30 * 86_400_000),
      status,
      status === 'open' ? null : new Date(),
      options.createdAt ?? new Date(),
    ],
  );
  return { id: row.id as string };
}

export interface MotherOptions {
  /** Links the profile to this user and grants her the mother role. */
  userId?: string;
  name?: string;
  regionCode?: string;
  children?: { birthYear: number; birthMonth: number }[];
  home?: { lat: number; lng: number } | null;
  school?: { lat: number; lng: number } | null;
  availableWindows?: readonly WeeklyWindow[];
  desiredHourly?: number | null;
  wantedModes?: string[];
  wantedTypes?: string[];
  birthDate?: string | null;
}

/**
 * A mother profile as PUT /mothers/me would store it (home and school already rounded by the
 * caller), with one child born in 2019-09 unless said otherwise. With `userId` the profile is
 * hers and she gets the mother role; without, it is an unlinked (desk-style) record.
 */
export async function insertMother(t: TestApp, options: MotherOptions = {}): Promise<{ id: string }> {
  const home = options.home === undefined ? DOWNTOWN : options.home;
  const school = options.school ?? null;
  const [row] = await t.dataSource.query(
    `INSERT INTO mothers (user_id, name, region_code, home_lat, home_lng, school_lat, school_lng, available_windows, desired_hourly,
                          wanted_types, wanted_modes, birth_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10::text[], $11::text[], $12) RETURNING id`,
    [
      options.userId ?? null,
      options.name ?? `测试妈妈${next()}`,
      options.regionCode ?? '371002',
      home?.lat ?? null,
      home?.lng ?? null,
      school?.lat ?? null,
      school?.lng ?? null,
      JSON.stringify(options.availableWindows ?? WEEKDAYS_9_TO_3),
      options.desiredHourly ?? null,
      options.wantedTypes ?? [],
      options.wantedModes ?? [],
      options.birthDate ?? null,
    ],
  );
  const id = row.id as string;
  for (const c of options.children ?? [{ birthYear: 2019, birthMonth: 9 }]) {
    await t.dataSource.query(`INSERT INTO children (mother_id, birth_year, birth_month) VALUES ($1, $2, $3)`, [id, c.birthYear, c.birthMonth]);
  }
  if (options.userId) {
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'mother') ON CONFLICT DO NOTHING`, [options.userId]);
  }
  return { id };
}
