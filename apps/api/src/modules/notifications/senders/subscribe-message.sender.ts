import { Injectable, Logger } from '@nestjs/common';
import { ACCESS_TOKEN_ERRCODES, WechatAccessToken, WechatApiError, wechatJson, type WechatErrorFields } from '../../../common/wechat/wechat-access-token';
import { AppConfig } from '../../../config';

/** One WeChat subscribe message (订阅消息) to one user of the mini-program. */
export interface SubscribeMessage {
  toOpenid: string;
  templateId: string;
  /** The mini-program page the message opens, e.g. `packages/mother/applications/index`. */
  page?: string;
  /** Template fields, e.g. `{ thing1: { value: '您的申请已通过' } }`. */
  data: Record<string, { value: string }>;
}

/**
 * - sent: WeChat accepted it.
 * - refused: it will never go through as it is (she has not subscribed, a bad template…): do not retry.
 * - retry: a passing fault (network, WeChat busy, quota): try again later.
 */
export type SendResult = { outcome: 'sent' } | { outcome: 'refused'; errcode: number } | { outcome: 'retry'; reason: string };

/** Where subscribe messages go: WeChat in production, a fake in tests that need none. */
export abstract class SubscribeMessageSender {
  /** False when there is nothing to send with (no WeChat credentials): the outbox keeps its rows. */
  abstract get configured(): boolean;
  abstract send(message: SubscribeMessage): Promise<SendResult>;
}

/**
 * errcodes that retrying cannot fix: 43101 she has not subscribed (or used up her one-time
 * consent), 40003 openid not of this app, 40037 bad template id, 47003 data does not fit the
 * template, 41030 bad page.
 */
const REFUSALS: ReadonlySet<number> = new Set([43101, 40003, 40037, 47003, 41030]);

/** POST {WECHAT_API_BASE}/cgi-bin/message/subscribe/send?access_token=… */
@Injectable()
export class WechatSubscribeMessageSender extends SubscribeMessageSender {
  private readonly logger = new Logger(WechatSubscribeMessageSender.name);

  constructor(
    private readonly config: AppConfig,
    private readonly accessToken: WechatAccessToken,
  ) {
    super();
  }

  get configured(): boolean {
    return this.accessToken.configured;
  }

  async send(message: SubscribeMessage): Promise<SendResult> {
    const first = await this.attempt(message);
    if (first.outcome !== 'expired_token') return first;
    // The token died early (renewed elsewhere, or revoked): one more try with a fresh one.
    const second = await this.attempt(message);
    return second.outcome === 'expired_token' ? { outcome: 'retry', reason: 'access token refused twice' } : second;
  }

  private async attempt(message: SubscribeMessage): Promise<SendResult | { outcome: 'expired_token' }> {
    let token: string;
    try {
      token = await this.accessToken.get();
    } catch (error) {
      return { outcome: 'retry', reason: error instanceof WechatApiError ? `access token: ${error.failure}` : 'access token failed' };
    }
    const url = new URL('/cgi-bin/message/subscribe/send', this.config.wechat.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const body = {
      touser: message.toOpenid,
      template_id: message.templateId,
      ...(message.page ? { page: message.page } : {}),
      data: message.data,
      lang: 'zh_CN',
    };
    let answer: WechatErrorFields;
    try {
      answer = await wechatJson<WechatErrorFields>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, this.logger);
    } catch {
      return { outcome: 'retry', reason: 'WeChat unreachable' };
    }
    const errcode = answer.errcode ?? 0;
    if (errcode === 0) return { outcome: 'sent' };
    if (ACCESS_TOKEN_ERRCODES.has(errcode)) {
      this.accessToken.invalidate(token);
      return { outcome: 'expired_token' };
    }
    // Never log the openid: errcode and template tell an operator enough.
    this.logger.warn(`subscribe message refused: errcode=${errcode} template=${message.templateId}`);
    return REFUSALS.has(errcode) ? { outcome: 'refused', errcode } : { outcome: 'retry', reason: `errcode ${errcode}` };
  }
}
