/** Adds decimal numbers exactly (as scaled big integers) and returns the sum's decimal text. */
export function exactDecimalSum(values: Iterable<unknown>, scale = 10): string {
  let total = 0n;
  for (const value of values) {
    if (value === null || value === undefined) continue;

    total += toScaled(String(value), scale);
  }

  return fromScaled(total, scale);
}

/** Normalises decimal text (e.g. `12.5000` → `12.5`) so sums from different engines compare. */
export function normalizeDecimal(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '0';

  return fromScaled(toScaled(String(text), 10), 10);
}

function toScaled(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [integer = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  if (/e/i.test(text)) throw new Error(`exponent notation is not exact decimal text: ${text}`);
  const digits = BigInt(integer + fraction.padEnd(scale, '0').slice(0, scale));

  return negative ? -digits : digits;
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, -scale);
  const fraction = digits.slice(-scale).replace(/0+$/, '');
  const body = fraction ? `${integer}.${fraction}` : integer;

  return negative && body !== '0' ? `-${body}` : body;
}
