import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { RightsService } from './rights.service';

export const PROMISE_CHECK_JOB = 'rights.promise_checks';

/**
 * Once a day (one job per China date, whichever process claims it) asks the mothers whose
 * hires are 30 days old whether the promised terms hold. The checks and their notifications
 * are written in the job's transaction; a hire's check is unique, so a re-run adds nothing.
 */
@Injectable()
export class PromiseCheckJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly rights: RightsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(PROMISE_CHECK_JOB, async (_payload, { tx, now }) => {
      await this.rights.askDuePromiseChecks(now, tx);
    });
    this.jobs.registerDaily(PROMISE_CHECK_JOB);
  }
}
