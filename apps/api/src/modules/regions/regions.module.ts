import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from './region.entity';
import { RegionsRepository } from './regions.repository';

/** Administrative regions, for the features that locate posts, stations and people. */
@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity])],
  providers: [RegionsRepository],
  exports: [RegionsRepository],
})
export class RegionsModule {}
