import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../common/errors';
import { CurrentPrincipal, Roles, SignedIn } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { AccessLogQueryDto, AccountDeletedDto, DeleteAccountDto, OfficialAccessLogDto, PersonalDataDto } from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('me/data')
  @SignedIn()
  @ApiOperation({ summary: 'Everything the platform holds about me, readable, with who viewed it (phone in full, ID masked)' })
  @ApiOkResponse({ type: PersonalDataDto })
  myData(@CurrentPrincipal() me: Principal): Promise<PersonalDataDto> {
    return this.privacy.myData(me);
  }

  @Get('me/data/export')
  @SignedIn()
  @ApiOperation({ summary: 'The same as GET /me/data, as a JSON file to download' })
  @ApiProduces('application/json')
  @ApiOkResponse({ type: PersonalDataDto })
  async export(@CurrentPrincipal() me: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const data = await this.privacy.myData(me);
    void reply.header('content-type', 'application/json; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="mamagang-my-data-${data.generatedAt.slice(0, 10)}.json"`);
    void reply.header('cache-control', 'no-store');
    return JSON.stringify(data, null, 2);
  }

  @Post('me/delete')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Close my account: deletes my personal data, keeps what a law requires anonymised; sign-in stops working' })
  @ApiOkResponse({ type: AccountDeletedDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'PRIVACY_CONFIRMATION_REQUIRED (confirm must be 确认注销), VALIDATION_FAILED' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PRIVACY_STAFF_ACCOUNT: accounts holding staff or employer roles are closed by their organisation' })
  deleteMe(@CurrentPrincipal() me: Principal, @Body() body: DeleteAccountDto): Promise<AccountDeletedDto> {
    return this.privacy.deleteAccount(me, body.confirm);
  }

  @Get('official/access-log')
  @Roles('official')
  @ApiOperation({ summary: 'Who viewed personal data of mothers in my region (or of one mother), newest first' })
  @ApiOkResponse({ type: OfficialAccessLogDto })
  accessLog(@CurrentPrincipal() me: Principal, @Query() query: AccessLogQueryDto): Promise<OfficialAccessLogDto> {
    return this.privacy.officialAccessLog(me, query);
  }
}
