import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logicalTypeFromDuckDB, needsWideDecimal } from './duckdb-types.ts';

test('a decimal needs the wide type beyond 5 fraction or 13 integer digits', () => {
  assert.equal(needsWideDecimal('12.91'), false);
  assert.equal(needsWideDecimal('-0.00001'), false);
  assert.equal(needsWideDecimal('9999999999999.99999'), false);
  assert.equal(needsWideDecimal('0.000001'), true);
  assert.equal(needsWideDecimal('-12345678901234'), true);
  assert.equal(needsWideDecimal('00000000000001.5'), false);
});

test('maps DuckDB types back to logical types', () => {
  assert.equal(logicalTypeFromDuckDB('DECIMAL(38,10)'), 'decimal');
  assert.equal(logicalTypeFromDuckDB('TIMESTAMP WITH TIME ZONE'), 'timestamptz');
  assert.equal(logicalTypeFromDuckDB('BIGINT'), 'bigint');
  assert.equal(logicalTypeFromDuckDB('JSON'), 'json');
  assert.equal(logicalTypeFromDuckDB('VARCHAR'), 'text');
});
