import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { CatalogueService } from './catalogue.service';
import { CatalogueDto, DefaultsQueryDto, PostDefaultsDto, RegionDto, RegionsQueryDto, toRegionDto } from './dto/catalogue.dto';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('catalogue')
  @Public()
  @ApiOperation({ summary: 'The post catalogue (types with their defaults) and the label of every code' })
  @ApiOkResponse({ type: CatalogueDto })
  getCatalogue(): CatalogueDto {
    return this.catalogue.getCatalogue();
  }

  @Get('posts/defaults')
  @Public()
  @ApiOperation({ summary: "A post type's defaults: pay basis, insurance, contract, modes, time rule" })
  @ApiOkResponse({ type: PostDefaultsDto })
  defaults(@Query() query: DefaultsQueryDto): PostDefaultsDto {
    return this.catalogue.defaults(query.type);
  }

  @Get('regions')
  @Public()
  @ApiOperation({ summary: 'Regions under a parent code (omitted: the provinces)' })
  @ApiOkResponse({ type: [RegionDto] })
  async regions(@Query() query: RegionsQueryDto): Promise<RegionDto[]> {
    return (await this.catalogue.listRegions(query.parent)).map(toRegionDto);
  }
}
