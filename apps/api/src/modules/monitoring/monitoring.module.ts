import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

/** Officials' figures for their region (posts, applicants, hires, 12333, subsidies, quality, training) and the .xlsx export. */
@Module({
  controllers: [MonitoringController],
  providers: [MonitoringRepository, MonitoringService],
})
export class MonitoringModule {}
