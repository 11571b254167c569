/**
 * Completion = actual ÷ plan, exact (G001-COMPLETION-RATE), for the format-1 kinds that compute it on their own
 * data (the credit cooperative's task months). No cap at 100 %; a plan of 0 or below is an input error (#VALUE!),
 * never 0 and never Infinity. The rule itself, as a tool, is the g-general rulebook's G001-COMPLETION-RATE.
 */
import type { Dec } from "../../decimal";
import { plain } from "../../format";
import { unavailable, type Unavailable } from "../../outcome";

export const COMPLETION_RATE_RULE = "G001-COMPLETION-RATE";

/** What the denominator is called in messages (计划 / plan, 年度目标 / annual target). */
export interface PlanWords {
  zh: string;
  en: string;
}
const PLAN: PlanWords = { zh: "计划", en: "plan" };

/** actual ÷ plan as an exact fraction (1.0249809917… for 12 402.27 / 12 100), or why there is none. */
export function completionRate(actual: Dec, plan: Dec, rule: string = COMPLETION_RATE_RULE, words: PlanWords = PLAN): Dec | Unavailable {
  if (plan.isZero()) return unavailable("value", rule, `${words.zh}为 0,无法计算完成率`, `${words.en} is 0`);
  if (plan.isNegative()) return unavailable("value", rule, `${words.zh}必须大于 0(现为 ${plain(plan)})`, `${words.en} must be > 0 (got ${plain(plan)})`);
  return actual.div(plan);
}
