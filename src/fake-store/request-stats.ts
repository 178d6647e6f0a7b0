/** Counters of what the fake store answered, for tests and benchmarks. */
export interface FakeStoreStats {
  /** API requests received (the control endpoint is not counted). */
  requests: number;
  /** Requests per path; ids in single-record paths are replaced by `:id`. */
  byPath: Record<string, number>;
  /** Responses per HTTP status. */
  status: Record<number, number>;
  /** 429 responses, from the rate limit and from injected bursts. */
  tooManyRequests: number;
  /**
   * Requests that arrived while a 429's Retry-After instant given to that token had not yet
   * passed: a well-behaved client keeps this 0.
   */
  requestsBeforeRetryAfter: number;
}

/** Returns zeroed stats. */
export function emptyStats(): FakeStoreStats {
  return { requests: 0, byPath: {}, status: {}, tooManyRequests: 0, requestsBeforeRetryAfter: 0 };
}

/** Returns a deep copy of `stats`, so callers can keep a snapshot. */
export function copyStats(stats: FakeStoreStats): FakeStoreStats {
  return { ...stats, byPath: { ...stats.byPath }, status: { ...stats.status } };
}
