import type { EventSink, SyncEvent } from '../events/sync-event.ts';
import type { CliIo } from './cli-io.ts';

interface TableProgress {
  table: string;
  mode: string;
  rows: number;
  pages: number;
  startedAt: number;
  /** When the table finished or failed; the rate stops counting then. */
  endedAt?: number;
  state: 'syncing' | 'done' | 'failed';
  note: string;
}

/** How the CLI shows events: a live display, plain lines, or NDJSON. */
export type ProgressStyle = 'live' | 'lines' | 'json';

/**
 * Renders sync events for a person (a live per-table display on a terminal, one line per
 * milestone otherwise) or as NDJSON for machines (`--json`).
 */
export function createProgressRenderer(
  io: CliIo,
  style: ProgressStyle,
  verbose = false,
): EventSink {
  if (style === 'json') return (event) => io.out(JSON.stringify({ time: now(), ...event }));

  const tables = new Map<string, TableProgress>();
  let lastDraw = 0;
  const draw = (force: boolean) => {
    if (style !== 'live' || (!force && Date.now() - lastDraw < 100)) return;

    lastDraw = Date.now();
    io.redraw([...tables.values()].map(describe));
  };

  return (event: SyncEvent) => {
    const progress = 'table' in event && event.table ? tables.get(event.table) : undefined;
    switch (event.type) {
      case 'table_started':
        tables.set(event.table, {
          table: event.table,
          mode: event.mode === 'full_refresh' ? 'full refresh' : 'incremental',
          rows: 0,
          pages: 0,
          startedAt: Date.now(),
          state: 'syncing',
          note: '',
        });
        if (style === 'lines') io.out(`${event.table}: ${event.mode} from cursor ${event.cursor}`);
        break;
      case 'checkpoint_committed':
        if (progress) {
          progress.rows = event.totalRows;
          progress.pages += 1;
        }
        break;
      case 'table_finished':
        if (progress) {
          progress.state = 'done';
          progress.endedAt = Date.now();
        }
        if (style === 'lines') {
          io.out(`${event.table}: ${event.rows} rows, ${event.requests} requests, done`);
        }
        break;
      case 'table_failed':
        if (progress) {
          progress.state = 'failed';
          progress.endedAt = Date.now();
          progress.note = event.message;
        }
        if (style === 'lines') io.out(`${event.table}: FAILED ${event.code}: ${event.message}`);
        break;
      case 'retry_scheduled':
        if (progress)
          progress.note = `retrying in ${Math.ceil(event.waitMs / 1000)}s (${event.reason})`;
        if (style === 'lines' || verbose) {
          io.err(`retry in ${event.waitMs} ms: ${event.reason} (${event.url})`);
        }
        break;
      case 'schema_changed':
        if (style === 'lines' || verbose) io.err(`${event.table}: new column ${event.change}`);
        break;
      default:
        if (verbose && event.level !== 'debug') io.err(JSON.stringify(event));
    }
    draw(event.type !== 'checkpoint_committed');
  };
}

function describe(progress: TableProgress): string {
  const seconds = Math.max(0.001, ((progress.endedAt ?? Date.now()) - progress.startedAt) / 1000);
  const rate = Math.round(progress.rows / seconds);
  const mark = { syncing: '…', done: '✓', failed: '✗' }[progress.state];
  const base =
    `${mark} ${progress.table.padEnd(10)} ${String(progress.rows).padStart(9)} rows ` +
    `${String(progress.pages).padStart(5)} pages ${String(rate).padStart(7)} rows/s  ` +
    progress.mode;

  return progress.note ? `${base}  ${progress.note}` : base;
}

function now(): string {
  return new Date().toISOString();
}
