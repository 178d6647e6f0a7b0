import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecordIds } from './record-ids.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('record ids are lowercase UUIDs that decode back to their index', () => {
  const ids = new RecordIds(42);
  for (const index of [0, 1, 2, 999, 123_456, 10_000_000]) {
    const id = ids.idOf('sales', index);
    assert.match(id, uuidPattern);
    assert.equal(ids.indexOf('sales', id), index);
  }
});

test('ids of another table, another seed or a mangled id are not found', () => {
  const ids = new RecordIds(42);
  const saleId = ids.idOf('sales', 7);

  assert.equal(ids.indexOf('customers', saleId), undefined);
  assert.equal(new RecordIds(43).indexOf('sales', saleId), undefined);
  assert.equal(ids.indexOf('sales', `${saleId.slice(0, 35)}x`), undefined);
  assert.equal(ids.indexOf('sales', 'not-a-uuid'), undefined);
});
