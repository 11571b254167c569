/**
 * Clause: the appraisal score against a threshold ("综合考核85分以下", H003-DEMOTE-CM-SCORE; "70分以下",
 * H003-DISMISS-CM-SCORE; "90分以下", H003-DEMOTE-PRESIDENT). The score is the one the pipeline computed earlier
 * from the rulebook's scoring rules; without it the clause cannot be judged (never read as "not fired").
 */
import { z } from "zod";
import { holds, NEGATED_SYMBOL, SYMBOL } from "../../compare";
import { plain } from "../../format";
import { isUnavailable, reason, unavailable } from "../../outcome";
import type { EvalContext } from "../types";
import { Action, resolveThreshold, Threshold, type ClauseResult } from "./common";

export const ScoreClause = z.object({ id: z.string().min(1), action: Action.optional(), score: Threshold }).strict();
export type ScoreClause = z.infer<typeof ScoreClause>;

export function evaluateScoreClause(c: ScoreClause, ctx: EvalContext, rule: string): ClauseResult {
  if (ctx.score === undefined) {
    return { ...unavailable("na", rule, "综合考核得分不可用,无法判断", "the appraisal score is not available, cannot judge"), id: c.id, action: c.action };
  }
  const t = resolveThreshold(c.score, ctx.book, ctx.settings, rule);
  if (isUnavailable(t)) return { ...t, id: c.id, action: c.action };
  const score = ctx.score;
  const held = holds(score, t.op, t.value);
  const sym = held ? SYMBOL[t.op] : NEGATED_SYMBOL[t.op];
  return {
    id: c.id,
    held,
    action: c.action,
    why: () => [reason(rule, `综合考核得分 ${plain(score)} ${sym} ${plain(t.value)}`, `appraisal score ${plain(score)} ${sym} ${plain(t.value)}`)],
  };
}
