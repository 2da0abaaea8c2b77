import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles, SignedIn } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import {
  ApproveEmployerDto,
  DirectoryQueryDto,
  EmployerDto,
  EmployerPageDto,
  FileEmployerDto,
  FriendlyEmployerDto,
  OfficialEmployersQueryDto,
  PublicEmployerPageDto,
  RejectEmployerDto,
  UpdateEmployerDetailsDto,
  toEmployerDto,
  toPublicEmployerDto,
} from './dto/employer.dto';
import { EmployersService } from './employers.service';

/** An id that is not a UUID names nothing: 404, like an unknown one. */
export const EmployerIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '单位不存在') });

@ApiTags('employers')
@Controller()
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Post('employers')
  @SignedIn()
  @ApiOperation({ summary: 'File an employer (备案); the filer becomes its member. Duplicate code: 409 EMPLOYER_DUPLICATE' })
  @ApiCreatedResponse({ type: EmployerDto })
  async file(@CurrentPrincipal() me: Principal, @Body() body: FileEmployerDto): Promise<EmployerDto> {
    return toEmployerDto(await this.employers.file(me, body), 'member');
  }

  @Get('employers/mine')
  @Roles('employer_member')
  @ApiOperation({ summary: 'The employers I am a member of, with status and review reason' })
  @ApiOkResponse({ type: [EmployerDto] })
  async mine(@CurrentPrincipal() me: Principal): Promise<EmployerDto[]> {
    return (await this.employers.mine(me)).map((e) => toEmployerDto(e, 'member'));
  }

  @Put('employers/:id')
  @Roles('employer_member')
  @ApiOperation({ summary: 'Edit a pending or rejected filing and resubmit it (back to pending); an approved one: 409 EMPLOYER_NOT_EDITABLE' })
  @ApiOkResponse({ type: EmployerDto })
  async resubmit(@CurrentPrincipal() me: Principal, @Param('id', EmployerIdPipe) id: string, @Body() body: FileEmployerDto): Promise<EmployerDto> {
    return toEmployerDto(await this.employers.resubmit(me, id, body), 'member');
  }

  @Put('employers/:id/details')
  @Roles('employer_member')
  @ApiOperation({ summary: 'An approved employer updates its contact, address, location and facilities (no new review); not approved: 403 EMPLOYER_NOT_APPROVED' })
  @ApiOkResponse({ type: EmployerDto })
  async updateDetails(@CurrentPrincipal() me: Principal, @Param('id', EmployerIdPipe) id: string, @Body() body: UpdateEmployerDetailsDto): Promise<EmployerDto> {
    return toEmployerDto(await this.employers.updateDetails(me, id, body), 'member');
  }

  @Get('employers')
  @Public()
  @ApiOperation({ summary: 'The public directory of approved employers' })
  @ApiOkResponse({ type: PublicEmployerPageDto })
  async directory(@Query() query: DirectoryQueryDto): Promise<PublicEmployerPageDto> {
    const page = query.page ?? 1;
    const result = await this.employers.directory({ ...query, page });
    return { items: result.items.map(toPublicEmployerDto), total: result.total, page };
  }

  @Get('employers/:id')
  @Public()
  @ApiOperation({ summary: 'An employer: public view of an approved one; the whole filing (phone masked) for members and officials of its region' })
  @ApiOkResponse({ type: EmployerDto })
  async one(@OptionalPrincipal() viewer: Principal | null, @Param('id', EmployerIdPipe) id: string): Promise<EmployerDto> {
    const { employer, view } = await this.employers.view(viewer, id);
    return toEmployerDto(employer, view);
  }

  @Get('official/employers')
  @Roles('official')
  @ApiOperation({ summary: 'Filings in my regions (pending by default), oldest first' })
  @ApiOkResponse({ type: EmployerPageDto })
  async forOfficial(@CurrentPrincipal() me: Principal, @Query() query: OfficialEmployersQueryDto): Promise<EmployerPageDto> {
    const page = query.page ?? 1;
    const status = query.status ?? 'pending';
    const result = await this.employers.listForOfficial(me, status === 'all' ? undefined : status, page);
    return { items: result.items.map((e) => toEmployerDto(e, 'official')), total: result.total, page };
  }

  @Post('official/employers/:id/approve')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Approve a pending filing of my region; notifies the employer' })
  @ApiOkResponse({ type: EmployerDto })
  async approve(@CurrentPrincipal() me: Principal, @Param('id', EmployerIdPipe) id: string, @Body() body: ApproveEmployerDto): Promise<EmployerDto> {
    return toEmployerDto(await this.employers.approve(me, id, body.serviceOfficer), 'official');
  }

  @Post('official/employers/:id/reject')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Reject a pending filing of my region with a reason; notifies the employer' })
  @ApiOkResponse({ type: EmployerDto })
  async reject(@CurrentPrincipal() me: Principal, @Param('id', EmployerIdPipe) id: string, @Body() body: RejectEmployerDto): Promise<EmployerDto> {
    return toEmployerDto(await this.employers.reject(me, id, body.reason), 'official');
  }

  @Post('official/employers/:id/friendly')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Grant or revoke the friendly-employer mark (友好企业) of an approved employer of my region' })
  @ApiOkResponse({ type: EmployerDto })
  async friendly(@CurrentPrincipal() me: Principal, @Param('id', EmployerIdPipe) id: string, @Body() body: FriendlyEmployerDto): Promise<EmployerDto> {
    return toEmployerDto(await this.employers.setFriendly(me, id, body.friendly), 'official');
  }
}
