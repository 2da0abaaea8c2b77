import { builtApiDir, killApi, spawnApi, type ApiProcess } from '../support/built-api';
import {
  FAULT_SCALE,
  applyOp,
  integrityProblems,
  registerOp,
  retryUnanswered,
  runLoad,
  seedWorld,
  succeeded,
  waitFor,
  type LoadWorld,
  type Op,
  type Sent,
} from '../support/fault-load';
import { writeFaultResult } from '../support/fault-results';
import { freePort, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * Fault 2: the API process killed (SIGKILL: no shutdown hook, no drain) in the middle of
 * concurrent applications and desk registrations, then started again. The client retries every
 * request it got no answer to, with the same Idempotency-Key or the same ID number. Afterwards
 * no write may be half done (an application without its notification, a registered mother
 * without her consent or with other than 11 plan items) and none doubled.
 *
 * The API runs as `node main.js` (test/support/built-api.ts: apps/api/dist when fresh, else a
 * private build) on a throwaway PostgreSQL 15 cluster; an in-process app on the same database
 * migrates it, seeds it and reads it back. Like every spec of test/faults it runs in the
 * TEST_DB=postgres pass only: see the header of database-restart.e2e-spec.ts.
 */

describe('fault: the API killed in the middle of applications and registrations', () => {
  let cluster: PgCluster;
  let t: TestApp;
  let world: LoadWorld;
  let dir: string;
  let databaseUrl: string;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    // The build (only when dist is stale) and the cluster start side by side.
    const built = builtApiDir();
    cluster = await startPgCluster();
    databaseUrl = await cluster.createDatabase('mmg_faults');
    t = await createTestApp({ databaseUrl });
    world = await seedWorld(t, { mothers: 25 * FAULT_SCALE, posts: 4 });
    dir = await built;
  }, 240_000);
  afterAll(async () => {
    if (api) await killApi(api);
    await t?.close();
    await cluster?.destroy();
  });

  it('keeps every write whole and single across kills, once the client has retried what got no answer', async () => {
    const sent: Sent[] = [];
    // Every (mother, post) pair once, with a registration after every second application.
    const queue: Op[] = [];
    const pairs = world.mothers.length * world.postIds.length;
    for (let i = 0; i < pairs; i++) {
      queue.push(applyOp(world, Math.floor(i / world.postIds.length), i % world.postIds.length));
      if (i % 2 === 1) queue.push(registerOp(world));
    }
    const total = queue.length;
    const kills = 2 * FAULT_SCALE;

    for (let round = 0; round < kills; round++) {
      api = await spawnApi(dir, { databaseUrl, port: await freePort() });
      const base = api.url;
      let killed = false;
      const target = sent.filter(succeeded).length + Math.floor(total / (kills + 1));
      // Eight clients at once; the kill comes while they wait for answers.
      const load = runLoad(() => base, 8, () => queue.shift(), () => killed, sent);
      await waitFor('acknowledged requests before the kill', () => sent.filter(succeeded).length >= target || queue.length === 0, 60_000);
      const inFlight = sent.filter((s) => s.answers.length === 0).length;
      await killApi(api);
      killed = true;
      await load;
      api = undefined;
      expect(inFlight).toBeGreaterThan(0);
    }

    const lostAnswers = sent.filter((s) => s.answers[0]?.status === 0).length;

    // Started again: the rest of the queue, then the client's retries.
    api = await spawnApi(dir, { databaseUrl, port: await freePort() });
    const base = api.url;
    await runLoad(() => base, 8, () => queue.shift(), () => false, sent);
    const unanswered = sent.filter((s) => !succeeded(s)).length;
    await retryUnanswered(base, sent);

    // Only "no answer" (the process was gone) or success: the API never answered an error.
    const answers = sent.flatMap((s) => s.answers);
    expect(answers.filter((a) => a.status !== 0 && (a.status < 200 || a.status >= 300))).toEqual([]);
    expect(sent.filter((s) => !succeeded(s))).toEqual([]);
    expect(sent).toHaveLength(total);
    expect(await integrityProblems((sql, params) => t.dataSource.query(sql, params), sent)).toEqual([]);
    // Every pair applied once, every person registered once.
    const [counts] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM applications WHERE idempotency_key LIKE 'fault-%') AS applications,
              (SELECT count(*)::int FROM mothers WHERE name = '故障测试') AS registered`,
    );
    expect(counts).toEqual({ applications: pairs, registered: total - pairs });

    writeFaultResult('api-killed', {
      scale: FAULT_SCALE,
      kills,
      requests: total,
      byKind: { apply: pairs, register: total - pairs },
      unansweredBeforeRetry: unanswered,
      answersLostToKills: lostAnswers,
      retriedAnsweredAlreadyDone: sent.filter((s) => s.answers.length > 1 && s.answers.at(-1)?.status === 200).length,
    });
  });
});
