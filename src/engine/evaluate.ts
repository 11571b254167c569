/**
 * The appraisal pipeline: for one manager and one period, run the rulebook's stages in order
 * (score items → total → grade → pay → risk deposit → status triggers → status), collecting every reason.
 * Stages a rulebook does not have leave their output absent (never zero). Values stay exact Decs here;
 * results.ts writes them out with the rulebook's rounding, once.
 */
import { ZERO, type Dec } from "./decimal";
import type { AnyKind, EvalContext, GradeOutcome, PayKind, RiskDepositKind, ScoreItem, ScoreItemKind, ScoreTotalKind, StatusKind, Trigger, TriggerKind, GradeKind } from "./kinds/types";
import type { ManagerInput, PeriodRecord, Reason } from "./model";
import { asReason, isUnavailable, type Unavailable } from "./outcome";
import { monthRange } from "./periods";
import type { CompiledRule, CompiledRulebook } from "./rulebook/compile";
import { appliesTo, variantFor } from "./rulebook/variants";
import type { Settings } from "./settings";

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

function ofStage<K extends AnyKind>(book: CompiledRulebook, stage: K["stage"]): CompiledRule[] {
  return book.rules.filter((r) => r.kind.stage === stage);
}

/** The variant in force, or undefined when the rule does not apply to this manager. */
function active(rule: CompiledRule, ctx: EvalContext): CompiledRule | undefined {
  if (!appliesTo(rule, ctx.role, ctx.grade)) return undefined;
  return variantFor(rule, (k) => ctx.settings.get(k), ctx.role, ctx.grade);
}

function cite(reasons: Reason[], rule: CompiledRule): Reason[] {
  // A variant that implements another rule id (H003-SCORE-CM-STEPS) names it in the explanation too.
  if (rule.cites.length === 0) return reasons;
  return reasons.map((r) => ({ ...r, rule: [r.rule, ...rule.cites].join(", ") }));
}

export function evaluateManager(book: CompiledRulebook, settings: Settings, manager: ManagerInput, period: string): ManagerOutcome {
  const ctx = makeContext(book, settings, manager, period);
  const out: ManagerOutcome = { id: manager.id, explanation: [], unavailable: [] };
  const miss = (output: string, u: Unavailable) => out.unavailable.push({ ...asReason(u), output, code: u.code });

  // Score
  const totalRule = ofStage<ScoreTotalKind<unknown>>(book, "scoreTotal")[0];
  if (totalRule) {
    const rule = active(totalRule, ctx);
    if (rule) {
      const kind = rule.kind as ScoreTotalKind<unknown>;
      const ids = kind.items(rule, ctx);
      if (isUnavailable(ids)) miss("score", ids);
      else {
        const items: ScoreItem[] = [];
        let failed = false;
        for (const id of ids) {
          const itemRule = book.byId.get(id)!;
          const r = active(itemRule, ctx) ?? itemRule;
          const res = (r.kind as ScoreItemKind<unknown>).score(r, ctx);
          if (isUnavailable(res)) {
            miss("score", res);
            failed = true;
          } else items.push({ ...res, reasons: cite(res.reasons, r) });
        }
        if (!failed) {
          const { total, reasons } = kind.total(rule, ctx, items);
          out.score = total;
          out.scoreItems = items;
          ctx.score = total;
          for (const i of items) out.explanation.push(...i.reasons);
          out.explanation.push(...reasons);
          if (totalRule.doc.period === "year" && !/^\d{4}$/.test(period)) out.provisional = true;
        }
      }
    }
  }

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

  // Risk deposit
  for (const p of ofStage<RiskDepositKind<unknown>>(book, "riskDeposit")) {
    const rule = active(p, ctx);
    if (!rule) continue;
    const res = (rule.kind as RiskDepositKind<unknown>).riskDeposit(rule, ctx);
    if (res === undefined) continue;
    if (isUnavailable(res)) miss("riskDeposit", res);
    else {
      out.riskDeposit = { withheld: res.withheld, balance: res.balance, refundable: res.refundable };
      out.explanation.push(...cite(res.reasons, rule));
    }
    break;
  }

  // Status
  const fired: Trigger[] = [];
  for (const t of ofStage<TriggerKind<unknown>>(book, "trigger")) {
    const rule = active(t, ctx);
    if (!rule) continue;
    const res = (rule.kind as TriggerKind<unknown>).trigger(rule, ctx);
    if (res === undefined) continue;
    if (isUnavailable(res)) {
      miss("status", res);
      (ctx.unjudged ??= []).push(rule.id);
    } else fired.push({ ...res, reasons: cite(res.reasons, rule) });
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
