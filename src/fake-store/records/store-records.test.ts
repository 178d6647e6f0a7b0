import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildStoreData } from '../build-store-data.ts';
import type { FakeRecord } from '../store-context.ts';
import type { StoreData } from '../store-data.ts';
import { round2 } from '../wire-format.ts';
import { paidStatuses } from './sale-records.ts';

const timestampPattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const everything = { after: 0, before: Number.POSITIVE_INFINITY, includeDeleted: true };

function all(data: StoreData, table: Parameters<StoreData['walk']>[0]): FakeRecord[] {
  return [...data.walk(table, everything)];
}

function decimals(value: number): number {
  const text = String(value);

  return text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
}

test('sale money adds up: lines to totals, totals to payments', () => {
  const sales = all(buildStoreData(5, { sales: 3000 }), 'sales');
  assert.equal(sales.length, 3000);

  for (const sale of sales) {
    const lines = sale.line_items as FakeRecord[];
    const payments = sale.payments as FakeRecord[];
    const lineSum = (field: string) =>
      lines.reduce((sum, line) => sum + (line[field] as number), 0);
    assert.ok(lines.length > 0);
    assert.equal(sale.total_price, round2(lineSum('price_total')));
    assert.equal(sale.total_tax, round2(lineSum('tax_total')));
    for (const line of lines) {
      for (const field of ['price', 'price_total', 'tax', 'tax_total', 'cost_total', 'discount']) {
        assert.ok(decimals(line[field] as number) <= 5, `${field} ${line[field]}`);
      }
      assert.equal(line.price, line.unit_price);
      assert.equal(line.tax_total, line.total_tax);
    }
    assert.ok(decimals(sale.total_price as number) <= 2);
    if (paidStatuses.has(sale.status as string)) {
      const paid = round2(payments.reduce((sum, payment) => sum + (payment.amount as number), 0));
      assert.equal(paid, round2((sale.total_price as number) + (sale.total_tax as number)));
    }
    assert.match(sale.sale_date as string, timestampPattern);
    assert.match(sale.id as string, uuidPattern);
  }

  assert.ok(sales.some((sale) => sale.deleted_at !== null && sale.status === 'VOIDED'));
  assert.ok(sales.some((sale) => sale.return_for !== null && (sale.total_price as number) < 0));
  assert.ok(
    sales.some((sale) => !('note' in sale)),
    'some sales omit the optional note',
  );
});

test('products form variant families with {} for unset brand, supplier or type', () => {
  const data = buildStoreData(2, { sales: 2000 });
  const products = all(data, 'products');
  const byId = new Map(products.map((product) => [product.id, product]));

  const variants = products.filter((product) => product.variant_parent_id !== null);
  assert.ok(variants.length > 0);
  for (const variant of variants) {
    const parent = byId.get(variant.variant_parent_id);
    assert.ok(parent, 'variant parent exists');
    assert.equal(parent.variant_parent_id, null);
    assert.equal(parent.handle, variant.handle);
  }
  assert.ok(products.some((product) => Object.keys(product.brand as object).length === 0));
  assert.ok(products.some((product) => Object.keys(product.supplier as object).length === 0));
  assert.equal(all(data, 'inventory').length, products.length * data.ctx.shape.counts.outlets);
});

test('customers carry unicode, apostrophes and minimal records that omit fields', () => {
  const customers = all(buildStoreData(3, { sales: 2000 }), 'customers');
  const names = customers.map((customer) => String(customer.name));

  assert.ok(
    names.some((name) => /[^\u0020-\u007e]/.test(name)),
    'non-ASCII names',
  );
  assert.ok(
    names.some((name) => name.includes("'")),
    'apostrophes',
  );
  assert.ok(
    customers.some((customer) => !('phone' in customer)),
    'minimal customers',
  );
  assert.ok(
    customers.some((customer) => customer.deleted_at !== null),
    'soft-deleted ones',
  );
});

test('the same seed builds the same store and another seed a different one', () => {
  const first = all(buildStoreData(11, { sales: 200 }), 'sales');
  const again = all(buildStoreData(11, { sales: 200 }), 'sales');
  const other = all(buildStoreData(12, { sales: 200 }), 'sales');

  assert.deepEqual(again, first);
  assert.notDeepEqual(other, first);
});
