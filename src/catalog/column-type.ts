/**
 * Logical column types. The engine converts API values to these canonical forms and each
 * warehouse maps them to its own SQL types:
 * - `text`: string
 * - `bigint`: integer number (versions, sequences; all below 2^53)
 * - `decimal`: exact decimal as a string, e.g. `"12.91"` (money, quantities, rates)
 * - `boolean`: boolean
 * - `timestamptz`: RFC 3339 string with an offset, e.g. `"2025-03-14T02:11:05+00:00"`
 * - `date`: `"YYYY-MM-DD"`
 * - `json`: JSON text of an object or array
 */
export type ColumnType =
  | 'text'
  | 'bigint'
  | 'decimal'
  | 'boolean'
  | 'timestamptz'
  | 'date'
  | 'json';

/** One column of a warehouse table. */
export interface ColumnSchema {
  name: string;
  type: ColumnType;
}

/** Builds a column list from a compact `{ name: type }` map, keeping its order. */
export function columns(map: Record<string, ColumnType>): ColumnSchema[] {
  return Object.entries(map).map(([name, type]) => ({ name, type }));
}
