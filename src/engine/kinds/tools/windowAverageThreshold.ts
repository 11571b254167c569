/**
 * Average over a window of months after a start date, against a threshold (H003-AGENT-PROMOTION: an agent whose
 * daily-average deposits over the first 6 months are not below 800万, or over the first 12 months are 600万 or more,
 * may be promoted; or on merit). Settings choose how the window is read (the whole window, the running average to
 * date, or any single month), how months are averaged (weighted by calendar days, which gives the true daily
 * average of the period, or a simple mean) and which month is month 1 (the hire month or the first full month).
 */
import { z } from "zod";
import { Condition, holds, opOf, SYMBOL, type Op } from "../../compare";
import { Dec, sum } from "../../decimal";
import { money, plain } from "../../format";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { daysOfMonthPeriod, monthIndex, monthOfIndex } from "../../periods";
import { fixed } from "../../rounding";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { checkChoice, ChoiceSchema, choose, settingNote } from "./settingChoice";
import { countInput, dateInput, decimalInput, flagInput, monthInput } from "./toolInput";

const Params = z
  .object({
    measureLabel: Bilingual,
    /**
     * Checked in order; the earliest month any window is met wins. `fromMonth` is the first month at which a
     * running or single-month reading may meet the window (a longer window with a lower threshold is judged only
     * after the shorter one has ended, else it would always decide first); a whole-window average is judged at
     * its last month only.
     */
    windows: z
      .array(z.object({ months: z.number().int().min(1), fromMonth: z.number().int().min(1).default(1), threshold: Condition }).strict())
      .min(1),
    measure: ChoiceSchema(["periodAverage", "cumulativeToDate", "anyMonth"] as const),
    average: ChoiceSchema(["dayWeighted", "simpleMean"] as const),
    firstMonth: ChoiceSchema(["hireMonth", "firstFullMonth"] as const),
    /** A manual flag that qualifies on its own (有其它显著业绩和重大立功表现). */
    merit: Bilingual,
    outcome: z.object({ role: z.string(), grade: z.string().optional() }).strict(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Month = z
  .object({
    period: monthInput("months[].period"),
    value: decimalInput("months[].value", { nonNegative: true }),
    /** Days the month's daily average covers; default its calendar days. */
    days: countInput("months[].days", { min: 1 }).optional(),
  })
  .strict();

const Input = z
  .object({
    startDate: dateInput("startDate"),
    months: z.array(Month, { error: "months must be a list of {period, value}" }).default([]),
    merit: flagInput("merit").default(false),
  })
  .strict();
type Input = z.infer<typeof Input>;

interface Hit {
  month: number;
  average: Dec;
  numerator: Dec;
  denominator: Dec;
  window: number;
  op: Op;
  threshold: Dec;
}

export const windowAverageThreshold: ToolKind<Params, Input> = {
  kind: "windowAverageThreshold",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book: CompiledRulebook) {
    const p = rule.params;
    const problems = [...checkChoice(p.measure, book), ...checkChoice(p.average, book), ...checkChoice(p.firstMonth, book)];
    for (const w of p.windows) if (w.fromMonth > w.months) problems.push(`window of ${w.months} months: fromMonth ${w.fromMonth} is after its end`);
    if (!book.roleIds.includes(p.outcome.role)) problems.push(`unknown role ${p.outcome.role}`);
    if (p.outcome.grade && !book.gradeIds.includes(p.outcome.grade)) problems.push(`unknown grade ${p.outcome.grade}`);
    return problems;
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    const M = book.doc.rounding.money;
    const measure = choose(p.measure, settings);
    const average = choose(p.average, settings);
    const first = choose(p.firstMonth, settings);
    const reasons: Reason[] = [];

    const hireMonth = monthIndex(input.startDate.slice(0, 7));
    const fullFromStart = input.startDate.endsWith("-01");
    const start = first.value === "firstFullMonth" && !fullFromStart ? hireMonth + 1 : hireMonth; // int: month index
    const fm = settingNote(first);
    reasons.push(reason(rule.id, `起始日 ${input.startDate},第 1 个月为 ${monthOfIndex(start)}${fm.zh}`, `start ${input.startDate}; month 1 is ${monthOfIndex(start)}${fm.en}`));

    const months: Array<{ period: string; value: Dec; days: number }> = [];
    for (const [i, m] of input.months.entries()) {
      const idx = monthIndex(m.period);
      if (idx < start) continue; // before the window: not counted
      const expected = start + months.length; // int: month index
      if (idx !== expected) {
        return unavailable("value", rule.id, `months[${i}].period:应为 ${monthOfIndex(expected)},实为 ${m.period}(月份须从第 1 个月起连续)`, `months[${i}].period: expected ${monthOfIndex(expected)}, got ${m.period} (months must be consecutive from month 1)`);
      }
      months.push({ period: m.period, value: m.value, days: m.days ?? daysOfMonthPeriod(m.period) });
    }

    /** Average of months 1..k (k ≥ 1) by the chosen method. */
    const avgTo = (k: number): { average: Dec; numerator: Dec; denominator: Dec } => {
      const part = months.slice(0, k);
      if (average.value === "dayWeighted") {
        const numerator = sum(part.map((m) => m.value.times(m.days)));
        const denominator = sum(part.map((m) => new Dec(m.days)));
        return { average: numerator.div(denominator), numerator, denominator };
      }
      const numerator = sum(part.map((m) => m.value));
      const denominator = new Dec(k);
      return { average: numerator.div(denominator), numerator, denominator };
    };

    let best: Hit | undefined;
    let pending = false;
    for (const w of p.windows) {
      const op = opOf(book, settings, w.threshold);
      const have = Math.min(w.months, months.length); // int: month count
      let hit: Hit | undefined;
      if (measure.value === "periodAverage") {
        if (have === w.months) {
          const a = avgTo(w.months);
          if (holds(a.average, op, w.threshold.value)) hit = { month: w.months, ...a, window: w.months, op, threshold: w.threshold.value };
          else reasons.push(reason(rule.id, `前 ${w.months} 个月${p.measureLabel.zh}平均 ${money(a.average, M)} 未达到 ${SYMBOL[op]} ${money(w.threshold.value, M)}`, `${p.measureLabel.en} over months 1–${w.months}: ${money(a.average, M)}, not ${SYMBOL[op]} ${money(w.threshold.value, M)}`));
        }
      } else {
        for (let k = w.fromMonth; k <= have && !hit; k++) { // int: month number
          const a = measure.value === "cumulativeToDate" ? avgTo(k) : { average: months[k - 1].value, numerator: months[k - 1].value, denominator: new Dec(1) }; // int: month position
          if (holds(a.average, op, w.threshold.value)) hit = { month: k, ...a, window: w.months, op, threshold: w.threshold.value };
        }
      }
      if (!hit && have < w.months) pending = true;
      if (hit && (!best || hit.month < best.month)) best = hit;
    }

    const mn = settingNote(measure, true);
    const an = settingNote(average, true);
    const target = [p.outcome.grade ? book.doc.grades.find((g) => g.id === p.outcome.grade) : undefined, book.doc.roles.find((r) => r.id === p.outcome.role)].find((x) => x !== undefined);
    const to = target ? { zh: target.zh, en: target.en } : { zh: p.outcome.role, en: p.outcome.role };
    const promoteTo = { role: p.outcome.role, ...(p.outcome.grade ? { grade: p.outcome.grade } : {}) };

    if (best) {
      const at = months[best.month - 1].period; // int: month position
      const how =
        measure.value === "anyMonth"
          ? { zh: `第 ${best.month} 个月(${at})${p.measureLabel.zh}`, en: `${p.measureLabel.en} of month ${best.month} (${at})` }
          : average.value === "dayWeighted"
            ? { zh: `第 1–${best.month} 个月${p.measureLabel.zh}按天加权平均 ${money(best.numerator, M)}·天 / ${plain(best.denominator)} 天`, en: `day-weighted ${p.measureLabel.en} over months 1–${best.month}: ${money(best.numerator, M)}·days / ${plain(best.denominator)} days` }
            : { zh: `第 1–${best.month} 个月${p.measureLabel.zh}简单平均 ${money(best.numerator, M)} / ${plain(best.denominator)}`, en: `simple mean of ${p.measureLabel.en} over months 1–${best.month}: ${money(best.numerator, M)} / ${plain(best.denominator)}` };
      reasons.push(
        reason(
          rule.id,
          `${how.zh} = ${money(best.average, M)} ${SYMBOL[best.op]} ${money(best.threshold, M)}(${best.window} 个月期限${mn.zh}${an.zh})→ ${at} 末可晋升为${to.zh}`,
          `${how.en} = ${money(best.average, M)} ${SYMBOL[best.op]} ${money(best.threshold, M)} (${best.window}-month window${mn.en}${an.en}) → promotable to ${to.en} at the end of ${at}`,
        ),
      );
      return { value: { status: "promotable", by: "measure", at, window: best.window, month: best.month, average: fixed(best.average, M), promoteTo, merit: input.merit }, reasons };
    }
    if (input.merit) {
      reasons.push(reason(rule.id, `${p.merit.zh} → 可晋升为${to.zh}`, `${p.merit.en} → promotable to ${to.en}`));
      return { value: { status: "promotable", by: "merit", promoteTo, merit: true }, reasons };
    }
    if (pending) {
      reasons.push(reason(rule.id, `期限未满,尚不能判定(已有 ${months.length} 个月${mn.zh})`, `window not complete yet (${months.length} months given${mn.en})`));
      return { value: { status: "pending" }, reasons };
    }
    reasons.push(reason(rule.id, `各期限均未达到晋升条件${settingNote(measure).zh}${settingNote(average).zh}`, `no window meets the promotion condition${settingNote(measure).en}${settingNote(average).en}`));
    return { value: { status: "notPromotable" }, reasons };
  },
};
