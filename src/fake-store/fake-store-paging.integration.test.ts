import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TableName } from '../catalog/table-spec.ts';
import { type FakeStore, startFakeStore } from './fake-store.ts';

type Page = {
  data: Record<string, unknown>[];
  version?: { min: number | null; max: number | null };
};

let store: FakeStore;

before(async () => {
  store = await startFakeStore({ seed: 4, scale: { sales: 400 }, rateLimit: { enabled: false } });
});

after(() => store.stop());

async function get(path: string, target: FakeStore = store): Promise<Response> {
  return fetch(`${target.url}/api/2.0${path}`, {
    headers: { Authorization: `Bearer ${target.token}` },
  });
}

async function getPage(path: string, target: FakeStore = store): Promise<Page> {
  const response = await get(path, target);
  assert.equal(response.status, 200, path);

  return (await response.json()) as Page;
}

/** Pages a table to the end the way a connector does; `onPage` may change the store. */
async function walk(
  table: TableName,
  query: string,
  onPage: (page: number) => void = () => {},
): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = [];
  let cursor = 0;
  for (let page = 0; ; page++) {
    const body = await getPage(`/${table}?after=${cursor}&page_size=37${query}`);
    if (body.data.length === 0) return seen;

    seen.push(...body.data);
    const versions = body.data.map((record) => record.version as number);
    const next = body.version?.max ?? Math.max(...versions);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'ascending versions',
    );
    assert.ok(
      versions.every((version) => version > cursor),
      'after is exclusive',
    );
    cursor = next;
    onPage(page);
  }
}

test('paging every table to the end yields each record once, equal to records()', async () => {
  for (const table of [
    'sales',
    'customers',
    'products',
    'inventory',
    'outlets',
    'registers',
    'users',
    'taxes',
  ] as const) {
    const withDeleted = ['customers', 'products', 'outlets', 'registers'].includes(table);
    const seen = await walk(table, withDeleted ? '&deleted=true' : '');

    assert.deepEqual(seen, [...store.records(table)], table);
    assert.equal(new Set(seen.map((record) => record.id)).size, seen.length, `${table} ids unique`);
  }
});

test('a change made while paging shows up later in the same walk', async () => {
  const seen = await walk('sales', '', (page) => {
    if (page === 2) store.applyChanges({ updates: 6, creates: 2, deletes: 2, tables: ['sales'] });
  });

  const latest = new Map(seen.map((sale) => [sale.id, sale]));
  const expected = [...store.records('sales')];
  assert.equal(latest.size, expected.length);
  for (const sale of expected) assert.deepEqual(latest.get(sale.id), sale);
  assert.ok(seen.length > expected.length, 'records changed after being read appear again');
  const maxVersion = Math.max(...seen.map((sale) => sale.version as number));
  assert.equal(seen.at(-1)?.version, maxVersion, 'the walk ends on the newest change');
});

test('soft-deleted records appear only with deleted=true where the API supports it', async () => {
  store.applyChanges({ deletes: 4, tables: ['customers', 'registers', 'sales'] });
  const deleted = (records: Iterable<Record<string, unknown>>) =>
    [...records].filter((record) => record.deleted_at !== null).map((record) => record.id);

  for (const table of ['customers', 'registers'] as const) {
    const expected = deleted(store.records(table));
    assert.ok(expected.length > 0, `${table} has soft-deleted records`);
    assert.deepEqual(deleted(await walk(table, '')), [], `${table} hides them by default`);
    assert.deepEqual(deleted(await walk(table, '&deleted=true')), expected);
  }

  const voided = deleted(await walk('sales', ''));
  assert.ok(voided.length > 0, 'sales list soft-deleted sales without a flag');
  assert.deepEqual(voided, deleted(store.records('sales')));
});

test('an empty page has null versions by default, or none when configured', async () => {
  const past = 2 ** 50;
  const emptyText = await (await get(`/sales?after=${past}`)).text();
  assert.equal(emptyText, '{"data":[],"version":{"min":null,"max":null}}');

  const absent = await startFakeStore({ scale: { sales: 5 }, emptyPage: 'absent' });
  try {
    assert.equal(await (await get(`/customers?after=${past}`, absent)).text(), '{"data":[]}');
  } finally {
    await absent.stop();
  }
});

