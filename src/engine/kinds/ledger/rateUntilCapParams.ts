/**
 * Parameters and explanations shared by the two faces of the "rate of income until a cap by grade" ledger
 * (H003-RISKDEP-WITHHOLD / -CAP / -GRADE-CHANGE / -LEDGER): the risk-deposit stage of the appraisal, which reads
 * the monthly history, and the tool rule, which takes the months as explicit input.
 */
import { z } from "zod";
import { minusMoved, ZERO, type Dec } from "../../decimal";
import { isFieldName, type FieldName } from "../../fields";
import { money, plain } from "../../format";
import type { PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import { variantFor } from "../../rulebook/variants";
import { RULE_ID } from "../../rulebook/schema";
import type { Settings } from "../../settings";
import {
  choiceOrSetting,
  isSettingRef,
  QuantityOrSetting,
  QuantityTableOrSetting,
  resolveChoice,
  resolveQuantity,
  resolveQuantityTable,
  gradeName,
  roleName,
  undeclared,
  type SettingRef,
} from "./common";
import { deductLosses, recordCases, type LossCase, type LossDeductionParams } from "./lossDeduction";
import { EXCESS_ON_DEMOTION, type ExcessOnDemotion, type RiskLedgerOptions, type RiskLedgerStep } from "./riskLedger";
import { PairCache } from "../../memo";

export const INCOME_BASES = ["grossMonthlyIncome", "afterLossDeductions"] as const;
export type IncomeBase = (typeof INCOME_BASES)[number];

/** Rule ids the explanations cite: one entry implements all four rules of the ledger. */
const Cites = z
  .object({ withhold: z.string().regex(RULE_ID), cap: z.string().regex(RULE_ID), gradeChange: z.string().regex(RULE_ID), ledger: z.string().regex(RULE_ID) })
  .strict();

export const RateUntilCapParams = z
  .object({
    /** The income field withheld from (`income`, the month's gross pay). */
    income: z.string().refine(isFieldName, { message: "not a field of the data model" }).default("income"),
    rate: QuantityOrSetting,
    /** Cap by grade id, in 元. */
    caps: QuantityTableOrSetting,
    excessOnDemotion: choiceOrSetting(EXCESS_ON_DEMOTION),
    incomeBase: choiceOrSetting(INCOME_BASES).default("grossMonthlyIncome"),
    /** The loss-deduction rule whose deductions reduce the income under `afterLossDeductions`. */
    lossDeductionRule: z.string().regex(RULE_ID).optional(),
    cites: Cites,
  })
  .strict();
export type RateUntilCapParams = z.infer<typeof RateUntilCapParams>;

export function checkRateUntilCap(rule: CompiledRule<RateUntilCapParams>, book: CompiledRulebook): string[] {
  const p = rule.params;
  const problems = undeclared(book, [p.rate, p.caps, p.excessOnDemotion, p.incomeBase]);
  if (!isSettingRef(p.caps)) for (const g of Object.keys(p.caps)) if (!book.gradeIds.includes(g)) problems.push(`caps: unknown grade ${g}`);
  const mayDeduct = isSettingRef(p.incomeBase) || p.incomeBase === "afterLossDeductions";
  if (mayDeduct) {
    const loss = p.lossDeductionRule ? book.byId.get(p.lossDeductionRule) : undefined;
    if (!p.lossDeductionRule) problems.push("incomeBase may be afterLossDeductions: lossDeductionRule is required");
    else if (!loss) problems.push(`lossDeductionRule: unknown rule ${p.lossDeductionRule}`);
    else if (loss.kind.kind !== "lossDeduction") problems.push(`lossDeductionRule: ${p.lossDeductionRule} is not a lossDeduction rule`);
  }
  return problems;
}

export interface ResolvedLedger {
  options: RiskLedgerOptions;
  incomeBase: IncomeBase;
}

// Settings and compiled rules never change once made, and every manager of a run asks the same question; the
// answer (parsed rate and caps) is kept per settings object and rule.
const resolvedLedgers = new PairCache<Settings, CompiledRule, ResolvedLedger | Unavailable>();

/** Settings in force → ledger options; a required setting nobody set or a bad value is reported, never guessed. */
export function resolveLedger(rule: CompiledRule<RateUntilCapParams>, book: CompiledRulebook, settings: Settings): ResolvedLedger | Unavailable {
  return resolvedLedgers.get(settings, rule, () => resolveLedgerNow(rule, book, settings));
}

function resolveLedgerNow(rule: CompiledRule<RateUntilCapParams>, book: CompiledRulebook, settings: Settings): ResolvedLedger | Unavailable {
  const p = rule.params;
  const rate = resolveQuantity(p.rate, settings);
  const caps = resolveQuantityTable(p.caps, settings);
  const excess = resolveChoice<ExcessOnDemotion>(p.excessOnDemotion, settings, EXCESS_ON_DEMOTION);
  const base = resolveChoice<IncomeBase>(p.incomeBase, settings, INCOME_BASES);
  for (const r of [rate, caps, excess, base]) {
    if (r.ok) continue;
    if (r.missing) return unavailable("na", rule.id, `未设置 ${r.missing}`, `setting ${r.missing} is not set`);
    return unavailable("value", rule.id, `设置有误:${r.bad}`, `bad setting: ${r.bad}`);
  }
  if (!rate.ok || !caps.ok || !excess.ok || !base.ok) throw new Error("unreachable");
  if (rate.value.lt(0)) return unavailable("value", rule.id, `风险金比例 ${rate.value.toString()} 为负数`, `rate ${rate.value.toString()} is negative`);
  for (const [g, c] of Object.entries(caps.value)) {
    if (c.lt(0)) return unavailable("value", rule.id, `${g} 的风险金上限为负数`, `cap of ${g} is negative`);
  }
  return { options: { rate: rate.value, caps: caps.value, excessOnDemotion: excess.value, rounding: book.doc.rounding.money }, incomeBase: base.value };
}

/** One month as the ledger needs it: who, which cap, and the income withheld from (after deductions if so set). */
export interface MonthIn {
  period: string;
  income: Dec;
  grade: string | undefined;
  role: string | undefined;
  cases: LossCase[];
}

export interface MonthBuilt {
  period: string;
  income: Dec;
  grade?: string;
  covered: boolean;
  role?: string;
  /** Gross income, when the ledger withholds from income after deductions. */
  gross?: Dec;
  lossReasons: Reason[];
}

/**
 * Prepares one month: coverage by the rule's roles (an agent month withholds nothing), the grade's cap must exist,
 * and under `afterLossDeductions` the loss rule's deduction is taken off first.
 */
export function buildMonth(
  rule: CompiledRule<RateUntilCapParams>,
  book: CompiledRulebook,
  settings: Settings,
  resolved: ResolvedLedger,
  m: MonthIn,
  covered: boolean,
): MonthBuilt | Unavailable {
  const id = rule.id;
  if (!covered) return { period: m.period, income: m.income, grade: m.grade, role: m.role, covered: false, lossReasons: [] };
  if (m.grade === undefined) {
    return unavailable("na", id, `${m.period} 没有等级,无法确定风险金上限`, `${m.period}: no grade, so no risk-deposit cap`);
  }
  if (resolved.options.caps[m.grade] === undefined) {
    const g = gradeName(book, m.grade);
    return unavailable("na", id, `${g.zh}没有设置风险金上限`, `no risk-deposit cap for ${g.en}`);
  }
  if (resolved.incomeBase === "grossMonthlyIncome" || m.cases.length === 0) {
    return { period: m.period, income: m.income, grade: m.grade, role: m.role, covered: true, lossReasons: [] };
  }
  const lossRule = book.byId.get(rule.params.lossDeductionRule ?? "") as CompiledRule<LossDeductionParams> | undefined;
  if (!lossRule) throw new Error(`${id}: lossDeductionRule missing (checked at load)`);
  const variant = variantFor(lossRule, (k) => settings.get(k), m.role ?? "", m.grade);
  const d = deductLosses(variant, book, settings, m.income, m.cases, m.role);
  if (isUnavailable(d)) return d;
  return { period: m.period, income: d.incomeAfter, gross: m.income, grade: m.grade, role: m.role, covered: true, lossReasons: d.reasons };
}

export function monthFromRecord(p: RateUntilCapParams, r: PeriodRecord, role: string | undefined, grade: string | undefined, id: string): MonthIn | Unavailable {
  const income = r.values[p.income as FieldName];
  if (income === undefined) {
    return unavailable("na", id, `${r.period} 缺少月收入(${p.income}),无法计算风险金`, `${r.period}: missing monthly income (${p.income}), so no risk deposit`);
  }
  return { period: r.period, income, grade, role, cases: recordCases(r) };
}

function settingNote(ref: SettingRef | string, value: string): { zh: string; en: string } {
  return isSettingRef(ref) ? { zh: `(${ref.setting} = ${value})`, en: ` (${ref.setting} = ${value})` } : { zh: "", en: "" };
}

// The rate as the explanation shows it ("20%"), once per resolved ledger rather than once per month.
const rateTexts = new WeakMap<ResolvedLedger, string>();

function rateText(resolved: ResolvedLedger): string {
  let text = rateTexts.get(resolved);
  if (text === undefined) {
    text = `${plain(resolved.options.rate.times(100))}%`;
    rateTexts.set(resolved, text);
  }
  return text;
}

/**
 * Money as the ledger's lines show it, remembering each amount it has written: a month's closing balance is the
 * next month's opening one and the cap is the same every month, so a year's lines format each value once.
 */
export function ledgerMoney(book: CompiledRulebook): (d: Dec) => string {
  const seen = new Map<Dec, string>();
  return (d) => {
    let text = seen.get(d);
    if (text === undefined) {
      text = money(d, book.doc.rounding.money);
      seen.set(d, text);
    }
    return text;
  };
}

/**
 * Bilingual reasons for one month of the ledger. `prefix` names the month when a period has several.
 * Each figure is formatted once and used in both languages (a year's ledger explains twelve months); pass the
 * same `m` (ledgerMoney) for every month of a ledger.
 */
export function describeStep(
  rule: CompiledRule<RateUntilCapParams>,
  book: CompiledRulebook,
  resolved: ResolvedLedger,
  step: RiskLedgerStep,
  month: MonthBuilt,
  prefix: boolean,
  m: (d: Dec) => string = ledgerMoney(book),
): Reason[] {
  const c = rule.params.cites;
  const pre = prefix ? { zh: `${step.period} `, en: `${step.period}: ` } : { zh: "", en: "" };
  const g = gradeName(book, step.grade);
  const incomeWord = month.gross !== undefined ? { zh: "扣减损失后月收入", en: "income after loss deductions" } : { zh: "月收入", en: "income" };
  const out: Reason[] = [...month.lossReasons];
  if (step.outcome === "notCovered") {
    const r = roleName(book, month.role);
    out.push(reason(c.withhold, `${pre.zh}${r.zh}不提取风险金`, `${pre.en}no risk deposit is withheld from a ${r.en}`));
    return out;
  }
  const cap = m(step.cap as Dec);
  if (step.refunded.gt(ZERO)) {
    const note = settingNote(rule.params.excessOnDemotion, "refundExcess");
    const opening = m(step.opening);
    const refunded = m(step.refunded);
    const after = m(minusMoved(step.opening, step.refunded));
    out.push(
      reason(
        c.gradeChange,
        `${pre.zh}余额 ${opening} 超过${g.zh}上限 ${cap},当月退还超出部分 ${refunded}${note.zh},余额 ${after}`,
        `${pre.en}balance ${opening} above the ${g.en} cap ${cap}: excess ${refunded} refunded this month${note.en}, balance ${after}`,
      ),
    );
  }
  switch (step.outcome) {
    case "aboveCapHeld": {
      const note = settingNote(rule.params.excessOnDemotion, "hold");
      const opening = m(step.opening);
      out.push(
        reason(
          c.gradeChange,
          `${pre.zh}余额 ${opening} 已超过${g.zh}上限 ${cap},超出部分保留至离岗后退还${note.zh},本月不提取`,
          `${pre.en}balance ${opening} is above the ${g.en} cap ${cap}; the excess is held until the refund after leaving${note.en}, nothing withheld this month`,
        ),
      );
      break;
    }
    case "noIncome": {
      const income = m(step.income);
      const closing = m(step.closing);
      out.push(
        reason(
          c.withhold,
          `${pre.zh}${incomeWord.zh} ${income} ≤ 0,本月不提取风险金,余额 ${closing}`,
          `${pre.en}${incomeWord.en} ${income} ≤ 0: nothing withheld, balance ${closing}`,
        ),
      );
      break;
    }
    case "atCap": {
      const held = m(minusMoved(step.opening, step.refunded));
      out.push(
        reason(
          c.cap,
          `${pre.zh}${g.zh}上限 ${cap},已存 ${held},已达上限,本月不提取`,
          `${pre.en}${g.en} cap ${cap}, ${held} held: cap reached, nothing withheld this month`,
        ),
      );
      break;
    }
    case "capped": {
      const held = m(minusMoved(step.opening, step.refunded));
      const withheld = m(step.withheld);
      out.push(
        reason(
          c.cap,
          `${pre.zh}${g.zh}上限 ${cap},已存 ${held},本月只提 ${withheld}`,
          `${pre.en}${g.en} cap ${cap}, ${held} held, only ${withheld} withheld this month (${rateText(resolved)} would be ${m(step.due)})`,
        ),
      );
      break;
    }
    case "withheld": {
      const income = m(step.income);
      const rate = rateText(resolved);
      const withheld = m(step.withheld);
      const closing = m(step.closing);
      out.push(
        reason(
          c.withhold,
          `${pre.zh}${incomeWord.zh} ${income} × ${rate} = ${withheld},提取风险金,余额 ${closing}`,
          `${pre.en}${incomeWord.en} ${income} × ${rate} = ${withheld} withheld, balance ${closing}`,
        ),
      );
      break;
    }
  }
  return out;
}
