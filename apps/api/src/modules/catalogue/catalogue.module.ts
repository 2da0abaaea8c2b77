import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';

/** Public reference data: the post catalogue, each type's defaults, the regions. No tables of its own. */
@Module({
  imports: [RegionsModule],
  controllers: [CatalogueController],
  providers: [CatalogueService],
})
export class CatalogueModule {}
