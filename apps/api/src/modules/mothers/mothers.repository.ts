import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { WeeklyWindow } from '@mamagang/domain';
import type { Tx } from '../../database/transaction';
import { ChildEntity } from './child.entity';
import { MotherEntity } from './mother.entity';

/** What a mother states about herself (PUT /mothers/me); desk-only fields are not here. */
export interface SelfProfile {
  /** Undefined keeps the name on record (a station may have recorded her real name). */
  name?: string;
  regionCode: string;
  home: { lat: number; lng: number } | null;
  school: { lat: number; lng: number } | null;
  availableWindows: WeeklyWindow[];
  desiredHourly: number | null;
  wantedTypes: string[];
  wantedModes: string[];
  skills: string[];
  children: { birthYear: number; birthMonth: number }[];
}

/**
 * The only code that reads and writes `mothers` and `children`. Read methods are for every
 * feature (applications, stations, follow-up, search): they return the mother with her
 * children, oldest first.
 */
@Injectable()
export class MothersRepository {
  constructor(
    @InjectRepository(MotherEntity) private readonly mothers: Repository<MotherEntity>,
    @InjectRepository(ChildEntity) private readonly children: Repository<ChildEntity>,
  ) {}

  findById(id: string, tx?: Tx): Promise<MotherEntity | null> {
    return this.withChildren(this.repo(tx).findOneBy({ id }), tx);
  }

  findByUserId(userId: string, tx?: Tx): Promise<MotherEntity | null> {
    return this.withChildren(this.repo(tx).findOneBy({ userId }), tx);
  }

  /**
   * Two plain key lookups: TypeORM's findOne with a relation wraps the join in a DISTINCT
   * subquery, several times the cost, and search reads the mother on every request she makes.
   */
  private async withChildren(found: Promise<MotherEntity | null>, tx: Tx | undefined): Promise<MotherEntity | null> {
    const mother = await found;
    if (!mother) return null;
    mother.children = await (tx ? tx.getRepository(ChildEntity) : this.children).find({
      where: { motherId: mother.id },
      order: { birthYear: 'ASC', birthMonth: 'ASC' },
    });
    return mother;
  }

  /**
   * Creates her profile or updates the one linked to her account (her own, or a desk
   * registration joined to it), replacing her children. Returns the mother id. Run it in a
   * transaction: the profile and the children change together.
   */
  async saveSelfProfile(userId: string, p: SelfProfile, tx: Tx): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO mothers (user_id, name, region_code, home_lat, home_lng, school_lat, school_lng, available_windows,
                            desired_hourly, wanted_types, wanted_modes, skills)
       VALUES ($1, COALESCE($2, ''), $3, $4, $5, $6, $7, $8::jsonb, $9, $10::text[], $11::text[], $12::text[])
       ON CONFLICT (user_id) DO UPDATE SET
         name = COALESCE($2, mothers.name), region_code = EXCLUDED.region_code,
         home_lat = EXCLUDED.home_lat, home_lng = EXCLUDED.home_lng, school_lat = EXCLUDED.school_lat, school_lng = EXCLUDED.school_lng,
         available_windows = EXCLUDED.available_windows, desired_hourly = EXCLUDED.desired_hourly,
         wanted_types = EXCLUDED.wanted_types, wanted_modes = EXCLUDED.wanted_modes, skills = EXCLUDED.skills, updated_at = now()
       RETURNING id`,
      [
        userId,
        p.name ?? null,
        p.regionCode,
        p.home?.lat ?? null,
        p.home?.lng ?? null,
        p.school?.lat ?? null,
        p.school?.lng ?? null,
        JSON.stringify(p.availableWindows),
        p.desiredHourly,
        p.wantedTypes,
        p.wantedModes,
        p.skills,
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('saving the mother profile returned no id');
    await this.replaceChildren(id, p.children, tx);
    return id;
  }

  /** Whether she has consented to this notice, by any path (station desk or herself). */
  async hasConsent(motherId: string, noticeVersion: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await (tx ?? this.mothers.manager).query(`SELECT 1 FROM consents WHERE mother_id = $1 AND notice_version = $2 LIMIT 1`, [
      motherId,
      noticeVersion,
    ]);
    return rows.length > 0;
  }

  /** Her own consent, given in the mini-program: also the latest consent on her profile. */
  async insertSelfConsent(motherId: string, noticeVersion: string, givenAt: Date, userId: string, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO consents (mother_id, purpose, notice_version, given_at, recorded_by, via) VALUES ($1, 'sensitive_personal_data', $2, $3, $4, 'self')`,
      [motherId, noticeVersion, givenAt, userId],
    );
    await tx.query(`UPDATE mothers SET consent_version = $2, consent_at = $3, consent_recorded_by = $4 WHERE id = $1`, [motherId, noticeVersion, givenAt, userId]);
  }

  async replaceChildren(motherId: string, children: readonly { birthYear: number; birthMonth: number }[], tx: Tx): Promise<void> {
    await tx.query(`DELETE FROM children WHERE mother_id = $1`, [motherId]);
    if (children.length === 0) return;
    await tx.query(
      `INSERT INTO children (mother_id, birth_year, birth_month) SELECT $1, y, m FROM unnest($2::int[], $3::int[]) AS c(y, m)`,
      [motherId, children.map((c) => c.birthYear), children.map((c) => c.birthMonth)],
    );
  }

  private repo(tx: Tx | undefined): Repository<MotherEntity> {
    return tx ? tx.getRepository(MotherEntity) : this.mothers;
  }

  /** Children of several mothers at once (lists), keyed by mother id, oldest first. */
  async childrenOf(motherIds: readonly string[], tx?: Tx): Promise<Map<string, ChildEntity[]>> {
    const result = new Map<string, ChildEntity[]>();
    if (motherIds.length === 0) return result;
    const rows = await (tx ? tx.getRepository(ChildEntity) : this.children)
      .createQueryBuilder('c')
      .where('c.mother_id IN (:...ids)', { ids: [...motherIds] })
      .orderBy('c.birth_year', 'ASC')
      .addOrderBy('c.birth_month', 'ASC')
      .getMany();
    for (const c of rows) result.set(c.motherId, [...(result.get(c.motherId) ?? []), c]);
    return result;
  }
}
