import { columns } from '../column-type.ts';
import type { TableSpec } from '../table-spec.ts';

/** Taxes: tax configurations, with their rates as a child table. */
export const taxesTable: TableSpec = {
  name: 'taxes',
  description: 'A sales tax rate configured in Lightspeed Retail.',
  path: '/taxes',
  deletedParam: false,
  syncMethods: ['incremental', 'full_refresh'],
  cursorField: 'version',
  primaryKey: 'id',
  columns: columns({
    id: 'text',
    name: 'text',
    display_name: 'text',
    is_default: 'boolean',
    deleted_at: 'timestamptz',
    version: 'bigint',
  }),
  flatten: [],
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
};
