import { tableNames } from '../catalog/catalog.ts';
import type { TableName } from '../catalog/table-spec.ts';
import { errorMessage } from '../errors/lightspeed-sync-error.ts';
import type { HaltRecovery } from './halt-recovery.ts';
import { lastRunStart } from './last-run-start.ts';
import { nextDueAt } from './next-due-at.ts';
import type { RunSource } from './run-sources.ts';
import { tableHealth } from './table-health.ts';
import { haltedSourceKey, type TableJobContext } from './table-job-runner.ts';

/**
 * One scheduler tick for one source: queues a job for every enabled table that is due, raises
 * `stale` alerts, and for a halted source queues nothing until its token works again.
 */
export async function planDueTables(
  run: RunSource,
  context: TableJobContext,
  recovery: HaltRecovery,
): Promise<void> {
  const name = run.source.name;
  try {
    const warehouse = await context.warehouses.get(run.warehouseUrl, run.source.schema);
    const states = new Map((await warehouse.listStates()).map((state) => [state.table, state]));
    const now = new Date();
    const since = new Date(run.source.createdAt);
    const halted: TableName[] = tableNames.filter((table) => {
      const settings = run.source.tables[table];
      return settings && tableHealth(states.get(table), settings, since, now).kind === 'halted';
    });
    if (halted.length > 0) return await planHalted(run, halted, context, recovery);

    for (const table of tableNames) {
      const settings = run.source.tables[table];
      if (!settings?.enabled) continue;

      const key = { source: name, table };
      const state = states.get(table);
      const held = state?.lastStatus === 'running' && (await context.locks.isHeld(key));
      const due = nextDueAt(settings, lastRunStart(state, held), now);
      if (due && due <= now) {
        await context.queue.enqueue({ source: name, table, attempt: 1, reason: 'due' });
      }

      const health = tableHealth(state, settings, since, now);
      if (health.kind === 'stale') await context.alerter.raise(key, 'stale', health.message);
      else if (health.kind !== 'syncing') await context.alerter.resolve(key, ['stale']);
    }
  } catch (error) {
    context.onEvent(
      {
        type: 'log',
        level: 'error',
        message: `${name}: scheduling failed: ${errorMessage(error)}`,
      },
      name,
    );
  }
}

async function planHalted(
  run: RunSource,
  halted: readonly TableName[],
  context: TableJobContext,
  recovery: HaltRecovery,
): Promise<void> {
  const name = run.source.name;
  await context.alerter.raise(
    haltedSourceKey(name),
    'halted',
    `The store refused the token of ${name} (tables: ${halted.join(', ')}). Syncs are halted ` +
      'until it is linked again with a working token.',
  );
  if (!(await recovery.recovered(run, context.onEvent, context.signal))) return;

  // The alert stays open until a sync succeeds: that is what clears the halted state.
  for (const table of halted) {
    const settings = run.source.tables[table];
    if (!settings?.enabled) continue;

    await context.queue.enqueue({
      source: name,
      table,
      attempt: 1,
      reason: 'recovered',
    });
  }
}
