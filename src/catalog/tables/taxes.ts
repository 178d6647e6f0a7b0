import { columns } from '../column-type.ts';
import { defineTable, type TableSpec } from '../table-spec.ts';

/** Taxes: tax configurations, with their rates as a child table. */
export const taxesTable: TableSpec = defineTable({
  name: 'taxes',
  description: 'A sales tax rate configured in Lightspeed Retail.',
  path: '/taxes',
  deletedParam: false,
  columns: columns({
    id: 'text',
    name: 'text',
    display_name: 'text',
    is_default: 'boolean',
    deleted_at: 'timestamptz',
    version: 'bigint',
  }),
  children: [
    {
      name: 'taxes_rates',
      field: 'rates',
      parentKey: 'tax_id',
      description: 'One rate of a tax (`rate` is a fraction: 0.15 is 15%).',
      columns: columns({
        id: 'text',
        name: 'text',
        display_name: 'text',
        rate: 'decimal',
        rules: 'json',
      }),
    },
  ],
});
