import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { FixedClock } from '../../src/common/clock/clock';
import { REMINDER_JOB } from '../../src/modules/followup/reminders.service';
import { JOB_LEASE_MS, JobsService } from '../../src/modules/jobs/jobs.service';
import { NotificationsService } from '../../src/modules/notifications/notifications.service';
import { OUTBOX_LEASE_MS, OutboxDispatcher } from '../../src/modules/notifications/senders/outbox.dispatcher';
import { SENDING_MARK } from '../../src/modules/notifications/senders/outbox.repository';
import { builtApiDir, spawnJobWorker, type JobWorkerProcess } from '../support/built-api';
import { registerOp, seedWorld, waitFor, type LoadWorld } from '../support/fault-load';
import { tokenFor } from '../support/fixtures';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * Fault 3: a 12333 reminder job whose worker process dies in the middle of it.
 *
 * The job queue (src/modules/jobs) claims with FOR UPDATE SKIP LOCKED and a lease, and runs the
 * handler and the "done" mark in one transaction; the reminder writes its outbox rows through that
 * transaction, each with a dedupe key. So a worker killed mid-job leaves nothing behind, the job
 * comes back when the lease runs out, and another worker writes the reminder once. A worker still
 * running when its lease ran out (so two run the job at once) also ends with one reminder.
 *
 * To kill the worker provably in the middle of the job, the test holds an uncommitted outbox row
 * with the reminder's dedupe key: the worker's INSERT … ON CONFLICT then waits for the test's
 * transaction, inside its own job transaction, until the test kills it (SIGKILL) and rolls back.
 *
 * The push to WeChat (the outbox dispatcher) cannot share a transaction with WeChat: each row is
 * marked as being sent before the call, so a dispatcher killed after WeChat took the message but
 * before the outcome was recorded leaves the mark, and the next dispatcher does not push it again.
 *
 * The worker is a separate node process running the compiled application (test/support/built-api.ts);
 * the "other worker" is the in-process app, whose clock the test moves past the lease. A throwaway
 * PostgreSQL 15 cluster; TEST_DB=postgres pass only, see the header of database-restart.e2e-spec.ts.
 */

