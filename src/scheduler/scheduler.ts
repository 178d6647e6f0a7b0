import { hostname } from 'node:os';
import { errorMessage, LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import type { Alerter } from './alerter.ts';
import { HaltRecovery } from './halt-recovery.ts';
import { planDueTables } from './plan-due-tables.ts';
import { defaultRetryPolicy, interruptedCode, type RetryPolicy } from './retry-plan.ts';
import type { RunSource, RunSourceList } from './run-sources.ts';
import type { TableJobQueue } from './table-job-queue.ts';
import { runTableJob, type ScheduledEventSink, type TableJobContext } from './table-job-runner.ts';
import type { TableLocks } from './table-locks.ts';
import { WarehousePool } from './warehouse-pool.ts';

/** What a scheduler is built from; the queue and locks decide local or shared mode. */
export interface SchedulerOptions {
  mode: 'local' | 'queue';
  /** Lists the sources to run, read again at every tick (sources can be linked meanwhile). */
  listSources(): Promise<RunSourceList>;
  queue: TableJobQueue;
  locks: TableLocks;
  alerter: Alerter;
  /** Default: a new pool, closed on stop. */
  warehouses?: WarehousePool;
  /** Default `defaultRetryPolicy` (3 retries, 30 s first wait). */
  retryPolicy?: RetryPolicy;
  /** How often due tables are looked for, in ms. Default 15_000. */
  tickMs?: number;
  /** How often a halted source's unchanged token is tried again, in ms. Default 1 h. */
  haltRecheckMs?: number;
  /** Name of this worker in events. Default `host:pid`. */
  worker?: string;
  onEvent: ScheduledEventSink;
}

/** A running scheduler. */
export interface RunningScheduler {
  /**
   * Stops: syncs in progress stop after the page in flight is committed (their tables resume
   * first thing on the next start), then connections close.
   */
  stop(reason: string): Promise<void>;
}

/**
 * Starts syncing every enabled table of every source when it is due: a tick queues due tables,
 * the queue hands them to this worker (or any worker sharing the queue) to sync.
 */
export async function startScheduler(options: SchedulerOptions): Promise<RunningScheduler> {
  const controller = new AbortController();
  const worker = options.worker ?? `${hostname()}:${process.pid}`;
  const warehouses = options.warehouses ?? new WarehousePool();
  const recovery = new HaltRecovery(options.haltRecheckMs);
  const reported = new Set<string>();
  let sources = new Map<string, RunSource>();

  const refresh = async (): Promise<RunSource[]> => {
    const list = await options.listSources();
    sources = new Map(list.sources.map((run) => [run.source.name, run]));
    for (const problem of list.problems) {
      if (reported.has(problem.source)) continue;

      reported.add(problem.source);
      const message = `${problem.source} cannot run: ${problem.message}`;
      options.onEvent({ type: 'log', level: 'error', message }, problem.source);
    }

    return list.sources;
  };
  const context: TableJobContext = {
    findSource: async (name) => {
      if (!sources.has(name)) await refresh();

      return sources.get(name);
    },
    warehouses,
    locks: options.locks,
    queue: options.queue,
    alerter: options.alerter,
    retryPolicy: options.retryPolicy ?? defaultRetryPolicy,
    onEvent: options.onEvent,
    signal: controller.signal,
  };

  const first = await refresh();
  await options.queue.start((job) =>
    runTableJob(job, context).catch((error: unknown) => {
      const message = `${job.source}/${job.table}: job failed: ${errorMessage(error)}`;
      options.onEvent({ type: 'log', level: 'error', message }, job.source);
    }),
  );
  options.onEvent({
    type: 'scheduler_started',
    level: 'info',
    mode: options.mode,
    worker,
    sources: first.length,
  });

  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();
  const tick = async (): Promise<void> => {
    try {
      for (const run of await refresh()) {
        if (controller.signal.aborted) return;

        await planDueTables(run, context, recovery);
      }
    } catch (error) {
      const message = `scheduling failed: ${errorMessage(error)}`;
      options.onEvent({ type: 'log', level: 'error', message });
    } finally {
      if (!controller.signal.aborted) {
        timer = setTimeout(() => {
          ticking = tick();
        }, options.tickMs ?? 15_000);
      }
    }
  };
  ticking = tick();

  return {
    async stop(reason) {
      controller.abort(
        new LightspeedSyncError(
          interruptedCode,
          `Stopped (${reason}); the next start resumes from the last committed page.`,
        ),
      );
      clearTimeout(timer);
      await ticking;
      await options.queue.stop();
      await options.locks.close();
      await warehouses.closeAll();
      options.onEvent({ type: 'scheduler_stopped', level: 'info', worker, reason });
    },
  };
}
