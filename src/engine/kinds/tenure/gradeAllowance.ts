/**
 * Pay-stage kind for monthly grade allowances (B002-COMMFEE, the transport part of B002-TWO-FEES): the allowance
 * of the appraised month, for the grade pay follows (`b002.payGrade.basis`: the appointed grade, or the grade the
 * period's figures attain), reduced for the days of the month on 诫勉 (B002-ADMON-ALLOWANCE, periods from
 * B002-ADMON-DURATION). Allowances are monthly amounts: a quarter or a year is not an allowance period, so the rule
 * pays nothing there (the quarterly bonus is B002-PAY-EXTERNAL's).
 */
import { ZERO } from "../../decimal";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { daysOfMonthPeriod } from "../../periods";
import type { PayKind } from "../types";
import { readChoice } from "../status/common";
import { admonitionsOf, monthShare, type MonthShare } from "./admonition";
import { admonitionMonths, AllowanceParams, allowanceMonth, checkAllowance } from "./allowance";
import { gradeText, isMonth } from "./common";

export const gradeAllowance: PayKind<AllowanceParams> = {
  kind: "gradeAllowance",
  stage: "pay",
  params: AllowanceParams,
  check: (rule, book) => checkAllowance(rule.params, book),
  pay(rule, ctx) {
    if (!isMonth(ctx.period)) return undefined;
    const p = rule.params;
    let grade = ctx.grade;
    const basisReasons = [];
    if (p.gradeBasis && readChoice(p.gradeBasis, ctx.settings) === "quarterlyAttainedGrade") {
      if (ctx.attainedGrade === undefined) {
        return unavailable("na", rule.id, `${p.label.zh}按本期达到的等级发放,但未能测算达到的等级`, `the ${p.label.en} follows the attained grade, which could not be determined`);
      }
      grade = ctx.attainedGrade;
      const g = gradeText(ctx.book, grade);
      basisReasons.push(reason(rule.id, `${p.label.zh}按本期业绩达到的等级(${g.zh})发放`, `the ${p.label.en} follows the grade the period's figures attain (${g.en})`));
    }
    let share: MonthShare = { share: ZERO, covered: 0, days: daysOfMonthPeriod(ctx.period) };
    if (p.admonition) {
      const months = admonitionMonths(p.admonition.months, ctx.settings, rule.id);
      if (isUnavailable(months)) return months;
      // History up to this month only: an end recorded in a later month is not known when this month is paid, and
      // a year graded at once must pay each month as the month-by-month run did (test/engine/properties/history).
      const list = admonitionsOf(ctx.history, months, rule.id);
      if (isUnavailable(list)) return list;
      share = monthShare(ctx.period, list, readChoice(p.admonition.monthRule, ctx.settings));
    }
    const res = allowanceMonth(rule.id, p, { month: ctx.period, grade, role: ctx.role, record: ctx.record, share }, ctx.book, ctx.settings);
    if (isUnavailable(res)) return res;
    return { amount: res.amount, reasons: [...basisReasons, ...res.reasons] };
  },
};
