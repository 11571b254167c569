/**
 * Completion of the main business indicators (主要业务指标完成情况) of one period record, as a fraction compared
 * unrounded (G001-COMPLETION-RATE). A record's `tasks` are the main indicators (plan and actual, reported each
 * quarter by the departments, `002_6e8eade872556514.txt:52`); they are combined by `b002.mainIndicators.combine`:
 * `min` (the worst indicator decides) or `weightedMean` (weights by task item, from a setting). Without tasks the
 * record's given `mainCompletion` is used. Another measure (all tasks, `taskCompletion`) is a plain field.
 */
import { z } from "zod";
import { Dec, ZERO } from "../../decimal";
import { FIELDS, type FieldName } from "../../fields";
import type { PeriodRecord } from "../../model";
import { unavailable, type Unavailable } from "../../outcome";
import { parseQuantity } from "../../quantity";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import { checkChoice, choice, readChoice } from "../status/common";
import { FieldRef, show } from "./common";

const COMBINE = ["min", "weightedMean"] as const;

const Main = z
  .object({
    combine: choice(COMBINE),
    /** Object setting {taskItem: weight}; required only under weightedMean. */
    weightsSetting: z.string(),
    /** Used when the record has no tasks. */
    field: FieldRef,
  })
  .strict();

/** Which completion a rule reads: the main indicators, a plain field, or one of them by a setting. */
export type Measure = { main: z.infer<typeof Main> } | { field: string } | { bySetting: string; cases: Record<string, Measure> };
export const Measure: z.ZodType<Measure> = z.lazy(() =>
  z.union([
    z.object({ main: Main }).strict(),
    z.object({ field: FieldRef }).strict(),
    z.object({ bySetting: z.string(), cases: z.record(z.string(), Measure) }).strict(),
  ]),
);

export interface CompletionValue {
  value: Dec;
  zh: string;
  en: string;
}

export function checkMeasure(m: Measure, book: CompiledRulebook): string[] {
  if ("main" in m) {
    const problems = checkChoice(m.main.combine, COMBINE, book);
    if (!book.doc.settings[m.main.weightsSetting]) problems.push(`setting ${m.main.weightsSetting} is not declared`);
    return problems;
  }
  if ("field" in m) return [];
  const def = book.doc.settings[m.bySetting];
  if (!def) return [`setting ${m.bySetting} is not declared`];
  const problems: string[] = [];
  for (const v of def.values ?? []) if (!m.cases[String(v)]) problems.push(`no case for ${m.bySetting} = ${String(v)}`);
  return [...problems, ...Object.values(m.cases).flatMap((c) => checkMeasure(c, book))];
}

/** `period` names the record looked for, so a missing one is reported by name. */
export function completionOf(m: Measure, record: PeriodRecord | undefined, book: CompiledRulebook, settings: Settings, rule: string, period?: string): CompletionValue | Unavailable {
  if ("bySetting" in m) {
    const c = m.cases[String(settings.get(m.bySetting))];
    if (!c) throw new Error(`${rule}: no case for ${m.bySetting}`);
    return completionOf(c, record, book, settings, rule, period);
  }
  if (!record) return unavailable("na", rule, `缺少 ${period ?? "本期"} 的记录,无法计算完成率`, `no record for ${period ?? "the period"}: completion cannot be computed`);
  if ("field" in m) return fieldValue(m.field as FieldName, record, book, rule, false);
  if (record.tasks.length === 0) return fieldValue(m.main.field as FieldName, record, book, rule, true);
  const pct = (d: Dec) => show(d, "rate", book);
  const parts: Array<{ item: string; value: Dec }> = [];
  for (const t of record.tasks) {
    if (t.plan.lte(0)) return unavailable("value", rule, `${record.period} 任务 ${t.item} 计划须大于 0`, `${record.period}: the plan of task ${t.item} must be > 0`);
    parts.push({ item: t.item, value: t.actual.div(t.plan) });
  }
  const list = parts.map((p) => `${p.item} ${pct(p.value)}`).join("、");
  const listEn = parts.map((p) => `${p.item} ${pct(p.value)}`).join(", ");
  if (readChoice(m.main.combine, settings) === "min") {
    const value = Dec.min(...parts.map((p) => p.value));
    return { value, zh: `主要业务指标完成率取最低(${list})${pct(value)}`, en: `main-indicator completion, the lowest (${listEn}): ${pct(value)}` };
  }
  const raw = settings.get<Record<string, unknown>>(m.main.weightsSetting);
  if (raw === undefined) {
    return unavailable("na", rule, `加权平均须设置各指标权重 ${m.main.weightsSetting}`, `weightedMean needs the indicator weights ${m.main.weightsSetting}`);
  }
  let total = ZERO;
  let weighted = ZERO;
  for (const p of parts) {
    const w = raw[p.item];
    if (w === undefined) return unavailable("na", rule, `${m.main.weightsSetting} 未给出指标 ${p.item} 的权重`, `${m.main.weightsSetting} gives no weight for ${p.item}`);
    const wd = parseQuantity(w as string | number);
    total = total.plus(wd);
    weighted = weighted.plus(wd.times(p.value));
  }
  if (!total.gt(0)) return unavailable("value", rule, `${m.main.weightsSetting} 权重合计须大于 0`, `the weights in ${m.main.weightsSetting} must add up to more than 0`);
  const value = weighted.div(total);
  return { value, zh: `主要业务指标完成率加权平均(${list})${pct(value)}`, en: `main-indicator completion, weighted mean (${listEn}): ${pct(value)}` };
}

function fieldValue(field: FieldName, record: PeriodRecord, book: CompiledRulebook, rule: string, orTasks: boolean): CompletionValue | Unavailable {
  const f = FIELDS[field];
  const v = record.values[field];
  const tasks = orTasks ? { zh: "或任务计划", en: " and no task plans" } : { zh: "", en: "" };
  if (v === undefined) return unavailable("na", rule, `${record.period} 缺少${f.zh}(${field})${tasks.zh}`, `${record.period}: no ${f.en} (${field})${tasks.en}`);
  const t = show(v, "rate", book);
  return { value: v, zh: `${f.zh} ${t}`, en: `${f.en} ${t}` };
}
