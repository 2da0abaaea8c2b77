import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/transaction';

export interface DeskMotherValues {
  name: string;
  phoneHash: string;
  phoneCipher: string;
  phoneMasked: string;
  idHash: string;
  idCipher: string;
  idMasked: string;
  birthDate: string;
  regionCode: string;
  homeLat: number | null;
  homeLng: number | null;
  availableWindows: unknown[];
  desiredHourly: number | null;
  wantedTypes: string[];
  wantedModes: string[];
  skills: string[];
  trainingNeeds: string[];
  registeredUnemployedSince: string | null;
  employmentDifficulty: boolean;
  stationId: string;
  registeredBy: string;
  registeredAt: Date;
  consentVersion: string;
  consentAt: Date;
}

export interface MotherKeyRow {
  id: string;
  regionCode: string;
  userId: string | null;
  idHash: string | null;
}

export interface StationMotherRow {
  id: string;
  name: string;
  phoneMasked: string | null;
  idMasked: string | null;
  regionCode: string;
  stationId: string | null;
  registeredAt: Date | null;
  consentVersion: string | null;
  consentAt: Date | null;
  userId: string | null;
  hiredAt: Date | null;
  children: { birthYear: number; birthMonth: number }[];
}

const MOTHER_COLUMNS = `
  m.id, m.name, m.phone_masked, m.id_masked, m.region_code, m.station_id, m.registered_at,
  m.consent_version, m.consent_at, m.user_id, m.hired_at,
  COALESCE((SELECT json_agg(json_build_object('birthYear', c.birth_year, 'birthMonth', c.birth_month) ORDER BY c.birth_year, c.birth_month)
              FROM children c WHERE c.mother_id = m.id), '[]'::json) AS children`;

/**
 * The registration desk's reads and writes of `mothers`, `children` and `consents`, in plain
 * SQL so this module does not depend on the mothers module's entity.
 */
@Injectable()
export class RegistrationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByIdHash(idHash: string, tx?: Tx): Promise<MotherKeyRow | null> {
    const rows = await this.q(tx).query(`SELECT id, region_code, user_id, id_hash FROM mothers WHERE id_hash = $1`, [idHash]);
    return rows[0] ? toKey(rows[0]) : null;
  }

  async findByPhoneHash(phoneHash: string, tx?: Tx): Promise<MotherKeyRow[]> {
    const rows = await this.q(tx).query(`SELECT id, region_code, user_id, id_hash FROM mothers WHERE phone_hash = $1 ORDER BY created_at`, [phoneHash]);
    return rows.map(toKey);
  }

  async insert(v: DeskMotherValues, tx: Tx): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO mothers (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      values(v),
    );
    return (rows[0] as { id: string }).id;
  }

  /** Completes a profile she made herself (same phone, no ID yet) with the desk's verified data. */
  async complete(id: string, v: DeskMotherValues, tx: Tx): Promise<void> {
    const sets = COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE mothers SET ${sets}, updated_at = now() WHERE id = $1`, [id, ...values(v)]);
  }

  async replaceChildren(motherId: string, children: { birthYear: number; birthMonth: number }[], tx: Tx): Promise<void> {
    await tx.query(`DELETE FROM children WHERE mother_id = $1`, [motherId]);
    for (const c of children) {
      await tx.query(`INSERT INTO children (mother_id, birth_year, birth_month) VALUES ($1, $2, $3)`, [motherId, c.birthYear, c.birthMonth]);
    }
  }

  async insertConsent(c: { motherId: string; noticeVersion: string; givenAt: Date; recordedBy: string; stationId: string }, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO consents (mother_id, purpose, notice_version, given_at, recorded_by, station_id) VALUES ($1, 'sensitive_personal_data', $2, $3, $4, $5)`,
      [c.motherId, c.noticeVersion, c.givenAt, c.recordedBy, c.stationId],
    );
  }

  async findStationMother(id: string, tx?: Tx): Promise<StationMotherRow | null> {
    const rows = await this.q(tx).query(`SELECT ${MOTHER_COLUMNS} FROM mothers m WHERE m.id = $1`, [id]);
    return rows[0] ? toStationMother(rows[0]) : null;
  }

  /** Mothers of a region scope: by keyed hash (phone or ID) or a name prefix; newest registrations first. */
  async listInRegion(
    likePattern: string,
    filter: { phoneHash?: string; idHash?: string; namePrefix?: string },
    page: number,
    pageSize: number,
  ): Promise<StationMotherRow[]> {
    const params: unknown[] = [likePattern];
    let where = `m.region_code LIKE $1 AND m.registered_at IS NOT NULL`;
    if (filter.phoneHash) {
      params.push(filter.phoneHash);
      where += ` AND m.phone_hash = $${params.length}`;
    } else if (filter.idHash) {
      params.push(filter.idHash);
      where += ` AND m.id_hash = $${params.length}`;
    } else if (filter.namePrefix) {
      params.push(`${filter.namePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND m.name LIKE $${params.length}`;
    }
    params.push(pageSize, (page - 1) * pageSize);
    const rows = await this.dataSource.query(
      `SELECT ${MOTHER_COLUMNS} FROM mothers m WHERE ${where} ORDER BY m.registered_at DESC, m.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toStationMother);
  }

  private q(tx: Tx | undefined) {
    return tx ?? this.dataSource.manager;
  }
}

const COLUMNS = [
  'name',
  'phone_hash',
  'phone_cipher',
  'phone_masked',
  'id_hash',
  'id_cipher',
  'id_masked',
  'birth_date',
  'region_code',
  'home_lat',
  'home_lng',
  'available_windows',
  'desired_hourly',
  'wanted_types',
  'wanted_modes',
  'skills',
  'training_needs',
  'registered_unemployed_since',
  'employment_difficulty',
  'station_id',
  'registered_by',
  'registered_at',
  'consent_version',
  'consent_at',
  'consent_recorded_by',
];

function values(v: DeskMotherValues): unknown[] {
  return [
    v.name,
    v.phoneHash,
    v.phoneCipher,
    v.phoneMasked,
    v.idHash,
    v.idCipher,
    v.idMasked,
    v.birthDate,
    v.regionCode,
    v.homeLat,
    v.homeLng,
    JSON.stringify(v.availableWindows),
    v.desiredHourly,
    v.wantedTypes,
    v.wantedModes,
    v.skills,
    v.trainingNeeds,
    v.registeredUnemployedSince,
    v.employmentDifficulty,
    v.stationId,
    v.registeredBy,
    v.registeredAt,
    v.consentVersion,
    v.consentAt,
    v.registeredBy,
  ];
}

function toKey(r: Record<string, unknown>): MotherKeyRow {
  return { id: r.id as string, regionCode: r.region_code as string, userId: (r.user_id as string | null) ?? null, idHash: (r.id_hash as string | null) ?? null };
}

function toStationMother(r: Record<string, unknown>): StationMotherRow {
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    id: r.id as string,
    name: r.name as string,
    phoneMasked: (r.phone_masked as string | null) ?? null,
    idMasked: (r.id_masked as string | null) ?? null,
    regionCode: r.region_code as string,
    stationId: (r.station_id as string | null) ?? null,
    registeredAt: date(r.registered_at),
    consentVersion: (r.consent_version as string | null) ?? null,
    consentAt: date(r.consent_at),
    userId: (r.user_id as string | null) ?? null,
    hiredAt: date(r.hired_at),
    children: (typeof r.children === 'string' ? JSON.parse(r.children) : r.children) as StationMotherRow['children'],
  };
}
