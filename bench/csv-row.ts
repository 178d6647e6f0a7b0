import type { RowValue } from '../src/warehouse/warehouse.ts';

/**
 * Encodes one row as a CSV line both DuckDB and PostgreSQL read: NULL is an empty unquoted
 * field, every string is quoted (so an empty string stays an empty string), quotes doubled.
 */
export function csvLine(row: readonly RowValue[], width: number): string {
  let line = '';
  for (let index = 0; index < width; index += 1) {
    if (index > 0) line += ',';
    const value = row[index];
    if (value === null || value === undefined) continue;

    line += typeof value === 'string' ? `"${value.replaceAll('"', '""')}"` : String(value);
  }

  return `${line}\n`;
}
