import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** How often a table syncs on its own; `never` means manual syncs only. */
export type Frequency = '5m' | '15m' | '30m' | '1h' | '6h' | '12h' | '24h' | '7d' | '30d' | 'never';

/** The frequency new tables get. */
export const defaultFrequency: Frequency = '6h';

const minute = 60_000;

/** Interval of each frequency in milliseconds (`never` has none). */
export const frequencyMs: Record<Exclude<Frequency, 'never'>, number> = {
  '5m': 5 * minute,
  '15m': 15 * minute,
  '30m': 30 * minute,
  '1h': 60 * minute,
  '6h': 360 * minute,
  '12h': 720 * minute,
  '24h': 1440 * minute,
  '7d': 7 * 1440 * minute,
  '30d': 30 * 1440 * minute,
};

/** Every accepted frequency, in increasing order. */
export const frequencies: readonly Frequency[] = [
  ...Object.keys(frequencyMs),
  'never',
] as Frequency[];

const aliases: Record<string, Frequency> = {
  '5min': '5m',
  '15min': '15m',
  '30min': '30m',
  '60m': '1h',
  hourly: '1h',
  '1d': '24h',
  daily: '24h',
  '1w': '7d',
  weekly: '7d',
  monthly: '30d',
  manual: 'never',
};

/** Parses a frequency such as `6h`, `daily` or `never`; throws `invalid_frequency`. */
export function parseFrequency(input: string): Frequency {
  const text = input.trim().toLowerCase();
  if ((frequencies as readonly string[]).includes(text)) return text as Frequency;

  const alias = aliases[text];
  if (alias) return alias;

  throw new LightspeedSyncError(
    'invalid_frequency',
    `"${input}" is not a sync frequency. Use one of: ${frequencies.join(', ')}.`,
    { details: { frequency: input } },
  );
}

/** Whether a time of day may be set for this frequency (a day or longer). */
export function acceptsTimeOfDay(frequency: Frequency): boolean {
  return frequency === '24h' || frequency === '7d' || frequency === '30d';
}

/** Parses a UTC time of day `HH:MM`; throws `invalid_time_of_day`. */
export function parseTimeOfDay(input: string, frequency: Frequency): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(input.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw new LightspeedSyncError(
      'invalid_time_of_day',
      `"${input}" is not a time of day. Use HH:MM in UTC, e.g. 02:30.`,
      { details: { time: input } },
    );
  }
  if (!acceptsTimeOfDay(frequency)) {
    throw new LightspeedSyncError(
      'invalid_time_of_day',
      'A time of day only applies to frequencies of a day or more (24h, 7d, 30d), ' +
        `not ${frequency}. Use --time any to clear it.`,
      { details: { time: input, frequency } },
    );
  }

  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}
