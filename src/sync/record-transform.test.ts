import assert from 'node:assert/strict';
import { test } from 'node:test';
import { productsTable } from '../catalog/tables/products.ts';
import { salesTable } from '../catalog/tables/sales.ts';
import { buildGroupLayout } from './group-layout.ts';
import { transformPage } from './record-transform.ts';

const syncedAt = '2026-01-01T00:00:00Z';

function sale(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 's1',
    version: 10,
    total_price: 43.48,
    status: 'CLOSED',
    sale_date: '2025-03-14T02:11:05+00:00',
    line_items: [
      { id: 'l1', product_id: 'p1', quantity: 2, price: 21.73913, tax_components: [] },
      { id: 'l2', product_id: 'p2', quantity: 1, price: 4.30435 },
    ],
    payments: [{ id: 'pay1', amount: 50, name: 'Cash' }],
    taxes: [{ id: 'rate1', amount: 6.52174 }],
    ...overrides,
  };
}

function column(rows: { columns: string[]; rows: unknown[][] }, name: string, index = 0): unknown {
  return rows.rows[index]?.[rows.columns.indexOf(name)];
}

test('turns a sale into a row with exact decimals and child rows keyed by sale_id', () => {
  const group = buildGroupLayout(salesTable, () => undefined);
  const page = transformPage(group, [sale()], syncedAt);

  assert.equal(column(page.parent, 'total_price'), '43.48');
  assert.equal(column(page.parent, 'version'), 10);
  assert.equal(column(page.parent, '_synced_at'), syncedAt);
  const [lines, payments, taxes] = page.children;
  assert.equal(lines?.rows.length, 2);
  assert.equal(column(lines ?? page.parent, 'sale_id', 1), 's1');
  assert.equal(column(lines ?? page.parent, 'price', 1), '4.30435');
  assert.equal(column(payments ?? page.parent, 'amount'), '50');
  assert.equal(column(taxes ?? page.parent, 'amount'), '6.52174');
  assert.deepEqual(page.addedColumns, []);
});

test('adds a column for a field the catalogue does not know and pads earlier rows', () => {
  const group = buildGroupLayout(salesTable, () => undefined);
  const page = transformPage(group, [sale(), sale({ id: 's2', loyalty_tier: 'gold' })], syncedAt);

  assert.deepEqual(page.addedColumns, ['sales.loyalty_tier (text)']);
  assert.equal(column(page.parent, 'loyalty_tier', 0), null);
  assert.equal(column(page.parent, 'loyalty_tier', 1), 'gold');
  assert.equal(page.parent.rows[0]?.length, page.parent.columns.length);
});

test('keeps a value that does not fit its column in _rescued_data instead of dropping it', () => {
  const group = buildGroupLayout(salesTable, () => undefined);
  const page = transformPage(group, [sale({ total_price: 'n/a' })], syncedAt);

  assert.equal(column(page.parent, 'total_price'), null);
  assert.equal(column(page.parent, '_rescued_data'), '{"total_price":"n/a"}');
});

test('keeps the type an existing warehouse column already has', () => {
  const group = buildGroupLayout(salesTable, (table) =>
    table === 'sales' ? [{ name: 'loyalty_tier', type: 'json' }] : undefined,
  );
  const page = transformPage(group, [sale({ loyalty_tier: 'gold' })], syncedAt);

  assert.equal(column(page.parent, 'loyalty_tier'), '"gold"');
  assert.deepEqual(page.addedColumns, []);
});

test('flattens nested product objects and keeps the object as JSON', () => {
  const group = buildGroupLayout(productsTable, () => undefined);
  const product = {
    id: 'p1',
    version: 3,
    brand: { id: 'b1', name: 'Kea' },
    supplier: {},
    price_including_tax: 89.9,
  };
  const page = transformPage(group, [product], syncedAt);

  assert.equal(column(page.parent, 'brand_name'), 'Kea');
  assert.equal(column(page.parent, 'supplier_name'), null);
  assert.equal(column(page.parent, 'brand'), '{"id":"b1","name":"Kea"}');
  assert.equal(column(page.parent, 'price_including_tax'), '89.9');
});

test('refuses a record without id or version, naming the table', () => {
  const group = buildGroupLayout(salesTable, () => undefined);

  assert.throws(
    () => transformPage(group, [sale(), sale({ version: undefined })], syncedAt),
    (error: Error & { code?: string }) =>
      error.code === 'invalid_record' && /sales: record 2/.test(error.message),
  );
  assert.throws(() => transformPage(group, [sale({ id: '' })], syncedAt), /no usable `id`/);
});
