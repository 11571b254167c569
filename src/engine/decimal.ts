/**
 * The one numeric core for money, rates and points.
 *
 * A private Decimal constructor (never the global config, which other code in the same page may change) with
 * 40 significant digits: enough for 10^12 元 to 10^-20 without loss. Values are rounded only where a rulebook
 * says so (see rounding.ts); every intermediate result stays exact.
 */
import DecimalJs from "decimal.js";

export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
  modulo: DecimalJs.ROUND_DOWN,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/** Decimal from a literal in rulebook data or code; throws on anything that is not a finite decimal literal. */
export function dec(value: string | number | Dec): Dec {
  if (value instanceof Dec) return value;
  const d = new Dec(value);
  if (!d.isFinite()) throw new Error(`not a finite number: ${String(value)}`);
  return d;
}

/**
 * Dec.cmp without the copy of its argument that decimal.js makes on every call (values are immutable, so the copy
 * buys nothing): -1, 0 or 1, read from the public sign, exponent and base-10⁷ digit words exactly as decimal.js
 * compares them. NaN and infinities, which no formula produces, go to decimal.js itself.
 */
export function compare(x: Dec, y: Dec): number {
  const xd = x.d;
  const yd = y.d;
  if (!xd || !yd) return x.cmp(y);
  const xs = x.s;
  const ys = y.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0; // int: a sign, -1 or 1
  if (xs !== ys) return xs;
  if (x.e !== y.e) return (x.e > y.e) !== xs < 0 ? 1 : -1;
  const n = xd.length < yd.length ? xd.length : yd.length;
  for (let i = 0; i < n; i++) { // int: digit-word index
    if (xd[i] !== yd[i]) return (xd[i] > yd[i]) !== xs < 0 ? 1 : -1;
  }
  return xd.length === yd.length ? 0 : (xd.length > yd.length) !== xs < 0 ? 1 : -1;
}

/**
 * The larger of two values, without the copies Dec.max makes of its arguments (values are immutable, so a copy
 * buys nothing). Exactly Dec.max's choice: the second if it is NaN or greater, or equal while the first is
 * negative (so max(-0, 0) is 0); otherwise the first.
 */
export function max2(a: Dec, b: Dec): Dec {
  if (b.isNaN()) return b;
  const k = compare(a, b);
  return k === -1 || (k === 0 && a.s === -1) ? b : a;
}

/** The smaller of two values, exactly as Dec.min chooses (min(0, -0) is -0). */
export function min2(a: Dec, b: Dec): Dec {
  if (b.isNaN()) return b;
  const k = compare(a, b);
  return k === 1 || (k === 0 && a.s === 1) ? b : a;
}

export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

const wholeNumbers = new WeakMap<Dec, number>();

/**
 * A count, an index or a number of digits (ROUND's 2, VLOOKUP's column) as a plain number, for calendar and index
 * arithmetic only, never for money. Decimal's toNumber goes through text; the same value (a formula's literal) is
 * asked again and again, so the answer is kept for that value.
 */
export function wholeNumber(d: Dec): number {
  // A whole number below 10 000 000 is one base-10⁷ word of decimal.js's digits (d, e and s are its public fields):
  // read directly, with no text and no cache entry for a count computed once.
  const words = d.d;
  if (words !== null && words.length === 1 && d.e >= 0 && d.e < 7) return d.s * words[0]; // int: a count or index
  const known = wholeNumbers.get(d);
  if (known !== undefined) return known;
  const n = d.toNumber(); // int: a count or index
  wholeNumbers.set(d, n);
  return n;
}
