import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transaction';

/** Raw inserts for the demo city; the only code of this feature that writes SQL. */
@Injectable()
export class DemoSeedRepository {
  async hasDemoUsers(tx: Tx): Promise<boolean> {
    const rows: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM users WHERE demo_key IS NOT NULL`);
    return (rows[0]?.n ?? 0) > 0;
  }

  async insertUser(tx: Tx, u: { demoKey: string; displayName: string; phone?: { hash: string; cipher: string; masked: string } }): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO users (demo_key, display_name, phone_hash, phone_cipher, phone_masked) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [u.demoKey, u.displayName, u.phone?.hash ?? null, u.phone?.cipher ?? null, u.phone?.masked ?? null],
    );
    return rows[0]!.id;
  }

  async grant(tx: Tx, userId: string, g: { role: string; employerId?: string; stationId?: string; regionCode?: string }): Promise<void> {
    await tx.query(`INSERT INTO user_roles (user_id, role, employer_id, station_id, region_code) VALUES ($1, $2, $3, $4, $5)`, [
      userId,
      g.role,
      g.employerId ?? null,
      g.stationId ?? null,
      g.regionCode ?? null,
    ]);
  }

  async insertEmployer(tx: Tx, e: Record<string, unknown>): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng,
         has_mother_baby_room, has_childcare, has_shuttle_bus, service_officer, status, reviewed_at, friendly, friendly_granted_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING id`,
      [
        e.uscc, e.name, e.kind, e.regionCode, e.contactName, e.contactPhoneCipher, e.contactPhoneMasked, e.address, e.lat, e.lng,
        e.motherBabyRoom, e.childcare, e.shuttleBus, e.serviceOfficer, e.status, e.reviewedAt, e.friendly, e.friendlyGrantedAt,
      ],
    );
    return rows[0]!.id;
  }

  async insertStation(tx: Tx, s: Record<string, unknown>): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO stations (name, region_code, address, lat, lng, opening_hours, services, rights_consultation_hours, has_child_room)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [s.name, s.regionCode, s.address, s.lat, s.lng, s.openingHours, s.services, s.rightsConsultationHours, s.hasChildRoom],
    );
    return rows[0]!.id;
  }

  async insertPost(tx: Tx, p: Record<string, unknown>): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO posts (employer_id, region_code, type, stage, title, description, headcount, pay_basis, pay_min, pay_max,
         units_per_hour, hours_per_task, hourly_min, hourly_max, flexible_hours, windows, hours_per_week, modes, remote, take_home,
         lat, lng, address, insurance, contract_form, skills, has_mother_baby_room, has_shuttle_bus, child_may_come, valid_until, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31) RETURNING id`,
      [
        p.employerId, p.regionCode, p.type, p.stage, p.title, p.description, p.headcount, p.payBasis, p.payMin, p.payMax,
        p.unitsPerHour, p.hoursPerTask, p.hourlyMin, p.hourlyMax, p.flexible, JSON.stringify(p.windows), p.hoursPerWeek, p.modes, p.remote, p.takeHome,
        p.lat, p.lng, p.address, p.insurance, p.contractForm, p.skills, p.motherBabyRoom, p.shuttleBus, p.childMayCome, p.validUntil, p.createdBy,
      ],
    );
    return rows[0]!.id;
  }

  async insertMother(tx: Tx, m: Record<string, unknown>): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO mothers (user_id, name, phone_hash, phone_cipher, phone_masked, id_hash, id_cipher, id_masked, birth_date, region_code,
         home_lat, home_lng, school_lat, school_lng, available_windows, desired_hourly, wanted_modes, registered_unemployed_since,
         station_id, registered_by, registered_at, consent_version, consent_at, consent_recorded_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24) RETURNING id`,
      [
        m.userId, m.name, m.phoneHash, m.phoneCipher, m.phoneMasked, m.idHash, m.idCipher, m.idMasked, m.birthDate, m.regionCode,
        m.homeLat, m.homeLng, m.schoolLat, m.schoolLng, JSON.stringify(m.windows), m.desiredHourly, m.wantedModes, m.registeredUnemployedSince,
        m.stationId, m.registeredBy, m.registeredAt, m.consentVersion, m.consentAt, m.consentRecordedBy,
      ],
    );
    return rows[0]!.id;
  }

  async insertChild(tx: Tx, motherId: string, c: { birthYear: number; birthMonth: number }): Promise<void> {
    await tx.query(`INSERT INTO children (mother_id, birth_year, birth_month) VALUES ($1, $2, $3)`, [motherId, c.birthYear, c.birthMonth]);
  }
}
