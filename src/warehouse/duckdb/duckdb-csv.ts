import type { RowValue } from '../warehouse.ts';

/**
 * Encodes rows as CSV for DuckDB's reader: text always quoted (quotes doubled), NULL as an
 * empty unquoted field; read it back with `allow_quoted_nulls = false` so "" stays empty text.
 */
export function encodeCsvRows(rows: readonly RowValue[][], columnCount: number): string {
  const lines: string[] = [];
  for (const row of rows) {
    const fields: string[] = [];
    for (let index = 0; index < columnCount; index += 1) {
      const value = row[index];
      if (value === null || value === undefined) fields.push('');
      else if (typeof value === 'string') fields.push(`"${value.replaceAll('"', '""')}"`);
      else fields.push(String(value));
    }
    lines.push(fields.join(','));
  }

  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
