import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { MothersModule } from '../mothers/mothers.module';
import { PoliciesModule } from '../policies/policies.module';
import { SearchModule } from '../search/search.module';
import { TrainingModule } from '../training/training.module';
import { FollowUpController } from './followup.controller';
import { FollowUpRepository } from './followup.repository';
import { FollowUpService } from './followup.service';
import { LedgerService } from './ledger.service';
import { FollowUpReminders } from './reminders.service';

/** The 12333 follow-up: plans, services, worklists, reminders (job queue) and the ledger. */
@Module({
  imports: [JobsModule, MothersModule, PoliciesModule, SearchModule, TrainingModule],
  controllers: [FollowUpController],
  providers: [FollowUpRepository, FollowUpService, FollowUpReminders, LedgerService],
  exports: [FollowUpService],
})
export class FollowupModule {}
