/**
 * What is missing for the next grade up (B002-GRADE-RESULT's nextGrade): the grade needs N of its items; the items
 * not met each have a shortfall (for an item with a single-client condition, the larger of the total's and the
 * largest client's shortfall, since raising that client raises both). The cheapest way to complete "N of M" takes
 * the items with the smallest shortfall relative to their threshold — a measure that compares deposits in 元 with
 * settlement in USD on one scale. Conditions that no amount can meet (asset quality, qualifications) are stated.
 */
import { Dec } from "../../decimal";
import { FIELDS } from "../../fields";
import type { Reason } from "../../model";
import { reason } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { GradeOutcome } from "../types";
import { show } from "../scoring/common";
import { gradeName, type Tri } from "./common";
import type { ItemOutcome, ItemsOutcome } from "./gradeIndicators";
import { MEASURE_INFO } from "./measures";

export interface GateView {
  held: Tri;
  reasons: Reason[];
}

function relative(i: ItemOutcome): Dec {
  return i.threshold.value.gt(0) ? i.gap!.div(i.threshold.value) : i.gap!;
}

export function nextGradeOf(rule: string, book: CompiledRulebook, grade: string, items: ItemsOutcome, gates: GateView[]): NonNullable<GradeOutcome["nextGrade"]> {
  const g = gradeName(book, grade);
  const reasons: Reason[] = [];
  const more = items.need - items.met; // int: item counts
  const candidates = items.items
    .filter((i) => i.held === false && i.gap !== undefined && i.measure !== undefined)
    .map((i, order) => ({ i, order, cost: relative(i) }))
    .sort((a, b) => a.cost.comparedTo(b.cost) || a.order - b.order) // int: sort comparator
    .slice(0, more > 0 ? more : 0);
  const missing = candidates.map(({ i }) => ({ field: MEASURE_INFO[i.measure!].field as string, amount: i.gap! }));
  if (more > 0) {
    reasons.push(reason(rule, `距${g.zh}:还须具备 ${more} 项,差额占门槛比例最小的组合如下`, `towards ${g.en}: ${more} more item(s) needed; the combination with the smallest shortfall relative to the thresholds:`));
    for (const { i } of candidates) {
      const info = MEASURE_INFO[i.measure!];
      const f = FIELDS[info.field];
      const amt = show(i.gap!, info.unit, book);
      reasons.push(reason(rule, `${g.zh} ${i.id} 项:${f.zh}还差 ${amt}`, `${g.en} item ${i.id}: ${f.en} still short by ${amt}`));
    }
    if (candidates.length < more) {
      reasons.push(reason(rule, `另有 ${more - candidates.length} 项无法以金额补足或无法判断`, `${more - candidates.length} more item(s) cannot be met by an amount or cannot be judged`)); // int: item counts
    }
  } else {
    reasons.push(reason(rule, `${g.zh}:指标已达到`, `${g.en}: indicators already met`));
  }
  for (const gate of gates) {
    if (gate.held === true) continue;
    for (const r of gate.reasons) reasons.push(reason(rule, `${g.zh}另须满足:${r.zh}`, `${g.en} also requires: ${r.en}`));
  }
  return { grade, missing, reasons };
}
