import { isoDateInChina } from '@mamagang/domain';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, Public, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import {
  CreateMinimumWageDto,
  CreatePolicyVersionDto,
  EmployerPolicyCentreDto,
  MinimumWageDto,
  MotherPolicyCentreDto,
  PolicyDto,
  PolicyHistoryQueryDto,
  PolicyVersionDto,
  contractLabel,
  toClaimBriefDto,
  toMinimumWageDto,
  toPolicyDto,
  toPolicyVersionDto,
  toSubsidyItemDto,
} from './dto/policies.dto';
import { PoliciesService } from './policies.service';
import { PolicyDataService } from './policy-data.service';

const IdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '单位不存在') });

export class CurrentPolicyDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() on!: string;
  @ApiProperty({ nullable: true, type: String }) policyVersionId!: string | null;
  @ApiProperty({ type: PolicyDto, nullable: true }) policy!: PolicyDto | null;
  @ApiProperty({ type: MinimumWageDto, nullable: true }) minimumWage!: MinimumWageDto | null;
}

@ApiTags('policies')
@Controller()
export class PoliciesController {
  constructor(
    private readonly centre: PoliciesService,
    private readonly policyData: PolicyDataService,
    private readonly clock: Clock,
  ) {}

  @Get('policies/current')
  @Public()
  @ApiOperation({ summary: 'The policy and minimum wage in force today in a region (a district falls back to its city)' })
  @ApiOkResponse({ type: CurrentPolicyDto })
  async current(@Query() query: PolicyHistoryQueryDto): Promise<CurrentPolicyDto> {
    const on = isoDateInChina(this.clock.now());
    const policy = await this.policyData.inForce(query.regionCode, on);
    const wage = await this.policyData.minimumWage(query.regionCode, on);
    return {
      regionCode: query.regionCode,
      on,
      policyVersionId: policy?.versionId ?? null,
      policy: policy ? toPolicyDto(policy.policy) : null,
      minimumWage: wage ? toMinimumWageDto(wage) : null,
    };
  }

  @Get('policies/me')
  @Roles('mother')
  @ApiOperation({ summary: 'Policy centre for a mother: what she qualifies for in her region today, why, what is missing, how much' })
  @ApiOkResponse({ type: MotherPolicyCentreDto })
  async mine(@CurrentPrincipal() me: Principal): Promise<MotherPolicyCentreDto> {
    const c = await this.centre.forMother(me);
    return {
      on: c.on,
      regionCode: c.regionCode,
      regionName: c.regionName,
      policy: c.policy,
      summary: c.summary,
      eligibility: c.eligibility,
      items: c.items.map(toSubsidyItemDto),
      total: c.total,
      claims: c.claims.map(toClaimBriefDto),
      hires: c.hires.map(({ hire, employerName }) => ({
        hireId: hire.id,
        employerName,
        postTitle: hire.postTitle,
        startDate: hire.startDate,
        contractForm: hire.contractForm,
        contractLabel: contractLabel(hire.contractForm),
        contractMonths: hire.contractMonths,
        endedOn: hire.endedOn,
      })),
    };
  }

  @Get('policies/employers/:id')
  @Roles('employer_member', 'official')
  @ApiOperation({ summary: 'Policy centre for an employer (its members, officials of its region): per hire and for a typical hire' })
  @ApiOkResponse({ type: EmployerPolicyCentreDto })
  async employer(@CurrentPrincipal() me: Principal, @Param('id', IdPipe) id: string): Promise<EmployerPolicyCentreDto> {
    const c = await this.centre.forEmployer(me, id);
    return {
      on: c.on,
      employerId: c.employer.id,
      employerName: c.employer.name,
      regionCode: c.employer.regionCode,
      regionName: c.regionName,
      policy: c.policy,
      summary: c.summary,
      employer: { approved: c.employer.status === 'approved', isLabourDispatch: c.employer.isLabourDispatch },
      general: { assumption: c.general.assumption, items: c.general.items.map(toSubsidyItemDto), total: c.general.total },
      hires: c.hires.map((h) => ({
        hireId: h.hire.id,
        motherName: PoliciesService.motherNameFor(h.hire),
        postTitle: h.hire.postTitle,
        startDate: h.hire.startDate,
        contractForm: h.hire.contractForm,
        contractLabel: contractLabel(h.hire.contractForm),
        contractMonths: h.hire.contractMonths,
        socialInsurance: h.hire.socialInsurance,
        endedOn: h.hire.endedOn,
        policy: h.policy,
        items: h.items.map(toSubsidyItemDto),
        total: h.total,
        claims: h.claims.map(toClaimBriefDto),
      })),
      total: c.total,
    };
  }

  @Get('official/policies')
  @Roles('official')
  @ApiOperation({ summary: 'Every version of the policy data that applies to a region of mine (its own and its city’s/province’s), oldest first' })
  @ApiOkResponse({ type: [PolicyVersionDto] })
  async history(@CurrentPrincipal() me: Principal, @Query() query: PolicyHistoryQueryDto): Promise<PolicyVersionDto[]> {
    return (await this.policyData.history(me, query.regionCode)).map(toPolicyVersionDto);
  }

  @Post('official/policies')
  @Roles('official')
  @ApiOperation({ summary: 'Record a new version of a region’s policy, in force from its date; never changes a decision already made' })
  @ApiCreatedResponse({ type: PolicyVersionDto })
  async addPolicy(@CurrentPrincipal() me: Principal, @Body() body: CreatePolicyVersionDto): Promise<PolicyVersionDto> {
    return toPolicyVersionDto(await this.policyData.addPolicy(me, { ...body, rules: body.rules.map((r) => ({ ...r })) }));
  }

  @Post('official/minimum-wages')
  @Roles('official')
  @ApiOperation({ summary: 'Record a new minimum wage for a region, in force from its date' })
  @ApiCreatedResponse({ type: PolicyVersionDto })
  async addMinimumWage(@CurrentPrincipal() me: Principal, @Body() body: CreateMinimumWageDto): Promise<PolicyVersionDto> {
    return toPolicyVersionDto(await this.policyData.addMinimumWage(me, body));
  }
}
