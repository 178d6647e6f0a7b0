import { XSeriesClient, type XSeriesClientOptions } from '../api/xseries-client.ts';
import { getTableSpec } from '../catalog/catalog.ts';
import type { TableName } from '../catalog/table-spec.ts';
import type { EventSink } from '../events/sync-event.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { withTableRunLock } from './table-run-lock.ts';
import { syncTable, type TableSyncResult } from './table-sync.ts';

/** One table to sync and how. */
export interface TableSelection {
  table: TableName;
  /** Default `incremental`. */
  method?: 'incremental' | 'full_refresh';
}

/** What a sync run needs. */
export interface RunSyncOptions {
  /** Store connection; one client per table is made from it, all sharing one rate budget. */
  connection: Omit<XSeriesClientOptions, 'onEvent'>;
  warehouse: Warehouse;
  tables: TableSelection[];
  /** Overrides every table's method with a full refresh. Default false. */
  fullRefresh?: boolean;
  /** How many tables sync at once. Default: all of them. */
  concurrency?: number;
  onEvent: EventSink;
  signal?: AbortSignal;
}

/** The outcome of a run: one result per requested table, in request order. */
export interface SyncRunResult {
  ok: boolean;
  tables: TableSyncResult[];
  durationMs: number;
}

/**
 * Syncs several tables at once under the store's shared rate budget. One failing table does
 * not stop the others; `ok` is true only when every table succeeded.
 */
export async function runSync(options: RunSyncOptions): Promise<SyncRunResult> {
  const startedAt = Date.now();
  const queue = options.tables.map((selection, index) => ({ selection, index }));
  const results: TableSyncResult[] = new Array(queue.length);
  const workers = Math.max(1, Math.min(options.concurrency ?? queue.length, queue.length));

  const work = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const spec = getTableSpec(next.selection.table);
      const client = new XSeriesClient({ ...options.connection, onEvent: options.onEvent });
      const { warehouse } = options;
      const lockKey = `${warehouse.location}|${warehouse.schema}|${spec.name}`;
      results[next.index] = await withTableRunLock(lockKey, () =>
        syncTable({
          spec,
          client,
          warehouse,
          fullRefresh: options.fullRefresh === true || next.selection.method === 'full_refresh',
          onEvent: options.onEvent,
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: workers }, work));

  return {
    ok: results.every((result) => result.status === 'succeeded'),
    tables: results,
    durationMs: Date.now() - startedAt,
  };
}
