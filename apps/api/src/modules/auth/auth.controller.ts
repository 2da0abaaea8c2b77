import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import type { Principal } from '../users/principal';
import { UsersRepository } from '../users/users.repository';
import { CurrentPrincipal, Public, SignedIn } from './access.decorators';
import { AuthService, type Session } from './auth.service';
import {
  DemoUserDto,
  DevSignInDto,
  MeDto,
  PhoneBoundDto,
  PhoneCodeSentDto,
  SendPhoneCodeDto,
  SessionDto,
  VerifyPhoneCodeDto,
  WechatPhoneDto,
  WechatSignInDto,
} from './dto/auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
  ) {}

  @Post('auth/wechat')
  @HttpCode(200)
  @Public()
  @RateLimit('sign_in')
  @ApiOperation({ summary: 'Sign in with a wx.login code' })
  @ApiOkResponse({ type: SessionDto })
  async wechat(@Body() body: WechatSignInDto): Promise<SessionDto> {
    return toSessionDto(await this.auth.signInWithWechat(body.code));
  }

  @Get('auth/dev/users')
  @Public()
  @ApiOperation({ summary: 'Demo users for the development sign-in (404 unless DEV_LOGIN is on)' })
  @ApiOkResponse({ type: [DemoUserDto] })
  devUsers(): Promise<DemoUserDto[]> {
    return this.auth.listDemoUsers();
  }

  @Post('auth/dev')
  @HttpCode(200)
  @Public()
  @RateLimit('sign_in')
  @ApiOperation({ summary: 'Development sign-in as a demo user (404 unless DEV_LOGIN is on; never in production)' })
  @ApiOkResponse({ type: SessionDto })
  async dev(@Body() body: DevSignInDto): Promise<SessionDto> {
    return toSessionDto(await this.auth.signInAsDemoUser(body.demoKey));
  }

  @Post('auth/phone/wechat')
  @HttpCode(200)
  @SignedIn()
  @RateLimit('phone_bind')
  @ApiOperation({ summary: "Bind the phone from WeChat's phone-number button" })
  @ApiOkResponse({ type: PhoneBoundDto })
  bindWechatPhone(@CurrentPrincipal() me: Principal, @Body() body: WechatPhoneDto): Promise<PhoneBoundDto> {
    return this.auth.bindPhoneWithWechat(me, body.code);
  }

  @Post('auth/phone/code')
  @HttpCode(200)
  @SignedIn()
  @RateLimit('phone_code')
  @ApiOperation({ summary: 'Send a binding code to a phone (H5)' })
  @ApiOkResponse({ type: PhoneCodeSentDto })
  sendCode(@CurrentPrincipal() me: Principal, @Body() body: SendPhoneCodeDto): Promise<PhoneCodeSentDto> {
    return this.auth.sendPhoneCode(me, body.phone);
  }

  @Post('auth/phone/verify')
  @HttpCode(200)
  @SignedIn()
  @RateLimit('phone_bind')
  @ApiOperation({ summary: 'Bind the phone with the code sent to it (H5)' })
  @ApiOkResponse({ type: PhoneBoundDto })
  verifyCode(@CurrentPrincipal() me: Principal, @Body() body: VerifyPhoneCodeDto): Promise<PhoneBoundDto> {
    return this.auth.verifyPhoneCode(me, body.phone, body.code);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'Who I am and which roles I hold' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentPrincipal() me: Principal): Promise<MeDto> {
    const user = await this.users.findById(me.userId);
    return {
      userId: me.userId,
      displayName: me.displayName,
      phoneMasked: user?.phoneMasked ?? null,
      motherId: me.motherId,
      roles: me.grants.map((g) => ({ role: g.role, employerId: g.employerId, stationId: g.stationId, regionCode: g.regionCode })),
    };
  }
}

function toSessionDto(s: Session): SessionDto {
  return { token: s.token, expiresAt: s.expiresAt.toISOString(), userId: s.userId };
}
