import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import {
  CancelFairDto,
  CandidatesQueryDto,
  FairEmployerDto,
  CheckInDto,
  CreateFairDto,
  FairDto,
  FairParticipantsDto,
  FairSignupDto,
  FairStatsDto,
  FairSummaryDto,
  ListFairsQueryDto,
  MyFairSignupDto,
  WalkInDto,
  WalkInResultDto,
} from './dto/fairs.dto';
import { FairsService } from './fairs.service';

/** A malformed id names nothing: the same 404 as an unknown one. */
const FairIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '招聘会不存在') });

@ApiTags('fairs')
@Controller()
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Post('fairs')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Publish a special recruitment fair (专场招聘) in the caller’s region, with the employers and posts taking part' })
  @ApiCreatedResponse({ type: FairDto })
  create(@CurrentPrincipal() me: Principal, @Body() body: CreateFairDto): Promise<FairDto> {
    return this.fairs.create(me, body);
  }

  @Get('fairs')
  @Public()
  @ApiOperation({ summary: 'Fairs not yet over near a point (never stored) and of a region (default a mother’s own), soonest first' })
  @ApiOkResponse({ type: [FairSummaryDto] })
  near(@OptionalPrincipal() me: Principal | null, @Query() query: ListFairsQueryDto): Promise<FairSummaryDto[]> {
    return this.fairs.near(me, query);
  }

  @Get('fairs/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'My fair sign-ups, each with its check-in code' })
  @ApiOkResponse({ type: [MyFairSignupDto] })
  mine(@CurrentPrincipal() me: Principal): Promise<MyFairSignupDto[]> {
    return this.fairs.mine(me);
  }

  @Get('fairs/managed')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Fairs of the caller’s regions, latest first' })
  @ApiOkResponse({ type: [FairSummaryDto] })
  managed(@CurrentPrincipal() me: Principal): Promise<FairSummaryDto[]> {
    return this.fairs.managed(me);
  }

  @Get('fairs/candidates')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Approved employers of the region (default the caller’s) with their open posts, to invite to a fair' })
  @ApiOkResponse({ type: [FairEmployerDto] })
  candidates(@CurrentPrincipal() me: Principal, @Query() query: CandidatesQueryDto): Promise<FairEmployerDto[]> {
    return this.fairs.candidates(me, query.regionCode);
  }

  @Get('fairs/:id')
  @Public()
  @ApiOperation({ summary: 'A fair with its employers, their posts and its livestreams (and a mother’s own sign-up)' })
  @ApiOkResponse({ type: FairDto })
  get(@OptionalPrincipal() me: Principal | null, @Param('id', FairIdPipe) id: string): Promise<FairDto> {
    return this.fairs.view(me, id);
  }

  @Put('fairs/:id/employers')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Replace the employers taking part and the posts each brings' })
  @ApiOkResponse({ type: FairDto })
  participants(@CurrentPrincipal() me: Principal, @Param('id', FairIdPipe) id: string, @Body() body: FairParticipantsDto): Promise<FairDto> {
    return this.fairs.replaceParticipants(me, id, body.employers);
  }

  @Post('fairs/:id/cancel')
  @HttpCode(200)
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Cancel the fair; mothers signed up are told why' })
  @ApiOkResponse({ type: FairDto })
  cancel(@CurrentPrincipal() me: Principal, @Param('id', FairIdPipe) id: string, @Body() body: CancelFairDto): Promise<FairDto> {
    return this.fairs.cancel(me, id, body.reason);
  }

  @Post('fairs/:id/signups')
  @Roles('mother')
  @ApiOperation({ summary: 'Sign up (201; 200 with the same sign-up for a repeat). Seats are never oversold: FAIR_FULL' })
  @ApiCreatedResponse({ type: MyFairSignupDto })
  async signUp(@CurrentPrincipal() me: Principal, @Param('id', FairIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<MyFairSignupDto> {
    const { signup, created } = await this.fairs.signUp(me, id);
    void reply.status(created ? 201 : 200);
    return signup;
  }

  @Post('fairs/:id/signups/cancel')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'Cancel my sign-up (frees the seat); not after check-in' })
  @ApiOkResponse({ type: MyFairSignupDto })
  cancelSignup(@CurrentPrincipal() me: Principal, @Param('id', FairIdPipe) id: string): Promise<MyFairSignupDto> {
    return this.fairs.cancelSignup(me, id);
  }

  @Get('fairs/:id/signups')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Sign-ups of the fair (names and phones masked), by number' })
  @ApiOkResponse({ type: [FairSignupDto] })
  signups(@CurrentPrincipal() me: Principal, @Param('id', FairIdPipe) id: string): Promise<FairSignupDto[]> {
    return this.fairs.signups(me, id);
  }

  @Post('fairs/:id/check-ins')
  @HttpCode(200)
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Check a mother in by the code she shows; another fair’s code → FAIR_CODE_WRONG_FAIR, a used one → FAIR_CODE_USED' })
  @ApiOkResponse({ type: FairSignupDto })
  checkIn(@CurrentPrincipal() me: Principal, @Param('id', FairIdPipe) id: string, @Body() body: CheckInDto): Promise<FairSignupDto> {
    return this.fairs.checkIn(me, id, body.code);
  }

  @Post('fairs/:id/walk-ins')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'A walk-in registered at the station desk: signed up and checked in at once (no pre-booked seat)' })
  @ApiCreatedResponse({ type: WalkInResultDto, description: '201 when created, 200 when she had signed up already' })
  async walkIn(
    @CurrentPrincipal() me: Principal,
    @Param('id', FairIdPipe) id: string,
    @Body() body: WalkInDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WalkInResultDto> {
    const result = await this.fairs.walkIn(me, id, body.motherId);
    void reply.status(result.created ? 201 : 200);
    return result;
  }

  @Get('fairs/:id/stats')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'After the fair: sign-ups, check-ins, and the applications and hires that came from it, per employer' })
  @ApiOkResponse({ type: FairStatsDto })
  stats(@CurrentPrincipal() me: Principal, @Param('id', FairIdPipe) id: string): Promise<FairStatsDto> {
    return this.fairs.stats(me, id);
  }
}
