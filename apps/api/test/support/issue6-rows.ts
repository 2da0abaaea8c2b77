import { makeUscc } from '@mamagang/domain';
import type { DataSource } from 'typeorm';
import { TokenService } from '../../src/modules/auth/token.service';
import type { TestApp } from './test-app';

/*
 * Rows written straight into the marketplace tables, for the resume, rights and monitoring
 * tests: they test their own features, not how a post or a hire comes about. Every optional
 * field has a lawful default; times default to now() of the database.
 */

let seq = 0;
const next = () => ++seq;

export async function insertUser(ds: DataSource, displayName: string): Promise<string> {
  const [u] = await ds.query(`INSERT INTO users (display_name) VALUES ($1) RETURNING id`, [displayName]);
  return u.id as string;
}

export async function grantRole(
  ds: DataSource,
  userId: string,
  role: 'mother' | 'official' | 'employer_member' | 'station_worker',
  scope: { regionCode?: string; employerId?: string; stationId?: string } = {},
): Promise<void> {
  await ds.query(`INSERT INTO user_roles (user_id, role, region_code, employer_id, station_id) VALUES ($1, $2, $3, $4, $5)`, [
    userId,
    role,
    scope.regionCode ?? null,
    scope.employerId ?? null,
    scope.stationId ?? null,
  ]);
}

export function tokenFor(t: TestApp, userId: string, at: Date = new Date()): { authorization: string } {
  return { authorization: `Bearer ${t.app.get(TokenService).issue(userId, at).token}` };
}

/** An official of a region, with her bearer header. */
export async function official(t: TestApp, regionCode: string, at?: Date): Promise<{ userId: string; auth: { authorization: string } }> {
  const userId = await insertUser(t.dataSource, `官员${next()}`);
  await grantRole(t.dataSource, userId, 'official', { regionCode });
  return { userId, auth: tokenFor(t, userId, at) };
}

export interface MotherRow {
  name?: string;
  regionCode?: string;
  skills?: string[];
  createdAt?: string;
  registeredAt?: string | null;
  withAccount?: boolean;
}

/** A mother with an account (unless withAccount is false) and the mother role. */
export async function mother(t: TestApp, row: MotherRow = {}, at?: Date): Promise<{ motherId: string; userId: string | null; auth: { authorization: string } }> {
  const ds = t.dataSource;
  const userId = row.withAccount === false ? null : await insertUser(ds, `妈妈${next()}`);
  const [m] = await ds.query(
    `INSERT INTO mothers (user_id, name, region_code, skills, created_at, registered_at) VALUES ($1, $2, $3, $4, COALESCE($5::timestamptz, now()), $6) RETURNING id`,
    [userId, row.name ?? '张三妹', row.regionCode ?? '371002', row.skills ?? [], row.createdAt ?? null, row.registeredAt ?? null],
  );
  if (userId) await grantRole(ds, userId, 'mother', { regionCode: row.regionCode ?? '371002' });
  return { motherId: m.id as string, userId, auth: userId ? tokenFor(t, userId, at) : { authorization: '' } };
}

export async function employer(ds: DataSource, row: { name?: string; regionCode?: string } = {}): Promise<string> {
  const n = next();
  const uscc = makeUscc(`91371000MA${String(n).padStart(7, '0')}`);
  const [e] = await ds.query(
    `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng, status)
     VALUES ($1, $2, 'enterprise', $3, '联系人', 'x', '138****0000', '地址', 37.5, 122.1, 'approved') RETURNING id`,
    [uscc, row.name ?? `单位${n}`, row.regionCode ?? '371002'],
  );
  return e.id as string;
}

export interface PostRow {
  employerId: string;
  regionCode?: string;
  type?: string;
  stage?: string | null;
  title?: string;
  payBasis?: string;
  payMin?: number;
  hourlyMin?: number | null;
  hoursPerWeek?: number;
  insurance?: string;
  contractForm?: string;
  status?: string;
  createdAt?: string;
  validUntil?: string;
  closedAt?: string | null;
}

export async function post(ds: DataSource, row: PostRow): Promise<string> {
  const hourly = row.hourlyMin === undefined ? 25 : row.hourlyMin;
  const [p] = await ds.query(
    `INSERT INTO posts (employer_id, region_code, type, stage, title, headcount, pay_basis, pay_min, pay_max, hourly_min, hourly_max,
                        hours_per_week, insurance, contract_form, valid_until, status, closed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, 5, $6, $7, $7, $8, $8, $9, $10, $11, $12, $13, $14, COALESCE($15::timestamptz, now())) RETURNING id`,
    [
      row.employerId,
      row.regionCode ?? '371002',
      row.type ?? 'production_line',
      row.stage === undefined ? null : row.stage,
      row.title ?? `岗位${next()}`,
      row.payBasis ?? 'hourly',
      row.payMin ?? hourly ?? 3000,
      hourly,
      row.hoursPerWeek ?? 20,
      row.insurance ?? 'social',
      row.contractForm ?? 'labour_contract',
      row.validUntil ?? '2099-01-01T00:00:00+08:00',
      row.status ?? 'open',
      row.closedAt ?? null,
      row.createdAt ?? null,
    ],
  );
  return p.id as string;
}

export async function application(
  ds: DataSource,
  row: { postId: string; motherId: string; employerId: string; status?: string; createdAt?: string },
): Promise<string> {
  const [a] = await ds.query(
    `INSERT INTO applications (post_id, mother_id, employer_id, status, created_at) VALUES ($1, $2, $3, $4, COALESCE($5::timestamptz, now())) RETURNING id`,
    [row.postId, row.motherId, row.employerId, row.status ?? 'submitted', row.createdAt ?? null],
  );
  return a.id as string;
}

/** An application marked hired and its hire (the employment registration). */
export async function hire(
  ds: DataSource,
  row: { postId: string; motherId: string; employerId: string; startDate: string; applicationCreatedAt?: string; contractForm?: string; socialInsurance?: boolean },
): Promise<{ hireId: string; applicationId: string }> {
  const applicationId = await application(ds, { ...row, status: 'hired', createdAt: row.applicationCreatedAt });
  const [h] = await ds.query(
    `INSERT INTO hires (application_id, post_id, employer_id, mother_id, start_date, contract_form, contract_months, social_insurance)
     VALUES ($1, $2, $3, $4, $5, $6, 12, $7) RETURNING id`,
    [applicationId, row.postId, row.employerId, row.motherId, row.startDate, row.contractForm ?? 'labour_contract', row.socialInsurance ?? true],
  );
  return { hireId: h.id as string, applicationId };
}

export async function station(ds: DataSource, row: { name: string; regionCode: string; rightsHours?: string | null; openingHours?: string }): Promise<string> {
  const [s] = await ds.query(
    `INSERT INTO stations (name, region_code, address, lat, lng, opening_hours, rights_consultation_hours) VALUES ($1, $2, '驿站地址', 37.5, 122.1, $3, $4) RETURNING id`,
    [row.name, row.regionCode, row.openingHours ?? '周一至周五 9:00-17:00', row.rightsHours ?? null],
  );
  return s.id as string;
}
