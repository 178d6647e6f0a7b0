/**
 * The one error raised when a request to the X-Series API fails for good. It carries the
 * request (method and URL, which never hold the token: that only travels in the Authorization
 * header), the status and attempt number, and a capped excerpt of the body.
 */
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** Longest body excerpt kept on an error, in characters. */
export const bodyExcerptLimit = 500;

/** The request and response facts an HTTP error keeps. */
export interface XSeriesHttpErrorFacts {
  method: string;
  /** The request URL, including the query; it never contains the token. */
  url: string;
  /** The HTTP status, or null when no response came (timeout, network). */
  status: number | null;
  /** The 1-based attempt that failed last. */
  attempt: number;
  /** The start of the response body, capped at `bodyExcerptLimit`, or '' when none. */
  bodyExcerpt: string;
  /** The table being read, when the request was for a page. */
  table?: string;
}

/** A failed X-Series request; `code` says which kind (invalid_token, store_not_found...). */
export class XSeriesHttpError extends LightspeedSyncError {
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The request URL (no token). */
  readonly url: string;
  /** The HTTP status, or null when no response came. */
  readonly status: number | null;
  /** The 1-based attempt that failed last. */
  readonly attempt: number;
  /** The capped start of the response body. */
  readonly bodyExcerpt: string;

  constructor(code: string, message: string, facts: XSeriesHttpErrorFacts, cause?: unknown) {
    super(code, message, { cause, details: { ...facts } });
    this.method = facts.method;
    this.url = facts.url;
    this.status = facts.status;
    this.attempt = facts.attempt;
    this.bodyExcerpt = facts.bodyExcerpt;
  }
}

/** Returns the start of a body for an error, capped and with any secret replaced. */
export function bodyExcerpt(text: string, secret: string): string {
  const safe = secret === '' ? text : text.replaceAll(secret, '[redacted]');

  return safe.length > bodyExcerptLimit ? `${safe.slice(0, bodyExcerptLimit)}...` : safe;
}
