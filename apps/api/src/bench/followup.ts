import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { addDays, buildFollowUpPlan, daysBetween, isoDateInChina, makeResidentId, type FollowUpKind } from '@mamagang/domain';
import { createApp } from '../app.factory';
import { FixedClock } from '../common/clock/clock';
import { loadConfig } from '../config';
import { FollowUpService } from '../modules/followup/followup.service';
import { FollowUpReminders, SWEEP_JOB } from '../modules/followup/reminders.service';
import { TransactionRunner } from '../database/transaction';
import { RegistrationsService } from '../modules/stations/registrations.service';
import type { RegisterMotherDto } from '../modules/stations/dto/registration.dto';
import type { Principal } from '../modules/users/principal';
import { ensureBenchDatabase, migrate } from './bench-db';
import { ms, summarize, table, type Summary } from './stats';

/**
 * The 12333 follow-up at scale: 200,000 registered mothers with their plans (2.2 million items)
 * in the bench PostgreSQL database, then
 * - plan creation per registration, through the real registration desk (validation, encryption,
 *   mother, children, consent, plan and its 11 items, one transaction);
 * - worklists (due this week, overdue, done) per station and per region, through the service
 *   (page of 20 plus the three counts);
 * - a station's quota completion, and the daily reminder sweep.
 *
 * Its rows live beside the search bench's province (stations named `bench-followup-*`); the
 * search bench's regeneration truncates them, and this bench regenerates when they are missing.
 */

export interface FollowupBenchOptions {
  url: string;
  mothers?: number;
  registrations?: number;
  samples?: number;
  regenerate?: boolean;
  log: (line: string) => void;
}

export interface FollowupBenchResult {
  mothers: number;
  items: number;
  stations: number;
  today: string;
  generateSeconds: number | null;
  rows: { what: string; summary: Summary }[];
}

const DISTRICTS = ['371002', '371003', '371082', '371083', '371071', '371072', '371073'];
const STATIONS_PER_DISTRICT = 15;
const DAY = 86_400_000;

