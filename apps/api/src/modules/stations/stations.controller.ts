import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommonException } from '../../common/errors';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { CURRENT_CONSENT_NOTICE } from './consent-notices';
import { RegisterMotherDto, ListStationMothersQueryDto, RegistrationResultDto, StationMotherDto } from './dto/registration.dto';
import { AssignWorkerDto, ConsentNoticeDto, CreateStationDto, ListStationsQueryDto, StationDto } from './dto/station.dto';
import { SubmitSurveyDto, SurveyAnswerDto, SurveyDto, TrainingNeedsDto, TrainingNeedsQueryDto } from './dto/survey.dto';
import { RegistrationsService } from './registrations.service';
import { StationsService } from './stations.service';
import { SurveyService } from './survey/survey.service';

const StationIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '驿站不存在') });

@ApiTags('stations')
@Controller()
export class StationsController {
  constructor(
    private readonly stations: StationsService,
    private readonly registrations: RegistrationsService,
    private readonly survey: SurveyService,
  ) {}

  @Post('official/stations')
  @Roles('official')
  @ApiOperation({ summary: 'Create a station in the official’s region' })
  @ApiOkResponse({ type: StationDto })
  create(@CurrentPrincipal() me: Principal, @Body() body: CreateStationDto): Promise<StationDto> {
    return this.stations.create(me, body);
  }

  @Post('official/stations/:id/workers')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Make a user a worker of the station (grants station_worker)' })
  @ApiOkResponse({ type: StationDto })
  assignWorker(@CurrentPrincipal() me: Principal, @Param('id', StationIdPipe) id: string, @Body() body: AssignWorkerDto): Promise<StationDto> {
    return this.stations.assignWorker(me, id, body);
  }

  @Get('stations')
  @Public()
  @ApiOperation({ summary: 'Stations, optionally of a region and the regions under it' })
  @ApiOkResponse({ type: [StationDto] })
  list(@Query() query: ListStationsQueryDto): Promise<StationDto[]> {
    return this.stations.list(query.regionCode);
  }

  @Get('stations/consent-notice')
  @Public()
  @ApiOperation({ summary: 'The current notice a mother reads before consenting to the processing of her sensitive data' })
  @ApiOkResponse({ type: ConsentNoticeDto })
  consentNotice(): ConsentNoticeDto {
    return { ...CURRENT_CONSENT_NOTICE };
  }

  @Get('stations/:id')
  @Public()
  @ApiOperation({ summary: 'A station (with its workers for its workers and the region’s officials)' })
  @ApiOkResponse({ type: StationDto })
  get(@OptionalPrincipal() me: Principal | null, @Param('id', StationIdPipe) id: string): Promise<StationDto> {
    return this.stations.get(me, id);
  }

  @Post('stations/:id/registrations')
  @Roles('station_worker')
  @RateLimit('registration')
  @ApiOperation({ summary: 'Register a mother at the desk (求职登记); an ID number already registered finds her record' })
  @ApiOkResponse({ type: RegistrationResultDto, description: '201 when created, 200 when her record was found' })
  async register(
    @CurrentPrincipal() me: Principal,
    @Param('id', StationIdPipe) id: string,
    @Body() body: RegisterMotherDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegistrationResultDto> {
    const result = await this.registrations.register(me, id, body);
    void reply.status(result.created ? 201 : 200);
    return result;
  }

  @Get('stations/:id/mothers')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Mothers registered in the station’s region (ID and phone masked)' })
  @ApiOkResponse({ type: [StationMotherDto] })
  mothers(@CurrentPrincipal() me: Principal, @Param('id', StationIdPipe) id: string, @Query() query: ListStationMothersQueryDto): Promise<StationMotherDto[]> {
    return this.registrations.list(me, id, query);
  }

  @Get('survey')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'The needs survey workers fill in now (versioned)' })
  @ApiOkResponse({ type: SurveyDto })
  currentSurvey(): Promise<SurveyDto> {
    return this.survey.current();
  }

  @Get('survey/training-needs')
  @Roles('station_worker', 'official')
  @ApiOperation({ summary: 'Training needs of a region’s surveyed mothers (latest answers)' })
  @ApiOkResponse({ type: TrainingNeedsDto })
  trainingNeeds(@CurrentPrincipal() me: Principal, @Query() query: TrainingNeedsQueryDto): Promise<TrainingNeedsDto> {
    return this.survey.trainingNeeds(me, query.regionCode);
  }

  @Post('mothers/:id/survey')
  @Roles('station_worker')
  @ApiOperation({ summary: 'Store her survey answers; they update her matching preferences' })
  @ApiOkResponse({ type: SurveyAnswerDto })
  submitSurvey(@CurrentPrincipal() me: Principal, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '没有找到这位妈妈的登记信息') })) id: string, @Body() body: SubmitSurveyDto): Promise<SurveyAnswerDto> {
    return this.survey.submit(me, id, body);
  }
}
