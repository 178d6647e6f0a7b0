import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PacingState, pacingDelayMs, waitForResponse } from './rate-pacing.ts';

const base: PacingState = {
  limit: 40,
  remaining: 40,
  unlimited: false,
  windowStart: 0,
  windowMs: 2000,
  windowMarginMs: 0,
  inFlight: 0,
  lastSendAt: 0,
  blockedUntil: 0,
  reserve: 1,
  burstShare: 0.5,
};

describe('pacingDelayMs', () => {
  const cases: [string, Partial<PacingState>, number, number][] = [
    ['lets the first request out', { limit: undefined, remaining: undefined }, 0, 0],
    [
      'holds others until the first response tells the limit',
      { limit: undefined, remaining: undefined, inFlight: 1 },
      0,
      waitForResponse,
    ],
    [
      'does not pace a server that sends no rate-limit headers',
      { limit: undefined, remaining: undefined, unlimited: true, inFlight: 3 },
      0,
      0,
    ],
    ['sends at once during the burst share', { remaining: 25, lastSendAt: 100 }, 100, 0],
    // spent 20 = burst; 19 usable over the 1900 ms left, 100 ms after the last send.
    ['spreads the rest over the window', { remaining: 20, lastSendAt: 100 }, 100, 100],
    [
      'counts requests in flight as spent',
      { remaining: 22, inFlight: 2, lastSendAt: 100 },
      100,
      100,
    ],
    [
      'never sends the reserve before the window ends',
      { remaining: 1, lastSendAt: 1500 },
      1500,
      500,
    ],
    ['probes once the window should have reset', { remaining: 1, lastSendAt: 1900 }, 2100, 0],
    [
      'probes only after the window margin',
      { remaining: 1, lastSendAt: 1900, windowMarginMs: 50 },
      2010,
      40,
    ],
    [
      'probes one at a time',
      { remaining: 0, inFlight: 1, lastSendAt: 2100 },
      2100,
      waitForResponse,
    ],
    ['waits out a 429 block first', { remaining: 39, blockedUntil: 5000 }, 1000, 4000],
  ];
  for (const [name, patch, now, expected] of cases) {
    it(name, () => {
      assert.equal(pacingDelayMs({ ...base, ...patch }, now), expected);
    });
  }

  it('uses the whole window for the allowance without bursting the end', () => {
    const state: PacingState = { ...base, remaining: 40 };
    const sends: number[] = [];
    for (let now = 0; now < 2000; now += 1) {
      if (pacingDelayMs(state, now) !== 0) continue;

      sends.push(now);
      state.remaining = (state.remaining ?? 0) - 1;
      state.lastSendAt = now;
    }
    assert.equal(sends.length, 39);
    const lastFive = sends.slice(-5);
    const gaps = lastFive.slice(1).map((at, index) => at - (lastFive[index] ?? 0));
    assert.ok(
      gaps.every((gap) => gap >= 50),
      `last gaps ${gaps.join(',')}`,
    );
  });
});
