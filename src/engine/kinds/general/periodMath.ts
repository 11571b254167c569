/**
 * Period arithmetic of G004-PERIODS with a configurable first month of the assessment year (`g004.yearStartMonth`,
 * 1 = the calendar year, China's accounting year). A year is labelled by the calendar year it starts in: with the
 * year starting in April, 2025 = 2025-04 … 2026-03 and 2025-Q1 = 2025-04 … 2025-06. With 1 these are exactly the
 * calendar periods of ../../periods.ts. All arithmetic here is on whole month indexes (year × 12 + month − 1).
 */
import { daysInMonth, monthOfIndex, periodKind, type PeriodKind } from "../../periods";

const MONTHS_PER = { month: 1, quarter: 3, halfYear: 6, year: 12 } as const;

function monthIndexOf(month: string): number {
  const y = Number.parseInt(month.slice(0, 4), 10);
  const m = Number.parseInt(month.slice(5, 7), 10);
  return y * 12 + m - 1; // int: calendar index
}

/** Index of the first month of assessment year `year`. */
function yearFirst(year: number, yearStartMonth: number): number {
  return year * 12 + yearStartMonth - 1; // int: calendar index
}

/** The assessment year a month falls in, and the month's position in it (1 … 12). */
export function yearPosition(month: string, yearStartMonth: number): { year: number; position: number } {
  const index = monthIndexOf(month);
  const calYear = Number.parseInt(month.slice(0, 4), 10);
  const year = index >= yearFirst(calYear, yearStartMonth) ? calYear : calYear - 1; // int: calendar year
  return { year, position: index - yearFirst(year, yearStartMonth) + 1 }; // int: calendar index
}

/** The quarter, half-year and year containing a month. */
export function containingPeriods(month: string, yearStartMonth: number): { quarter: string; halfYear: string; year: string } {
  const { year, position } = yearPosition(month, yearStartMonth);
  const q = Math.floor((position - 1) / 3) + 1; // int: calendar index
  const h = position <= 6 ? 1 : 2;
  return { quarter: `${year}-Q${q}`, halfYear: `${year}-H${h}`, year: String(year) };
}

/** First and last month index of a period under the year start. */
function range(period: string, yearStartMonth: number): { first: number; last: number } {
  const kind = periodKind(period);
  if (kind === undefined) throw new Error(`not a period: ${period}`);
  if (kind === "month") {
    const i = monthIndexOf(period);
    return { first: i, last: i };
  }
  const year = Number.parseInt(period.slice(0, 4), 10);
  const n = kind === "year" ? 1 : Number.parseInt(period.slice(6), 10);
  const size = MONTHS_PER[kind];
  const first = yearFirst(year, yearStartMonth) + (n - 1) * size; // int: calendar index
  return { first, last: first + size - 1 }; // int: calendar index
}

/** The months of a period, oldest first: 2025-Q1 → 2025-01, 2025-02, 2025-03. */
export function periodMonths(period: string, yearStartMonth: number): string[] {
  const { first, last } = range(period, yearStartMonth);
  const out: string[] = [];
  for (let i = first; i <= last; i++) out.push(monthOfIndex(i));
  return out;
}

/** 环比: the immediately preceding period of the same kind; 同比: the same period one year earlier. */
export function previousPeriod(period: string, basis: "mom" | "yoy"): string {
  const kind = periodKind(period) as PeriodKind;
  const year = Number.parseInt(period.slice(0, 4), 10);
  if (basis === "yoy") return `${year - 1}${period.slice(4)}`; // int: calendar year
  if (kind === "month") return monthOfIndex(monthIndexOf(period) - 1); // int: calendar index
  if (kind === "year") return String(year - 1); // int: calendar year
  const letter = kind === "quarter" ? "Q" : "H";
  const count = kind === "quarter" ? 4 : 2;
  const n = Number.parseInt(period.slice(6), 10);
  return n > 1 ? `${year}-${letter}${n - 1}` : `${year - 1}-${letter}${count}`; // int: calendar index
}

/** Last calendar day of a period's last month (for "settled after the quarter ends"). */
export function periodEndDate(period: string, yearStartMonth: number): string {
  const months = periodMonths(period, yearStartMonth);
  const last = months[months.length - 1]; // int: list index
  const y = Number.parseInt(last.slice(0, 4), 10);
  const m = Number.parseInt(last.slice(5, 7), 10);
  return `${last}-${String(daysInMonth(y, m)).padStart(2, "0")}`;
}
