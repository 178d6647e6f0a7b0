import type { TableState } from '../warehouse/warehouse.ts';
import { frequencyMs } from './frequency.ts';
import type { ScheduleSettings } from './next-due-at.ts';
import { haltingErrorCodes, interruptedCode } from './retry-plan.ts';

/** How a table is doing, as `status` shows it and alerts report it. */
export type TableHealthKind = 'ok' | 'syncing' | 'failed' | 'stale' | 'halted';

/** A table's health with a sentence explaining it (empty when `ok` or `syncing`). */
export interface TableHealth {
  kind: TableHealthKind;
  message: string;
}

/**
 * Judges a table from its stored state: `halted` when the store refused the token, `failed`
 * when its last run failed, `stale` when its data is older than twice its frequency (counted
 * from `since`, the source's link time, before the first run), else `ok` or `syncing`.
 */
export function tableHealth(
  state: TableState | undefined,
  settings: ScheduleSettings,
  since: Date,
  now: Date,
): TableHealth {
  if (state?.lastStatus === 'running') return { kind: 'syncing', message: '' };

  const code = state?.lastErrorCode ?? '';
  if (state?.lastStatus === 'failed' && haltingErrorCodes.has(code)) {
    return { kind: 'halted', message: `${code}: ${state.lastError ?? ''}` };
  }

  if (state?.lastStatus === 'failed' && code !== interruptedCode) {
    return { kind: 'failed', message: `${code}: ${state.lastError ?? ''}` };
  }

  if (settings.frequency === 'never') return { kind: 'ok', message: '' };

  const reference = state?.lastFinishedAt ? new Date(state.lastFinishedAt) : since;
  const ageMs = now.getTime() - reference.getTime();
  const limitMs = 2 * frequencyMs[settings.frequency];
  if (ageMs > limitMs) {
    const hours = (ageMs / 3_600_000).toFixed(1);
    return {
      kind: 'stale',
      message: `last synced ${hours} h ago, more than twice its ${settings.frequency} frequency`,
    };
  }

  return { kind: 'ok', message: '' };
}
