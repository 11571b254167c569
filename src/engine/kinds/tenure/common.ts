/**
 * Shared pieces of the tenure kinds (B002 sections 6–9: allowances, annual decision, admonition, yellow card,
 * dismissal): calendar helpers over period records, the quarter ends a rule is judged at, and a few parameter
 * shapes. Dates are ISO strings; the only number arithmetic is on calendar indexes and day counts (`int:`).
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { FIELDS, FLAGS, isFieldName, type FieldName, type FieldUnit } from "../../fields";
import { byUnit } from "../../format";
import type { PeriodRecord } from "../../model";
import { daysOfMonthPeriod, monthOfIndex, monthRange, periodKind } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";

export const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" });
export const FlagRef = z.string().refine((f) => Object.prototype.hasOwnProperty.call(FLAGS, f), { message: "not a flag of the data model" });
/** A status or action code: short camelCase. */
export const Code = z.string().regex(/^[a-z][A-Za-z]*$/);
export const Labelled = z.object({ status: Code, label: Bilingual }).strict();
export type Labelled = z.infer<typeof Labelled>;

export function flagText(flag: string): { zh: string; en: string } {
  const f = (FLAGS as Record<string, { zh: string; en: string }>)[flag];
  return f ?? { zh: flag, en: flag };
}

/** A value in the unit of a field ("money", "rate" …) with the rulebook's rounding, for explanations. */
export function show(value: Dec, unit: FieldUnit, book: CompiledRulebook): string {
  return byUnit(value, unit, book.doc.rounding);
}

export function fieldLabel(field: FieldName): { zh: string; en: string; unit: FieldUnit } {
  return FIELDS[field];
}

/** First and last day (ISO) of any period (month, quarter, half-year, year). */
export function firstDay(period: string): string {
  return `${monthOfIndex(monthRange(period).first)}-01`;
}
export function lastDay(period: string): string {
  const m = monthOfIndex(monthRange(period).last);
  return `${m}-${String(daysOfMonthPeriod(m)).padStart(2, "0")}`;
}

/** Records lying wholly inside a period (the period's own record included). */
export function recordsWithin(history: PeriodRecord[], period: string): PeriodRecord[] {
  const p = monthRange(period);
  return history.filter((r) => {
    const m = monthRange(r.period);
    return m.first >= p.first && m.last <= p.last;
  });
}

/** "2024-Q3" for a month index. */
export function quarterOfIndex(index: number): string {
  const m = monthOfIndex(index);
  const q = Math.floor((Number.parseInt(m.slice(5, 7), 10) - 1) / 3) + 1; // int: quarter number
  return `${m.slice(0, 4)}-Q${q}`;
}

/** The quarters whose last month lies inside the period: a quarter → itself, a year → its four, a month → its quarter at quarter end. */
export function quarterEndsIn(period: string): string[] {
  const r = monthRange(period);
  const out: string[] = [];
  for (let i = r.first; i <= r.last; i++) if (i % 3 === 2) out.push(quarterOfIndex(i)); // int: month index, March/June/September/December
  return out;
}

/** The quarter before (Q1 → the previous year's Q4: consecutive quarters run across year ends). */
export function previousQuarter(quarter: string): string {
  return quarterOfIndex(monthRange(quarter).first - 1); // int: month index
}

export function isMonth(period: string): boolean {
  return periodKind(period) === "month";
}

/** The date of a day-of-month field in a monthly record; a day the month does not have is an error (text). */
export function dayInMonth(record: PeriodRecord, field: FieldName): string | { error: string } | undefined {
  const v = record.values[field];
  if (v === undefined) return undefined;
  if (!isMonth(record.period)) return { error: `${record.period}: ${field} 只能填在月度记录中 / ${field} belongs on a monthly record` };
  const dim = daysOfMonthPeriod(record.period);
  if (!v.isInteger() || v.lt(1) || v.gt(dim)) return { error: `${record.period}: ${field} = ${v.toString()} 不是该月的日期 / is not a day of the month` };
  return `${record.period}-${v.toFixed(0).padStart(2, "0")}`;
}

/** Grade position in the rulebook order (0 = highest); -1 when unknown. */
export function gradeIndex(book: CompiledRulebook, grade: string | undefined): number {
  return grade === undefined ? -1 : book.gradeIds.indexOf(grade); // int: not found
}

export function gradeText(book: CompiledRulebook, grade: string | undefined): { zh: string; en: string } {
  const g = book.doc.grades.find((x) => x.id === grade);
  return g ? { zh: g.zh, en: g.en } : { zh: grade ?? "(无等级)", en: grade ?? "(no grade)" };
}
