/**
 * The admonition (诫勉) periods of a manager (B002-ADMON-DURATION) and how much of a month they cover
 * (B002-ADMON-ALLOWANCE month rule). Imposing 诫勉 is a human decision recorded as input: a monthly record carries
 * `admonitionStartDay` (the day of that month it starts) and, when the branch sets another end than the usual
 * one (「一般为6 个月」), a later monthly record carries `admonitionEndDay`. Default end (inclusive) =
 * EDATE(start, months) − 1 day.
 */
import { ONE, ZERO, Dec } from "../../decimal";
import type { PeriodRecord } from "../../model";
import { unavailable, type Unavailable } from "../../outcome";
import { addDays, addMonths, daysOfMonthPeriod, monthIndex } from "../../periods";
import { dayInMonth } from "./common";

export interface Admonition {
  start: string;
  /** Inclusive. */
  end: string;
  /** True when the end was given (admonitionEndDay), not derived from the usual length. */
  explicitEnd: boolean;
  months: number;
  /** The monthly record carrying the start (its flags tell what led to the admonition). */
  startRecord: PeriodRecord;
}

export const MONTH_RULES = ["prorateByDays", "wholeMonthsTouched", "fullMonthsFromNext"] as const;
export type MonthRule = (typeof MONTH_RULES)[number];

/** Every admonition in the history, oldest first; a malformed day is a located input error. */
export function admonitionsOf(history: PeriodRecord[], months: number, rule: string): Admonition[] | Unavailable {
  const starts: Array<{ date: string; record: PeriodRecord }> = [];
  const ends: string[] = [];
  for (const r of history) {
    const s = dayInMonth(r, "admonitionStartDay");
    const e = dayInMonth(r, "admonitionEndDay");
    for (const d of [s, e]) if (typeof d === "object") return unavailable("value", rule, d.error, d.error);
    if (typeof s === "string") starts.push({ date: s, record: r });
    if (typeof e === "string") ends.push(e);
  }
  starts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)); // int: sort comparator
  ends.sort();
  return starts.map((s, i) => {
    const next = starts[i + 1]?.date; // int: list index
    const explicit = ends.find((e) => e >= s.date && (next === undefined || e < next));
    const end = explicit ?? addDays(addMonths(s.date, months), -1);
    return { start: s.date, end, explicitEnd: explicit !== undefined, months, startRecord: s.record };
  });
}

/** Days of the month (YYYY-MM) inside [start, end]. */
export function daysCovered(month: string, a: Admonition): number {
  const dim = daysOfMonthPeriod(month);
  let n = 0;
  for (let d = 1; d <= dim; d++) { // int: day of month
    const iso = `${month}-${String(d).padStart(2, "0")}`;
    if (iso >= a.start && iso <= a.end) n++; // int: day count
  }
  return n;
}

export interface MonthShare {
  /** Share of the month on admonition terms, 0 … 1. */
  share: Dec;
  covered: number;
  days: number;
  /** The admonition that covers the month, if any. */
  admonition?: Admonition;
}

/**
 * How much of the month is paid on admonition terms:
 * - prorateByDays: covered days ÷ days of the month (「自受到诫勉之日起」, from the day);
 * - wholeMonthsTouched: every month overlapping the period counts whole;
 * - fullMonthsFromNext: whole months from the month after the start — `months` of them, or up to the month of an
 *   explicitly given end.
 */
export function monthShare(month: string, list: Admonition[], rule: MonthRule): MonthShare {
  const days = daysOfMonthPeriod(month);
  const m = monthIndex(month);
  for (const a of list) {
    const covered = daysCovered(month, a);
    if (rule === "fullMonthsFromNext") {
      const first = monthIndex(a.start.slice(0, 7)) + 1; // int: month index, the month after the start
      const last = a.explicitEnd ? monthIndex(a.end.slice(0, 7)) : first + a.months - 1; // int: month index
      if (m >= first && m <= last) return { share: ONE, covered, days, admonition: a };
      continue;
    }
    if (covered === 0) continue;
    if (rule === "wholeMonthsTouched") return { share: ONE, covered, days, admonition: a };
    return { share: new Dec(covered).div(days), covered, days, admonition: a };
  }
  return { share: ZERO, covered: 0, days };
}

/** The admonition that covers any day of the period's months, for the status explanation. */
export function activeIn(firstMonth: number, lastMonth: number, list: Admonition[]): Admonition | undefined {
  return list.find((a) => monthIndex(a.start.slice(0, 7)) <= lastMonth && monthIndex(a.end.slice(0, 7)) >= firstMonth);
}
