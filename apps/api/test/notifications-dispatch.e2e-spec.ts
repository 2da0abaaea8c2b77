import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { FixedClock } from '../src/common/clock/clock';
import { AppConfig } from '../src/config';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { OUTBOX_MAX_ATTEMPTS, OutboxDispatcher } from '../src/modules/notifications/senders/outbox.dispatcher';
import { OutboxRepository } from '../src/modules/notifications/senders/outbox.repository';
import { SubscribeMessageSender } from '../src/modules/notifications/senders/subscribe-message.sender';
import { createTestApp, type TestApp } from './support/test-app';

interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/** A local stand-in for WeChat's token and subscribe-message endpoints. */
class FakeWechat {
  server!: Server;
  sent: SentMessage[] = [];
  tokenCalls = 0;
  /** openid → errcode WeChat answers for it. */
  answers = new Map<string, number>();
  /** Tokens WeChat no longer accepts. */
  revoked = new Set<string>();
  delayMs = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const send = (payload: unknown) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(payload));
    };
    if (url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('appid') !== 'wx-test' || url.searchParams.get('secret') !== 'wx-secret') return send({ errcode: 40013 });
      this.tokenCalls += 1;
      return send({ access_token: `access-${this.tokenCalls}`, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      const token = url.searchParams.get('access_token') ?? '';
      if (!token.startsWith('access-') || this.revoked.has(token)) return send({ errcode: 40001, errmsg: 'invalid credential' });
      if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
      const message = JSON.parse(raw) as SentMessage;
      const errcode = this.answers.get(message.touser) ?? 0;
      if (errcode === 0) this.sent.push(message);
      return send({ errcode, errmsg: errcode === 0 ? 'ok' : 'refused' });
    }
    res.statusCode = 404;
    res.end();
  }
}

