import { SeededRandom } from '../seeded-random.ts';
import type { FakeRecord, StoreContext } from '../store-context.ts';
import type { StoreShape } from '../store-shape.ts';
import { tableCodes } from '../table-codes.ts';
import { formatTimestamp } from '../wire-format.ts';
import { outletCode } from './outlet-records.ts';
import { paymentTypes } from './payment-types.ts';

/** Returns how many base sales register `index` rang up (sales go round-robin over registers). */
export function salesOfRegister(ctx: StoreContext, index: number): number {
  const registers = ctx.shape.counts.registers;

  return Math.max(0, Math.ceil((ctx.shape.counts.sales - index) / registers));
}

/** Returns the invoice prefix of register `index`: outlet code, number at outlet, dash. */
export function invoicePrefix(shape: StoreShape, index: number): string {
  const outlet = shape.registerOutlets[index] ?? 0;
  const numberAtOutlet = shape.registerOutlets.slice(0, index).filter((o) => o === outlet).length;

  return `${outletCode(outlet)}${numberAtOutlet + 1}-`;
}

/** Builds register `index`, with its invoice sequence matching the sales it rang up. */
export function generateRegister(ctx: StoreContext, index: number, version: number): FakeRecord {
  const random = new SeededRandom(ctx.seed, tableCodes.registers, index);
  const outlet = ctx.shape.registerOutlets[index] ?? 0;
  const numberAtOutlet = ctx.shape.registerOutlets.slice(0, index).filter((o) => o === outlet);
  const isOpen = random.chance(0.7);
  const openedAt = Date.UTC(2025, 2, 31, 19, random.int(0, 59), random.int(0, 59));

  return {
    id: ctx.ids.idOf('registers', index),
    name: numberAtOutlet.length === 0 ? 'Main Register' : `Register ${numberAtOutlet.length + 1}`,
    outlet_id: ctx.ids.idOf('outlets', outlet),
    ask_for_note_on_save: random.int(0, 2),
    print_note_on_receipt: random.chance(0.3),
    ask_for_user_on_sale: random.chance(0.2),
    show_discounts_on_receipts: true,
    print_receipt: true,
    email_receipt: random.chance(0.5),
    invoice_prefix: invoicePrefix(ctx.shape, index),
    invoice_suffix: '',
    invoice_sequence: 1000 + salesOfRegister(ctx, index),
    button_layout_id: random.chance(0.8) ? random.uuid() : null,
    is_open: isOpen,
    is_quick_keys_enabled: random.chance(0.5),
    receipt_template_id: random.uuid(),
    register_open_time: isOpen ? formatTimestamp(openedAt) : null,
    register_close_time: isOpen ? null : formatTimestamp(openedAt + 9 * 3_600_000),
    register_open_sequence_id: random.uuid(),
    cash_managed_payment_type_id: paymentTypes(ctx)[0]?.id ?? null,
    deleted_at: null,
    version,
  };
}
