import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { PageQueryDto, SearchQueryDto, SearchResultDto } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('posts')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('search')
  @Public()
  @ApiOperation({
    summary: 'Posts near a point, or near her home or child’s school, ranked for her',
    description:
      'Public; a signed-in mother gets her own ranking (stage, hours, pay, modes). The point is used for this request only: never stored, never logged.',
  })
  @ApiOkResponse({ type: SearchResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'SEARCH_LOCATION_REQUIRED, SEARCH_PROFILE_REQUIRED, SEARCH_PROFILE_INCOMPLETE, VALIDATION_FAILED' })
  find(@Query() query: SearchQueryDto, @OptionalPrincipal() me: Principal | null): Promise<SearchResultDto> {
    return this.search.search(query, me);
  }

  @Get('recommended')
  @Roles('mother')
  @ApiOperation({ summary: 'Her best posts, from her profile (home, else school, else her region)' })
  @ApiOkResponse({ type: SearchResultDto })
  recommended(@Query() query: PageQueryDto, @CurrentPrincipal() me: Principal): Promise<SearchResultDto> {
    return this.search.recommended(me, query.page ?? 1);
  }
}
