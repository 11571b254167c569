/**
 * Clause: completion of key single indicators ("存款、收贷收息率等重要单项指标完成90%以下", H003-DEMOTE-PRESIDENT).
 * Which indicators are key is a setting (`h003.president.keyIndicators`, 「等」 allows more); how completion is
 * computed is another (`h003.president.keyCompletion`). Each indicator declares, per mode, either
 * - actual ÷ plan: the record's task of that item if present, else an actual indicator over the first plan source
 *   the record has (a plan field, or a field times a factor: base deposits × 130% when no plan is given), or
 * - indicator ÷ target: e.g. collection rate ÷ 99.5%, deposit growth ÷ 30%.
 * Completion is exact unless the rate-precision convention rounds rates (H003-CONV-RATE-PRECISION). The clause
 * holds if any key indicator meets the threshold; a missing input is reported, never read as complete.
 */
import { z } from "zod";
import { holds, NEGATED_SYMBOL, Quantity, SYMBOL } from "../../compare";
import type { Dec } from "../../decimal";
import { FIELDS, isFieldName, type FieldName } from "../../fields";
import { evaluateIndicator, IndicatorSchema } from "../../indicator";
import type { PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext } from "../types";
import { show } from "../scoring/common";
import { Action, checkSetting, resolveThreshold, roundRate, Threshold, type ClauseResult } from "./common";

const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" });
const PlanSource = z.object({ field: FieldRef, times: Quantity.optional() }).strict();
const ActualOverPlan = z.object({ actual: IndicatorSchema, plan: z.array(PlanSource).min(1), task: z.string().optional() }).strict();
const OverTarget = z.object({ indicator: IndicatorSchema, target: Quantity }).strict();
const Definition = z.object({ label: Bilingual, cases: z.record(z.string(), z.union([ActualOverPlan, OverTarget])) }).strict();
const ListOrSetting = z.union([z.array(z.string()).min(1), z.object({ setting: z.string() }).strict()]);
const NameOrSetting = z.union([z.string(), z.object({ setting: z.string() }).strict()]);

export const CompletionClause = z
  .object({
    id: z.string().min(1),
    action: Action.optional(),
    completion: z.object({ indicators: ListOrSetting, mode: NameOrSetting, definitions: z.record(z.string(), Definition) }).strict(),
    when: Threshold,
  })
  .strict();
export type CompletionClause = z.infer<typeof CompletionClause>;
type Spec = z.infer<typeof ActualOverPlan> | z.infer<typeof OverTarget>;

export function checkCompletionClause(c: CompletionClause, book: CompiledRulebook): string[] {
  const { indicators, mode, definitions } = c.completion;
  const problems: string[] = [];
  const modes = typeof mode === "string" ? [mode] : (book.doc.settings[mode.setting]?.values ?? []).map(String);
  if (typeof mode !== "string") problems.push(...checkSetting(mode.setting, book));
  const keys = Array.isArray(indicators) ? indicators : ((book.doc.settings[indicators.setting]?.default as string[] | undefined) ?? []);
  if (!Array.isArray(indicators)) problems.push(...checkSetting(indicators.setting, book));
  for (const k of keys) if (!definitions[k]) problems.push(`key indicator ${k} has no definition`);
  for (const [k, d] of Object.entries(definitions)) for (const m of modes) if (!d.cases[m]) problems.push(`key indicator ${k} has no case for ${m}`);
  return problems;
}

interface Completion {
  value: Dec;
  /** How it was computed, worded when the explanation is read. */
  how: () => { zh: string; en: string };
}

