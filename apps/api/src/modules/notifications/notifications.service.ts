import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transaction';
import { employerIdsOf, type Principal } from '../users/principal';
import type { NotificationEntity } from './notification.entity';
import { NotificationsRepository, type NewNotification } from './notifications.repository';

@Injectable()
export class NotificationsService {
  constructor(private readonly repo: NotificationsRepository) {}

  /** Call inside the transaction of the change being reported. */
  notify(n: NewNotification, tx?: Tx): Promise<boolean> {
    return this.repo.enqueue(n, tx);
  }

  listMine(me: Principal, limit = 50): Promise<NotificationEntity[]> {
    const recipients: { kind: 'user' | 'mother' | 'employer'; id: string }[] = [{ kind: 'user', id: me.userId }];
    if (me.motherId) recipients.push({ kind: 'mother', id: me.motherId });
    for (const employerId of employerIdsOf(me)) recipients.push({ kind: 'employer', id: employerId });
    return this.repo.listFor(recipients, limit);
  }
}
