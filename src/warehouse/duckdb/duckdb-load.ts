import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../sql-identifier.ts';
import type { RowValue } from '../warehouse.ts';
import { encodeCsvRows } from './duckdb-csv.ts';

/**
 * Loads rows into a fresh temporary all-VARCHAR table: the rows are written as one CSV file
 * and read by DuckDB's parallel CSV reader, about twice as fast as the Appender, whose
 * per-value native calls dominated the sync's CPU time. Values are cast to the target types
 * later, in SQL, so a bad value fails the transaction instead of being half-loaded.
 */
export async function stageRows(
  connection: DuckDBConnection,
  stage: string,
  columns: readonly string[],
  rows: readonly RowValue[][],
): Promise<void> {
  const definitions = columns.map((column) => `${quoteIdentifier(column)} VARCHAR`).join(', ');
  if (rows.length === 0) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(stage)} (${definitions})`);
    return;
  }

  const file = join(stagingDir(), `${process.pid}-${stage}-${randomUUID()}.csv`);
  const columnTypes = columns.map((column) => `${quoteLiteral(column)}: 'VARCHAR'`).join(', ');
  try {
    await writeFile(file, encodeCsvRows(rows, columns.length));
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(stage)} AS
        SELECT * FROM read_csv(${quoteLiteral(file)}, columns = {${columnTypes}}, header = false,
          allow_quoted_nulls = false, auto_detect = false, parallel = true)`,
    );
  } finally {
    await rm(file, { force: true });
  }
}

/** Where staging files go: LIGHTSPEED_STAGING_DIR, else the system's temporary folder. */
function stagingDir(): string {
  return process.env.LIGHTSPEED_STAGING_DIR || tmpdir();
}

/** Deletes the target rows whose primary key appears in the stage. */
export function deleteStagedKeysSql(
  target: string,
  stage: string,
  primaryKey: readonly string[],
  types: ReadonlyMap<string, string>,
): string {
  const matches = primaryKey
    .map((column) => {
      const quoted = quoteIdentifier(column);

      return `${target}.${quoted} = CAST(s.${quoted} AS ${typeOf(types, column)})`;
    })
    .join(' AND ');

  const staged = `temp.main.${quoteIdentifier(stage)}`;

  return `DELETE FROM ${target} WHERE EXISTS (SELECT 1 FROM ${staged} s WHERE ${matches})`;
}

/** Deletes the child rows whose parent key is one of the staged parents' ids. */
export function deleteStagedChildrenSql(
  child: string,
  parentKey: string,
  parentStage: string,
  parentIdColumn: string,
  parentKeyType: string,
): string {
  return `DELETE FROM ${child} WHERE ${quoteIdentifier(parentKey)} IN (
    SELECT CAST(${quoteIdentifier(parentIdColumn)} AS ${parentKeyType})
    FROM temp.main.${quoteIdentifier(parentStage)})`;
}

/** Inserts every staged row into the target, casting each column to its type. */
export function insertStagedSql(
  target: string,
  stage: string,
  columns: readonly string[],
  types: ReadonlyMap<string, string>,
): string {
  const names = columns.map(quoteIdentifier).join(', ');
  const casts = columns
    .map((column) => `CAST(${quoteIdentifier(column)} AS ${typeOf(types, column)})`)
    .join(', ');

  const staged = `temp.main.${quoteIdentifier(stage)}`;

  return `INSERT INTO ${target} (${names}) SELECT ${casts} FROM ${staged}`;
}

function typeOf(types: ReadonlyMap<string, string>, column: string): string {
  return types.get(column) ?? 'VARCHAR';
}
