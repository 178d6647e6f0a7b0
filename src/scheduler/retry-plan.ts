/** Error codes that mean the store refuses the token: retrying cannot help, the source halts. */
export const haltingErrorCodes: ReadonlySet<string> = new Set([
  'invalid_token',
  'permission_denied',
]);

/** The error code a sync stopped by shutdown ends with; it resumes at once on the next start. */
export const interruptedCode = 'interrupted';

/** How failed scheduled syncs are retried. */
export interface RetryPolicy {
  /** Retries after the first failure before waiting for the next slot. Default 3. */
  maxRetries: number;
  /** Wait before the first retry in ms, multiplied by 4 per retry. Default 30_000. */
  baseDelayMs: number;
}

/** The retry policy used when none is given. */
export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, baseDelayMs: 30_000 };

/** What to do after a scheduled sync failed. */
export interface RetryDecision {
  retry: boolean;
  /** Whether the whole source stops until its token works again. */
  halt: boolean;
  reason: string;
  /** Wait before the retry, in ms (0 when not retrying). */
  waitMs: number;
}

/**
 * Decides whether a failed table sync is tried again: a refused token halts the source, a
 * shutdown is resumed by the next start, anything else retries with growing waits (30 s, 2 min,
 * 8 min by default) and then waits for the table's next slot.
 */
export function planSyncRetry(
  errorCode: string,
  failedAttempt: number,
  policy: RetryPolicy = defaultRetryPolicy,
): RetryDecision {
  if (haltingErrorCodes.has(errorCode)) {
    return { retry: false, halt: true, reason: 'the store refused the token', waitMs: 0 };
  }

  if (errorCode === interruptedCode) {
    return { retry: false, halt: false, reason: 'stopped by shutdown', waitMs: 0 };
  }

  if (failedAttempt > policy.maxRetries) {
    return {
      retry: false,
      halt: false,
      reason: `failed ${failedAttempt} times; waiting for the next slot`,
      waitMs: 0,
    };
  }

  return {
    retry: true,
    halt: false,
    reason: `attempt ${failedAttempt} failed with ${errorCode}`,
    waitMs: policy.baseDelayMs * 4 ** (failedAttempt - 1),
  };
}
