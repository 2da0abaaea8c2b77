import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config';

/** Why a call to WeChat's server API did not give an answer. */
export type WechatFailure = 'not_configured' | 'unavailable' | 'refused';

export class WechatApiError extends Error {
  constructor(
    readonly failure: WechatFailure,
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
    this.name = 'WechatApiError';
  }
}

/** The error fields every WeChat server API answer may carry. */
export interface WechatErrorFields {
  errcode?: number;
  errmsg?: string;
}

/** errcodes saying the access token is invalid or expired: renew it and try once more. */
export const ACCESS_TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/**
 * Sends one request to WeChat's server API and reads its JSON answer. The URL may carry the
 * app secret or an access token: only its path is ever logged.
 */
export async function wechatJson<T>(url: URL, init: RequestInit, logger: Logger): Promise<T> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    return (await response.json()) as T;
  } catch (cause) {
    logger.warn(`WeChat ${url.pathname} unreachable: ${(cause as Error).message}`);
    throw new WechatApiError('unavailable', `WeChat ${url.pathname} unreachable`);
  }
}

/**
 * The mini-program's access token (`/cgi-bin/token`), shared by everything that calls WeChat
 * with one: fetching a new token ends the previous one's life, so the process keeps a single
 * token, renews it a minute before it expires and lets concurrent callers wait for one fetch.
 */
@Injectable()
export class WechatAccessToken {
  private readonly logger = new Logger(WechatAccessToken.name);
  private cached: { value: string; expiresAtMs: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(private readonly config: AppConfig) {}

  /** True when WECHAT_APP_ID and WECHAT_APP_SECRET are set. */
  get configured(): boolean {
    return Boolean(this.config.wechat.appId && this.config.wechat.appSecret);
  }

  async get(): Promise<string> {
    if (this.cached && this.cached.expiresAtMs > Date.now()) return this.cached.value;
    this.fetching ??= this.fetch().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  /** WeChat refused `token` as invalid or expired: the next get() fetches a new one (unless another caller already did). */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = null;
  }

  private async fetch(): Promise<string> {
    const { appId, appSecret, apiBase } = this.config.wechat;
    if (!appId || !appSecret) throw new WechatApiError('not_configured', 'WECHAT_APP_ID and WECHAT_APP_SECRET are not set');
    const url = new URL('/cgi-bin/token', apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret }).toString();
    const now = Date.now();
    const body = await wechatJson<WechatErrorFields & { access_token?: string; expires_in?: number }>(url, { method: 'GET' }, this.logger);
    if (!body.access_token) {
      this.logger.warn(`access token refused: errcode=${body.errcode ?? 'none'}`);
      throw new WechatApiError('refused', 'WeChat refused an access token', body.errcode);
    }
    // Renew a minute early so a token never expires between our check and WeChat's.
    this.cached = { value: body.access_token, expiresAtMs: now + ((body.expires_in ?? 7200) - 60) * 1000 };
    return body.access_token;
  }
}
