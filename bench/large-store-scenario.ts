/**
 * The large-store measurements: the transport and load floors, a full sync into each
 * warehouse, and the incremental syncs after it, all against one fake store in its own process.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { catalog } from '../src/catalog/catalog.ts';
import type { FakeStoreOptions } from '../src/fake-store/index.ts';
import type { BenchLog, BenchPlan } from './bench-plan.ts';
import {
  type IncrementalFigures,
  type LoadFloorFigures,
  mebibytes,
  round,
  type SyncFigures,
  type TransportFloorFigures,
} from './bench-results.ts';
import { type FakeStoreProcess, startFakeStoreProcess } from './fake-store-process.ts';
import { measureLoadFloor } from './load-floor.ts';
import { createScratchDatabase } from './postgres-database.ts';
import { dumpRecords } from './record-dump.ts';
import { runSyncProcess, type SyncChildOutput } from './sync-process.ts';
import { measureTransportFloor } from './transport-floor.ts';

/** What the large store gave. */
export interface LargeStoreFigures {
  store: { sales: number; records: number; childRows: number };
  fullSync: SyncFigures[];
  floors: { transport: TransportFloorFigures; load: LoadFloorFigures[] };
  incremental: IncrementalFigures;
  /** Peak RSS of the DuckDB full sync, for the memory comparison. */
  duckdbPeakRssMiB: number;
}

const childTables = new Set(catalog.flatMap((spec) => spec.children.map((child) => child.name)));
const schema = 'lightspeed_retail';

/** Runs every large-store measurement in `dir` (files are removed after). */
export async function measureLargeStore(
  plan: BenchPlan,
  dir: string,
  log: BenchLog,
): Promise<LargeStoreFigures> {
  const storeOptions: FakeStoreOptions = {
    scale: { sales: plan.sales },
    rateLimit: { enabled: false },
  };
  log(`starting a fake store with ${plan.sales} sales`);
  const store = await startFakeStoreProcess(storeOptions);
  try {
    log('transport floor: paging every table, JSON.parse only');
    const transport = await measureTransportFloor(store, plan.pageSize);
    const transportFigures: TransportFloorFigures = {
      seconds: round(transport.durationMs / 1000),
      requests: transport.requests,
      records: transport.records,
      mebibytesReceived: mebibytes(transport.bytes),
      recordsPerSecond: Math.round(transport.records / (transport.durationMs / 1000)),
      peakRssMiB: mebibytes(transport.maxRssBytes),
    };

    const dumpDir = join(dir, 'dump');
    await mkdir(dumpDir, { recursive: true });
    log('load floor: writing the flattened rows to local files (not timed)');
    const dump = await dumpRecords({ store: storeOptions, pageSize: plan.pageSize, dir: dumpDir });
    const dumpRows = dump.tables.reduce((sum, table) => sum + table.rows, 0);
    const loadFloors: LoadFloorFigures[] = [];
    const loadFigures = (warehouse: string, durationMs: number): LoadFloorFigures => ({
      warehouse,
      seconds: round(durationMs / 1000),
      rows: dumpRows,
      rowsPerSecond: Math.round(dumpRows / (durationMs / 1000)),
    });

    log('load floor: DuckDB COPY from the files');
    const duckFloor = await measureLoadFloor({
      warehouseUrl: join(dir, 'floor.duckdb'),
      schema,
      dump,
    });
    loadFloors.push(loadFigures('duckdb', duckFloor.durationMs));
    await rm(join(dir, 'floor.duckdb'), { force: true });

    if (plan.postgres) {
      log('load floor: PostgreSQL COPY FROM STDIN of the files');
      const database = await createScratchDatabase('bench_floor');
      try {
        const pgFloor = await measureLoadFloor({ warehouseUrl: database.url, schema, dump });
        loadFloors.push(loadFigures('postgres', pgFloor.durationMs));
      } finally {
        await database.drop();
      }
    }
    await rm(dumpDir, { recursive: true, force: true });

    const figures = (warehouse: string, output: SyncChildOutput, storeRequests: number) =>
      syncFigures(warehouse, output, storeRequests, transportFigures, loadFloors);

    log('full sync into DuckDB');
    const duckdbUrl = join(dir, 'sync.duckdb');
    await store.resetStats();
    const duckSync = await runSyncProcess(syncInput(store, duckdbUrl, plan, true));
    const fullSync = [figures('duckdb', duckSync, (await store.stats()).requests)];

    if (plan.postgres) {
      log('full sync into PostgreSQL');
      const database = await createScratchDatabase('bench_sync');
      try {
        await store.resetStats();
        const pgSync = await runSyncProcess(syncInput(store, database.url, plan, true));
        fullSync.push(figures('postgres', pgSync, (await store.stats()).requests));
      } finally {
        await database.drop();
      }
    }

    const incremental = await measureIncremental(store, duckdbUrl, plan, duckSync.records, log);
    await rm(duckdbUrl, { force: true });
    await rm(`${duckdbUrl}.wal`, { force: true });

    return {
      store: {
        sales: plan.sales,
        records: duckSync.records,
        childRows: childRowsOf(duckSync),
      },
      fullSync,
      floors: { transport: transportFigures, load: loadFloors },
      incremental,
      duckdbPeakRssMiB: mebibytes(duckSync.maxRssBytes),
    };
  } finally {
    await store.stop();
  }
}

