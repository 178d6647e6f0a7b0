import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeCopyRows, encodeCopyValue } from './postgres-copy-text.ts';

test('escapes backslashes, tabs and line breaks and keeps NULL apart from empty text', () => {
  assert.equal(encodeCopyValue(null), '\\N');
  assert.equal(encodeCopyValue(''), '');
  assert.equal(encodeCopyValue('\\N'), '\\\\N');
  assert.equal(encodeCopyValue('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
  assert.equal(encodeCopyValue('café 🍰 "q" \'s\''), 'café 🍰 "q" \'s\'');
  assert.equal(encodeCopyValue(true), 't');
  assert.equal(encodeCopyValue(42), '42');
});

test('encodes rows as tab-separated lines in chunks', () => {
  const rows = [
    ['a', 1, null],
    ['b', 2, false],
  ];
  assert.deepEqual([...encodeCopyRows(rows, 3)], ['a\t1\t\\N\nb\t2\tf\n']);
  assert.equal([...encodeCopyRows(rows, 3, 4)].length, 2);
});
