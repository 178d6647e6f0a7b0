import type { TableName } from '../catalog/table-spec.ts';

/** A small distinct number per table, used to seed generators, ids and version residues. */
export const tableCodes: Readonly<Record<TableName, number>> = {
  taxes: 0,
  outlets: 1,
  registers: 2,
  users: 3,
  products: 4,
  inventory: 5,
  customers: 6,
  sales: 7,
};

/** Every table the fake store serves, in the order their base records were created. */
export const fakeStoreTables: readonly TableName[] = [
  'taxes',
  'outlets',
  'registers',
  'users',
  'products',
  'inventory',
  'customers',
  'sales',
];
