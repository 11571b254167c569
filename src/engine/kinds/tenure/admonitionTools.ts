/**
 * Tool kinds for cell functions and the taskpane, with explicit inputs:
 * - `admonitionPeriod` (B002-ADMON-DURATION): start → inclusive end = EDATE(start, months) − 1 day, or the given end
 *   (「一般为6 个月」: the branch may set another);
 * - `allowanceMonth` (B002-ADMON-ALLOWANCE): one month's allowance of a grade, with a claim and an admonition
 *   period, by the same code as the pay stage.
 */
import { z } from "zod";
import type { PeriodRecord } from "../../model";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { addDays, addMonths, daysOfMonthPeriod } from "../../periods";
import { ZERO } from "../../decimal";
import { readChoice } from "../status/common";
import { dateInput, decimalInput, monthInput, textInput } from "../tools/toolInput";
import type { ToolKind } from "../types";
import { IntegerOrSetting, isSettingRef } from "../ledger/common";
import { monthShare, type Admonition, type MonthShare } from "./admonition";
import { admonitionMonths, AllowanceParams, allowanceMonth, checkAllowance } from "./allowance";

const PeriodParams = z.object({ months: IntegerOrSetting }).strict();
type PeriodParams = z.infer<typeof PeriodParams>;
const PeriodInput = z.object({ start: dateInput("start"), end: dateInput("end").optional() }).strict();
type PeriodInput = z.infer<typeof PeriodInput>;

export interface AdmonitionPeriodValue {
  start: string;
  end: string;
  explicitEnd: boolean;
}

export const admonitionPeriod: ToolKind<PeriodParams, PeriodInput> = {
  kind: "admonitionPeriod",
  stage: "tool",
  params: PeriodParams,
  input: PeriodInput,
  check(rule, book) {
    const m = rule.params.months;
    return isSettingRef(m) && !book.doc.settings[m.setting] ? [`setting ${m.setting} is not declared`] : [];
  },
  run(rule, input, _book, settings) {
    const months = admonitionMonths(rule.params.months, settings, rule.id);
    if (isUnavailable(months)) return months;
    if (input.end !== undefined) {
      if (input.end < input.start) return unavailable("value", rule.id, `end ${input.end} 早于 start ${input.start}`, `end ${input.end} is before start ${input.start}`);
      const value: AdmonitionPeriodValue = { start: input.start, end: input.end, explicitEnd: true };
      return { value, reasons: [reason(rule.id, `诫勉期 ${input.start} 至 ${input.end}(按给定截止日)`, `admonition ${input.start} to ${input.end} (end as given)`)] };
    }
    const edate = addMonths(input.start, months);
    const end = addDays(edate, -1);
    const value: AdmonitionPeriodValue = { start: input.start, end, explicitEnd: false };
    return {
      value,
      reasons: [reason(rule.id, `诫勉期一般为 ${months} 个月:${input.start} 起,EDATE = ${edate},截止 ${end}(含)`, `admonition generally ${months} months: from ${input.start}, EDATE = ${edate}, ends ${end} (inclusive)`)],
    };
  },
};

const MonthInput = z
  .object({
    grade: textInput("grade"),
    month: monthInput("month"),
    role: textInput("role").optional(),
    claimed: decimalInput("claimed", { nonNegative: true }).optional(),
    admonitionStart: dateInput("admonitionStart").optional(),
    admonitionEnd: dateInput("admonitionEnd").optional(),
  })
  .strict();
type MonthInput = z.infer<typeof MonthInput>;

export const allowanceMonthTool: ToolKind<AllowanceParams, MonthInput> = {
  kind: "allowanceMonth",
  stage: "tool",
  params: AllowanceParams,
  input: MonthInput,
  check: (rule, book) => checkAllowance(rule.params, book),
  run(rule, input, book, settings) {
    const p = rule.params;
    if (!book.gradeIds.includes(input.grade)) {
      return unavailable("value", rule.id, `grade "${input.grade}" 不是本规则集的等级`, `grade "${input.grade}" is not a grade of ${book.doc.id} (${book.gradeIds.join(", ")})`);
    }
    const record: PeriodRecord = { period: input.month, values: {}, tasks: [], clients: [], flags: [] };
    if (p.claimField && input.claimed !== undefined) record.values[p.claimField as "commFeeClaimed"] = input.claimed;
    const list: Admonition[] = [];
    if (p.admonition && input.admonitionStart) {
      const months = admonitionMonths(p.admonition.months, settings, rule.id);
      if (isUnavailable(months)) return months;
      const end = input.admonitionEnd ?? addDays(addMonths(input.admonitionStart, months), -1);
      list.push({ start: input.admonitionStart, end, explicitEnd: input.admonitionEnd !== undefined, months, startRecord: record });
    }
    const share: MonthShare = p.admonition
      ? monthShare(input.month, list, readChoice(p.admonition.monthRule, settings))
      : { share: ZERO, covered: 0, days: daysOfMonthPeriod(input.month) };
    const res = allowanceMonth(rule.id, p, { month: input.month, grade: input.grade, role: input.role ?? "", record, share }, book, settings);
    if (isUnavailable(res)) return res;
    return { value: res.amount, reasons: res.reasons };
  },
};
