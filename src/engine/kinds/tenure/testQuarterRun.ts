/**
 * Test: quarterly completion below a bar for N consecutive quarters, judged at each quarter end inside the appraised
 * period (「连续两个季度…达不到计划的80」, 「连续两个季度未完成任务」). It is a state, not a counter: it holds again at
 * the next quarter if that one is also below. Consecutive quarters run across year ends (Q4 then Q1). Each quarter
 * reads its own quarterly record (YYYY-Qn); a quarter without one cannot be judged.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import type { Reason } from "../../model";
import { isUnavailable, reason, type Unavailable } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext } from "../types";
import { previousQuarter, quarterEndsIn, show } from "./common";
import { checkMeasure, completionOf, Measure } from "./completion";
import type { TestResult } from "./testTypes";

export const QuarterRunTest = z
  .object({
    completion: Measure,
    below: Condition,
    quarters: z.number().int().min(1),
  })
  .strict();
export type QuarterRunTest = z.infer<typeof QuarterRunTest>;

export function checkQuarterRun(t: QuarterRunTest, book: CompiledRulebook): string[] {
  return checkMeasure(t.completion, book);
}

/** Whether the run ending at quarter q holds. */
export function runAt(t: QuarterRunTest, q: string, ctx: EvalContext, rule: string): TestResult {
  const op = opOf(ctx.book, ctx.settings, t.below);
  const bar = show(t.below.value, "rate", ctx.book);
  const parts: Array<{ zh: string; en: string }> = [];
  let unknown: Unavailable | undefined;
  let quarter = q;
  const chain: string[] = [];
  for (let k = 0; k < t.quarters; k++) { // int: quarter count
    chain.unshift(quarter);
    quarter = previousQuarter(quarter);
  }
  for (const period of chain) {
    const record = ctx.history.find((r) => r.period === period);
    const c = completionOf(t.completion, record, ctx.book, ctx.settings, rule, period);
    if (isUnavailable(c)) {
      unknown ??= c;
      continue;
    }
    const below = holds(c.value, op, t.below.value);
    const sym = below ? SYMBOL[op] : NEGATED_SYMBOL[op];
    if (!below) return { held: false, reasons: [reason(rule, `${period} ${c.zh} ${sym} ${bar}`, `${period}: ${c.en} ${sym} ${bar}`)] };
    parts.push({ zh: `${period} ${c.zh} ${sym} ${bar}`, en: `${period}: ${c.en} ${sym} ${bar}` });
  }
  if (unknown) return unknown;
  const r: Reason = reason(rule, parts.map((p) => p.zh).join(";"), parts.map((p) => p.en).join("; "));
  return { held: true, reasons: [r] };
}

export function evaluateQuarterRun(t: QuarterRunTest, ctx: EvalContext, rule: string): TestResult {
  const held: Reason[] = [];
  let unknown: Unavailable | undefined;
  for (const q of quarterEndsIn(ctx.period)) {
    const r = runAt(t, q, ctx, rule);
    if (isUnavailable(r)) unknown ??= r;
    else if (r.held) held.push(...r.reasons);
  }
  if (held.length > 0) return { held: true, reasons: held };
  return unknown ?? { held: false, reasons: [] };
}
