import { errorMessage, LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';

/** Translates a failure to open a DuckDB file into an error that says what to do. */
export function duckdbOpenError(error: unknown, path: string): LightspeedSyncError {
  if (error instanceof LightspeedSyncError) return error;

  const message = errorMessage(error);
  if (/lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    const holder = pid ? `process ${pid}` : 'another process';

    return new LightspeedSyncError(
      'warehouse_locked',
      `The DuckDB file ${path} is in use by ${holder} (probably another sync or query). ` +
        'Stop that process or wait for it to finish, then try again.',
      { cause: error, details: { path, ...(pid ? { pid: Number(pid) } : {}) } },
    );
  }
  if (/does not exist/i.test(message)) {
    return new LightspeedSyncError(
      'warehouse_not_found',
      `There is no DuckDB file at ${path}. Run a sync first, or pass the right --warehouse.`,
      { cause: error, details: { path } },
    );
  }

  return duckdbWriteError(error, path) ?? unwritable(error, path);
}

/**
 * Recognises disk-full and permission failures of a write; returns undefined for anything
 * else so the caller keeps its own wording.
 */
export function duckdbWriteError(error: unknown, path: string): LightspeedSyncError | undefined {
  const message = errorMessage(error);
  if (/no space left|disk (is )?full|could not write all bytes|ENOSPC/i.test(message)) {
    return new LightspeedSyncError(
      'warehouse_disk_full',
      `The disk holding ${path} is full; nothing of the failed write was kept. Free some space ` +
        'and run the sync again: it resumes from the last committed page.',
      { cause: error, details: { path } },
    );
  }
  if (/permission denied|read-only file system|EACCES|EROFS/i.test(message)) {
    return unwritable(error, path);
  }

  return undefined;
}

function unwritable(error: unknown, path: string): LightspeedSyncError {
  return new LightspeedSyncError(
    'warehouse_unwritable',
    `Cannot open or write the DuckDB file ${path}: ${errorMessage(error)}. Check that its ` +
      'directory exists and is writable, or choose another path with --warehouse.',
    { cause: error, details: { path } },
  );
}

/** The error for writing through a warehouse opened read-only. */
export function readOnlyWarehouseError(path: string): LightspeedSyncError {
  return new LightspeedSyncError(
    'warehouse_read_only',
    `The DuckDB file ${path} was opened read-only; open it without readOnly to write.`,
    { details: { path } },
  );
}
