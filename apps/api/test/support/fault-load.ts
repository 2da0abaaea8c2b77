import { randomUUID } from 'node:crypto';
import { makeResidentId } from '@mamagang/domain';
import { insertEmployer, insertMother, insertPost, signInAs, tokenFor, type SignedIn } from './fixtures';
import type { TestApp } from './test-app';

/*
 * The load of the fault tests (test/faults): mothers applying to posts (with an Idempotency-Key),
 * a station worker registering mothers at the desk and recording 12333 services, as clients of
 * the API over real HTTP. Every request and its outcome is kept, so a test can retry the ones
 * that got no success and then compare the database with what was acknowledged.
 */

/** FAULT_SCALE=5 (the `faults` script) multiplies requests and faults; CI runs with 1. */
export const FAULT_SCALE = Math.max(1, Number(process.env.FAULT_SCALE ?? 1) || 1);

/** A request this slow is a hang: the API must answer (even 503) well before. */
export const HANG_MS = 15_000;

export type OpKind = 'apply' | 'register' | 'service';

export interface Op {
  readonly kind: OpKind;
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
  /** apply: the idempotency key; register: the ID number; service: a unique content marker. */
  readonly key: string;
}

export interface Answer {
  /** HTTP status, or 0 when no answer came (connection refused or cut, the API killed). */
  readonly status: number;
  readonly body: unknown;
  readonly ms: number;
}

export interface Sent {
  readonly op: Op;
  readonly answers: Answer[];
}

/** The people and places the load needs, written straight in SQL (test/support/fixtures.ts). */
export interface LoadWorld {
  readonly stationId: string;
  readonly worker: SignedIn;
  readonly mothers: { id: string; auth: SignedIn }[];
  readonly postIds: string[];
}

/** A station with one worker, `posts` open posts and `mothers` mothers who sign in. */
export async function seedWorld(t: TestApp, sizes: { mothers: number; posts: number }): Promise<LoadWorld> {
  const [station] = await t.dataSource.query(
    `INSERT INTO stations (name, region_code, address, lat, lng, services)
     VALUES ('故障测试驿站', '371002', '环翠区测试路1号', 37.5, 122.12, '{registration,career_guidance,job_recommendation}') RETURNING id`,
  );
  const worker = await signInAs(t, { name: '测试驿站工作人员', roles: [{ role: 'station_worker', stationId: station.id, regionCode: '371002' }] });
  const employer = await insertEmployer(t);
  const postIds: string[] = [];
  for (let i = 0; i < sizes.posts; i++) postIds.push((await insertPost(t, employer.id, { headcount: 50, title: `故障测试岗位${i + 1}` })).id);
  const mothers: LoadWorld['mothers'] = [];
  for (let i = 0; i < sizes.mothers; i++) {
    const auth = await signInAs(t, { name: `测试妈妈${i + 1}` });
    const { id } = await insertMother(t, { userId: auth.userId, name: `测试妈妈${i + 1}` });
    mothers.push({ id, auth });
  }
  return { stationId: station.id, worker, mothers, postIds };
}

/** Tokens signed by `t`'s secret for the world's people, fresh (a long run outlives none). */
export function refreshTokens(t: TestApp, world: LoadWorld): LoadWorld {
  return {
    ...world,
    worker: tokenFor(t, world.worker.userId),
    mothers: world.mothers.map((m) => ({ id: m.id, auth: tokenFor(t, m.auth.userId) })),
  };
}

let personSeq = 0;

