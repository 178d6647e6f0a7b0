import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWarehouseUrl, openWarehouse } from './open-warehouse.ts';

test('describes a PostgreSQL URL without its password', () => {
  const shown = describeWarehouseUrl('postgres://sync:hunter2-secret@db.example:5433/shop?ssl=1');
  assert.equal(shown, 'postgres://sync@db.example:5433/shop');
  assert.doesNotMatch(describeWarehouseUrl('postgresql://u:hunter2-secret@h/db'), /hunter2/);
});

test('describes DuckDB targets as their file path', () => {
  assert.equal(describeWarehouseUrl('duckdb:/data/shop.duckdb'), '/data/shop.duckdb');
  assert.equal(describeWarehouseUrl('./lightspeed.duckdb'), './lightspeed.duckdb');
});

test('refuses an invalid schema name before opening anything', async () => {
  await assert.rejects(openWarehouse({ url: 'x.duckdb', schema: 'bad-name; drop' }), {
    code: 'invalid_schema_name',
  });
});

test('refuses an unknown URL scheme and hides its password', async () => {
  await assert.rejects(openWarehouse({ url: 'mysql://u:hunter2-secret@h/db' }), (error: Error) => {
    assert.equal((error as { code?: string }).code, 'unsupported_warehouse_url');
    assert.doesNotMatch(error.message, /hunter2/);

    return true;
  });
});
