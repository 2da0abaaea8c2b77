import { Module } from '@nestjs/common';
import { MothersModule } from '../mothers/mothers.module';
import { RegionsModule } from '../regions/regions.module';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** Search and matching; exports SearchService (recommendFor) for station recommendations. */
@Module({
  imports: [MothersModule, RegionsModule],
  controllers: [SearchController],
  providers: [SearchRepository, SearchService],
  exports: [SearchService],
})
export class SearchModule {}
