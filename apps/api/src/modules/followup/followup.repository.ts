import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FollowUpItem, FollowUpKind, WeeklyWindow } from '@mamagang/domain';
import type { Tx } from '../../database/transaction';

export interface PlanRow {
  motherId: string;
  stationId: string;
  regionCode: string;
  workerId: string | null;
  registeredOn: string;
  deadline: string;
  hiredOn: string | null;
  hireSource: 'reported' | 'elsewhere' | null;
  hireEmployerName: string | null;
  daysToEmployment: number | null;
  continueRecommendations: boolean;
}

export interface ItemRow extends FollowUpItem {
  id: string;
  servedOn: string | null;
}

export interface ServiceRow {
  id: string;
  motherId: string;
  itemId: string | null;
  kind: FollowUpKind;
  servedAt: Date;
  servedOn: string;
  channel: string;
  content: string;
  outcome: string;
  postIds: string[];
  details: Record<string, unknown>;
  stationId: string;
  recordedBy: string | null;
  recordedByName: string | null;
  createdAt: Date;
}

export interface NewService {
  motherId: string;
  kind: FollowUpKind;
  servedAt: Date;
  servedOn: string;
  channel: string;
  content: string;
  outcome: string;
  postIds: string[];
  details: Record<string, unknown>;
  stationId: string;
  recordedBy: string;
}

/** What the follow-up needs to know about her: scope, eligibility, matching preferences. */
export interface FollowUpMother {
  id: string;
  name: string;
  regionCode: string;
  userId: string | null;
  stationId: string | null;
  birthDate: string | null;
  registeredUnemployedSince: string | null;
  employmentDifficulty: boolean;
  olderInDifficulty: boolean;
  outOfPoverty: boolean;
  home: { lat: number; lng: number } | null;
  availableWindows: WeeklyWindow[];
  desiredHourly: number | null;
  wantedTypes: string[];
  wantedModes: string[];
  children: { birthYear: number; birthMonth: number }[];
}

export interface StationRef {
  id: string;
  name: string;
  regionCode: string;
  lat: number;
  lng: number;
}

export type WorklistStatus = 'due' | 'overdue' | 'done';

/** Which items a worklist covers: one worker's mothers, one station's, or a region's. */
export type WorklistScope = { kind: 'worker'; userId: string } | { kind: 'station'; stationId: string } | { kind: 'region'; codes: string[] };

export interface WorklistRow {
  motherId: string;
  motherName: string;
  phoneMasked: string | null;
  itemId: string;
  kind: FollowUpKind;
  seq: number;
  dueOn: string;
  servedOn: string | null;
  stoppedOn: string | null;
}

export interface KindCompletionRow {
  kind: FollowUpKind;
  done: number;
  owed: number;
  overdue: number;
}

export interface LedgerRegistrationRow {
  motherId: string;
  registeredAt: Date;
  name: string;
  idMasked: string | null;
  phoneMasked: string | null;
  regionCode: string;
  childrenCount: number;
  youngestBirth: string | null;
  registeredUnemployedSince: string | null;
  trainingNeeds: string[];
  workerName: string | null;
  consentVersion: string | null;
  consentAt: Date | null;
}

export interface LedgerServiceRow {
  motherId: string;
  servedAt: Date;
  name: string;
  idMasked: string | null;
  kind: FollowUpKind;
  seq: number | null;
  channel: string;
  content: string;
  outcome: string;
  details: Record<string, unknown>;
  workerName: string | null;
}

