import { Injectable, Logger } from '@nestjs/common';

/** Sends the phone-binding code on H5, where WeChat's phone button does not exist. */
export abstract class SmsSender {
  abstract send(phone: string, code: string): Promise<void>;
  /** True when codes really leave the system; otherwise the demo shows the code on screen. */
  abstract readonly delivers: boolean;
}

/**
 * No SMS gateway is configured: the code is not sent anywhere. With the development sign-in
 * on, the API returns the code to the caller so the demo works; in production no code is ever
 * returned, so phone binding on H5 needs a real sender.
 */
@Injectable()
export class NoopSmsSender extends SmsSender {
  readonly delivers = false;
  private readonly logger = new Logger(NoopSmsSender.name);

  async send(phone: string): Promise<void> {
    this.logger.log(`SMS gateway not configured; code for ${phone.slice(0, 3)}****${phone.slice(-4)} not sent`);
  }
}
