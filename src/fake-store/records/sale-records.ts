import { saleNotes } from '../sample-text.ts';
import { SeededRandom } from '../seeded-random.ts';
import type { FakeRecord, StoreContext } from '../store-context.ts';
import { timelineMs } from '../store-shape.ts';
import { tableCodes } from '../table-codes.ts';
import { formatTimestamp, round2, round5 } from '../wire-format.ts';
import { type BuiltLineItem, buildLineItem } from './sale-line-items.ts';

/** Statuses whose sales are fully paid: their payments add up to the tax-inclusive total. */
export const paidStatuses: ReadonlySet<string> = new Set([
  'CLOSED',
  'LAYBY_CLOSED',
  'ONACCOUNT_CLOSED',
]);

/**
 * Builds sale `index`: registers take turns, so invoice numbers are per-register sequences.
 * Money adds up: sale totals are the 2-dp rounded sums of the lines, and payments of a paid
 * sale sum to `total_price + total_tax`. About 3% are returns (negative quantities, linked by
 * `return_for`), 2% parked (no payments) and 0.5% voided and soft-deleted.
 */
export function generateSale(
  ctx: StoreContext,
  index: number,
  version: number,
  createdAtMs?: number,
): FakeRecord {
  const random = new SeededRandom(ctx.seed, tableCodes.sales, index);
  const { counts, registerOutlets } = ctx.shape;
  const register = index % counts.registers;
  const outlet = registerOutlets[register] ?? 0;
  const sequence = 1000 + Math.floor(index / counts.registers);
  const invoice = `${ctx.lookups.invoicePrefixes[register]}${sequence}`;
  const saleMs = createdAtMs ?? timelineMs(index, counts.sales, random.int(0, 600) * 1000);
  const userId = random.pick(ctx.lookups.userIds);
  const customerIndex = pickCustomer(random, index, counts.sales, counts.customers);
  const statusRoll = random.next();
  const voided = createdAtMs === undefined && statusRoll < 0.005;
  const status = voided ? 'VOIDED' : saleStatus(statusRoll);
  const isReturn = index > 0 && random.chance(0.03);

  const lines: BuiltLineItem[] = [];
  const lineCount = random.pick([1, 1, 1, 2, 2, 3, 4]);
  for (let sequenceInSale = 0; sequenceInSale < lineCount; sequenceInSale++) {
    const whole = random.int(1, 3);
    const quantity = random.chance(0.05) ? random.int(2, 10) / 4 : whole;
    lines.push(
      buildLineItem(ctx, random, {
        productIndex: random.int(0, counts.products - 1),
        quantity: isReturn ? -quantity : quantity,
        discountRatio: random.chance(0.15) ? random.pick([0.1, 0.2]) : 0,
        sequence: sequenceInSale,
        salespersonId: userId,
        withLoyalty: customerIndex !== null,
        note: random.chance(0.03) ? random.pick(saleNotes) : undefined,
      }),
    );
  }

  const totalPrice = round2(lines.reduce((sum, line) => sum + line.priceTotal, 0));
  const totalTax = round2(lines.reduce((sum, line) => sum + line.taxTotal, 0));
  const totalLoyalty = round2(lines.reduce((sum, line) => sum + line.loyaltyTotal, 0));
  const totalIncludingTax = round2(totalPrice + totalTax);
  const paid = paidStatuses.has(status);
  const noteRoll = random.next();

  return {
    id: ctx.ids.idOf('sales', index),
    outlet_id: ctx.lookups.outletIds[outlet],
    register_id: ctx.lookups.registerIds[register],
    user_id: userId,
    customer_id: customerIndex === null ? null : ctx.ids.idOf('customers', customerIndex),
    invoice_number: invoice,
    invoice_sequence: sequence,
    receipt_number: invoice,
    receipt_sequence: sequence,
    status,
    source: 'USER',
    ...(noteRoll < 0.1 ? { note: random.pick(saleNotes) } : noteRoll < 0.5 ? { note: null } : {}),
    short_code: random.nextUint32().toString(36).padStart(6, '0').slice(-6),
    return_for: isReturn ? ctx.ids.idOf('sales', Math.max(0, index - random.int(1, 500))) : null,
    total_price: totalPrice,
    total_tax: totalTax,
    total_loyalty: totalLoyalty,
    created_at: formatTimestamp(saleMs + 4000),
    updated_at: formatTimestamp(saleMs + 5000),
    sale_date: formatTimestamp(saleMs),
    deleted_at: voided ? formatTimestamp(saleMs + 60_000) : null,
    line_items: lines.map((line) => line.record),
    payments: paid ? payments(ctx, random, totalIncludingTax, register, outlet, saleMs) : [],
    adjustments: [],
    attributes: [],
    taxes: saleTaxes(ctx, lines),
    version,
  };
}

function saleStatus(roll: number): string {
  if (roll < 0.025) return 'SAVED';
  if (roll < 0.05) return 'LAYBY_CLOSED';
  if (roll < 0.08) return 'ONACCOUNT_CLOSED';

  return 'CLOSED';
}

/** Customers that existed when the sale was made: the earlier the sale, the fewer. */
function pickCustomer(
  random: SeededRandom,
  index: number,
  sales: number,
  customers: number,
): number | null {
  if (customers === 0 || random.chance(0.4)) return null;

  const known = Math.max(1, Math.min(customers, Math.ceil((customers * (index + 1)) / sales)));

  return random.int(0, known - 1);
}

function payments(
  ctx: StoreContext,
  random: SeededRandom,
  total: number,
  register: number,
  outlet: number,
  saleMs: number,
): FakeRecord[] {
  const split = random.chance(0.15) && Math.abs(total) >= 1;
  const first = split ? round2(total * (0.4 + random.next() * 0.2)) : total;
  const amounts = split ? [first, round2(total - first)] : [total];

  return amounts.map((amount, n) => {
    const type = random.pick(ctx.lookups.paymentTypes.slice(0, 3));

    return {
      id: random.uuid(),
      register_id: ctx.lookups.registerIds[register],
      outlet_id: ctx.lookups.outletIds[outlet],
      retailer_payment_type_id: type.id,
      payment_type_id: type.legacyId,
      name: type.name,
      amount,
      payment_date: formatTimestamp(saleMs + 1000 + n * 2000),
      external_attributes: [],
    };
  });
}

function saleTaxes(ctx: StoreContext, lines: readonly BuiltLineItem[]): FakeRecord[] {
  const byRate = new Map<string, { taxIndex: number; amount: number }>();
  for (const line of lines) {
    const entry = byRate.get(line.rateId) ?? { taxIndex: line.taxIndex, amount: 0 };
    entry.amount += line.taxTotal;
    byRate.set(line.rateId, entry);
  }

  return [...byRate].map(([rateId, { taxIndex, amount }]) => {
    const rate = ctx.lookups.taxRates[taxIndex]?.find((candidate) => candidate.id === rateId);

    return { id: rateId, name: rate?.name ?? '', rate: rate?.rate ?? 0, amount: round5(amount) };
  });
}