/** A different woman each call: a valid ID number (female, 环翠区) and a mobile number, unique to this process. */
export function newPerson(): { idNumber: string; phone: string } {
  personSeq += 1;
  const salt = process.pid % 5000;
  const n = salt * 10_000 + personSeq;
  // Born 1985-01-01 plus n days (at most ~5000*10000/365 years: bounded below), sequence 002: even, so female.
  const day = new Date(Date.UTC(1985, 0, 1) + (n % 7000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
  const seq = String((Math.floor(n / 7000) % 500) * 2).padStart(3, '0');
  return { idNumber: makeResidentId(`371002${birth}${seq}`), phone: `139${String(n).padStart(8, '0').slice(-8)}` };
}

export function applyOp(world: LoadWorld, motherIndex: number, postIndex: number): Op {
  const mother = world.mothers[motherIndex % world.mothers.length] as LoadWorld['mothers'][number];
  const postId = world.postIds[postIndex % world.postIds.length] as string;
  const key = `fault-${randomUUID()}`;
  return {
    kind: 'apply',
    method: 'POST',
    path: `/api/posts/${postId}/applications`,
    headers: { ...mother.auth.auth, 'idempotency-key': key },
    body: { source: 'search' },
    key,
  };
}

export function registerOp(world: LoadWorld, now: Date = new Date()): Op {
  const person = newPerson();
  return {
    kind: 'register',
    method: 'POST',
    path: `/api/stations/${world.stationId}/registrations`,
    headers: world.worker.auth,
    key: person.idNumber,
    body: {
      name: '故障测试',
      phone: person.phone,
      idNumber: person.idNumber,
      children: [{ birthYear: 2022, birthMonth: 5 }],
      home: { lat: 37.50123, lng: 122.12345 },
      availableWindows: [{ day: 1, start: '09:00', end: '15:00' }],
      desiredHourly: 22,
      wantedTypes: ['production_line'],
      wantedModes: ['take_home'],
      skills: ['缝纫'],
      trainingNeeds: [],
      consent: { noticeVersion: 'sensitive-v1', givenAt: new Date(now.getTime() - 60_000).toISOString() },
    },
  };
}

export function serviceOp(world: LoadWorld, motherId: string, now: Date = new Date()): Op {
  const key = `故障测试服务-${randomUUID()}`;
  return {
    kind: 'service',
    method: 'POST',
    path: `/api/mothers/${motherId}/services`,
    headers: world.worker.auth,
    key,
    body: { kind: 'career_guidance', servedAt: new Date(now.getTime() - 60_000).toISOString(), channel: 'phone', content: key, outcome: '' },
  };
}

/** Sends `op` once to `baseUrl`; a refused or cut connection is status 0, never a throw. */
export async function send(baseUrl: string, op: Op): Promise<Answer> {
  const started = Date.now();
  try {
    const res = await fetch(`${baseUrl}${op.path}`, {
      method: op.method,
      headers: { 'content-type': 'application/json', ...op.headers },
      body: JSON.stringify(op.body),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the failure message
    }
    return { status: res.status, body, ms: Date.now() - started };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { status: -1, body: 'no answer within HANG_MS', ms: Date.now() - started };
    return { status: 0, body: String((error as Error).message), ms: Date.now() - started };
  }
}

export const succeeded = (s: Sent): boolean => s.answers.some((a) => a.status >= 200 && a.status < 300);

/** The first 2xx answer's body (`id` of the application or service, `mother.id` of a registration). */
export function successBody(s: Sent): Record<string, unknown> | undefined {
  return s.answers.find((a) => a.status >= 200 && a.status < 300)?.body as Record<string, unknown> | undefined;
}

/** Runs `clients` loops sending `next()` until it returns undefined or `stop()` says so. */
export async function runLoad(
  baseUrl: () => string,
  clients: number,
  next: () => Op | undefined,
  stop: () => boolean,
  sent: Sent[],
  pauseMs = 0,
): Promise<void> {
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!stop()) {
        const op = next();
        if (!op) return;
        const entry: Sent = { op, answers: [] };
        sent.push(entry);
        const answer = await send(baseUrl(), op);
        entry.answers.push(answer);
        // Like a client, back off a little after a failure rather than hammering.
        const pause = answer.status >= 200 && answer.status < 300 ? pauseMs : Math.max(pauseMs, 200);
        if (pause > 0) await sleep(pause);
      }
    }),
  );
}

/**
 * The client's retry: every request without a 2xx answer is sent again, same idempotency key
 * or ID number, until it succeeds (the API and the database are back by then).
 */
