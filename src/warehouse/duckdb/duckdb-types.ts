import type { ColumnType } from '../../catalog/column-type.ts';

/** The DuckDB type a decimal column starts with: 13 integer and 5 fraction digits. */
export const narrowDecimalType = 'DECIMAL(18,5)';

/** The DuckDB type a decimal column is widened to: 28 integer and 10 fraction digits. */
export const wideDecimalType = 'DECIMAL(38,10)';

const duckdbTypes: Record<ColumnType, string> = {
  text: 'VARCHAR',
  bigint: 'BIGINT',
  decimal: narrowDecimalType,
  boolean: 'BOOLEAN',
  timestamptz: 'TIMESTAMPTZ',
  date: 'DATE',
  json: 'JSON',
};

/** Returns the DuckDB type a new column of a logical type gets. */
export function duckdbTypeFor(type: ColumnType): string {
  return duckdbTypes[type];
}

/** Maps a DuckDB type (as `information_schema` spells it) back to a logical type. */
export function logicalTypeFromDuckDB(dataType: string): ColumnType {
  const upper = dataType.toUpperCase();
  if (upper.startsWith('DECIMAL') || upper.startsWith('NUMERIC')) return 'decimal';
  if (['BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT', 'HUGEINT', 'UBIGINT'].includes(upper)) {
    return 'bigint';
  }
  if (upper === 'BOOLEAN') return 'boolean';
  if (upper === 'TIMESTAMP WITH TIME ZONE' || upper === 'TIMESTAMPTZ') return 'timestamptz';
  if (upper === 'DATE') return 'date';
  if (upper === 'JSON') return 'json';

  return 'text';
}

/** Tells whether a canonical decimal string has more digits than `DECIMAL(18,5)` holds. */
export function needsWideDecimal(value: string): boolean {
  const unsigned = value.startsWith('-') || value.startsWith('+') ? value.slice(1) : value;
  const point = unsigned.indexOf('.');
  const integerPart = point < 0 ? unsigned : unsigned.slice(0, point);
  const fractionDigits = point < 0 ? 0 : unsigned.length - point - 1;
  const integerDigits = integerPart.replace(/^0+/, '').length;

  return fractionDigits > 5 || integerDigits > 13;
}
