import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config';
import { TokenSigner, type TokenClaims } from './token-signer';

@Injectable()
export class TokenService {
  private readonly signer: TokenSigner;

  constructor(config: AppConfig) {
    this.signer = new TokenSigner(config.tokenSecret);
  }

  issue(userId: string, now: Date): { token: string; expiresAt: Date } {
    return this.signer.sign(userId, now.getTime());
  }

  verify(token: string, now: Date): TokenClaims | null {
    return this.signer.verify(token, now.getTime());
  }
}
