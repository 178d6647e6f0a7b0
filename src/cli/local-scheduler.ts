import type { SourceStore } from '../config/source-store.ts';
import { MemoryAlertLedger } from '../scheduler/alert-ledger.ts';
import { Alerter } from '../scheduler/alerter.ts';
import { MemoryJobQueue } from '../scheduler/memory-job-queue.ts';
import { MemoryTableLocks } from '../scheduler/memory-table-locks.ts';
import { listRunSources } from '../scheduler/run-sources.ts';
import { type RunningScheduler, startScheduler } from '../scheduler/scheduler.ts';
import type { ScheduledEventSink } from '../scheduler/table-job-runner.ts';
import type { WarehousePool } from '../scheduler/warehouse-pool.ts';

/** What an in-process scheduler next to the web app needs. */
export interface LocalSchedulerOptions {
  store: SourceStore;
  /** The web app's open warehouses, so both use the one DuckDB instance per file. */
  warehouses: WarehousePool;
  /** Warehouse for sources that name none. */
  warehouse?: string | undefined;
  apiUrl?: string | undefined;
  webhookUrl?: string | undefined;
  env: NodeJS.ProcessEnv;
  onEvent: ScheduledEventSink;
}

/**
 * Starts the scheduler in this process (one worker, in-memory queue and locks), sharing the
 * caller's warehouses: the web app keeps a DuckDB file open, so the schedule must run inside it.
 */
export function startLocalScheduler(options: LocalSchedulerOptions): Promise<RunningScheduler> {
  return startScheduler({
    mode: 'local',
    listSources: () =>
      listRunSources({
        store: options.store,
        warehouse: options.warehouse,
        apiUrl: options.apiUrl,
        env: options.env,
        // The app is where stores get linked: start with none and pick them up as they come.
        allowEmpty: true,
      }),
    queue: new MemoryJobQueue({ concurrency: 4 }),
    locks: new MemoryTableLocks(),
    alerter: new Alerter({
      ledger: new MemoryAlertLedger(),
      webhookUrl: options.webhookUrl,
      onEvent: options.onEvent,
    }),
    warehouses: options.warehouses,
    onEvent: options.onEvent,
  });
}
