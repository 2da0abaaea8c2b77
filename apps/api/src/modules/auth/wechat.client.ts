import { Injectable, Logger } from '@nestjs/common';
import { ACCESS_TOKEN_ERRCODES, WechatAccessToken, WechatApiError, wechatJson, type WechatErrorFields } from '../../common/wechat/wechat-access-token';
import { AppConfig } from '../../config';
import { AuthException } from './auth.errors';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/**
 * WeChat's server API for sign-in, behind an interface: tests run the real HTTP client against
 * a local stand-in for WeChat. The access token is the shared WechatAccessToken (subscribe
 * messages use the same one).
 */
export abstract class WechatClient {
  /** Exchanges a `wx.login` code. The session key WeChat also returns is dropped here: we never keep or log it. */
  abstract code2Session(code: string): Promise<WechatSession>;
  /** Exchanges the code of a `getPhoneNumber` button for the user's mainland phone number. */
  abstract phoneNumber(code: string): Promise<string>;
}

@Injectable()
export class HttpWechatClient extends WechatClient {
  private readonly logger = new Logger(HttpWechatClient.name);

  constructor(
    private readonly config: AppConfig,
    private readonly accessToken: WechatAccessToken,
  ) {
    super();
  }

  async code2Session(code: string): Promise<WechatSession> {
    const { appId, appSecret } = this.credentials();
    const url = new URL('/sns/jscode2session', this.config.wechat.apiBase);
    url.search = new URLSearchParams({ appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
    const body = await this.getJson<WechatErrorFields & { openid?: string; unionid?: string; session_key?: string }>(url);
    if (body.errcode || !body.openid) {
      this.logger.warn(`code2Session refused: errcode=${body.errcode ?? 'none'}`);
      throw AuthException.wechatLoginFailed();
    }
    return body.unionid ? { openid: body.openid, unionid: body.unionid } : { openid: body.openid };
  }

  async phoneNumber(code: string): Promise<string> {
    const token = await this.token();
    const url = new URL('/wxa/business/getuserphonenumber', this.config.wechat.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const body = await this.postJson<WechatErrorFields & { phone_info?: { purePhoneNumber?: string; countryCode?: string } }>(url, { code });
    const phone = body.phone_info?.purePhoneNumber;
    if (body.errcode || !phone) {
      this.logger.warn(`getuserphonenumber refused: errcode=${body.errcode ?? 'none'}`);
      if (body.errcode !== undefined && ACCESS_TOKEN_ERRCODES.has(body.errcode)) this.accessToken.invalidate(token);
      throw AuthException.wechatPhoneFailed();
    }
    return phone;
  }

  private async token(): Promise<string> {
    try {
      return await this.accessToken.get();
    } catch (error) {
      throw toAuthException(error);
    }
  }

  private credentials(): { appId: string; appSecret: string } {
    const { appId, appSecret } = this.config.wechat;
    if (!appId || !appSecret) throw AuthException.wechatNotConfigured();
    return { appId, appSecret };
  }

  private async getJson<T>(url: URL): Promise<T> {
    return this.send<T>(url, { method: 'GET' });
  }

  private async postJson<T>(url: URL, body: unknown): Promise<T> {
    return this.send<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  private async send<T>(url: URL, init: RequestInit): Promise<T> {
    try {
      return await wechatJson<T>(url, init, this.logger);
    } catch (error) {
      throw toAuthException(error);
    }
  }
}

function toAuthException(error: unknown): unknown {
  if (!(error instanceof WechatApiError)) return error;
  if (error.failure === 'not_configured') return AuthException.wechatNotConfigured();
  if (error.failure === 'unavailable') return AuthException.wechatUnavailable();
  return AuthException.wechatPhoneFailed();
}
