/**
 * Typed events emitted by the library instead of console output. The CLI renders them as
 * progress or NDJSON; the web app streams them to the browser; the scheduler logs them.
 */

/** Severity of an event, used to filter what a person sees. */
export type EventLevel = 'error' | 'warn' | 'info' | 'debug';

/** Every event the API client, the sync engine and the scheduler can emit. */
export type SyncEvent =
  | { type: 'request_sent'; level: 'debug'; method: string; url: string; attempt: number }
  | {
      type: 'page_received';
      level: 'debug';
      table: string;
      records: number;
      after: number;
      cursor: number;
      durationMs: number;
    }
  | {
      type: 'retry_scheduled';
      level: 'warn';
      table?: string;
      url: string;
      attempt: number;
      reason: string;
      waitMs: number;
      status?: number;
    }
  | { type: 'rate_limit_wait'; level: 'debug'; waitMs: number; remaining: number; limit: number }
  | { type: 'page_size_changed'; level: 'warn'; table: string; pageSize: number; reason: string }
  | {
      type: 'table_started';
      level: 'info';
      table: string;
      mode: 'incremental' | 'full_refresh';
      cursor: number;
    }
  | {
      type: 'checkpoint_committed';
      level: 'debug';
      table: string;
      cursor: number;
      rows: number;
      totalRows: number;
    }
  | {
      type: 'table_finished';
      level: 'info';
      table: string;
      rows: number;
      requests: number;
      cursor: number;
      durationMs: number;
    }
  | {
      type: 'table_failed';
      level: 'error';
      table: string;
      code: string;
      message: string;
      rows: number;
    }
  | { type: 'schema_changed'; level: 'info'; table: string; change: string }
  | {
      type: 'scheduler_started';
      level: 'info';
      mode: 'local' | 'queue';
      worker: string;
      sources: number;
    }
  | { type: 'scheduler_stopped'; level: 'info'; worker: string; reason: string }
  | {
      type: 'table_due';
      level: 'info';
      source: string;
      table: string;
      attempt: number;
      reason: string;
    }
  | { type: 'table_skipped'; level: 'debug'; source: string; table: string; reason: string }
  | {
      type: 'sync_retry_scheduled';
      level: 'warn';
      source: string;
      table: string;
      attempt: number;
      waitMs: number;
      reason: string;
    }
  | {
      type: 'alert_raised';
      level: 'warn' | 'error';
      source: string;
      table: string;
      kind: 'failed' | 'stale' | 'halted';
      message: string;
      at: string;
      delivered: boolean;
    }
  | { type: 'log'; level: EventLevel; message: string; data?: Record<string, unknown> };

/** A function that receives events; it must not throw. */
export type EventSink = (event: SyncEvent) => void;

/** A sink that drops everything, the default when the caller does not listen. */
export const ignoreEvents: EventSink = () => {};
