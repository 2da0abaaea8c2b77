import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { RegionsModule } from '../regions/regions.module';
import { CheckInCodes } from './check-in-codes';
import { FairEntity } from './fair.entity';
import { FairEmployerEntity, FairPostEntity } from './fair-participant.entity';
import { FairSignupEntity } from './fair-signup.entity';
import { FairsController } from './fairs.controller';
import { FairRemindersJob } from './fairs.reminders';
import { FairsRepository } from './fairs.repository';
import { FairsService } from './fairs.service';
import { LivestreamEntity, LivestreamPostEntity } from './livestream.entity';
import { LivestreamsController } from './livestreams.controller';
import { LivestreamsRepository } from './livestreams.repository';
import { LivestreamsService } from './livestreams.service';

/**
 * Special recruitment fairs (专场招聘) and livestreamed job promotion (直播带岗). Exports
 * FairsService (monitoringFigures for the monitoring page) and LivestreamsService
 * (resolveApplicationOrigin, which the applications feature calls when a mother applies from a
 * fair or a livestream).
 */
@Module({
  imports: [TypeOrmModule.forFeature([FairEntity, FairEmployerEntity, FairPostEntity, FairSignupEntity, LivestreamEntity, LivestreamPostEntity]), RegionsModule, JobsModule],
  controllers: [FairsController, LivestreamsController],
  providers: [FairsRepository, LivestreamsRepository, CheckInCodes, FairsService, LivestreamsService, FairRemindersJob],
  exports: [FairsService, LivestreamsService],
})
export class FairsModule {}
