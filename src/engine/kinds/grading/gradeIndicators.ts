/**
 * One grade's indicator table (B002-GRADE-SENIOR … B002-GRADE-4): "meet at least N of these items", each item a
 * measure over the clients counted for the grade against a threshold word (以上 → ≥, or > by
 * `b002.boundary.yishang`), optionally with a single large client that must reach its own threshold
 * (B002-SINGLE-ACCOUNT). What an item measures may be chosen by a setting (the garbled items of grades 3 and 4).
 * This kind is data; the grade ladder (gradeLadder) evaluates it with `testItems`.
 */
import { z } from "zod";
import { Condition, NEGATED_SYMBOL, opOf, SYMBOL, holds, type Op } from "../../compare";
import { Dec, ZERO } from "../../decimal";
import type { Client, Reason } from "../../model";
import { isUnavailable, reason, type Unavailable } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { ConventionKind } from "../types";
import { show } from "../scoring/common";
import { checkChoice, choose, ChoiceSchema, settingNote } from "../tools/settingChoice";
import { gradeName, moneyStep, type Tri } from "./common";
import { largest, measureOver, MEASURE_INFO, MEASURES, type Basis, type MeasureName } from "./measures";

const Item = z
  .object({
    /** The seed's letter (a, b, c, d). */
    id: z.string().min(1),
    label: Bilingual.optional(),
    measure: ChoiceSchema(MEASURES),
    /** The agreement-deposit use this item's deposits belong to (indicatorA, indicatorD). */
    agreementUse: z.string().optional(),
    /** Deposit items are the ones `depositIndicatorsOnly` still filters by client size. */
    family: z.enum(["deposit", "other"]),
    threshold: Condition,
    /** One counted client must reach this on its own (其中必须有单户…). */
    single: Condition.optional(),
  })
  .strict();
type Item = z.infer<typeof Item>;

const Params = z
  .object({
    grade: z.string(),
    /** At least this many items must be met (具备两项 = at least two). */
    need: z.number().int().min(1),
    items: z.array(Item).min(1),
  })
  .strict()
  .refine((p) => p.need <= p.items.length, { message: "need exceeds the number of items" })
  .refine((p) => new Set(p.items.map((i) => i.id)).size === p.items.length, { message: "item ids must be unique" });
export type GradeIndicatorsParams = z.infer<typeof Params>;

export const gradeIndicators: ConventionKind<GradeIndicatorsParams> = {
  kind: "gradeIndicators",
  stage: "convention",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = book.gradeIds.includes(p.grade) ? [] : [`unknown grade ${p.grade}`];
    for (const i of p.items) problems.push(...checkChoice(i.measure, book));
    return problems;
  },
};

export interface ItemOutcome {
  id: string;
  label: { zh: string; en: string };
  measure?: MeasureName;
  held: Tri;
  threshold: { op: Op; value: Dec };
  unit: "money" | "usd";
  value?: Dec;
  /** What is still needed to meet the item (0 when met); undefined when it cannot be said. */
  gap?: Dec;
  reason: Reason;
  unknown?: Unavailable;
}

export interface ItemsOutcome {
  held: Tri;
  met: number;
  need: number;
  items: ItemOutcome[];
  reasons: Reason[];
}

/** Amount needed for `value` to satisfy `op threshold`, for ≥ and >; undefined for other operators. */
function gapTo(value: Dec, op: Op, threshold: Dec, step: Dec): Dec | undefined {
  if (op === "ge") return Dec.max(ZERO, threshold.minus(value));
  if (op === "gt") return Dec.max(ZERO, threshold.minus(value).plus(step));
  return undefined;
}

