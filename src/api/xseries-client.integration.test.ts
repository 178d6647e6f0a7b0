import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { customersTable } from '../catalog/tables/customers.ts';
import { salesTable } from '../catalog/tables/sales.ts';
import { taxesTable } from '../catalog/tables/taxes.ts';
import type { SyncEvent } from '../events/sync-event.ts';
import { type FakeStore, type FakeStoreOptions, startFakeStore } from '../fake-store/index.ts';
import { RateBudget } from './rate-budget.ts';
import { sharedRateBudget } from './rate-budget-registry.ts';
import { type PageRequest, XSeriesClient, type XSeriesClientOptions } from './xseries-client.ts';
import { XSeriesHttpError } from './xseries-http-error.ts';

const stores: FakeStore[] = [];

async function fakeStore(options: FakeStoreOptions = {}): Promise<FakeStore> {
  const store = await startFakeStore({ rateLimit: { enabled: false }, ...options });
  stores.push(store);

  return store;
}

function clientFor(
  store: FakeStore,
  events: SyncEvent[] = [],
  options: Partial<XSeriesClientOptions> = {},
): XSeriesClient {
  return new XSeriesClient({
    domainPrefix: 'demo',
    token: store.token,
    apiBaseUrl: store.url,
    rateBudget: new RateBudget(),
    backoffBaseMs: 20,
    onEvent: (event) => events.push(event),
    ...options,
  });
}

async function walkAll(client: XSeriesClient, table: PageRequest, from = 0) {
  const ids: unknown[] = [];
  const records: Record<string, unknown>[] = [];
  let cursor = from;
  let pages = 0;
  for await (const page of client.pages(table, { after: cursor })) {
    assert.equal(page.after, cursor);
    assert.ok(page.cursor > page.after);
    assert.ok(page.records.length > 0);
    ids.push(...page.records.map((record) => record.id));
    records.push(...page.records);
    cursor = page.cursor;
    pages += 1;
  }

  return { ids, records, cursor, pages };
}

function storeIds(store: FakeStore, table: 'sales' | 'customers' | 'taxes'): unknown[] {
  return [...store.records(table)].map((record) => record.id);
}

function assertExactlyOnce(actual: unknown[], expected: unknown[]): void {
  assert.equal(new Set(actual).size, actual.length, 'a record came twice');
  assert.deepEqual([...actual].sort(), [...expected].sort());
}

function retryReasons(events: SyncEvent[]): Set<string> {
  return new Set(
    events.flatMap((event) => (event.type === 'retry_scheduled' ? [event.reason] : [])),
  );
}

