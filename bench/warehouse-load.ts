/**
 * Warehouse write micro-benchmark: loads N synthetic sales (+3 line items each) through
 * writePage in pages, into a fresh DuckDB file and a fresh PostgreSQL database, and compares
 * with each database's own bulk load of the same rows from local files (the floor).
 *
 * Usage: node --import tsx bench/warehouse-load.ts [sales=100000] [pageSize=5000] [duckdb|postgres]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  BulkLoadFloorOptions,
  BulkLoadMeasurement,
} from '../src/warehouse/bulk-load-floor.ts';
import * as duckdbBulkLoad from '../src/warehouse/duckdb/duckdb-bulk-load-floor.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';
import * as postgresBulkLoad from '../src/warehouse/postgres/postgres-bulk-load-floor.ts';
import { createTestDatabase } from '../src/warehouse/postgres/postgres-test-database.ts';
import { salesGroup, syntheticSales } from './synthetic-sales.ts';

const total = Number(process.argv[2] ?? 100_000);
const pageSize = Number(process.argv[3] ?? 5000);
const only = process.argv[4];

/** Writes pre-built pages through writePage; times the writes and the closing checkpoint. */
async function measureWritePages(url: string): Promise<BulkLoadMeasurement> {
  const warehouse = await openWarehouse({ url, schema: 'bench_write' });
  await warehouse.ensureTables(salesGroup, 'live');
  const pages = [];
  for (let from = 0; from < total; from += pageSize) {
    pages.push({ from, ...syntheticSales(from, Math.min(pageSize, total - from)) });
  }
  let rows = 0;
  const started = performance.now();
  for (const { from, sales, items } of pages) {
    await warehouse.writePage({
      table: 'sales',
      target: 'live',
      parent: sales,
      children: [items],
      cursor: from + pageSize,
    });
    rows += sales.rows.length + items.rows.length;
  }
  await warehouse.close();
  const durationMs = performance.now() - started;

  return { rows, durationMs, rowsPerSecond: Math.round((rows * 1000) / durationMs) };
}

function floorOptions(url: string): BulkLoadFloorOptions {
  const { sales, items } = syntheticSales(0, total);

  return { url, schema: 'bench_floor', groups: [salesGroup], tables: [sales, items] };
}

function report(name: string, write: BulkLoadMeasurement, floor: BulkLoadMeasurement): void {
  const salesPerSecond = (m: BulkLoadMeasurement) => Math.round((total * 1000) / m.durationMs);
  console.log(
    `${name.padEnd(9)} writePage(${pageSize}): ${salesPerSecond(write)} sales/s ` +
      `(${write.rowsPerSecond} rows/s, ${write.durationMs.toFixed(0)} ms) | ` +
      `floor: ${salesPerSecond(floor)} sales/s (${floor.rowsPerSecond} rows/s, ` +
      `${floor.durationMs.toFixed(0)} ms) | ` +
      `writePage/floor ${(write.rowsPerSecond / floor.rowsPerSecond).toFixed(2)}`,
  );
}

console.log(`${total} sales + ${total * 3} line items, pages of ${pageSize}`);
if (only !== 'postgres') {
  const dir = await mkdtemp(join(tmpdir(), 'warehouse-bench-'));
  try {
    const write = await measureWritePages(join(dir, 'write.duckdb'));
    const floor = await duckdbBulkLoad.measureBulkLoadFloor(
      floorOptions(join(dir, 'floor.duckdb')),
    );
    report('duckdb', write, floor);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
if (only !== 'duckdb') {
  const database = await createTestDatabase('lightspeed_bench');
  try {
    const write = await measureWritePages(database.url);
    const floor = await postgresBulkLoad.measureBulkLoadFloor(floorOptions(database.url));
    report('postgres', write, floor);
  } finally {
    await database.drop();
  }
}
