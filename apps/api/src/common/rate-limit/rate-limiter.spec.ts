import { Logger } from '@nestjs/common';
import { FixedClock } from '../clock/clock';
import type { AppConfig } from '../../config/app-config';
import { COMMON_ERROR_MESSAGES } from '../errors';
import { toErrorResponse } from '../errors/to-error-response';
import { DEFAULT_RATE_LIMITS, parseRateLimits, RATE_LIMIT_ENTRIES, uniformRateLimits, type RateLimitRule } from './rate-limit-policy';
import { RateLimitedException } from './rate-limited.exception';
import { RateLimiter, type RateLimitCaller } from './rate-limiter';
import { MemoryRateLimitStore } from './rate-limit.store';

const START = new Date('2026-03-01T08:00:00.000Z');
const ALICE: RateLimitCaller = { userId: 'alice', ip: '10.0.0.1' };
const BOB: RateLimitCaller = { userId: 'bob', ip: '10.0.0.1' };
const BOB_ELSEWHERE: RateLimitCaller = { userId: 'bob', ip: '10.0.0.2' };
const ANONYMOUS: RateLimitCaller = { ip: '10.0.0.1' };

function parse(value: string) {
  const problems: string[] = [];
  const policy = parseRateLimits(value, (p) => problems.push(p));
  return { policy, problems };
}

function limiterWith(rateLimits: string, clock: FixedClock) {
  const { policy, problems } = parse(rateLimits);
  expect(problems).toEqual([]);
  const store = new MemoryRateLimitStore(clock);
  const config = { rateLimits: policy, rateLimitPrefix: 'unit:' } as unknown as AppConfig;
  return { limiter: new RateLimiter(config, store), store };
}

/** One call: `atMs` after START, by whom, and what it gets: `pass`, or refused with Retry-After seconds. */
type Step = readonly [atMs: number, caller: RateLimitCaller, outcome: 'pass' | number];

// The refusals are logged; not on the test output.
beforeAll(() => Logger.overrideLogger(false));

describe('RateLimiter (fixed windows, fake clock)', () => {
  it.each<[string, RateLimitRule, string, readonly Step[]]>([
    [
      'refuses the call after the limit until the window that opened with the first call ends',
      'apply',
      'apply.user=3/1m,apply.ip=off',
      [
        [0, ALICE, 'pass'],
        [10_000, ALICE, 'pass'],
        [20_000, ALICE, 'pass'],
        [30_000, ALICE, 30],
        [59_001, ALICE, 1],
        [60_000, ALICE, 'pass'],
        [61_000, ALICE, 'pass'],
      ],
    ],
    [
      'counts users apart: a second user still passes when the first is refused',
      'apply',
      'apply.user=2/1m,apply.ip=off',
      [
        [0, ALICE, 'pass'],
        [0, ALICE, 'pass'],
        [0, ALICE, 60],
        [0, BOB, 'pass'],
        [0, BOB, 'pass'],
        [0, BOB, 60],
      ],
    ],
    [
      'counts addresses across users: the address limit refuses a fresh user on it, not on another address',
      'apply',
      'apply.user=10/1m,apply.ip=2/10s',
      [
        [0, ALICE, 'pass'],
        [1_000, ALICE, 'pass'],
        [2_000, BOB, 8],
        [2_000, BOB_ELSEWHERE, 'pass'],
        [10_000, BOB, 'pass'],
      ],
    ],
    [
      'refused calls count too, so hammering does not reopen the window early',
      'apply',
      'apply.user=1/1m,apply.ip=off',
      [
        [0, ALICE, 'pass'],
        [1_000, ALICE, 59],
        [30_000, ALICE, 30],
        [59_999, ALICE, 1],
        [60_000, ALICE, 'pass'],
      ],
    ],
    [
      'waits for the later of two windows when both scopes are over',
      'phone_code',
      'phone_code.user=1/10m,phone_code.ip=1/1h',
      [
        [0, ALICE, 'pass'],
        [60_000, ALICE, 3_540],
        [600_000, ALICE, 3_000],
      ],
    ],
    [
      'counts a caller without a user on the address only',
      'sign_in',
      'sign_in.ip=2/1m',
      [
        [0, ANONYMOUS, 'pass'],
        [0, ANONYMOUS, 'pass'],
        [0, ANONYMOUS, 60],
        [0, { ip: '10.0.0.9' }, 'pass'],
      ],
    ],
    ['lets everything through when limits are off', 'apply', 'off', [[0, ALICE, 'pass'], [0, ALICE, 'pass'], [0, ALICE, 'pass']]],
  ])('%s', async (_title, rule, rateLimits, steps) => {
    const clock = new FixedClock(START);
    const { limiter } = limiterWith(rateLimits, clock);
    for (const [atMs, caller, outcome] of steps) {
      clock.set(new Date(START.getTime() + atMs));
      const result = await limiter.consume(rule, caller).then(
        () => 'pass' as const,
        (error: unknown) => {
          if (!(error instanceof RateLimitedException)) throw error;
          return error.retryAfterSeconds;
        },
      );
      expect({ atMs, caller, result }).toEqual({ atMs, caller, result: outcome });
    }
  });

  it('lets a call through uncounted when the store cannot answer (fail open)', async () => {
    const config = { rateLimits: parse('apply.user=1/1m').policy, rateLimitPrefix: 'unit:' } as unknown as AppConfig;
    const limiter = new RateLimiter(config, { hit: () => Promise.resolve(null) });
    await expect(limiter.consume('apply', ALICE)).resolves.toBeUndefined();
    await expect(limiter.consume('apply', ALICE)).resolves.toBeUndefined();
  });

  it('forgets ended windows as it goes, so memory stays bounded', async () => {
    const clock = new FixedClock(START);
    const { limiter, store } = limiterWith('sign_in.ip=5/1s', clock);
    for (let i = 0; i < 999; i += 1) await limiter.consume('sign_in', { ip: `10.1.${i >> 8}.${i & 255}` });
    expect(store.size).toBe(999);
    clock.set(new Date(START.getTime() + 2_000));
    await limiter.consume('sign_in', { ip: '10.9.9.9' });
    expect(store.size).toBe(1);
  });
});

