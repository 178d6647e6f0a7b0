import { after, before } from 'node:test';
import { openWarehouse } from '../open-warehouse.ts';
import { registerWarehouseSuite } from '../warehouse-suite.ts';
import { createTestDatabase, type TestDatabase } from './postgres-test-database.ts';

let database: TestDatabase | undefined;
let stores = 0;

before(async () => {
  database = await createTestDatabase();
});
after(() => database?.drop());

registerWarehouseSuite({
  name: 'postgres',
  widenedDecimalType: 'numeric',
  newStore: async () => {
    stores += 1;
    const schema = `store_${stores}`;
    const url = database?.url ?? '';

    return { open: (options) => openWarehouse({ url, schema, ...options }) };
  },
});
