import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTimestamp, round2, round5 } from './wire-format.ts';

test('timestamps are UTC without fraction and with a +00:00 offset', () => {
  for (const instant of [
    0,
    Date.UTC(2025, 2, 14, 2, 11, 5, 999),
    Date.UTC(2024, 1, 29, 23, 59, 59),
  ]) {
    const expected = `${new Date(instant).toISOString().slice(0, 19)}+00:00`;
    assert.equal(formatTimestamp(instant), expected);
  }
});

test('money rounds to 2 and 5 decimals without negative zero', () => {
  assert.equal(round2(43.47826), 43.48);
  assert.equal(round5(21.739130434), 21.73913);
  assert.ok(Object.is(round2(-0.001), 0));
});
