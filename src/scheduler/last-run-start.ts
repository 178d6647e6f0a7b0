import type { TableState } from '../warehouse/warehouse.ts';
import { interruptedCode } from './retry-plan.ts';

/**
 * Returns the start of a table's last run as the schedule counts it, or null when the table
 * should sync at once: it never ran, its last run was stopped by a shutdown, or its last run
 * still reads `running` although no worker holds it (the worker died mid-sync). The next run
 * resumes from the last committed page.
 */
export function lastRunStart(state: TableState | undefined, heldByWorker: boolean): Date | null {
  if (!state?.lastStartedAt) return null;

  if (state.lastStatus === 'running' && !heldByWorker) return null;

  if (state.lastStatus === 'failed' && state.lastErrorCode === interruptedCode) return null;

  return new Date(state.lastStartedAt);
}