describe('XSeriesClient against the fake store', () => {
  after(async () => {
    await Promise.all(stores.map((store) => store.stop()));
  });

  it('walks a whole table through 5xx, cut bodies, HTML pages and 429 bursts', async () => {
    // Seed 4 draws every kind of fault within this walk, with one 429 burst.
    const store = await fakeStore({
      seed: 4,
      scale: { sales: 2000 },
      faults: {
        serverError: 0.1,
        truncatedBody: 0.1,
        htmlError: 0.15,
        tooManyRequestsBurst: 0.04,
      },
    });
    const events: SyncEvent[] = [];

    const walked = await walkAll(clientFor(store, events, { pageSize: 100 }), salesTable);

    assertExactlyOnce(walked.ids, storeIds(store, 'sales'));
    const stats = store.stats();
    assert.equal(stats.requestsBeforeRetryAfter, 0);
    assert.ok(stats.tooManyRequests > 0, 'no 429 burst was injected');
    const reasons = retryReasons(events);
    for (const reason of [
      'server_error',
      'truncated_body',
      'unparsable_body',
      'too_many_requests',
    ]) {
      assert.ok(reasons.has(reason), `no ${reason} retry in ${[...reasons].join(', ')}`);
    }
  });

  it('walks a long table under a tight rate limit without a single 429', async (t) => {
    const windowMs = 2000;
    const limit = 40;
    const store = await fakeStore({ scale: { sales: 1200 }, rateLimit: { limit, windowMs } });
    const client = clientFor(store, [], {
      pageSize: 10,
      rateBudget: new RateBudget({ windowMs }),
    });
    const started = Date.now();

    const walked = await walkAll(client, salesTable);

    const elapsed = Date.now() - started;
    const stats = store.stats();
    const allowance = (limit * elapsed) / windowMs;
    const share = stats.requests / allowance;
    t.diagnostic(
      `${stats.requests} requests in ${elapsed} ms; allowance ${allowance.toFixed(1)}; ` +
        `share used ${(share * 100).toFixed(1)}%`,
    );
    assert.equal(walked.ids.length, 1200);
    assert.equal(stats.tooManyRequests, 0);
    assert.ok(stats.requests >= 120);
    // The share of the allowance used is a performance figure: the benchmark reports it
    // (`npm run bench`); asserting it here would fail on a loaded machine.
  });

  it('walks two tables at once in one shared budget without a 429', async () => {
    const windowMs = 1000;
    const store = await fakeStore({ scale: { sales: 400 }, rateLimit: { limit: 30, windowMs } });
    const budget = new RateBudget({ windowMs });
    const options = { pageSize: 10, rateBudget: budget };

    const [salesWalk, customersWalk] = await Promise.all([
      walkAll(clientFor(store, [], options), salesTable),
      walkAll(clientFor(store, [], options), customersTable),
    ]);

    assertExactlyOnce(salesWalk.ids, storeIds(store, 'sales'));
    assertExactlyOnce(customersWalk.ids, storeIds(store, 'customers'));
    assert.equal(store.stats().tooManyRequests, 0);
    assert.equal(budget.stats().requests, store.stats().requests);
    assert.ok(budget.stats().waits > 0, 'the budget never had to pace');
  });

  it('shares one budget between clients of the same store by default', async () => {
    const store = await fakeStore({ scale: { sales: 50 } });
    const shared = { rateBudget: sharedRateBudget(store.url) };
    const before = shared.rateBudget.stats().requests;
    const first = new XSeriesClient({
      domainPrefix: 'demo',
      token: store.token,
      apiBaseUrl: store.url,
    });
    const second = new XSeriesClient({
      domainPrefix: 'x',
      token: store.token,
      apiBaseUrl: `${store.url}/`,
    });

    await first.getJson('/outlets', { page_size: '1' });
    await second.getJson('/registers', { page_size: '1' });

    assert.equal(shared.rateBudget.stats().requests - before, 2);
  });

  it('costs exactly one request when nothing changed since the cursor', async () => {
    const store = await fakeStore({ scale: { sales: 300 } });
    const { cursor } = await walkAll(clientFor(store), customersTable);
    store.resetStats();
    const client = clientFor(store);

    const walked = await walkAll(client, customersTable, cursor);

    assert.equal(walked.pages, 0);
    assert.equal(client.requestCount, 1);
    assert.equal(store.stats().requests, 1);
  });

  it('returns only what changed after the cursor, deleted customers included', async () => {
    const store = await fakeStore({ scale: { sales: 300 } });
    const { cursor } = await walkAll(clientFor(store), customersTable);
    store.applyChanges({ updates: 4, deletes: 3, tables: ['customers'] });
    const events: SyncEvent[] = [];

    const walked = await walkAll(clientFor(store, events), customersTable, cursor);

    const changed = [...store.records('customers')].filter(
      (record) => typeof record.version === 'number' && record.version > cursor,
    );
    assert.ok(changed.length >= 4);
    assertExactlyOnce(
      walked.ids,
      changed.map((record) => record.id),
    );
    assert.equal(walked.records.filter((record) => record.deleted_at).length, 3);
    const urls = events.flatMap((event) => (event.type === 'request_sent' ? [event.url] : []));
    assert.ok(urls.every((url) => url.includes('deleted=true')));
  });

  it('ends on a versionless empty page and pages taxes by record versions', async () => {
    const store = await fakeStore({ scale: { sales: 100 }, emptyPage: 'absent' });

    const taxes = await walkAll(clientFor(store, [], { pageSize: 1 }), taxesTable);
    const customers = await walkAll(clientFor(store, [], { pageSize: 7 }), customersTable);

    assertExactlyOnce(taxes.ids, storeIds(store, 'taxes'));
    assert.equal(taxes.pages, taxes.ids.length);
    assertExactlyOnce(customers.ids, storeIds(store, 'customers'));
  });

  it('halves the page size when big pages fail with 5xx, down to 100', async () => {
    const store = await fakeStore({ scale: { sales: 1000 }, faults: { serverError: 0.5 } });
    const events: SyncEvent[] = [];

    const walked = await walkAll(clientFor(store, events, { pageSize: 400 }), salesTable);

    assertExactlyOnce(walked.ids, storeIds(store, 'sales'));
    const sizes = events.flatMap((event) =>
      event.type === 'page_size_changed' ? [event.pageSize] : [],
    );
    assert.deepEqual(sizes, [200, 100]);
    const lastUrl = events.findLast((event) => event.type === 'request_sent');
    assert.match(lastUrl?.type === 'request_sent' ? lastUrl.url : '', /page_size=100/);
  });

  it('halves the page size when a big page times out', async () => {
    const store = await fakeStore({
      scale: { sales: 300 },
      faults: { slowResponse: 0.3, slowMs: 600 },
    });
    const events: SyncEvent[] = [];
    const client = clientFor(store, events, { pageSize: 200, requestTimeoutMs: 250 });

    const walked = await walkAll(client, salesTable);

    assertExactlyOnce(walked.ids, storeIds(store, 'sales'));
    const changes = events.filter((event) => event.type === 'page_size_changed');
    assert.deepEqual(
      changes.map((event) => (event.type === 'page_size_changed' ? event.reason : '')),
      ['timeout'],
    );
  });

  it('fails a walk with a wrong token at once as invalid_token', async () => {
    const store = await fakeStore();
    const client = new XSeriesClient({
      domainPrefix: 'demo',
      token: 'wrong-token',
      apiBaseUrl: store.url,
      rateBudget: new RateBudget(),
    });

    const error = await walkAll(client, salesTable).catch((thrown: unknown) => thrown);

    assert.ok(error instanceof XSeriesHttpError);
    assert.equal(error.code, 'invalid_token');
    assert.equal(error.status, 401);
    assert.equal(client.requestCount, 1);
  });

  it('passes the credential check with the right token', async () => {
    const store = await fakeStore();

    const info = await clientFor(store).checkCredentials();

    assert.equal(info.baseUrl, store.url);
    assert.ok(info.firstOutlet);
  });
});
