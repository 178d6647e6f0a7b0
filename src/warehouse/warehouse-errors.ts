import { errorMessage, LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** The error for a statement `query` refuses because it could write or is not one statement. */
export function queryRefusedError(reason: string): LightspeedSyncError {
  return new LightspeedSyncError(
    'query_refused',
    `Query refused: ${reason}. Only a single read-only statement (SELECT, WITH, SHOW, ` +
      'DESCRIBE, EXPLAIN or a reading PRAGMA) can run here.',
  );
}

/** The error for a read-only query the database rejected (syntax, unknown table...). */
export function queryFailedError(error: unknown): LightspeedSyncError {
  if (error instanceof LightspeedSyncError) return error;

  return new LightspeedSyncError('query_failed', `Query failed: ${errorMessage(error)}`, {
    cause: error,
  });
}

/** The error for a page write that failed and was rolled back. */
export function writeFailedError(error: unknown, table: string): LightspeedSyncError {
  if (error instanceof LightspeedSyncError) return error;

  return new LightspeedSyncError(
    'warehouse_write_failed',
    `Writing a page of ${table} failed and was rolled back (rows and cursor unchanged): ` +
      `${errorMessage(error)}`,
    { cause: error, details: { table } },
  );
}

/** The error for a write to a table group `ensureTables` never prepared in this warehouse. */
export function unknownGroupError(table: string): LightspeedSyncError {
  return new LightspeedSyncError(
    'warehouse_table_not_ready',
    `The table group ${table} was not prepared: call ensureTables (or beginRefresh) first.`,
    { details: { table } },
  );
}

/** The error for finishing a full refresh that was never begun. */
export function refreshNotStartedError(table: string): LightspeedSyncError {
  return new LightspeedSyncError(
    'refresh_not_started',
    `No full refresh of ${table} is under way: call beginRefresh before finishRefresh.`,
    { details: { table } },
  );
}
