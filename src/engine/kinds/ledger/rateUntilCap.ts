/**
 * Risk-deposit stage: a rate of monthly income withheld until the balance reaches the cap of the month's grade
 * (H003-RISKDEP-WITHHOLD, -CAP, -GRADE-CHANGE, -LEDGER).
 *
 * Opening balance (DATA-MODEL): the manager's `riskDeposit.balance` is the balance carried in from before the
 * appraised period, and only the appraised period's months are run. Without it, the ledger runs from 0 over the
 * monthly history up to and including the appraised period; a missing month in that history makes the balance
 * unknowable, so it is reported, not skipped. Input with no monthly income at all (an annual scoring run) leaves
 * the risk deposit absent rather than reporting it.
 *
 * Output: withheld in the appraised period, the closing balance, and `refundable` = excess refunded in the period
 * after a demotion (`refundExcess`); the refund after leaving is the tool rule H003-RISKDEP-REFUND.
 */
import { plusMoved, ZERO, type Dec } from "../../decimal";
import type { PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { monthIndex, monthRange, monthOfIndex, periodKind } from "../../periods";
import { appliesTo } from "../../rulebook/variants";
import type { FieldName } from "../../fields";
import type { RiskDepositKind } from "../types";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import { runRiskLedger, type RiskLedgerRun } from "./riskLedger";
import { buildMonth, checkRateUntilCap, describeStep, ledgerMoney, monthFromRecord, RateUntilCapParams, resolveLedger, type MonthBuilt, type ResolvedLedger } from "./rateUntilCapParams";

export const rateUntilCap: RiskDepositKind<RateUntilCapParams> = {
  kind: "rateUntilCap",
  stage: "riskDeposit",
  params: RateUntilCapParams,
  check: checkRateUntilCap,
  riskDeposit(rule, ctx) {
    const p = rule.params;
    const id = rule.id;
    const monthly = ctx.history.filter((r) => periodKind(r.period) === "month");
    if (!monthly.some((r) => r.values[p.income as FieldName] !== undefined)) return undefined;
    const range = monthRange(ctx.period);
    const carried = ctx.manager.riskDeposit?.balance;
    const records = carried !== undefined ? monthly.filter((r) => monthIndex(r.period) >= range.first) : monthly;
    const inPeriod = (period: string) => monthIndex(period) >= range.first;
    if (!records.some((r) => inPeriod(r.period))) {
      return unavailable("na", id, `${ctx.period} 没有月度收入记录,无法计算风险金`, `no monthly income record for ${ctx.period}, so no risk deposit`);
    }
    // The history must be one unbroken run of months: a missing month's withholding is unknown.
    for (let i = 1; i < records.length; i++) { // int: list index
      const prev = monthIndex(records[i - 1].period); // int: list index
      const cur = monthIndex(records[i].period);
      if (cur === prev) return unavailable("value", id, `${records[i].period} 的记录重复`, `${records[i].period} appears twice in the history`);
      if (cur !== prev + 1) { // int: calendar index
        const gap = monthOfIndex(prev + 1); // int: calendar index
        return unavailable(
          "na",
          id,
          `缺少 ${gap} 的月收入记录,无法推算风险金余额(可在 riskDeposit.balance 中提供结转余额)`,
          `the month ${gap} is missing from the history, so the risk-deposit balance is unknown (give riskDeposit.balance to carry it in)`,
        );
      }
    }
    const resolved = resolveLedger(rule, ctx.book, ctx.settings);
    if (isUnavailable(resolved)) return resolved;
    const { book, settings, period, grade } = ctx;
    const manager = { role: ctx.manager.role, grade: ctx.manager.grade };
    const ledger = runLedger(rule, book, settings, resolved, records, manager, period, grade, carried);
    if (isUnavailable(ledger)) return ledger;
    const run = ledger.run;
    const several = range.first !== range.last;
    let withheld = ZERO;
    let refunded = ZERO;
    let periodOpening: Dec | undefined;
    let before = 0;
    while (before < run.steps.length && !inPeriod(run.steps[before].period)) before++; // int: month count
    if (before === 0) {
      // Every month run is in the period: the run's own totals are the period's (the same sums in the same order).
      withheld = run.withheld;
      refunded = run.refunded;
      periodOpening = run.steps[0]?.opening;
    } else {
      for (const step of run.steps.slice(before)) {
        periodOpening ??= step.opening;
        withheld = plusMoved(withheld, step.withheld);
        refunded = plusMoved(refunded, step.refunded);
      }
    }
    const opening = periodOpening ?? run.closing;
    const totals = { withheld, refunded, before };
    // A line per month of the period and the ledger line, worded when the explanation is read. The months are run
    // again then, from the same records (the same sums): keeping a whole year of steps for every manager until
    // someone reads the explanation costs more, in memory and garbage collection, than running them twice.
    const reasons = (): Reason[] => {
      const again = runLedger(rule, book, settings, resolved, records, manager, period, grade, carried) as Ledger;
      const m = ledgerMoney(book);
      return [
        ...again.run.steps.flatMap((step, i) => (inPeriod(step.period) ? describeStep(rule, book, resolved, step, again.months[i], several, m) : [])),
        ledgerLine(p.cites.ledger, book, again.run, opening, totals, carried !== undefined, m),
      ];
    };
    return { withheld, balance: run.closing, refundable: refunded, reasons };
  },
};

interface Ledger {
  months: MonthBuilt[];
  run: RiskLedgerRun;
}

/** The months as the ledger sees them (grade, coverage, income after deductions) and the run over them. */
function runLedger(
  rule: CompiledRule<RateUntilCapParams>,
  book: CompiledRulebook,
  settings: Settings,
  resolved: ResolvedLedger,
  records: PeriodRecord[],
  manager: { role: string; grade: string | undefined },
  period: string,
  grade: string | undefined,
  carried: Dec | undefined,
): Ledger | Unavailable {
  const months: MonthBuilt[] = [];
  for (const r of records) {
    const role = r.role ?? manager.role;
    const g = r.period === period ? grade : (r.grade ?? manager.grade);
    const m = monthFromRecord(rule.params, r, role, g, rule.id);
    if (isUnavailable(m)) return m;
    const built = buildMonth(rule, book, settings, resolved, m, appliesTo(rule, role, g));
    if (isUnavailable(built)) return built;
    months.push(built);
  }
  return { months, run: runRiskLedger(carried ?? ZERO, months, resolved.options) };
}

/** 期初 + 本期提取 − 退还 = 期末, and where the opening balance came from. */
function ledgerLine(
  rule: string,
  book: CompiledRulebook,
  run: RiskLedgerRun,
  opening: Dec,
  totals: { withheld: Dec; refunded: Dec; before: number },
  carriedIn: boolean,
  m: (d: Dec) => string,
): Reason {
  const { withheld, refunded, before } = totals;
  let origin: { zh: string; en: string };
  if (carriedIn) origin = { zh: "结转余额", en: "carried in" };
  else if (before === 0) origin = { zh: "未提供结转余额,从 ¥0.00 开始", en: "no balance carried in, starting from ¥0.00" };
  else {
    const first = run.steps[0].period;
    const last = run.steps[before - 1].period; // int: list index
    origin = {
      zh: `未提供结转余额,由 ${first} 至 ${last} 共 ${before} 个月的月收入从 ¥0.00 推算`,
      en: `no balance carried in; computed from ¥0.00 over ${before} months ${first} to ${last}`,
    };
  }
  return reason(
    rule,
    `期初 ${m(opening)}(${origin.zh})+ 本期提取 ${m(withheld)} − 退还 ${m(refunded)} = 期末 ${m(run.closing)}`,
    `opening ${m(opening)} (${origin.en}) + withheld ${m(withheld)} − refunded ${m(refunded)} = closing ${m(run.closing)}`,
  );
}
