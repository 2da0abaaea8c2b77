import { Injectable } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { validateMobile, maskMobile } from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { PiiCrypto } from '../../common/crypto/pii-crypto';
import { AppConfig } from '../../config';
import { TransactionRunner } from '../../database/transaction';
import type { Principal } from '../users/principal';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthException } from './auth.errors';
import { SmsSender } from './sms.sender';
import { TokenService } from './token.service';
import { WechatClient } from './wechat.client';

const CODE_TTL_MS = 5 * 60_000;
const CODE_MIN_INTERVAL_MS = 60_000;
const CODE_MAX_ATTEMPTS = 5;

export interface Session {
  token: string;
  expiresAt: Date;
  userId: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly wechat: WechatClient,
    private readonly sms: SmsSender,
    private readonly crypto: PiiCrypto,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async signInWithWechat(code: string): Promise<Session> {
    const { openid } = await this.wechat.code2Session(code);
    const user = await this.users.upsertByOpenid(openid);
    return this.session(user);
  }

  get devLoginEnabled(): boolean {
    return this.config.devLogin && !this.config.isProduction;
  }

  async listDemoUsers(): Promise<{ demoKey: string; displayName: string; roles: string[] }[]> {
    if (!this.devLoginEnabled) throw AuthException.devLoginDisabled();
    const users = await this.users.listDemoUsers();
    return Promise.all(
      users.map(async (u) => ({
        demoKey: u.demoKey as string,
        displayName: u.displayName,
        roles: (await this.users.grantsOf(u.id)).map((g) => g.role),
      })),
    );
  }

  async signInAsDemoUser(demoKey: string): Promise<Session> {
    if (!this.devLoginEnabled) throw AuthException.devLoginDisabled();
    const user = await this.users.findByDemoKey(demoKey);
    if (!user) throw AuthException.demoUserNotFound();
    return this.session(user);
  }

  async bindPhoneWithWechat(principal: Principal, code: string): Promise<{ phoneMasked: string; linkedMotherId: string | null }> {
    const phone = await this.wechat.phoneNumber(code);
    return this.bindPhone(principal.userId, phone);
  }

  /** H5 path: a 6-digit code, kept only as a hash, valid 5 minutes, 5 tries. */
  async sendPhoneCode(principal: Principal, rawPhone: string): Promise<{ sent: boolean; devCode?: string }> {
    const phone = this.normalizePhone(rawPhone);
    const now = this.clock.now();
    const recent = await this.users.countPhoneCodesSince(principal.userId, new Date(now.getTime() - CODE_MIN_INTERVAL_MS));
    if (recent > 0) throw AuthException.codeTooSoon();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.users.insertPhoneCode({
      userId: principal.userId,
      phoneHash: this.crypto.hash('phone', phone),
      codeHash: hashCode(principal.userId, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    });
    await this.sms.send(phone, code);
    return !this.sms.delivers && this.devLoginEnabled ? { sent: false, devCode: code } : { sent: this.sms.delivers };
  }

  async verifyPhoneCode(principal: Principal, rawPhone: string, code: string): Promise<{ phoneMasked: string; linkedMotherId: string | null }> {
    const phone = this.normalizePhone(rawPhone);
    const row = await this.users.latestPhoneCode(principal.userId);
    const now = this.clock.now();
    if (!row || row.usedAt || row.expiresAt <= now || row.attempts >= CODE_MAX_ATTEMPTS) throw AuthException.codeInvalid();
    if (row.phoneHash !== this.crypto.hash('phone', phone) || row.codeHash !== hashCode(principal.userId, code)) {
      await this.users.recordPhoneCodeAttempt(row.id);
      throw AuthException.codeInvalid();
    }
    return this.bindPhone(principal.userId, phone, row.id);
  }

  private async bindPhone(userId: string, phone: string, codeId?: string) {
    const hash = this.crypto.hash('phone', phone);
    const masked = maskMobile(phone);
    return this.tx.run(async (tx) => {
      const owner = await this.users.findByPhoneHash(hash, tx);
      if (owner && owner.id !== userId) throw AuthException.phoneTaken();
      if (codeId) await this.users.markPhoneCodeUsed(codeId, this.clock.now(), tx);
      await this.users.setPhone(userId, { hash, cipher: this.crypto.encrypt(phone), masked }, tx);
      // A mother registered at a station desk with this phone becomes this account's profile.
      const linkedMotherId = await this.users.linkDeskRegistration(userId, hash, tx);
      if (linkedMotherId) await this.users.grant(userId, { role: 'mother' }, tx);
      return { phoneMasked: masked, linkedMotherId };
    });
  }

  private normalizePhone(raw: string): string {
    const result = validateMobile(raw);
    if (!result.ok) throw AuthException.phoneInvalid(result.message);
    return result.normalized;
  }

  private session(user: UserEntity): Session {
    const { token, expiresAt } = this.tokens.issue(user.id, this.clock.now());
    return { token, expiresAt, userId: user.id };
  }
}

function hashCode(userId: string, code: string): string {
  return createHash('sha256').update(`${userId}:${code}`).digest('hex');
}
