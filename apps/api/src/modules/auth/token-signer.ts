import { createHmac, timingSafeEqual } from 'node:crypto';

/** Compact HS256 JWT: the API's own session token. Only the user id travels; roles are read per request. */
export interface TokenClaims {
  sub: string;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export class TokenSigner {
  constructor(private readonly secret: string, private readonly ttlSeconds = 7 * 24 * 3600) {}

  sign(userId: string, nowMs: number): { token: string; expiresAt: Date } {
    const iat = Math.floor(nowMs / 1000);
    const claims: TokenClaims = { sub: userId, iat, exp: iat + this.ttlSeconds };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const sig = this.mac(`${HEADER}.${payload}`);
    return { token: `${HEADER}.${payload}.${sig}`, expiresAt: new Date(claims.exp * 1000) };
  }

  /** Returns the claims, or null for anything forged, malformed or expired. */
  verify(token: string, nowMs: number): TokenClaims | null {
    const [header, payload, signature, ...rest] = token.split('.');
    if (rest.length > 0 || header !== HEADER || payload === undefined || signature === undefined) return null;
    const expected = Buffer.from(this.mac(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
      if (claims.exp * 1000 <= nowMs) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private mac(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}
