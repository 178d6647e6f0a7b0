import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeStore } from './fake-store.ts';

const maxVersion = (records: Iterable<Record<string, unknown>>) =>
  Math.max(...[...records].map((record) => record.version as number));

test('applyChanges creates, updates and soft-deletes with new, higher versions', async () => {
  const store = await startFakeStore({ scale: { sales: 50, outlets: 2 } });
  try {
    const before = Math.max(
      maxVersion(store.records('sales')),
      maxVersion(store.records('inventory')),
    );
    const salesBefore = [...store.records('sales')].length;
    const summary = store.applyChanges({ creates: 3, updates: 4, deletes: 3 });

    assert.deepEqual(summary.byTable.products, { creates: 1, updates: 1, deletes: 1 });
    assert.deepEqual(summary.byTable.inventory, { creates: 2, updates: 1, deletes: 0 });
    assert.equal(summary.creates, 3 + 2);
    assert.equal(summary.updates, 4);
    assert.equal(summary.deletes, 3);
    assert.ok(summary.maxVersion > before);

    const sales = [...store.records('sales')];
    assert.equal(sales.length, salesBefore + 1);
    const changed = sales.filter((sale) => (sale.version as number) > before);
    assert.equal(changed.length, 3, 'one created, one updated, one deleted sale');
    assert.ok(changed.every((sale) => (sale.version as number) <= summary.maxVersion));
    assert.equal(changed.filter((sale) => sale.status === 'VOIDED' && sale.deleted_at).length, 1);

    const created = changed.find((sale) => !sales.slice(0, salesBefore).includes(sale));
    const response = await fetch(`${store.url}/api/2.0/sales/${created?.id}`, {
      headers: { Authorization: `Bearer ${store.token}` },
    });
    assert.deepEqual(((await response.json()) as { data: unknown }).data, created);
  } finally {
    await store.stop();
  }
});

test('a batch naming an unknown table or a negative count is refused', async () => {
  const store = await startFakeStore({ scale: { sales: 5 } });
  try {
    assert.throws(() => store.applyChanges({ updates: 1, tables: ['widgets' as 'sales'] }), {
      code: 'invalid_change_batch',
    });
    assert.throws(() => store.applyChanges({ creates: -1 }), { code: 'invalid_change_batch' });
  } finally {
    await store.stop();
  }
});

test('POST /_fake/changes applies a batch for a bearer and answers the summary', async () => {
  const store = await startFakeStore({ scale: { sales: 20 } });
  try {
    const post = (body: string, token = store.token) =>
      fetch(`${store.url}/_fake/changes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
      });

    const response = await post('{"updates": 3, "tables": ["customers"]}');
    assert.equal(response.status, 200);
    const summary = (await response.json()) as { updates: number; byTable: object };
    assert.equal(summary.updates, 3);
    assert.deepEqual(Object.keys(summary.byTable), ['customers']);

    assert.equal((await post('{}', 'wrong')).status, 401);
    assert.equal((await post('not json')).status, 400);
    assert.equal((await post('{"deletes": "many"}')).status, 400);
    assert.equal(store.stats().requests, 0, 'the control endpoint is not counted');
  } finally {
    await store.stop();
  }
});

test('live changes stream in the background and stop with the store', async () => {
  const store = await startFakeStore({ scale: { sales: 20 }, liveChanges: { perSecond: 200 } });
  const start = maxVersion(store.records('sales'));
  await sleep(350);
  await store.stop();
  const afterStop = maxVersion(store.records('sales'));
  await sleep(250);

  assert.ok(afterStop > start, 'changes arrived while running');
  assert.equal(maxVersion(store.records('sales')), afterStop, 'no changes after stop');
});