describe('RateLimitedException', () => {
  it.each([
    [1, '1'],
    [999, '1'],
    [1_000, '1'],
    [1_001, '2'],
    [0, '1'],
    [59_500, '60'],
  ])('after %i ms answers 429 RATE_LIMITED with Retry-After %s', (ms, header) => {
    expect(toErrorResponse(new RateLimitedException(ms))).toEqual({
      status: 429,
      body: { code: 'RATE_LIMITED', message: COMMON_ERROR_MESSAGES.RATE_LIMITED },
      serverFault: false,
      headers: { 'Retry-After': header },
    });
  });
});

describe('parseRateLimits', () => {
  it('starts from the documented defaults', () => {
    expect(parse('').policy).toEqual(DEFAULT_RATE_LIMITS);
    expect(DEFAULT_RATE_LIMITS.sign_in).toEqual({ ip: { limit: 20, windowMs: 60_000 } });
    expect(DEFAULT_RATE_LIMITS.phone_code).toEqual({ user: { limit: 5, windowMs: 600_000 }, ip: { limit: 20, windowMs: 3_600_000 } });
  });

  it.each<[string, string, object]>([
    ['one entry over the defaults', 'apply.user=10/30s', { ...DEFAULT_RATE_LIMITS, apply: { user: { limit: 10, windowMs: 30_000 }, ip: DEFAULT_RATE_LIMITS.apply.ip } }],
    ['an entry switched off', 'sign_in.ip=off', { ...DEFAULT_RATE_LIMITS, sign_in: {} }],
    ['the last of two entries wins', 'apply.user=1/1h, apply.user=2/1d', { ...DEFAULT_RATE_LIMITS, apply: { ...DEFAULT_RATE_LIMITS.apply, user: { limit: 2, windowMs: 86_400_000 } } }],
    ['everything off', 'OFF', { sign_in: {}, phone_code: {}, phone_bind: {}, apply: {}, registration: {} }],
  ])('reads %s', (_title, value, expected) => {
    expect(parse(value)).toEqual({ policy: expected, problems: [] });
  });

  it('names a bad entry and keeps the value before it', () => {
    const { policy, problems } = parse('apply.user=1/1h,apply.user=2/2d');
    expect(problems).toEqual([expect.stringContaining('window 1s to 1d')]);
    expect(policy.apply.user).toEqual({ limit: 1, windowMs: 3_600_000 });
  });

  it.each(['sign_in.user=1/1m', 'apply.user=10', 'apply.user=0/1m', 'apply.user=5/500ms', 'apply.user=5/1w', 'posts.ip=1/1m', 'apply.user=-1/1m'])(
    'refuses %s',
    (value) => {
      expect(parse(value).problems).toHaveLength(1);
    },
  );

  it('builds a uniform setting for every entry', () => {
    const { policy, problems } = parse(uniformRateLimits(7, '5s'));
    expect(problems).toEqual([]);
    for (const entry of RATE_LIMIT_ENTRIES) {
      const [rule, scope] = entry.split('.') as [keyof typeof policy, 'user' | 'ip'];
      expect(policy[rule][scope]).toEqual({ limit: 7, windowMs: 5_000 });
    }
  });
});
