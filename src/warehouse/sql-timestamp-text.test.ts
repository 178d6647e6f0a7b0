import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoTimestampFromSqlText } from './sql-timestamp-text.ts';

test('turns database timestamp text into RFC 3339', () => {
  assert.equal(isoTimestampFromSqlText('2025-03-14 02:11:05+00'), '2025-03-14T02:11:05Z');
  assert.equal(
    isoTimestampFromSqlText('2025-03-14 02:11:05.25+05:30'),
    '2025-03-14T02:11:05.25+05:30',
  );
  assert.equal(isoTimestampFromSqlText('2025-03-14 02:11:05-07'), '2025-03-14T02:11:05-07:00');
  assert.equal(isoTimestampFromSqlText('2025-03-14 02:11:05'), '2025-03-14T02:11:05');
  assert.equal(isoTimestampFromSqlText('infinity'), 'infinity');
});
