import { Module } from '@nestjs/common';
import { WechatModule } from '../../../common/wechat/wechat.module';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxRepository } from './outbox.repository';
import { SubscribeMessageSender, WechatSubscribeMessageSender } from './subscribe-message.sender';

/** Pushes the outbox to WeChat subscribe messages (when WeChat and templates are configured). */
@Module({
  imports: [WechatModule],
  providers: [OutboxRepository, OutboxDispatcher, { provide: SubscribeMessageSender, useClass: WechatSubscribeMessageSender }],
  exports: [OutboxDispatcher, SubscribeMessageSender],
})
export class NotificationSendersModule {}