const d = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * The only code that reads and writes `follow_up_plans`, `follow_up_items` and
 * `follow_up_services`; it also reads mothers, stations, posts and hires (plain SQL, so the
 * follow-up does not depend on those modules' entities) and sets `mothers.hired_at`.
 * Dates leave the database as text ('YYYY-MM-DD'): `pg` would turn them into local midnights.
 */
@Injectable()
export class FollowUpRepository {
  constructor(private readonly dataSource: DataSource) {}

  // ---- plans and items -------------------------------------------------------------------

  /** False when she already has a plan (a registration found again). */
  async createPlan(
    plan: { motherId: string; stationId: string; regionCode: string; workerId: string; registeredOn: string; deadline: string },
    items: readonly FollowUpItem[],
    tx: Tx,
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO follow_up_plans (mother_id, station_id, region_code, worker_id, registered_on, deadline)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (mother_id) DO NOTHING RETURNING mother_id`,
      [plan.motherId, plan.stationId, plan.regionCode, plan.workerId, plan.registeredOn, plan.deadline],
    );
    if (rows.length === 0) return false;
    await tx.query(
      `INSERT INTO follow_up_items (mother_id, station_id, region_code, worker_id, kind, seq, due_on)
       SELECT $1, $2, $3, $4, t.kind, t.seq, t.due_on FROM unnest($5::text[], $6::int[], $7::date[]) AS t(kind, seq, due_on)`,
      [plan.motherId, plan.stationId, plan.regionCode, plan.workerId, items.map((i) => i.kind), items.map((i) => i.seq), items.map((i) => i.dueOn)],
    );
    return true;
  }

  /** `lock`: holds the plan row until the transaction ends, so two services for her are recorded one after the other. */
  async findPlan(motherId: string, tx?: Tx, lock = false): Promise<PlanRow | null> {
    const rows = await this.q(tx).query(
      `SELECT mother_id, station_id, region_code, worker_id, registered_on::text, deadline::text, hired_on::text,
              hire_source, hire_employer_name, days_to_employment, continue_recommendations
         FROM follow_up_plans WHERE mother_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [motherId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      motherId: r.mother_id,
      stationId: r.station_id,
      regionCode: r.region_code,
      workerId: r.worker_id,
      registeredOn: r.registered_on,
      deadline: r.deadline,
      hiredOn: r.hired_on,
      hireSource: r.hire_source,
      hireEmployerName: r.hire_employer_name,
      daysToEmployment: r.days_to_employment === null ? null : Number(r.days_to_employment),
      continueRecommendations: r.continue_recommendations,
    };
  }

  async items(motherId: string, tx?: Tx): Promise<ItemRow[]> {
    const rows = await this.q(tx).query(
      `SELECT id, kind, seq, due_on::text, served_on::text, stopped_on::text FROM follow_up_items WHERE mother_id = $1 ORDER BY due_on, kind, seq`,
      [motherId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      kind: r.kind as FollowUpKind,
      seq: Number(r.seq),
      key: `${r.kind}#${r.seq}`,
      dueOn: r.due_on as string,
      servedOn: d(r.served_on),
      ...(r.stopped_on ? { stoppedOn: r.stopped_on as string } : {}),
    }));
  }

  async setStoppedOn(changes: { itemId: string; stoppedOn: string | null }[], tx: Tx): Promise<void> {
    for (const c of changes) await tx.query(`UPDATE follow_up_items SET stopped_on = $2 WHERE id = $1`, [c.itemId, c.stoppedOn]);
  }

  /** Items of one kind take the services of that kind in date order: item #n is served by the n-th service. */
  async assignServices(motherId: string, kind: FollowUpKind, tx: Tx): Promise<void> {
    const services: { id: string; served_on: string }[] = await tx.query(
      `SELECT id, served_on::text FROM follow_up_services WHERE mother_id = $1 AND kind = $2 ORDER BY served_at, created_at, id`,
      [motherId, kind],
    );
    const items: { id: string; seq: number }[] = await tx.query(`SELECT id, seq FROM follow_up_items WHERE mother_id = $1 AND kind = $2 ORDER BY seq`, [
      motherId,
      kind,
    ]);
    await tx.query(`UPDATE follow_up_services SET item_id = NULL WHERE mother_id = $1 AND kind = $2`, [motherId, kind]);
    for (const [i, item] of items.entries()) {
      const service = services[i];
      await tx.query(`UPDATE follow_up_items SET served_on = $2 WHERE id = $1`, [item.id, service?.served_on ?? null]);
      if (service) await tx.query(`UPDATE follow_up_services SET item_id = $2 WHERE id = $1`, [service.id, item.id]);
    }
  }

  async setHire(
    motherId: string,
    hire: { hiredOn: string; source: 'reported' | 'elsewhere'; hireId: string | null; employerName: string; daysToEmployment: number; hiredAt: Date },
    tx: Tx,
  ): Promise<void> {
    await tx.query(
      `UPDATE follow_up_plans SET hired_on = $2, hire_source = $3, hire_id = $4, hire_employer_name = $5, days_to_employment = $6, updated_at = now()
        WHERE mother_id = $1`,
      [motherId, hire.hiredOn, hire.source, hire.hireId, hire.employerName, hire.daysToEmployment],
    );
    await tx.query(`UPDATE mothers SET hired_at = $2, updated_at = now() WHERE id = $1 AND hired_at IS NULL`, [motherId, hire.hiredAt]);
  }

  async setContinueRecommendations(motherId: string, value: boolean, tx: Tx): Promise<void> {
    await tx.query(`UPDATE follow_up_plans SET continue_recommendations = $2, updated_at = now() WHERE mother_id = $1`, [motherId, value]);
  }

  /** Hires reported through the platform whose mother has an open plan: what the daily sweep closes. */
  async unrecordedHires(limit: number, tx: Tx): Promise<{ hireId: string; motherId: string; startDate: string; employerName: string }[]> {
    const rows = await tx.query(
      `SELECT h.id, h.mother_id, h.start_date::text AS start_date, e.name AS employer_name
         FROM hires h JOIN follow_up_plans p ON p.mother_id = h.mother_id JOIN employers e ON e.id = h.employer_id
        WHERE p.hired_on IS NULL ORDER BY h.start_date, h.created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r: Record<string, unknown>) => ({
      hireId: r.id as string,
      motherId: r.mother_id as string,
      startDate: r.start_date as string,
      employerName: r.employer_name as string,
    }));
  }

  async findHire(hireId: string, tx?: Tx): Promise<{ motherId: string; startDate: string; employerName: string } | null> {
    const rows = await this.q(tx).query(
      `SELECT h.mother_id, h.start_date::text AS start_date, e.name AS employer_name FROM hires h JOIN employers e ON e.id = h.employer_id WHERE h.id = $1`,
      [hireId],
    );
    const r = rows[0];
    return r ? { motherId: r.mother_id, startDate: r.start_date, employerName: r.employer_name } : null;
  }

  // ---- services ---------------------------------------------------------------------------

  async insertService(s: NewService, tx: Tx): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO follow_up_services (mother_id, kind, served_at, served_on, channel, content, outcome, post_ids, details, station_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [s.motherId, s.kind, s.servedAt, s.servedOn, s.channel, s.content, s.outcome, JSON.stringify(s.postIds), JSON.stringify(s.details), s.stationId, s.recordedBy],
    );
    return (rows[0] as { id: string }).id;
  }

  async services(motherId: string, tx?: Tx): Promise<ServiceRow[]> {
    const rows = await this.q(tx).query(`${SERVICE_SELECT} WHERE s.mother_id = $1 ORDER BY s.served_at DESC, s.created_at DESC`, [motherId]);
    return rows.map(toService);
  }

  async findService(id: string, tx?: Tx): Promise<ServiceRow | null> {
    const rows = await this.q(tx).query(`${SERVICE_SELECT} WHERE s.id = $1`, [id]);
    return rows[0] ? toService(rows[0]) : null;
  }

  // ---- the people and things around a plan -----------------------------------------------

  async findMother(id: string, tx?: Tx): Promise<FollowUpMother | null> {
    const rows = await this.q(tx).query(
      `SELECT m.id, m.name, m.region_code, m.user_id, m.station_id, m.birth_date::text AS birth_date,
              m.registered_unemployed_since::text AS registered_unemployed_since, m.employment_difficulty, m.older_in_difficulty,
              m.out_of_poverty, m.home_lat, m.home_lng, m.available_windows, m.desired_hourly, m.wanted_types, m.wanted_modes,
              COALESCE((SELECT json_agg(json_build_object('birthYear', c.birth_year, 'birthMonth', c.birth_month)) FROM children c WHERE c.mother_id = m.id), '[]'::json) AS children
         FROM mothers m WHERE m.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      regionCode: r.region_code,
      userId: r.user_id,
      stationId: r.station_id,
      birthDate: r.birth_date,
      registeredUnemployedSince: r.registered_unemployed_since,
      employmentDifficulty: r.employment_difficulty,
      olderInDifficulty: r.older_in_difficulty,
      outOfPoverty: r.out_of_poverty,
      home: r.home_lat === null || r.home_lng === null ? null : { lat: Number(r.home_lat), lng: Number(r.home_lng) },
      availableWindows: parseJson(r.available_windows, []),
      desiredHourly: r.desired_hourly === null ? null : Number(r.desired_hourly),
      wantedTypes: r.wanted_types ?? [],
      wantedModes: r.wanted_modes ?? [],
      children: parseJson(r.children, []),
    };
  }

  async findStation(id: string, tx?: Tx): Promise<StationRef | null> {
    const rows = await this.q(tx).query(`SELECT id, name, region_code, lat, lng FROM stations WHERE id = $1`, [id]);
    const r = rows[0];
    return r ? { id: r.id, name: r.name, regionCode: r.region_code, lat: Number(r.lat), lng: Number(r.lng) } : null;
  }

  async stationWorkerIds(stationId: string, tx?: Tx): Promise<string[]> {
    const rows: { user_id: string }[] = await this.q(tx).query(
      `SELECT DISTINCT user_id FROM user_roles WHERE role = 'station_worker' AND station_id = $1 ORDER BY user_id`,
      [stationId],
    );
    return rows.map((r) => r.user_id);
  }

  /** The named posts that are open on `now`, with what a record of the recommendation keeps. */
  async openPosts(ids: readonly string[], now: Date, tx?: Tx): Promise<{ id: string; title: string; employerName: string }[]> {
    const rows = await this.q(tx).query(
      `SELECT p.id, p.title, e.name AS employer_name FROM posts p JOIN employers e ON e.id = p.employer_id
        WHERE p.id = ANY($1::uuid[]) AND p.status = 'open' AND p.valid_until > $2`,
      [[...ids], now],
    );
    return rows.map((r: Record<string, unknown>) => ({ id: r.id as string, title: r.title as string, employerName: r.employer_name as string }));
  }

  // ---- worklists and completion ------------------------------------------------------------

  async worklist(scope: WorklistScope, status: WorklistStatus, today: string, dueUntil: string, limit: number, offset: number): Promise<WorklistRow[]> {
    // Only the parameters a filter uses: PostgreSQL refuses one whose type it cannot infer.
    const { where, params } = scopeWhere(scope, status === 'done' ? [] : status === 'due' ? [today, dueUntil] : [today]);
    const open = `i.served_on IS NULL AND (i.stopped_on IS NULL OR i.stopped_on > $1)`;
    const filter =
      status === 'done' ? `i.served_on IS NOT NULL` : status === 'due' ? `${open} AND i.due_on >= $1 AND i.due_on <= $2` : `${open} AND i.due_on < $1`;
    const order = status === 'done' ? `i.served_on DESC, i.id` : `i.due_on, i.id`;
    params.push(limit, offset);
    const rows = await this.dataSource.query(
      `SELECT i.id, i.mother_id, i.kind, i.seq, i.due_on::text, i.served_on::text, i.stopped_on::text, m.name, m.phone_masked
         FROM follow_up_items i JOIN mothers m ON m.id = i.mother_id
        WHERE ${where} AND ${filter}
        ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({
      motherId: r.mother_id as string,
      motherName: r.name as string,
      phoneMasked: d(r.phone_masked),
      itemId: r.id as string,
      kind: r.kind as FollowUpKind,
      seq: Number(r.seq),
      dueOn: r.due_on as string,
      servedOn: d(r.served_on),
      stoppedOn: d(r.stopped_on),
    }));
  }

  /** Each count is one range scan of a partial index: open items up to the end of the week, and done items. */
  async worklistCounts(scope: WorklistScope, today: string, dueUntil: string): Promise<{ due: number; overdue: number; done: number }> {
    const open = scopeWhere(scope, [today, dueUntil]);
    const done = scopeWhere(scope, []);
    // Two index-only scans, on two connections at once: at a city's scale each counts hundreds of thousands of entries.
    const [[counts], [served]] = await Promise.all([
      this.dataSource.query(
      `SELECT count(*) FILTER (WHERE i.due_on >= $1) AS due, count(*) FILTER (WHERE i.due_on < $1) AS overdue
         FROM follow_up_items i
        WHERE ${open.where} AND i.served_on IS NULL AND i.due_on <= $2 AND (i.stopped_on IS NULL OR i.stopped_on > $1)`,
        open.params,
      ),
      this.dataSource.query(`SELECT count(*) AS n FROM follow_up_items i WHERE ${done.where} AND i.served_on IS NOT NULL`, done.params),
    ]);
    return { due: Number(counts.due), overdue: Number(counts.overdue), done: Number(served.n) };
  }

  /** Through the station's plans (an index on plans), then each plan's items by the (mother, kind, seq) index. */
  async completionByKind(stationId: string, today: string): Promise<KindCompletionRow[]> {
    const rows = await this.dataSource.query(
      `SELECT i.kind,
              count(*) FILTER (WHERE i.served_on IS NOT NULL) AS done,
              count(*) FILTER (WHERE i.served_on IS NOT NULL OR i.stopped_on IS NULL OR i.stopped_on > $2) AS owed,
              count(*) FILTER (WHERE i.served_on IS NULL AND (i.stopped_on IS NULL OR i.stopped_on > $2) AND i.due_on < $2) AS overdue
         FROM follow_up_plans p JOIN follow_up_items i ON i.mother_id = p.mother_id
        WHERE p.station_id = $1 GROUP BY i.kind`,
      [stationId, today],
    );
    return rows.map((r: Record<string, unknown>) => ({ kind: r.kind as FollowUpKind, done: Number(r.done), owed: Number(r.owed), overdue: Number(r.overdue) }));
  }

  /** Mothers of the station, those whose owed items are all done, and the same for those whose service year has ended. */
  async completionByMother(stationId: string, today: string): Promise<{ mothers: number; complete: number; yearEnded: number; yearEndedComplete: number }> {
    const [r] = await this.dataSource.query(
      `WITH per AS (
         SELECT p.mother_id, p.deadline < $2 AS ended,
                bool_and(i.served_on IS NOT NULL OR (i.stopped_on IS NOT NULL AND i.stopped_on <= $2)) AS complete
           FROM follow_up_plans p JOIN follow_up_items i ON i.mother_id = p.mother_id
          WHERE p.station_id = $1 GROUP BY p.mother_id, p.deadline)
       SELECT count(*) AS mothers, count(*) FILTER (WHERE complete) AS complete,
              count(*) FILTER (WHERE ended) AS year_ended, count(*) FILTER (WHERE ended AND complete) AS year_ended_complete
         FROM per`,
      [stationId, today],
    );
    return { mothers: Number(r.mothers), complete: Number(r.complete), yearEnded: Number(r.year_ended), yearEndedComplete: Number(r.year_ended_complete) };
  }

  /** Every region code a scope covers (the scope itself and the regions under it). */
  async regionCodesUnder(likePattern: string): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(`SELECT code FROM regions WHERE code LIKE $1 ORDER BY code`, [likePattern]);
    return rows.map((r) => r.code);
  }

  // ---- reminders ---------------------------------------------------------------------------

  /** One reminder job per open item coming due (idempotent on item and due date). Returns how many were new. */
  async enqueueReminders(today: string, until: string, runAt: Date, tx: Tx): Promise<number> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO jobs (kind, dedupe_key, payload, run_at)
       SELECT 'followup.reminder', 'followup.reminder:' || i.id || ':' || i.due_on::text,
              jsonb_build_object('itemId', i.id, 'dueOn', i.due_on::text), $3
         FROM follow_up_items i
        WHERE i.served_on IS NULL AND i.due_on >= $1 AND i.due_on <= $2 AND (i.stopped_on IS NULL OR i.stopped_on > $1)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [today, until, runAt],
    );
    return rows.length;
  }

  async reminderItem(itemId: string, tx: Tx): Promise<(WorklistRow & { stationId: string; stationName: string }) | null> {
    const rows = await tx.query(
      `SELECT i.id, i.mother_id, i.kind, i.seq, i.due_on::text, i.served_on::text, i.stopped_on::text, i.station_id, m.name, m.phone_masked, s.name AS station_name
         FROM follow_up_items i JOIN mothers m ON m.id = i.mother_id JOIN stations s ON s.id = i.station_id WHERE i.id = $1`,
      [itemId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      motherId: r.mother_id,
      motherName: r.name,
      phoneMasked: d(r.phone_masked),
      itemId: r.id,
      kind: r.kind,
      seq: Number(r.seq),
      dueOn: r.due_on,
      servedOn: d(r.served_on),
      stoppedOn: d(r.stopped_on),
      stationId: r.station_id,
      stationName: r.station_name,
    };
  }

  // ---- ledger -----------------------------------------------------------------------------

  async ledgerRegistrations(stationId: string, from: Date, to: Date): Promise<LedgerRegistrationRow[]> {
    const rows = await this.dataSource.query(
      `SELECT m.id AS mother_id, m.registered_at, m.name, m.id_masked, m.phone_masked, m.region_code, m.registered_unemployed_since::text AS unemployed_since,
              m.training_needs, m.consent_version, m.consent_at, u.display_name AS worker_name,
              (SELECT count(*) FROM children c WHERE c.mother_id = m.id) AS children_count,
              (SELECT max(c.birth_year * 100 + c.birth_month) FROM children c WHERE c.mother_id = m.id) AS youngest
         FROM follow_up_plans p JOIN mothers m ON m.id = p.mother_id LEFT JOIN users u ON u.id = m.registered_by
        WHERE p.station_id = $1 AND m.registered_at >= $2 AND m.registered_at < $3
        ORDER BY m.registered_at, m.id`,
      [stationId, from, to],
    );
    return rows.map((r: Record<string, unknown>) => {
      const y = r.youngest === null ? null : Number(r.youngest);
      return {
        motherId: r.mother_id as string,
        registeredAt: new Date(r.registered_at as string),
        name: r.name as string,
        idMasked: d(r.id_masked),
        phoneMasked: d(r.phone_masked),
        regionCode: r.region_code as string,
        childrenCount: Number(r.children_count),
        youngestBirth: y === null ? null : `${Math.floor(y / 100)}年${y % 100}月`,
        registeredUnemployedSince: d(r.unemployed_since),
        trainingNeeds: (r.training_needs as string[]) ?? [],
        workerName: d(r.worker_name),
        consentVersion: d(r.consent_version),
        consentAt: r.consent_at ? new Date(r.consent_at as string) : null,
      };
    });
  }

  async ledgerServices(stationId: string, from: Date, to: Date): Promise<LedgerServiceRow[]> {
    const rows = await this.dataSource.query(
      `SELECT s.mother_id, s.served_at, m.name, m.id_masked, s.kind, i.seq, s.channel, s.content, s.outcome, s.details, u.display_name AS worker_name
         FROM follow_up_services s JOIN mothers m ON m.id = s.mother_id
         LEFT JOIN follow_up_items i ON i.id = s.item_id LEFT JOIN users u ON u.id = s.recorded_by
        WHERE s.station_id = $1 AND s.served_at >= $2 AND s.served_at < $3
        ORDER BY s.served_at, s.id`,
      [stationId, from, to],
    );
    return rows.map((r: Record<string, unknown>) => ({
      motherId: r.mother_id as string,
      servedAt: new Date(r.served_at as string),
      name: r.name as string,
      idMasked: d(r.id_masked),
      kind: r.kind as FollowUpKind,
      seq: r.seq === null ? null : Number(r.seq),
      channel: r.channel as string,
      content: r.content as string,
      outcome: r.outcome as string,
      details: parseJson(r.details, {}),
      workerName: d(r.worker_name),
    }));
  }

  private q(tx: Tx | undefined) {
    return tx ?? this.dataSource.manager;
  }
}

const SERVICE_SELECT = `
  SELECT s.id, s.mother_id, s.item_id, s.kind, s.served_at, s.served_on::text AS served_on, s.channel, s.content, s.outcome,
         s.post_ids, s.details, s.station_id, s.recorded_by, u.display_name AS recorded_by_name, s.created_at
    FROM follow_up_services s LEFT JOIN users u ON u.id = s.recorded_by`;

function toService(r: Record<string, unknown>): ServiceRow {
  return {
    id: r.id as string,
    motherId: r.mother_id as string,
    itemId: d(r.item_id),
    kind: r.kind as FollowUpKind,
    servedAt: new Date(r.served_at as string),
    servedOn: r.served_on as string,
    channel: r.channel as string,
    content: r.content as string,
    outcome: r.outcome as string,
    postIds: parseJson(r.post_ids, []),
    details: parseJson(r.details, {}),
    stationId: r.station_id as string,
    recordedBy: d(r.recorded_by),
    recordedByName: d(r.recorded_by_name),
    createdAt: new Date(r.created_at as string),
  };
}

function scopeWhere(scope: WorklistScope, params: unknown[]): { where: string; params: unknown[] } {
  const p = [...params];
  switch (scope.kind) {
    case 'worker':
      p.push(scope.userId);
      return { where: `i.worker_id = $${p.length}`, params: p };
    case 'station':
      p.push(scope.stationId);
      return { where: `i.station_id = $${p.length}`, params: p };
    default:
      // Equality per district rather than a LIKE prefix: each district is a range of the index on (region_code, due_on).
      p.push(scope.codes);
      return { where: `i.region_code = ANY($${p.length}::text[])`, params: p };
  }
}

function parseJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
