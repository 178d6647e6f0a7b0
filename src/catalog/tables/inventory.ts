import { columns } from '../column-type.ts';
import type { TableSpec } from '../table-spec.ts';

/** Inventory: stock of one product at one outlet. */
export const inventoryTable: TableSpec = {
  name: 'inventory',
  description: 'Per-outlet stock levels for a product in Lightspeed Retail.',
  path: '/inventory',
  deletedParam: false,
  syncMethods: ['incremental', 'full_refresh'],
  cursorField: 'version',
  primaryKey: 'id',
  columns: columns({
    id: 'text',
    product_id: 'text',
    outlet_id: 'text',
    inventory_level: 'decimal',
    current_amount: 'decimal',
    average_cost: 'decimal',
    reorder_point: 'decimal',
    reorder_amount: 'decimal',
    version: 'bigint',
  }),
  flatten: [],
  children: [],
};
