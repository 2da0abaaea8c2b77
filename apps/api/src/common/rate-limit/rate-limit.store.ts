import { Clock } from '../clock/clock';

/** A counter after one more call: how many calls its window has seen, and when it ends. */
export interface RateLimitHit {
  readonly count: number;
  /** Milliseconds until the window ends and the count starts again from zero. */
  readonly resetInMs: number;
}

/**
 * Fixed-window counters: the first call on a key opens a window of `windowMs`; every call in it,
 * refused or not, adds one. Implementations must count atomically, since several requests (and,
 * with Redis, several processes) hit the same key at once.
 */
export abstract class RateLimitStore {
  /** Counts one call on `key`; `null` when the store cannot count now (the caller lets it pass). */
  abstract hit(key: string, windowMs: number): Promise<RateLimitHit | null>;
}

interface Window {
  count: number;
  endsAt: number;
}

/** Sweep ended windows every this many calls, so a flood of one-off addresses cannot grow memory. */
const SWEEP_EVERY = 1_000;

/** Counters in this process's memory: the default without REDIS_URL (one API process). */
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, Window>();
  private calls = 0;

  constructor(private readonly clock: Clock) {
    super();
  }

  hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.clock.now().getTime();
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    let window = this.windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return Promise.resolve({ count: window.count, resetInMs: window.endsAt - now });
  }

  /** Keys with an open window (tests). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
