import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';
import { PolicyDataRepository } from './policy-data.repository';
import { PolicyDataService } from './policy-data.service';
import { PolicyVersionEntity } from './policy-version.entity';
import { SubsidyFactsRepository } from './subsidy-facts.repository';

/**
 * Regional policy data (versioned, kept by officials) and the policy centre. Exports
 * PolicyDataService (policy and minimum wage in force on a day: posts, follow-up and claims
 * read the figures through it) and SubsidyFactsRepository (the marketplace facts the subsidy
 * rules look at).
 */
@Module({
  imports: [TypeOrmModule.forFeature([PolicyVersionEntity]), RegionsModule],
  controllers: [PoliciesController],
  providers: [PolicyDataRepository, PolicyDataService, PoliciesService, SubsidyFactsRepository],
  exports: [PolicyDataService, SubsidyFactsRepository],
})
export class PoliciesModule {}
