import { SeededRandom } from '../seeded-random.ts';
import type { FakeRecord, StoreContext } from '../store-context.ts';
import { tableCodes } from '../table-codes.ts';
import { productEssentials } from './product-records.ts';

/** Returns the inventory index of (product, outlet): one record per product x outlet. */
export function inventoryIndex(ctx: StoreContext, productIndex: number, outlet: number): number {
  return productIndex * ctx.shape.counts.outlets + outlet;
}

/**
 * Builds inventory record `index` (product `index / outlets` at outlet `index % outlets`).
 * Levels can be negative; some records omit the reorder fields, as the list example does.
 */
export function generateInventory(ctx: StoreContext, index: number, version: number): FakeRecord {
  const random = new SeededRandom(ctx.seed, tableCodes.inventory, index);
  const outlets = ctx.shape.counts.outlets;
  const product = productEssentials(ctx, Math.floor(index / outlets));
  const level = !product.hasInventory
    ? 0
    : random.chance(0.05)
      ? -random.int(1, 3)
      : random.int(0, 60);
  const reorder = random.next();

  return {
    id: ctx.ids.idOf('inventory', index),
    product_id: product.id,
    outlet_id: ctx.ids.idOf('outlets', index % outlets),
    inventory_level: level,
    current_amount: level,
    average_cost: product.supplyPrice,
    ...(reorder < 0.6
      ? { reorder_point: random.int(2, 10), reorder_amount: random.int(10, 40) }
      : {}),
    ...(reorder >= 0.6 && reorder < 0.8 ? { reorder_point: null, reorder_amount: null } : {}),
    version,
  };
}
