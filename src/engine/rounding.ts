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
  return value.toDecimalPlaces(spec.decimals, MODES[spec.mode]);
}

/** Fixed-point text with exactly `decimals` places, the way every money and points field is written out. */
export function fixed(value: Dec, spec: RoundingSpec): string {
  return roundTo(value, spec).toFixed(spec.decimals);
}

/** A fraction shown as a percentage: 0.998 → "99.80%" with two decimals of the percent (G001-RATE-ROUNDING). */
export function percent(fraction: Dec, spec: RoundingSpec): string {
  return `${fixed(fraction.times(100), spec)}%`;
}
