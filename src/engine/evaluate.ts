/**
 * The appraisal pipeline: for one manager and one period, a format-2 rulebook evaluates itself (rulebook2/outcome.ts);
 * a format-1 rulebook runs its kinds' stages in order (grade → pay → status triggers → status), collecting every
 * reason. No format-1 kind scores or keeps a risk-deposit ledger any more: those outputs come from format-2
 * rulebooks only. Stages a rulebook does not have leave their output absent (never zero). Values stay exact Decs
 * here; results.ts writes them out with the rulebook's rounding, once.
 */
import { ZERO, type Dec } from "./decimal";
import type { AnyKind, EvalContext, GradeOutcome, PayKind, ScoreItem, StatusKind, Trigger, TriggerKind, GradeKind } from "./kinds/types";
import type { ManagerInput, PeriodRecord, Reason } from "./model";
import type { Value } from "./lang/values";
import { asReason, isUnavailable, type Unavailable } from "./outcome";
import { monthRange } from "./periods";
import type { CompiledRule, CompiledRulebook } from "./rulebook/compile";
import { rulesOfStage } from "./rulebook/lookups";
import { appliesTo, variantFor } from "./rulebook/variants";
import type { Settings } from "./settings";
import { evaluateManager2 } from "./rulebook2/outcome";

export interface ManagerOutcome {
  id: string;
  grade?: string;
  /** What the grade stage found the results support; null = no grade qualifies (B002-GRADE-RESULT). */
  attainedGrade?: string | null;
  score?: Dec;
  scoreItems?: ScoreItem[];
  commission?: Dec;
  riskDeposit?: { withheld: Dec; balance: Dec; refundable: Dec };
  status?: string;
  nextGrade?: GradeOutcome["nextGrade"];
  explanation: Reason[];
  /** Outputs the rulebook computes but that could not be computed for this manager, and why. */
  unavailable: Array<Reason & { output: string; code: Unavailable["code"] }>;
  /** An annual rule evaluated on a shorter period (a month's year-to-date view). */
  provisional?: boolean;
  /** Further figures a format-2 rulebook reports by name (net pay, a fee apart from commission). */
  values?: Record<string, Value>;
  /** What decided the status, as data: each trigger that fired, the status it fires, its reason code and period. */
  outcomes?: Array<{ rule: string; fires: string; code?: string; period: string }>;
  /** Reason codes (format 2): of the triggers that fired, and of those that could not be judged for lack of data. */
  reasonCodes?: { fired: string[]; undetermined: string[] };
}

export function makeContext(book: CompiledRulebook, settings: Settings, manager: ManagerInput, period: string): EvalContext {
  const last = monthRange(period).last;
  const history: PeriodRecord[] = manager.history.filter((r) => monthRange(r.period).last <= last);
  const record = history.find((r) => r.period === period);
  return {
    book,
    settings,
    manager,
    period,
    record,
    history,
    role: record?.role ?? manager.role,
    grade: record?.grade ?? manager.grade,
  };
}

function ofStage<K extends AnyKind>(book: CompiledRulebook, stage: K["stage"]): readonly CompiledRule[] {
  return rulesOfStage(book, stage);
}

/** The variant in force, or undefined when the rule does not apply to this manager. */
function active(rule: CompiledRule, ctx: EvalContext): CompiledRule | undefined {
  if (!appliesTo(rule, ctx.role, ctx.grade)) return undefined;
  if (rule.variants.length === 0) return rule;
  return variantFor(rule, (k) => ctx.settings.get(k), ctx.role, ctx.grade);
}

function cite(reasons: Reason[], rule: CompiledRule): Reason[] {
  // A variant that implements another rule id names it in the explanation too.
  if (rule.cites.length === 0) return reasons;
  return reasons.map((r) => ({ ...r, rule: [r.rule, ...rule.cites].join(", ") }));
}

export function evaluateManager(book: CompiledRulebook, settings: Settings, manager: ManagerInput, period: string): ManagerOutcome {
  if (book.v2) return evaluateManager2(book.v2, settings, manager, period);
  const ctx = makeContext(book, settings, manager, period);
  // The explanation lists every stage's reasons in pipeline order.
  const out: ManagerOutcome = { id: manager.id, explanation: [], unavailable: [] };
  const miss = (output: string, u: Unavailable) => {
    const r = asReason(u);
    out.unavailable.push({ rule: r.rule, zh: r.zh, en: r.en, output, code: u.code });
  };

  // Grade
  for (const g of ofStage<GradeKind<unknown>>(book, "grade")) {
    const rule = active(g, ctx);
    if (!rule) continue;
    const res = (rule.kind as GradeKind<unknown>).grade(rule, ctx);
    if (isUnavailable(res)) miss("grade", res);
    else {
      out.grade = res.grade;
      out.attainedGrade = res.grade ?? null;
      out.nextGrade = res.nextGrade;
      out.explanation.push(...cite(res.reasons, rule));
      ctx.attainedGrade = res.grade;
    }
    break;
  }

  // Pay
  // Pay is the sum of every pay rule that applies; a part that cannot be computed is listed in `unavailable`.
  for (const p of ofStage<PayKind<unknown>>(book, "pay")) {
    const rule = active(p, ctx);
    if (!rule) continue;
    const res = (rule.kind as PayKind<unknown>).pay(rule, ctx);
    if (res === undefined) continue;
    if (isUnavailable(res)) miss("commission", res);
    else {
      out.commission = (out.commission ?? ZERO).plus(res.amount);
      out.explanation.push(...cite(res.reasons, rule));
    }
  }

  // Status
  const fired: Trigger[] = [];
  for (const t of ofStage<TriggerKind<unknown>>(book, "trigger")) {
    const rule = active(t, ctx);
    if (!rule) continue;
    const res = (rule.kind as TriggerKind<unknown>).trigger(rule, ctx);
    if (res === undefined) continue;
    if (isUnavailable(res)) miss("status", res);
    else fired.push(rule.cites.length === 0 ? res : { ...res, reasons: cite(res.reasons, rule) });
  }
  // A trigger's reasons are kept even without a status rule to combine them.
  for (const f of fired) out.explanation.push(...f.reasons);
  const statusRule = ofStage<StatusKind<unknown>>(book, "status")[0];
  if (statusRule) {
    const rule = active(statusRule, ctx) ?? statusRule;
    const res = (rule.kind as StatusKind<unknown>).status(rule, ctx, fired);
    out.status = res.status;
    if (res.grade !== undefined) out.grade = res.grade;
    out.explanation.push(...res.reasons);
  }
  if (out.grade === undefined && statusRule && ctx.grade !== undefined) out.grade = ctx.grade;
  return out;
}