function completionOf(spec: Spec, label: Bilingual, ctx: EvalContext, record: PeriodRecord | undefined, rule: string): Completion | Unavailable {
  const b = ctx.book;
  if ("target" in spec) {
    const ind = evaluateIndicator(spec.indicator, record, b, ctx.settings, rule);
    if (isUnavailable(ind)) return ind;
    const how = () => {
      const x = show(ind.value, ind.unit, b);
      const t = show(spec.target, ind.unit, b);
      return { zh: `${ind.label.zh} ${x} ÷ 目标 ${t}`, en: `${ind.label.en} ${x} / target ${t}` };
    };
    return { value: ind.value.div(spec.target), how };
  }
  const task = spec.task !== undefined ? record?.tasks.find((t) => t.item === spec.task) : undefined;
  if (task) {
    if (task.plan.lte(0)) return unavailable("value", rule, `${label.zh}任务计划必须大于 0`, `the ${label.en} plan must be > 0`);
    const how = () => ({ zh: `任务完成 ${task.actual.toFixed()} ÷ 计划 ${task.plan.toFixed()}`, en: `task actual ${task.actual.toFixed()} / plan ${task.plan.toFixed()}` });
    return { value: task.actual.div(task.plan), how };
  }
  const actual = evaluateIndicator(spec.actual, record, b, ctx.settings, rule);
  if (isUnavailable(actual)) return actual;
  const source = spec.plan.find((s) => record?.values[s.field as FieldName] !== undefined);
  if (!source) {
    const names = spec.plan.map((s) => `${FIELDS[s.field as FieldName].zh}(${s.field})`).join("或");
    const namesEn = spec.plan.map((s) => `${FIELDS[s.field as FieldName].en} (${s.field})`).join(" or ");
    return unavailable("na", rule, `${label.zh}完成率缺少${names}`, `${label.en} completion: missing ${namesEn}`);
  }
  const f = FIELDS[source.field as FieldName];
  const raw = record!.values[source.field as FieldName]!;
  const plan = source.times ? raw.times(source.times) : raw;
  if (plan.lte(0)) return unavailable("value", rule, `${label.zh}计划必须大于 0`, `the ${label.en} plan must be > 0`);
  const times = source.times;
  const how = () => {
    const a = show(actual.value, actual.unit, b);
    const p = show(plan, actual.unit, b);
    const from = times
      ? { zh: `(${f.zh} ${show(raw, f.unit, b)} × ${show(times, "rate", b)})`, en: ` (${f.en} ${show(raw, f.unit, b)} × ${show(times, "rate", b)})` }
      : { zh: "", en: "" };
    return { zh: `实际 ${a} ÷ 计划 ${p}${from.zh}`, en: `actual ${a} / plan ${p}${from.en}` };
  };
  return { value: actual.value.div(plan), how };
}

export function evaluateCompletionClause(c: CompletionClause, ctx: EvalContext, record: PeriodRecord | undefined, rule: string): ClauseResult {
  const { indicators, mode, definitions } = c.completion;
  const keys = Array.isArray(indicators) ? indicators : (ctx.settings.get<string[]>(indicators.setting) ?? []);
  const modeName = typeof mode === "string" ? mode : ctx.settings.choice<string>(mode.setting);
  const t = resolveThreshold(c.when, ctx.book, ctx.settings, rule);
  if (isUnavailable(t)) return { ...t, id: c.id, action: c.action };
  const held: Array<() => Reason> = [];
  const notHeld: Array<() => Reason> = [];
  const missing: Unavailable[] = [];
  for (const key of keys) {
    const def = definitions[key];
    if (!def) {
      missing.push(unavailable("value", rule, `未定义的重要单项指标“${key}”`, `unknown key indicator "${key}"`));
      continue;
    }
    const spec = def.cases[modeName];
    if (!spec) throw new Error(`${rule}: key indicator ${key} has no case for ${modeName}`);
    const comp = completionOf(spec, def.label, ctx, record, rule);
    if (isUnavailable(comp)) {
      missing.push(comp);
      continue;
    }
    const value = roundRate(comp.value, ctx.book, ctx.settings);
    const ok = holds(value, t.op, t.value);
    const sym = ok ? SYMBOL[t.op] : NEGATED_SYMBOL[t.op];
    const book = ctx.book;
    const line = () => {
      const v = show(value, "rate", book);
      const th = show(t.value, "rate", book);
      const how = comp.how();
      return reason(rule, `${def.label.zh}完成率 ${v}(${how.zh})${sym} ${th}`, `${def.label.en} completion ${v} (${how.en}) ${sym} ${th}`);
    };
    (ok ? held : notHeld).push(line);
  }
  if (held.length > 0) return { id: c.id, held: true, action: c.action, why: () => held.map((line) => line()) };
  if (missing.length > 0) {
    const m = missing[0];
    return { ...unavailable(m.code, rule, missing.map((u) => u.zh).join(";"), missing.map((u) => u.en).join("; ")), id: c.id, action: c.action };
  }
  return { id: c.id, held: false, action: c.action, why: () => notHeld.map((line) => line()) };
}
