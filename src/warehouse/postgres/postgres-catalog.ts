import type { PoolClient } from 'pg';
import type { ColumnSchema } from '../../catalog/column-type.ts';
import { qualifiedName, quoteIdentifier } from '../sql-identifier.ts';
import type { TableSchema } from '../warehouse.ts';
import { postgresTypeFor } from './postgres-types.ts';

/** Anything that runs a query: a pool or a checked-out client. */
export type Queryable = Pick<PoolClient, 'query'>;

/** Reads a table's columns and their types in order; an empty map when it is missing. */
export async function readColumnTypes(
  db: Queryable,
  schema: string,
  table: string,
): Promise<Map<string, string>> {
  const result = await db.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );

  return new Map(result.rows.map((row) => [row.column_name, row.data_type]));
}

/** The name of a physical table's primary key constraint (renamed with the table on a swap). */
export function primaryKeyName(table: string): string {
  return `${table}_pkey`;
}

/** Creates a table (when missing) with its columns and a named primary key. */
export function createTableSql(schema: string, name: string, table: TableSchema): string {
  const columns = table.columns.map(columnDefinition);
  const key = table.primaryKey.map(quoteIdentifier).join(', ');
  const constraint = `CONSTRAINT ${quoteIdentifier(primaryKeyName(name))} PRIMARY KEY (${key})`;

  return `CREATE TABLE IF NOT EXISTS ${qualifiedName(schema, name)} (
    ${[...columns, constraint].join(',\n    ')}
  )`;
}

/** Adds a column a table lacks. */
export function addColumnSql(schema: string, name: string, column: ColumnSchema): string {
  const table = qualifiedName(schema, name);

  return `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${columnDefinition(column)}`;
}

function columnDefinition(column: ColumnSchema): string {
  return `${quoteIdentifier(column.name)} ${postgresTypeFor(column.type)}`;
}
