import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { PoliciesModule } from '../policies/policies.module';
import { TrainingModule } from '../training/training.module';
import { ClaimsController } from './claims.controller';
import { ProposeClaimsJob } from './claims.job';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';
import { ClaimDecisionEntity, HireEndingEntity, SubsidyClaimEntity } from './subsidy-claim.entity';

/** Subsidy claims: employer claims, 免申即享 proposals, official review with a decision log, hire endings. */
@Module({
  imports: [TypeOrmModule.forFeature([SubsidyClaimEntity, ClaimDecisionEntity, HireEndingEntity]), PoliciesModule, TrainingModule, JobsModule],
  controllers: [ClaimsController],
  providers: [ClaimsRepository, ClaimsService, ProposeClaimsJob],
  exports: [ClaimsService],
})
export class ClaimsModule {}
