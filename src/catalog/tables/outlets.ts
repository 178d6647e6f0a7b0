import { columns } from '../column-type.ts';
import { defineTable, type TableSpec } from '../table-spec.ts';

/** Outlets: the store's physical locations. */
export const outletsTable: TableSpec = defineTable({
  name: 'outlets',
  description: 'A physical store location (outlet) in Lightspeed Retail.',
  path: '/outlets',
  deletedParam: true,
  columns: columns({
    id: 'text',
    name: 'text',
    time_zone: 'text',
    default_tax_id: 'text',
    currency: 'text',
    currency_symbol: 'text',
    display_prices: 'text',
    physical_address_1: 'text',
    physical_address_2: 'text',
    physical_suburb: 'text',
    physical_city: 'text',
    physical_postcode: 'text',
    physical_state: 'text',
    physical_country_id: 'text',
    email: 'text',
    attributes: 'json',
    deleted_at: 'timestamptz',
    version: 'bigint',
  }),
});
