/**
 * Reads a `Retry-After` header (RFC 9110 section 10.2.3: an HTTP-date or delta-seconds) into
 * how long to wait before the next request may be sent.
 */

/** Wait used when a 429 carries no usable `Retry-After`, as other X-Series clients do. */
export const defaultRetryAfterMs = 30_000;

/** Added to every computed wait so a request never lands on the exact boundary. */
export const retryAfterMarginMs = 50;

/** An HTTP-date names a whole second, so the instant it stands for may lie up to 1 s later. */
const httpDateResolutionMs = 1000;

/** The response headers that decide the wait. */
export interface RetryAfterInput {
  /** The `Retry-After` header value, or null when absent. */
  retryAfter: string | null;
  /** The response's `Date` header; when present an HTTP-date is measured against it. */
  serverDate: string | null;
  /** Local time the response arrived, in epoch milliseconds. */
  nowMs: number;
}

/**
 * Returns the milliseconds to wait after a response before sending again: delta-seconds as
 * given, an HTTP-date until that whole second has passed (against the server's own `Date` when
 * sent, so clock skew does not matter), `defaultRetryAfterMs` when missing or unreadable; each
 * plus `retryAfterMarginMs`.
 */
export function retryAfterDelayMs(input: RetryAfterInput): number {
  const value = input.retryAfter?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000 + retryAfterMarginMs;

  // Every HTTP-date form starts with a day name; Date.parse alone would read '-5' as a year.
  const instant = /^[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(instant)) return defaultRetryAfterMs + retryAfterMarginMs;

  const serverNow = input.serverDate === null ? Number.NaN : Date.parse(input.serverDate);
  const untilInstant = Number.isNaN(serverNow)
    ? instant - input.nowMs
    : // The server's `Date` is truncated to the second too: the true server time is up to
      // 1 s later than it says, which only shortens the true wait, so this stays safe.
      instant - serverNow;

  return Math.max(0, untilInstant + httpDateResolutionMs) + retryAfterMarginMs;
}
