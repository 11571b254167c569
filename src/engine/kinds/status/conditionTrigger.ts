/**
 * A status trigger made of alternative clauses (「有下列情况之一的」): it fires when any clause holds.
 * Used for H003-DEMOTE-CM-COLLECTION, H003-DEMOTE-CM-SCORE, H003-DISMISS-CM-SCORE, H003-DISMISS-CM-CONDUCT,
 * H003-DEMOTE-PRESIDENT, H003-DISMISS-PRESIDENT-ACCIDENT and H003-RISK-OFFPOST-COLLECTION.
 *
 * - Each clause may name its own action; the first clause (in rulebook order) that holds decides the action, so a
 *   rule lists its strongest consequence first (accident with a loss ≥ threshold → dismiss; accident → demote).
 * - A clause that cannot be judged (missing data) does not count as "not fired": if no clause holds the trigger is
 *   unavailable with the reason; if another clause holds it fires and the explanation says what could not be judged.
 * - `evaluateIn` / `evaluateAt` limit when the rule is judged (annual only, or at an evaluation date).
 */
import { z } from "zod";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import type { CompiledRule } from "../../rulebook/compile";
import type { EvalContext, TriggerKind } from "../types";
import { Action, ACTIONS, type ActionName, type ClauseOutcome } from "./common";
import { checkClause, Clause, evaluateClause } from "./clauses";
import { checkGate, EvaluateAt, EvaluateIn, judgedRecord } from "./window";

const Params = z
  .object({
    action: Action,
    clauses: z.array(Clause).min(1),
    evaluateIn: EvaluateIn.optional(),
    evaluateAt: EvaluateAt.optional(),
  })
  .strict()
  .refine((p) => new Set(p.clauses.map((c) => c.id)).size === p.clauses.length, { message: "clause ids must be unique" });
export type ConditionParams = z.infer<typeof Params>;

export interface ConditionsOutcome {
  /** The period whose record was judged (differs from the appraised one at an evaluation date). */
  period: string;
  held: ClauseOutcome[];
  notHeld: ClauseOutcome[];
  unknown: Array<Unavailable & { id: string; action?: ActionName }>;
}

/** All clauses of the rule on this context; "skip" when the rule is not judged in this period. */
export function evaluateConditions(rule: CompiledRule<ConditionParams>, ctx: EvalContext): ConditionsOutcome | "skip" | Unavailable {
  const judged = judgedRecord(rule.params, ctx, rule.id);
  if (judged === "skip" || isUnavailable(judged)) return judged;
  const out: ConditionsOutcome = { period: judged.period, held: [], notHeld: [], unknown: [] };
  for (const c of rule.params.clauses) {
    const r = evaluateClause(c, ctx, judged.record, rule.id);
    if (isUnavailable(r)) out.unknown.push(r);
    else (r.held ? out.held : out.notHeld).push(r);
  }
  return out;
}

export function combineUnknown(rule: string, unknown: Unavailable[]): Unavailable {
  return unavailable(unknown[0].code, rule, unknown.map((u) => u.zh).join(";"), unknown.map((u) => u.en).join("; "));
}

/** Reasons of the held clauses that carry the chosen action (an accident's "→ demote" is moot once its loss dismisses). */
export function firedReasons(rule: string, o: ConditionsOutcome, ctx: EvalContext, defaultAction: ActionName): Reason[] {
  const at = o.period !== ctx.period ? { zh: `${o.period}:`, en: `${o.period}: ` } : { zh: "", en: "" };
  const chosen = o.held[0].action ?? defaultAction;
  const reasons = o.held.filter((c) => (c.action ?? defaultAction) === chosen).flatMap((c) => {
    const a = ACTIONS[c.action ?? defaultAction];
    // No space after a full-width parenthesis (Chinese typography).
    return c.why().map((r) => reason(rule, `${at.zh}${r.zh}${r.zh.endsWith(")") ? "" : " "}→ ${a.zh}`, `${at.en}${r.en} → ${a.en}`));
  });
  for (const u of o.unknown) reasons.push(reason(rule, `无法判断:${u.zh}`, `cannot tell: ${u.en}`));
  return reasons;
}

export const conditionTrigger: TriggerKind<ConditionParams> = {
  kind: "conditionTrigger",
  stage: "trigger",
  params: Params,
  check(rule, book) {
    return [...checkGate(rule.params, book), ...rule.params.clauses.flatMap((c) => checkClause(c, book))];
  },
  trigger(rule, ctx) {
    const o = evaluateConditions(rule, ctx);
    if (o === "skip") return undefined;
    if (isUnavailable(o)) return o;
    if (o.held.length === 0) return o.unknown.length > 0 ? combineUnknown(rule.id, o.unknown) : undefined;
    return { rule: rule.id, action: o.held[0].action ?? rule.params.action, reasons: firedReasons(rule.id, o, ctx, rule.params.action) };
  },
};
