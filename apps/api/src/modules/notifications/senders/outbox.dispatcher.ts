import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock';
import { AppConfig } from '../../../config';
import { OutboxRepository, SENDING_MARK, type ClaimedNotification } from './outbox.repository';
import { SubscribeMessageSender, type SendResult, type SubscribeMessage } from './subscribe-message.sender';

export interface DispatchReport {
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
  /** Still pending, to be tried again after a back-off. */
  retrying: number;
}

/** A claim lasts this long: longer than sending a batch takes, short enough that a crash costs little. */
export const OUTBOX_LEASE_MS = 2 * 60_000;
export const OUTBOX_POLL_MS = 30_000;
/** After this many tries a row is marked failed; the mini-program still shows it from the outbox. */
export const OUTBOX_MAX_ATTEMPTS = 5;
const BATCH = 50;
/** WeChat's `thing` fields take at most 20 characters. */
const THING_MAX = 20;

/**
 * Drains the notification outbox into WeChat subscribe messages. Every row is written first
 * (in the transaction of the change it reports); this sends pending rows to recipients who
 * signed in with WeChat and marks each sent, skipped (no openid, no template for its kind, she
 * did not subscribe), failed, or leaves it pending for a retry. Rows are claimed with FOR UPDATE
 * SKIP LOCKED and a lease, so two processes never send the same row. Each row is marked as being
 * sent (SENDING_MARK, committed) before the call to WeChat: a dispatcher killed between the send and
 * recording it leaves the mark, and whoever claims the row after the lease marks it failed rather
 * than pushing a second copy (test/faults/job-worker-killed.e2e-spec.ts). A WeChat answer that never
 * comes (timeout) is still retried: that one WeChat did not confirm.
 *
 * Without WeChat credentials or templates nothing is claimed: the rows stay pending, and the
 * mini-program shows them from GET /api/notifications either way.
 *
 * Templates (WECHAT_SUBSCRIBE_TEMPLATES, kind=templateId) must have the fields `thing1` (title),
 * `thing2` (body, cut to 20 characters) and `time3` (when it happened).
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DispatchReport> | undefined;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly sender: SubscribeMessageSender,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return this.sender.configured && Object.keys(this.config.wechat.subscribeTemplates).length > 0;
  }

  onApplicationBootstrap(): void {
    // Tests call dispatchPending() themselves.
    if (this.config.nodeEnv === 'test' || !this.enabled) return;
    this.timer = setInterval(() => void this.poll(), OUTBOX_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Claims up to `limit` pending rows and sends each; returns what became of them. */
  async dispatchPending(limit = BATCH): Promise<DispatchReport> {
    const report: DispatchReport = { claimed: 0, sent: 0, skipped: 0, failed: 0, retrying: 0 };
    if (!this.enabled) return report;
    const now = this.clock.now();
    const rows = await this.repo.claim(now, new Date(now.getTime() + OUTBOX_LEASE_MS), limit);
    report.claimed = rows.length;
    for (const row of rows) report[await this.dispatchOne(row)] += 1;
    return report;
  }

  private async dispatchOne(row: ClaimedNotification): Promise<'sent' | 'skipped' | 'failed' | 'retrying'> {
    const templateId = this.config.wechat.subscribeTemplates[row.kind];
    if (!templateId) {
      await this.repo.markSkipped(row.id, 'no template for this kind');
      return 'skipped';
    }
    const openids = await this.repo.openidsOf(row.recipientKind, row.recipientId);
    if (openids.length === 0) {
      await this.repo.markSkipped(row.id, 'recipient has no WeChat openid');
      return 'skipped';
    }
    // Once, not twice: a push the last dispatcher may have made before it died is not made again
    // (a second copy would use up another of her subscribe consents); she reads it in the app.
    if (row.interrupted) {
      await this.repo.markFailed(row.id, `${SENDING_MARK}; not sent again`);
      return 'failed';
    }
    await this.repo.markSending(row.id);
    const results: SendResult[] = [];
    for (const openid of openids) results.push(await this.sender.send(this.message(row, templateId, openid)));

    // An employer with several members: one delivered copy is enough.
    if (results.some((r) => r.outcome === 'sent')) {
      await this.repo.markSent(row.id, this.clock.now());
      return 'sent';
    }
    const retry = results.find((r): r is Extract<SendResult, { outcome: 'retry' }> => r.outcome === 'retry');
    if (retry) {
      if (row.attempts >= OUTBOX_MAX_ATTEMPTS) {
        await this.repo.markFailed(row.id, retry.reason);
        return 'failed';
      }
      // 1, 4, 9, 16 minutes: a passing fault clears, a persistent one does not hammer WeChat.
      await this.repo.retryLater(row.id, new Date(this.clock.now().getTime() + row.attempts * row.attempts * 60_000), retry.reason);
      return 'retrying';
    }
    const errcodes = [...new Set(results.map((r) => (r as Extract<SendResult, { outcome: 'refused' }>).errcode))];
    // 43101: she did not subscribe (or used up her consent). Nothing is wrong; she reads it in the app.
    if (errcodes.every((c) => c === 43101)) {
      await this.repo.markSkipped(row.id, 'not subscribed (43101)');
      return 'skipped';
    }
    await this.repo.markFailed(row.id, `refused: errcode ${errcodes.join(',')}`);
    return 'failed';
  }

  private message(row: ClaimedNotification, templateId: string, toOpenid: string): SubscribeMessage {
    const page = typeof row.payload.page === 'string' ? row.payload.page : defaultPage(row);
    return {
      toOpenid,
      templateId,
      page,
      data: {
        thing1: { value: cut(row.title) },
        thing2: { value: cut(row.body) },
        time3: { value: chinaTime(row.createdAt) },
      },
    };
  }

  private async poll(): Promise<void> {
    if (this.running) return;
    this.running = this.dispatchPending();
    try {
      const report = await this.running;
      if (report.failed > 0) this.logger.warn(`outbox: ${report.sent} sent, ${report.failed} failed, ${report.retrying} to retry`);
    } catch (error) {
      this.logger.error(`outbox dispatch failed: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}

function defaultPage(row: ClaimedNotification): string {
  if (row.kind.startsWith('application_')) {
    return row.recipientKind === 'employer' ? 'packages/employer/applicants/index' : 'packages/mother/applications/index';
  }
  return 'pages/me/index';
}

function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length <= THING_MAX ? text : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

/** 'YYYY-MM-DD HH:mm' in China time, as WeChat's `time` fields show it. */
function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
