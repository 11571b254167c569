/**
 * C000-TASK-MONTH (with C000-CONV-COMPLETION): whether a month counts as "tasks missed" (完不成社分配任务) or
 * "tasks completed" for a person, from the month's task items {item, plan, actual}.
 *
 * - Completion of an item is actual ÷ plan (G001-COMPLETION-RATE's completionRate), exact; the rulebook's rate
 *   precision convention may round it to 0.01 % before any comparison (c000.rate.roundBeforeCompare).
 * - An item whose plan is 0 or below has no task that month: skipped, or an input error (c000.task.zeroPlan).
 * - `anyItem`: missed when some evaluated item is below the completion mark; `overall`: the record's overall
 *   completion field decides (c000.task.monthMissed), and a record with items but no overall figure is an error.
 * - A month with no evaluated item is `noData`.
 * The pure `classifyMonth` is shared with the demotion cycle; the tool classifies one month from explicit inputs.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import type { Dec } from "../../decimal";
import { FIELDS, isFieldName, type FieldName } from "../../fields";
import type { Reason, Task } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { Settings } from "../../settings";
import { completionRate } from "../general/completionRate";
import { checkSettingRefs, DecInput } from "../general/common";
import { roundRate } from "../status/common";
import type { ToolKind } from "../types";
import { checkPicked, pctText, pick, picked } from "./common";

const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" });

export const TaskMonthParams = z
  .object({
    /** An item is completed when its completion meets this (完成 = ≥ 100 %). */
    completeAt: Condition,
    mode: picked(z.enum(["anyItem", "overall"])),
    zeroPlan: picked(z.enum(["skip", "error"])),
    /** The record field holding the overall completion (a fraction), for the `overall` mode. */
    overallField: FieldRef,
    /** Names of the usual task items, for explanations; other items are shown by their id. */
    items: z.record(z.string(), Bilingual).default({}),
  })
  .strict();
export type TaskMonthParams = z.infer<typeof TaskMonthParams>;

export interface ItemCompletion {
  item: string;
  label: Bilingual;
  plan: Dec;
  actual: Dec;
  /** The value compared with thresholds: exact, or rounded when the rate-precision setting says so. */
  completion: Dec;
}

export interface TaskMonth {
  state: "missed" | "completed" | "noData";
  items: ItemCompletion[];
  skipped: string[];
  overall?: Dec;
  reasons: Reason[];
}

function labelOf(p: TaskMonthParams, item: string): Bilingual {
  return p.items[item] ?? { zh: item, en: item };
}

