import { colours, productAdjectives, productStems, sizes } from '../sample-text.ts';
import { hashInts, SeededRandom } from '../seeded-random.ts';
import { streams } from '../store-context.ts';
import { round2 } from '../wire-format.ts';
import { defaultTaxIndex, noTaxIndex } from './tax-records.ts';

/** What other generators need to know of a product family, derived from the seed. */
export interface FamilyTraits {
  name: string;
  handle: string;
  skuCode: string;
  typeName: string;
  /** Index into the brand list, or -1 when the family has no brand (`{}` on the wire). */
  brand: number;
  /** Index into the supplier list, or -1 when none. */
  supplier: number;
  /** False for families without a product type (`{}` on the wire). */
  hasType: boolean;
  priceIncludingTax: number;
  supplyRatio: number;
  taxIndex: number;
  hasInventory: boolean;
  description: string | undefined;
}

/** One variant option of a product, e.g. `Colour: Navy`. */
export interface VariantOption {
  name: string;
  value: string;
}

const familySizes = [1, 1, 1, 2, 3, 4, 6] as const;

/**
 * The layout of product families over the flat product index: family `f` owns the products
 * `start(f) .. start(f) + size(f) - 1`, the first being the family parent. Products created
 * after start-up each form a family of their own.
 */
export class ProductFamilies {
  private readonly starts: Int32Array;

  /** How many families the base products form. */
  readonly familyCount: number;

  constructor(
    private readonly seed: number,
    private readonly productCount: number,
  ) {
    const starts: number[] = [0];
    let next = 0;
    for (let family = 0; next < productCount; family++) {
      const size = family === 0 ? 1 : familySizes[hashInts(seed, streams.family, family) % 7];
      next = Math.min(productCount, next + (size ?? 1));
      starts.push(next);
    }
    this.starts = Int32Array.from(starts);
    this.familyCount = starts.length - 1;
  }

  /** Returns the family of product `index`. */
  familyOf(index: number): number {
    if (index >= this.productCount) return this.familyCount + (index - this.productCount);

    let low = 0;
    let high = this.familyCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }

    return low;
  }

  /** Returns the first product index of `family`. */
  start(family: number): number {
    if (family >= this.familyCount) return this.productCount + (family - this.familyCount);

    return this.starts[family] ?? 0;
  }

  /** Returns how many products (variants) `family` has. */
  size(family: number): number {
    if (family >= this.familyCount) return 1;

    return (this.starts[family + 1] ?? 0) - (this.starts[family] ?? 0);
  }

  /** Returns the seed-derived traits of `family`; family 0 is an untaxed gift card. */
  traits(family: number): FamilyTraits {
    const random = new SeededRandom(this.seed, streams.family, family, 1);
    const [stem, code, typeName] = random.pick(productStems);
    const adjective = random.pick(productAdjectives);
    const giftCard = family === 0;
    const name = giftCard ? 'Gift Card 🎁' : `${adjective} ${stem}`;
    const cents = random.pick([0.9, 0.5, 0, 0.99]);

    return {
      name,
      handle: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}${family}`,
      skuCode: giftCard ? 'GIFT' : `${code}${family}`,
      typeName: giftCard ? 'Gift Cards' : typeName,
      brand: giftCard || random.chance(0.15) ? -1 : random.int(0, 4),
      supplier: giftCard || random.chance(0.2) ? -1 : random.int(0, 2),
      hasType: !random.chance(0.1),
      priceIncludingTax: giftCard ? 50 : round2(random.int(4, 180) + cents),
      supplyRatio: giftCard ? 0 : 0.35 + random.next() * 0.2,
      taxIndex: giftCard ? noTaxIndex : defaultTaxIndex,
      hasInventory: !giftCard,
      description: giftCard
        ? '<p>A store gift card.</p>'
        : random.chance(0.7)
          ? `<p>${adjective} ${stem}, made to last.</p>`
          : undefined,
    };
  }

  /** Returns the variant options of member `member` of a family of `familySize` products. */
  variantOptions(family: number, member: number, familySize: number): VariantOption[] {
    if (familySize <= 1) return [];

    const sizesPerColour = familySize <= 3 ? familySize : familySize === 4 ? 2 : 3;
    const sizeValue = sizes[(member % sizesPerColour) + 1] ?? 'M';
    if (familySize <= 3) return [{ name: 'Size', value: sizeValue }];

    const colour = colours[(family + Math.floor(member / sizesPerColour)) % colours.length];

    return [
      { name: 'Colour', value: colour ?? 'Navy' },
      { name: 'Size', value: sizeValue },
    ];
  }
}
