import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalog, getTableSpec, tableNames } from './catalog.ts';

test('lists the eight X-Series collections, each with id and version columns', () => {
  assert.deepEqual(tableNames, [
    'sales',
    'customers',
    'products',
    'inventory',
    'outlets',
    'registers',
    'users',
    'taxes',
  ]);
  for (const table of catalog) {
    const names = table.columns.map((column) => column.name);
    assert.ok(names.includes('id'), table.name);
    assert.equal(table.columns.find((column) => column.name === 'version')?.type, 'bigint');
    assert.equal(new Set(names).size, names.length, `${table.name} repeats a column`);
    assert.deepEqual(table.syncMethods, ['incremental', 'full_refresh']);
  }
});

test('asks for deleted records only where the API supports the deleted parameter', () => {
  const withDeleted = catalog.filter((table) => table.deletedParam).map((table) => table.name);
  assert.deepEqual(withDeleted, ['customers', 'products', 'outlets', 'registers']);
});

test('names every warehouse table once, child tables included', () => {
  const names = catalog.flatMap((table) => [table.name, ...table.children.map((c) => c.name)]);
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.includes('sales_line_items') && names.includes('sales_payments'));
});

test('refuses an unknown table with the list of valid ones', () => {
  assert.throws(() => getTableSpec('orders'), /Unknown table "orders". Choose from: sales,/);
});
