import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { assertWarehouseMatchesStore } from '../../test/support/reconcile.ts';
import { tableNames } from '../catalog/catalog.ts';
import { PostgresSourceStore } from '../config/postgres-source-store.ts';
import { defaultTableSettings } from '../config/resolve-source.ts';
import { type FakeStore, startFakeStore } from '../fake-store/index.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import {
  createTestDatabase,
  type TestDatabase,
} from '../warehouse/postgres/postgres-test-database.ts';
import { advisoryLockKeys } from './postgres-table-locks.ts';
import {
  type RunWorker,
  startRunWorker,
  tableEvents,
  type WorkerEvent,
} from './run-worker-process.ts';

const cli = join(import.meta.dirname, '..', '..', 'bin', 'lightspeed-sync.js');

/** A slow store: pages of 50 records, every answer 150 ms late, so kills land mid-sync. */
function slowStore(): Promise<FakeStore> {
  return startFakeStore({
    scale: { sales: 600 },
    pageSize: { default: 50, max: 50 },
    rateLimit: { enabled: false },
    faults: { slowResponse: 1, slowMs: 150 },
  });
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

async function linkSource(database: TestDatabase, store: FakeStore, dir: string): Promise<void> {
  const linked = await runCli(
    ['link', '--domain-prefix', 'demo', '--api-url', store.url, '--store', database.url],
    {
      LIGHTSPEED_TOKEN: store.token,
      LIGHTSPEED_WAREHOUSE: database.url,
      LIGHTSPEED_SYNC_HOME: dir,
    },
  );
  assert.equal(linked.code, 0, linked.out);
}

function workerEnv(database: TestDatabase): NodeJS.ProcessEnv {
  return {
    LIGHTSPEED_WAREHOUSE: database.url,
    LIGHTSPEED_SYNC_HOME: join(database.name, 'unused'),
    LIGHTSPEED_TOKEN: '',
    LIGHTSPEED_DOMAIN_PREFIX: '',
    LIGHTSPEED_API_URL: '',
  };
}

function startWorker(database: TestDatabase, extra: string[] = []): RunWorker {
  return startRunWorker(
    ['--store', database.url, '--tick', '1', '--concurrency', '4', ...extra],
    workerEnv(database),
  );
}

async function stopAll(workers: RunWorker[]): Promise<(number | string)[]> {
  for (const worker of workers) worker.child.kill('SIGTERM');

  return Promise.all(workers.map((worker) => worker.exited));
}

/** Start and end times of each sync a worker ran, per table (an unfinished one ends never). */
function syncIntervals(events: WorkerEvent[]): { table: string; start: number; end: number }[] {
  const open = new Map<string, number>();
  const intervals: { table: string; start: number; end: number }[] = [];
  for (const event of events) {
    const table = String(event.table);
    const time = Date.parse(event.time);
    if (event.type === 'table_started') open.set(table, time);
    if (event.type === 'table_finished' || event.type === 'table_failed') {
      intervals.push({ table, start: open.get(table) ?? time, end: time });
      open.delete(table);
    }
  }
  for (const [table, start] of open) intervals.push({ table, start, end: Infinity });

  return intervals;
}

async function assertWarehouseExact(database: TestDatabase, store: FakeStore): Promise<void> {
  const warehouse = await openWarehouse({ url: database.url, readOnly: true });
  try {
    await assertWarehouseMatchesStore(warehouse, store);
  } finally {
    await warehouse.close();
  }
}

test('two workers share tables, never sync one at once, respect a held lock', async () => {
  const database = await createTestDatabase('lightspeed_run_two');
  const store = await slowStore();
  const holder = new pg.Client({ connectionString: database.url });
  let workers: RunWorker[] = [];
  try {
    await linkSource(database, store, join('/tmp', database.name));
    await holder.connect();
    const [high, low] = advisoryLockKeys({ source: 'demo', table: 'sales' });
    await holder.query('SELECT pg_advisory_lock($1, $2)', [high, low]);

    workers = [startWorker(database), startWorker(database)];
    const others = tableNames.filter((table) => table !== 'sales');
    await Promise.all(
      others.map((table) =>
        Promise.race(
          workers.map((w) => w.waitFor((e) => e.type === 'table_finished' && e.table === table)),
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const all = () => workers.flatMap((worker) => worker.events);
    assert.equal(
      tableEvents(all(), 'table_started', 'sales').length,
      0,
      'sales waited for its lock',
    );
    assert.ok(tableEvents(all(), 'table_skipped', 'sales').length > 0);

    await holder.end();
    await Promise.race(
      workers.map((w) => w.waitFor((e) => e.type === 'table_finished' && e.table === 'sales')),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const exits = await stopAll(workers);
    assert.deepEqual(exits, [0, 0], workers.map((w) => w.stderr()).join('\n'));

    for (const table of tableNames) {
      assert.equal(tableEvents(all(), 'table_started', table).length, 1, `${table} synced once`);
    }
    const [first, second] = workers.map((worker) => syncIntervals(worker.events));
    for (const a of first ?? []) {
      for (const b of second ?? []) {
        const overlap = a.table === b.table && a.start < b.end && b.start < a.end;
        assert.ok(!overlap, `${a.table} synced by both workers at once`);
      }
    }
    assert.ok(
      workers.every((worker) => tableEvents(worker.events, 'table_started').length > 0),
      'both workers took part',
    );
    await assertWarehouseExact(database, store);
  } finally {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await holder.end().catch(() => undefined);
    await store.stop();
    await database.drop();
  }
});

test('a worker killed mid-sync leaves its tables to another, no loss or duplicate', async () => {
  const database = await createTestDatabase('lightspeed_run_kill');
  const store = await slowStore();
  const workers: RunWorker[] = [];
  try {
    await linkSource(database, store, join('/tmp', database.name));
    const doomed = startWorker(database, ['--concurrency', '8']);
    workers.push(doomed);
    const committed = await doomed.waitFor(
      (e) => e.type === 'checkpoint_committed' && e.table === 'sales' && Number(e.totalRows) >= 150,
    );
    doomed.child.kill('SIGKILL');
    assert.equal(await doomed.exited, 'SIGKILL');
    assert.equal(tableEvents(doomed.events, 'table_finished', 'sales').length, 0);

    const survivor = startWorker(database);
    workers.push(survivor);
    const resumed = await survivor.waitFor(
      (e) => e.type === 'table_started' && e.table === 'sales',
    );
    assert.ok(Number(resumed.cursor) >= Number(committed.cursor), 'resumed from a committed page');
    for (const table of tableNames) {
      const finished = (e: WorkerEvent) => e.type === 'table_finished' && e.table === table;
      if (!doomed.events.some(finished)) await survivor.waitFor(finished);
    }
    assert.deepEqual(await stopAll([survivor]), [0]);

    await assertWarehouseExact(database, store);
  } finally {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await store.stop();
    await database.drop();
  }
});

test('a refused token halts its source with one alert; a new token recovers it', async () => {
  const database = await createTestDatabase('lightspeed_run_halt');
  const store = await startFakeStore({ scale: { sales: 100 }, rateLimit: { enabled: false } });
  const alerts: Record<string, unknown>[] = [];
  const webhook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      alerts.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
  const sources = new PostgresSourceStore({ url: database.url });
  let worker: RunWorker | undefined;
  try {
    const now = new Date().toISOString();
    const base = { domainPrefix: 'demo', apiBaseUrl: store.url, warehouse: database.url };
    const tables = defaultTableSettings();
    const bad = {
      ...base,
      name: 'bad',
      schema: 'bad_store',
      tables,
      createdAt: now,
      updatedAt: now,
    };
    await sources.save({ ...bad, name: 'good', schema: 'good_store' }, store.token);
    await sources.save(bad, 'revoked-token-value');

    worker = startWorker(database, ['--alert-webhook', webhookUrl]);
    const started = worker;
    await started.waitFor((e) => e.type === 'alert_raised' && e.source === 'bad');
    await Promise.all(
      tableNames.map((table) =>
        started.waitFor(
          (e) => e.type === 'table_finished' && e.source === 'good' && e.table === table,
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const badAlerts = alerts.filter((alert) => alert.source === 'bad');
    assert.equal(badAlerts.length, 1, 'one alert for the halted source');
    assert.equal(badAlerts[0]?.kind, 'halted');
    assert.ok(!JSON.stringify(alerts).includes('revoked-token-value'), 'no token in alerts');
    assert.ok(
      !JSON.stringify(started.events).includes('revoked-token-value'),
      'no token in events',
    );
    const failedAfterHalt = tableEvents(started.events, 'table_failed').filter(
      (e) => e.source === 'bad' && e.time > String(badAlerts[0]?.at),
    );
    assert.ok(failedAfterHalt.length <= tableNames.length, 'halted tables are not retried');

    const status = await runCli(
      ['status', '--warehouse', database.url, '--schema', 'bad_store'],
      workerEnv(database),
    );
    assert.match(status.out, /sales\s+failed\s+halted/);

    await sources.save(bad, store.token);
    await started.waitFor(
      (e) => e.type === 'table_finished' && e.source === 'bad' && e.table === 'sales',
    );
    const healed = await runCli(
      ['status', '--warehouse', database.url, '--schema', 'bad_store'],
      workerEnv(database),
    );
    assert.match(healed.out, /sales\s+succeeded\s+ok/);
    assert.deepEqual(await stopAll([started]), [0]);
  } finally {
    worker?.child.kill('SIGKILL');
    await sources.close();
    webhook.close();
    await store.stop();
    await database.drop();
  }
});
