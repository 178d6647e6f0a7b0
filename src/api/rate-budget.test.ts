import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateBudget } from './rate-budget.ts';

function rateHeaders(limit: number, remaining: number): Headers {
  return new Headers({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
  });
}

describe('RateBudget', () => {
  it('lets one request out until the first response tells the limit', async () => {
    const budget = new RateBudget({ windowMs: 1000 });
    const first = await budget.acquire();
    let secondSent = false;
    const second = budget.acquire().then((permit) => {
      secondSent = true;
      return permit;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(secondSent, false);

    first.release(rateHeaders(10, 9));
    (await second).release(rateHeaders(10, 8));
    assert.equal(budget.stats().requests, 2);
    assert.equal(budget.stats().remaining, 8);
  });

  it('holds every request until a 429 block has passed', async () => {
    const budget = new RateBudget({ windowMs: 1000 });
    (await budget.acquire()).release(rateHeaders(10, 9));
    const blockedUntil = Date.now() + 200;
    budget.blockUntil(blockedUntil);

    const permit = await budget.acquire();
    assert.ok(Date.now() >= blockedUntil, 'sent before the block ended');
    permit.release(rateHeaders(10, 9));
    assert.equal(budget.stats().tooManyRequests, 1);
    assert.equal(budget.stats().waits, 1);
    assert.ok(budget.stats().totalWaitMs >= 150);
  });

  it('never sends more than the server allows in one window', async () => {
    const windowMs = 300;
    const limit = 6;
    const budget = new RateBudget({ windowMs });
    const windowStart = Date.now();
    let used = 0;
    let overLimit = 0;
    const sendTimes: number[] = [];
    for (let request = 0; request < 12; request += 1) {
      const permit = await budget.acquire();
      const window = Math.floor((Date.now() - windowStart) / windowMs);
      sendTimes.push(window);
      used = sendTimes.filter((sent) => sent === window).length;
      if (used > limit) overLimit += 1;
      permit.release(rateHeaders(limit, limit - used));
    }
    assert.equal(overLimit, 0);
    assert.ok(budget.stats().waits > 0);
  });

  it('does not pace a server that answers without rate-limit headers', async () => {
    const budget = new RateBudget({ windowMs: 10_000 });
    (await budget.acquire()).release(new Headers(), 200);

    const permits = await Promise.all([budget.acquire(), budget.acquire(), budget.acquire()]);

    assert.equal(budget.stats().waits, 0);
    for (const permit of permits) permit.release(new Headers(), 200);
  });

  it('stops a wait when the caller aborts', async () => {
    const budget = new RateBudget({ windowMs: 10_000 });
    (await budget.acquire()).release(rateHeaders(2, 0));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped')), 20);
    await assert.rejects(budget.acquire(controller.signal), /stopped/);
  });
});
