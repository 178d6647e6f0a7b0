import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BulkLoadFloorOptions,
  type BulkLoadMeasurement,
  bulkLoadMeasurement,
} from '../bulk-load-floor.ts';
import { describeWarehouseUrl } from '../open-warehouse.ts';
import { qualifiedName, quoteIdentifier, quoteLiteral } from '../sql-identifier.ts';
import { readColumnTypes } from './duckdb-catalog.ts';
import { encodeCsvRows } from './duckdb-csv.ts';
import { DuckDBWarehouse } from './duckdb-warehouse.ts';

/**
 * The floor for DuckDB writes: the same rows loaded by DuckDB's own CSV reader from local
 * files (`INSERT ... SELECT * FROM read_csv(...)` with the target types, one transaction, then
 * a checkpoint) into fresh tables of a scratch schema. Only the load is timed.
 */
export async function measureBulkLoadFloor(
  options: BulkLoadFloorOptions,
): Promise<BulkLoadMeasurement> {
  const warehouse = await DuckDBWarehouse.open({
    path: describeWarehouseUrl(options.url),
    schema: options.schema,
  });
  const scratch = await mkdtemp(join(tmpdir(), 'duckdb-floor-'));
  const connection = warehouse.rawConnection;
  try {
    for (const group of options.groups) await warehouse.ensureTables(group, 'live');
    const loads: string[] = [];
    for (const table of options.tables) {
      const file = join(scratch, `${table.table}.csv`);
      await writeFile(file, encodeCsvRows(table.rows, table.columns.length));
      const types = await readColumnTypes(connection, options.schema, table.table);
      const columns = table.columns.map(
        (column) => `${quoteLiteral(column)}: ${quoteLiteral(types.get(column) ?? 'VARCHAR')}`,
      );
      loads.push(
        `INSERT INTO ${qualifiedName(options.schema, table.table)}
          (${table.columns.map(quoteIdentifier).join(', ')})
          SELECT * FROM read_csv(${quoteLiteral(file)}, columns = {${columns.join(', ')}},
            header = false, allow_quoted_nulls = false, auto_detect = false)`,
      );
    }

    const started = performance.now();
    await connection.run('BEGIN TRANSACTION');
    for (const load of loads) await connection.run(load);
    await connection.run('COMMIT');
    await connection.run('CHECKPOINT');
    const durationMs = performance.now() - started;

    const rows = options.tables.reduce((total, table) => total + table.rows.length, 0);

    return bulkLoadMeasurement(rows, durationMs);
  } finally {
    await connection.run(`DROP SCHEMA IF EXISTS ${quoteIdentifier(options.schema)} CASCADE`);
    await warehouse.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
