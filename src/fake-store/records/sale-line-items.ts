import type { SeededRandom } from '../seeded-random.ts';
import type { FakeRecord, StoreContext } from '../store-context.ts';
import { round5 } from '../wire-format.ts';
import { productEssentials } from './product-records.ts';

/** A built line item plus the sums the sale needs. */
export interface BuiltLineItem {
  record: FakeRecord;
  priceTotal: number;
  taxTotal: number;
  loyaltyTotal: number;
  rateId: string;
  taxIndex: number;
}

/** What varies per line: the product, how many, and the discount as a fraction of price. */
export interface LineItemInput {
  productIndex: number;
  quantity: number;
  discountRatio: number;
  sequence: number;
  salespersonId: string;
  withLoyalty: boolean;
  note: string | undefined;
}

/**
 * Builds one line item with the API's money rules: unit values ex tax with up to 5 decimals,
 * totals as unit x quantity rounded to 5 decimals, and the unit_/total_ aliases duplicated.
 */
export function buildLineItem(
  ctx: StoreContext,
  random: SeededRandom,
  input: LineItemInput,
): BuiltLineItem {
  const product = productEssentials(ctx, input.productIndex);
  const quantity = input.quantity;
  const discount = round5(product.priceExcludingTax * input.discountRatio);
  const price = round5(product.priceExcludingTax - discount);
  const tax = round5(price * product.taxRate);
  const priceTotal = round5(price * quantity);
  const taxTotal = round5(tax * quantity);
  const costTotal = round5(product.supplyPrice * quantity);
  const discountTotal = round5(discount * quantity);
  const loyalty = input.withLoyalty ? round5(price * 0.02) : 0;
  const loyaltyTotal = round5(loyalty * quantity);
  const rateId = ctx.lookups.taxRates[product.taxIndex]?.[0]?.id ?? '';

  const record: FakeRecord = {
    id: random.uuid(),
    product_id: product.id,
    tax_id: ctx.lookups.taxIds[product.taxIndex] ?? '',
    quantity,
    price,
    unit_price: price,
    price_total: priceTotal,
    total_price: priceTotal,
    cost: product.supplyPrice,
    unit_cost: product.supplyPrice,
    cost_total: costTotal,
    total_cost: costTotal,
    discount,
    unit_discount: discount,
    discount_total: discountTotal,
    total_discount: discountTotal,
    loyalty_value: loyalty,
    unit_loyalty_value: loyalty,
    total_loyalty_value: loyaltyTotal,
    tax,
    unit_tax: tax,
    tax_total: taxTotal,
    total_tax: taxTotal,
    tax_components: [{ rate_id: rateId, total_tax: taxTotal }],
    price_set: input.discountRatio > 0,
    sequence: input.sequence,
    note: input.note ?? null,
    status: 'CONFIRMED',
    is_return: quantity < 0,
    salesperson_id: input.salespersonId,
  };

  return { record, priceTotal, taxTotal, loyaltyTotal, rateId, taxIndex: product.taxIndex };
}
