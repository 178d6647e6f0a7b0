/** What went wrong with one HTTP attempt, in the terms retry decisions and errors need. */
export type RequestFailure =
  /** The server answered with a non-2xx status. */
  | { kind: 'status'; status: number; retryAfterMs?: number }
  /** No complete answer within the request timeout. */
  | { kind: 'timeout' }
  /** The connection failed (`code` is the system or undici code, e.g. `ECONNRESET`). */
  | { kind: 'network'; code: string }
  /** The body ended before its announced length, or the connection dropped while reading it. */
  | { kind: 'truncated' }
  /** A 2xx body that is not JSON (an HTML page) or not the expected shape. */
  | { kind: 'unparsable' };

/** Network codes that mean the host name does not exist, so retrying cannot help. */
export const unknownHostCodes: ReadonlySet<string> = new Set(['ENOTFOUND']);

/** Returns a short label for a failure, used in messages and events, e.g. `HTTP 503`. */
export function describeFailure(failure: RequestFailure): string {
  switch (failure.kind) {
    case 'status':
      return `HTTP ${failure.status}`;
    case 'timeout':
      return 'timed out';
    case 'network':
      return `network error ${failure.code}`;
    case 'truncated':
      return 'body cut short';
    case 'unparsable':
      return 'unparsable body';
  }
}
