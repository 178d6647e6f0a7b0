/**
 * Turns a database's text form of a timestamp (`2025-03-14 02:11:05+00`,
 * `2025-03-14 02:11:05.5+05:30`) into RFC 3339 (`2025-03-14T02:11:05Z`). Other text, such as
 * `infinity`, is returned unchanged.
 */
export function isoTimestampFromSqlText(text: string): string {
  const match = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)?(?::?(\d\d))?$/.exec(
    text,
  );
  if (!match) return text;

  const [, date, time, offsetHours, offsetMinutes] = match;
  if (offsetHours === undefined) return `${date}T${time}`;

  const offset = `${offsetHours}:${offsetMinutes ?? '00'}`;

  return `${date}T${time}${offset === '+00:00' ? 'Z' : offset}`;
}
