/**
 * Rounding is declared in the rulebook and applied once per output (H003-CONV-DECIMAL, G001-RATE-ROUNDING).
 * `halfUp` is 四舍五入 / Excel ROUND: ties away from zero.
 */
import { Dec } from "./decimal";

export type RoundingMode = "halfUp" | "halfEven" | "down";

export interface RoundingSpec {
  decimals: number;
  mode: RoundingMode;
}

const MODES: Record<RoundingMode, DecimalRounding> = {
  halfUp: Dec.ROUND_HALF_UP,
  halfEven: Dec.ROUND_HALF_EVEN,
  down: Dec.ROUND_DOWN,
};
type DecimalRounding = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function roundTo(value: Dec, spec: RoundingSpec): Dec {
  // A value that already has no more places than asked is its own rounding (values are immutable); most amounts
  // in fen and most points are, and skipping the copy matters in a ledger that rounds every month.
  if (value.isFinite() && !value.isZero() && value.decimalPlaces() <= spec.decimals) return value;
  return value.toDecimalPlaces(spec.decimals, MODES[spec.mode]);
}

/** Fixed-point text with exactly `decimals` places, the way every money and points field is written out. */
export function fixed(value: Dec, spec: RoundingSpec): string {
  return padFixed(roundTo(value, spec), spec.decimals);
}

/**
 * value.toFixed(decimals), the same text, for a value that needs no rounding: its exact digits padded with zeros.
 * decimal.js's toFixed with places copies and re-rounds the value first, which costs ten times more, and every
 * figure of every explanation line is written this way.
 */
export function padFixed(value: Dec, decimals: number): string {
  if (value.isFinite()) {
    const places = value.decimalPlaces();
    if (places <= decimals) {
      const text = value.toFixed();
      if (places === decimals) return text;
      return `${text}${places === 0 ? "." : ""}${"0".repeat(decimals - places)}`; // int: zeros to pad
    }
  }
  return value.toFixed(decimals);
}

/** A fraction shown as a percentage: 0.998 → "99.80%" with two decimals of the percent (G001-RATE-ROUNDING). */
export function percent(fraction: Dec, spec: RoundingSpec): string {
  return `${fixed(fraction.times(100), spec)}%`;
}
