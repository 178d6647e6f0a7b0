/**
 * One store's request allowance, shared by every table synced at once. It paces requests by the
 * `X-RateLimit-Limit` / `X-RateLimit-Remaining` headers so a long backfill uses the allowance
 * without running into 429, and after a 429 it holds every request until `Retry-After`.
 *
 * Known shortcoming: the server does not say when its window resets, so the window is estimated
 * from when it was first seen (and re-anchored whenever `Remaining` jumps back up). If the
 * estimate runs late the budget only waits longer than needed; if the window never reset by the
 * estimate and the reserve is spent, one probe may meet a 429, which the retry handles. A
 * reset-time header from the server would lift this.
 */
import { abortableSleep } from './abortable-sleep.ts';
import { type PacingState, pacingDelayMs, waitForResponse } from './rate-pacing.ts';

/** Options of a rate budget; all have defaults suited to the documented X-Series limits. */
export interface RateBudgetOptions {
  /** Length of the server's rate-limit window in ms. Default 300_000 (the documented 5 min). */
  windowMs?: number;
  /** Waited past the estimated window end before probing for a new window. Default 1% of it. */
  windowMarginMs?: number;
  /** Requests held back at the end of each window, spent only on a probe. Default 1. */
  reserve?: number;
  /** Share of the limit that may go out at once at a window's start. Default 0.5. */
  burstShare?: number;
}

/** Counters for tests, benchmarks and progress output. */
export interface RateBudgetStats {
  /** Requests let through. */
  requests: number;
  /** Requests that had to wait before being let through. */
  waits: number;
  /** Total time requests spent waiting, in ms. */
  totalWaitMs: number;
  /** 429 responses reported through `blockUntil`. */
  tooManyRequests: number;
  /** The last `X-RateLimit-Limit` seen, if any. */
  limit: number | undefined;
  /** The lowest `X-RateLimit-Remaining` seen in the current window, if any. */
  remaining: number | undefined;
}

/** The right to send one request; call `release` exactly once when its response is in. */
export interface RatePermit {
  /** How long the request waited for the budget, in ms. */
  readonly waitedMs: number;
  /** Returns the permit, reporting the response's headers and status (none when it failed). */
  release(headers?: Headers, status?: number): void;
}

/** Called before each wait with its length and what the budget knows. */
export type RateWaitListener = (waitMs: number, remaining: number, limit: number) => void;

/** Paces the requests of one store by its rate-limit headers; share one per store. */
export class RateBudget {
  readonly #now = Date.now;
  readonly #state: PacingState;
  #stats = { requests: 0, waits: 0, totalWaitMs: 0, tooManyRequests: 0 };
  #changed = changeSignal();

  constructor(options: RateBudgetOptions = {}) {
    const windowMs = options.windowMs ?? 300_000;
    this.#state = {
      limit: undefined,
      remaining: undefined,
      unlimited: false,
      windowStart: 0,
      windowMs,
      windowMarginMs: options.windowMarginMs ?? Math.max(20, windowMs / 100),
      inFlight: 0,
      lastSendAt: 0,
      blockedUntil: 0,
      reserve: options.reserve ?? 1,
      burstShare: options.burstShare ?? 0.5,
    };
  }

  /** Waits until a request may be sent, then counts it as in flight. */
  async acquire(signal?: AbortSignal, onWait?: RateWaitListener): Promise<RatePermit> {
    const started = this.#now();
    let waited = false;
    for (;;) {
      signal?.throwIfAborted();
      const delay = pacingDelayMs(this.#state, this.#now());
      if (delay <= 0) break;

      waited = true;
      // Waiting for a response has no known length; wake up now and then to look again.
      const sleepMs = delay === waitForResponse ? 1000 : delay;
      if (delay !== waitForResponse) {
        onWait?.(sleepMs, this.#state.remaining ?? -1, this.#state.limit ?? -1);
      }
      await abortableSleep(sleepMs, signal, this.#changed.promise);
    }

    return this.#grant(started, waited);
  }

  /** Holds every request until `instantMs` (a 429's `Retry-After`), then lets one probe out. */
  blockUntil(instantMs: number): void {
    const state = this.#state;
    state.blockedUntil = Math.max(state.blockedUntil, instantMs);
    state.remaining = 0;
    state.unlimited = false;
    // The window is taken to end when the block does, so one probe goes out right then.
    state.windowStart = state.blockedUntil - state.windowMs - state.windowMarginMs;
    this.#stats.tooManyRequests += 1;
    this.#notify();
  }

  /** Returns the counters and what the budget last heard from the server. */
  stats(): RateBudgetStats {
    return { ...this.#stats, limit: this.#state.limit, remaining: this.#state.remaining };
  }

  #grant(started: number, waited: boolean): RatePermit {
    const sentAt = this.#now();
    this.#state.inFlight += 1;
    this.#state.lastSendAt = sentAt;
    this.#stats.requests += 1;
    if (waited) {
      this.#stats.waits += 1;
      this.#stats.totalWaitMs += sentAt - started;
    }

    let released = false;
    return {
      waitedMs: sentAt - started,
      release: (headers?: Headers, status?: number) => {
        if (released) return;

        released = true;
        this.#observe(headers, status, sentAt);
        this.#state.inFlight -= 1;
        this.#notify();
      },
    };
  }

  #observe(headers: Headers | undefined, status: number | undefined, sentAt: number): void {
    const limit = headerNumber(headers, 'x-ratelimit-limit');
    const remaining = headerNumber(headers, 'x-ratelimit-remaining');
    const state = this.#state;
    if (limit === undefined || remaining === undefined) {
      // Only a success without the headers says the server sets no limit; errors may come
      // from a proxy in front of it.
      const success = status !== undefined && status >= 200 && status < 300;
      if (success && state.limit === undefined) state.unlimited = true;
      return;
    }

    state.limit = limit;
    // Responses of concurrent requests arrive out of order, so only a rise larger than what
    // is in flight means the window started again.
    const reset = state.remaining === undefined || remaining > state.remaining + state.inFlight;
    if (reset) {
      state.remaining = remaining;
      state.windowStart = sentAt;
      return;
    }

    state.remaining = Math.min(state.remaining ?? remaining, remaining);
    if (sentAt >= state.windowStart + state.windowMs + state.windowMarginMs) {
      // A request sent after the estimated end still counted against the same window: it must
      // have started later than assumed. (Answers to requests sent just before the end prove
      // nothing, and moving the estimate on them left most of each next window idle.)
      state.windowStart = sentAt;
    }
  }

  #notify(): void {
    this.#changed.resolve();
    this.#changed = changeSignal();
  }
}

/** A promise that waiters race against their timer, resolved whenever the state changes. */
function changeSignal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });

  return { promise, resolve };
}

function headerNumber(headers: Headers | undefined, name: string): number | undefined {
  const value = headers?.get(name);
  if (value === null || value === undefined || value.trim() === '') return undefined;

  const parsed = Number(value);

  return Number.isFinite(parsed) ? parsed : undefined;
}
