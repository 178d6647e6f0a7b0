/** Synthetic sales with line items, shaped as the engine writes them, for warehouse benchmarks. */
import type { ColumnSchema } from '../src/catalog/column-type.ts';
import { salesTable } from '../src/catalog/tables/sales.ts';
import type { RowValue, TableGroupSchema, TableRows } from '../src/warehouse/warehouse.ts';

const metadata: ColumnSchema[] = [
  { name: '_synced_at', type: 'timestamptz' },
  { name: '_rescued_data', type: 'json' },
];
const lineItemSpec = salesTable.children.find((child) => child.name === 'sales_line_items');

/** The sales group: the catalogue's sales columns and its line items (with `sale_id`). */
export const salesGroup: TableGroupSchema = {
  parent: { name: 'sales', columns: [...salesTable.columns, ...metadata], primaryKey: ['id'] },
  children: [
    {
      name: 'sales_line_items',
      columns: [{ name: 'sale_id', type: 'text' }, ...(lineItemSpec?.columns ?? []), ...metadata],
      primaryKey: ['sale_id', 'id'],
      parentKey: 'sale_id',
    },
  ],
};

/** Sales rows `from`..`from + count - 1` with three line items each. */
export function syntheticSales(
  from: number,
  count: number,
): { sales: TableRows; items: TableRows } {
  const sales: RowValue[][] = [];
  const items: RowValue[][] = [];
  const syncedAt = new Date().toISOString();
  for (let n = from; n < from + count; n += 1) {
    const id = `0af7b240-ab${String(n).padStart(10, '0')}`;
    const day = new Date(Date.UTC(2024, 0, 1) + (n % 700) * 86_400_000).toISOString();
    sales.push(salesGroup.parent.columns.map((column) => saleValue(column, id, n, day, syncedAt)));
    for (let line = 0; line < 3; line += 1) {
      items.push(
        (salesGroup.children[0]?.columns ?? []).map((column) =>
          itemValue(column, id, `${id}-${line}`, n + line, syncedAt),
        ),
      );
    }
  }

  return {
    sales: { table: 'sales', columns: columnNames(salesGroup.parent.columns), rows: sales },
    items: {
      table: 'sales_line_items',
      columns: columnNames(salesGroup.children[0]?.columns ?? []),
      rows: items,
    },
  };
}

function columnNames(columns: ColumnSchema[]): string[] {
  return columns.map((column) => column.name);
}

function saleValue(column: ColumnSchema, id: string, n: number, day: string, at: string) {
  if (column.name === 'id') return id;
  if (column.name === 'note') return n % 5 === 0 ? 'Gift wrap, "fragile"\tthanks' : null;
  if (column.name === '_synced_at') return at;

  return syntheticValue(column, n, day);
}

function itemValue(column: ColumnSchema, saleId: string, id: string, n: number, at: string) {
  if (column.name === 'sale_id') return saleId;
  if (column.name === 'id') return id;
  if (column.name === '_synced_at') return at;

  return syntheticValue(column, n, '2025-03-14T02:11:05+00:00');
}

function syntheticValue(column: ColumnSchema, n: number, day: string): RowValue {
  switch (column.type) {
    case 'text':
      return `${column.name}-${n % 97}`;
    case 'bigint':
      return n;
    case 'decimal':
      return `${n % 1000}.${String(n % 100_000).padStart(5, '0')}`;
    case 'boolean':
      return n % 2 === 0;
    case 'timestamptz':
      return day;
    case 'date':
      return day.slice(0, 10);
    case 'json':
      return column.name === '_rescued_data' ? null : `{"n":${n},"tags":["a","b"]}`;
  }
}
