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
import { ZERO, type Dec } from "../../decimal";
import { money } from "../../format";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { monthIndex, monthRange, monthOfIndex, periodKind } from "../../periods";
import { appliesTo } from "../../rulebook/variants";
import type { FieldName } from "../../fields";
import type { RiskDepositKind } from "../types";
import { runRiskLedger } from "./riskLedger";
import { buildMonth, checkRateUntilCap, describeStep, monthFromRecord, RateUntilCapParams, resolveLedger, type MonthBuilt } from "./rateUntilCapParams";

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
    const months: MonthBuilt[] = [];
    for (const r of records) {
      const role = r.role ?? ctx.manager.role;
      const grade = r.period === ctx.period ? ctx.grade : (r.grade ?? ctx.manager.grade);
      const m = monthFromRecord(p, r, role, grade, id);
      if (isUnavailable(m)) return m;
      const built = buildMonth(rule, ctx.book, ctx.settings, resolved, m, appliesTo(rule, role, grade));
      if (isUnavailable(built)) return built;
      months.push(built);
    }
    const run = runRiskLedger(carried ?? ZERO, months, resolved.options);
    const several = range.first !== range.last;
    const reasons: Reason[] = [];
    let withheld = ZERO;
    let refunded = ZERO;
    let periodOpening: Dec | undefined;
    let before = 0;
    run.steps.forEach((step, i) => {
      if (!inPeriod(step.period)) {
        before++; // int: month count
        return;
      }
      periodOpening ??= step.opening;
      withheld = withheld.plus(step.withheld);
      refunded = refunded.plus(step.refunded);
      reasons.push(...describeStep(rule, ctx.book, resolved, step, months[i], several));
    });
    const m = (d: Dec) => money(d, ctx.book.doc.rounding.money);
    const opening = periodOpening ?? run.closing;
    let origin: { zh: string; en: string };
    if (carried !== undefined) origin = { zh: "结转余额", en: "carried in" };
    else if (before === 0) origin = { zh: "未提供结转余额,从 ¥0.00 开始", en: "no balance carried in, starting from ¥0.00" };
    else {
      const first = run.steps[0].period;
      const last = run.steps[before - 1].period; // int: list index
      origin = {
        zh: `未提供结转余额,由 ${first} 至 ${last} 共 ${before} 个月的月收入从 ¥0.00 推算`,
        en: `no balance carried in; computed from ¥0.00 over ${before} months ${first} to ${last}`,
      };
    }
    reasons.push(
      reason(
        p.cites.ledger,
        `期初 ${m(opening)}(${origin.zh})+ 本期提取 ${m(withheld)} − 退还 ${m(refunded)} = 期末 ${m(run.closing)}`,
        `opening ${m(opening)} (${origin.en}) + withheld ${m(withheld)} − refunded ${m(refunded)} = closing ${m(run.closing)}`,
      ),
    );
    return { withheld, balance: run.closing, refundable: refunded, reasons };
  },
};
