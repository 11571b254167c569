/**
 * An item with a target and no step rule (H003-SCORE-JUNIOR-DEPOSIT, H003-SCORE-NEW-ACCOUNTS, and every CM item
 * under `h003.cm.applyStepRules = false`): met → full points; below, per a setting, proportional
 * (points × max(0, x) ÷ target, rounded to the rulebook's points decimals) or nothing. No bonus above target.
 */
import { z } from "zod";
import { max2, ZERO, type Dec } from "../../decimal";
import { Condition, opOf, holds, SYMBOL, NEGATED_SYMBOL, Quantity } from "../../compare";
import { plain } from "../../format";
import { evaluateIndicator, IndicatorSchema } from "../../indicator";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { roundTo } from "../../rounding";
import type { ScoreItemKind } from "../types";
import { show } from "./common";

const Params = z
  .object({
    indicator: IndicatorSchema,
    points: Quantity,
    /** Target condition, the same for every grade … */
    target: Condition.optional(),
    /** … or per grade (senior 10, intermediate 7, junior 5 accounts), compared with `word`. */
    targetByGrade: z.object({ word: z.string(), values: z.record(z.string(), Quantity) }).strict().optional(),
    below: z.union([z.object({ setting: z.string() }).strict(), z.enum(["proportional", "allOrNothing"])]),
  })
  .strict()
  .refine((p) => (p.target === undefined) !== (p.targetByGrade === undefined), { message: "give target or targetByGrade" });
type Params = z.infer<typeof Params>;

export const targetScore: ScoreItemKind<Params> = {
  kind: "targetScore",
  stage: "scoreItem",
  params: Params,
  check(rule, book) {
    const byGrade = rule.params.targetByGrade;
    return byGrade ? Object.keys(byGrade.values).filter((g) => !book.gradeIds.includes(g)).map((g) => `unknown grade ${g}`) : [];
  },
  score(rule, ctx) {
    const p = rule.params;
    const ind = evaluateIndicator(p.indicator, ctx.record, ctx.book, ctx.settings, rule.id);
    if (isUnavailable(ind)) return ind;
    let cond: { word?: string; op?: "ge" | "gt" | "le" | "lt" | "eq"; value: Dec };
    if (p.target) cond = p.target;
    else {
      const value = ctx.grade !== undefined ? p.targetByGrade!.values[ctx.grade] : undefined;
      if (!value) return unavailable("na", rule.id, `等级 ${ctx.grade ?? "(空)"} 没有目标`, `no target for grade ${ctx.grade ?? "(blank)"}`);
      cond = { word: p.targetByGrade!.word, value };
    }
    const op = opOf(ctx.book, ctx.settings, cond);
    const book = ctx.book;
    const target = cond.value;
    // The figures as the explanation shows them; the lines are worded when the explanation is read.
    const shown = () => ({ x: show(ind.value, ind.unit, book), t: show(target, ind.unit, book) });
    if (holds(ind.value, op, target)) {
      const reasons = () => {
        const { x, t } = shown();
        return [reason(rule.id, `${ind.label.zh} ${x} ${SYMBOL[op]} ${t} → ${plain(p.points)} 分`, `${ind.label.en} ${x} ${SYMBOL[op]} ${t} → ${plain(p.points)} points`)];
      };
      return { rule: rule.id, points: p.points, reasons };
    }
    const mode = typeof p.below === "string" ? p.below : ctx.settings.choice<string>(p.below.setting);
    if (mode === "proportional" && target.gt(ZERO)) {
      const share = max2(ZERO, ind.value).div(target);
      const points = roundTo(p.points.times(share), book.doc.rounding.points);
      const reasons = () => {
        const { x, t } = shown();
        return [
          reason(
            rule.id,
            `${ind.label.zh} ${x} ${NEGATED_SYMBOL[op]} ${t},按比例 ${plain(p.points)} × ${x} ÷ ${t} → ${plain(points)} 分`,
            `${ind.label.en} ${x} ${NEGATED_SYMBOL[op]} ${t}, pro rata ${plain(p.points)} × ${x} / ${t} → ${plain(points)} points`,
          ),
        ];
      };
      return { rule: rule.id, points, reasons };
    }
    const reasons = () => {
      const { x, t } = shown();
      return [reason(rule.id, `${ind.label.zh} ${x} ${NEGATED_SYMBOL[op]} ${t},未达标 → 0 分`, `${ind.label.en} ${x} ${NEGATED_SYMBOL[op]} ${t}, target missed → 0 points`)];
    };
    return { rule: rule.id, points: ZERO, reasons };
  },
};
