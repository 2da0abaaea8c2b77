import { makeResidentId, makeUscc } from '@mamagang/domain';
import { FixedClock } from '../src/common/clock/clock';
import { PiiCrypto } from '../src/common/crypto/pii-crypto';
import { TokenService } from '../src/modules/auth/token.service';
import { JobsRepository } from '../src/modules/jobs/jobs.repository';
import { JOB_LEASE_MS, JobsService } from '../src/modules/jobs/jobs.service';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * Reminders on the PostgreSQL job queue: two API processes (two apps on one database) running
 * the queue at once send one message per item, and a job that crashes half-way, or whose "done"
 * is lost, runs again without a second message.
 */

const DAY = 86_400_000;
// 2026-11-02 10:00 in China: every registration below is made that day, so policy_consultation#1 is due 2026-11-09.
const START = new Date('2026-11-02T02:00:00Z');

describe('12333 reminders on the job queue', () => {
  const clock = new FixedClock(START);
  let a: TestApp;
  let b: TestApp;
  let stationId: string;
  let workerId: string;
  let registered = 0;

  async function register(): Promise<string> {
    registered += 1;
    const n = String(registered).padStart(2, '0');
    const res = await a.http
      .post(`/api/stations/${stationId}/registrations`)
      .set({ authorization: `Bearer ${a.app.get(TokenService).issue(workerId, clock.now()).token}` })
      .send({
        name: `妈妈${n}`,
        phone: `139000000${n}`,
        idNumber: makeResidentId(`37100219900101${n}2`),
        children: [{ birthYear: 2021, birthMonth: 3 }],
        availableWindows: [],
        wantedTypes: [],
        wantedModes: [],
        skills: [],
        trainingNeeds: [],
        consent: { noticeVersion: 'sensitive-v1', givenAt: clock.now().toISOString() },
      })
      .expect(201);
    return res.body.mother.id;
  }

  async function messages(where = ''): Promise<{ recipient_kind: string; kind: string; item: string; n: number }[]> {
    return a.dataSource.query(
      `SELECT recipient_kind, kind, payload->>'itemId' AS item, count(*)::int AS n FROM notifications
        WHERE kind LIKE 'followup.reminder%' ${where} GROUP BY recipient_kind, kind, payload->>'itemId' ORDER BY 1, 2, 3`,
    );
  }

  beforeAll(async () => {
    // Two pools of 3 on one database: the owner's PGlite must accept both.
    a = await createTestApp({ clock, env: { DB_POOL_SIZE: '3' }, dbConnections: 6 });
    b = await createTestApp({ clock, env: { DB_POOL_SIZE: '3' }, databaseUrl: a.db.url });
    const [station] = await a.dataSource.query(
      `INSERT INTO stations (name, region_code, address, lat, lng) VALUES ('环翠驿站', '371002', '环翠区', 37.5, 122.12) RETURNING id`,
    );
    stationId = station.id;
    const [u] = await a.dataSource.query(`INSERT INTO users (display_name) VALUES ('陈老师') RETURNING id`);
    workerId = u.id;
    await a.dataSource.query(`INSERT INTO user_roles (user_id, role, station_id, region_code) VALUES ($1, 'station_worker', $2, '371002')`, [workerId, stationId]);
  });
  afterAll(async () => {
    // The borrower first: the owner drops the database.
    await b?.close();
    await a?.close();
  });

  it('two processes running the queue at once send one message per item and recipient', async () => {
    const mothers: string[] = [];
    for (let i = 0; i < 12; i++) mothers.push(await register());
    clock.set(new Date(START.getTime() + 5 * DAY)); // 2026-11-07: policy_consultation#1 (due 11-09) is coming due

    const jobsA = a.app.get(JobsService);
    const jobsB = b.app.get(JobsService);
    expect(jobsA.workerId).not.toBe(jobsB.workerId);
    // Small batches, round after round until both find nothing: the two processes compete for the same jobs.
    const claimedBy = { a: 0, b: 0 };
    let failed = 0;
    for (let round = 0; round < 20; round++) {
      const [ra, rb] = await Promise.all([jobsA.runOnce({ batchSize: 2, maxBatches: 1 }), jobsB.runOnce({ batchSize: 2, maxBatches: 1 })]);
      claimedBy.a += ra.claimed;
      claimedBy.b += rb.claimed;
      failed += ra.failed + rb.failed;
      if (ra.claimed + rb.claimed === 0) break;
    }
    expect(failed).toBe(0);
    expect(claimedBy.a).toBeGreaterThan(0);
    expect(claimedBy.b).toBeGreaterThan(0);
    // Every job (other features' daily jobs included) was claimed exactly once.
    const [total] = await a.dataSource.query(`SELECT count(*)::int AS n, sum(attempts)::int AS attempts, count(done_at)::int AS done FROM jobs`);
    expect(claimedBy.a + claimedBy.b).toBe(total.n);
    expect(total).toEqual({ n: total.n, attempts: total.n, done: total.n });

    const jobs = await a.dataSource.query(
      `SELECT kind, count(*)::int AS n, count(done_at)::int AS done, max(attempts)::int AS attempts FROM jobs WHERE kind LIKE 'followup.%' GROUP BY kind ORDER BY kind`,
    );
    expect(jobs).toEqual([
      { kind: 'followup.reminder', n: 12, done: 12, attempts: 1 },
      { kind: 'followup.sweep', n: 1, done: 1, attempts: 1 },
    ]);
    const sent = await messages();
    expect(sent).toHaveLength(24);
    expect(sent.every((m) => m.n === 1)).toBe(true);
    expect(sent.filter((m) => m.recipient_kind === 'mother')).toHaveLength(12);
    const workerNotes = await a.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_kind = 'user' AND recipient_id = $1`, [workerId]);
    expect(workerNotes[0].n).toBe(12);
    const [one] = await a.dataSource.query(`SELECT title, body FROM notifications WHERE recipient_kind = 'mother' AND recipient_id = $1 AND kind = 'followup.reminder'`, [mothers[0]]);
    expect(one.body).toBe('环翠驿站将在2026-11-09前为您提供“政策对接”服务，请留意工作人员的电话或微信。');

    // Again the same day, and the next day (the item is still coming due): nothing new.
    await Promise.all([jobsA.runOnce(), jobsB.runOnce()]);
    clock.set(new Date(START.getTime() + 6 * DAY));
    await Promise.all([jobsA.runOnce(), jobsB.runOnce()]);
    const after = await a.dataSource.query(`SELECT kind, count(*)::int AS n FROM jobs WHERE kind LIKE 'followup.%' GROUP BY kind ORDER BY kind`);
    expect(after).toEqual([
      { kind: 'followup.reminder', n: 12 },
      { kind: 'followup.sweep', n: 2 },
    ]);
    expect(await messages()).toEqual(sent);
  });

  it('a send that fails after writing its message rolls back, and the retry sends exactly once', async () => {
    clock.set(START);
    const motherId = await register();
    clock.set(new Date(START.getTime() + 7 * DAY)); // 2026-11-09: due today
    const notifications = a.app.get(NotificationsService);
    const original = notifications.notify.bind(notifications);
    let failures = 0;
    // Patched on the instance the reminder handler holds, and restored below.
    notifications.notify = async (n, tx) => {
      const written = await original(n, tx);
      // The process dies right after the message went into the outbox, before the job is marked done.
      if (n.kind === 'followup.reminder' && n.recipientId === motherId && failures === 0) {
        failures += 1;
        throw new Error('simulated crash after writing the message');
      }
      return written;
    };
    try {
      const first = await a.app.get(JobsService).runOnce();
      expect(first.failed).toBe(1);
      expect(await messages(`AND (recipient_id = '${motherId}' OR payload->>'motherId' = '${motherId}')`)).toEqual([]);
      const [job] = await a.dataSource.query(`SELECT attempts, done_at, last_error FROM jobs WHERE payload->>'itemId' IN (SELECT id::text FROM follow_up_items WHERE mother_id = $1)`, [
        motherId,
      ]);
      expect(job).toMatchObject({ attempts: 1, done_at: null, last_error: 'simulated crash after writing the message' });

      // Too early for the retry (1 minute back-off), then in time.
      expect((await a.app.get(JobsService).runOnce()).claimed).toBe(0);
      clock.set(new Date(clock.now().getTime() + 2 * 60_000));
      const retry = await b.app.get(JobsService).runOnce();
      expect(retry).toMatchObject({ claimed: 1, done: 1, failed: 0 });
    } finally {
      notifications.notify = original;
    }
    const sent = await messages(`AND (recipient_id = '${motherId}' OR payload->>'motherId' = '${motherId}')`);
    expect(sent.map((m) => [m.recipient_kind, m.n])).toEqual([
      ['mother', 1],
      ['user', 1],
    ]);

    // The "done" is lost after the message was committed (a crash between send and mark-done):
    // the job runs again and the outbox keys keep it from sending twice.
    await a.dataSource.query(
      `UPDATE jobs SET done_at = NULL, locked_until = NULL WHERE payload->>'itemId' IN (SELECT id::text FROM follow_up_items WHERE mother_id = $1)`,
      [motherId],
    );
    const rerun = await a.app.get(JobsService).runOnce();
    expect(rerun).toMatchObject({ claimed: 1, done: 1 });
    expect(await messages(`AND (recipient_id = '${motherId}' OR payload->>'motherId' = '${motherId}')`)).toEqual(sent);
  });

  it('a job held by a process that died is taken over when its lease expires, and sent once', async () => {
    clock.set(START);
    const motherId = await register();
    clock.set(new Date(START.getTime() + 8 * DAY)); // 2026-11-10
    await a.app.get(JobsService).runOnce(); // the day's sweep
    // Her first item (due 11-09) is past the sweep's window today: enqueue its reminder as the sweep of the 9th would have.
    const [item] = await a.dataSource.query(`SELECT id, due_on::text AS due_on FROM follow_up_items WHERE mother_id = $1 AND kind = 'policy_consultation' AND seq = 1`, [motherId]);
    await a.app.get(JobsService).enqueue({ kind: 'followup.reminder', dedupeKey: `followup.reminder:${item.id}:${item.due_on}`, payload: { itemId: item.id, dueOn: item.due_on } });

    // A process claims it and dies without finishing.
    const claimed = await b.app.get(JobsRepository).claim('dead-process', clock.now(), new Date(clock.now().getTime() + JOB_LEASE_MS), 10, ['followup.reminder']);
    expect(claimed.map((j) => j.payload.itemId)).toEqual([item.id]);
    expect((await a.app.get(JobsService).runOnce()).claimed).toBe(0);

    clock.set(new Date(clock.now().getTime() + JOB_LEASE_MS + 1000));
    const [ra, rb] = await Promise.all([a.app.get(JobsService).runOnce(), b.app.get(JobsService).runOnce()]);
    expect(ra.claimed + rb.claimed).toBe(1);
    const sent = await messages(`AND (recipient_id = '${motherId}' OR payload->>'motherId' = '${motherId}')`);
    expect(sent.map((m) => [m.recipient_kind, m.n])).toEqual([
      ['mother', 1],
      ['user', 1],
    ]);
    const [job] = await a.dataSource.query(`SELECT attempts, locked_by FROM jobs WHERE dedupe_key = $1`, [`followup.reminder:${item.id}:${item.due_on}`]);
    expect(job.attempts).toBe(2);
    expect(job.locked_by).not.toBe('dead-process');
  });

  it('does not remind an item already served, and the daily sweep records a hire reported on the platform', async () => {
    clock.set(START);
    const motherId = await register();
    const token = { authorization: `Bearer ${a.app.get(TokenService).issue(workerId, clock.now()).token}` };
    await a.http
      .post(`/api/mothers/${motherId}/services`)
      .set(token)
      .send({ kind: 'policy_consultation', servedAt: clock.now().toISOString(), channel: 'in_person', content: '讲解政策', outcome: '' })
      .expect(201);

    // A hire reported through an application, written the way the applications module writes it.
    const crypto = a.app.get(PiiCrypto);
    const [employer] = await a.dataSource.query(
      `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng, status)
       VALUES ($1, '威海暖阳服饰', 'enterprise', '371002', '张经理', $2, '138****0000', '环翠区', 37.51, 122.13, 'approved') RETURNING id`,
      [makeUscc('91371002MA3C00002'), crypto.encrypt('13800000000')],
    );
    const [post] = await a.dataSource.query(
      `INSERT INTO posts (employer_id, region_code, type, title, headcount, pay_basis, pay_min, pay_max, hourly_min, hourly_max, hours_per_week, insurance, contract_form, valid_until)
       VALUES ($1, '371002', 'production_line', '质检员', 2, 'hourly', 22, 25, 22, 25, 30, 'social', 'labour_contract', '2027-06-30T00:00:00Z') RETURNING id`,
      [employer.id],
    );
    const [application] = await a.dataSource.query(
      `INSERT INTO applications (post_id, mother_id, employer_id, status) VALUES ($1, $2, $3, 'hired') RETURNING id`,
      [post.id, motherId, employer.id],
    );
    await a.dataSource.query(
      `INSERT INTO hires (application_id, post_id, employer_id, mother_id, start_date, contract_form, contract_months, social_insurance)
       VALUES ($1, $2, $3, $4, '2026-11-12', 'labour_contract', 12, true)`,
      [application.id, post.id, employer.id, motherId],
    );

    clock.set(new Date(START.getTime() + 12 * DAY)); // 2026-11-14: job_recommendation#1 (due 11-16) is coming due
    await a.app.get(JobsService).runOnce();
    const [plan] = await a.dataSource.query(`SELECT hired_on::text, hire_source, days_to_employment FROM follow_up_plans WHERE mother_id = $1`, [motherId]);
    expect(plan).toEqual({ hired_on: '2026-11-12', hire_source: 'reported', days_to_employment: 10 });
    const items = await a.dataSource.query(
      `SELECT kind, seq, stopped_on::text FROM follow_up_items WHERE mother_id = $1 AND kind = 'job_recommendation' ORDER BY seq`,
      [motherId],
    );
    expect(items.map((i: { stopped_on: string | null }) => i.stopped_on)).toEqual(['2026-11-12', '2026-11-12', '2026-11-12']);
    // The stopped recommendation got no reminder; nor does the served policy consultation when its reminder runs.
    const [policy] = await a.dataSource.query(`SELECT id, due_on::text AS due_on FROM follow_up_items WHERE mother_id = $1 AND kind = 'policy_consultation' AND seq = 1`, [motherId]);
    await a.app.get(JobsService).enqueue({ kind: 'followup.reminder', dedupeKey: `followup.reminder:${policy.id}:${policy.due_on}`, payload: { itemId: policy.id, dueOn: policy.due_on } });
    expect(await a.app.get(JobsService).runOnce()).toMatchObject({ claimed: 1, done: 1 });
    expect(await messages(`AND (recipient_id = '${motherId}' OR payload->>'motherId' = '${motherId}')`)).toEqual([]);
  });
});
