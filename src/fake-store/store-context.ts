import type { RecordIds } from './record-ids.ts';
import type { PaymentType } from './records/payment-types.ts';
import type { ProductFamilies } from './records/product-families.ts';
import type { ProductEssentials } from './records/product-records.ts';
import type { TaxRate } from './records/tax-records.ts';
import type { StoreShape } from './store-shape.ts';

/** One record as served on the wire: a plain JSON object. */
export type FakeRecord = Record<string, unknown>;

/** Everything a record generator needs to rebuild any record from its index alone. */
export interface StoreContext {
  /** The store's seed; the same seed gives the same store. */
  seed: number;
  /** The record counts the store started with. */
  shape: StoreShape;
  /** Id encoding of top-level records. */
  ids: RecordIds;
  /** The product family layout (products are generated per family). */
  families: ProductFamilies;
  /** Ids and small lists the hot generators (sales) look up for every record. */
  lookups: StoreLookups;
}

/** Precomputed ids of the small tables, so generating a sale costs no extra hashing. */
export interface StoreLookups {
  outletIds: readonly string[];
  registerIds: readonly string[];
  userIds: readonly string[];
  taxIds: readonly string[];
  /** The rates of each tax, by tax index. */
  taxRates: readonly (readonly TaxRate[])[];
  /** The payment types; the first is cash. */
  paymentTypes: readonly PaymentType[];
  /** Each register's invoice prefix, e.g. `MAIN1-`. */
  invoicePrefixes: readonly string[];
  /** Product essentials already derived, by product index (bounded, see product-records.ts). */
  productCache: Map<number, ProductEssentials>;
}

/** Random stream numbers for things that are not top-level records (tables use 0..7). */
export const streams = {
  family: 101,
  taxRate: 102,
  paymentType: 103,
  lookup: 104,
} as const;
