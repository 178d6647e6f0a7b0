import type { PageRequest, XSeriesClient, XSeriesPage } from '../api/xseries-client.ts';
import type { TableSpec } from '../catalog/table-spec.ts';
import { errorCode, errorMessage } from '../errors/lightspeed-sync-error.ts';
import type { EventSink } from '../events/sync-event.ts';
import type { Warehouse, WriteTarget } from '../warehouse/warehouse.ts';
import { buildGroupLayout, type GroupLayout, groupSchema } from './group-layout.ts';
import { readAhead } from './read-ahead.ts';
import { type TransformedPage, transformPage } from './record-transform.ts';

/** How one table run ended. */
export interface TableSyncResult {
  table: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  mode: 'incremental' | 'full_refresh';
  /** Records written in this run. */
  rows: number;
  /** HTTP requests this table made in this run. */
  requests: number;
  /** The table's cursor after the run. */
  cursor: number;
  durationMs: number;
  error?: { code: string; message: string };
}

/** What syncing one table needs. */
export interface TableSyncOptions {
  spec: TableSpec;
  client: XSeriesClient;
  warehouse: Warehouse;
  /** Rebuild the table from scratch beside the old one and swap at the end. Default false. */
  fullRefresh?: boolean;
  onEvent: EventSink;
  /** Stops after the page in flight is committed. */
  signal?: AbortSignal;
}

/**
 * Syncs one collection: reads pages after the stored cursor and commits each page's rows with
 * its cursor in one transaction, so a crash at any point loses and duplicates nothing. A full
 * refresh (or an unfinished one from an earlier run) builds new tables and swaps them in.
 */
export async function syncTable(options: TableSyncOptions): Promise<TableSyncResult> {
  const { spec, client, warehouse, onEvent, signal } = options;
  const startedAt = new Date();
  const requestsBefore = client.requestCount;
  const state = await warehouse.readState(spec.name);
  const fullRefresh = options.fullRefresh === true || state?.refreshCursor != null;
  const mode = fullRefresh ? 'full_refresh' : 'incremental';
  let rows = 0;
  let cursor = state?.cursor ?? 0;

  await warehouse.recordRun({
    table: spec.name,
    status: 'running',
    startedAt: startedAt.toISOString(),
  });

  const finish = async (
    status: TableSyncResult['status'],
    error?: unknown,
  ): Promise<TableSyncResult> => {
    const result: TableSyncResult = {
      table: spec.name,
      status,
      mode,
      rows,
      requests: client.requestCount - requestsBefore,
      cursor,
      durationMs: Date.now() - startedAt.getTime(),
    };
    if (error !== undefined)
      result.error = { code: errorCode(error), message: errorMessage(error) };
    await warehouse
      .recordRun({
        table: spec.name,
        status: status === 'succeeded' ? 'succeeded' : 'failed',
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        rows,
        ...(result.error
          ? { errorCode: result.error.code, errorMessage: result.error.message }
          : {}),
      })
      .catch(() => undefined);

    return result;
  };

  let inFlight: Promise<void> = Promise.resolve();
  try {
    const target: WriteTarget = fullRefresh ? 'refresh' : 'live';
    const group = await loadLayout(spec, warehouse, target);
    let after = cursor;
    if (fullRefresh) {
      after = await warehouse.beginRefresh(groupSchema(group));
      await warehouse.ensureTables(groupSchema(group), 'refresh');
    } else {
      await warehouse.ensureTables(groupSchema(group), 'live');
    }
    onEvent({ type: 'table_started', level: 'info', table: spec.name, mode, cursor: after });

    const request: PageRequest = spec;
    const pages = client.pages(request, signal ? { after, signal } : { after });
    const commit = async (page: XSeriesPage, transformed: TransformedPage): Promise<void> => {
      await warehouse.writePage({
        table: spec.name,
        target,
        parent: transformed.parent,
        children: transformed.children,
        cursor: page.cursor,
      });
      after = page.cursor;
      rows += page.records.length;
      if (!fullRefresh) cursor = page.cursor;
      onEvent({
        type: 'checkpoint_committed',
        level: 'debug',
        table: spec.name,
        cursor: page.cursor,
        rows: page.records.length,
        totalRows: rows,
      });
    };
    for await (const page of readAhead(pages)) {
      // Transforming this page overlaps with writing the previous one; pages still commit
      // one after the other, in order, each with its own cursor.
      const transformed = transformPage(group, page.records, new Date().toISOString());
      await inFlight;
      if (signal?.aborted) break;

      if (transformed.addedColumns.length > 0) {
        await warehouse.ensureTables(groupSchema(group), target);
        for (const change of transformed.addedColumns) {
          onEvent({ type: 'schema_changed', level: 'info', table: spec.name, change });
        }
      }
      inFlight = commit(page, transformed);
      // Awaited on the next page or after the walk; this only keeps Node from calling a
      // rejection that is about to be handled unhandled.
      inFlight.catch(() => undefined);
    }
    await inFlight;

    if (signal?.aborted) return await finish('cancelled', signal.reason);
    if (fullRefresh) {
      await warehouse.finishRefresh(groupSchema(group), after);
      cursor = after;
    }
    const result = await finish('succeeded');
    onEvent({
      type: 'table_finished',
      level: 'info',
      table: spec.name,
      rows,
      requests: result.requests,
      cursor,
      durationMs: result.durationMs,
    });

    return result;
  } catch (error) {
    // A page write may still be under way when the walk fails: let it settle first, so the
    // reported rows and cursor are what the warehouse holds.
    await inFlight.catch(() => undefined);
    const status = signal?.aborted ? 'cancelled' : 'failed';
    const result = await finish(status, error);
    onEvent({
      type: 'table_failed',
      level: 'error',
      table: spec.name,
      code: result.error?.code ?? 'internal_error',
      message: result.error?.message ?? 'unknown error',
      rows,
    });

    return result;
  }
}

async function loadLayout(
  spec: TableSpec,
  warehouse: Warehouse,
  target: WriteTarget,
): Promise<GroupLayout> {
  const names = [spec.name, ...spec.children.map((child) => child.name)];
  const existing = new Map<string, Awaited<ReturnType<Warehouse['describeTable']>>>();
  for (const name of names) {
    existing.set(name, await warehouse.describeTable(name, 'live'));
    if (target === 'refresh') {
      const refresh = await warehouse.describeTable(name, 'refresh');
      if (refresh) existing.set(name, refresh);
    }
  }

  return buildGroupLayout(spec, (name) => existing.get(name));
}
