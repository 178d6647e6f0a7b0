/** Runs one sync in a child process and returns what it measured. */
import { fileURLToPath } from 'node:url';
import { runChildOnce } from './child-rpc.ts';

/** What the sync child is asked to do. */
export interface SyncChildInput {
  apiBaseUrl: string;
  token: string;
  /** A DuckDB file path or a postgres:// URL. */
  warehouseUrl: string;
  /** The warehouse schema. Default `lightspeed_retail`. */
  schema?: string;
  /** Page size asked of the API. Default: the client's (5000). */
  pageSize?: number;
  /** Tables to sync. Default: every table. */
  tables?: string[];
  /** Rebuild every table. Default false. */
  fullRefresh?: boolean;
  /** Gives the client a rate budget with this window (a time-compressed store). */
  rateWindowMs?: number;
  /** Cancel the sync after this long (it stops after the page in flight). Default: never. */
  stopAfterMs?: number;
  /** Report when each request went out. Default false. */
  recordRequestTimes?: boolean;
  /** Count every table's rows after the sync (not timed). Default false. */
  countRows?: boolean;
}

/** What one sync run measured. */
export interface SyncChildOutput {
  ok: boolean;
  /** Opening the warehouse, the sync and closing it (row counts excluded), in ms. */
  durationMs: number;
  /** CPU time of the sync process (user + system), in ms. */
  cpuMs: number;
  /** Peak resident memory of the sync process, in bytes. */
  maxRssBytes: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Top-level records written. */
  records: number;
  tables: { table: string; status: string; rows: number; requests: number; error?: string }[];
  /** Rows per warehouse table after the sync, when `countRows` was asked. */
  rowsByTable: Record<string, number>;
  /** Retries caused by 429 answers. */
  tooManyRequests: number;
  /** When each request went out, in ms after the first (when asked). */
  requestOffsetsMs: number[];
}

const entry = fileURLToPath(new URL('./sync-child.ts', import.meta.url));

/** Runs one sync in a fresh Node process; throws when the child fails outright. */
export function runSyncProcess(input: SyncChildInput): Promise<SyncChildOutput> {
  return runChildOnce<SyncChildOutput>(entry, input);
}