export async function retryUnanswered(baseUrl: string, sent: Sent[], attempts = 20): Promise<void> {
  for (let round = 0; round < attempts; round++) {
    const pending = sent.filter((s) => !succeeded(s) && s.op.kind !== 'service');
    if (pending.length === 0) return;
    for (const s of pending) s.answers.push(await send(baseUrl, s.op));
    if (pending.some((s) => !succeeded(s))) await sleep(500);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `probe` is true, or fails after `timeoutMs`. */
export async function waitFor(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * What the database holds that it should not, or lacks that was acknowledged, after a fault:
 * - every acknowledged application exists once, with its one `application_submitted` notification
 *   (written in the same transaction), and every application of the load has that notification;
 * - every acknowledged registration's mother exists once (per ID number), with one plan, one
 *   consent and exactly 11 plan items, and so does every mother of the load;
 * - every acknowledged service record exists, and no request wrote two.
 * An empty list is a pass.
 */
export async function integrityProblems(query: Query, sent: readonly Sent[]): Promise<string[]> {
  const problems: string[] = [];
  const acked = (kind: OpKind) => sent.filter((s) => s.op.kind === kind && succeeded(s));

  const applications = await query(
    `SELECT a.id, a.idempotency_key, (SELECT count(*)::int FROM notifications n WHERE n.dedupe_key = 'application:' || a.id || ':submitted') AS notes
       FROM applications a WHERE a.idempotency_key LIKE 'fault-%'`,
  );
  const appsById = new Map(applications.map((a) => [a.id as string, a]));
  for (const a of applications) if (a.notes !== 1) problems.push(`application ${String(a.id)} has ${String(a.notes)} submitted notifications`);
  for (const s of acked('apply')) {
    const id = successBody(s)?.id as string | undefined;
    if (!id || !appsById.has(id)) problems.push(`acknowledged application ${String(id)} (key ${s.op.key}) is missing`);
  }
  const keys = new Set(sent.filter((s) => s.op.kind === 'apply').map((s) => s.op.key));
  for (const a of applications) if (!keys.has(a.idempotency_key as string)) problems.push(`application ${String(a.id)} of no request`);

  const mothers = await query(
    `SELECT m.id, m.name,
            (SELECT count(*)::int FROM follow_up_plans p WHERE p.mother_id = m.id) AS plans,
            (SELECT count(*)::int FROM follow_up_items i WHERE i.mother_id = m.id) AS items,
            (SELECT count(*)::int FROM consents c WHERE c.mother_id = m.id) AS consents
       FROM mothers m WHERE m.name = '故障测试'`,
  );
  const mothersById = new Map(mothers.map((m) => [m.id as string, m]));
  for (const m of mothers) {
    if (m.plans !== 1 || m.items !== 11 || m.consents !== 1) {
      problems.push(`mother ${String(m.id)}: ${String(m.plans)} plans, ${String(m.items)} items, ${String(m.consents)} consents (want 1, 11, 1)`);
    }
  }
  const registered = acked('register');
  for (const s of registered) {
    const id = (successBody(s)?.mother as { id?: string } | undefined)?.id;
    if (!id || !mothersById.has(id)) problems.push(`acknowledged registration ${String(id)} is missing`);
  }
  const registerOps = sent.filter((s) => s.op.kind === 'register').length;
  if (mothers.length > registerOps) problems.push(`${mothers.length} mothers registered by ${registerOps} requests`);
  const ackedMotherIds = new Set(registered.map((s) => (successBody(s)?.mother as { id: string }).id));
  if (registered.length === registerOps && ackedMotherIds.size !== mothers.length) {
    problems.push(`${mothers.length} mothers for ${ackedMotherIds.size} registered people`);
  }

  const services = await query(`SELECT id, content FROM follow_up_services WHERE content LIKE '故障测试服务-%'`);
  const perContent = new Map<string, number>();
  for (const r of services) perContent.set(r.content as string, (perContent.get(r.content as string) ?? 0) + 1);
  for (const [content, n] of perContent) if (n > 1) problems.push(`service request ${content} wrote ${n} records`);
  const serviceIds = new Set(services.map((r) => r.id as string));
  for (const s of acked('service')) {
    const id = successBody(s)?.id as string | undefined;
    if (!id || !serviceIds.has(id)) problems.push(`acknowledged service record ${String(id)} is missing`);
  }
  return problems;
}

/** Non-2xx answers that are not the standard 503 `{ code: 'DATABASE_UNAVAILABLE', message }`. */
export function unexpectedFailures(sent: readonly Sent[]): string[] {
  const wrong: string[] = [];
  for (const s of sent) {
    for (const a of s.answers) {
      if (a.status >= 200 && a.status < 300) continue;
      const body = a.body as { code?: unknown; message?: unknown } | null;
      const standard =
        a.status === 503 && body !== null && typeof body === 'object' && body.code === 'DATABASE_UNAVAILABLE' && typeof body.message === 'string' && Object.keys(body).length === 2;
      if (!standard) wrong.push(`${s.op.kind} ${s.op.path}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
    }
  }
  return wrong;
}
