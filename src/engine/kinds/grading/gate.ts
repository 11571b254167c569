/**
 * When a grading rule is judged: an annual rule can be limited to some period kinds, fixed or by a setting
 * (B002-GRADE-RESULT by `b002.payGrade.basis`: yearly records only, or every period's year-to-date record).
 * Outside those periods the rule is not judged ("skip"), which is not the same as "cannot tell".
 */
import { z } from "zod";
import type { PeriodRecord } from "../../model";
import { periodKind } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext } from "../types";

const PERIOD_KINDS = ["month", "quarter", "halfYear", "year"] as const;
const PeriodKinds = z.array(z.enum(PERIOD_KINDS)).min(1);

/** Period kinds in which the rule is judged, fixed or by a setting (annual → ["year"], monthlyYtd → all). */
export const EvaluateIn = z.union([PeriodKinds, z.object({ setting: z.string(), cases: z.record(z.string(), PeriodKinds) }).strict()]);
export type EvaluateIn = z.infer<typeof EvaluateIn>;

export interface Gate {
  evaluateIn?: EvaluateIn;
}

/** The record a rule judges (the appraised period's), or "skip": the rule is not judged in this period. */
export type Judged = { record: PeriodRecord | undefined; period: string } | "skip";

export function judgedRecord(gate: Gate, ctx: EvalContext, rule: string): Judged {
  if (gate.evaluateIn) {
    const kinds = Array.isArray(gate.evaluateIn) ? gate.evaluateIn : gate.evaluateIn.cases[String(ctx.settings.get(gate.evaluateIn.setting))];
    // checkGate makes every value of the setting a case; reaching this is a rulebook bug.
    if (!kinds) throw new Error(`${rule}: evaluateIn has no case for ${String(ctx.settings.get((gate.evaluateIn as { setting: string }).setting))}`);
    const kind = periodKind(ctx.period);
    if (kind === undefined || !kinds.includes(kind)) return "skip";
  }
  return { record: ctx.record, period: ctx.period };
}

/** Load-time check: the setting is declared, and every value it may take has a case. */
export function checkGate(gate: Gate, book: CompiledRulebook): string[] {
  const e = gate.evaluateIn;
  if (!e || Array.isArray(e)) return [];
  const def = book.doc.settings[e.setting];
  if (!def) return [`setting ${e.setting} is not declared`];
  return (def.values ?? []).filter((v) => !(String(v) in e.cases)).map((v) => `no case for ${e.setting} = ${String(v)}`);
}
