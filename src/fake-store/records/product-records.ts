import { supplierNames } from '../sample-text.ts';
import { SeededRandom } from '../seeded-random.ts';
import type { FakeRecord, StoreContext } from '../store-context.ts';
import { timelineEndMs, timelineStartMs } from '../store-shape.ts';
import { tableCodes } from '../table-codes.ts';
import { formatTimestamp, round2, round5 } from '../wire-format.ts';
import {
  brandObject,
  lookupId,
  lookupVersion,
  supplierObject,
  tagNames,
  typeKey,
} from './lookup-objects.ts';

/** The facts about a product that sales and inventory records depend on. */
export interface ProductEssentials {
  id: string;
  priceIncludingTax: number;
  priceExcludingTax: number;
  supplyPrice: number;
  taxIndex: number;
  taxRate: number;
  hasInventory: boolean;
}

const placeholderImage = 'https://secure.retail.lightspeed.app/images/placeholder/product';

const maxCachedProducts = 500_000;

/** Returns the essentials of product `index` without building the whole record. */
export function productEssentials(ctx: StoreContext, index: number): ProductEssentials {
  const cached = ctx.lookups.productCache.get(index);
  if (cached) return cached;

  const essentials = deriveEssentials(ctx, index);
  if (ctx.lookups.productCache.size < maxCachedProducts) {
    ctx.lookups.productCache.set(index, essentials);
  }

  return essentials;
}

function deriveEssentials(ctx: StoreContext, index: number): ProductEssentials {
  const traits = ctx.families.traits(ctx.families.familyOf(index));
  const taxRate = traits.taxIndex === 0 ? 0.15 : 0;
  const priceExcludingTax = round5(traits.priceIncludingTax / (1 + taxRate));

  return {
    id: ctx.ids.idOf('products', index),
    priceIncludingTax: traits.priceIncludingTax,
    priceExcludingTax,
    supplyPrice: round2(priceExcludingTax * traits.supplyRatio),
    taxIndex: traits.taxIndex,
    taxRate,
    hasInventory: traits.hasInventory,
  };
}

/**
 * Builds product `index` in the flat variant model: each variant is its own record linked to
 * the family parent by `variant_parent_id`; unset brand/supplier/type are `{}`.
 */
export function generateProduct(
  ctx: StoreContext,
  index: number,
  version: number,
  createdAtMs?: number,
): FakeRecord {
  const random = new SeededRandom(ctx.seed, tableCodes.products, index);
  const family = ctx.families.familyOf(index);
  const traits = ctx.families.traits(family);
  const essentials = productEssentials(ctx, index);
  const parent = ctx.families.start(family);
  const familySize = ctx.families.size(family);
  const member = index - parent;
  const options = ctx.families.variantOptions(family, member, familySize).map((option, n) => ({
    id: lookupId(ctx, 'option', family, n, member),
    ...option,
  }));
  const sku = [traits.skuCode, ...options.map((option) => option.value.toUpperCase())].join('-');
  const created = createdAtMs ?? productCreatedMs(family, ctx.families.familyCount);
  const updated = createdAtMs ?? created + random.int(0, 400) * 86_400_000;
  const deleted = createdAtMs === undefined && index > 0 && random.chance(0.02);
  const supplierId = traits.supplier < 0 ? null : lookupId(ctx, 'supplier', traits.supplier);
  const tags = tagNames.filter(() => random.chance(0.2));
  const typeIndex = typeKey(traits.typeName);

  return {
    id: essentials.id,
    name: traits.name,
    variant_name: [traits.name, ...options.map((option) => option.value)].join(' / '),
    handle: traits.handle,
    sku,
    supplier_code: supplierId === null ? '' : `${traits.skuCode}-S`,
    ...(traits.description === undefined ? {} : { description: traits.description }),
    source: 'USER',
    active: !deleted,
    is_active: !deleted,
    has_inventory: traits.hasInventory,
    is_composite: false,
    has_variants: familySize > 1,
    variant_parent_id: member === 0 ? null : ctx.ids.idOf('products', parent),
    variant_count: familySize > 1 ? familySize : 0,
    variant_options: options,
    price_including_tax: essentials.priceIncludingTax,
    price_excluding_tax: essentials.priceExcludingTax,
    supply_price: essentials.supplyPrice,
    supplier_id: supplierId,
    supplier: supplierObject(ctx, traits.supplier),
    product_type_id: traits.hasType ? lookupId(ctx, 'type', typeIndex) : null,
    type: traits.hasType
      ? {
          id: lookupId(ctx, 'type', typeIndex),
          name: traits.typeName,
          version: lookupVersion(ctx, 'type', typeIndex),
        }
      : {},
    brand_id: traits.brand < 0 ? null : lookupId(ctx, 'brand', traits.brand),
    brand: brandObject(ctx, traits.brand),
    tag_ids: tags.map((tag) => lookupId(ctx, 'tag', tagNames.indexOf(tag))),
    categories: tags.map((tag) => ({
      id: lookupId(ctx, 'tag', tagNames.indexOf(tag)),
      name: tag,
      version: lookupVersion(ctx, 'tag', tagNames.indexOf(tag)),
    })),
    product_codes: random.chance(0.6) ? [{ type: 'EAN', code: ean13(random) }] : [],
    product_suppliers:
      supplierId === null
        ? []
        : [
            {
              id: random.uuid(),
              product_id: essentials.id,
              supplier_id: supplierId,
              supplier_name: supplierNames[traits.supplier] ?? '',
              code: `${traits.skuCode}-S`,
              price: essentials.supplyPrice,
            },
          ],
    attributes: [],
    images: [],
    image_url: `${placeholderImage}/no-image-white-standard.png`,
    image_thumbnail_url: `${placeholderImage}/no-image-white-thumb.png`,
    button_order: member,
    created_at: formatTimestamp(created),
    updated_at: formatTimestamp(updated),
    deleted_at: deleted ? formatTimestamp(updated) : null,
    version,
  };
}

/** Products are created during the first months of the timeline, families in order. */
function productCreatedMs(family: number, familyCount: number): number {
  const catalogueSpan = (timelineEndMs - timelineStartMs) * 0.3;

  return Math.floor(timelineStartMs - 30 * 86_400_000 + (family / familyCount) * catalogueSpan);
}

function ean13(random: SeededRandom): string {
  let digits = '94';
  for (let n = 0; n < 10; n++) digits += String(random.int(0, 9));
  let sum = 0;
  for (let n = 0; n < 12; n++) sum += Number(digits[n]) * (n % 2 === 0 ? 1 : 3);

  return `${digits}${(10 - (sum % 10)) % 10}`;
}
