import type { TableName } from '../catalog/table-spec.ts';
import { customerNotes, saleNotes } from './sample-text.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { FakeRecord } from './store-context.ts';
import { formatTimestamp, round2, round5 } from './wire-format.ts';

/** Changes a copy of a record the way a shop would; the caller sets the new version. */
export type RecordUpdate = (record: FakeRecord, random: SeededRandom, nowMs: number) => void;

/** Tables whose records can be soft-deleted through a change batch. */
export const deletableTables: ReadonlySet<TableName> = new Set([
  'sales',
  'customers',
  'products',
  'outlets',
  'registers',
]);

/** How each table's records change in an update. */
export const recordUpdates: Readonly<Record<TableName, RecordUpdate>> = {
  sales(sale, random, nowMs) {
    const lines = sale.line_items as FakeRecord[];
    const firstLine = lines[0];
    if (firstLine && random.chance(0.4)) firstLine.note = random.pick(saleNotes);
    else sale.note = random.pick(saleNotes);
    sale.updated_at = formatTimestamp(nowMs);
  },
  customers(customer, random, nowMs) {
    const roll = random.next();
    if (roll < 0.4) customer.email = `changed.${random.hex8()}@example.com`;
    else if (roll < 0.7) customer.loyalty_balance = round2(random.int(0, 9000) / 100);
    else customer.note = random.pick(customerNotes);
    customer.updated_at = formatTimestamp(nowMs);
  },
  products(product, random, nowMs) {
    const including = product.price_including_tax as number;
    const excluding = product.price_excluding_tax as number;
    const factor = 1 + random.pick([-0.1, 0.05, 0.1, 0.2]);
    const newIncluding = round2(including * factor);
    product.price_including_tax = newIncluding;
    product.price_excluding_tax = round5(
      including === 0 ? 0 : newIncluding * (excluding / including),
    );
    product.updated_at = formatTimestamp(nowMs);
  },
  inventory(item, random) {
    const level = (item.inventory_level as number) + random.pick([-3, -2, -1, 1, 5, 12]);
    item.inventory_level = level;
    item.current_amount = level;
  },
  outlets(outlet, random) {
    outlet.email = `store.${random.hex8().slice(0, 4)}@example.co.nz`;
  },
  registers(register, _random, nowMs) {
    const open = !register.is_open;
    register.is_open = open;
    if (open) register.register_open_time = formatTimestamp(nowMs);
    register.register_close_time = open ? null : formatTimestamp(nowMs);
  },
  users(user, _random, nowMs) {
    user.seen_at = formatTimestamp(nowMs);
    user.updated_at = formatTimestamp(nowMs);
  },
  taxes(tax) {
    const name = String(tax.display_name);
    tax.display_name = name.endsWith(' (updated)') ? name.slice(0, -10) : `${name} (updated)`;
  },
};

/** Soft-deletes a copy of a record: sets `deleted_at`, voids sales, deactivates products. */
export function softDelete(table: TableName, record: FakeRecord, nowMs: number): void {
  record.deleted_at = formatTimestamp(nowMs);
  if ('updated_at' in record) record.updated_at = formatTimestamp(nowMs);
  if (table === 'sales') record.status = 'VOIDED';
  if (table === 'products') {
    record.active = false;
    record.is_active = false;
  }
}
