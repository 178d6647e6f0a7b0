/** What the browser sees of a linked source: settings and table states, never its token. */
import { catalog } from '../catalog/catalog.ts';
import type { SyncMethod, TableName } from '../catalog/table-spec.ts';
import type { SourceConfig } from '../config/source-config.ts';
import { errorCode, errorMessage } from '../errors/lightspeed-sync-error.ts';
import { defaultFrequency, type Frequency } from '../scheduler/frequency.ts';
import type { TableState, Warehouse } from '../warehouse/warehouse.ts';
import { nextSyncAt } from './next-sync.ts';
import { type WebContext, warehouseUrlFor } from './web-context.ts';

/** A table's state in words the page shows as a badge. */
export type TableStatus = 'syncing' | 'succeeded' | 'failed' | 'halted' | 'never' | 'disabled';

/** One table of a source, as the pages show it. */
export interface TableView {
  name: TableName;
  description: string;
  enabled: boolean;
  method: SyncMethod;
  frequency: Frequency;
  status: TableStatus;
  rows: number;
  lastSyncAt: string | null;
  nextSyncAt: string | null;
  lastError: { code: string; message: string } | null;
}

/** A linked source, as the pages show it. */
export interface SourceView {
  name: string;
  domainPrefix: string;
  schema: string;
  /** Where the data lands, without any password. */
  warehouse: string;
  createdAt: string;
  syncing: boolean;
  tables: TableView[];
  /** Why the warehouse could not be read, when it could not. */
  warehouseError?: { code: string; message: string };
}

/** Builds the view of a source from its settings, its warehouse states and the running syncs. */
export async function buildSourceView(
  source: SourceConfig,
  context: WebContext,
): Promise<SourceView> {
  const running = new Set<string>(context.runner.runningTables(source.name));
  const view: SourceView = {
    name: source.name,
    domainPrefix: source.domainPrefix,
    schema: source.schema,
    warehouse: warehouseUrlFor(source, context.defaultWarehouseUrl),
    createdAt: source.createdAt,
    syncing: running.size > 0,
    tables: [],
  };

  let warehouse: Warehouse | undefined;
  let states = new Map<string, TableState>();
  try {
    warehouse = await context.warehouses.get(view.warehouse, source.schema);
    view.warehouse = warehouse.location;
    states = new Map((await warehouse.listStates()).map((state) => [state.table, state]));
  } catch (error) {
    view.warehouseError = { code: errorCode(error), message: errorMessage(error) };
  }

  for (const spec of catalog) {
    const settings = source.tables[spec.name] ?? {
      enabled: false,
      method: 'incremental' as const,
      frequency: defaultFrequency,
    };
    const state = states.get(spec.name);
    const rows = state && warehouse ? await warehouse.countRows(spec.name) : 0;
    view.tables.push({
      name: spec.name,
      description: spec.description,
      enabled: settings.enabled,
      method: settings.method,
      frequency: settings.frequency,
      status: tableStatus(settings.enabled, running.has(spec.name), state),
      rows,
      lastSyncAt: state?.lastFinishedAt ?? state?.lastStartedAt ?? null,
      nextSyncAt: nextSyncAt(settings, state?.lastStartedAt ?? null),
      lastError:
        state?.lastError && state.lastStatus !== 'succeeded'
          ? { code: state.lastErrorCode ?? 'internal_error', message: state.lastError }
          : null,
    });
  }

  return view;
}

function tableStatus(enabled: boolean, running: boolean, state?: TableState): TableStatus {
  if (running) return 'syncing';
  if (!enabled) return 'disabled';
  if (!state?.lastStatus) return 'never';
  // Started but not running in this process, or a full refresh left part-built: it stopped.
  if (state.lastStatus === 'running' || state.refreshCursor !== null) return 'halted';
  if (state.lastStatus === 'failed') return 'failed';

  return 'succeeded';
}
