/**
 * Periods (G004-PERIODS): month YYYY-MM, quarter YYYY-Qn, half-year YYYY-Hn, year YYYY, calendar year.
 * Calendar arithmetic is on whole numbers (month indexes, days); the lint test allows number arithmetic only on
 * lines marked `int:` like these, never on money or rates.
 */
export type PeriodKind = "month" | "quarter" | "halfYear" | "year";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const YEAR = /^(\d{4})$/;

// Appraisals ask for the kind and month range of the same few period strings many times per manager (every
// record, every rule); both are pure functions of the text, so each answer is kept. The cap only guards memory
// against unbounded distinct inputs; in practice a run sees a few dozen periods.
const CACHE_LIMIT = 10000;
const kinds = new Map<string, PeriodKind | null>();
const ranges = new Map<string, Readonly<{ first: number; last: number }>>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function periodKind(period: string): PeriodKind | undefined {
  const known = kinds.get(period);
  if (known !== undefined) return known ?? undefined;
  return remember(kinds, period, kindOf(period)) ?? undefined;
}

function kindOf(period: string): PeriodKind | null {
  if (MONTH.test(period)) return "month";
  if (QUARTER.test(period)) return "quarter";
  if (HALF.test(period)) return "halfYear";
  if (YEAR.test(period)) return "year";
  return null;
}

export function isPeriod(period: string): boolean {
  return periodKind(period) !== undefined;
}

/**
 * The first year an appraisal period may have. Four digits fit the forms, but a year such as 0226 is a typing error
 * (2026), and records dated before any appraisal scheme existed would silently fall out of every window.
 */
export const FIRST_YEAR = 1990;

/** Whether a year can be an appraisal year: from FIRST_YEAR on and, when the caller knows the date, up to `latestYear`. */
export function isPlausibleYear(year: number, latestYear?: number): boolean {
  return year >= FIRST_YEAR && (latestYear === undefined || year <= latestYear);
}

/** Why a text is not an appraisal period (its form, or a year before FIRST_YEAR), in English; undefined when it is one. */
export function periodProblem(period: string): string | undefined {
  if (!isPeriod(period)) return `"${period}" is not a period (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY)`;
  const year = yearOf(period);
  return isPlausibleYear(year) ? undefined : `"${period}": the year ${year} is before ${FIRST_YEAR}, not a plausible appraisal period (a typing error?)`;
}

/** Months covered by a period, as absolute month indexes (year × 12 + month − 1). The result is shared: read only. */
export function monthRange(period: string): Readonly<{ first: number; last: number }> {
  const known = ranges.get(period);
  if (known) return known;
  return remember(ranges, period, Object.freeze(rangeOf(period)));
}

function rangeOf(period: string): { first: number; last: number } {
  const y = Number.parseInt(period.slice(0, 4), 10);
  const kind = periodKind(period);
  if (kind === "month") {
    const m = Number.parseInt(period.slice(5, 7), 10);
    return { first: y * 12 + m - 1, last: y * 12 + m - 1 }; // int: calendar index
  }
  if (kind === "quarter") {
    const q = Number.parseInt(period.slice(6), 10);
    return { first: y * 12 + (q - 1) * 3, last: y * 12 + q * 3 - 1 }; // int: calendar index
  }
  if (kind === "halfYear") {
    const h = Number.parseInt(period.slice(6), 10);
    return { first: y * 12 + (h - 1) * 6, last: y * 12 + h * 6 - 1 }; // int: calendar index
  }
  if (kind === "year") return { first: y * 12, last: y * 12 + 11 }; // int: calendar index
  throw new Error(`not a period: ${period}`);
}

export function monthIndex(period: string): number {
  return monthRange(period).last;
}

const monthNames = new Map<number, string>();

export function monthOfIndex(index: number): string {
  const known = monthNames.get(index);
  if (known !== undefined) return known;
  const y = Math.floor(index / 12); // int: calendar index
  const m = index - y * 12 + 1; // int: calendar index
  // Four-digit years, as every period form has them: year 226 is "0226", never "226", which no parser reads back.
  return remember(monthNames, index, `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`);
}

export function yearOf(period: string): number {
  return Number.parseInt(period.slice(0, 4), 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days in a month given as YYYY-MM. */
export function daysOfMonthPeriod(period: string): number {
  return daysInMonth(yearOf(period), Number.parseInt(period.slice(5, 7), 10));
}

/** ISO date arithmetic: addMonths clamps to the month's last day (2025-08-31 + 6 months = 2026-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = parseIsoDate(isoDate);
  const index = y * 12 + (m - 1) + months; // int: calendar index
  const ny = Math.floor(index / 12); // int: calendar index
  const nm = index - ny * 12 + 1; // int: calendar index
  const nd = Math.min(d, daysInMonth(ny, nm)); // int: day of month
  return isoOf(ny, nm, nd);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = parseIsoDate(isoDate);
  const t = new Date(Date.UTC(y, m - 1, d + days)); // int: calendar days
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()); // int: calendar month number
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  const [y, m, d] = parseIsoDate(isoDate);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // int: calendar month number
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = parseIsoDate(text);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function parseIsoDate(text: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${text}`);
  return [Number.parseInt(m[1], 10), Number.parseInt(m[2], 10), Number.parseInt(m[3], 10)];
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
