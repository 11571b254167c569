/**
 * The clauses a condition trigger combines (one rule of the seed often lists several alternatives:
 * "score 90 or below, NPL above 10 %, or a key indicator 90 % or below"). Each clause is one small evaluator.
 */
import { z } from "zod";
import type { PeriodRecord } from "../../model";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext } from "../types";
import { checkChoice, checkSetting, type ClauseResult, type Threshold } from "./common";
import { checkCompletionClause, CompletionClause, evaluateCompletionClause } from "./clauseCompletion";
import { evaluateFlagsClause, evaluateSumClause, FlagsClause, SumClause } from "./clauseEvents";
import { evaluateIndicatorClause, IndicatorClause } from "./clauseIndicator";
import { evaluateScoreClause, ScoreClause } from "./clauseScore";
import { WINDOWS } from "./window";

export const Clause = z.union([ScoreClause, IndicatorClause, FlagsClause, SumClause, CompletionClause]);
export type Clause = z.infer<typeof Clause>;

/** `record` is the record the rule judges (the appraised one, or that of an evaluation date). */
export function evaluateClause(c: Clause, ctx: EvalContext, record: PeriodRecord | undefined, rule: string): ClauseResult {
  if ("score" in c) return evaluateScoreClause(c, ctx, rule);
  if ("indicator" in c) return evaluateIndicatorClause(c, ctx, record, rule);
  if ("flags" in c) return evaluateFlagsClause(c, ctx, rule);
  if ("sum" in c) return evaluateSumClause(c, ctx, rule);
  return evaluateCompletionClause(c, ctx, record, rule);
}

export function checkClause(c: Clause, book: CompiledRulebook): string[] {
  const threshold = (t: Threshold) => checkSetting(t.setting, book);
  if ("score" in c) return threshold(c.score);
  if ("indicator" in c) return threshold(c.when);
  if ("flags" in c) return checkChoice(c.window, WINDOWS, book);
  if ("sum" in c) return [...threshold(c.when), ...checkChoice(c.window, WINDOWS, book)];
  return [...threshold(c.when), ...checkCompletionClause(c, book)];
}
