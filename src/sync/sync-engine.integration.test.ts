import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { normalizeDecimal } from '../../test/support/exact-decimal.ts';
import { assertWarehouseMatchesStore } from '../../test/support/reconcile.ts';
import { ScriptedStore } from '../../test/support/scripted-store.ts';
import { tableNames } from '../catalog/catalog.ts';
import type { SyncEvent } from '../events/sync-event.ts';
import { type FakeStore, startFakeStore } from '../fake-store/index.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { runSync } from './run-sync.ts';

const allTables = tableNames.map((table) => ({ table }));

async function openDuckDb(dir: string, name: string): Promise<Warehouse> {
  return openWarehouse({ url: join(dir, name) });
}

function connectionTo(store: FakeStore) {
  return { domainPrefix: 'demo', token: store.token, apiBaseUrl: store.url };
}

describe('sync engine into DuckDB', () => {
  let dir: string;
  let store: FakeStore;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ls-engine-'));
    store = await startFakeStore({ scale: { sales: 1500 }, rateLimit: { enabled: false } });
  });

  after(async () => {
    await store.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('syncs every table exactly with exact money, then one request per table', async () => {
    const warehouse = await openDuckDb(dir, 'full.duckdb');
    try {
      const first = await runSync({
        connection: connectionTo(store),
        warehouse,
        tables: allTables,
        onEvent: () => {},
      });
      assert.equal(first.ok, true, JSON.stringify(first.tables.filter((t) => t.error)));
      await assertWarehouseMatchesStore(warehouse, store);

      store.resetStats();
      const second = await runSync({
        connection: connectionTo(store),
        warehouse,
        tables: allTables,
        onEvent: () => {},
      });
      assert.equal(second.ok, true);
      assert.deepEqual(
        second.tables.map((table) => [table.table, table.requests, table.rows]),
        tableNames.map((table) => [table, 1, 0]),
      );
      assert.equal(store.stats().requests, tableNames.length);
    } finally {
      await warehouse.close();
    }
  });

  test('applies creates, updates and deletes without duplicating child rows', async () => {
    const warehouse = await openDuckDb(dir, 'changes.duckdb');
    try {
      const sync = () =>
        runSync({
          connection: connectionTo(store),
          warehouse,
          tables: allTables,
          onEvent: () => {},
        });
      assert.equal((await sync()).ok, true);

      store.applyChanges({ creates: 40, updates: 120, deletes: 15 });
      const second = await sync();
      assert.equal(second.ok, true);
      assert.ok(second.tables.some((table) => table.rows > 0));
      await assertWarehouseMatchesStore(warehouse, store);

      const deleted = await warehouse.query(
        'SELECT count(*) FROM lightspeed_retail.sales WHERE deleted_at IS NOT NULL',
      );
      const storeDeleted = [...store.records('sales')].filter((sale) => sale.deleted_at).length;
      assert.equal(Number(deleted.rows[0]?.[0]), storeDeleted);
    } finally {
      await warehouse.close();
    }
  });

  test('a full refresh keeps the old table readable until it swaps the new one in', async () => {
    const warehouse = await openDuckDb(dir, 'refresh.duckdb');
    try {
      const tables = [{ table: 'sales' as const }];
      await runSync({ connection: connectionTo(store), warehouse, tables, onEvent: () => {} });
      const before = await warehouse.countRows('sales');
      store.applyChanges({ creates: 25, tables: ['sales'] });

      const seenDuringRefresh: number[] = [];
      const pending: Promise<void>[] = [];
      const onEvent = (event: SyncEvent) => {
        if (event.type === 'checkpoint_committed') {
          pending.push(
            warehouse.countRows('sales').then((count) => void seenDuringRefresh.push(count)),
          );
        }
      };
      const result = await runSync({
        connection: { ...connectionTo(store), pageSize: 200 },
        warehouse,
        tables,
        fullRefresh: true,
        onEvent,
      });
      await Promise.all(pending);

      assert.equal(result.ok, true);
      assert.equal(result.tables[0]?.mode, 'full_refresh');
      assert.ok(seenDuringRefresh.length > 1);
      assert.ok(seenDuringRefresh.every((count) => count === before));
      assert.equal(await warehouse.countRows('sales'), before + 25);
      await assertWarehouseMatchesStore(warehouse, store, 'lightspeed_retail', ['sales']);
    } finally {
      await warehouse.close();
    }
  });

  test('a wrong token fails every table with a clear error and keeps stored data', async () => {
    const warehouse = await openDuckDb(dir, 'token.duckdb');
    try {
      const tables = [{ table: 'outlets' as const }, { table: 'taxes' as const }];
      await runSync({ connection: connectionTo(store), warehouse, tables, onEvent: () => {} });
      const outlets = await warehouse.countRows('outlets');

      const result = await runSync({
        connection: { ...connectionTo(store), token: 'wrong-token' },
        warehouse,
        tables,
        onEvent: () => {},
      });
      assert.equal(result.ok, false);
      for (const table of result.tables) {
        assert.equal(table.status, 'failed');
        assert.equal(table.error?.code, 'invalid_token');
      }
      assert.equal(await warehouse.countRows('outlets'), outlets);
      const state = await warehouse.readState('outlets');
      assert.equal(state?.lastStatus, 'failed');
      assert.equal(state?.lastErrorCode, 'invalid_token');
      assert.ok(!JSON.stringify(await warehouse.listStates()).includes('wrong-token'));
    } finally {
      await warehouse.close();
    }
  });
});

