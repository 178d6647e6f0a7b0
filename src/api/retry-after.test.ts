import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRetryAfterMs, retryAfterDelayMs, retryAfterMarginMs } from './retry-after.ts';

const now = Date.parse('Wed, 15 Jul 2020 15:04:00 GMT');

describe('retryAfterDelayMs', () => {
  const cases: [string, string | null, string | null, number][] = [
    ['delta-seconds as given', '3', null, 3000],
    ['zero delta-seconds as a margin only', '0', null, 0],
    ['fractional delta-seconds', '1.5', null, 1500],
    ['an HTTP-date until its whole second has passed', 'Wed, 15 Jul 2020 15:04:05 GMT', null, 6000],
    [
      'an HTTP-date against the server clock when Date is sent',
      'Wed, 15 Jul 2020 15:04:05 GMT',
      'Wed, 15 Jul 2020 15:04:03 GMT',
      3000,
    ],
    ['an HTTP-date already past as one second', 'Wed, 15 Jul 2020 15:03:00 GMT', null, 0],
    ['a missing header as the default', null, null, defaultRetryAfterMs],
    ['an empty header as the default', '', null, defaultRetryAfterMs],
    ['garbage as the default', 'soon', null, defaultRetryAfterMs],
    ['negative seconds as the default', '-5', null, defaultRetryAfterMs],
  ];
  for (const [name, retryAfter, serverDate, expectedWithoutMargin] of cases) {
    it(`reads ${name}`, () => {
      const delay = retryAfterDelayMs({ retryAfter, serverDate, nowMs: now });
      assert.equal(delay, expectedWithoutMargin + retryAfterMarginMs);
    });
  }

  it('never lets a request land inside the second an HTTP-date names', () => {
    // The server may have meant any instant within 15:04:05; waiting for 15:04:06 is safe.
    const delay = retryAfterDelayMs({
      retryAfter: 'Wed, 15 Jul 2020 15:04:05 GMT',
      serverDate: null,
      nowMs: now + 999,
    });
    assert.ok(now + 999 + delay > Date.parse('Wed, 15 Jul 2020 15:04:06 GMT'));
  });
});
