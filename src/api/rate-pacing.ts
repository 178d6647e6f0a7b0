/**
 * The pacing arithmetic of a rate budget, kept pure so its cases can be tested without clocks:
 * given what the server last said and what is in flight, how long until the next send.
 */

/** Returned when the next send must wait for a response rather than for a time. */
export const waitForResponse = Number.POSITIVE_INFINITY;

/** What a rate budget knows at one instant. */
export interface PacingState {
  /** `X-RateLimit-Limit` last seen, or undefined before the first response. */
  limit: number | undefined;
  /** Lowest `X-RateLimit-Remaining` seen in the current window, or undefined before any. */
  remaining: number | undefined;
  /** True once a response came without rate-limit headers: the server sets no limit. */
  unlimited: boolean;
  /** When the current window is estimated to have started (epoch ms). */
  windowStart: number;
  /** The window's length in ms. */
  windowMs: number;
  /**
   * Added to the estimated window end before probing, because the server opens its window
   * when the first request arrives, a little after it was sent.
   */
  windowMarginMs: number;
  /** Requests sent whose responses have not come back. */
  inFlight: number;
  /** When the last request was sent (epoch ms), 0 if never. */
  lastSendAt: number;
  /** No request may be sent before this instant (set by a 429), 0 if none. */
  blockedUntil: number;
  /** Requests held back at the end of a window; used only to probe for a new window. */
  reserve: number;
  /** Share of the limit that may go out at once at the start of a window before pacing. */
  burstShare: number;
}

/**
 * Returns milliseconds until the next request may be sent (0: now; `waitForResponse`: when a
 * response arrives): nothing before a 429's `Retry-After`; no pacing for a server that sends
 * no rate-limit headers; one probe at a time while the allowance is unknown or spent; a burst
 * of `burstShare` of the limit; then the remaining allowance spread evenly over the rest of the
 * estimated window.
 */
export function pacingDelayMs(state: PacingState, now: number): number {
  if (state.blockedUntil > now) return state.blockedUntil - now;

  if (state.remaining === undefined || state.limit === undefined) {
    if (state.unlimited) return 0;

    return state.inFlight === 0 ? 0 : waitForResponse;
  }

  const windowEnd = state.windowStart + state.windowMs + state.windowMarginMs;
  const available = state.remaining - state.inFlight - state.reserve;
  if (available <= 0) {
    if (now < windowEnd) return windowEnd - now;

    // The window should have started again: one request finds out whether it has.
    return state.inFlight === 0 ? 0 : waitForResponse;
  }

  const spent = state.limit - state.remaining + state.inFlight;
  if (spent < Math.floor(state.limit * state.burstShare)) return 0;

  const interval = Math.max(0, windowEnd - now) / available;

  return Math.max(0, state.lastSendAt + interval - now);
}
