/**
 * Decides whether a failed request is tried again and after how long: a pure function so every
 * case is covered by a table-driven test.
 */

import { type RequestFailure, unknownHostCodes } from './request-failure.ts';
import { defaultRetryAfterMs } from './retry-after.ts';

/** Everything a retry decision depends on. */
export interface RetryInput {
  /** What went wrong with the attempt that just ended. */
  failure: RequestFailure;
  /** The 1-based number of the attempt that just ended. */
  attempt: number;
  /** Attempts allowed in total, the first included. */
  maxAttempts: number;
  /** Unparsable bodies seen so far for this request, this one included. Default 1. */
  unparsableFailures?: number;
  /** Unparsable bodies tolerated before giving up. Default 4. */
  maxUnparsableAttempts?: number;
  /** First backoff ceiling in ms, doubled each attempt. Default 500. */
  baseDelayMs?: number;
  /** Largest backoff ceiling in ms. Default 30_000. */
  maxDelayMs?: number;
  /** Returns a number in [0, 1) for the jitter. Default `Math.random`. */
  random?: () => number;
}

/** The outcome: retry or not, why (snake_case), and how long to wait first. */
export interface RetryDecision {
  retry: boolean;
  reason: string;
  waitMs: number;
}

/**
 * Returns whether to retry: 5xx, 408, timeouts, network resets and truncated or unparsable
 * bodies back off exponentially with full jitter; 429 waits for `Retry-After`; other 4xx and
 * unknown hosts never retry; attempts are capped by `maxAttempts`.
 */
export function decideRetry(input: RetryInput): RetryDecision {
  const reason = retryReason(input.failure);
  if (reason === undefined) return { retry: false, reason: notRetryableReason(input), waitMs: 0 };

  if (input.attempt >= input.maxAttempts) {
    return { retry: false, reason: 'attempts_exhausted', waitMs: 0 };
  }

  const unparsable = input.unparsableFailures ?? 1;
  if (input.failure.kind === 'unparsable' && unparsable >= (input.maxUnparsableAttempts ?? 4)) {
    return { retry: false, reason: 'attempts_exhausted', waitMs: 0 };
  }

  const backoffMs = fullJitterBackoff(input);
  const retryAfterMs = input.failure.kind === 'status' ? input.failure.retryAfterMs : undefined;
  if (reason === 'too_many_requests') {
    return { retry: true, reason, waitMs: retryAfterMs ?? defaultRetryAfterMs };
  }

  return { retry: true, reason, waitMs: Math.max(backoffMs, retryAfterMs ?? 0) };
}

function retryReason(failure: RequestFailure): string | undefined {
  switch (failure.kind) {
    case 'status':
      if (failure.status === 429) return 'too_many_requests';
      if (failure.status >= 500) return 'server_error';
      if (failure.status === 408) return 'request_timeout';
      return undefined;
    case 'timeout':
      return 'timeout';
    case 'network':
      return unknownHostCodes.has(failure.code) ? undefined : 'network_error';
    case 'truncated':
      return 'truncated_body';
    case 'unparsable':
      return 'unparsable_body';
  }
}

function notRetryableReason(input: RetryInput): string {
  if (input.failure.kind === 'network') return 'unknown_host';

  return input.failure.kind === 'status' ? `status_${input.failure.status}` : 'not_retryable';
}

function fullJitterBackoff(input: RetryInput): number {
  const base = input.baseDelayMs ?? 500;
  const cap = input.maxDelayMs ?? 30_000;
  const ceiling = Math.min(cap, base * 2 ** (input.attempt - 1));
  const random = input.random ?? Math.random;

  return Math.floor(random() * ceiling);
}
