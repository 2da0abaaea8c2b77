import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../../database/transaction';
import { SurveyVersionEntity } from './survey-version.entity';

export interface NewSurveyAnswer {
  motherId: string;
  version: string;
  answers: Record<string, unknown>;
  trainingNeeds: string[];
  regionCode: string;
  stationId: string | null;
  recordedBy: string;
  answeredAt: Date;
}

export interface PreferenceUpdate {
  wantedTypes?: string[];
  wantedModes?: string[];
  trainingNeeds?: string[];
  desiredHourly?: number;
  /** Added to what she has, not replacing it: the desk may have noted skills the survey does not list. */
  addSkills?: string[];
}

/** The only code that reads and writes `survey_versions` and `survey_answers`. */
@Injectable()
export class SurveyRepository {
  constructor(@InjectRepository(SurveyVersionEntity) private readonly versions: Repository<SurveyVersionEntity>) {}

  findActive(): Promise<SurveyVersionEntity | null> {
    return this.versions.findOneBy({ active: true });
  }

  findVersion(version: string, tx?: Tx): Promise<SurveyVersionEntity | null> {
    return (tx ? tx.getRepository(SurveyVersionEntity) : this.versions).findOneBy({ version });
  }

  async insertAnswer(a: NewSurveyAnswer, tx: Tx): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO survey_answers (mother_id, version, answers, training_needs, region_code, station_id, recorded_by, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [a.motherId, a.version, JSON.stringify(a.answers), a.trainingNeeds, a.regionCode, a.stationId, a.recordedBy, a.answeredAt],
    );
    return (rows[0] as { id: string }).id;
  }

  /** Her matching preferences, from the survey (mothers columns; the desk and her own profile write them too). */
  async updatePreferences(motherId: string, p: PreferenceUpdate, tx: Tx): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [motherId];
    const set = (sql: string, value: unknown) => {
      params.push(value);
      sets.push(sql.replace('?', `$${params.length}`));
    };
    if (p.wantedTypes) set('wanted_types = ?', p.wantedTypes);
    if (p.wantedModes) set('wanted_modes = ?', p.wantedModes);
    if (p.trainingNeeds) set('training_needs = ?', p.trainingNeeds);
    if (p.desiredHourly !== undefined) set('desired_hourly = ?', p.desiredHourly);
    if (p.addSkills && p.addSkills.length > 0) set('skills = ARRAY(SELECT DISTINCT unnest(skills || ?::text[]))', p.addSkills);
    if (sets.length === 0) return;
    await tx.query(`UPDATE mothers SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  }

  /** Per training need: mothers of the region whose latest survey names it; and how many were surveyed. */
  async trainingNeeds(likePattern: string): Promise<{ surveyed: number; counts: Map<string, number> }> {
    const rows: { need: string | null; n: string; surveyed: string }[] = await this.versions.query(
      `WITH latest AS (
         SELECT DISTINCT ON (mother_id) mother_id, training_needs
           FROM survey_answers WHERE region_code LIKE $1
          ORDER BY mother_id, answered_at DESC)
       SELECT need, count(*) AS n, (SELECT count(*) FROM latest) AS surveyed
         FROM latest LEFT JOIN LATERAL unnest(training_needs) AS need ON true
        GROUP BY need`,
      [likePattern],
    );
    const counts = new Map<string, number>();
    for (const r of rows) if (r.need !== null) counts.set(r.need, Number(r.n));
    return { surveyed: Number(rows[0]?.surveyed ?? 0), counts };
  }
}
