/**
 * Exact decimal text for numbers parsed from JSON. JSON.parse yields the double nearest to the
 * text, and `String(double)` yields the shortest text that parses back to it, which is the
 * original text (minus redundant zeros) whenever the original had at most 15 significant
 * digits. Every money value of the X-Series API has far fewer.
 *
 * Known limit: a number with more than 15 significant digits cannot be told apart from its
 * nearest double once parsed; it is kept as that double's shortest text. Lifting this needs a
 * JSON parser that exposes each number's source text (JSON.parse source access, Node 21+).
 */

/** Largest number of digits after the point a decimal column accepts. */
export const maxFractionDigits = 10;

/** Largest number of digits before the point a decimal column accepts. */
export const maxIntegerDigits = 28;

const plainDecimal = /^-?\d+(\.\d+)?$/;

/** Returns the plain decimal text of a finite number (no exponent), or null when it has none. */
export function numberToDecimalText(value: number): string | null {
  if (!Number.isFinite(value)) return null;

  const text = String(value);
  if (!text.includes('e')) return text;

  return expandExponent(text);
}

/** Normalises decimal text such as `"058.500"` to `"58.5"`; null when it is not a decimal. */
export function normalizeDecimalText(text: string): string | null {
  const trimmed = text.trim();
  if (!plainDecimal.test(trimmed)) return null;

  const negative = trimmed.startsWith('-');
  const unsigned = negative ? trimmed.slice(1) : trimmed;
  const [rawInteger = '0', rawFraction = ''] = unsigned.split('.');
  const integer = rawInteger.replace(/^0+(?=\d)/, '');
  const fraction = rawFraction.replace(/0+$/, '');
  const body = fraction ? `${integer}.${fraction}` : integer;

  return negative && body !== '0' ? `-${body}` : body;
}

/** Whether a decimal text fits the widest decimal column (28 integer, 10 fraction digits). */
export function decimalFits(text: string): boolean {
  // Hot path (every money value of every row): index arithmetic instead of splitting.
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  const point = text.indexOf('.');
  const integerDigits = (point === -1 ? text.length : point) - start;
  const fractionDigits = point === -1 ? 0 : text.length - point - 1;

  return integerDigits <= maxIntegerDigits && fractionDigits <= maxFractionDigits;
}

function expandExponent(text: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;

  const [, sign = '', lead = '', rest = '', exponentText = '0'] = match;
  const digits = lead + rest;
  const exponent = Number(exponentText);
  const pointAt = 1 + exponent;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;

  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}
