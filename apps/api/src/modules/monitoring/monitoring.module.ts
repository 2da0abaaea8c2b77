import { Module } from '@nestjs/common';
import { FairsModule } from '../fairs/fairs.module';
import { PoliciesModule } from '../policies/policies.module';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

/** Officials' figures for their region (posts, applicants, hires, 12333, subsidies, quality, training, fairs and livestreams) and the .xlsx export. */
@Module({
  imports: [FairsModule, PoliciesModule],
  controllers: [MonitoringController],
  providers: [MonitoringRepository, MonitoringService],
})
export class MonitoringModule {}
