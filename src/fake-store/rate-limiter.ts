/** Rate limit settings of the fake store. */
export interface RateLimitOptions {
  /** Whether requests are limited at all. Default true. */
  enabled?: boolean;
  /** Requests allowed per window. Default 300 x registers + 50, as the real API. */
  limit?: number;
  /** Window length in ms. Default 300,000 (5 minutes). */
  windowMs?: number;
}

/** The outcome of counting one request. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (epoch ms). */
  resetMs: number;
}

/**
 * A fixed-window request counter per token: the first request opens a window of `windowMs`;
 * requests past `limit` within it are refused until the window ends.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();
  private settings: Required<RateLimitOptions>;

  constructor(settings: Required<RateLimitOptions>) {
    this.settings = settings;
  }

  /** Returns whether limiting is on. */
  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** Replaces some settings; a changed limit or window starts fresh windows. */
  configure(settings: RateLimitOptions): void {
    this.settings = { ...this.settings, ...definedOnly(settings) };
    this.windows.clear();
  }

  /** Counts one request of `key` at `nowMs` and says whether it may proceed. */
  take(key: string, nowMs: number): RateLimitDecision {
    const { enabled, limit, windowMs } = this.settings;
    let window = this.windows.get(key);
    if (!window || nowMs >= window.startMs + windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;

    return {
      allowed: !enabled || window.count <= limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetMs: window.startMs + windowMs,
    };
  }
}

function definedOnly(settings: RateLimitOptions): RateLimitOptions {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

/** Rounds an instant up to the next whole second: HTTP-dates cannot say milliseconds. */
export function ceilToSecond(epochMs: number): number {
  return Math.ceil(epochMs / 1000) * 1000;
}

/** Formats an instant as an RFC 1123 HTTP-date, e.g. `Wed, 15 Jul 2020 15:04:05 GMT`. */
export function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}
