import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openWarehouse } from '../open-warehouse.ts';
import { registerWarehouseSuite } from '../warehouse-suite.ts';

const dir = await mkdtemp(join(tmpdir(), 'duckdb-warehouse-'));
let stores = 0;

after(() => rm(dir, { recursive: true, force: true }));

registerWarehouseSuite({
  name: 'duckdb',
  widenedDecimalType: 'DECIMAL(38,10)',
  newStore: async () => {
    stores += 1;
    const url = `duckdb:${join(dir, `store-${stores}.duckdb`)}`;

    return { open: (options) => openWarehouse({ url, schema: 'lightspeed_retail', ...options }) };
  },
});
