import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { ClaimsService } from './claims.service';

export const PROPOSE_CLAIMS_JOB = 'claims.propose_eligible';

/**
 * 免申即享 once a day (one job per China date, whichever process claims it): every qualifying
 * hire without a claim is put forward to the officials. Proposals and their notifications are
 * written in the job's transaction; a hire with a claim for a subsidy is never proposed again,
 * so a re-run adds nothing.
 */
@Injectable()
export class ProposeClaimsJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly claims: ClaimsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(PROPOSE_CLAIMS_JOB, async (_payload, { tx, now }) => {
      await this.claims.proposeEligible(now, { tx });
    });
    this.jobs.registerDaily(PROPOSE_CLAIMS_JOB);
  }
}