test('taxes answer without a version block unless configured', async () => {
  const taxes = await getPage('/taxes');
  assert.equal(taxes.version, undefined);
  assert.ok(taxes.data.length > 0);
  assert.ok(((taxes.data[0]?.rates ?? []) as unknown[]).length > 0);

  const withBlock = await startFakeStore({ scale: { sales: 5 }, taxesVersionBlock: true });
  try {
    const body = await getPage('/taxes', withBlock);
    assert.equal(body.version?.max, body.data.at(-1)?.version);
  } finally {
    await withBlock.stop();
  }
});

test('list envelopes put data first and report the page version range', async () => {
  const text = await (await get('/sales?page_size=3')).text();
  const body = JSON.parse(text) as Page;

  assert.ok(text.startsWith('{"data":['));
  assert.equal(body.data.length, 3);
  assert.equal(body.version?.min, body.data[0]?.version);
  assert.equal(body.version?.max, body.data[2]?.version);
});

test('page_size defaults and clamps; before is inclusive', async () => {
  const small = await startFakeStore({
    scale: { sales: 100 },
    pageSize: { default: 10, max: 20 },
  });
  try {
    assert.equal((await getPage('/sales', small)).data.length, 10);
    const clamped = await getPage('/sales?page_size=5000', small);
    assert.equal(clamped.data.length, 20);

    const upTo = clamped.data[4]?.version as number;
    const bounded = await getPage(`/sales?page_size=50&before=${upTo}`, small);
    assert.equal(bounded.data.length, 5);
  } finally {
    await small.stop();
  }
});

test('invalid after, before or page_size answer 400 with a JSON error', async () => {
  for (const query of ['after=abc', 'after=-1', 'page_size=1.5', 'page_size=0', 'before=x']) {
    const response = await get(`/sales?${query}`);
    assert.equal(response.status, 400, query);
    assert.match(((await response.json()) as { error: string }).error, /Invalid/);
  }
});

test('single-record GETs answer the current record or a 404 JSON error', async () => {
  const sale = [...store.records('sales')][5];
  const single = (await (await get(`/sales/${sale?.id}`)).json()) as { data: unknown };
  assert.deepEqual(single.data, sale);

  const missing = await get('/sales/00000000-0000-11ef-0000-000000000000');
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: 'sale not found' });

  const product = [...store.records('products')][1];
  const stock = await getPage(`/products/${product?.id}/inventory`);
  assert.equal(stock.data.length, [...store.records('outlets')].length);
  assert.ok(stock.data.every((item) => item.product_id === product?.id));

  const retailer = (await (await get('/retailer')).json()) as { data: Record<string, unknown> };
  assert.equal(retailer.data.domain_prefix, 'demo');
  assert.equal((await get('/taxes/anything')).status, 404);
  const unknown = await get('/widgets');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('content-type'), 'application/json; charset=utf-8');
});

test('the same seed serves the same store over HTTP, another seed another one', async () => {
  const stores = await Promise.all([4, 4, 5].map((seed) => startFakeStore({ seed })));
  try {
    for (const path of ['/sales?page_size=20', '/customers?page_size=20', '/products']) {
      const [first, twin, other] = await Promise.all(
        stores.map(async (target) => (await get(path, target)).text()),
      );
      assert.equal(twin, first, path);
      assert.notEqual(other, first, path);
    }
  } finally {
    await Promise.all(stores.map((target) => target.stop()));
  }
});

test('a 200k-sale store starts without generating its sales up front', async () => {
  const heapBefore = process.memoryUsage().heapUsed;
  const big = await startFakeStore({ scale: { sales: 200_000 }, rateLimit: { enabled: false } });
  try {
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    assert.ok(heapGrowth < 100 * 1024 * 1024, `heap grew ${heapGrowth} bytes at start`);

    const page = await getPage('/sales?page_size=500', big);
    assert.equal(page.data.length, 500);
    const registers = await getPage('/registers', big);
    const sequences = registers.data.map((register) => register.invoice_sequence as number);
    assert.ok(sequences.reduce((sum, sequence) => sum + sequence - 1000, 0) === 200_000);
  } finally {
    await big.stop();
  }
});
