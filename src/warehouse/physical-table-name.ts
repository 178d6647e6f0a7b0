import type { WriteTarget } from './warehouse.ts';

/** The suffix of the tables a full refresh builds before they are swapped in. */
export const refreshSuffix = '__refresh';

/** Returns the physical name of a table for a write target: `sales` or `sales__refresh`. */
export function physicalTableName(table: string, target: WriteTarget): string {
  return target === 'refresh' ? `${table}${refreshSuffix}` : table;
}

/** Tells whether a physical table is a refresh copy or bookkeeping (not user data). */
export function isInternalTable(name: string): boolean {
  return name.endsWith(refreshSuffix) || name === syncStateTable || name === syncRunsTable;
}

/** The table holding the history of finished runs. */
export const syncRunsTable = '_sync_runs';

/** The table holding each table's cursor and last run, next to the data. */
export const syncStateTable = '_sync_state';
