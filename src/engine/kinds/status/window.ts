/**
 * Which period records a status rule reads, and which one it judges.
 *
 * Windows (for sums and events such as conduct deductions, `h003.conduct.window`):
 * - `assessmentYear`: the appraised year up to the end of the appraised period (a year-to-date view in a month);
 * - `rolling12Months`: the 12 calendar months ending with the appraised period (a missing month is not replaced
 *   by an older one: "rolling 12 months" is a span of time, not a count of rows);
 * - `period`: the appraised period only.
 * A history may hold months and also the year they belong to; a sum never counts a month twice: among the records
 * that report the field, finer records are taken first and a record overlapping one already taken is skipped.
 *
 * Evaluation gates: an annual rule can be limited to some period kinds (`h003.cm.collectionDemotion.period`), and
 * a rule judged "at a date" (`h003.offPost.evaluationDate`) reads the record of that date's month.
 */
import { z } from "zod";
import type { FieldName } from "../../fields";
import type { PeriodRecord } from "../../model";
import { unavailable, type Unavailable } from "../../outcome";
import { monthOfIndex, monthRange, periodKind, yearOf, type PeriodKind } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext } from "../types";
import { choice } from "./common";

export const WINDOWS = ["assessmentYear", "rolling12Months", "period"] as const;
export type WindowName = (typeof WINDOWS)[number];
export const WindowChoice = choice(WINDOWS);

export interface Window {
  name: WindowName;
  first: number;
  last: number;
}

export function windowOf(name: WindowName, period: string): Window {
  const range = monthRange(period);
  switch (name) {
    case "assessmentYear":
      return { name, first: monthRange(String(yearOf(period))).first, last: range.last };
    case "rolling12Months":
      return { name, first: range.last - 11, last: range.last }; // int: calendar index, 12 months ending with the period
    case "period":
      return { name, first: range.first, last: range.last };
  }
}

export function windowText(w: Window): { zh: string; en: string } {
  const span = w.first === w.last ? monthOfIndex(w.first) : `${monthOfIndex(w.first)}–${monthOfIndex(w.last)}`;
  switch (w.name) {
    case "assessmentYear":
      return { zh: `考核年度(${span})`, en: `assessment year (${span})` };
    case "rolling12Months":
      return { zh: `近 12 个月(${span})`, en: `last 12 months (${span})` };
    case "period":
      return { zh: `本期(${span})`, en: `this period (${span})` };
  }
}

/** Records lying wholly inside the window. */
export function recordsIn(history: PeriodRecord[], w: Window): PeriodRecord[] {
  return history.filter((r) => {
    const m = monthRange(r.period);
    return m.first >= w.first && m.last <= w.last;
  });
}

/** Records reporting `field`, finest first, without two records covering the same month. */
export function nonOverlapping(records: PeriodRecord[], field: FieldName): PeriodRecord[] {
  const withField = records.filter((r) => r.values[field] !== undefined);
  const span = (r: PeriodRecord) => monthRange(r.period).last - monthRange(r.period).first; // int: calendar index
  const taken: PeriodRecord[] = [];
  for (const r of [...withField].sort((a, b) => span(a) - span(b))) { // int: sort comparator on month counts
    const m = monthRange(r.period);
    if (taken.every((t) => monthRange(t.period).last < m.first || monthRange(t.period).first > m.last)) taken.push(r);
  }
  return taken.sort((a, b) => monthRange(a.period).first - monthRange(b.period).first); // int: sort comparator
}

const PERIOD_KINDS = ["month", "quarter", "halfYear", "year"] as const;
const PeriodKinds = z.array(z.enum(PERIOD_KINDS)).min(1);

/** Period kinds in which the rule is judged, fixed or by a setting (annual → ["year"], monthlyYtd → all). */
export const EvaluateIn = z.union([PeriodKinds, z.object({ setting: z.string(), cases: z.record(z.string(), PeriodKinds) }).strict()]);
export type EvaluateIn = z.infer<typeof EvaluateIn>;

