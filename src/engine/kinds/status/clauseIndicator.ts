/**
 * Clause: an indicator of the judged record against a threshold ("贷款收息率低于99%", H003-DEMOTE-CM-COLLECTION;
 * "贷款不良率超过10%", H003-DEMOTE-PRESIDENT; "收贷收息率要达到99.5%", H003-RISK-OFFPOST-COLLECTION).
 * The indicator is declared in data exactly as the scoring rules declare theirs, so a setting that changes what is
 * measured (`h003.collection.source`) changes it here too. A missing input makes the clause unavailable.
 */
import { z } from "zod";
import { holds, NEGATED_SYMBOL, SYMBOL } from "../../compare";
import { evaluateIndicator, IndicatorSchema } from "../../indicator";
import type { PeriodRecord } from "../../model";
import { isUnavailable, reason } from "../../outcome";
import type { EvalContext } from "../types";
import { show } from "../scoring/common";
import { Action, resolveThreshold, Threshold, type ClauseResult } from "./common";

export const IndicatorClause = z.object({ id: z.string().min(1), action: Action.optional(), indicator: IndicatorSchema, when: Threshold }).strict();
export type IndicatorClause = z.infer<typeof IndicatorClause>;

export function evaluateIndicatorClause(c: IndicatorClause, ctx: EvalContext, record: PeriodRecord | undefined, rule: string): ClauseResult {
  const ind = evaluateIndicator(c.indicator, record, ctx.book, ctx.settings, rule);
  if (isUnavailable(ind)) return { ...ind, id: c.id, action: c.action };
  const t = resolveThreshold(c.when, ctx.book, ctx.settings, rule);
  if (isUnavailable(t)) return { ...t, id: c.id, action: c.action };
  const held = holds(ind.value, t.op, t.value);
  const sym = held ? SYMBOL[t.op] : NEGATED_SYMBOL[t.op];
  const book = ctx.book;
  const why = () => {
    const x = show(ind.value, ind.unit, book);
    const v = show(t.value, ind.unit, book);
    return [reason(rule, `${ind.label.zh} ${x} ${sym} ${v}`, `${ind.label.en} ${x} ${sym} ${v}`)];
  };
  return { id: c.id, held, action: c.action, why };
}
