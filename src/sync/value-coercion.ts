import type { ColumnType } from '../catalog/column-type.ts';
import type { RowValue } from '../warehouse/warehouse.ts';
import { decimalFits, normalizeDecimalText, numberToDecimalText } from './decimal-text.ts';

/** Returned by a coercion when the value does not fit the column and must be rescued. */
export const doesNotFit: unique symbol = Symbol('doesNotFit');

/** Converts an API value to a column's canonical form, or `doesNotFit`. */
export type Coercion = (value: unknown) => RowValue | typeof doesNotFit;

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const integerPattern = /^-?\d{1,16}$/;

function toText(value: unknown): RowValue | typeof doesNotFit {
  if (typeof value === 'string') return value;
  // A scalar of another type widens to text losslessly.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);

  return doesNotFit;
}

function toBigint(value: unknown): RowValue | typeof doesNotFit {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : doesNotFit;
  if (typeof value === 'string' && integerPattern.test(value)) {
    const parsed = Number(value);

    return Number.isSafeInteger(parsed) ? parsed : doesNotFit;
  }

  return doesNotFit;
}

function toDecimal(value: unknown): RowValue | typeof doesNotFit {
  let text: string | null = null;
  if (typeof value === 'number') text = numberToDecimalText(value);
  else if (typeof value === 'string') text = normalizeDecimalText(value);

  return text !== null && decimalFits(text) ? text : doesNotFit;
}

function toBoolean(value: unknown): RowValue | typeof doesNotFit {
  return typeof value === 'boolean' ? value : doesNotFit;
}

function toTimestamp(value: unknown): RowValue | typeof doesNotFit {
  if (typeof value !== 'string' || !timestampPattern.test(value)) return doesNotFit;

  return Number.isNaN(Date.parse(value)) ? doesNotFit : value;
}

function toDate(value: unknown): RowValue | typeof doesNotFit {
  if (typeof value !== 'string' || !datePattern.test(value)) return doesNotFit;

  return Number.isNaN(Date.parse(value)) ? doesNotFit : value;
}

function toJson(value: unknown): RowValue | typeof doesNotFit {
  return JSON.stringify(value);
}

const coercions: Record<ColumnType, Coercion> = {
  text: toText,
  bigint: toBigint,
  decimal: toDecimal,
  boolean: toBoolean,
  timestamptz: toTimestamp,
  date: toDate,
  json: toJson,
};

/** Returns the coercion for a logical column type. */
export function coercionFor(type: ColumnType): Coercion {
  return coercions[type];
}

/**
 * Chooses a column type for a field the catalogue does not know, from its first non-null
 * value: numbers become exact decimals (a later fraction must not fail an integer column),
 * timestamp-looking strings become timestamps, other strings text, objects and arrays JSON.
 */
export function inferColumnType(value: unknown): ColumnType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'decimal';
  if (typeof value === 'string') return timestampPattern.test(value) ? 'timestamptz' : 'text';

  return 'json';
}