function testItem(rule: string, item: Item, b: Basis, clients: Client[]): ItemOutcome {
  const book = b.book;
  const chosen = choose(item.measure, b.settings);
  const name = chosen.value;
  const op = opOf(book, b.settings, item.threshold);
  const threshold = { op, value: item.threshold.value };
  const unit = MEASURE_INFO[name].unit;
  const m = measureOver(b, name, clients, item.agreementUse);
  const set = settingNote(chosen);
  if (isUnavailable(m)) {
    const lab = item.label ?? { zh: `${item.id} 项`, en: `item ${item.id}` };
    return { id: item.id, label: lab, measure: name, held: undefined, threshold, unit, unknown: m, reason: reason(rule, `${item.id} 无法判断:${m.zh}`, `${item.id} cannot be judged: ${m.en}`) };
  }
  const lab = item.label ?? m.label;
  const totalOk = holds(m.total, op, threshold.value);
  const step = moneyStep(book);
  let gap = gapTo(m.total, op, threshold.value, step);
  // No space after a full-width parenthesis (Chinese typography); the English text keeps its spaces.
  const sp = (t: string) => (t.endsWith(")") ? "" : " ");
  const parts = {
    zh: `${item.id} ${lab.zh}${set.zh}${sp(lab.zh + set.zh)}${show(m.total, unit, book)} ${totalOk ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${show(threshold.value, unit, book)}`,
    en: `${item.id} ${lab.en}${set.en} ${show(m.total, unit, book)} ${totalOk ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${show(threshold.value, unit, book)}`,
  };
  let held = totalOk;
  if (item.single) {
    const sop = opOf(book, b.settings, item.single);
    const best = largest(m);
    const bestValue = best?.value ?? ZERO;
    const ok = best !== undefined && holds(bestValue, sop, item.single.value);
    const who = best ? `(${best.id})` : " ";
    const whoEn = best ? ` (${best.id})` : "";
    parts.zh += `;单户最高 ${show(bestValue, unit, book)}${who}${ok ? SYMBOL[sop] : NEGATED_SYMBOL[sop]} ${show(item.single.value, unit, book)}`;
    parts.en += `; largest single client ${show(bestValue, unit, book)}${whoEn} ${ok ? SYMBOL[sop] : NEGATED_SYMBOL[sop]} ${show(item.single.value, unit, book)}`;
    held = held && ok;
    // Raising the largest client raises the total by the same amount, so the larger of the two gaps closes both.
    const sgap = gapTo(bestValue, sop, item.single.value, step);
    gap = gap === undefined || sgap === undefined ? undefined : Dec.max(gap, sgap);
  }
  if (m.note) {
    parts.zh += `(${m.note.zh})`;
    parts.en += ` (${m.note.en})`;
  }
  const r = reason(rule, `${parts.zh}${sp(parts.zh)}→ ${held ? "达标" : "未达标"}`, `${parts.en} → ${held ? "met" : "not met"}`);
  return { id: item.id, label: lab, measure: name, held, threshold, unit, value: m.total, gap: held ? ZERO : gap, reason: r };
}

/**
 * Tests the items of one grade. `clientsFor(family)` gives the clients each item counts (the cut-off may spare
 * non-deposit items under `depositIndicatorsOnly`). At least `need` met → held; so many unknown that the count
 * could still reach `need` → cannot tell.
 */
export function testItems(rule: string, p: GradeIndicatorsParams, b: Basis, clientsFor: (family: "deposit" | "other") => Client[]): ItemsOutcome {
  const items = p.items.map((i) => testItem(rule, i, b, clientsFor(i.family)));
  const met = items.filter((i) => i.held === true).length;
  const unknown = items.filter((i) => i.held === undefined).length;
  const held: Tri = met >= p.need ? true : met + unknown < p.need ? false : undefined; // int: item counts
  const g = gradeName(b.book, p.grade);
  const total = items.length;
  const summary =
    held === true
      ? reason(rule, `${g.zh}:具备 ${met} 项 ≥ ${p.need} 项 → 指标达到`, `${g.en}: ${met} items met ≥ ${p.need} → indicators met`)
      : held === false
        ? reason(rule, `${g.zh}:具备 ${met} 项 < ${p.need} 项 → 指标未达到`, `${g.en}: ${met} items met < ${p.need} → indicators not met`)
        : reason(rule, `${g.zh}:具备 ${met} 项,另有 ${unknown} 项无法判断,须 ${p.need} 项 → 无法判断`, `${g.en}: ${met} items met, ${unknown} cannot be judged, ${p.need} needed → cannot tell`);
  const head = reason(rule, `${g.zh}:须在 ${total} 项中具备 ${p.need} 项`, `${g.en}: at least ${p.need} of ${total} items`);
  return { held, met, need: p.need, items, reasons: [head, ...items.map((i) => i.reason), summary] };
}