/** The month's state; `at` prefixes the explanation with the month. */
export function classifyMonth(
  rule: CompiledRule<TaskMonthParams>,
  tasks: Task[],
  overall: Dec | undefined,
  book: CompiledRulebook,
  settings: Settings,
  at?: string,
): TaskMonth | Unavailable {
  const p = rule.params;
  const pre = at ? { zh: `${at}:`, en: `${at}: ` } : { zh: "", en: "" };
  const zeroPlan = pick(p.zeroPlan, settings);
  const items: ItemCompletion[] = [];
  const skipped: string[] = [];
  for (const t of tasks) {
    const label = labelOf(p, t.item);
    if (t.plan.lte(0)) {
      if (zeroPlan.value === "error") {
        return unavailable(
          "value",
          rule.id,
          `${pre.zh}${label.zh}计划为 ${t.plan.toFixed()},计划必须大于 0(设置 ${zeroPlan.setting} = error)`,
          `${pre.en}${label.en} plan is ${t.plan.toFixed()}; a plan must be > 0 (setting ${zeroPlan.setting} = error)`,
        );
      }
      skipped.push(t.item);
      continue;
    }
    const rate = completionRate(t.actual, t.plan, rule.id);
    if (isUnavailable(rate)) return rate;
    items.push({ item: t.item, label, plan: t.plan, actual: t.actual, completion: roundRate(rate, book, settings) });
  }
  const op = opOf(book, settings, p.completeAt);
  const mark = pctText(p.completeAt.value);
  const mode = pick(p.mode, settings);
  const list = (sep: string, lang: "zh" | "en") => items.map((i) => `${i.label[lang]} ${pctText(i.completion)}`).join(sep);
  const skippedNote = skipped.length > 0
    ? { zh: `(计划为 0 不考核:${skipped.map((s) => labelOf(p, s).zh).join("、")})`, en: ` (no plan, not assessed: ${skipped.map((s) => labelOf(p, s).en).join(", ")})` }
    : { zh: "", en: "" };

  if (mode.value === "overall") {
    const field = p.overallField as FieldName;
    if (overall === undefined) {
      if (items.length === 0) return noData(rule.id, pre, skipped, skippedNote);
      const f = FIELDS[field];
      return unavailable(
        "value",
        rule.id,
        `${pre.zh}按总体任务判断(设置 ${mode.setting} = ${mode.settingValue})但缺少${f.zh}(${field})`,
        `${pre.en}judged on the overall task (setting ${mode.setting} = ${mode.settingValue}) but ${f.en} (${field}) is missing`,
      );
    }
    const value = roundRate(overall, book, settings);
    const done = holds(value, op, p.completeAt.value);
    const sym = done ? SYMBOL[op] : NEGATED_SYMBOL[op];
    const f = FIELDS[field];
    return {
      state: done ? "completed" : "missed",
      items,
      skipped,
      overall: value,
      reasons: [
        reason(
          rule.id,
          `${pre.zh}${f.zh} ${pctText(value)} ${sym} ${mark} → ${done ? "完成任务" : "未完成社分配任务"}`,
          `${pre.en}${f.en} ${pctText(value)} ${sym} ${mark} → ${done ? "tasks completed" : "tasks missed"}`,
        ),
      ],
    };
  }

  if (items.length === 0) return noData(rule.id, pre, skipped, skippedNote);
  const short = items.filter((i) => !holds(i.completion, op, p.completeAt.value));
  if (short.length > 0) {
    const names = { zh: short.map((i) => i.label.zh).join("、"), en: short.map((i) => i.label.en).join(", ") };
    return {
      state: "missed",
      items,
      skipped,
      reasons: [
        reason(
          rule.id,
          `${pre.zh}${list("、", "zh")};${names.zh} ${NEGATED_SYMBOL[op]} ${mark} → 未完成社分配任务${skippedNote.zh}`,
          `${pre.en}${list(", ", "en")}; ${names.en} ${NEGATED_SYMBOL[op]} ${mark} → tasks missed${skippedNote.en}`,
        ),
      ],
    };
  }
  return {
    state: "completed",
    items,
    skipped,
    reasons: [
      reason(
        rule.id,
        `${pre.zh}${list("、", "zh")};各项均 ${SYMBOL[op]} ${mark} → 完成任务${skippedNote.zh}`,
        `${pre.en}${list(", ", "en")}; every item ${SYMBOL[op]} ${mark} → tasks completed${skippedNote.en}`,
      ),
    ],
  };
}

function noData(rule: string, pre: { zh: string; en: string }, skipped: string[], skippedNote: { zh: string; en: string }): TaskMonth {
  return {
    state: "noData",
    items: [],
    skipped,
    reasons: [reason(rule, `${pre.zh}没有需考核的任务项目${skippedNote.zh || " "}→ 无数据`, `${pre.en}no task item to assess${skippedNote.en} → no data`)],
  };
}

const Input = z
  .object({
    tasks: z.array(z.object({ item: z.string().min(1), plan: DecInput, actual: DecInput }).strict()).default([]),
    /** Overall completion as a fraction (1.02 for 102 %), for the `overall` mode. */
    overall: DecInput.optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const coopTaskMonth: ToolKind<TaskMonthParams, Input> = {
  kind: "coopTaskMonth",
  stage: "tool",
  params: TaskMonthParams,
  input: Input,
  check(rule, book) {
    return [...checkSettingRefs(rule, book), ...checkPicked(rule.params.mode, rule, book), ...checkPicked(rule.params.zeroPlan, rule, book)];
  },
  run(rule, input, book, settings) {
    const m = classifyMonth(rule, input.tasks, input.overall, book, settings);
    if (isUnavailable(m)) return m;
    return {
      value: {
        state: m.state,
        items: m.items.map((i) => ({ item: i.item, completion: i.completion.toString(), text: pctText(i.completion) })),
        skipped: m.skipped,
      },
      reasons: m.reasons,
    };
  },
};
