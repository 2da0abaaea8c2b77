import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommonException } from '../../common/errors';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { FlagDto, FlagPageDto, FlagsQueryDto, ResolveFlagDto, ScanDto, ScanSummaryDto, toFlagDto, toScanSummaryDto } from './dto/fraud.dto';
import { FraudService } from './fraud.service';

const FlagIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new CommonException('NOT_FOUND', '核查提示不存在') });

@ApiTags('fraud')
@Controller('official/fraud')
export class FraudController {
  constructor(private readonly fraud: FraudService) {}

  @Post('scan')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Run the fraud rules on my region(s) now (they also run daily); scanning again refreshes flags, never duplicates them' })
  @ApiOkResponse({ type: ScanSummaryDto })
  async scan(@CurrentPrincipal() me: Principal, @Body() body: ScanDto): Promise<ScanSummaryDto> {
    return toScanSummaryDto(await this.fraud.scanFor(me, body.regionCode));
  }

  @Get('flags')
  @Roles('official')
  @ApiOperation({ summary: 'Flags of my regions (open by default), most recently seen first' })
  @ApiOkResponse({ type: FlagPageDto })
  async list(@CurrentPrincipal() me: Principal, @Query() query: FlagsQueryDto): Promise<FlagPageDto> {
    const page = query.page ?? 1;
    const status = query.status ?? 'open';
    const result = await this.fraud.list(me, status === 'all' ? null : status, query.rule ?? null, page);
    return { items: result.items.map(toFlagDto), total: result.total, page };
  }

  @Get('flags/:id')
  @Roles('official')
  @ApiOperation({ summary: 'One flag' })
  @ApiOkResponse({ type: FlagDto })
  async one(@CurrentPrincipal() me: Principal, @Param('id', FlagIdPipe) id: string): Promise<FlagDto> {
    return toFlagDto(await this.fraud.get(me, id));
  }

  @Post('flags/:id/resolve')
  @HttpCode(200)
  @Roles('official')
  @ApiOperation({ summary: 'Record the conclusion (confirmed or dismissed) with a note; nothing else changes' })
  @ApiOkResponse({ type: FlagDto })
  async resolve(@CurrentPrincipal() me: Principal, @Param('id', FlagIdPipe) id: string, @Body() body: ResolveFlagDto): Promise<FlagDto> {
    return toFlagDto(await this.fraud.resolve(me, id, body.outcome, body.note));
  }
}
