import { columns } from '../catalog/column-type.ts';
import type { PageWrite, RowValue, TableGroupSchema, Warehouse, WriteTarget } from './warehouse.ts';

/** A small sales-like group: every logical type in the parent, one child table. */
export const testGroup: TableGroupSchema = {
  parent: {
    name: 'sales',
    columns: columns({
      id: 'text',
      note: 'text',
      total: 'decimal',
      sale_date: 'timestamptz',
      business_day: 'date',
      is_return: 'boolean',
      version: 'bigint',
      attributes: 'json',
    }),
    primaryKey: ['id'],
  },
  children: [
    {
      name: 'sales_line_items',
      columns: columns({ sale_id: 'text', id: 'text', quantity: 'decimal', note: 'text' }),
      primaryKey: ['sale_id', 'id'],
      parentKey: 'sale_id',
    },
  ],
};

/** The parent columns, in order. */
export const saleColumns = testGroup.parent.columns.map((column) => column.name);

/** Builds a parent row with defaults for the columns a test does not care about. */
export function saleRow(id: string, overrides: Record<string, RowValue> = {}): RowValue[] {
  const row: Record<string, RowValue> = {
    id,
    note: `note ${id}`,
    total: '10.5',
    sale_date: '2025-03-14T02:11:05+00:00',
    business_day: '2025-03-14',
    is_return: false,
    version: 1,
    attributes: '{"k":1}',
    ...overrides,
  };

  return saleColumns.map((column) => row[column] ?? null);
}

/** Builds a line item row: [sale_id, id, quantity, note]. */
export function itemRow(saleId: string, id: string, quantity = '1'): RowValue[] {
  return [saleId, id, quantity, null];
}

/** Builds a page write of parent rows and line items. */
export function salesPage(
  rows: RowValue[][],
  items: RowValue[][],
  cursor: number,
  target: WriteTarget = 'live',
): PageWrite {
  return {
    table: 'sales',
    target,
    cursor,
    parent: { table: 'sales', columns: saleColumns, rows },
    children: [
      {
        table: 'sales_line_items',
        columns: ['sale_id', 'id', 'quantity', 'note'],
        rows: items,
      },
    ],
  };
}

/** Runs a query and returns its rows. */
export async function rowsOf(warehouse: Warehouse, sql: string): Promise<unknown[][]> {
  return (await warehouse.query(sql)).rows;
}
