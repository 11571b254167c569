/**
 * G001-COMPLETION-RATE: completion = actual ÷ plan, exact, reported once per G001-RATE-ROUNDING. No cap at 100 %
 * (over-completion is shown); a negative actual gives a negative completion. Plan 0 or below is an input error
 * (#VALUE!), never 0 and never Infinity. `completionRate` is the pure core, shared with the custom functions.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { plain } from "../../format";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { checkSettingRefs, DecInput, PercentParams, percentSpec, percentValue } from "./common";

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

const Params = z.object({ percent: PercentParams.optional(), label: Bilingual.optional() }).strict();
type Params = z.infer<typeof Params>;

const Input = z.object({ actual: DecInput, plan: DecInput }).strict();
type Input = z.infer<typeof Input>;

export const completionRateKind: ToolKind<Params, Input> = {
  kind: "completionRate",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, book, settings) {
    const spec = percentSpec(rule.params.percent, book, settings, rule.id);
    if (isUnavailable(spec)) return spec;
    const rate = completionRate(input.actual, input.plan, rule.id);
    if (isUnavailable(rate)) return rate;
    const v = percentValue(rate, spec);
    const label = rule.params.label ?? { zh: "完成率", en: "completion" };
    const over = rate.gt(1) ? { zh: "(超额完成,不封顶)", en: " (over plan, no cap)" } : { zh: "", en: "" };
    return {
      value: v,
      reasons: [
        reason(
          rule.id,
          `${label.zh} = 实际 ${plain(input.actual)} ÷ 计划 ${plain(input.plan)} = ${v.text}${over.zh}`,
          `${label.en} = actual ${plain(input.actual)} / plan ${plain(input.plan)} = ${v.text}${over.en}`,
        ),
      ],
    };
  },
};
