import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowanceShare } from './allowance-share.ts';

test('counts only the whole windows of a run against their allowance', () => {
  // 10 requests in each of two 1000 ms windows, then 3 in a partial third one.
  const offsets = [
    ...Array.from({ length: 10 }, (_, index) => index * 90),
    ...Array.from({ length: 10 }, (_, index) => 1000 + index * 90),
    2000,
    2010,
    2020,
  ];

  assert.equal(allowanceShare(offsets, 1000, 10), 1);
  assert.equal(allowanceShare(offsets, 1000, 20), 0.5);
});

test('measures a run shorter than a window against the part of the window it spanned', () => {
  assert.equal(allowanceShare([0, 99, 199, 299, 399, 499], 1000, 12), 1);
});

test('is zero for a run without requests', () => {
  assert.equal(allowanceShare([], 1000, 10), 0);
});
