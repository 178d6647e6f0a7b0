import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestFailure } from './request-failure.ts';
import { decideRetry, type RetryDecision } from './retry-policy.ts';

interface Case {
  name: string;
  failure: RequestFailure;
  attempt: number;
  maxAttempts?: number;
  unparsableFailures?: number;
  random?: number;
  expected: RetryDecision;
}

// With random = 0.5, the backoff is half of min(30_000, 500 * 2^(attempt - 1)).
const cases: Case[] = [
  {
    name: 'retries a 500 with backoff',
    failure: { kind: 'status', status: 500 },
    attempt: 1,
    expected: { retry: true, reason: 'server_error', waitMs: 250 },
  },
  {
    name: 'doubles the backoff ceiling each attempt',
    failure: { kind: 'status', status: 503 },
    attempt: 3,
    expected: { retry: true, reason: 'server_error', waitMs: 1000 },
  },
  {
    name: 'caps the backoff ceiling at 30 s',
    failure: { kind: 'status', status: 502 },
    attempt: 12,
    maxAttempts: 20,
    expected: { retry: true, reason: 'server_error', waitMs: 15_000 },
  },
  {
    name: 'draws the full jitter from zero',
    failure: { kind: 'status', status: 504 },
    attempt: 2,
    random: 0,
    expected: { retry: true, reason: 'server_error', waitMs: 0 },
  },
  {
    name: 'waits at least a 503 Retry-After',
    failure: { kind: 'status', status: 503, retryAfterMs: 4000 },
    attempt: 1,
    expected: { retry: true, reason: 'server_error', waitMs: 4000 },
  },
  {
    name: 'retries a timeout',
    failure: { kind: 'timeout' },
    attempt: 2,
    expected: { retry: true, reason: 'timeout', waitMs: 500 },
  },
  {
    name: 'retries a connection reset',
    failure: { kind: 'network', code: 'ECONNRESET' },
    attempt: 1,
    expected: { retry: true, reason: 'network_error', waitMs: 250 },
  },
  {
    name: 'retries a refused connection',
    failure: { kind: 'network', code: 'ECONNREFUSED' },
    attempt: 1,
    expected: { retry: true, reason: 'network_error', waitMs: 250 },
  },
  {
    name: 'never retries an unknown host',
    failure: { kind: 'network', code: 'ENOTFOUND' },
    attempt: 1,
    expected: { retry: false, reason: 'unknown_host', waitMs: 0 },
  },
  {
    name: 'retries a truncated body',
    failure: { kind: 'truncated' },
    attempt: 1,
    expected: { retry: true, reason: 'truncated_body', waitMs: 250 },
  },
  {
    name: 'retries an unparsable body a few times',
    failure: { kind: 'unparsable' },
    attempt: 3,
    unparsableFailures: 3,
    expected: { retry: true, reason: 'unparsable_body', waitMs: 1000 },
  },
  {
    name: 'gives up on the fourth unparsable body',
    failure: { kind: 'unparsable' },
    attempt: 5,
    unparsableFailures: 4,
    expected: { retry: false, reason: 'attempts_exhausted', waitMs: 0 },
  },
  {
    name: 'waits for Retry-After on a 429',
    failure: { kind: 'status', status: 429, retryAfterMs: 7050 },
    attempt: 1,
    expected: { retry: true, reason: 'too_many_requests', waitMs: 7050 },
  },
  {
    name: 'waits 30 s on a 429 without Retry-After',
    failure: { kind: 'status', status: 429 },
    attempt: 1,
    expected: { retry: true, reason: 'too_many_requests', waitMs: 30_000 },
  },
  {
    name: 'retries a 408',
    failure: { kind: 'status', status: 408 },
    attempt: 1,
    expected: { retry: true, reason: 'request_timeout', waitMs: 250 },
  },
  {
    name: 'never retries a 401',
    failure: { kind: 'status', status: 401 },
    attempt: 1,
    expected: { retry: false, reason: 'status_401', waitMs: 0 },
  },
  {
    name: 'never retries a 403',
    failure: { kind: 'status', status: 403 },
    attempt: 1,
    expected: { retry: false, reason: 'status_403', waitMs: 0 },
  },
  {
    name: 'never retries a 404',
    failure: { kind: 'status', status: 404 },
    attempt: 1,
    expected: { retry: false, reason: 'status_404', waitMs: 0 },
  },
  {
    name: 'never retries a 422',
    failure: { kind: 'status', status: 422 },
    attempt: 1,
    expected: { retry: false, reason: 'status_422', waitMs: 0 },
  },
  {
    name: 'stops a 5xx at maxAttempts',
    failure: { kind: 'status', status: 500 },
    attempt: 8,
    expected: { retry: false, reason: 'attempts_exhausted', waitMs: 0 },
  },
  {
    name: 'stops a 429 at maxAttempts',
    failure: { kind: 'status', status: 429, retryAfterMs: 1000 },
    attempt: 3,
    maxAttempts: 3,
    expected: { retry: false, reason: 'attempts_exhausted', waitMs: 0 },
  },
];

describe('decideRetry', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const decision = decideRetry({
        failure: testCase.failure,
        attempt: testCase.attempt,
        maxAttempts: testCase.maxAttempts ?? 8,
        ...(testCase.unparsableFailures === undefined
          ? {}
          : { unparsableFailures: testCase.unparsableFailures }),
        random: () => testCase.random ?? 0.5,
      });
      assert.deepEqual(decision, testCase.expected);
    });
  }

  it('keeps every jittered wait within the capped ceiling', () => {
    for (let attempt = 1; attempt < 20; attempt += 1) {
      const { waitMs } = decideRetry({
        failure: { kind: 'timeout' },
        attempt,
        maxAttempts: 20,
        random: () => 0.999_999,
      });
      assert.ok(waitMs < Math.min(30_000, 500 * 2 ** (attempt - 1)));
    }
  });
});
