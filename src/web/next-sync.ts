import type { TableSettings } from '../config/source-config.ts';
import { nextDueAt } from '../scheduler/next-due-at.ts';

/**
 * When a table syncs next on its schedule, by the scheduler's own rule (its frequency after
 * its last start, at its time of day when set; now when it never ran or is overdue); null
 * for a disabled or manual table.
 */
export function nextSyncAt(
  settings: TableSettings,
  lastStartedAt: string | null,
  now = new Date(),
): string | null {
  if (!settings.enabled) return null;

  const lastRun = lastStartedAt === null ? null : new Date(lastStartedAt);

  return nextDueAt(settings, lastRun, now)?.toISOString() ?? null;
}
