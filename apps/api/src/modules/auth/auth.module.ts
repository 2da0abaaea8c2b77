import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { WechatModule } from '../../common/wechat/wechat.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { NoopSmsSender, SmsSender } from './sms.sender';
import { TokenService } from './token.service';
import { HttpWechatClient, WechatClient } from './wechat.client';

@Module({
  imports: [UsersModule, WechatModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    { provide: WechatClient, useClass: HttpWechatClient },
    { provide: SmsSender, useClass: NoopSmsSender },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
