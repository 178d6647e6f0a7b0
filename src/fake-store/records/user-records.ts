import { firstNames, lastNames } from '../sample-text.ts';
import { SeededRandom } from '../seeded-random.ts';
import type { FakeRecord, StoreContext } from '../store-context.ts';
import { tableCodes } from '../table-codes.ts';
import { formatTimestamp } from '../wire-format.ts';

const roles = {
  admin: { id: 100, name: 'Admin', system_role_id: 100 },
  manager: { id: 200, name: 'Manager', system_role_id: 200 },
  cashier: { id: 300, name: 'Cashier', system_role_id: 300 },
} as const;

const imageSizes = {
  ss: '50x50,q90',
  standard: '350,fit,q90',
  st: '40x40,q90',
  original: '1920,fit',
  thumb: '160,fit,q90',
  sl: '150x150,q90',
  sm: '100x100,q90',
} as const;

/** Builds user `index`: the first is the primary admin, then managers and cashiers. */
export function generateUser(ctx: StoreContext, index: number, version: number): FakeRecord {
  const random = new SeededRandom(ctx.seed, tableCodes.users, index);
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const accountType = index === 0 ? 'admin' : index % 2 === 1 ? 'manager' : 'cashier';
  const outlet = index === 0 ? null : ((index - 1) >> 1) % ctx.shape.counts.outlets;
  const username = `${first.ascii}${index}`;
  const image = `${random.hex8()}`;
  const createdAt = Date.UTC(2023, 2, 1) + index * 86_400_000;

  return {
    id: ctx.ids.idOf('users', index),
    username,
    display_name: `${first.text} ${last.text}`,
    email: `${username}@example.co.nz`,
    email_verified_at: random.chance(0.5) ? formatTimestamp(createdAt + 3_600_000) : null,
    switch_id: `usi:${image}${random.hex8().slice(0, 4)}`,
    account_type: accountType,
    roles: [roles[accountType]],
    enabled: true,
    restricted_outlet_id: outlet === null ? null : ctx.ids.idOf('outlets', outlet),
    restricted_outlet_ids: outlet === null ? [] : [ctx.ids.idOf('outlets', outlet)],
    permissions: null,
    rules: {},
    is_primary_user: index === 0,
    image_source: userImage('ss', image),
    images: Object.fromEntries(Object.keys(imageSizes).map((key) => [key, userImage(key, image)])),
    target_daily: accountType === 'cashier' ? 800 : 1000,
    target_weekly: accountType === 'cashier' ? 4000 : 5000,
    target_monthly: accountType === 'cashier' ? 16000 : 20000,
    seen_at: formatTimestamp(Date.UTC(2025, 2, 30) + random.int(0, 86_399) * 1000),
    created_at: formatTimestamp(createdAt),
    updated_at: formatTimestamp(createdAt + random.int(1, 600) * 86_400_000),
    deleted_at: null,
    time_until_deletion: null,
    enabled_mfa: index === 0 ? true : null,
    require_password_change: false,
    version,
  };
}

function userImage(size: string, image: string): string {
  const transform = imageSizes[size as keyof typeof imageSizes];

  const folder = `vend-images/user/original/${image[0]}/${image[1]}`;

  return `https://vendimageuploadcdn.global.ssl.fastly.net/${transform}/${folder}/${image}.jpg`;
}
