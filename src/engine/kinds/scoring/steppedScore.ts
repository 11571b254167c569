/**
 * "达到 T 以上 (base 分),每增加或减少 S 则增加或减少 P 分,最高加 B 分,最低减 D 分"
 * (H003-SCORE-DEPOSIT-GROWTH, H003-SCORE-COLLECTION, H003-SCORE-FEE-INCOME).
 * Steps are counted per H003-CONV-PARTIAL-STEP: completed steps (trunc), pro rata, or started steps below target
 * (floor). All in decimal: (99.8% − 99.5%) / 0.1% is exactly 3 (H003-CONV-DECIMAL).
 */
import { z } from "zod";
import { clamp, max2, ZERO, type Dec } from "../../decimal";
import { plain } from "../../format";
import { evaluateIndicator, IndicatorSchema } from "../../indicator";
import { isUnavailable, reason } from "../../outcome";
import { Quantity } from "../../compare";
import { roundTo } from "../../rounding";
import type { FieldUnit } from "../../fields";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import type { ScoreItemKind } from "../types";
import { show, signed, stepWords, WhenNone } from "./common";
import { applyWhenNone } from "./whenNone";
import { PairCache } from "../../memo";

export const STEP_MODES = ["completedSteps", "proRata", "startedStepsBelowTarget"] as const;
export type StepMode = (typeof STEP_MODES)[number];

const Params = z
  .object({
    indicator: IndicatorSchema,
    target: Quantity,
    step: Quantity,
    pointsPerStep: Quantity,
    base: Quantity,
    maxBonus: Quantity,
    maxDeduction: Quantity,
    /** The setting that chooses the step mode, or a fixed mode. */
    steps: z.union([z.object({ setting: z.string() }).strict(), z.enum(STEP_MODES)]),
    whenNone: WhenNone.optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

export function countSteps(q: Dec, mode: StepMode): Dec {
  switch (mode) {
    case "completedSteps":
      return q.trunc();
    case "proRata":
      return q;
    case "startedStepsBelowTarget":
      return q.floor();
  }
}

/** What a rule's own figures look like in its explanation: the same for every manager, so worked out once. */
interface RuleWords {
  lo: Dec;
  hi: Dec;
  target: string;
  step: { zh: string; en: string };
  per: string;
}

const ruleWords = new PairCache<CompiledRule<Params>, FieldUnit, RuleWords>();

function wordsOf(rule: CompiledRule<Params>, unit: FieldUnit, book: CompiledRulebook): RuleWords {
  return ruleWords.get(rule, unit, () => {
    const p = rule.params;
    return {
      lo: max2(ZERO, p.base.minus(p.maxDeduction)),
      hi: p.base.plus(p.maxBonus),
      target: show(p.target, unit, book),
      step: stepWords(p.step, unit, book),
      per: signed(p.pointsPerStep),
    };
  });
}

export const steppedScore: ScoreItemKind<Params> = {
  kind: "steppedScore",
  stage: "scoreItem",
  params: Params,
  check(rule, book) {
    const s = rule.params.steps;
    if (typeof s === "object" && !book.doc.settings[s.setting]) return [`setting ${s.setting} is not declared`];
    return rule.params.step.lte(0) ? ["step must be > 0"] : [];
  },
  score(rule, ctx) {
    const p = rule.params;
    const none = applyWhenNone(p.whenNone, ctx, rule.id, p.base);
    if (none) return none;
    const ind = evaluateIndicator(p.indicator, ctx.record, ctx.book, ctx.settings, rule.id);
    if (isUnavailable(ind)) return ind;
    const mode: StepMode = typeof p.steps === "string" ? p.steps : ctx.settings.choice<StepMode>(p.steps.setting);
    const q = ind.value.minus(p.target).div(p.step);
    const n = countSteps(q, mode);
    const raw = p.base.plus(n.times(p.pointsPerStep));
    const { lo, hi, target: t, step: sw, per } = wordsOf(rule, ind.unit, ctx.book);
    const points = roundTo(clamp(raw, lo, hi), ctx.book.doc.rounding.points);
    const book = ctx.book;
    // Worded when the explanation is read.
    const reasons = () => {
      const x = show(ind.value, ind.unit, book);
      const cmp = ind.value.gte(p.target) ? "≥" : "<";
      const capNote = raw.gt(hi)
        ? { zh: `(最高 ${plain(hi)} 分)`, en: ` (capped at ${plain(hi)})` }
        : raw.lt(lo)
          ? { zh: `(最低 ${plain(lo)} 分)`, en: ` (floored at ${plain(lo)})` }
          : { zh: "", en: "" };
      const stepsText = n.isInteger() ? plain(n) : plain(n.toDecimalPlaces(4));
      return [
        reason(
          rule.id,
          `${ind.label.zh} ${x} ${cmp} ${t},${sw.zh} ${per} 分,${stepsText} 步 → ${plain(points)} 分${capNote.zh}`,
          `${ind.label.en} ${x} ${cmp} ${t}, ${per} points ${sw.en}, ${stepsText} steps → ${plain(points)} points${capNote.en}`,
        ),
      ];
    };
    return { rule: rule.id, points, reasons };
  },
};
