import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowupModule } from '../followup/followup.module';
import { RegionsModule } from '../regions/regions.module';
import { UsersModule } from '../users/users.module';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';
import { StationEntity } from './station.entity';
import { StationsController } from './stations.controller';
import { StationsRepository } from './stations.repository';
import { StationsService } from './stations.service';
import { SurveyVersionEntity } from './survey/survey-version.entity';
import { SurveyRepository } from './survey/survey.repository';
import { SurveyService } from './survey/survey.service';

/** Community stations, their workers, the registration desk and the needs survey. */
@Module({
  imports: [TypeOrmModule.forFeature([StationEntity, SurveyVersionEntity]), RegionsModule, UsersModule, FollowupModule],
  controllers: [StationsController],
  providers: [StationsRepository, StationsService, RegistrationsRepository, RegistrationsService, SurveyRepository, SurveyService],
  exports: [StationsService],
})
export class StationsModule {}
