import { DuckDBInstance } from '@duckdb/node-api';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';

interface CachedInstance {
  instance: Promise<DuckDBInstance>;
  readOnly: boolean;
  users: number;
}

const instances = new Map<string, CachedInstance>();

/**
 * DuckDB's buffer pool limit. A primary-key index lives in memory and grows with the table
 * (a 128 MB pool ran out at about 830,000 sales), so the limit must leave room for it: 2 GB
 * holds the index of well over ten million sales. LIGHTSPEED_DUCKDB_MEMORY_LIMIT overrides it.
 *
 * Known shortcoming: resident memory therefore grows with the warehouse's biggest table.
 * Dropping the index on top-level tables (keys stay unique by construction, as in child
 * tables) would let the pool stay small; it is kept because `id` is the declared primary key.
 */
export const defaultDuckDBMemoryLimit = '2GB';

/**
 * WAL size that triggers a checkpoint. DuckDB's default (16 MB) is smaller than one page of
 * sales, so nearly every page's commit also checkpointed; at 256 MB commits are four times
 * cheaper. The cost is a longer WAL replay after a crash, and a checkpoint on close.
 */
const checkpointThreshold = '256MB';

/**
 * Returns the process's one DuckDB instance for a file, opening it on first use. DuckDB locks a
 * file per instance, so every warehouse on the same file in this process shares one instance.
 * A read-only request reuses an open read-write instance (queries are read-only anyway).
 */
export async function acquireDuckDBInstance(
  path: string,
  readOnly: boolean,
): Promise<{ instance: DuckDBInstance; readOnly: boolean }> {
  const cached = instances.get(path);
  if (cached && (readOnly || !cached.readOnly)) {
    cached.users += 1;

    return { instance: await cached.instance, readOnly: cached.readOnly };
  }

  if (cached) {
    throw new LightspeedSyncError(
      'warehouse_locked',
      `The DuckDB file ${path} is open read-only in this process; close it before writing.`,
      { details: { path } },
    );
  }

  const options: Record<string, string> = {
    memory_limit: process.env.LIGHTSPEED_DUCKDB_MEMORY_LIMIT || defaultDuckDBMemoryLimit,
    checkpoint_threshold: checkpointThreshold,
    ...(readOnly ? { access_mode: 'READ_ONLY' } : {}),
  };
  const entry: CachedInstance = {
    instance: DuckDBInstance.create(path, options),
    readOnly,
    users: 1,
  };
  instances.set(path, entry);
  try {
    return { instance: await entry.instance, readOnly };
  } catch (error) {
    if (instances.get(path) === entry) instances.delete(path);
    throw error;
  }
}

/** Releases one use of a file's instance and closes it (freeing the file lock) after the last. */
export async function releaseDuckDBInstance(path: string, instance: DuckDBInstance): Promise<void> {
  const cached = instances.get(path);
  if (!cached || (await cached.instance) !== instance) {
    instance.closeSync();

    return;
  }

  cached.users -= 1;
  if (cached.users > 0) return;

  instances.delete(path);
  instance.closeSync();
}
