import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommonException } from '../../common/errors';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { ApplicationsService } from './applications.service';
import { ApplicationDto, ApplyDto, EmployerApplicationDto, EmployerApplicationsQueryDto, HireDto, HireResponseDto, RejectDto } from './dto/applications.dto';

/** A malformed id names nothing: the same 404 as an id of someone else's object. */
const id = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', `${what}不存在`) });

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('posts/:id/applications')
  @Roles('mother')
  @RateLimit('apply')
  @ApiOperation({ summary: 'Apply to a post (201 the first time, 200 with the same application for any repeat)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8-100 visible ASCII characters; a retry with the same key answers the same application' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiOkResponse({ type: ApplicationDto, description: 'A repeat: she had already applied' })
  async apply(
    @CurrentPrincipal() me: Principal,
    @Param('id', id('岗位')) postId: string,
    @Body() body: ApplyDto,
    @Headers('idempotency-key') rawKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationDto> {
    const idempotencyKey = parseIdempotencyKey(rawKey);
    const { application, created } = await this.applications.apply(me, postId, { source: body?.source, fairId: body?.fairId, livestreamId: body?.livestreamId, idempotencyKey });
    void reply.status(created ? 201 : 200);
    return application;
  }

  @Get('applications/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'My applications, newest first, each with its post' })
  @ApiOkResponse({ type: [ApplicationDto] })
  mine(@CurrentPrincipal() me: Principal): Promise<ApplicationDto[]> {
    return this.applications.listMine(me);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'Withdraw my application (applying again reopens it)' })
  @ApiOkResponse({ type: ApplicationDto })
  withdraw(@CurrentPrincipal() me: Principal, @Param('id', id('申请')) applicationId: string): Promise<ApplicationDto> {
    return this.applications.withdraw(me, applicationId);
  }

  @Get('employers/:employerId/applications')
  @Roles('employer_member')
  @ApiOperation({ summary: "Applicants to my employer's posts: name masked, phone masked until accepted" })
  @ApiOkResponse({ type: [EmployerApplicationDto] })
  applicants(
    @CurrentPrincipal() me: Principal,
    @Param('employerId', id('单位')) employerId: string,
    @Query() query: EmployerApplicationsQueryDto,
  ): Promise<EmployerApplicationDto[]> {
    return this.applications.listApplicants(me, employerId, { postId: query.postId, status: query.status });
  }

  @Post('applications/:id/accept')
  @HttpCode(200)
  @Roles('employer_member')
  @ApiOperation({ summary: 'Accept an applicant: her phone is revealed to the employer' })
  @ApiOkResponse({ type: EmployerApplicationDto })
  accept(@CurrentPrincipal() me: Principal, @Param('id', id('申请')) applicationId: string): Promise<EmployerApplicationDto> {
    return this.applications.accept(me, applicationId);
  }

  @Post('applications/:id/reject')
  @HttpCode(200)
  @Roles('employer_member')
  @ApiOperation({ summary: 'Decline an applicant, with a reason she will read' })
  @ApiOkResponse({ type: EmployerApplicationDto })
  reject(@CurrentPrincipal() me: Principal, @Param('id', id('申请')) applicationId: string, @Body() body: RejectDto): Promise<EmployerApplicationDto> {
    return this.applications.reject(me, applicationId, body.reason);
  }

  @Post('applications/:id/hire')
  @Roles('employer_member')
  @ApiOperation({ summary: 'Report the hire of an accepted applicant: fills a place, closes the post when full' })
  @ApiCreatedResponse({ type: HireResponseDto })
  hire(@CurrentPrincipal() me: Principal, @Param('id', id('申请')) applicationId: string, @Body() body: HireDto): Promise<HireResponseDto> {
    return this.applications.hire(me, applicationId, {
      startDate: body.startDate,
      contractForm: body.contractForm,
      contractMonths: body.contractMonths,
      socialInsurance: body.socialInsurance,
    });
  }

  @Get('employers/:employerId/hires')
  @Roles('employer_member')
  @ApiOperation({ summary: "My employer's reported hires, newest first" })
  @ApiOkResponse({ type: [HireResponseDto] })
  hires(@CurrentPrincipal() me: Principal, @Param('employerId', id('单位')) employerId: string): Promise<HireResponseDto[]> {
    return this.applications.listHires(me, employerId);
  }
}

function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(raw)) {
    throw new CommonException('VALIDATION_FAILED', undefined, {
      details: [{ field: 'Idempotency-Key', rule: 'matches', message: '请求编号应为8至100位字母、数字或符号' }],
    });
  }
  return raw;
}