describe('sync engine with unusual API responses', () => {
  let dir: string;
  const scripted = new ScriptedStore();
  let url: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ls-engine-odd-'));
    url = await scripted.start();
  });

  after(async () => {
    await scripted.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('adds a column for a new API field and rescues a value that does not fit', async () => {
    const warehouse = await openDuckDb(dir, 'evolve.duckdb');
    const connection = { domainPrefix: 'demo', token: 't', apiBaseUrl: url };
    const tables = [{ table: 'outlets' as const }];
    try {
      scripted.records.set('/outlets', [{ id: 'o1', name: 'Main', version: 5 }]);
      assert.equal((await runSync({ connection, warehouse, tables, onEvent: () => {} })).ok, true);

      const events: SyncEvent[] = [];
      scripted.records.set('/outlets', [
        { id: 'o1', name: 'Main', version: 5 },
        { id: 'o2', name: 'Pop-up', version: 9, latitude: -36.8485, opened_on: 'soon' },
        { id: 'o3', name: 'Kiosk', version: 11, deleted_at: 'not a time' },
      ]);
      const result = await runSync({
        connection,
        warehouse,
        tables,
        onEvent: (e) => events.push(e),
      });
      assert.equal(result.ok, true);
      assert.ok(events.some((e) => e.type === 'schema_changed' && e.change.includes('latitude')));

      const rows = await warehouse.query(
        'SELECT id, CAST(latitude AS VARCHAR), opened_on, deleted_at, _rescued_data ' +
          'FROM lightspeed_retail.outlets ORDER BY id',
      );
      assert.equal(normalizeDecimal(rows.rows[1]?.[1] as string), '-36.8485');
      assert.equal(rows.rows[1]?.[2], 'soon');
      assert.equal(rows.rows[2]?.[3], null);
      assert.deepEqual(JSON.parse(String(rows.rows[2]?.[4])), { deleted_at: 'not a time' });
    } finally {
      await warehouse.close();
    }
  });

  test('a record without a version fails only its table, naming it, writing nothing', async () => {
    const warehouse = await openDuckDb(dir, 'invalid.duckdb');
    const connection = { domainPrefix: 'demo', token: 't', apiBaseUrl: url };
    try {
      scripted.records.set('/registers', [{ id: 'r1', name: 'Till', version: 3 }]);
      scripted.records.set('/users', [{ id: 'u1', username: 'sam', version: 4 }]);
      const tables = [{ table: 'registers' as const }, { table: 'users' as const }];
      await runSync({ connection, warehouse, tables, onEvent: () => {} });

      scripted.records.set('/registers', [
        { id: 'r1', name: 'Till', version: 3 },
        { id: 'r2', name: 'Till 2', version: 7 },
        { id: 'r3', name: 'Broken' },
      ]);
      scripted.records.set('/users', [
        { id: 'u1', username: 'sam', version: 4 },
        { id: 'u2', username: 'kim', version: 8 },
      ]);
      const result = await runSync({ connection, warehouse, tables, onEvent: () => {} });

      const [registers, users] = result.tables;
      assert.equal(registers?.status, 'failed');
      assert.equal(registers?.error?.code, 'invalid_record');
      assert.match(registers?.error?.message ?? '', /registers/);
      assert.equal(users?.status, 'succeeded');
      assert.equal(await warehouse.countRows('registers'), 1);
      assert.equal((await warehouse.readState('registers'))?.cursor, 3);
      assert.equal(await warehouse.countRows('users'), 2);
    } finally {
      await warehouse.close();
    }
  });
});
