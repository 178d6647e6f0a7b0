import type { SourceConfig } from '../config/source-config.ts';
import { errorCode, errorMessage } from '../errors/lightspeed-sync-error.ts';
import type { SyncEvent } from '../events/sync-event.ts';
import { runSync } from '../sync/run-sync.ts';
import type { Alerter } from './alerter.ts';
import { lastRunStart } from './last-run-start.ts';
import { nextDueAt } from './next-due-at.ts';
import { planSyncRetry, type RetryPolicy } from './retry-plan.ts';
import type { RunSource } from './run-sources.ts';
import type { TableJob, TableJobQueue } from './table-job-queue.ts';
import type { TableKey, TableLocks } from './table-locks.ts';
import type { WarehousePool } from './warehouse-pool.ts';

/** Receives scheduler and engine events, with the source they concern when known. */
export type ScheduledEventSink = (event: SyncEvent, source?: string) => void;

/** What running a table job needs; shared by every job of a worker. */
export interface TableJobContext {
  /** Finds a source by name (fresh from the store), or undefined when it was unlinked. */
  findSource(name: string): Promise<RunSource | undefined>;
  warehouses: WarehousePool;
  locks: TableLocks;
  queue: TableJobQueue;
  alerter: Alerter;
  retryPolicy: RetryPolicy;
  onEvent: ScheduledEventSink;
  /** Aborted on shutdown: the sync stops after the page in flight is committed. */
  signal: AbortSignal;
}

/** The key under which a halted source's one alert is kept. */
export function haltedSourceKey(source: string): TableKey {
  return { source, table: '*' };
}

/**
 * Runs one table job: takes the table's lock (skipping when another worker holds it), checks
 * the table is still due, syncs it, and on failure retries later, halts the source (refused
 * token) or raises an alert.
 */
export async function runTableJob(job: TableJob, context: TableJobContext): Promise<void> {
  const key: TableKey = { source: job.source, table: job.table };
  const skip = (reason: string) =>
    context.onEvent({ type: 'table_skipped', level: 'debug', ...key, reason }, job.source);
  if (context.signal.aborted) return skip('shutting down');

  const run = await context.findSource(job.source).catch(() => undefined);
  const settings = run?.source.tables[job.table];
  if (!run || !settings?.enabled) return skip('the source or table is no longer enabled');

  const lock = await context.locks.tryLock(key);
  if (!lock) return skip('another worker is syncing it');

  try {
    await syncLockedTable(job, run, context);
  } catch (error) {
    await handleFailure(job, { code: errorCode(error), message: errorMessage(error) }, context);
  } finally {
    await lock.release();
  }
}

async function syncLockedTable(
  job: TableJob,
  run: RunSource,
  context: TableJobContext,
): Promise<void> {
  const { source } = run;
  const settings = source.tables[job.table];
  if (!settings) return;

  const warehouse = await context.warehouses.get(run.warehouseUrl, source.schema);
  const state = await warehouse.readState(job.table);
  if (job.reason === 'due') {
    // Jobs can be queued twice around a slot; the lock makes this check exact.
    const now = new Date();
    const due = nextDueAt(settings, lastRunStart(state, false), now);
    if (!due || due > now) {
      context.onEvent(
        {
          type: 'table_skipped',
          level: 'debug',
          source: job.source,
          table: job.table,
          reason: 'not due',
        },
        job.source,
      );
      return;
    }
  }

  context.onEvent({ type: 'table_due', level: 'info', ...jobFacts(job) }, job.source);
  const result = await runSync({
    connection: connectionOf(source, run.token),
    warehouse,
    tables: [{ table: job.table, method: settings.method }],
    onEvent: (event) => context.onEvent(event, job.source),
    signal: context.signal,
  });
  const outcome = result.tables[0];
  if (outcome?.status === 'succeeded') {
    await context.alerter.resolve({ source: job.source, table: job.table });
    await context.alerter.resolve(haltedSourceKey(job.source));
    return;
  }

  if (outcome?.status === 'failed' && outcome.error) {
    await handleFailure(job, outcome.error, context);
  }
}

async function handleFailure(
  job: TableJob,
  error: { code: string; message: string },
  context: TableJobContext,
): Promise<void> {
  if (context.signal.aborted) return;

  const decision = planSyncRetry(error.code, job.attempt, context.retryPolicy);
  if (decision.halt) {
    const message =
      `${job.table}: ${error.code}: ${error.message} ` + 'Syncs of this source are halted.';
    await context.alerter.raise(haltedSourceKey(job.source), 'halted', message);
    return;
  }

  if (decision.retry) {
    const retry: TableJob = { ...job, attempt: job.attempt + 1, reason: 'retry' };
    await context.queue.enqueue(retry, decision.waitMs);
    context.onEvent(
      {
        type: 'sync_retry_scheduled',
        level: 'warn',
        source: job.source,
        table: job.table,
        attempt: retry.attempt,
        waitMs: decision.waitMs,
        reason: decision.reason,
      },
      job.source,
    );
    return;
  }

  const message = `${error.code}: ${error.message} (${decision.reason})`;
  await context.alerter.raise({ source: job.source, table: job.table }, 'failed', message);
}

function jobFacts(job: TableJob) {
  return { source: job.source, table: job.table, attempt: job.attempt, reason: job.reason };
}

/** The API connection settings of a source. */
export function connectionOf(source: SourceConfig, token: string) {
  return {
    domainPrefix: source.domainPrefix,
    token,
    ...(source.apiBaseUrl ? { apiBaseUrl: source.apiBaseUrl } : {}),
  };
}
