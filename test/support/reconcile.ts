import assert from 'node:assert/strict';
import { catalog } from '../../src/catalog/catalog.ts';
import type { TableName } from '../../src/catalog/table-spec.ts';
import type { Warehouse } from '../../src/warehouse/warehouse.ts';
import { exactDecimalSum, normalizeDecimal } from './exact-decimal.ts';

/** Anything that can list a store's current records (the fake store does). */
export interface RecordSource {
  records(table: TableName): Iterable<Record<string, unknown>>;
}

/**
 * Asserts that the warehouse holds exactly the store's current records: the same ids, each in
 * its latest version, the same number of child rows, and exactly the same money sums.
 */
export async function assertWarehouseMatchesStore(
  warehouse: Warehouse,
  store: RecordSource,
  schema = 'lightspeed_retail',
  tables: readonly TableName[] = catalog.map((table) => table.name),
): Promise<void> {
  for (const name of tables) {
    const spec = catalog.find((table) => table.name === name);
    if (!spec) throw new Error(`unknown table ${name}`);

    const expected = new Map<string, number>();
    const childCounts = new Map<string, number>(spec.children.map((child) => [child.name, 0]));
    for (const record of store.records(name)) {
      expected.set(String(record.id), Number(record.version));
      for (const child of spec.children) {
        const items = record[child.field];
        const count = Array.isArray(items) ? items.length : 0;
        childCounts.set(child.name, (childCounts.get(child.name) ?? 0) + count);
      }
    }

    const result = await warehouse.query(`SELECT id, version FROM ${schema}.${name} ORDER BY id`, {
      maxRows: 10_000_000,
    });
    const actual = new Map(result.rows.map((row) => [String(row[0]), Number(row[1])]));
    assert.equal(result.rows.length, actual.size, `${name}: duplicate ids in the warehouse`);
    assert.equal(actual.size, expected.size, `${name}: row count differs from the store`);
    for (const [id, version] of expected) {
      assert.equal(actual.get(id), version, `${name} ${id}: version differs from the store`);
    }

    for (const [child, count] of childCounts) {
      const rows = await warehouse.query(`SELECT count(*) FROM ${schema}.${child}`);
      assert.equal(Number(rows.rows[0]?.[0]), count, `${child}: child row count differs`);
    }
  }

  if (tables.includes('sales')) await assertSalesMoneyExact(warehouse, store, schema);
}

async function assertSalesMoneyExact(
  warehouse: Warehouse,
  store: RecordSource,
  schema: string,
): Promise<void> {
  const sales = [...store.records('sales')];
  const expectedTotal = exactDecimalSum(sales.map((sale) => sale.total_price));
  const expectedLines = exactDecimalSum(
    sales.flatMap((sale) =>
      Array.isArray(sale.line_items)
        ? sale.line_items.map((item: Record<string, unknown>) => item.price_total)
        : [],
    ),
  );
  const expectedPayments = exactDecimalSum(
    sales.flatMap((sale) =>
      Array.isArray(sale.payments)
        ? sale.payments.map((payment: Record<string, unknown>) => payment.amount)
        : [],
    ),
  );

  const sums = await warehouse.query(
    `SELECT (SELECT CAST(sum(total_price) AS VARCHAR) FROM ${schema}.sales),
            (SELECT CAST(sum(price_total) AS VARCHAR) FROM ${schema}.sales_line_items),
            (SELECT CAST(sum(amount) AS VARCHAR) FROM ${schema}.sales_payments)`,
  );
  const [total, lines, payments] = sums.rows[0] ?? [];
  assert.equal(normalizeDecimal(total as string), expectedTotal, 'sum(sales.total_price)');
  assert.equal(normalizeDecimal(lines as string), expectedLines, 'sum(line price_total)');
  assert.equal(normalizeDecimal(payments as string), expectedPayments, 'sum(payments.amount)');
}
