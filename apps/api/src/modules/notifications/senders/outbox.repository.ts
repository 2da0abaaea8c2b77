import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RecipientKind } from '../notification.entity';

/** A pending notification a dispatcher has claimed. */
export interface ClaimedNotification {
  id: string;
  recipientKind: RecipientKind;
  recipientId: string;
  kind: string;
  title: string;
  body: string;
  payload: Record<string, unknown>;
  /** Including this claim. */
  attempts: number;
  createdAt: Date;
  /** True when a dispatcher was sending it and stopped before recording the outcome (it died). */
  interrupted: boolean;
}

/**
 * `last_error` of a row while it is being sent: overwritten by the outcome, left in place when the
 * dispatcher dies between the send and the record. Such a row may have reached her: it is not sent again.
 */
export const SENDING_MARK = 'interrupted while sending: outcome unknown';

type Row = Record<string, unknown>;

/** The outbox as the dispatcher drains it: claims, recipients' openids, outcomes. Times come from the caller's clock. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes up to `limit` pending rows until `leaseUntil`, oldest first, in one statement (its own
   * transaction). SKIP LOCKED lets two dispatchers claim at the same moment without waiting for
   * or taking each other's rows; the lease keeps a claimed row from being claimed again while
   * it is being sent, and brings it back if the process dies before marking it.
   */
  async claim(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedNotification[]> {
    const rows: Row[] = await this.dataSource.query(
      `WITH ready AS (
         SELECT id FROM notifications
          WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until <= $1)
          ORDER BY created_at
          LIMIT $3
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE notifications n SET claimed_until = $2, attempts = n.attempts + 1
           FROM ready WHERE n.id = ready.id
         RETURNING n.id, n.recipient_kind, n.recipient_id, n.kind, n.title, n.body, n.payload, n.attempts, n.created_at, n.last_error)
       SELECT * FROM claimed ORDER BY created_at`,
      [now, leaseUntil, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      recipientKind: r.recipient_kind as RecipientKind,
      recipientId: r.recipient_id as string,
      kind: r.kind as string,
      title: r.title as string,
      body: r.body as string,
      payload: (r.payload as Record<string, unknown> | null) ?? {},
      attempts: Number(r.attempts),
      createdAt: new Date(r.created_at as string),
      interrupted: r.last_error === SENDING_MARK,
    }));
  }

  /** The WeChat openids a notification reaches: her account's, or every member's of the employer. */
  async openidsOf(kind: RecipientKind, id: string): Promise<string[]> {
    const sql =
      kind === 'mother'
        ? `SELECT u.openid FROM mothers m JOIN users u ON u.id = m.user_id WHERE m.id = $1 AND u.openid IS NOT NULL`
        : kind === 'employer'
          ? `SELECT DISTINCT u.openid FROM user_roles r JOIN users u ON u.id = r.user_id
              WHERE r.role = 'employer_member' AND r.employer_id = $1 AND u.openid IS NOT NULL ORDER BY u.openid`
          : `SELECT openid FROM users WHERE id = $1 AND openid IS NOT NULL`;
    const rows: { openid: string }[] = await this.dataSource.query(sql, [id]);
    return rows.map((r) => r.openid);
  }

  /** Committed before the send: if the process dies before the outcome is recorded, the row says so. */
  async markSending(id: string): Promise<void> {
    await this.dataSource.query(
      `WITH s AS (UPDATE notifications SET last_error = $2 WHERE id = $1 AND status = 'pending' RETURNING id) SELECT id FROM s`,
      [id, SENDING_MARK],
    );
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.settle(id, 'sent', at, null);
  }

  /** Not pushed, and never will be (no openid, no template, she did not subscribe): she reads it in the app. */
  async markSkipped(id: string, reason: string): Promise<void> {
    await this.settle(id, 'skipped', null, reason);
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.settle(id, 'failed', null, reason);
  }

  /** Stays pending; no dispatcher takes it again before `retryAt`. */
  async retryLater(id: string, retryAt: Date, reason: string): Promise<void> {
    await this.dataSource.query(
      `WITH r AS (UPDATE notifications SET claimed_until = $2, last_error = $3 WHERE id = $1 AND status = 'pending' RETURNING id) SELECT id FROM r`,
      [id, retryAt, reason],
    );
  }

  private async settle(id: string, status: 'sent' | 'skipped' | 'failed', sentAt: Date | null, reason: string | null): Promise<void> {
    await this.dataSource.query(
      `WITH s AS (
         UPDATE notifications SET status = $2, sent_at = $3, last_error = $4, claimed_until = NULL
          WHERE id = $1 AND status = 'pending' RETURNING id)
       SELECT id FROM s`,
      [id, status, sentAt, reason],
    );
  }
}
