import type { RowValue, TableRows } from './warehouse.ts';

/**
 * Keeps only the last row for each primary key (in the order of last occurrence), so a page that
 * lists the same record twice upserts it once instead of violating the key.
 */
export function dedupeRows(rows: TableRows, primaryKey: readonly string[]): RowValue[][] {
  const keyIndexes = primaryKey.map((column) => rows.columns.indexOf(column));
  if (keyIndexes.some((index) => index < 0) || rows.rows.length < 2) return rows.rows;

  const byKey = new Map<string, RowValue[]>();
  for (const row of rows.rows) {
    const key = keyIndexes.length === 1 ? String(row[keyIndexes[0] ?? 0]) : keyOf(row, keyIndexes);
    byKey.delete(key);
    byKey.set(key, row);
  }

  return byKey.size === rows.rows.length ? rows.rows : [...byKey.values()];
}

function keyOf(row: RowValue[], indexes: number[]): string {
  return JSON.stringify(indexes.map((index) => row[index]));
}
