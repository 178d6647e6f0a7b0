import { brandNames, productStems, supplierNames } from '../sample-text.ts';
import { hashInts, SeededRandom } from '../seeded-random.ts';
import { type FakeRecord, type StoreContext, streams } from '../store-context.ts';

/** Kinds of small lookup resources embedded in products. */
export type LookupKind = 'brand' | 'supplier' | 'type' | 'tag' | 'option';

const kindCodes: Record<LookupKind, number> = { brand: 1, supplier: 2, type: 3, tag: 4, option: 5 };

/** Tag names products carry in `categories`. */
export const tagNames: readonly string[] = [
  'winter',
  'summer',
  'new-arrival',
  'clearance',
  'kāinga',
];

/** Returns the id of lookup resource `key` of a kind. */
export function lookupId(ctx: StoreContext, kind: LookupKind, ...key: number[]): string {
  return new SeededRandom(ctx.seed, streams.lookup, kindCodes[kind], ...key).uuid();
}

/** Returns the version of lookup resource `key`: small, like the real brand/type versions. */
export function lookupVersion(ctx: StoreContext, kind: LookupKind, key: number): number {
  return 100_000 + (hashInts(ctx.seed, kindCodes[kind], key) % 900_000_000);
}

/** Returns the embedded brand object, or `{}` when `brand` is -1. */
export function brandObject(ctx: StoreContext, brand: number): FakeRecord {
  if (brand < 0) return {};

  return {
    id: lookupId(ctx, 'brand', brand),
    name: brandNames[brand] ?? 'Kea',
    version: lookupVersion(ctx, 'brand', brand),
  };
}

/** Returns the embedded supplier object, or `{}` when `supplier` is -1. */
export function supplierObject(ctx: StoreContext, supplier: number): FakeRecord {
  if (supplier < 0) return {};

  return {
    id: lookupId(ctx, 'supplier', supplier),
    name: supplierNames[supplier] ?? 'Acme Knitwear',
    source: '',
    description: '',
    version: lookupVersion(ctx, 'supplier', supplier),
  };
}

const typeNames: readonly string[] = [
  ...new Set(productStems.map((stem) => stem[2])),
  'Gift Cards',
];

/** Returns the lookup key of a product type name. */
export function typeKey(typeName: string): number {
  return typeNames.indexOf(typeName);
}
