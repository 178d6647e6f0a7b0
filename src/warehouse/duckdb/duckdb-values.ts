import { type DuckDBResultReader, DuckDBTypeId } from '@duckdb/node-api';
import { isoTimestampFromSqlText } from '../sql-timestamp-text.ts';
import type { QueryResult } from '../warehouse.ts';

type JsonSafe = string | number | boolean | null;

const timestampTypes = new Set<DuckDBTypeId>([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_TZ,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_NS,
]);

/**
 * Converts the rows read so far into JSON-safe primitives: decimals and big integers as strings,
 * timestamps as RFC 3339 text, JSON as text, lists and structs as JSON text.
 */
export function jsonSafeResult(reader: DuckDBResultReader, maxRows?: number): QueryResult {
  const columns = reader.columnNames();
  const isTimestamp = columns.map((_, index) => timestampTypes.has(reader.columnTypeId(index)));
  const rows = reader.getRowsJson();
  const limited = maxRows === undefined ? rows : rows.slice(0, maxRows);

  return {
    columns,
    rows: limited.map((row) =>
      row.map((value, index): JsonSafe => {
        if (value === null || typeof value === 'number' || typeof value === 'boolean') {
          return value;
        }
        if (typeof value === 'string') {
          return isTimestamp[index] ? isoTimestampFromSqlText(value) : value;
        }

        return JSON.stringify(value);
      }),
    ),
  };
}
