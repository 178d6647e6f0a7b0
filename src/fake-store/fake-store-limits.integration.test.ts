import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeStore } from './fake-store.ts';

const salesPath = '/api/2.0/sales?page_size=1';

test('a missing or wrong bearer token gets 401 with the documented JSON body', async () => {
  const store = await startFakeStore({ token: 'right', scale: { sales: 10 } });
  try {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: 'right' }]) {
      const response = await fetch(`${store.url}${salesPath}`, { headers });
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.deepEqual(await response.json(), { error: 'Access token is not valid' });
    }
    assert.equal(store.stats().status[401], 3);
  } finally {
    await store.stop();
  }
});

test('every authorised response carries the rate limit headers, 300 x registers + 50', async () => {
  const store = await startFakeStore({ scale: { sales: 10, outlets: 2, registersPerOutlet: 2 } });
  try {
    const headers = { Authorization: `Bearer ${store.token}` };
    const first = await fetch(`${store.url}${salesPath}`, { headers });
    const second = await fetch(`${store.url}/api/2.0/nope`, { headers });

    assert.equal(first.headers.get('x-ratelimit-limit'), '1250');
    assert.equal(first.headers.get('x-ratelimit-remaining'), '1249');
    assert.equal(second.status, 404);
    assert.equal(second.headers.get('x-ratelimit-remaining'), '1248');
  } finally {
    await store.stop();
  }
});

test('over the limit answers 429 until a whole-second HTTP-date Retry-After', async () => {
  const store = await startFakeStore({
    scale: { sales: 10 },
    rateLimit: { limit: 2, windowMs: 300 },
  });
  try {
    const call = () =>
      fetch(`${store.url}${salesPath}`, { headers: { Authorization: `Bearer ${store.token}` } });
    const windowOpened = Date.now();
    assert.equal((await call()).status, 200);
    assert.equal((await call()).status, 200);

    const refused = await call();
    assert.equal(refused.status, 429);
    assert.deepEqual(await refused.json(), {
      error: 'Too Many Requests',
      message: 'Rate limiting enforced',
    });
    assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
    const retryAfter = refused.headers.get('retry-after') ?? '';
    assert.match(retryAfter, /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
    const retryAt = Date.parse(retryAfter);
    assert.ok(retryAt >= windowOpened + 300, 'not before the window ends');
    assert.equal(retryAt % 1000, 0);
    assert.equal(store.stats().requestsBeforeRetryAfter, 0);

    assert.equal((await call()).status, 429);
    assert.equal(store.stats().requestsBeforeRetryAfter, 1, 'an early retry is counted');

    await sleep(Math.max(0, retryAt - Date.now()) + 5);
    assert.equal((await call()).status, 200);
    const stats = store.stats();
    assert.equal(stats.requestsBeforeRetryAfter, 1, 'a retry at Retry-After is not early');
    assert.equal(stats.tooManyRequests, 2);
    assert.equal(stats.byPath['/api/2.0/sales'], 5);
  } finally {
    await store.stop();
  }
});

test('rate limiting can be raised or switched off at run time', async () => {
  const store = await startFakeStore({ scale: { sales: 10 }, rateLimit: { limit: 1 } });
  try {
    const call = () =>
      fetch(`${store.url}${salesPath}`, { headers: { Authorization: `Bearer ${store.token}` } });
    assert.equal((await call()).status, 200);
    assert.equal((await call()).status, 429);

    store.setRateLimit({ limit: 5 });
    assert.equal((await call()).status, 200);
    store.setRateLimit({ enabled: false });
    for (let n = 0; n < 6; n++) assert.equal((await call()).status, 200);
    assert.equal((await call()).headers.get('x-ratelimit-limit'), null);
  } finally {
    await store.stop();
  }
});
