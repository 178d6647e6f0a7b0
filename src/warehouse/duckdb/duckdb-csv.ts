import type { RowValue } from '../warehouse.ts';

/**
 * Encodes rows as CSV for DuckDB's reader: text always quoted (quotes doubled), NULL as an
 * empty unquoted field; read it back with `allow_quoted_nulls = false` so "" stays empty text.
 * This runs for every value of every synced row, so it appends to one string (V8 joins the
 * pieces lazily) and escapes only text that holds a quote.
 */
export function encodeCsvRows(rows: readonly RowValue[][], columnCount: number): string {
  let csv = '';
  for (const row of rows) {
    let line = '';
    for (let index = 0; index < columnCount; index += 1) {
      if (index > 0) line += ',';
      const value = row[index];
      if (value === null || value === undefined) continue;

      if (typeof value === 'string') {
        line += value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
      } else {
        line += String(value);
      }
    }
    csv += `${line}\n`;
  }

  return csv;
}
