import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertWarehouseMatchesStore } from '../../test/support/reconcile.ts';
import { tableNames } from '../catalog/catalog.ts';
import { type FakeStore, startFakeStore } from '../fake-store/index.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { type RunWorker, startRunWorker, tableEvents } from './run-worker-process.ts';

interface LocalSetup {
  dir: string;
  env: NodeJS.ProcessEnv;
  warehouseFile: string;
}

async function localSetup(store: FakeStore): Promise<LocalSetup> {
  const dir = await mkdtemp(join(tmpdir(), 'ls-run-'));
  const warehouseFile = join(dir, 'run.duckdb');
  const env = {
    LIGHTSPEED_DOMAIN_PREFIX: 'demo',
    LIGHTSPEED_TOKEN: store.token,
    LIGHTSPEED_API_URL: store.url,
    LIGHTSPEED_WAREHOUSE: warehouseFile,
    LIGHTSPEED_SYNC_HOME: join(dir, 'home'),
    LIGHTSPEED_SOURCE_STORE: '',
    LIGHTSPEED_QUEUE_URL: '',
  };

  return { dir, env, warehouseFile };
}

function startLocal(setup: LocalSetup): RunWorker {
  return startRunWorker(['--tick', '1'], setup.env);
}

async function withWarehouse<T>(file: string, use: (w: Warehouse) => Promise<T>): Promise<T> {
  const warehouse = await openWarehouse({ url: file });
  try {
    return await use(warehouse);
  } finally {
    await warehouse.close();
  }
}

async function waitForTables(worker: RunWorker, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await worker.waitFor((e) => e.type === 'table_finished' && e.table === table);
  }
}

async function stop(worker: RunWorker): Promise<number | string> {
  worker.child.kill('SIGTERM');

  return worker.exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('SIGTERM mid-sync exits 0, the cursor matches the rows, a restart resumes', async () => {
  const store = await startFakeStore({
    scale: { sales: 600 },
    pageSize: { default: 50, max: 50 },
    rateLimit: { enabled: false },
    faults: { slowResponse: 1, slowMs: 150 },
  });
  const setup = await localSetup(store);
  try {
    const first = startLocal(setup);
    await first.waitFor(
      (e) => e.type === 'checkpoint_committed' && e.table === 'sales' && Number(e.totalRows) >= 150,
    );
    assert.equal(await stop(first), 0, first.stderr());
    assert.equal(tableEvents(first.events, 'table_finished', 'sales').length, 0, 'stopped early');

    const cursor = await withWarehouse(setup.warehouseFile, async (warehouse) => {
      const state = await warehouse.readState('sales');
      assert.equal(state?.lastErrorCode, 'interrupted');
      const result = await warehouse.query(
        'SELECT count(*), max(version) FROM lightspeed_retail.sales',
      );
      const [count, maxVersion] = result.rows[0] ?? [];
      const committed = [...store.records('sales')].filter(
        (record) => Number(record.version) <= Number(state?.cursor),
      );
      assert.equal(Number(maxVersion), state?.cursor, 'the cursor is the last committed row');
      assert.equal(Number(count), committed.length, 'every committed page, nothing more');
      assert.ok(committed.length < 600, 'the sync was stopped mid-way');

      return state?.cursor;
    });

    const second = startLocal(setup);
    const resumed = await second.waitFor((e) => e.type === 'table_started' && e.table === 'sales');
    assert.equal(resumed.cursor, cursor, 'the restart resumes from the stored cursor at once');
    // Tables the first worker finished are not due again; the rest resume and finish.
    const unfinished = tableNames.filter(
      (table) => tableEvents(first.events, 'table_finished', table).length === 0,
    );
    await waitForTables(second, unfinished);
    assert.equal(await stop(second), 0, second.stderr());

    await withWarehouse(setup.warehouseFile, (warehouse) =>
      assertWarehouseMatchesStore(warehouse, store),
    );
  } finally {
    await store.stop();
    await rm(setup.dir, { recursive: true, force: true });
  }
});

test('a restart syncs nothing before the next slot, and missed slots run once', async () => {
  const store = await startFakeStore({ scale: { sales: 100 }, rateLimit: { enabled: false } });
  const setup = await localSetup(store);
  try {
    const first = startLocal(setup);
    await waitForTables(first, tableNames);
    assert.equal(await stop(first), 0, first.stderr());

    const early = startLocal(setup);
    await early.waitFor((e) => e.type === 'scheduler_started');
    await sleep(3000);
    assert.equal(await stop(early), 0, early.stderr());
    assert.equal(tableEvents(early.events, 'table_started').length, 0, 'nothing was due yet');

    // Five 6h slots passed while nothing ran.
    const longAgo = Date.now() - 30 * 3_600_000;
    await withWarehouse(setup.warehouseFile, async (warehouse) => {
      for (const table of tableNames) {
        await warehouse.recordRun({
          table,
          status: 'succeeded',
          startedAt: new Date(longAgo).toISOString(),
          finishedAt: new Date(longAgo + 60_000).toISOString(),
        });
      }
    });

    const late = startLocal(setup);
    await waitForTables(late, tableNames);
    await sleep(3000);
    assert.equal(await stop(late), 0, late.stderr());
    for (const table of tableNames) {
      assert.equal(tableEvents(late.events, 'table_started', table).length, 1, `${table} ran once`);
    }
  } finally {
    await store.stop();
    await rm(setup.dir, { recursive: true, force: true });
  }
});
