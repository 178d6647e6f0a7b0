import { SeededRandom } from '../seeded-random.ts';
import { type FakeRecord, type StoreContext, streams } from '../store-context.ts';
import { timelineStartMs } from '../store-shape.ts';
import { formatTimestamp } from '../wire-format.ts';

/** One rate of a tax as sales reference it. */
export interface TaxRate {
  id: string;
  name: string;
  rate: number;
}

/** Index of the store's default tax (GST 15%). */
export const defaultTaxIndex = 0;

/** Index of the zero-rated tax (gift cards). */
export const noTaxIndex = 1;

const taxDefinitions = [
  { name: 'GST', rates: [{ name: 'GST', rate: 0.15 }] },
  { name: 'No Tax', rates: [{ name: 'No Tax', rate: 0 }] },
  {
    name: 'Sales Tax',
    rates: [
      { name: 'State Tax', rate: 0.0625 },
      { name: 'City Tax', rate: 0.01 },
    ],
  },
] as const;

/** Returns the rates of tax `taxIndex` with their ids. */
export function taxRates(ctx: StoreContext, taxIndex: number): TaxRate[] {
  const definition = taxDefinitions[taxIndex] ?? taxDefinitions[0];
  const random = new SeededRandom(ctx.seed, streams.taxRate, taxIndex);

  return definition.rates.map((rate) => ({ id: random.uuid(), name: rate.name, rate: rate.rate }));
}

/** Builds tax `index` (GST, No Tax, or a two-rate Sales Tax with a threshold rule). */
export function generateTax(ctx: StoreContext, index: number, version: number): FakeRecord {
  const definition = taxDefinitions[index] ?? taxDefinitions[0];
  const rates = taxRates(ctx, index).map((rate, position) => ({
    id: rate.id,
    name: rate.name,
    rate: rate.rate,
    display_name: rate.name,
    ...(position === 1
      ? { rules: [{ tax_code: 'vend_clothing_footwear', type: 'threshold', value: 90 }] }
      : {}),
  }));

  return {
    id: ctx.ids.idOf('taxes', index),
    name: definition.name,
    display_name: definition.name,
    is_default: index === 0,
    rates,
    created_at: formatTimestamp(timelineStartMs - 86_400_000 + index * 60_000),
    deleted_at: null,
    version,
  };
}
