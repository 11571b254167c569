/**
 * Points by band: the first band whose conditions all hold gives the points (H003-SCORE-NPL:
 * 0 → 30, ≤1% → 20, 1%–5% → 10, ≥5% → 0). Band edges are data, and a setting may swap in other edges
 * through the rule's overrides.
 */
import { z } from "zod";
import { Condition, opOf, holds, SYMBOL } from "../../compare";
import { Quantity } from "../../compare";
import { plain } from "../../format";
import { evaluateIndicator, IndicatorSchema } from "../../indicator";
import { isUnavailable, reason, unavailable } from "../../outcome";
import type { ScoreItemKind } from "../types";
import { show, WhenNone } from "./common";
import { applyWhenNone } from "./whenNone";

const Params = z
  .object({
    indicator: IndicatorSchema,
    /** Base points of the item (for the "no loans" case and for the maximum). */
    base: Quantity,
    bands: z.array(z.object({ when: z.array(Condition).min(1), points: Quantity }).strict()).min(1),
    whenNone: WhenNone.optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

export const bandScore: ScoreItemKind<Params> = {
  kind: "bandScore",
  stage: "scoreItem",
  params: Params,
  score(rule, ctx) {
    const p = rule.params;
    const none = applyWhenNone(p.whenNone, ctx, rule.id, p.base);
    if (none) return none;
    const ind = evaluateIndicator(p.indicator, ctx.record, ctx.book, ctx.settings, rule.id);
    if (isUnavailable(ind)) return ind;
    for (const band of p.bands) {
      const ops = band.when.map((c) => ({ op: opOf(ctx.book, ctx.settings, c), value: c.value }));
      if (ops.every((c) => holds(ind.value, c.op, c.value))) {
        const book = ctx.book;
        // Worded when the explanation is read.
        const reasons = () => {
          const x = show(ind.value, ind.unit, book);
          const cond = ops.map((c) => `${SYMBOL[c.op]} ${show(c.value, ind.unit, book)}`).join(" 且 ");
          const condEn = ops.map((c) => `${SYMBOL[c.op]} ${show(c.value, ind.unit, book)}`).join(" and ");
          return [reason(rule.id, `${ind.label.zh} ${x}(${cond})→ ${plain(band.points)} 分`, `${ind.label.en} ${x} (${condEn}) → ${plain(band.points)} points`)];
        };
        return { rule: rule.id, points: band.points, reasons };
      }
    }
    return unavailable("value", rule.id, `${ind.label.zh}不在任何分档内`, `${ind.label.en} falls in no band`);
  },
};
