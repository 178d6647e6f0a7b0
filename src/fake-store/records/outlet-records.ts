import { places, streets } from '../sample-text.ts';
import { SeededRandom } from '../seeded-random.ts';
import type { FakeRecord, StoreContext } from '../store-context.ts';
import { tableCodes } from '../table-codes.ts';
import { defaultTaxIndex } from './tax-records.ts';

/** Returns the short code of outlet `index`, used as its invoice prefix (e.g. `MAIN`). */
export function outletCode(index: number): string {
  const place = places[index % places.length] ?? places[0];
  const city = (place?.[0] ?? 'Store').slice(0, 3).toUpperCase();

  return index === 0 ? 'MAIN' : `${city}${index >= places.length ? index : ''}`;
}

/** Builds outlet `index`: an NZ store, prices tax-inclusive, GST as the default tax. */
export function generateOutlet(ctx: StoreContext, index: number, version: number): FakeRecord {
  const random = new SeededRandom(ctx.seed, tableCodes.outlets, index);
  const [city, suburb, postcode, region] = places[index % places.length] ?? ['', '', '', ''];
  const code = outletCode(index);

  return {
    id: ctx.ids.idOf('outlets', index),
    name: index === 0 ? 'Main Outlet' : `${city} Store`,
    default_tax_id: ctx.ids.idOf('taxes', defaultTaxIndex),
    currency: 'NZD',
    currency_symbol: '$',
    display_prices: 'inclusive',
    time_zone: 'Pacific/Auckland',
    physical_address_1: `${random.int(1, 300)} ${random.pick(streets)}`,
    physical_address_2: '',
    physical_suburb: suburb,
    physical_city: city,
    physical_postcode: postcode,
    physical_state: region,
    physical_country_id: 'NZ',
    email: `${code.toLowerCase()}@example.co.nz`,
    attributes: [
      { key: 'order_reference_prefix', value: code },
      { key: 'low_stock_warning', value: String(random.int(2, 10)) },
    ],
    deleted_at: null,
    version,
  };
}
