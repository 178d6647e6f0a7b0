import type { RowValue } from '../warehouse.ts';

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const needsEscape = /[\\\t\n\r]/;
const escapable = /[\\\t\n\r]/g;

/**
 * Encodes one value for PostgreSQL's COPY text format: `\N` is NULL (so an empty string stays
 * an empty string), and backslash, tab, newline and carriage return are backslash-escaped.
 */
export function encodeCopyValue(value: RowValue | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (!needsEscape.test(value)) return value;

  return value.replace(escapable, (char) => escapes[char] ?? char);
}

/** Encodes rows as COPY text lines, yielding chunks of about `chunkSize` characters. */
export function* encodeCopyRows(
  rows: readonly RowValue[][],
  columnCount: number,
  chunkSize = 1 << 20,
): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let index = 0; index < columnCount; index += 1) {
      if (index > 0) line += '\t';
      line += encodeCopyValue(row[index]);
    }
    chunk += `${line}\n`;
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
