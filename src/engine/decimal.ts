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

export function clamp(value: Dec, lo: Dec, hi: Dec): Dec {
  return Dec.max(lo, Dec.min(hi, value));
}

export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
