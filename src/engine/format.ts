/**
 * Number formats for explanations (not for output fields, which are plain decimal strings): money with thousands
 * separators, rates as percentages with the rulebook's decimals, points without trailing zeros.
 */
import type { Dec } from "./decimal";
import { padFixed, roundTo, type RoundingSpec } from "./rounding";
import type { FieldUnit } from "./fields";

/**
 * "1234567.89" → "1,234,567.89". Every figure of every explanation goes through here, so the usual case (an
 * optional minus, digits, at most one point) is done by index; anything else takes the general pattern.
 */
export function groupThousands(text: string): string {
  const start = text.startsWith("-") ? 1 : 0;
  const found = text.indexOf(".", start);
  const point = found < 0 ? text.length : found;
  if (found >= 0 && text.indexOf(".", found + 1) >= 0) return groupByPattern(text); // int: string index
  for (let i = start; i < point; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return groupByPattern(text); // a character other than 0–9
  }
  const digits = point - start; // int: digit count
  if (digits <= 3) return text;
  const head = start + (digits % 3 || 3); // int: string index of the first comma
  let out = text.slice(0, head);
  for (let i = head; i < point; i += 3) out += `,${text.slice(i, i + 3)}`; // int: string index
  return out + text.slice(point);
}

function groupByPattern(text: string): string {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const [intPart, frac] = body.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** "¥3,800,000.00"; a negative amount is "-¥500.00", the way a ledger prints it. */
export function money(value: Dec, spec: RoundingSpec): string {
  return withSymbol("¥", padFixed(roundTo(value, spec), spec.decimals));
}

export function usd(value: Dec, spec: RoundingSpec): string {
  return withSymbol("US$", padFixed(roundTo(value, spec), spec.decimals));
}

function withSymbol(symbol: string, text: string): string {
  return text.startsWith("-") ? `-${symbol}${groupThousands(text.slice(1))}` : `${symbol}${groupThousands(text)}`;
}

/** 0.998 → "99.80%" (display only; comparisons use the exact value). */
export function pct(fraction: Dec, spec: RoundingSpec): string {
  return `${padFixed(roundTo(fraction.times(100), spec), spec.decimals)}%`;
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