async function measureIncremental(
  store: FakeStoreProcess,
  duckdbUrl: string,
  plan: BenchPlan,
  storeRecords: number,
  log: BenchLog,
): Promise<IncrementalFigures> {
  log('incremental sync with no changes');
  await store.resetStats();
  const idle = await runSyncProcess(syncInput(store, duckdbUrl, plan, false));
  const idleRequests = (await store.stats()).requests;

  const changedRecords = Math.max(1, Math.round(storeRecords * plan.changeShare));
  log(`incremental sync after ${changedRecords} records changed`);
  await store.applyChanges({ updates: changedRecords });
  await store.resetStats();
  const changed = await runSyncProcess(syncInput(store, duckdbUrl, plan, false));
  const changedRequests = (await store.stats()).requests;

  return {
    noChanges: {
      seconds: round(idle.durationMs / 1000),
      requests: idleRequests,
      records: idle.records,
      tables: idle.tables.length,
    },
    changed: {
      share: plan.changeShare,
      changedRecords,
      seconds: round(changed.durationMs / 1000),
      requests: changedRequests,
      records: changed.records,
    },
  };
}

function syncInput(
  store: FakeStoreProcess,
  warehouseUrl: string,
  plan: BenchPlan,
  countRows: boolean,
) {
  return {
    apiBaseUrl: store.url,
    token: store.token,
    warehouseUrl,
    schema,
    pageSize: plan.pageSize,
    countRows,
  };
}

function childRowsOf(output: SyncChildOutput): number {
  return Object.entries(output.rowsByTable)
    .filter(([table]) => childTables.has(table))
    .reduce((sum, [, rows]) => sum + rows, 0);
}

function syncFigures(
  warehouse: string,
  output: SyncChildOutput,
  storeRequests: number,
  transport: TransportFloorFigures,
  loadFloors: readonly LoadFloorFigures[],
): SyncFigures {
  const seconds = output.durationMs / 1000;
  const childRows = childRowsOf(output);
  const load = loadFloors.find((floor) => floor.warehouse === warehouse)?.seconds ?? Number.NaN;
  const errors = output.tables.flatMap((table) => (table.error ? [table.error] : []));

  return {
    warehouse,
    ok: output.ok,
    errors,
    seconds: round(seconds),
    records: output.records,
    childRows,
    recordsPerSecond: Math.round(output.records / seconds),
    rowsPerSecond: Math.round((output.records + childRows) / seconds),
    peakRssMiB: mebibytes(output.maxRssBytes),
    cpuSeconds: round(output.cpuMs / 1000),
    requests: output.requests,
    storeRequests,
    vsTransportFloor: round(seconds / transport.seconds),
    vsLoadFloor: round(seconds / load),
    vsSlowerFloor: round(seconds / Math.max(transport.seconds, load)),
  };
}
