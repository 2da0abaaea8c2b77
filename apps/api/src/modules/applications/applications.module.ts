import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowupModule } from '../followup/followup.module';
import { FairsModule } from '../fairs/fairs.module';
import { ApplicationEntity } from './application.entity';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { HireEntity } from './hire.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ApplicationEntity, HireEntity]), FairsModule, FollowupModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsRepository, ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
