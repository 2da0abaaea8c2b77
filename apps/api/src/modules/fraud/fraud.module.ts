import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { FraudFlagEntity } from './fraud-flag.entity';
import { FraudController } from './fraud.controller';
import { FraudScanJob } from './fraud.job';
import { FraudRepository } from './fraud.repository';
import { FraudService } from './fraud.service';

/** Fraud checks: rules with explanations, filed as flags for the officials of the region; never a penalty. */
@Module({
  imports: [TypeOrmModule.forFeature([FraudFlagEntity]), JobsModule],
  controllers: [FraudController],
  providers: [FraudRepository, FraudService, FraudScanJob],
  exports: [FraudService],
})
export class FraudModule {}
