import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { FraudService } from './fraud.service';

export const FRAUD_SCAN_JOB = 'fraud.scan';

/** The fraud rules over every region once a day; flags are unique per rule and subject, so a re-run only refreshes them. */
@Injectable()
export class FraudScanJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly fraud: FraudService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(FRAUD_SCAN_JOB, async (_payload, { tx, now }) => {
      await this.fraud.scan(now, { tx });
    });
    this.jobs.registerDaily(FRAUD_SCAN_JOB);
  }
}
