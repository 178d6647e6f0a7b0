import { SeededRandom } from '../seeded-random.ts';
import { type StoreContext, streams } from '../store-context.ts';

/** A payment type a register accepts. */
export interface PaymentType {
  /** The retailer payment type id (UUID). */
  id: string;
  /** The legacy numeric payment type id, a string on the wire. */
  legacyId: string;
  name: string;
}

const paymentTypeNames = [
  ['1', 'Cash'],
  ['3', 'Credit Card'],
  ['4', 'EFTPOS'],
  ['5', 'Gift Card'],
] as const;

/** Returns the store's payment types; the first is cash. */
export function paymentTypes(ctx: StoreContext): PaymentType[] {
  const random = new SeededRandom(ctx.seed, streams.paymentType);

  return paymentTypeNames.map(([legacyId, name]) => ({ id: random.uuid(), legacyId, name }));
}
