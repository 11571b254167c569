/**
 * The appraisal pipeline: for one manager and one period, run the rulebook's stages in order
 * (score items → total → grade → pay → risk deposit → status triggers → status), collecting every reason.
 * Stages a rulebook does not have leave their output absent (never zero). Values stay exact Decs here;
 * results.ts writes them out with the rulebook's rounding, once.
 */
import { ZERO, type Dec } from "./decimal";
import type { AnyKind, EvalContext, GradeOutcome, LaterReasons, PayKind, RiskDepositKind, ScoreItem, ScoreItemKind, ScoreTotalKind, StatusKind, Trigger, TriggerKind, GradeKind } from "./kinds/types";
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
  // A variant that implements another rule id (H003-SCORE-CM-STEPS) names it in the explanation too.
  if (rule.cites.length === 0) return reasons;
  return reasons.map((r) => ({ ...r, rule: [r.rule, ...rule.cites].join(", ") }));
}

/** Reasons a stage may word later (the ledger), with the rule's other ids named when they are worded. */
function citeLater(reasons: LaterReasons, rule: CompiledRule): Reason[] | (() => Reason[]) {
  return typeof reasons === "function" ? () => cite(reasons(), rule) : cite(reasons, rule);
}

/**
 * The outcome's explanation is the list of every stage's reasons in pipeline order; parts a stage words later are
 * kept as functions and worded, in place, the first time the explanation is read.
 */
function newOutcome(id: string, parts: Array<Reason[] | (() => Reason[])>): ManagerOutcome {
  let worded: Reason[] | undefined;
  return {
    id,
    get explanation(): Reason[] {
      return (worded ??= parts.flatMap((p) => (typeof p === "function" ? p() : p)));
    },
    set explanation(value: Reason[]) {
      worded = value;
    },
    unavailable: [],
  };
}

export function evaluateManager(book: CompiledRulebook, settings: Settings, manager: ManagerInput, period: string): ManagerOutcome {
  if (book.v2) return evaluateManager2(book.v2, settings, manager, period);
  const ctx = makeContext(book, settings, manager, period);
  const explanation: Array<Reason[] | (() => Reason[])> = [];
  const out = newOutcome(manager.id, explanation);
  const miss = (output: string, u: Unavailable) => {
    const r = asReason(u);
    out.unavailable.push({ rule: r.rule, zh: r.zh, en: r.en, output, code: u.code });
  };

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
          } else items.push(r.cites.length === 0 ? res : { ...res, reasons: citeLater(res.reasons, r) });
        }
        if (!failed) {
          const { total, reasons } = kind.total(rule, ctx, items);
          out.score = total;
          out.scoreItems = items;
          ctx.score = total;
          for (const i of items) explanation.push(i.reasons);
          explanation.push(reasons);
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
      explanation.push(cite(res.reasons, rule));
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
      explanation.push(cite(res.reasons, rule));
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
      explanation.push(citeLater(res.reasons, rule));
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
    } else fired.push(rule.cites.length === 0 ? res : { ...res, reasons: cite(res.reasons, rule) });
  }
  // A trigger's reasons are kept even without a status rule to combine them.
  for (const f of fired) explanation.push(f.reasons);
  const statusRule = ofStage<StatusKind<unknown>>(book, "status")[0];
  if (statusRule) {
    const rule = active(statusRule, ctx) ?? statusRule;
    const res = (rule.kind as StatusKind<unknown>).status(rule, ctx, fired);
    out.status = res.status;
    if (res.grade !== undefined) out.grade = res.grade;
    explanation.push(res.reasons);
  }
  if (out.grade === undefined && statusRule && ctx.grade !== undefined) out.grade = ctx.grade;
  return out;
}