describe('outbox dispatch to WeChat subscribe messages', () => {
  const wechat = new FakeWechat();
  const clock = new FixedClock(new Date());
  let t: TestApp;
  let notifications: NotificationsService;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    const base = await wechat.start();
    t = await createTestApp({
      clock,
      env: {
        WECHAT_APP_ID: 'wx-test',
        WECHAT_APP_SECRET: 'wx-secret',
        WECHAT_API_BASE: base,
        WECHAT_SUBSCRIBE_TEMPLATES: 'application_submitted=tpl-submitted,application_accepted=tpl-accepted',
      },
    });
    notifications = t.app.get(NotificationsService);
    dispatcher = t.app.get(OutboxDispatcher);
  });
  afterAll(async () => {
    await t?.close();
    await wechat.stop();
  });

  beforeEach(async () => {
    // Each test drains only what it writes.
    await t.dataSource.query(`UPDATE notifications SET status = 'skipped' WHERE status = 'pending'`);
    wechat.sent = [];
    wechat.answers.clear();
    wechat.delayMs = 0;
  });

  async function user(openid: string | null): Promise<string> {
    const [u] = await t.dataSource.query(`INSERT INTO users (openid, display_name) VALUES ($1, '用户') RETURNING id`, [openid]);
    return u.id;
  }

  async function mother(openid: string | null): Promise<string> {
    const [m] = await t.dataSource.query(`INSERT INTO mothers (user_id, name, region_code) VALUES ($1, '王小红', '371002') RETURNING id`, [await user(openid)]);
    return m.id;
  }

  async function employerWithMembers(openids: (string | null)[]): Promise<string> {
    const [e] = await t.dataSource.query(
      `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng)
       VALUES ($1, '暖阳服饰', 'enterprise', '371002', '张经理', 'x', '138****0000', '文化路1号', 37.5, 122.1) RETURNING id`,
      [randomUUID().slice(0, 18)],
    );
    for (const openid of openids) {
      await t.dataSource.query(`INSERT INTO user_roles (user_id, role, employer_id) VALUES ($1, 'employer_member', $2)`, [await user(openid), e.id]);
    }
    return e.id;
  }

  async function notify(recipientKind: 'mother' | 'employer' | 'user', recipientId: string, kind = 'application_accepted', body = '暖阳服饰通过了您对“缝纫工”的申请，会尽快与您联系'): Promise<string> {
    const dedupeKey = `test:${randomUUID()}`;
    await notifications.notify({ recipientKind, recipientId, kind, title: '您的申请已通过', body, payload: { applicationId: 'a1' }, dedupeKey });
    const [row] = await t.dataSource.query(`SELECT id FROM notifications WHERE dedupe_key = $1`, [dedupeKey]);
    return row.id;
  }

  async function statusOf(id: string): Promise<{ status: string; attempts: number; last_error: string | null }> {
    const [row] = await t.dataSource.query(`SELECT status, attempts, last_error FROM notifications WHERE id = $1`, [id]);
    return row;
  }

  it("sends to a mother's WeChat account with the kind's template and marks the row sent", async () => {
    const id = await notify('mother', await mother('openid-mother-1'));
    const report = await dispatcher.dispatchPending(10);
    expect(report).toEqual({ claimed: 1, sent: 1, skipped: 0, failed: 0, retrying: 0 });
    expect(wechat.sent).toHaveLength(1);
    const message = wechat.sent[0] as SentMessage;
    expect(message).toMatchObject({ touser: 'openid-mother-1', template_id: 'tpl-accepted', page: 'packages/mother/applications/index' });
    expect(message.data.thing1?.value).toBe('您的申请已通过');
    // WeChat's thing fields hold 20 characters.
    expect(Array.from(message.data.thing2?.value ?? '')).toHaveLength(20);
    expect(message.data.time3?.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 1 });
    // Sent rows are not sent again.
    expect((await dispatcher.dispatchPending(10)).claimed).toBe(0);
  });

  it("sends an employer's notification to its members who use WeChat", async () => {
    const id = await notify('employer', await employerWithMembers(['openid-boss', null, 'openid-hr']), 'application_submitted');
    expect(await dispatcher.dispatchPending(10)).toMatchObject({ sent: 1 });
    expect(wechat.sent.map((m) => m.touser).sort()).toEqual(['openid-boss', 'openid-hr']);
    expect(wechat.sent[0]).toMatchObject({ template_id: 'tpl-submitted', page: 'packages/employer/applicants/index' });
    expect((await statusOf(id)).status).toBe('sent');
  });

  it('skips rows it cannot push: no openid, no template for the kind, not subscribed', async () => {
    const noOpenid = await notify('mother', await mother(null));
    const noTemplate = await notify('mother', await mother('openid-m2'), 'application_rejected');
    wechat.answers.set('openid-refuser', 43101);
    const notSubscribed = await notify('user', await user('openid-refuser'));
    expect(await dispatcher.dispatchPending(10)).toEqual({ claimed: 3, sent: 0, skipped: 3, failed: 0, retrying: 0 });
    expect(wechat.sent).toEqual([]);
    expect(await statusOf(noOpenid)).toMatchObject({ status: 'skipped', last_error: 'recipient has no WeChat openid' });
    expect(await statusOf(noTemplate)).toMatchObject({ status: 'skipped', last_error: 'no template for this kind' });
    expect(await statusOf(notSubscribed)).toMatchObject({ status: 'skipped', last_error: 'not subscribed (43101)' });
  });

  it('marks a row failed when WeChat refuses it for good (bad template)', async () => {
    wechat.answers.set('openid-badtpl', 40037);
    const id = await notify('user', await user('openid-badtpl'));
    expect(await dispatcher.dispatchPending(10)).toMatchObject({ failed: 1 });
    expect(await statusOf(id)).toMatchObject({ status: 'failed', last_error: 'refused: errcode 40037' });
  });

  it('retries a passing fault after a back-off, and gives up after the last attempt', async () => {
    wechat.answers.set('openid-busy', -1);
    const busy = await user('openid-busy');
    const id = await notify('user', busy);
    expect(await dispatcher.dispatchPending(10)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 1 });
    // Not before the back-off has passed.
    expect((await dispatcher.dispatchPending(10)).claimed).toBe(0);
    for (let attempt = 2; attempt <= OUTBOX_MAX_ATTEMPTS; attempt += 1) {
      clock.set(new Date(clock.now().getTime() + 60 * 60_000));
      expect((await dispatcher.dispatchPending(10)).claimed).toBe(1);
    }
    expect(await statusOf(id)).toMatchObject({ status: 'failed', attempts: OUTBOX_MAX_ATTEMPTS, last_error: 'errcode -1' });
    // Once it works again, later rows go through.
    wechat.answers.delete('openid-busy');
    const next = await notify('user', busy);
    await dispatcher.dispatchPending(10);
    expect((await statusOf(next)).status).toBe('sent');
  });

  it('renews a revoked access token once and sends', async () => {
    const before = wechat.tokenCalls;
    for (let i = 1; i <= before; i += 1) wechat.revoked.add(`access-${i}`);
    const id = await notify('user', await user('openid-token'));
    expect(await dispatcher.dispatchPending(10)).toMatchObject({ sent: 1 });
    expect(wechat.tokenCalls).toBe(before + 1);
    expect((await statusOf(id)).status).toBe('sent');
  });

  it('sends each row once when two dispatchers drain the outbox at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) ids.push(await notify('user', await user(`openid-race-${i}`), 'application_accepted', `第${i}条`));
    wechat.delayMs = 5;
    // A second process: its own dispatcher on the same database.
    const other = new OutboxDispatcher(t.app.get(OutboxRepository), t.app.get(SubscribeMessageSender), t.app.get(AppConfig), clock);
    const drain = async (d: OutboxDispatcher) => {
      let claimed = 0;
      for (;;) {
        const report = await d.dispatchPending(4);
        if (report.claimed === 0) return claimed;
        claimed += report.claimed;
      }
    };
    const [a, b] = await Promise.all([drain(dispatcher), drain(other)]);
    expect(a + b).toBe(30);
    expect(Math.min(a, b)).toBeGreaterThan(0);
    const bodies = wechat.sent.map((m) => m.data.thing2?.value);
    expect(bodies).toHaveLength(30);
    expect(new Set(bodies).size).toBe(30);
    const rows = await t.dataSource.query(`SELECT status, attempts FROM notifications WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows.every((r: { status: string; attempts: number }) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});

describe('outbox without WeChat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('leaves every row pending for the mini-program to read', async () => {
    const [u] = await t.dataSource.query(`INSERT INTO users (openid, display_name) VALUES ('openid-x', '用户') RETURNING id`);
    await t.app.get(NotificationsService).notify({ recipientKind: 'user', recipientId: u.id, kind: 'application_accepted', title: 't', body: 'b' });
    expect(await t.app.get(OutboxDispatcher).dispatchPending(10)).toEqual({ claimed: 0, sent: 0, skipped: 0, failed: 0, retrying: 0 });
    const rows = await t.dataSource.query(`SELECT status, attempts FROM notifications WHERE recipient_id = $1`, [u.id]);
    expect(rows).toEqual([{ status: 'pending', attempts: 0 }]);
  });
});
