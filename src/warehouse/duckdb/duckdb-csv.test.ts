import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeCsvRows } from './duckdb-csv.ts';

test('quotes text, doubles quotes, and leaves NULL as an empty unquoted field', () => {
  const csv = encodeCsvRows(
    [
      ['a', 'say "hi"', null, 12, true],
      ['', 'line\nbreak, comma', 'Café ☕', -0.5, false],
    ],
    5,
  );

  assert.equal(csv, '"a","say ""hi""",,12,true\n"","line\nbreak, comma","Café ☕",-0.5,false\n');
});

test('encodes no rows as an empty string', () => {
  assert.equal(encodeCsvRows([], 3), '');
});
