/** Formatting of values the way the X-Series API 2.0 puts them on the wire. */

const dayMs = 86_400_000;
const twoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();
const maxCachedDays = 20_000;

/** Formats epoch milliseconds as `2025-03-14T02:11:05+00:00` (UTC, no fraction). */
export function formatTimestamp(epochMs: number): string {
  // Hot path (several per sale): the date part is cached per day, the time part is arithmetic.
  const day = Math.floor(epochMs / dayMs);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * dayMs).toISOString().slice(0, 11);
    if (dayPrefixes.size < maxCachedDays) dayPrefixes.set(day, prefix);
  }
  const second = Math.floor((epochMs - day * dayMs) / 1000);
  const hours = twoDigits[Math.floor(second / 3600)];
  const minutes = twoDigits[Math.floor(second / 60) % 60];

  return `${prefix}${hours}:${minutes}:${twoDigits[second % 60]}+00:00`;
}

/** Formats epoch milliseconds as a plain `YYYY-MM-DD` date. */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Rounds to 2 decimal places (sale totals, payments). */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON * Math.sign(value)) * 100) / 100 || 0;
}

/** Rounds to 5 decimal places (line-level money, the API's finest precision). */
export function round5(value: number): number {
  return Math.round(value * 100000) / 100000 || 0;
}
