import { acceptsTimeOfDay, type Frequency, frequencyMs } from './frequency.ts';

/** The part of a table's settings that decides when it syncs. */
export interface ScheduleSettings {
  frequency: Frequency;
  /** UTC `HH:MM`, honoured for frequencies of a day or more; unset means "any time". */
  timeOfDay?: string | undefined;
}

const dayMs = 24 * 60 * 60_000;

/**
 * How early a time-of-day slot may fall before a full interval has passed since the last run,
 * so a daily sync at 02:30 that started at 02:31 is still due at 02:30 the next day.
 */
const slotSlackMs = dayMs / 2;

/**
 * Returns when a table should next sync, given when its last run started: `null` for `never`
 * (manual syncs only), `now` when it never ran or when one or more slots passed while nothing
 * ran (missed slots run once, not once per slot), else the next slot. Without a time of day a
 * slot is one interval after the last run; with one, it is the first `HH:MM` UTC at least the
 * interval minus 12 hours after the last run.
 */
export function nextDueAt(
  settings: ScheduleSettings,
  lastRun: Date | null,
  now: Date,
): Date | null {
  if (settings.frequency === 'never') return null;

  if (lastRun === null) return now;

  const interval = frequencyMs[settings.frequency];
  const slot =
    settings.timeOfDay !== undefined && acceptsTimeOfDay(settings.frequency)
      ? firstTimeOfDayAtOrAfter(settings.timeOfDay, lastRun.getTime() + interval - slotSlackMs)
      : lastRun.getTime() + interval;

  return new Date(Math.max(slot, now.getTime()));
}

/** The first instant at `HH:MM` UTC at or after `fromMs`. */
function firstTimeOfDayAtOrAfter(timeOfDay: string, fromMs: number): number {
  const [hours = 0, minutes = 0] = timeOfDay.split(':').map(Number);
  const from = new Date(fromMs);
  const sameDay = Date.UTC(
    from.getUTCFullYear(),
    from.getUTCMonth(),
    from.getUTCDate(),
    hours,
    minutes,
  );

  return sameDay >= fromMs ? sameDay : sameDay + dayMs;
}
