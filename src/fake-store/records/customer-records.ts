import {
  companyNames,
  customerNotes,
  firstNames,
  lastNames,
  places,
  streets,
} from '../sample-text.ts';
import { SeededRandom } from '../seeded-random.ts';
import type { FakeRecord, StoreContext } from '../store-context.ts';
import { timelineMs } from '../store-shape.ts';
import { tableCodes } from '../table-codes.ts';
import { formatDate, formatTimestamp, round2 } from '../wire-format.ts';
import { lookupId } from './lookup-objects.ts';

/**
 * Builds customer `index`. About a third are minimal records that omit the empty optional
 * fields (as the API's own example does); names carry accents, CJK and apostrophes.
 */
export function generateCustomer(
  ctx: StoreContext,
  index: number,
  version: number,
  createdAtMs?: number,
): FakeRecord {
  const random = new SeededRandom(ctx.seed, tableCodes.customers, index);
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const created =
    createdAtMs ?? timelineMs(index, ctx.shape.counts.customers, random.int(0, 3600) * 1000);
  const updated = createdAtMs ?? created + random.int(0, 90) * 86_400_000;
  const deleted = createdAtMs === undefined && random.chance(0.01);
  const capitalised = `${first.ascii[0]?.toUpperCase()}${first.ascii.slice(1)}`;
  const code = `${capitalised}-${index.toString(36).toUpperCase()}`;
  const hasEmail = random.chance(0.85);
  const loyalty = random.chance(0.6);
  const common: FakeRecord = {
    id: ctx.ids.idOf('customers', index),
    customer_code: code,
    first_name: first.text,
    last_name: last.text,
    name: `${first.text} ${last.text}`,
    email: hasEmail ? `${first.ascii}.${last.ascii}${index}@example.com` : null,
    customer_group_id: lookupId(ctx, 'tag', 900),
    enable_loyalty: loyalty,
    loyalty_balance: loyalty ? round2(random.int(0, 5000) / 100) : 0,
    balance: random.chance(0.1) ? -round2(random.int(1, 20000) / 100) : 0,
    year_to_date: round2(random.int(0, 200000) / 100),
  };
  const timestamps = {
    created_at: formatTimestamp(created),
    updated_at: formatTimestamp(updated),
    deleted_at: deleted ? formatTimestamp(updated) : null,
    version,
  };
  if (random.chance(0.33)) return { ...common, ...timestamps };

  const [city, suburb, postcode, region] = random.pick(places);
  const street = `${random.int(1, 250)} ${random.pick(streets)}`;
  const address = {
    address_1: street,
    address_2: random.chance(0.2) ? `Apt ${random.int(1, 40)}` : '',
    suburb,
    city,
    postcode,
    state: region,
    country_id: 'NZ',
  };

  return {
    ...common,
    on_account_limit: random.chance(0.1) ? 500 : null,
    note: random.chance(0.3) ? random.pick(customerNotes) : '',
    gender: random.pick(['M', 'F', null]),
    date_of_birth: random.chance(0.5)
      ? formatDate(Date.UTC(random.int(1950, 2006), random.int(0, 11), random.int(1, 28)))
      : null,
    company_name: random.chance(0.15) ? random.pick(companyNames) : null,
    do_not_email: random.chance(0.1),
    phone: `+64 9 555 ${String(random.int(0, 9999)).padStart(4, '0')}`,
    mobile: `+64 21 555 ${String(random.int(0, 9999)).padStart(4, '0')}`,
    fax: null,
    twitter: null,
    website: null,
    ...Object.fromEntries(
      Object.entries(address).map(([key, value]) => [`physical_${key}`, value]),
    ),
    ...Object.fromEntries(Object.entries(address).map(([key, value]) => [`postal_${key}`, value])),
    custom_field_1: '',
    custom_field_2: '',
    custom_field_3: '',
    custom_field_4: '',
    ...timestamps,
  };
}