export async function runFollowupBench(options: FollowupBenchOptions): Promise<FollowupBenchResult> {
  const { url, log } = options;
  const mothers = options.mothers ?? 200_000;
  // "Today" of the bench: plans spread over the year before it, so every worklist has work.
  const now = new Date('2027-03-01T02:00:00Z');
  const today = isoDateInChina(now);
  await ensureBenchDatabase(url, log);
  await migrate(url);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let generateSeconds: number | null = null;
  try {
    const [have] = (
      await client.query(
        `SELECT count(*)::int AS n FROM follow_up_plans p JOIN stations s ON s.id = p.station_id JOIN mothers m ON m.id = p.mother_id
          WHERE s.name LIKE 'bench-followup-%' AND m.name <> '测试妈妈（登记台）'`,
      )
    ).rows as { n: number }[];
    if (options.regenerate || have?.n !== mothers) {
      const t0 = Date.now();
      await generate(client, mothers, today, log);
      generateSeconds = Math.round((Date.now() - t0) / 1000);
      log(`generated in ${generateSeconds} s`);
    } else {
      log(`follow-up data: ${have.n} plans (kept; --regenerate rebuilds)`);
    }
  } finally {
    await client.end();
  }

  const config = loadConfig({
    NODE_ENV: 'test', // no job poller: the bench drives the work itself
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '4',
    TOKEN_SECRET: randomBytes(24).toString('hex'),
    ID_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ID_HASH_KEY: randomBytes(32).toString('hex'),
  }).config;
  const clock = new FixedClock(now);
  const app = await createApp(config, { clock });
  const rows: { what: string; summary: Summary }[] = [];
  try {
    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    const stations = (
      await sql.query(
        `SELECT s.id, s.region_code, (SELECT user_id FROM user_roles r WHERE r.station_id = s.id AND r.role = 'station_worker' LIMIT 1) AS worker
           FROM stations s WHERE s.name LIKE 'bench-followup-%' ORDER BY s.name`,
      )
    ).rows as { id: string; region_code: string; worker: string }[];
    const [counts] = (await sql.query(`SELECT count(*)::int AS items FROM follow_up_items`)).rows as { items: number }[];
    // The desk registrations of an earlier run go, so this run's ID numbers are new.
    await sql.query(`DELETE FROM mothers WHERE name = '测试妈妈（登记台）'`);
    // Reminder jobs of an earlier run would make the sweep's first day look cheaper than it is.
    await sql.query(`DELETE FROM jobs WHERE kind LIKE 'followup.%'`);
    await sql.end();

    const workerOf = (s: { id: string; region_code: string; worker: string }): Principal => ({
      userId: s.worker,
      displayName: 'bench',
      motherId: null,
      grants: [{ role: 'station_worker', employerId: null, stationId: s.id, regionCode: s.region_code }],
    });
    const official = (regionCode: string): Principal => ({
      userId: stations[0]?.worker as string,
      displayName: 'bench',
      motherId: null,
      grants: [{ role: 'official', employerId: null, stationId: null, regionCode }],
    });

    // Registrations at the desk: each creates her plan of 11 items in the same transaction.
    const desk = app.get(RegistrationsService);
    const n = options.registrations ?? 300;
    const salt = Date.now() % 100_000;
    const timings: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = stations[i % stations.length] as (typeof stations)[number];
      const birth = addDays('1986-01-01', (salt * 7 + i) % 3650).replace(/-/g, '');
      const dto = {
        name: '测试妈妈（登记台）',
        phone: `13${String(salt).padStart(5, '0')}${String(i).padStart(4, '0')}`,
        idNumber: makeResidentId(`${s.region_code}${birth}${String(i % 100).padStart(2, '0')}2`),
        children: [{ birthYear: 2022, birthMonth: 6 }],
        availableWindows: [{ day: 1, start: '09:00', end: '15:00' }],
        wantedTypes: ['handicraft'],
        wantedModes: ['take_home'],
        skills: [],
        trainingNeeds: ['handicraft'],
        consent: { noticeVersion: 'sensitive-v1', givenAt: now.toISOString() },
      } as RegisterMotherDto;
      const t0 = performance.now();
      const result = await desk.register(workerOf(s), s.id, dto);
      timings.push(performance.now() - t0);
      if (!result.created) throw new Error('bench registration found an existing record: change the salt');
    }
    rows.push({ what: 'registration with plan creation (1 transaction)', summary: summarize(timings) });

    const followUp = app.get(FollowUpService);
    const samples = options.samples ?? 60;
    const time = async (what: string, calls: (() => Promise<unknown>)[]) => {
      await calls[0]?.(); // warm the plan cache and the buffers
      const t: number[] = [];
      for (const call of calls) {
        const t0 = performance.now();
        await call();
        t.push(performance.now() - t0);
      }
      rows.push({ what, summary: summarize(t) });
      log(`  ${what}: p50 ${ms(summarize(t).p50)} ms`);
    };
    const pickStations = Array.from({ length: samples }, (_, i) => stations[(i * 7) % stations.length] as (typeof stations)[number]);
    for (const status of ['due', 'overdue', 'done'] as const) {
      await time(
        `worklist per station, ${status}`,
        pickStations.map((s) => () => followUp.worklist(workerOf(s), { scope: 'station', status })),
      );
    }
    await time(
      'worklist per worker (scope=me), overdue',
      pickStations.map((s) => () => followUp.worklist(workerOf(s), { scope: 'me', status: 'overdue' })),
    );
    for (const status of ['due', 'overdue'] as const) {
      await time(
        `worklist per district (~29k mothers), ${status}`,
        Array.from({ length: samples }, (_, i) => () => followUp.worklist(official(DISTRICTS[i % DISTRICTS.length] as string), { scope: 'region', status })),
      );
      await time(
        `worklist per city (200k mothers), ${status}`,
        Array.from({ length: Math.min(samples, 20) }, () => () => followUp.worklist(official('371000'), { scope: 'region', status })),
      );
    }
    await time(
      'worklist per city, overdue, page 50',
      Array.from({ length: 10 }, () => () => followUp.worklist(official('371000'), { scope: 'region', status: 'overdue', page: 50 })),
    );
    await time(
      'station completion (2/3/3/3 per kind and per mother)',
      pickStations.slice(0, 30).map((s) => () => followUp.completion(workerOf(s), s.id)),
    );

    // The daily reminder sweep over the whole city: reported hires, then one INSERT … SELECT of the
    // items coming due. Called directly: runOnce would also run other features' daily jobs.
    const reminders = app.get(FollowUpReminders);
    const transactions = app.get(TransactionRunner);
    const sweeps: number[] = [];
    for (let d = 0; d < 5; d++) {
      const at = new Date(now.getTime() + (d + 1) * DAY);
      const t0 = performance.now();
      await transactions.run((tx) => reminders.sweep({ tx, now: at, job: { id: 'bench', kind: SWEEP_JOB, dedupeKey: 'bench', payload: {}, attempts: 1, maxAttempts: 1 } }));
      sweeps.push(performance.now() - t0);
    }
    rows.push({ what: 'daily reminder sweep (first day enqueues 4 days of items, then 1 day each)', summary: summarize(sweeps) });

    return { mothers, items: counts?.items ?? 0, stations: stations.length, today, generateSeconds, rows };
  } finally {
    await app.close();
  }
}