const At = z.union([
  /** A month of the appraised year (12 = the assessment year's end). */
  z.object({ monthOfYear: z.number().int().min(1).max(12) }).strict(),
  /** A date held by a setting (YYYY-MM-DD). */
  z.object({ dateSetting: z.string() }).strict(),
]);
/** When the rule is judged, fixed or by a setting. */
export const EvaluateAt = z.union([At, z.object({ setting: z.string(), cases: z.record(z.string(), At) }).strict()]);
export type EvaluateAt = z.infer<typeof EvaluateAt>;

export interface Gate {
  evaluateIn?: EvaluateIn;
  evaluateAt?: EvaluateAt;
}

/** The record a rule judges: the appraised one, another one (an evaluation date), or none ("skip": not judged now). */
export type Judged = { record: PeriodRecord | undefined; period: string } | "skip" | Unavailable;

export function judgedRecord(gate: Gate, ctx: EvalContext, rule: string): Judged {
  if (gate.evaluateIn) {
    const kinds = Array.isArray(gate.evaluateIn) ? gate.evaluateIn : gate.evaluateIn.cases[String(ctx.settings.get(gate.evaluateIn.setting))];
    if (!kinds) throw new Error(`${rule}: evaluateIn has no case for ${String(ctx.settings.get((gate.evaluateIn as { setting: string }).setting))}`);
    const kind = periodKind(ctx.period) as PeriodKind;
    if (!(kinds as readonly string[]).includes(kind)) return "skip";
  }
  if (!gate.evaluateAt) return { record: ctx.record, period: ctx.period };
  const at = "setting" in gate.evaluateAt ? gate.evaluateAt.cases[String(ctx.settings.get(gate.evaluateAt.setting))] : gate.evaluateAt;
  if (!at) throw new Error(`${rule}: evaluateAt has no case for the setting's value`);
  const range = monthRange(ctx.period);
  let month: number;
  if ("monthOfYear" in at) month = monthRange(`${yearOf(ctx.period)}-${String(at.monthOfYear).padStart(2, "0")}`).last;
  else {
    const date = ctx.settings.get<string>(at.dateSetting);
    if (date === undefined) return unavailable("na", rule, `未设置判定日 ${at.dateSetting}`, `the evaluation date ${at.dateSetting} is not set`);
    month = monthRange(date.slice(0, 7)).last;
  }
  if (month < range.first || month > range.last) return "skip";
  if (month === range.last) return { record: ctx.record, period: ctx.period };
  const period = monthOfIndex(month);
  const record = ctx.history.find((r) => r.period === period);
  if (!record) return unavailable("na", rule, `缺少判定日所在月份 ${period} 的记录`, `no record for ${period}, the month of the evaluation date`);
  return { record, period };
}

/** Load-time check: settings declared, and a case for every value an enum setting may take. */
export function checkGate(gate: Gate, book: CompiledRulebook): string[] {
  const problems: string[] = [];
  const bySetting = (setting: string, cases: Record<string, unknown>) => {
    const def = book.doc.settings[setting];
    if (!def) return problems.push(`setting ${setting} is not declared`);
    for (const v of def.values ?? []) if (!(String(v) in cases)) problems.push(`no case for ${setting} = ${String(v)}`);
  };
  if (gate.evaluateIn && !Array.isArray(gate.evaluateIn)) bySetting(gate.evaluateIn.setting, gate.evaluateIn.cases);
  if (gate.evaluateAt) {
    const ats = "setting" in gate.evaluateAt ? Object.values(gate.evaluateAt.cases) : [gate.evaluateAt];
    if ("setting" in gate.evaluateAt) bySetting(gate.evaluateAt.setting, gate.evaluateAt.cases);
    for (const a of ats) if ("dateSetting" in a && !book.doc.settings[a.dateSetting]) problems.push(`setting ${a.dateSetting} is not declared`);
  }
  return problems;
}

