import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, Public, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { LivestreamSummaryDto } from './dto/fairs.dto';
import { CreateLivestreamDto, ListLivestreamsQueryDto, LivestreamDto, LivestreamStatsDto } from './dto/livestreams.dto';
import { LivestreamsService } from './livestreams.service';

const FairIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '招聘会不存在') });
const PostIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '岗位不存在') });
const LivestreamIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '直播不存在') });

@ApiTags('livestreams')
@Controller()
export class LivestreamsController {
  constructor(private readonly livestreams: LivestreamsService) {}

  @Post('fairs/:id/livestreams')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'A livestream for the fair (直播带岗), showing its posts (default all)' })
  @ApiCreatedResponse({ type: LivestreamDto })
  forFair(@CurrentPrincipal() me: Principal, @Param('id', FairIdPipe) id: string, @Body() body: CreateLivestreamDto): Promise<LivestreamDto> {
    return this.livestreams.createForFair(me, id, body);
  }

  @Post('posts/:id/livestreams')
  @Roles('employer_member')
  @ApiOperation({ summary: 'A livestream for a post of my employer, showing it first and any other posts of ours' })
  @ApiCreatedResponse({ type: LivestreamDto })
  forPost(@CurrentPrincipal() me: Principal, @Param('id', PostIdPipe) id: string, @Body() body: CreateLivestreamDto): Promise<LivestreamDto> {
    return this.livestreams.createForPost(me, id, body);
  }

  @Get('livestreams')
  @Public()
  @ApiOperation({ summary: 'Livestreams of a fair, showing a post, or of a region (not yet over)' })
  @ApiOkResponse({ type: [LivestreamSummaryDto] })
  list(@Query() query: ListLivestreamsQueryDto): Promise<LivestreamSummaryDto[]> {
    return this.livestreams.list(query);
  }

  @Get('livestreams/:id')
  @Public()
  @ApiOperation({ summary: 'A livestream with the posts listed beside it (apply with source livestream and its id)' })
  @ApiOkResponse({ type: LivestreamDto })
  get(@Param('id', LivestreamIdPipe) id: string): Promise<LivestreamDto> {
    return this.livestreams.get(id);
  }

  @Get('livestreams/:id/stats')
  @Roles('employer_member', 'station_worker', 'official')
  @ApiOperation({ summary: 'Applications and hires from the livestream, per post shown (its organisers / employer)' })
  @ApiOkResponse({ type: LivestreamStatsDto })
  stats(@CurrentPrincipal() me: Principal, @Param('id', LivestreamIdPipe) id: string): Promise<LivestreamStatsDto> {
    return this.livestreams.stats(me, id);
  }
}
