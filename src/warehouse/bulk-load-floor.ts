import type { TableGroupSchema, TableRows } from './warehouse.ts';

/** What a bulk-load floor measurement loads, and where. */
export interface BulkLoadFloorOptions {
  /** The warehouse URL (same form as openWarehouse's). */
  url: string;
  /** A scratch schema: created for the measurement and dropped after. */
  schema: string;
  /** The groups whose tables receive `tables`. */
  groups: TableGroupSchema[];
  /** The rows, one entry per table (parents and children). */
  tables: TableRows[];
}

/** How fast the database's own bulk loader took the rows from local files. */
export interface BulkLoadMeasurement {
  /** Rows loaded over all tables. */
  rows: number;
  /** The load alone: writing the files and creating the tables are not counted. */
  durationMs: number;
  rowsPerSecond: number;
}

/** Builds a measurement from a row count and a duration. */
export function bulkLoadMeasurement(rows: number, durationMs: number): BulkLoadMeasurement {
  return { rows, durationMs, rowsPerSecond: Math.round((rows * 1000) / durationMs) };
}