describe('fault: a reminder job’s worker killed in the middle of the job', () => {
  const clock = new FixedClock(new Date());
  let cluster: PgCluster;
  let t: TestApp;
  let world: LoadWorld;
  let dir: string;
  let databaseUrl: string;
  let worker: JobWorkerProcess | undefined;
  let blocker: pg.Client | undefined;

  beforeAll(async () => {
    const built = builtApiDir();
    cluster = await startPgCluster();
    databaseUrl = await cluster.createDatabase('mmg_faults');
    t = await createTestApp({ databaseUrl, clock });
    world = await seedWorld(t, { mothers: 0, posts: 0 });
    dir = await built;
  }, 240_000);
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await blocker?.end().catch(() => undefined);
    await t?.close();
    await cluster?.destroy();
  });

  /** A mother registered at the desk now; her first plan item, with a reminder job ready to run. */
  async function reminderJob(): Promise<{ itemId: string; dueOn: string; motherId: string; jobKey: string; motherKey: string }> {
    const op = registerOp({ ...world, worker: tokenFor(t, world.worker.userId, clock.now()) }, clock.now());
    const res = await t.http.post(op.path).set(op.headers).send(op.body).expect(201);
    const motherId = res.body.mother.id as string;
    const [item] = await t.dataSource.query(
      `SELECT id, due_on::text AS due_on FROM follow_up_items WHERE mother_id = $1 ORDER BY due_on, kind, seq LIMIT 1`,
      [motherId],
    );
    // The key and payload the daily sweep gives it (FollowUpRepository.enqueueReminders).
    const jobKey = `${REMINDER_JOB}:${item.id}:${item.due_on}`;
    await t.app.get(JobsService).enqueue({ kind: REMINDER_JOB, dedupeKey: jobKey, payload: { itemId: item.id, dueOn: item.due_on }, runAt: clock.now() });
    return { itemId: item.id, dueOn: item.due_on, motherId, jobKey, motherKey: `followup.reminder.mother:${item.id}:${item.due_on}` };
  }

  /** Holds an uncommitted outbox row with `dedupeKey`: whoever inserts the same key waits for this transaction. */
  async function holdKey(dedupeKey: string, motherId: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO notifications (recipient_kind, recipient_id, kind, title, body, dedupe_key) VALUES ('mother', $1, 'test.blocker', '-', '-', $2)`,
      [motherId, dedupeKey],
    );
    return client;
  }

  /** Sessions (other than the test's) waiting for a lock on an outbox INSERT: a job stuck mid-way. */
  async function waitingInserts(): Promise<number> {
    const [r] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO notifications%'`,
    );
    return r.n;
  }

  async function job(jobKey: string): Promise<{ done: boolean; attempts: number; locked_by: string | null }> {
    const [j] = await t.dataSource.query(`SELECT done_at IS NOT NULL AS done, attempts, locked_by FROM jobs WHERE dedupe_key = $1`, [jobKey]);
    return j;
  }

  async function reminders(itemId: string): Promise<{ kind: string; n: number }[]> {
    return t.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM notifications WHERE payload->>'itemId' = $1 AND kind LIKE 'followup.reminder%' GROUP BY kind ORDER BY kind`,
      [itemId],
    );
  }

  it('leaves nothing behind when killed; after the lease another worker writes the reminder once', async () => {
    clock.set(new Date());
    const r = await reminderJob();
    blocker = await holdKey(r.motherKey, r.motherId);
    worker = spawnJobWorker(dir, { databaseUrl });
    const workerId = await worker.workerId;
    // The worker has claimed the job and is inside its transaction, writing the reminder.
    await waitFor('the worker to be in the middle of the job', async () => (await waitingInserts()) === 1, 60_000);
    expect(await job(r.jobKey)).toEqual({ done: false, attempts: 1, locked_by: workerId });

    worker.child.kill('SIGKILL');
    expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
    worker = undefined;
    await blocker.query('ROLLBACK');
    await blocker.end();
    blocker = undefined;
    // Its session ends (rolling back) once PostgreSQL finds the client gone.
    await waitFor(
      'the dead worker’s transaction to end',
      async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_xid IS NOT NULL`))[0].n === 0,
      30_000,
    );
    expect(await reminders(r.itemId)).toEqual([]);
    expect(await job(r.jobKey)).toEqual({ done: false, attempts: 1, locked_by: workerId });

    // Before the lease runs out nobody takes the job; after, the in-process worker does.
    const jobs = t.app.get(JobsService);
    await jobs.runOnce();
    expect(await reminders(r.itemId)).toEqual([]);
    // The dead worker's lease was taken on the system clock, after this test's clock was set.
    clock.set(new Date(Date.now() + JOB_LEASE_MS + 1000));
    await jobs.runOnce();
    expect(await reminders(r.itemId)).toEqual([
      { kind: 'followup.reminder', n: 1 },
      { kind: 'followup.reminder.worker', n: 1 },
    ]);
    expect(await job(r.jobKey)).toMatchObject({ done: true, attempts: 2, locked_by: jobs.workerId });
    // Run again, nothing new.
    await jobs.runOnce();
    expect(await reminders(r.itemId)).toHaveLength(2);
  });

  it('writes one reminder when a worker outlives its lease and another runs the job at the same time', async () => {
    clock.set(new Date());
    const r = await reminderJob();
    blocker = await holdKey(r.motherKey, r.motherId);
    worker = spawnJobWorker(dir, { databaseUrl });
    const workerId = await worker.workerId;
    await waitFor('the worker to be in the middle of the job', async () => (await waitingInserts()) === 1, 60_000);

    // Its lease is over for the in-process worker, which claims the job and runs it too.
    clock.set(new Date(Date.now() + JOB_LEASE_MS + 1000));
    const jobs = t.app.get(JobsService);
    const second = jobs.runOnce();
    await waitFor('both workers to be in the middle of the job', async () => (await waitingInserts()) === 2, 30_000);
    expect(await job(r.jobKey)).toMatchObject({ attempts: 2, locked_by: jobs.workerId });

    await blocker.query('ROLLBACK');
    await blocker.end();
    blocker = undefined;
    expect(await second).toMatchObject({ failed: 0 });
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    worker = undefined;
    expect(await reminders(r.itemId)).toEqual([
      { kind: 'followup.reminder', n: 1 },
      { kind: 'followup.reminder.worker', n: 1 },
    ]);
    expect((await job(r.jobKey)).done).toBe(true);
    void workerId;
  });

  it('pushes a reminder to WeChat once when the dispatcher dies between the send and recording it', async () => {
    const wechat = await holdingWechat();
    const env = {
      WECHAT_APP_ID: 'wx-test',
      WECHAT_APP_SECRET: 'wx-secret',
      WECHAT_API_BASE: wechat.base,
      WECHAT_SUBSCRIBE_TEMPLATES: 'followup.reminder=tpl-reminder',
    };
    clock.set(new Date());
    let other: TestApp | undefined;
    try {
      other = await createTestApp({ databaseUrl, clock, env });
      // Earlier rows (desk mothers without WeChat) are settled first, so only hers is sent.
      await other.app.get(OutboxDispatcher).dispatchPending(500);
      const [u] = await t.dataSource.query(`INSERT INTO users (openid, display_name) VALUES ('openid-fault', '王小红') RETURNING id`);
      const [m] = await t.dataSource.query(`INSERT INTO mothers (user_id, name, region_code) VALUES ($1, '王小红', '371002') RETURNING id`, [u.id]);
      const dedupeKey = `followup.reminder.mother:fault-${m.id}`;
      await t.app.get(NotificationsService).notify({ recipientKind: 'mother', recipientId: m.id, kind: 'followup.reminder', title: '12333就业服务提醒', body: '请留意工作人员的电话', dedupeKey });
      const row = async () =>
        (await t.dataSource.query(`SELECT status, attempts, last_error FROM notifications WHERE dedupe_key = $1`, [dedupeKey]))[0] as { status: string; attempts: number; last_error: string | null };

      // WeChat takes the message and the dispatcher dies before hearing back.
      worker = spawnJobWorker(dir, { databaseUrl, task: 'outbox', env });
      await waitFor('WeChat to receive the push', () => wechat.received.length === 1, 60_000);
      worker.child.kill('SIGKILL');
      await worker.exited;
      worker = undefined;
      expect(await row()).toEqual({ status: 'pending', attempts: 1, last_error: SENDING_MARK });

      // After the lease, another dispatcher claims the row: it does not push a second copy.
      wechat.answerNow();
      clock.set(new Date(Date.now() + OUTBOX_LEASE_MS + 1000));
      const report = await other.app.get(OutboxDispatcher).dispatchPending();
      expect(report).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
      expect(wechat.received.map((r) => r.touser)).toEqual(['openid-fault']);
      expect(await row()).toEqual({ status: 'failed', attempts: 2, last_error: `${SENDING_MARK}; not sent again` });
      // She still reads it in the app.
      const inbox = await other.http.get('/api/notifications').set(tokenFor(other, u.id, clock.now()).auth).expect(200);
      expect(inbox.body.map((n: { kind: string }) => n.kind)).toEqual(['followup.reminder']);
    } finally {
      await other?.close();
      await wechat.stop();
    }
  });
});

/** WeChat's token and subscribe-message endpoints; sends are recorded and left unanswered until answerNow(). */
async function holdingWechat(): Promise<{ base: string; received: { touser: string }[]; answerNow(): void; stop(): Promise<void> }> {
  const received: { touser: string }[] = [];
  let hold = true;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/cgi-bin/token') return void res.end(JSON.stringify({ access_token: 'access-1', expires_in: 7200 }));
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        received.push(JSON.parse(raw) as { touser: string });
        // Taken, but the answer never comes back while holding (the dispatcher dies meanwhile).
        if (!hold) res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
        return;
      }
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answerNow: () => (hold = false),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
