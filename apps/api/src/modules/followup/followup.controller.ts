import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, Roles, SignedIn } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import {
  CompletionDto,
  CourseRefDto,
  HiredElsewhereDto,
  LedgerQueryDto,
  PlanDto,
  PolicyConsultationDto,
  RecommendationDto,
  RecordServiceDto,
  ServiceRecordDto,
  WorklistDto,
  WorklistQueryDto,
} from './dto/followup.dto';
import { FollowUpService } from './followup.service';
import { LedgerService } from './ledger.service';

const MotherIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '没有找到这位妈妈的登记信息') });
const StationIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '驿站不存在') });

@ApiTags('followup')
@Controller()
export class FollowUpController {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly ledger: LedgerService,
  ) {}

  @Get('mothers/me/plan')
  @Roles('mother')
  @ApiOperation({ summary: 'Her own 12333 plan and its history' })
  @ApiOkResponse({ type: PlanDto })
  myPlan(@CurrentPrincipal() me: Principal): Promise<PlanDto> {
    return this.followUp.myPlan(me);
  }

  @Get('mothers/:id/plan')
  @SignedIn()
  @ApiOperation({ summary: 'A mother’s 12333 plan (workers and officials of her region, or herself)' })
  @ApiOkResponse({ type: PlanDto })
  plan(@CurrentPrincipal() me: Principal, @Param('id', MotherIdPipe) id: string): Promise<PlanDto> {
    return this.followUp.plan(me, id);
  }

  @Post('mothers/:id/services')
  @Roles('station_worker')
  @ApiOperation({ summary: 'Record a 12333 service given to her' })
  @ApiOkResponse({ type: ServiceRecordDto })
  recordService(@CurrentPrincipal() me: Principal, @Param('id', MotherIdPipe) id: string, @Body() body: RecordServiceDto): Promise<ServiceRecordDto> {
    return this.followUp.recordService(me, id, body);
  }

  @Get('mothers/:id/recommendations')
  @Roles('station_worker')
  @ApiOperation({ summary: 'Her best current posts, from matching' })
  @ApiOkResponse({ type: [RecommendationDto] })
  recommendations(@CurrentPrincipal() me: Principal, @Param('id', MotherIdPipe) id: string): Promise<RecommendationDto[]> {
    return this.followUp.recommendations(me, id);
  }

  @Get('mothers/:id/courses')
  @Roles('station_worker')
  @ApiOperation({ summary: 'Open courses of her city (and online ones), soonest first: what a training notice can name' })
  @ApiOkResponse({ type: [CourseRefDto] })
  courses(@CurrentPrincipal() me: Principal, @Param('id', MotherIdPipe) id: string): Promise<CourseRefDto[]> {
    return this.followUp.courses(me, id);
  }

  @Post('mothers/:id/recommendations/resume')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Keep sending her job recommendations after a hire (she asked)' })
  @ApiOkResponse({ type: PlanDto })
  resume(@CurrentPrincipal() me: Principal, @Param('id', MotherIdPipe) id: string): Promise<PlanDto> {
    return this.followUp.resumeRecommendations(me, id);
  }

  @Get('mothers/:id/policies')
  @SignedIn()
  @ApiOperation({ summary: 'What she qualifies for under her region’s policy in force (policy consultation)' })
  @ApiOkResponse({ type: PolicyConsultationDto })
  policies(@CurrentPrincipal() me: Principal, @Param('id', MotherIdPipe) id: string): Promise<PolicyConsultationDto> {
    return this.followUp.policies(me, id);
  }

  @Post('mothers/:id/hired-elsewhere')
  @HttpCode(200)
  @Roles('station_worker')
  @ApiOperation({ summary: 'Record work she found outside the platform; stops recommendations unless she asks' })
  @ApiOkResponse({ type: PlanDto })
  hiredElsewhere(@CurrentPrincipal() me: Principal, @Param('id', MotherIdPipe) id: string, @Body() body: HiredElsewhereDto): Promise<PlanDto> {
    return this.followUp.hiredElsewhere(me, id, body);
  }

  @Get('worklist')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Items due this week, overdue or done: for a worker, a station or a region' })
  @ApiOkResponse({ type: WorklistDto })
  worklist(@CurrentPrincipal() me: Principal, @Query() query: WorklistQueryDto): Promise<WorklistDto> {
    return this.followUp.worklist(me, query);
  }

  @Get('stations/:id/completion')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Completion of the 2/3/3/3 quota at a station' })
  @ApiOkResponse({ type: CompletionDto })
  completion(@CurrentPrincipal() me: Principal, @Param('id', StationIdPipe) id: string): Promise<CompletionDto> {
    return this.followUp.completion(me, id);
  }

  @Get('stations/:id/ledger.xlsx')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'The station’s monthly ledger (台账) of registrations and services, ID numbers masked' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async ledgerXlsx(
    @CurrentPrincipal() me: Principal,
    @Param('id', StationIdPipe) id: string,
    @Query() query: LedgerQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { filename, body } = await this.ledger.stationLedger(me, id, query.month);
    void reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    void reply.header('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
