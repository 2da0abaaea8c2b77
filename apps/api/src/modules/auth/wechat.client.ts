import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config';
import { AuthException } from './auth.errors';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/**
 * WeChat's server API, behind an interface: tests run the real HTTP client against a local
 * stand-in for WeChat; nothing else talks to WeChat.
 */
export abstract class WechatClient {
  /** Exchanges a `wx.login` code. The session key WeChat also returns is dropped here: we never keep or log it. */
  abstract code2Session(code: string): Promise<WechatSession>;
  /** Exchanges the code of a `getPhoneNumber` button for the user's mainland phone number. */
  abstract phoneNumber(code: string): Promise<string>;
}

interface WechatErrorFields {
  errcode?: number;
  errmsg?: string;
}

@Injectable()
export class HttpWechatClient extends WechatClient {
  private readonly logger = new Logger(HttpWechatClient.name);
  private accessToken: { value: string; expiresAtMs: number } | null = null;

  constructor(private readonly config: AppConfig) {
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
      if (body.errcode === 40001 || body.errcode === 42001) this.accessToken = null;
      throw AuthException.wechatPhoneFailed();
    }
    return phone;
  }

  private async token(): Promise<string> {
    const now = Date.now();
    if (this.accessToken && this.accessToken.expiresAtMs > now) return this.accessToken.value;
    const { appId, appSecret } = this.credentials();
    const url = new URL('/cgi-bin/token', this.config.wechat.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret }).toString();
    const body = await this.getJson<WechatErrorFields & { access_token?: string; expires_in?: number }>(url);
    if (!body.access_token) throw AuthException.wechatPhoneFailed();
    // Renew a minute early so a token never expires between our check and WeChat's.
    this.accessToken = { value: body.access_token, expiresAtMs: now + ((body.expires_in ?? 7200) - 60) * 1000 };
    return body.access_token;
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
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
      return (await response.json()) as T;
    } catch (cause) {
      // The URL carries the app secret: log the path only.
      this.logger.warn(`WeChat ${url.pathname} unreachable: ${(cause as Error).message}`);
      throw AuthException.wechatUnavailable();
    }
  }
}
