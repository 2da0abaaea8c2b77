import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { PromiseCheckJob } from './promise-check.job';
import { PromiseCheckEntity } from './promise-check.entity';
import { RightsCaseNoteEntity } from './rights-case-note.entity';
import { RightsCaseEntity } from './rights-case.entity';
import { RightsController } from './rights.controller';
import { RightsRepository } from './rights.repository';
import { RightsService } from './rights.service';

/**
 * Rights: consultations and complaints routed to a region's officials, the station hours for
 * rights consultations, and the promise check 30 days after each hire. Exports RightsService
 * for the fraud rules (brokenPromiseEmployers).
 */
@Module({
  imports: [TypeOrmModule.forFeature([RightsCaseEntity, RightsCaseNoteEntity, PromiseCheckEntity]), JobsModule],
  controllers: [RightsController],
  providers: [RightsRepository, RightsService, PromiseCheckJob],
  exports: [RightsService],
})
export class RightsModule {}
