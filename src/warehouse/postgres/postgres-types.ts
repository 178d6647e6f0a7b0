import type { ColumnType } from '../../catalog/column-type.ts';
import { isoTimestampFromSqlText } from '../sql-timestamp-text.ts';

const postgresTypes: Record<ColumnType, string> = {
  text: 'TEXT',
  bigint: 'BIGINT',
  decimal: 'NUMERIC',
  boolean: 'BOOLEAN',
  timestamptz: 'TIMESTAMPTZ',
  date: 'DATE',
  json: 'JSONB',
};

/** Returns the PostgreSQL type of a logical type (NUMERIC has no precision: never widened). */
export function postgresTypeFor(type: ColumnType): string {
  return postgresTypes[type];
}

/** Maps a PostgreSQL type (`information_schema.columns.data_type`) back to a logical type. */
export function logicalTypeFromPostgres(dataType: string): ColumnType {
  switch (dataType) {
    case 'numeric':
      return 'decimal';
    case 'bigint':
    case 'integer':
    case 'smallint':
      return 'bigint';
    case 'boolean':
      return 'boolean';
    case 'timestamp with time zone':
      return 'timestamptz';
    case 'date':
      return 'date';
    case 'jsonb':
    case 'json':
      return 'json';
    default:
      return 'text';
  }
}

const asText = (value: string): string => value;

// Type OIDs from pg_type: bool, int2, int4, float4, float8, timestamp, timestamptz.
const parsers = new Map<number, (value: string) => unknown>([
  [16, (value: string) => value === 't'],
  [21, Number],
  [23, Number],
  [700, Number],
  [701, Number],
  [1114, isoTimestampFromSqlText],
  [1184, isoTimestampFromSqlText],
]);

/**
 * Type parsers that keep every value JSON-safe and exact: int8 and numeric as strings,
 * timestamps as RFC 3339 text (the session runs in UTC), dates and JSON as their text.
 */
export const jsonSafeTypes = {
  getTypeParser: (oid: number): ((value: string) => unknown) => parsers.get(oid) ?? asText,
};
