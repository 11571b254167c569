/**
 * B002-ADMON-EXPIRY: when an admonition period ends inside the appraised period, were the main indicators still not
 * completed? 「诫勉期满,受诫勉客户经理仍未能完成主要业务指标,分行将予以低聘或退出客户经理序列」.
 * `b002.admonition.expiryMeasure`: `lastQuarter` reads the last quarter completed on or before the end date;
 * `periodCumulative` reads the cumulative completion over the admonition period (an input on a record covering
 * the end month). Not completed → `expired` action (lower appointment or exit, discretionary; target per
 * B002-DEMOTE-TARGET); completed → `cleared` action (allowances full again from the day after the end).
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import type { FieldName } from "../../fields";
import type { PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { addDays, monthIndex, monthRange } from "../../periods";
import type { TriggerKind } from "../types";
import { IntegerOrSetting, isSettingRef } from "../ledger/common";
import { checkChoice, choice, readChoice } from "../status/common";
import { admonitionsOf } from "./admonition";
import { admonitionMonths } from "./allowance";
import { Code, FieldRef, fieldLabel, firstDay, lastDay, previousQuarter, quarterOfIndex, show } from "./common";
import { checkMeasure, completionOf, Measure, type CompletionValue } from "./completion";

const MEASURES = ["lastQuarter", "periodCumulative"] as const;

const Params = z
  .object({
    months: IntegerOrSetting,
    measure: choice(MEASURES),
    completion: Measure,
    cumulativeField: FieldRef,
    /** Completed = this condition holds (完成: ≥ 100 %). */
    completed: Condition,
    expired: Code,
    cleared: Code,
  })
  .strict();
type Params = z.infer<typeof Params>;

/** The last quarter whose last day is on or before the date. */
export function lastCompleteQuarter(date: string): string {
  const q = quarterOfIndex(monthIndex(date.slice(0, 7)));
  return lastDay(q) <= date ? q : previousQuarter(q);
}

/** The finest record covering the month that reports the field. */
function covering(history: PeriodRecord[], month: string, field: FieldName): PeriodRecord | undefined {
  const m = monthIndex(month);
  const span = (r: PeriodRecord) => monthRange(r.period).last - monthRange(r.period).first; // int: month count
  return history
    .filter((r) => monthRange(r.period).first <= m && monthRange(r.period).last >= m && r.values[field] !== undefined)
    .sort((a, b) => span(a) - span(b))[0]; // int: sort comparator
}

export const admonitionExpiry: TriggerKind<Params> = {
  kind: "admonitionExpiry",
  stage: "trigger",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = [...checkChoice(p.measure, MEASURES, book), ...checkMeasure(p.completion, book)];
    if (isSettingRef(p.months) && !book.doc.settings[p.months.setting]) problems.push(`setting ${p.months.setting} is not declared`);
    return problems;
  },
  trigger(rule, ctx) {
    const p = rule.params;
    const months = admonitionMonths(p.months, ctx.settings, rule.id);
    if (isUnavailable(months)) return months;
    const list = admonitionsOf(ctx.history, months, rule.id);
    if (isUnavailable(list)) return list;
    const from = firstDay(ctx.period);
    const to = lastDay(ctx.period);
    const ending = list.filter((a) => a.end >= from && a.end <= to);
    if (ending.length === 0) return undefined;
    const measure = readChoice(p.measure, ctx.settings);
    const op = opOf(ctx.book, ctx.settings, p.completed);
    const bar = show(p.completed.value, "rate", ctx.book);
    const reasons: Reason[] = [];
    let expired = false;
    for (const a of ending) {
      let c: CompletionValue | ReturnType<typeof unavailable>;
      let which: { zh: string; en: string };
      if (measure === "lastQuarter") {
        const q = lastCompleteQuarter(a.end);
        which = { zh: `最近完整季度 ${q} `, en: `last complete quarter ${q}: ` };
        c = completionOf(p.completion, ctx.history.find((r) => r.period === q), ctx.book, ctx.settings, rule.id, q);
      } else {
        const f = p.cumulativeField as FieldName;
        const r = covering(ctx.history, a.end.slice(0, 7), f);
        // The field's own label says "over the admonition period".
        which = { zh: "", en: "" };
        c = r
          ? { value: r.values[f]!, zh: `${fieldLabel(f).zh} ${show(r.values[f]!, "rate", ctx.book)}`, en: `${fieldLabel(f).en} ${show(r.values[f]!, "rate", ctx.book)}` }
          : unavailable("na", rule.id, `诫勉期满(${a.end})须提供${fieldLabel(f).zh}(${p.cumulativeField})`, `admonition ended ${a.end}: ${fieldLabel(f).en} (${p.cumulativeField}) is needed`);
      }
      if (isUnavailable(c)) return c;
      const done = holds(c.value, op, p.completed.value);
      const sym = done ? SYMBOL[op] : NEGATED_SYMBOL[op];
      const head = { zh: `诫勉期 ${a.start} 至 ${a.end} 期满;${which.zh}${c.zh} ${sym} ${bar}`, en: `admonition ${a.start} to ${a.end} ended; ${which.en}${c.en} ${sym} ${bar}` };
      if (done) {
        const next = addDays(a.end, 1);
        reasons.push(reason(rule.id, `${head.zh} → 已完成主要业务指标,诫勉解除,自 ${next} 起两费恢复全额`, `${head.en} → main indicators completed, admonition cleared; full allowances from ${next}`));
      } else {
        expired = true;
        reasons.push(reason(rule.id, `${head.zh} → 仍未完成主要业务指标,予以低聘或退出客户经理序列(B002-DEMOTE-TARGET)`, `${head.en} → main indicators still not completed: lower appointment or exit (B002-DEMOTE-TARGET)`));
      }
    }
    return { rule: rule.id, action: expired ? p.expired : p.cleared, reasons };
  },
};
