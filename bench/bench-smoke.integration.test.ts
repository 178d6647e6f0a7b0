import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tableNames } from '../src/catalog/catalog.ts';
import { tinyPlan } from './bench-plan.ts';
import type { BenchResults } from './bench-results.ts';
import { formatReport } from './report-table.ts';
import { runBench } from './run-bench.ts';

/** Every number anywhere in `value`, with its JSON path. */
function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value))
    return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  }

  return [];
}

test('the bench machinery produces every figure on a tiny store', async () => {
  const results: BenchResults = await runBench(tinyPlan, () => {});

  for (const [path, value] of numbersIn(results)) {
    assert.ok(Number.isFinite(value) && value >= 0, `${path} is ${value}`);
  }
  assert.equal(results.fullSync.length, 2);
  for (const sync of results.fullSync) {
    assert.equal(sync.ok, true, sync.errors.join('; '));
    assert.equal(sync.records, results.store.records);
    assert.equal(sync.childRows, results.store.childRows);
    assert.ok(sync.seconds > 0 && sync.rowsPerSecond > sync.recordsPerSecond);
    assert.ok(sync.peakRssMiB > 20, `peak RSS ${sync.peakRssMiB} MiB`);
    assert.ok(sync.requests >= tableNames.length * 2);
    assert.ok(sync.vsSlowerFloor > 0 && sync.vsSlowerFloor <= sync.vsTransportFloor);
  }
  assert.ok(results.store.records > tinyPlan.sales && results.store.childRows > tinyPlan.sales);
  assert.equal(results.floors.transport.records, results.store.records);
  assert.deepEqual(
    results.floors.load.map((floor) => [floor.warehouse, floor.rows]),
    ['duckdb', 'postgres'].map((warehouse) => [
      warehouse,
      results.store.records + results.store.childRows,
    ]),
  );
  assert.equal(results.incremental.noChanges.requests, tableNames.length);
  assert.equal(results.incremental.noChanges.records, 0);
  assert.ok(results.incremental.changed.records >= results.incremental.changed.changedRecords);
  assert.equal(results.memory.points.length, 2);
  for (const backfill of [results.rateLimited.client, results.rateLimited.sync]) {
    assert.ok(backfill.requests > 0 && backfill.windows >= 1 && backfill.shareUsed > 0);
  }
  assert.ok(formatReport(results).length > 20);
});
