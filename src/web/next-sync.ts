import type { TableSettings } from '../config/source-config.ts';
import { frequencyMs } from '../scheduler/frequency.ts';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * When a table syncs next on its schedule: its frequency after its last start, moved to its
 * UTC time of day when one is set; null when it is disabled, manual, or never synced (its
 * first sync starts when it is linked or enabled).
 */
export function nextSyncAt(settings: TableSettings, lastStartedAt: string | null): string | null {
  if (!settings.enabled || settings.frequency === 'never' || lastStartedAt === null) return null;

  const due = Date.parse(lastStartedAt) + frequencyMs[settings.frequency];
  if (Number.isNaN(due)) return null;
  if (!settings.timeOfDay) return new Date(due).toISOString();

  const [hours = 0, minutes = 0] = settings.timeOfDay.split(':').map(Number);
  const day = new Date(due);
  let at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes);
  if (at < due) at += dayMs;

  return new Date(at).toISOString();
}
