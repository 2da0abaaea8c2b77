import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors';
import { CurrentPrincipal, Roles, SignedIn } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { MotherProfileDto, PutMotherProfileDto } from './dto/mother.dto';
import { MothersService } from './mothers.service';

@ApiTags('mothers')
@Controller('mothers')
export class MothersController {
  constructor(private readonly mothers: MothersService) {}

  @Put('me')
  @SignedIn()
  @ApiOperation({ summary: 'Create or replace my mother profile; grants the mother role' })
  @ApiOkResponse({ type: MotherProfileDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'MOTHER_NOT_ELIGIBLE (no child under 12; reasons in details), MOTHER_CHILD_BIRTH_INVALID, MOTHER_WINDOWS_INVALID, MOTHER_REGION_UNKNOWN, MOTHER_LOCATION_INVALID, VALIDATION_FAILED',
  })
  putMine(@CurrentPrincipal() me: Principal, @Body() body: PutMotherProfileDto): Promise<MotherProfileDto> {
    return this.mothers.putMine(me, body);
  }

  @Get('me')
  @Roles('mother')
  @ApiOperation({ summary: 'My mother profile, with eligibility as of today' })
  @ApiOkResponse({ type: MotherProfileDto })
  getMine(@CurrentPrincipal() me: Principal): Promise<MotherProfileDto> {
    return this.mothers.getMine(me);
  }
}
