/**
 * The triggers of the demotion cycle (./cycle.ts): C000-DEMOTE-30PCT and C000-DEMOTE-3M fire "demote" in the
 * month their condition is met; C000-REINSTATE fires "reinstate" while a general marketer may apply to return.
 * All read one cycle per appraisal. When the cycle cannot be computed, the first cycle trigger of the rulebook
 * reports why (once, not once per trigger).
 */
import type { Reason } from "../../model";
import { isUnavailable, reason, type Unavailable } from "../../outcome";
import { monthOfIndex } from "../../periods";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext, Trigger, TriggerKind } from "../types";
import { checkPicked } from "./common";
import { checkCycle, cycleOf, demotionsIn, type Cycle } from "./cycle";
import { ItemFloorParams, MissedRunParams, ReinstateParams } from "./cycleParams";

const CYCLE_TRIGGERS = ["coopItemFloor", "coopMissedRun", "coopReinstate"];

function reporter(book: CompiledRulebook): string | undefined {
  return book.rules.find((r) => CYCLE_TRIGGERS.includes(r.kind.kind))?.id;
}

/** The cycle, or what this trigger returns instead (nothing to judge, or the reason it cannot be judged). */
function cycleFor(rule: CompiledRule, ctx: EvalContext): Cycle | Unavailable | undefined {
  const c = cycleOf(ctx);
  if (c === "skip") return undefined;
  if (isUnavailable(c)) return reporter(ctx.book) === rule.id ? c : undefined;
  return c;
}

function demotionTrigger(rule: CompiledRule<{ action: string }>, ctx: EvalContext): Trigger | Unavailable | undefined {
  const c = cycleFor(rule, ctx);
  if (c === undefined || isUnavailable(c)) return c;
  const reasons: Reason[] = demotionsIn(c, ctx).flatMap((d) => d.triggers.filter((t) => t.rule === rule.id).flatMap((t) => t.reasons));
  return reasons.length > 0 ? { rule: rule.id, action: rule.params.action, reasons } : undefined;
}

export const coopItemFloor: TriggerKind<ItemFloorParams> = {
  kind: "coopItemFloor",
  stage: "trigger",
  params: ItemFloorParams,
  check: (_rule, book) => checkCycle(book),
  trigger: demotionTrigger,
};

export const coopMissedRun: TriggerKind<MissedRunParams> = {
  kind: "coopMissedRun",
  stage: "trigger",
  params: MissedRunParams,
  check: (rule, book) => [...checkCycle(book), ...checkPicked(rule.params.gap, rule, book)],
  trigger: demotionTrigger,
};

export const coopReinstate: TriggerKind<ReinstateParams> = {
  kind: "coopReinstate",
  stage: "trigger",
  params: ReinstateParams,
  check: (rule, book) => [...checkCycle(book), ...checkPicked(rule.params.gap, rule, book)],
  trigger(rule, ctx) {
    const c = cycleFor(rule, ctx);
    if (c === undefined || isUnavailable(c)) return c;
    const d = c.current;
    if (!d || d.eligibleFrom === undefined) return undefined;
    const months = d.completed.map(monthOfIndex);
    const from = monthOfIndex(d.eligibleFrom);
    return {
      rule: rule.id,
      action: rule.params.action,
      reasons: [
        reason(
          rule.id,
          `${months.join("、")} 连续 ${rule.params.months} 个月完成任务 → 自 ${from} 起可由本人申请,经组织考核后重新转聘为客户经理`,
          `${months.join(", ")}: tasks completed ${rule.params.months} months running → may apply from ${from} and, after an assessment, be re-appointed CM`,
        ),
      ],
    };
  },
};