export function followupTable(r: FollowupBenchResult): string {
  return table(
    ['operation', 'n', 'p50 ms', 'p95 ms', 'max ms'],
    r.rows.map((row) => [row.what, String(row.summary.n), ms(row.summary.p50), ms(row.summary.p95), ms(row.summary.max)]),
  );
}

/**
 * Set-based, deterministic (setseed): stations with two workers each, mothers registered over
 * the 365 days before `today`, their plans and items from the domain's schedule, about 70 % of
 * past-due items served, about 15 % of those registered over two months ago hired.
 */
async function generate(sql: pg.Client, mothers: number, today: string, log: (line: string) => void): Promise<void> {
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t0 = Date.now();
    await work();
    log(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  // The schedule as offsets in days, from the domain (never a copy of it).
  const plan = buildFollowUpPlan('2001-01-01');
  const offsets = plan.map((i) => ({ kind: i.kind as FollowUpKind, seq: i.seq, days: daysBetween('2001-01-01', i.dueOn) }));

  await sql.query('BEGIN');
  try {
    // Stations and workers are kept between runs: deleting users means a scan of every table
    // that points at users, per user.
    await step('clear previous follow-up bench data', async () => {
      await sql.query(`DELETE FROM jobs WHERE kind LIKE 'followup.%'`);
      await sql.query(`DELETE FROM mothers WHERE station_id IN (SELECT id FROM stations WHERE name LIKE 'bench-followup-%')`);
    });
    await sql.query(`SELECT setseed(0.1233)`);
    await step(`stations (${DISTRICTS.length * STATIONS_PER_DISTRICT}) and workers`, async () => {
      await sql.query(
        `INSERT INTO stations (name, region_code, address, lat, lng, services, has_child_room)
         SELECT 'bench-followup-' || d.code || '-' || lpad(k::text, 2, '0'), d.code, '测试地址', r.center_lat + (random() - 0.5) * 0.1,
                r.center_lng + (random() - 0.5) * 0.1, '{registration,career_guidance,job_recommendation}', true
           FROM unnest($1::text[]) AS d(code) JOIN regions r ON r.code = d.code CROSS JOIN generate_series(1, $2) AS k
          WHERE NOT EXISTS (SELECT 1 FROM stations s WHERE s.name = 'bench-followup-' || d.code || '-' || lpad(k::text, 2, '0'))`,
        [DISTRICTS, STATIONS_PER_DISTRICT],
      );
      await sql.query(
        `INSERT INTO users (display_name, demo_key)
         SELECT '测试工作人员', 'bench-followup-' || s.id || '-' || w FROM stations s CROSS JOIN generate_series(1, 2) AS w
          WHERE s.name LIKE 'bench-followup-%' ON CONFLICT (demo_key) DO NOTHING`,
      );
      await sql.query(
        `INSERT INTO user_roles (user_id, role, station_id, region_code)
         SELECT u.id, 'station_worker', s.id, s.region_code FROM stations s
           JOIN users u ON u.demo_key LIKE 'bench-followup-' || s.id || '-%' WHERE s.name LIKE 'bench-followup-%'
         ON CONFLICT DO NOTHING`,
      );
    });
    await step(`mothers (${mothers}) with children and consent`, async () => {
      await sql.query(
        `CREATE TEMP TABLE bench_st AS
           SELECT row_number() OVER (ORDER BY s.name) - 1 AS idx, s.id, s.region_code, s.lat, s.lng,
                  (SELECT min(r.user_id::text)::uuid FROM user_roles r WHERE r.station_id = s.id) AS worker
             FROM stations s WHERE s.name LIKE 'bench-followup-%'`,
      );
      await sql.query(
        `INSERT INTO mothers (name, phone_hash, phone_masked, id_hash, id_masked, birth_date, region_code, home_lat, home_lng,
                              available_windows, wanted_modes, station_id, registered_by, registered_at, consent_version, consent_at, consent_recorded_by)
         SELECT '测试妈妈' || g, md5('bench-phone-' || g), '139****0000', md5('bench-id-' || g), '3710**********0000',
                date '1985-01-01' + (g % 3650), st.region_code, round((st.lat + (random() - 0.5) * 0.05)::numeric, 3), round((st.lng + (random() - 0.5) * 0.05)::numeric, 3),
                '[{"day":1,"start":"09:00","end":"15:00"}]', '{take_home}', st.id, st.worker,
                (($2::date - (random() * 365)::int)::timestamp + time '02:00') AT TIME ZONE 'UTC', 'sensitive-v1', now(), st.worker
           FROM generate_series(1, $1) AS g JOIN bench_st st ON st.idx = g % (SELECT count(*) FROM bench_st)`,
        [mothers, today],
      );
      await sql.query(
        `INSERT INTO children (mother_id, birth_year, birth_month)
         SELECT m.id, 2018 + (random() * 7)::int, 1 + (random() * 11)::int FROM mothers m JOIN bench_st st ON st.id = m.station_id`,
      );
    });
    await step('plans', () =>
      sql.query(
        `INSERT INTO follow_up_plans (mother_id, station_id, region_code, worker_id, registered_on, deadline)
         SELECT m.id, m.station_id, m.region_code, m.registered_by, (m.registered_at AT TIME ZONE 'UTC' + interval '8 hours')::date,
                ((m.registered_at AT TIME ZONE 'UTC' + interval '8 hours')::date + interval '1 year' - interval '1 day')::date
           FROM mothers m JOIN bench_st st ON st.id = m.station_id`,
      ),
    );
    await step(`items (${mothers * offsets.length})`, () =>
      sql.query(
        `INSERT INTO follow_up_items (mother_id, station_id, region_code, worker_id, kind, seq, due_on, served_on)
         SELECT p.mother_id, p.station_id, p.region_code, p.worker_id, o.kind, o.seq, p.registered_on + o.days,
                CASE WHEN p.registered_on + o.days < $4::date AND random() < 0.7 THEN p.registered_on + o.days - (random() * 5)::int END
           FROM follow_up_plans p JOIN bench_st st ON st.id = p.station_id
          CROSS JOIN unnest($1::text[], $2::int[], $3::int[]) AS o(kind, seq, days)`,
        [offsets.map((o) => o.kind), offsets.map((o) => o.seq), offsets.map((o) => o.days), today],
      ),
    );
    await step('services for served items', () =>
      sql.query(
        `INSERT INTO follow_up_services (mother_id, item_id, kind, served_at, served_on, channel, content, station_id, recorded_by)
         SELECT i.mother_id, i.id, i.kind, (i.served_on::timestamp + time '02:00') AT TIME ZONE 'UTC', i.served_on, 'phone', '测试服务', i.station_id, i.worker_id
           FROM follow_up_items i JOIN bench_st st ON st.id = i.station_id WHERE i.served_on IS NOT NULL`,
      ),
    );
    await step('hires (~15 % of plans older than 60 days)', async () => {
      await sql.query(
        `CREATE TEMP TABLE bench_hired AS
           SELECT p.mother_id, p.registered_on + 30 + (random() * 30)::int AS hired_on
             FROM follow_up_plans p JOIN bench_st st ON st.id = p.station_id
            WHERE p.registered_on < $1::date - 60 AND random() < 0.15`,
        [today],
      );
      await sql.query(
        `UPDATE follow_up_plans p SET hired_on = h.hired_on, hire_source = 'elsewhere', hire_employer_name = '测试单位',
                days_to_employment = h.hired_on - p.registered_on
           FROM bench_hired h WHERE h.mother_id = p.mother_id`,
      );
      await sql.query(
        `UPDATE follow_up_items i SET stopped_on = h.hired_on FROM bench_hired h
          WHERE h.mother_id = i.mother_id AND i.kind = 'job_recommendation' AND i.served_on IS NULL`,
      );
    });
    await sql.query('COMMIT');
  } catch (error) {
    await sql.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  // VACUUM as autovacuum would soon do: it sets the visibility map the index-only counts rely on.
  await step('vacuum analyze', () => sql.query(`VACUUM ANALYZE mothers, children, follow_up_plans, follow_up_items, follow_up_services, stations, user_roles, jobs`));
}
