import { Module } from '@nestjs/common';
import { WechatAccessToken } from './wechat-access-token';

/**
 * WeChat's server API credentials. Imported by every module that calls WeChat with an access
 * token (sign-in's phone numbers, subscribe messages): one module instance, so one token.
 */
@Module({
  providers: [WechatAccessToken],
  exports: [WechatAccessToken],
})
export class WechatModule {}
