import type { TableName } from '../catalog/table-spec.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** How many records of each kind the fake store starts with; every field is optional. */
export interface FakeStoreScale {
  /** Sales. Default 1000. */
  sales?: number;
  /** Customers. Default sales / 5, at least 5 and at most 200,000. */
  customers?: number;
  /**
   * Product records, variants included (flat model). Default about 2.6 records per family
   * for sales / 20 families, clamped to 50..5000 families.
   */
  products?: number;
  /** Outlets. Default 2 below 5000 sales, else 3. */
  outlets?: number;
  /** Registers per outlet. Default 2 at the first outlet and 1 at the others. */
  registersPerOutlet?: number;
  /** Users. Default 1 admin plus 2 per outlet. */
  users?: number;
}

/** The resolved record counts of a store, plus which outlet each register belongs to. */
export interface StoreShape {
  /** Base record count per table (records created later are not included). */
  counts: Record<TableName, number>;
  /** For each register index, its outlet index. */
  registerOutlets: readonly number[];
}

/** Epoch ms of the first base record's timestamp (the store's opening). */
export const timelineStartMs = Date.UTC(2023, 3, 1);

/** Epoch ms of the last base record's timestamp. */
export const timelineEndMs = Date.UTC(2025, 2, 31, 23, 0, 0);

/** The number of taxes every store has (see tax-records.ts). */
export const taxCount = 3;

/** Resolves the record counts from the options, deriving what was not given from `sales`. */
export function resolveStoreShape(scale: FakeStoreScale = {}): StoreShape {
  const sales = checkedCount('sales', scale.sales ?? 1000, 0);
  const outlets = checkedCount('outlets', scale.outlets ?? (sales < 5000 ? 2 : 3), 1);
  const families = Math.min(5000, Math.max(50, Math.round(sales / 20)));
  const products = checkedCount('products', scale.products ?? Math.round(families * 2.6), 1);
  const customers = checkedCount(
    'customers',
    scale.customers ?? Math.min(200_000, Math.max(5, Math.round(sales / 5))),
    0,
  );
  const users = checkedCount('users', scale.users ?? 1 + 2 * outlets, 1);

  const registerOutlets: number[] = [];
  for (let outlet = 0; outlet < outlets; outlet++) {
    const perOutlet = scale.registersPerOutlet ?? (outlet === 0 ? 2 : 1);
    for (let n = 0; n < checkedCount('registersPerOutlet', perOutlet, 1); n++) {
      registerOutlets.push(outlet);
    }
  }

  return {
    counts: {
      sales,
      customers,
      products,
      inventory: products * outlets,
      outlets,
      registers: registerOutlets.length,
      users,
      taxes: taxCount,
    },
    registerOutlets,
  };
}

/** Returns the timeline instant of base record `index` out of `count` (older first). */
export function timelineMs(index: number, count: number, jitterMs = 0): number {
  const span = timelineEndMs - timelineStartMs;
  const fraction = count <= 1 ? 1 : index / (count - 1);

  return Math.floor(timelineStartMs + fraction * span + jitterMs);
}

function checkedCount(name: string, value: number, minimum: number): number {
  if (Number.isSafeInteger(value) && value >= minimum) return value;

  throw new LightspeedSyncError(
    'invalid_fake_store_option',
    `The fake store's scale.${name} must be an integer of at least ${minimum}, got ${value}.`,
    { details: { option: `scale.${name}`, value } },
  );
}
