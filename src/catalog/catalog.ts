import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import type { TableName, TableSpec } from './table-spec.ts';
import { customersTable } from './tables/customers.ts';
import { inventoryTable } from './tables/inventory.ts';
import { outletsTable } from './tables/outlets.ts';
import { productsTable } from './tables/products.ts';
import { registersTable } from './tables/registers.ts';
import { salesTable } from './tables/sales.ts';
import { taxesTable } from './tables/taxes.ts';
import { usersTable } from './tables/users.ts';

/** Every table this project syncs, in the order they are listed and synced. */
export const catalog: readonly TableSpec[] = [
  salesTable,
  customersTable,
  productsTable,
  inventoryTable,
  outletsTable,
  registersTable,
  usersTable,
  taxesTable,
];

/** The names of every table in the catalogue. */
export const tableNames: readonly TableName[] = catalog.map((table) => table.name);

/** Returns the spec of a table, or throws `unknown_table` naming the valid tables. */
export function getTableSpec(name: string): TableSpec {
  const spec = catalog.find((table) => table.name === name);
  if (spec) return spec;

  throw new LightspeedSyncError(
    'unknown_table',
    `Unknown table "${name}". Choose from: ${tableNames.join(', ')}.`,
    { details: { table: name } },
  );
}
