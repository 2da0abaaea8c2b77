import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { isOfficialFor, officialRegionsOf, type Principal } from '../users/principal';
import { ClaimsService, type MotherClaimInput } from './claims.service';
import {
  ApproveClaimDto,
  ClaimCheckDto,
  ClaimDetailDto,
  ClaimDto,
  ClaimInputDto,
  ClaimListQueryDto,
  ClaimPageDto,
  EndHireDto,
  HireEndingDto,
  MotherClaimInputDto,
  OfficialClaimsQueryDto,
  ProposalSummaryDto,
  ProposeDto,
  RejectClaimDto,
  toClaimCheckDto,
  toClaimDetailDto,
  toClaimDto,
} from './dto/claims.dto';

/** A malformed id names nothing: 404, like an unknown one. */
const id = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', `${what}不存在`) });

@ApiTags('claims')
@Controller()
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly clock: Clock,
  ) {}

  @Post('employers/:employerId/claims/check')
  @HttpCode(200)
  @Roles('employer_member')
  @ApiOperation({ summary: 'Check a claim against the rules without filing it: every rule with its reason, the amount and the period' })
  @ApiOkResponse({ type: ClaimCheckDto })
  async check(@CurrentPrincipal() me: Principal, @Param('employerId', id('单位')) employerId: string, @Body() body: ClaimInputDto): Promise<ClaimCheckDto> {
    const checked = await this.claims.preview(me, employerId, body);
    return toClaimCheckDto(checked.result, checked.policyVersionId);
  }

  @Post('employers/:employerId/claims')
  @Roles('employer_member')
  @ApiOperation({ summary: 'File a claim for a reported hire. Fails the rules: 422 CLAIM_RULES_FAILED with one detail per failed rule; nothing is written' })
  @ApiCreatedResponse({ type: ClaimDetailDto })
  async file(@CurrentPrincipal() me: Principal, @Param('employerId', id('单位')) employerId: string, @Body() body: ClaimInputDto): Promise<ClaimDetailDto> {
    return toClaimDetailDto(await this.claims.file(me, employerId, body));
  }

  @Get('employers/:employerId/claims')
  @Roles('employer_member')
  @ApiOperation({ summary: 'The employer’s claims (its own and those 免申即享 put forward), newest first' })
  @ApiOkResponse({ type: [ClaimDto] })
  async list(@CurrentPrincipal() me: Principal, @Param('employerId', id('单位')) employerId: string, @Query() query: ClaimListQueryDto): Promise<ClaimDto[]> {
    return (await this.claims.listForEmployer(me, employerId, query.status ?? null)).map(toClaimDto);
  }

  @Post('employers/:employerId/hires/:hireId/end')
  @HttpCode(200)
  @Roles('employer_member')
  @ApiOperation({ summary: 'Report that an employment ended (离职); recorded once' })
  @ApiOkResponse({ type: HireEndingDto })
  endHire(
    @CurrentPrincipal() me: Principal,
    @Param('employerId', id('单位')) employerId: string,
    @Param('hireId', id('录用记录')) hireId: string,
    @Body() body: EndHireDto,
  ): Promise<HireEndingDto> {
    return this.claims.endHire(me, employerId, hireId, body.endedOn, body.reason);
  }

  @Post('claims/mine/check')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'Check her own flexible-employment social-insurance claim against the rules without filing it' })
  @ApiOkResponse({ type: ClaimCheckDto })
  async checkMine(@CurrentPrincipal() me: Principal, @Body() body: MotherClaimInputDto): Promise<ClaimCheckDto> {
    const checked = await this.claims.previewMine(me, motherInput(body));
    return toClaimCheckDto(checked.result, checked.policyVersionId);
  }

  @Post('claims/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'File her own flexible-employment social-insurance claim. Fails the rules: 422 CLAIM_RULES_FAILED; nothing is written' })
  @ApiCreatedResponse({ type: ClaimDetailDto })
  async fileMine(@CurrentPrincipal() me: Principal, @Body() body: MotherClaimInputDto): Promise<ClaimDetailDto> {
    return toClaimDetailDto(await this.claims.fileMine(me, motherInput(body)));
  }

  @Get('claims/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'Every claim naming her (her own, her employers’, 免申即享), newest first' })
  @ApiOkResponse({ type: [ClaimDto] })
  async listMine(@CurrentPrincipal() me: Principal): Promise<ClaimDto[]> {
    return (await this.claims.listMine(me)).map(toClaimDto);
  }

  @Get('claims/:id')
  @Roles('employer_member', 'official', 'mother')
  @ApiOperation({ summary: 'A claim with its decision log (the mother it names, members of its employer unless it is her own claim, officials of its region; officials also see open fraud flags)' })
  @ApiOkResponse({ type: ClaimDetailDto })
  async one(@CurrentPrincipal() me: Principal, @Param('id', id('补贴申请')) claimId: string): Promise<ClaimDetailDto> {
    return toClaimDetailDto(await this.claims.get(me, claimId));
  }

  @Get('official/claims')
  @Roles('official')
  @ApiOperation({ summary: 'Claims of my regions, oldest first (20 a page): the review queue' })
  @ApiOkResponse({ type: ClaimPageDto })
  async queue(@CurrentPrincipal() me: Principal, @Query() query: OfficialClaimsQueryDto): Promise<ClaimPageDto> {
    const page = query.page ?? 1;
    const result = await this.claims.listForOfficial(me, query.status ?? null, page);
    return { items: result.items.map(toClaimDto), total: result.total, page };
  }

  @Post('official/claims/:id/approve')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Approve (rules checked again; failing: 422 CLAIM_RULES_FAILED); logged, employer and mother told' })
  @ApiOkResponse({ type: ClaimDetailDto })
  async approve(@CurrentPrincipal() me: Principal, @Param('id', id('补贴申请')) claimId: string, @Body() body: ApproveClaimDto): Promise<ClaimDetailDto> {
    return toClaimDetailDto(await this.claims.approve(me, claimId, body.reason?.trim() || null));
  }

  @Post('official/claims/:id/reject')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Reject with a reason; logged, employer told' })
  @ApiOkResponse({ type: ClaimDetailDto })
  async reject(@CurrentPrincipal() me: Principal, @Param('id', id('补贴申请')) claimId: string, @Body() body: RejectClaimDto): Promise<ClaimDetailDto> {
    return toClaimDetailDto(await this.claims.reject(me, claimId, body.reason.trim()));
  }

  @Post('official/claims/propose')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: '免申即享 now for my region(s) (it also runs daily by itself): proposes claims for qualifying hires' })
  @ApiOkResponse({ type: ProposalSummaryDto })
  async propose(@CurrentPrincipal() me: Principal, @Body() body: ProposeDto): Promise<ProposalSummaryDto> {
    const regions = body.regionCode ? [body.regionCode] : officialRegionsOf(me);
    if (body.regionCode && !isOfficialFor(me, body.regionCode)) throw new CommonException('FORBIDDEN', '只能处理本人负责地区的补贴');
    const total: ProposalSummaryDto = { examined: 0, proposed: 0, needsData: 0 };
    for (const regionCode of regions) {
      const r = await this.claims.proposeEligible(this.clock.now(), { regionCode });
      total.examined += r.examined;
      total.proposed += r.proposed;
      total.needsData += r.needsData;
    }
    return total;
  }
}

/** 'YYYY-MM' names the month; the service works on its first day. */
function motherInput(body: MotherClaimInputDto): MotherClaimInput {
  return {
    hireId: body.hireId,
    flexibleEmploymentRegisteredOn: body.flexibleEmploymentRegisteredOn,
    selfPaidInsuranceMonths: body.selfPaidInsuranceMonths,
    ...(body.periodFrom ? { periodFrom: `${body.periodFrom}-01` } : {}),
  };
}
