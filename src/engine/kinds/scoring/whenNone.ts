/**
 * "No loans → base points" (H003-SCORE-NPL `h003.npl.noLoans`), "nothing due → base points"
 * (H003-SCORE-COLLECTION `h003.collection.noInterestDue`): when the denominator of an item is zero, the setting
 * gives the base points with that reason, or reports the item as bad input.
 */
import type { Dec } from "../../decimal";
import type { FieldName } from "../../fields";
import { plain } from "../../format";
import { reason, unavailable, type Unavailable } from "../../outcome";
import type { EvalContext, ScoreItem } from "../types";
import type { WhenNone } from "./common";

export function applyWhenNone(
  whenNone: WhenNone | undefined,
  ctx: EvalContext,
  rule: string,
  base: Dec,
): ScoreItem | Unavailable | undefined {
  if (!whenNone) return undefined;
  const v = ctx.record?.values[whenNone.field as FieldName];
  if (v === undefined || !v.isZero()) return undefined;
  if (ctx.settings.get(whenNone.setting) === "error") {
    return unavailable("value", rule, `${whenNone.label.zh},无法计分`, `${whenNone.label.en}: the item cannot be scored`);
  }
  return {
    rule,
    points: base,
    reasons: [reason(rule, `${whenNone.label.zh} → 基本分 ${plain(base)} 分`, `${whenNone.label.en} → base ${plain(base)} points`)],
  };
}
