/**
 * Whole-number fixed point for the plain-number baseline (bench/plain/h003.ts) and the generators: an amount is a
 * whole count of units (fen, millionths, hundredths of a point). Integers below 2^53 are exact in a double, so sums,
 * products and comparisons of them are exact; only division needs care (divRound). No decimal.js here: this is the
 * floor the decimal engine is compared with.
 */

/**
 * Decimal text → whole units with `digits` decimals: toUnits("-12.5", 2) = -1250. Refuses text with more decimals
 * than that rather than round it, so the baseline never agrees or disagrees with the engine because of its reading.
 */
export function toUnits(text: string, digits: number): number {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`not a plain decimal: "${text}"`);
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > digits) throw new Error(`"${text}" has more than ${digits} decimals`);
  const units = Number((m[2] || "0") + frac.padEnd(digits, "0"));
  if (!Number.isSafeInteger(units)) throw new Error(`"${text}" is beyond exact whole numbers at ${digits} decimals`);
  return m[1] === "-" ? -units : units;
}

/** Whole units → decimal text with exactly `digits` decimals, as the engine writes figures: fixed(11800, 2) = "118.00". */
export function fixed(units: number, digits: number): string {
  if (!Number.isSafeInteger(units)) throw new Error(`fixed: ${units} is not a whole number of units`);
  const sign = units < 0 ? "-" : "";
  const s = String(Math.abs(units)).padStart(digits + 1, "0");
  return digits === 0 ? sign + s : `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/**
 * a ÷ b rounded half away from zero (the engine's ROUND_HALF_UP), for whole a and b ≠ 0 with a below 2^53.
 * The quotient of the double division can be one off when it lies a hair from a whole number, so the remainder,
 * which is exact, decides.
 */
export function divRound(a: number, b: number): number {
  if (b === 0) throw new Error("divRound: division by zero");
  if (b < 0) return divRound(-a, -b);
  if (a < 0) return -divRound(-a, b);
  let q = Math.floor(a / b);
  let r = a - q * b;
  if (r < 0) {
    q -= 1;
    r += b;
  } else if (r >= b) {
    q += 1;
    r -= b;
  }
  return 2 * r >= b ? q + 1 : q;
}
