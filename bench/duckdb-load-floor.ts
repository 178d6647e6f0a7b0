import { DuckDBInstance } from '@duckdb/node-api';
import { quoteIdentifier } from '../src/warehouse/sql-identifier.ts';
import type { DumpedTable } from './record-dump.ts';

/**
 * DuckDB's own bulk load: `COPY table FROM 'file.csv'` into tables the warehouse created, one
 * table after another, ending with a checkpoint as closing the sync's file does. Returns ms.
 */
export async function loadIntoDuckDB(
  path: string,
  schema: string,
  tables: readonly DumpedTable[],
): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const started = performance.now();
    for (const table of tables) {
      const target = `${quoteIdentifier(schema)}.${quoteIdentifier(table.table)}`;
      const columns = table.columns.map(quoteIdentifier).join(', ');
      const file = table.path.replaceAll("'", "''");
      await connection.run(`COPY ${target} (${columns}) FROM '${file}' (FORMAT csv, HEADER)`);
    }
    await connection.run('CHECKPOINT');

    return performance.now() - started;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
