/**
 * Number formats for explanations (not for output fields, which are plain decimal strings): money with thousands
 * separators, rates as percentages with the rulebook's decimals, points without trailing zeros.
 */
import type { Dec } from "./decimal";
import { roundTo, type RoundingSpec } from "./rounding";
import type { FieldUnit } from "./fields";

export function groupThousands(text: string): string {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const [intPart, frac] = body.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** "¥3,800,000.00"; a negative amount is "-¥500.00", the way a ledger prints it. */
export function money(value: Dec, spec: RoundingSpec): string {
  return withSymbol("¥", roundTo(value, spec).toFixed(spec.decimals));
}

export function usd(value: Dec, spec: RoundingSpec): string {
  return withSymbol("US$", roundTo(value, spec).toFixed(spec.decimals));
}

function withSymbol(symbol: string, text: string): string {
  return text.startsWith("-") ? `-${symbol}${groupThousands(text.slice(1))}` : `${symbol}${groupThousands(text)}`;
}

/** 0.998 → "99.80%" (display only; comparisons use the exact value). */
export function pct(fraction: Dec, spec: RoundingSpec): string {
  return `${roundTo(fraction.times(100), spec).toFixed(spec.decimals)}%`;
}

/** Points and counts: exact, no trailing zeros ("26", "7.14"). */
export function plain(value: Dec): string {
  return value.toFixed();
}

export interface FormatSpecs {
  money: RoundingSpec;
  ratePercent: RoundingSpec;
}

export function byUnit(value: Dec, unit: FieldUnit, specs: FormatSpecs): string {
  switch (unit) {
    case "money":
      return money(value, specs.money);
    case "usd":
      return usd(value, specs.money);
    case "rate":
      return pct(value, specs.ratePercent);
    default:
      return plain(value);
  }
}
