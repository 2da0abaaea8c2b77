import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isIsoDate } from '@mamagang/domain';
import { JobsService } from '../jobs/jobs.service';
import { FAIR_REMINDER_JOB, FairsService } from './fairs.service';

/**
 * The day-before reminder runs on the job queue: publishing a fair enqueues one job for 09:00
 * China time the day before. Its handler reminds every mother still signed up for a fair of
 * that date, in the job's transaction; the outbox dedupe key (`fair.reminder:<signupId>`)
 * keeps it to one reminder per sign-up however often it runs.
 */
@Injectable()
export class FairRemindersJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly fairs: FairsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(FAIR_REMINDER_JOB, async (payload, { tx, now }) => {
      const fairDate = payload.fairDate;
      if (typeof fairDate === 'string' && isIsoDate(fairDate)) await this.fairs.sendReminders(fairDate, now, tx);
      else await this.fairs.sendDayBeforeReminders(now, tx);
    });
  }
}
