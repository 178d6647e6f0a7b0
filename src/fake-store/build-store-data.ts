import { RecordIds } from './record-ids.ts';
import { paymentTypes } from './records/payment-types.ts';
import { ProductFamilies } from './records/product-families.ts';
import { invoicePrefix } from './records/register-records.ts';
import { taxRates } from './records/tax-records.ts';
import type { StoreContext } from './store-context.ts';
import { StoreData } from './store-data.ts';
import { type FakeStoreScale, resolveStoreShape } from './store-shape.ts';
import { VersionPlan } from './version-plan.ts';

/**
 * Builds the data of a store from its seed and scale. Only the small tables' ids and the
 * product family layout are computed up front; every other record is generated on demand.
 */
export function buildStoreData(seed: number, scale?: FakeStoreScale): StoreData {
  const shape = resolveStoreShape(scale);
  const ids = new RecordIds(seed);
  const range = (count: number) => Array.from({ length: count }, (_, index) => index);
  const partial = { seed, shape, ids, families: new ProductFamilies(seed, shape.counts.products) };
  const ctx: StoreContext = {
    ...partial,
    lookups: {
      outletIds: range(shape.counts.outlets).map((index) => ids.idOf('outlets', index)),
      registerIds: range(shape.counts.registers).map((index) => ids.idOf('registers', index)),
      userIds: range(shape.counts.users).map((index) => ids.idOf('users', index)),
      taxIds: range(shape.counts.taxes).map((index) => ids.idOf('taxes', index)),
      taxRates: [],
      paymentTypes: [],
      invoicePrefixes: range(shape.counts.registers).map((index) => invoicePrefix(shape, index)),
      productCache: new Map(),
    },
  };
  ctx.lookups = {
    ...ctx.lookups,
    taxRates: range(shape.counts.taxes).map((index) => taxRates(ctx, index)),
    paymentTypes: paymentTypes(ctx),
  };

  return new StoreData(ctx, new VersionPlan(seed, shape.counts));
}
