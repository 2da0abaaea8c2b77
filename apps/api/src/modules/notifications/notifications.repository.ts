import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { NotificationEntity, type RecipientKind } from './notification.entity';

export interface NewNotification {
  recipientKind: RecipientKind;
  recipientId: string;
  kind: string;
  title: string;
  body: string;
  payload?: Record<string, unknown>;
  /** Same key, one row: a retried transaction or a re-run job never notifies twice. */
  dedupeKey?: string;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectRepository(NotificationEntity) private readonly rows: Repository<NotificationEntity>) {}

  /** Returns true when a row was written, false when the dedupe key already had one. */
  async enqueue(n: NewNotification, tx?: Tx): Promise<boolean> {
    const result: { id: string }[] = await (tx ?? this.rows.manager).query(
      `INSERT INTO notifications (recipient_kind, recipient_id, kind, title, body, payload, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [n.recipientKind, n.recipientId, n.kind, n.title, n.body, JSON.stringify(n.payload ?? {}), n.dedupeKey ?? null],
    );
    return result.length > 0;
  }

  /** Newest first, for any of the recipients (a user reads her own, her mother profile's and her employers'). */
  listFor(recipients: { kind: RecipientKind; id: string }[], limit: number): Promise<NotificationEntity[]> {
    if (recipients.length === 0) return Promise.resolve([]);
    const qb = this.rows.createQueryBuilder('n');
    recipients.forEach((r, i) => {
      qb.orWhere(`(n.recipient_kind = :k${i} AND n.recipient_id = :id${i})`, { [`k${i}`]: r.kind, [`id${i}`]: r.id });
    });
    return qb.orderBy('n.created_at', 'DESC').limit(limit).getMany();
  }

  countWhere(recipientKind: RecipientKind, recipientId: string, kind: string): Promise<number> {
    return this.rows.countBy({ recipientKind, recipientId, kind });
  }
}
