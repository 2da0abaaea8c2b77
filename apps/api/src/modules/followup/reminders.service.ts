import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FOLLOW_UP_KIND_LABELS, addDays, isoDateInChina, maskName } from '@mamagang/domain';
import { NotificationsService } from '../notifications/notifications.service';
import { JobsService, type JobContext } from '../jobs/jobs.service';
import { FollowUpRepository } from './followup.repository';
import { FollowUpService } from './followup.service';

/** Workers and the mother hear about an item this many days before it is due. */
export const REMIND_DAYS_BEFORE = 3;
export const SWEEP_JOB = 'followup.sweep';
export const REMINDER_JOB = 'followup.reminder';

/**
 * Reminders of the 12333 plan, on the job queue.
 *
 * Once a day (one `followup.sweep` job per China date, whichever process claims it) the sweep
 * records reported hires nobody recorded yet, then enqueues one `followup.reminder` job per
 * open item coming due, keyed by item and due date: two processes sweeping at once, or the same
 * process sweeping on each of the days an item is coming due, add one job.
 *
 * A reminder job writes its messages to the outbox with keys of their own (item, due date,
 * recipient), in the transaction that marks the job done. A crash before the commit leaves no
 * message and the job is retried; a re-run after the commit (a lost "done", an expired lease
 * while the first run was still going) finds the keys taken and writes nothing. Delivery to
 * WeChat is the outbox dispatcher's.
 */
@Injectable()
export class FollowUpReminders implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly repo: FollowUpRepository,
    private readonly followUp: FollowUpService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(SWEEP_JOB, (_payload, ctx) => this.sweep(ctx));
    this.jobs.register(REMINDER_JOB, (payload, ctx) => this.remind(payload, ctx));
    this.jobs.registerDaily(SWEEP_JOB);
  }

  async sweep({ tx, now }: JobContext): Promise<void> {
    // Hires first: a recommendation stopped by a hire must not be reminded.
    for (const hire of await this.repo.unrecordedHires(500, tx)) await this.followUp.applyReportedHire(hire, tx);
    const today = isoDateInChina(now);
    await this.repo.enqueueReminders(today, addDays(today, REMIND_DAYS_BEFORE), now, tx);
  }

  async remind(payload: Record<string, unknown>, { tx, now }: JobContext): Promise<void> {
    const itemId = String(payload.itemId);
    const dueOn = String(payload.dueOn);
    const item = await this.repo.reminderItem(itemId, tx);
    const today = isoDateInChina(now);
    // Served, stopped or rescheduled since the sweep: nothing to remind.
    if (!item || item.servedOn !== null || item.dueOn !== dueOn || (item.stoppedOn !== null && item.stoppedOn <= today)) return;
    const label = FOLLOW_UP_KIND_LABELS[item.kind];
    await this.notifications.notify(
      {
        recipientKind: 'mother',
        recipientId: item.motherId,
        kind: 'followup.reminder',
        title: '12333就业服务提醒',
        body: `${item.stationName}将在${dueOn}前为您提供“${label}”服务，请留意工作人员的电话或微信。`,
        payload: { itemId, kind: item.kind, dueOn },
        dedupeKey: `followup.reminder.mother:${itemId}:${dueOn}`,
      },
      tx,
    );
    for (const workerId of await this.repo.stationWorkerIds(item.stationId, tx)) {
      await this.notifications.notify(
        {
          recipientKind: 'user',
          recipientId: workerId,
          kind: 'followup.reminder.worker',
          title: '12333服务即将到期',
          body: `${maskName(item.motherName)}的“${label}”（第${item.seq}次）将于${dueOn}到期，请及时联系并记录服务。`,
          payload: { itemId, motherId: item.motherId, kind: item.kind, seq: item.seq, dueOn },
          dedupeKey: `followup.reminder.worker:${itemId}:${dueOn}:${workerId}`,
        },
        tx,
      );
    }
  }
}
