import { columns } from '../column-type.ts';
import { defineTable, type TableSpec } from '../table-spec.ts';

/** Inventory: stock of one product at one outlet. */
export const inventoryTable: TableSpec = defineTable({
  name: 'inventory',
  description: 'Per-outlet stock levels for a product in Lightspeed Retail.',
  path: '/inventory',
  deletedParam: false,
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
});
