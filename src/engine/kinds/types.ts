/**
 * The contract between the pipeline and rule kinds. A kind is a small interpreter: it declares the shape of its
 * `params` (validated when a rulebook is loaded) and, for the stage it belongs to, how to evaluate a rule.
 * Kinds read inputs only through the EvalContext, so the same rule behaves the same in a cell function, the
 * taskpane and the command line.
 */
import type { z } from "zod";
import type { Dec } from "../decimal";
import type { ManagerInput, PeriodRecord, Reason } from "../model";
import type { Unavailable } from "../outcome";
import type { CompiledRule, CompiledRulebook } from "../rulebook/compile";
import type { Settings } from "../settings";

export interface EvalContext {
  book: CompiledRulebook;
  settings: Settings;
  manager: ManagerInput;
  /** The appraised period. */
  period: string;
  /** The record of the appraised period, if the history has one. */
  record: PeriodRecord | undefined;
  /** Records up to and including the appraised period, oldest first. */
  history: PeriodRecord[];
  role: string;
  /** The grade the manager holds (appointed) in the appraised period. */
  grade: string | undefined;
  /** The grade the period's results support, when the rulebook has a grade stage (B002-GRADE-RESULT). */
  attainedGrade?: string;
}

/** One score item of a format-2 rulebook's score (no format-1 kind scores any more). */
export interface ScoreItem {
  rule: string;
  points: Dec;
  reasons: Reason[];
}

export interface Trigger {
  rule: string;
  action: string;
  reasons: Reason[];
}


export interface PayOutcome {
  amount: Dec;
  reasons: Reason[];
}

export interface GradeOutcome {
  grade: string | undefined;
  reasons: Reason[];
  /** What is missing for the next grade up, if the kind can tell. */
  nextGrade?: { grade: string; missing: Array<{ field: string; amount: Dec }>; reasons: Reason[] };
}

export interface ToolOutcome {
  value: unknown;
  reasons: Reason[];
}

interface KindBase<P> {
  kind: string;
  params: z.ZodType<P>;
  /** Extra checks against the rest of the rulebook (grades referenced exist, …); return problems. */
  check?(rule: CompiledRule<P>, book: CompiledRulebook): string[];
}

/** Data read by the engine or by other kinds (boundary words, units, vocabularies). */
export interface ConventionKind<P> extends KindBase<P> {
  stage: "convention";
}
/**
 * Stages only a format-2 rulebook's rules have now (a recorded rule, the score and its items, the risk-deposit
 * ledger): wrapBook2 (rulebook2/wrap.ts) names them so every face of the product reads either format alike. No
 * format-1 kind has them, so they carry no method and the format-1 pipeline never runs them.
 */
export interface Format2OnlyKind<P> extends KindBase<P> {
  stage: "record" | "scoreItem" | "scoreTotal" | "riskDeposit";
}
export interface GradeKind<P> extends KindBase<P> {
  stage: "grade";
  grade(rule: CompiledRule<P>, ctx: EvalContext): GradeOutcome | Unavailable;
}
export interface PayKind<P> extends KindBase<P> {
  stage: "pay";
  pay(rule: CompiledRule<P>, ctx: EvalContext): PayOutcome | Unavailable | undefined;
}
/** Fires (or not) a status action: demote, dismiss, warning, offPost, … */
export interface TriggerKind<P> extends KindBase<P> {
  stage: "trigger";
  trigger(rule: CompiledRule<P>, ctx: EvalContext): Trigger | Unavailable | undefined;
}
/** Combines the triggers that fired into one status (precedence, one grade per demotion). */
export interface StatusKind<P> extends KindBase<P> {
  stage: "status";
  status(rule: CompiledRule<P>, ctx: EvalContext, fired: Trigger[]): { status: string; grade?: string; reasons: Reason[] };
}
/** A computation with its own explicit inputs (client band, deadline, completion rate…), for functions and tools. */
export interface ToolKind<P, I = unknown> extends KindBase<P> {
  stage: "tool";
  input: z.ZodType<I>;
  run(rule: CompiledRule<P>, input: I, book: CompiledRulebook, settings: Settings): ToolOutcome | Unavailable;
}

export type AnyKind =
  | ConventionKind<any>
  | Format2OnlyKind<any>
  | GradeKind<any>
  | PayKind<any>
  | TriggerKind<any>
  | StatusKind<any>
  | ToolKind<any, any>;
