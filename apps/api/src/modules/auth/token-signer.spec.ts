import { TokenSigner } from './token-signer';

const SECRET = 'a-secret-that-is-long-enough-for-hs256!';
const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);

describe('TokenSigner', () => {
  const signer = new TokenSigner(SECRET, 3600);

  it('round-trips the user id until it expires', () => {
    const { token, expiresAt } = signer.sign('user-1', NOW);
    expect(signer.verify(token, NOW)?.sub).toBe('user-1');
    expect(expiresAt.getTime()).toBe(NOW + 3600_000);
    expect(signer.verify(token, NOW + 3599_000)?.sub).toBe('user-1');
    expect(signer.verify(token, NOW + 3600_000)).toBeNull();
  });

  const valid = signer.sign('user-1', NOW).token;
  const [h, p, s] = valid.split('.') as [string, string, string];
  const forgedPayload = Buffer.from(JSON.stringify({ sub: 'admin', iat: 0, exp: 9e9 })).toString('base64url');

  it.each([
    ['another secret', new TokenSigner('another-secret-that-is-long-enough!!!').sign('user-1', NOW).token],
    ['a swapped payload', `${h}.${forgedPayload}.${s}`],
    ['a missing signature', `${h}.${p}`],
    ['an extra part', `${valid}.x`],
    ['garbage', 'not-a-token'],
    ['alg none', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`],
  ])('refuses %s', (_label, token) => {
    expect(signer.verify(token, NOW)).toBeNull();
  });
});
