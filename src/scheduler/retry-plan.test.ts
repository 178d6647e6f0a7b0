import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planSyncRetry, type RetryDecision } from './retry-plan.ts';

const cases: [string, number, Pick<RetryDecision, 'retry' | 'halt' | 'waitMs'>][] = [
  ['lightspeed_unavailable', 1, { retry: true, halt: false, waitMs: 30_000 }],
  ['lightspeed_unavailable', 2, { retry: true, halt: false, waitMs: 120_000 }],
  ['network_unreachable', 3, { retry: true, halt: false, waitMs: 480_000 }],
  ['network_unreachable', 4, { retry: false, halt: false, waitMs: 0 }],
  ['internal_error', 1, { retry: true, halt: false, waitMs: 30_000 }],
  ['invalid_token', 1, { retry: false, halt: true, waitMs: 0 }],
  ['permission_denied', 1, { retry: false, halt: true, waitMs: 0 }],
  ['interrupted', 1, { retry: false, halt: false, waitMs: 0 }],
];

for (const [code, attempt, expected] of cases) {
  test(`a ${code} failure on attempt ${attempt} ${describe(expected)}`, () => {
    const decision = planSyncRetry(code, attempt);
    assert.deepEqual(
      { retry: decision.retry, halt: decision.halt, waitMs: decision.waitMs },
      expected,
    );
    assert.ok(decision.reason.length > 0);
  });
}

test('the retry policy sets the number of retries and the first wait', () => {
  const policy = { maxRetries: 1, baseDelayMs: 100 };
  assert.equal(planSyncRetry('lightspeed_unavailable', 1, policy).waitMs, 100);
  assert.equal(planSyncRetry('lightspeed_unavailable', 2, policy).retry, false);
});

function describe(decision: Pick<RetryDecision, 'retry' | 'halt' | 'waitMs'>): string {
  if (decision.halt) return 'halts the source';
  if (decision.retry) return `retries after ${decision.waitMs} ms`;

  return 'waits for the next slot';
}
