/**
 * Which actions are rate limited, by whom they are counted, and how much is allowed: the
 * defaults below, overridden entry by entry through RATE_LIMITS (see apps/api/README.md).
 */

/** The limited actions; a route opts in with `@RateLimit('apply')`. */
export const RATE_LIMIT_RULES = ['sign_in', 'phone_code', 'phone_bind', 'apply', 'registration'] as const;
export type RateLimitRule = (typeof RATE_LIMIT_RULES)[number];

/** `user`: the signed-in caller; `ip`: the client address (see TRUST_PROXY). */
export const RATE_LIMIT_SCOPES = ['user', 'ip'] as const;
export type RateLimitScope = (typeof RATE_LIMIT_SCOPES)[number];

/** At most `limit` calls in a fixed window of `windowMs` that starts at the first call. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** Per action and scope, the limit; a missing scope is not counted. */
export type RateLimitPolicy = Readonly<Record<RateLimitRule, Readonly<Partial<Record<RateLimitScope, RateLimit>>>>>;

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Production defaults. Per-address limits are loose on purpose: mobile carriers put many
 * phones behind one address (carrier-grade NAT), so they stop scripts, not a busy town.
 * - sign_in: a session lasts days; 20 a minute per address leaves room for a family's phones
 *   and a station's desk while making guessing demo keys or replaying wx.login codes slow.
 * - phone_code: each code may be an SMS we pay for; the service already allows one a minute.
 * - phone_bind: each verify is a guess at a 6-digit code (5 tries per code on top of this).
 * - apply: a mother applies to a handful of posts a day; 30 a minute is only reached by a script.
 * - registration: a station worker at a busy desk registers a mother every minute or two.
 */
export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  sign_in: { ip: { limit: 20, windowMs: MINUTE } },
  phone_code: { user: { limit: 5, windowMs: 10 * MINUTE }, ip: { limit: 20, windowMs: HOUR } },
  phone_bind: { user: { limit: 10, windowMs: 10 * MINUTE }, ip: { limit: 60, windowMs: HOUR } },
  apply: { user: { limit: 30, windowMs: MINUTE }, ip: { limit: 300, windowMs: MINUTE } },
  registration: { user: { limit: 60, windowMs: MINUTE }, ip: { limit: 300, windowMs: MINUTE } },
};

/** Every `rule.scope` pair that can be configured: those with a default. */
export const RATE_LIMIT_ENTRIES: readonly `${RateLimitRule}.${RateLimitScope}`[] = RATE_LIMIT_RULES.flatMap((rule) =>
  RATE_LIMIT_SCOPES.filter((scope) => DEFAULT_RATE_LIMITS[rule][scope] !== undefined).map((scope) => `${rule}.${scope}` as const),
);

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: 24 * HOUR };
const MAX_WINDOW_MS = 24 * HOUR;
const MAX_LIMIT = 1_000_000;

/**
 * Reads RATE_LIMITS: comma-separated `rule.scope=count/window` entries on top of the
 * defaults (`apply.user=10/1m,sign_in.ip=100/10m`), `rule.scope=off` to stop counting one,
 * or just `off` to stop all. Windows: a whole number with ms, s, m, h or d, up to 1d.
 */
export function parseRateLimits(value: string | undefined, fail: (problem: string) => void): RateLimitPolicy {
  const policy: Record<RateLimitRule, Partial<Record<RateLimitScope, RateLimit>>> = {
    sign_in: { ...DEFAULT_RATE_LIMITS.sign_in },
    phone_code: { ...DEFAULT_RATE_LIMITS.phone_code },
    phone_bind: { ...DEFAULT_RATE_LIMITS.phone_bind },
    apply: { ...DEFAULT_RATE_LIMITS.apply },
    registration: { ...DEFAULT_RATE_LIMITS.registration },
  };
  const trimmed = value?.trim();
  if (trimmed?.toLowerCase() === 'off') {
    for (const rule of RATE_LIMIT_RULES) policy[rule] = {};
  } else {
    for (const entry of (trimmed ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '')) {
      const match = /^([a-z_]+)\.([a-z]+)=(?:(off)|(\d+)\/(\d+)(ms|s|m|h|d))$/.exec(entry);
      const name = match ? `${match[1]}.${match[2]}` : undefined;
      if (!match || !(RATE_LIMIT_ENTRIES as readonly string[]).includes(name ?? '')) {
        fail(`must be rule.scope=count/window entries separated by commas, rule.scope one of ${RATE_LIMIT_ENTRIES.join(', ')} (got "${entry}")`);
        continue;
      }
      const rule = match[1] as RateLimitRule;
      const scope = match[2] as RateLimitScope;
      if (match[3] === 'off') {
        delete policy[rule][scope];
        continue;
      }
      const limit = Number(match[4]);
      const windowMs = Number(match[5]) * (UNIT_MS[match[6] as string] as number);
      if (limit < 1 || limit > MAX_LIMIT || windowMs < SECOND || windowMs > MAX_WINDOW_MS) {
        fail(`${name}: the count must be 1 to ${MAX_LIMIT} and the window 1s to 1d (got "${entry}")`);
        continue;
      }
      policy[rule][scope] = { limit, windowMs };
    }
  }
  for (const rule of RATE_LIMIT_RULES) Object.freeze(policy[rule]);
  return Object.freeze(policy);
}

/** `RATE_LIMITS` that sets every entry to `limit` per `window` (tests: generous or tight limits). */
export function uniformRateLimits(limit: number, window: string): string {
  return RATE_LIMIT_ENTRIES.map((entry) => `${entry}=${limit}/${window}`).join(',');
}
