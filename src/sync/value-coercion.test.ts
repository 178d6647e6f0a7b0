import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColumnType } from '../catalog/column-type.ts';
import { coercionFor, doesNotFit, inferColumnType } from './value-coercion.ts';

const table: [ColumnType, unknown, unknown][] = [
  ['text', 'Café ☕ 東京', 'Café ☕ 東京'],
  ['text', 42, '42'],
  ['text', true, 'true'],
  ['text', { a: 1 }, doesNotFit],
  ['bigint', 54443958648, 54443958648],
  ['bigint', '1044', 1044],
  ['bigint', 1.5, doesNotFit],
  ['bigint', 'abc', doesNotFit],
  ['decimal', 4.30435, '4.30435'],
  ['decimal', '12.50', '12.5'],
  ['decimal', 'twelve', doesNotFit],
  ['decimal', 0.00000000001, doesNotFit],
  ['boolean', false, false],
  ['boolean', 'yes', doesNotFit],
  ['timestamptz', '2025-03-14T02:11:05+00:00', '2025-03-14T02:11:05+00:00'],
  ['timestamptz', '2019-08-15T23:05:28Z', '2019-08-15T23:05:28Z'],
  ['timestamptz', '2025-03-14 02:11:05', doesNotFit],
  ['timestamptz', '', doesNotFit],
  ['date', '1988-06-21', '1988-06-21'],
  ['date', '1988-13-45', doesNotFit],
  ['json', [{ key: 'a', value: 'b' }], '[{"key":"a","value":"b"}]'],
  ['json', 'plain', '"plain"'],
];

test('coerces API values to canonical column values or reports that they do not fit', () => {
  for (const [type, input, expected] of table) {
    assert.deepEqual(coercionFor(type)(input), expected, `${type} ${JSON.stringify(input)}`);
  }
});

test('infers column types for fields the catalogue does not know', () => {
  assert.equal(inferColumnType(3), 'decimal');
  assert.equal(inferColumnType(true), 'boolean');
  assert.equal(inferColumnType('2025-01-01T00:00:00+00:00'), 'timestamptz');
  assert.equal(inferColumnType('hello'), 'text');
  assert.equal(inferColumnType({}), 'json');
  assert.equal(inferColumnType([]), 'json');
});
