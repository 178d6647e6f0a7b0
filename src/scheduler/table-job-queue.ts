import type { TableName } from '../catalog/table-spec.ts';

/** Why a table job was queued. */
export type TableJobReason = 'due' | 'retry' | 'recovered';

/** A request to sync one table of one source. */
export interface TableJob {
  source: string;
  table: TableName;
  /** 1 for a scheduled run, 2 and up for retries after failures. */
  attempt: number;
  /** `due` jobs are dropped when the table turns out not to be due any more. */
  reason: TableJobReason;
}

/** Runs one job; it must not throw (failures are handled and reported inside). */
export type TableJobHandler = (job: TableJob) => Promise<void>;

/**
 * Hands table jobs to workers. One implementation per place the jobs live: process memory for
 * local mode, pg-boss in PostgreSQL for many workers. A table has at most one waiting job.
 */
export interface TableJobQueue {
  /** Queues a job unless one for the same table is waiting; resolves whether it was queued. */
  enqueue(job: TableJob, delayMs?: number): Promise<boolean>;
  /** Starts handing jobs to `handler`, as many at once as the queue's concurrency. */
  start(handler: TableJobHandler): Promise<void>;
  /** Stops taking jobs, waits for the running ones, and releases connections. */
  stop(): Promise<void>;
}

/** The key a table's jobs are deduplicated by. */
export function tableJobKey(job: Pick<TableJob, 'source' | 'table'>): string {
  return `${job.source}/${job.table}`;
}
