import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import {
  AgreementDto,
  ConsentDto,
  CreateListingDto,
  CreateProposalDto,
  EmployeeDto,
  EmployerQueryDto,
  ListingDto,
  MatchDto,
  ProposalDto,
} from './dto/sharing.dto';
import { SharingService } from './sharing.service';

const EmployerIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '单位不存在') });
const ListingIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '用工信息不存在') });
const ProposalIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '调剂方案不存在') });
const ConsentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '调剂征询不存在') });

@ApiTags('sharing')
@Controller()
export class SharingController {
  constructor(private readonly sharing: SharingService) {}

  @Post('employers/:employerId/sharing/listings')
  @Roles('employer_member')
  @ApiOperation({ summary: 'Offer surplus workers (side offer) or ask for workers (side request): number, period, skills' })
  @ApiCreatedResponse({ type: ListingDto })
  createListing(@CurrentPrincipal() me: Principal, @Param('employerId', EmployerIdPipe) employerId: string, @Body() body: CreateListingDto): Promise<ListingDto> {
    return this.sharing.createListing(me, employerId, body);
  }

  @Get('employers/:employerId/sharing/listings')
  @Roles('employer_member')
  @ApiOperation({ summary: 'My employer’s offers and requests, newest first' })
  @ApiOkResponse({ type: [ListingDto] })
  listings(@CurrentPrincipal() me: Principal, @Param('employerId', EmployerIdPipe) employerId: string): Promise<ListingDto[]> {
    return this.sharing.listings(me, employerId);
  }

  @Post('sharing/listings/:id/close')
  @HttpCode(200)
  @Roles('employer_member')
  @ApiOperation({ summary: 'Close an offer or request of my employer' })
  @ApiOkResponse({ type: ListingDto })
  close(@CurrentPrincipal() me: Principal, @Param('id', ListingIdPipe) id: string): Promise<ListingDto> {
    return this.sharing.closeListing(me, id);
  }

  @Get('sharing/matches')
  @Roles('employer_member')
  @ApiOperation({ summary: 'Offers and requests of the same city matching mine by period, skills and distance, best first (both sides see them)' })
  @ApiOkResponse({ type: [MatchDto] })
  matches(@CurrentPrincipal() me: Principal, @Query() query: EmployerQueryDto): Promise<MatchDto[]> {
    return this.sharing.matches(me, query.employerId);
  }

  @Get('employers/:employerId/sharing/employees')
  @Roles('employer_member')
  @ApiOperation({ summary: 'My employer’s current employees (mothers with a hire here) and their terms, to name in a proposal' })
  @ApiOkResponse({ type: [EmployeeDto] })
  employees(@CurrentPrincipal() me: Principal, @Param('employerId', EmployerIdPipe) employerId: string): Promise<EmployeeDto[]> {
    return this.sharing.employees(me, employerId);
  }

  @Post('sharing/proposals')
  @Roles('employer_member')
  @ApiOperation({ summary: 'Propose a match (the offering employer): its employees, and terms no worse than each one’s; each is asked herself' })
  @ApiCreatedResponse({ type: ProposalDto })
  propose(@CurrentPrincipal() me: Principal, @Body() body: CreateProposalDto): Promise<ProposalDto> {
    return this.sharing.propose(me, body);
  }

  @Get('sharing/proposals')
  @Roles('employer_member')
  @ApiOperation({ summary: 'Proposals my employer made or received, with each mother’s answer' })
  @ApiOkResponse({ type: [ProposalDto] })
  proposals(@CurrentPrincipal() me: Principal, @Query() query: EmployerQueryDto): Promise<ProposalDto[]> {
    return this.sharing.proposals(me, query.employerId);
  }

  @Post('sharing/proposals/:id/accept')
  @HttpCode(200)
  @Roles('employer_member')
  @ApiOperation({ summary: 'Accept a proposal (the requesting employer): agreements are recorded for the mothers who said yes' })
  @ApiOkResponse({ type: ProposalDto })
  accept(@CurrentPrincipal() me: Principal, @Param('id', ProposalIdPipe) id: string): Promise<ProposalDto> {
    return this.sharing.decideProposal(me, id, true);
  }

  @Post('sharing/proposals/:id/decline')
  @HttpCode(200)
  @Roles('employer_member')
  @ApiOperation({ summary: 'Decline a proposal (the requesting employer)' })
  @ApiOkResponse({ type: ProposalDto })
  decline(@CurrentPrincipal() me: Principal, @Param('id', ProposalIdPipe) id: string): Promise<ProposalDto> {
    return this.sharing.decideProposal(me, id, false);
  }

  @Get('sharing/consents/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'Sharing proposals that name me, with my terms now and during the sharing' })
  @ApiOkResponse({ type: [ConsentDto] })
  myConsents(@CurrentPrincipal() me: Principal): Promise<ConsentDto[]> {
    return this.sharing.myConsents(me);
  }

  @Post('sharing/consents/:id/accept')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'I agree to be shared under this proposal (only I can)' })
  @ApiOkResponse({ type: ConsentDto })
  consent(@CurrentPrincipal() me: Principal, @Param('id', ConsentIdPipe) id: string): Promise<ConsentDto> {
    return this.sharing.decideConsent(me, id, true);
  }

  @Post('sharing/consents/:id/decline')
  @HttpCode(200)
  @Roles('mother')
  @ApiOperation({ summary: 'I decline: I am not shared under this proposal' })
  @ApiOkResponse({ type: ConsentDto })
  refuse(@CurrentPrincipal() me: Principal, @Param('id', ConsentIdPipe) id: string): Promise<ConsentDto> {
    return this.sharing.decideConsent(me, id, false);
  }

  @Get('sharing/agreements')
  @Roles('employer_member')
  @ApiOperation({ summary: 'Sharing agreements of my employer (lending or borrowing)' })
  @ApiOkResponse({ type: [AgreementDto] })
  agreements(@CurrentPrincipal() me: Principal, @Query() query: EmployerQueryDto): Promise<AgreementDto[]> {
    return this.sharing.agreements(me, query.employerId);
  }

  @Get('sharing/agreements/mine')
  @Roles('mother')
  @ApiOperation({ summary: 'The sharing agreements about me' })
  @ApiOkResponse({ type: [AgreementDto] })
  myAgreements(@CurrentPrincipal() me: Principal): Promise<AgreementDto[]> {
    return this.sharing.myAgreements(me);
  }
}
