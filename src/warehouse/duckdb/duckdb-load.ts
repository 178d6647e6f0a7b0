import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../sql-identifier.ts';
import type { RowValue } from '../warehouse.ts';

/**
 * Loads rows into a fresh temporary all-VARCHAR table through DuckDB's Appender, the fastest
 * way in from JavaScript. Values are cast to the target types later, in SQL, so a bad value
 * fails the transaction instead of being half-loaded.
 */
export async function stageRows(
  connection: DuckDBConnection,
  stage: string,
  columns: readonly string[],
  rows: readonly RowValue[][],
): Promise<void> {
  const definitions = columns.map((column) => `${quoteIdentifier(column)} VARCHAR`).join(', ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(stage)} (${definitions})`);

  const appender = await connection.createAppender(stage, 'main', 'temp');
  try {
    for (const row of rows) {
      for (let index = 0; index < columns.length; index += 1) {
        const value = row[index];
        if (value === null || value === undefined) appender.appendNull();
        else appender.appendVarchar(typeof value === 'string' ? value : String(value));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
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
