import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../../config/control-schema.ts';
import { openSourceStore } from '../../config/open-source-store.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import type { SyncEvent } from '../../events/sync-event.ts';
import { MemoryAlertLedger } from '../../scheduler/alert-ledger.ts';
import { Alerter } from '../../scheduler/alerter.ts';
import { MemoryJobQueue } from '../../scheduler/memory-job-queue.ts';
import { MemoryTableLocks } from '../../scheduler/memory-table-locks.ts';
import { PgBossJobQueue } from '../../scheduler/pg-boss-job-queue.ts';
import { PostgresAlertLedger } from '../../scheduler/postgres-alert-ledger.ts';
import { PostgresTableLocks } from '../../scheduler/postgres-table-locks.ts';
import { listRunSources } from '../../scheduler/run-sources.ts';
import { type SchedulerOptions, startScheduler } from '../../scheduler/scheduler.ts';
import type { ScheduledEventSink } from '../../scheduler/table-job-runner.ts';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { createProgressRenderer } from '../progress-renderer.ts';

/** `lightspeed-sync run`: keeps every linked source in sync on its schedule until stopped. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Keep syncing every linked source on its schedule (one process or many workers)',
  usage: `Usage: lightspeed-sync run [options]

Runs until SIGINT or SIGTERM, syncing each enabled table of each source when due. A failing
sync is retried a few times, then waits for its next slot; a refused token halts its source
(other sources go on) until it works again. On shutdown the page in flight is committed; the
next start resumes from there.

Local mode (a DuckDB warehouse): one process. Queue mode (a PostgreSQL queue): start as many
workers as you like, on any machines; they share sources and jobs, and a table is never
synced by two workers at once.

Options:
  --queue URL           postgres:// database shared by workers (default LIGHTSPEED_QUEUE_URL,
                        else the warehouse or the source store when it is PostgreSQL)
  --local               one process, no queue, even with a PostgreSQL warehouse
  --store URL           where sources are (default LIGHTSPEED_SOURCE_STORE; in queue mode the
                        queue database, otherwise ~/.config/lightspeed-sync)
  --warehouse URL       warehouse of every source (default LIGHTSPEED_WAREHOUSE or the
                        source's own)
  --api-url URL         API base URL override (default LIGHTSPEED_API_URL)
  --concurrency N       tables this process syncs at once (default 4)
  --alert-webhook URL   POST failed, stale and halted alerts as JSON (default
                        LIGHTSPEED_ALERT_WEBHOOK)
  --tick SECONDS        how often due tables are looked for (default 15)
  --retries N           retries of a failed sync before waiting for the next slot (default 3)
  --retry-delay SECONDS first retry wait, times 4 per retry (default 30)
  --job-expiry SECONDS  queue mode: a job active this long is handed to another worker
                        (default 900)
  --json                NDJSON events on stdout
  --verbose             show retries and scheduler details

Environment: LIGHTSPEED_SECRET_KEY encrypts tokens kept in a PostgreSQL source store.`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        queue: { type: 'string' },
        local: { type: 'boolean', default: false },
        store: { type: 'string' },
        warehouse: { type: 'string' },
        'api-url': { type: 'string' },
        concurrency: { type: 'string', default: '4' },
        'alert-webhook': { type: 'string' },
        tick: { type: 'string', default: '15' },
        retries: { type: 'string', default: '3' },
        'retry-delay': { type: 'string', default: '30' },
        'job-expiry': { type: 'string', default: '900' },
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
    });
    // Listening first: a signal during startup stops the scheduler as soon as it is up.
    const stopSignal = waitForSignal();
    const concurrency = positiveNumber('concurrency', values.concurrency);
    const warehouseUrl = values.warehouse || io.env.LIGHTSPEED_WAREHOUSE;
    const storeUrl = values.store || io.env.LIGHTSPEED_SOURCE_STORE;
    const queueUrl = values.local
      ? undefined
      : values.queue ||
        io.env.LIGHTSPEED_QUEUE_URL ||
        [warehouseUrl, storeUrl].find((url) => isPostgresUrl(url));
    if (queueUrl !== undefined && !isPostgresUrl(queueUrl)) {
      throw new LightspeedSyncError(
        'usage',
        `--queue must be a postgres:// URL, not "${queueUrl}".`,
      );
    }

    const opened = openSourceStore(storeUrl || queueUrl, io.env);
    const onEvent = eventPrinter(io, values.json, values.verbose);
    const shared =
      queueUrl === undefined ? undefined : sharedParts(queueUrl, concurrency, values, onEvent);
    const ledger = shared?.ledger ?? new MemoryAlertLedger();
    const options: SchedulerOptions = {
      mode: shared ? 'queue' : 'local',
      listSources: () =>
        listRunSources({
          store: opened.store,
          warehouse: values.warehouse,
          apiUrl: values['api-url'],
          env: io.env,
        }),
      queue: shared?.queue ?? new MemoryJobQueue({ concurrency }),
      locks: shared?.locks ?? new MemoryTableLocks(),
      alerter: new Alerter({
        ledger,
        webhookUrl: values['alert-webhook'] || io.env.LIGHTSPEED_ALERT_WEBHOOK,
        onEvent,
      }),
      retryPolicy: {
        maxRetries: positiveNumber('retries', values.retries, true),
        baseDelayMs: positiveNumber('retry-delay', values['retry-delay']) * 1000,
      },
      tickMs: positiveNumber('tick', values.tick) * 1000,
      onEvent,
    };

    try {
      await shared?.queue.connect();
      const scheduler = await startScheduler(options);
      await scheduler.stop(await stopSignal);
    } finally {
      await shared?.ledger.end().catch(() => undefined);
      await opened.close().catch(() => undefined);
    }

    return 0;
  },
};

function sharedParts(
  url: string,
  concurrency: number,
  values: { 'job-expiry': string },
  onEvent: ScheduledEventSink,
) {
  return {
    queue: new PgBossJobQueue({
      url,
      concurrency,
      expireInSeconds: positiveNumber('job-expiry', values['job-expiry']),
      onEvent,
    }),
    locks: new PostgresTableLocks(url),
    ledger: new PostgresAlertLedger(url),
  };
}

/** Resolves with the name of the first SIGINT or SIGTERM. */
function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Prints events as NDJSON (with their source) or as progress lines `source/table: ...`. */
export function eventPrinter(io: CliIo, json: boolean, verbose: boolean): ScheduledEventSink {
  if (json) {
    return (event, source) => {
      const time = new Date().toISOString();
      io.out(
        JSON.stringify(source === undefined ? { time, ...event } : { time, source, ...event }),
      );
    };
  }

  const render = createProgressRenderer(io, 'lines', verbose);

  return (event, source) => {
    const line = describeSchedulerEvent(event);
    if (line !== undefined) return io.out(line);

    if (source !== undefined && 'table' in event && typeof event.table === 'string') {
      return render({ ...event, table: `${source}/${event.table}` } as SyncEvent);
    }

    render(event);
  };
}

function describeSchedulerEvent(event: SyncEvent): string | undefined {
  switch (event.type) {
    case 'scheduler_started':
      return `${event.worker}: running in ${event.mode} mode, ${event.sources} source(s)`;
    case 'scheduler_stopped':
      return `${event.worker}: stopped (${event.reason})`;
    case 'alert_raised':
      return `ALERT ${event.kind} ${event.source}/${event.table}: ${event.message}`;
    case 'sync_retry_scheduled':
      return (
        `${event.source}/${event.table}: retry ${event.attempt} in ` +
        `${Math.round(event.waitMs / 1000)}s (${event.reason})`
      );
    case 'log':
      return event.level === 'debug' ? undefined : `${event.level}: ${event.message}`;
    default:
      return undefined;
  }
}

function positiveNumber(name: string, text: string, allowZero = false): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) {
    throw new LightspeedSyncError('usage', `--${name} must be a positive number, not "${text}".`);
  }

  return value;
}
