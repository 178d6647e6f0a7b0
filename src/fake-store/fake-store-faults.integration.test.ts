import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type FakeStore, startFakeStore } from './fake-store.ts';

let store: FakeStore;
let snapshot: string;

const call = (path = '/api/2.0/sales?page_size=200') =>
  fetch(`${store.url}${path}`, { headers: { Authorization: `Bearer ${store.token}` } });

before(async () => {
  store = await startFakeStore({ scale: { sales: 300 }, rateLimit: { enabled: false } });
  snapshot = JSON.stringify([...store.records('sales')]);
});

after(async () => {
  assert.equal(JSON.stringify([...store.records('sales')]), snapshot, 'faults changed no data');
  await store.stop();
});

test('server errors answer 500, 502 or 503 with a JSON or empty body', async () => {
  store.setFaults({ serverError: 1 });
  const bodies = new Set<string>();
  for (let n = 0; n < 12; n++) {
    const response = await call();
    assert.ok([500, 502, 503].includes(response.status), String(response.status));
    bodies.add(await response.text());
  }
  store.setFaults({});

  assert.ok(bodies.has(''), 'some bodies are empty');
  assert.ok(bodies.has('{"error":"Internal Server Error"}'));
  assert.equal((await call()).status, 200);
});

test('a 429 burst refuses every request until its Retry-After, 1-2 s ahead', async () => {
  store.resetStats();
  store.setFaults({ tooManyRequestsBurst: 1 });
  const first = await call();
  const second = await call();
  store.setFaults({});

  assert.equal(first.status, 429);
  assert.equal(second.status, 429);
  const retryAt = Date.parse(first.headers.get('retry-after') ?? '');
  assert.equal(retryAt % 1000, 0);
  assert.ok(retryAt - Date.now() <= 2000 && retryAt > Date.now() - 1000);
  assert.equal(second.headers.get('retry-after'), first.headers.get('retry-after'));
  assert.equal(store.stats().requestsBeforeRetryAfter, 1);
  assert.equal(store.stats().tooManyRequests, 2);
});

test('a truncated body announces more bytes than it sends, then the socket closes', async () => {
  store.setFaults({ truncatedBody: 1 });
  const response = await call();
  store.setFaults({});

  assert.equal(response.status, 200);
  assert.ok(Number(response.headers.get('content-length')) > 1000);
  await assert.rejects(response.text());
});

test('a slow response arrives after the configured delay, intact', async () => {
  store.setFaults({ slowResponse: 1, slowMs: 300 });
  const startedAt = performance.now();
  const response = await call('/api/2.0/outlets');
  store.setFaults({});

  assert.equal(response.status, 200);
  assert.ok(performance.now() - startedAt >= 290);
  assert.ok(((await response.json()) as { data: unknown[] }).data.length > 0);
});

test('an HTML error page comes as 200 or 503 with text/html', async () => {
  store.setFaults({ htmlError: 1 });
  const statuses = new Set<number>();
  for (let n = 0; n < 12; n++) {
    const response = await call();
    statuses.add(response.status);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await response.text(), /^<!DOCTYPE html>/);
  }
  store.setFaults({});

  assert.deepEqual([...statuses].sort(), [200, 503]);
});

test('fault probabilities outside 0..1 are refused at start', async () => {
  await assert.rejects(startFakeStore({ faults: { serverError: 2 } }), {
    code: 'invalid_fake_store_option',
  });
});
