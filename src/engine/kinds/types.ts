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

/**
 * Reasons, or a function that words them when the explanation is first read: a ledger explains every month in
 * two languages, which costs more than computing it, and many callers never read the explanation.
 */
export type LaterReasons = Reason[] | (() => Reason[]);

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
  /** Results of earlier stages, for later ones (a demotion rule reads the score). */
  score?: Dec;
  /** Trigger rules that could not be judged for lack of data; a status kind must not call such a manager "normal". */
  unjudged?: string[];
}

export interface ScoreItem {
  rule: string;
  points: Dec;
  reasons: LaterReasons;
}

export interface Trigger {
  rule: string;
  action: string;
  reasons: Reason[];
}


export interface RiskDepositOutcome {
  withheld: Dec;
  balance: Dec;
  refundable: Dec;
  reasons: LaterReasons;
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
/** Recorded but not computable from workbook data; `params.reason` says why. */
export interface RecordKind<P> extends KindBase<P> {
  stage: "record";
}
export interface ScoreItemKind<P> extends KindBase<P> {
  stage: "scoreItem";
  score(rule: CompiledRule<P>, ctx: EvalContext): ScoreItem | Unavailable;
}
export interface ScoreTotalKind<P> extends KindBase<P> {
  stage: "scoreTotal";
  /** Which item rules score this manager; undefined = not scored (with the reason). */
  items(rule: CompiledRule<P>, ctx: EvalContext): string[] | Unavailable;
  total(rule: CompiledRule<P>, ctx: EvalContext, items: ScoreItem[]): { total: Dec; reasons: LaterReasons };
}
export interface GradeKind<P> extends KindBase<P> {
  stage: "grade";
  grade(rule: CompiledRule<P>, ctx: EvalContext): GradeOutcome | Unavailable;
}
export interface PayKind<P> extends KindBase<P> {
  stage: "pay";
  pay(rule: CompiledRule<P>, ctx: EvalContext): PayOutcome | Unavailable | undefined;
}
export interface RiskDepositKind<P> extends KindBase<P> {
  stage: "riskDeposit";
  riskDeposit(rule: CompiledRule<P>, ctx: EvalContext): RiskDepositOutcome | Unavailable | undefined;
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
  | RecordKind<any>
  | ScoreItemKind<any>
  | ScoreTotalKind<any>
  | GradeKind<any>
  | PayKind<any>
  | RiskDepositKind<any>
  | TriggerKind<any>
  | StatusKind<any>
  | ToolKind<any, any>;
