/**
 * G004-AGGREGATION (a convention the seeds need but do not state): monthly values roll up into a longer period by
 * measure type —
 *   flow (income, amounts sold, new accounts)  → sum;
 *   balance (余额 / 时点)                        → the value of the period's last month;
 *   dailyAverage (日均)                          → Σ avg × days ÷ Σ days (dayWeighted) or the plain mean (simpleMean);
 *   rate                                        → Σ numerators ÷ Σ denominators, never an average of rates.
 * With a target period every month of it must be present: a missing month is reported, never counted as 0.
 * `aggregateMonths` is the pure core, also used by the settlement kind.
 */
import { z } from "zod";
import { Dec, sum } from "../../decimal";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { daysOfMonthPeriod } from "../../periods";
import type { Reason } from "../../model";
import { fixed, type RoundingSpec } from "../../rounding";
import type { ToolKind } from "../types";
import { AnyPeriod, checkSettingRefs, DecInput, MonthPeriod, num, orSetting, PercentParams, percentSpec, percentValue, resolveParam } from "./common";
import { periodMonths } from "./periodMath";

export const Measure = z.enum(["flow", "balance", "dailyAverage", "rate"]);
export type Measure = z.infer<typeof Measure>;
export const DailyAverageMode = z.enum(["dayWeighted", "simpleMean"]);
export type DailyAverageMode = z.infer<typeof DailyAverageMode>;
export const YearStartMonth = z.number().int().min(1).max(12);

export const MonthValue = z
  .object({
    period: MonthPeriod,
    value: DecInput.optional(),
    numerator: DecInput.optional(),
    denominator: DecInput.optional(),
    /** Days the daily average covers, when not the whole calendar month (a manager who joined mid-month). */
    days: z.number().int().positive().optional(),
  })
  .strict();
export type MonthValue = z.infer<typeof MonthValue>;

export interface AggregateOptions {
  measure: Measure;
  dailyAverage: DailyAverageMode;
  /** Target period; its months must all be present, and no other month. */
  period?: string;
  yearStartMonth: number;
  rule: string;
}

export interface Aggregated {
  value: Dec;
  /** For rates: the summed numerator and denominator. */
  numerator?: Dec;
  denominator?: Dec;
  months: string[];
  reasons: Reason[];
}

/** Rolls monthly values up per G004-AGGREGATION, or says which month or figure is missing. */
export function aggregateMonths(months: MonthValue[], o: AggregateOptions): Aggregated | Unavailable {
  const rule = o.rule;
  if (months.length === 0) return unavailable("value", rule, "没有月度数据", "no monthly values");
  const seen = new Set<string>();
  for (const m of months) {
    if (seen.has(m.period)) return unavailable("value", rule, `${m.period} 重复`, `${m.period} is given twice`);
    seen.add(m.period);
    const need = o.measure === "rate" ? m.numerator !== undefined && m.denominator !== undefined && m.value === undefined : m.value !== undefined && m.numerator === undefined;
    if (!need) {
      return o.measure === "rate"
        ? unavailable("value", rule, `${m.period}:比率须给出分子和分母(不取各月比率的平均)`, `${m.period}: a rate needs numerator and denominator (rates are never averaged)`)
        : unavailable("value", rule, `${m.period}:须给出 value`, `${m.period}: value is required`);
    }
  }
  const sorted = [...months].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  if (o.period) {
    const wanted = periodMonths(o.period, o.yearStartMonth);
    const outside = sorted.filter((m) => !wanted.includes(m.period)).map((m) => m.period);
    if (outside.length > 0) return unavailable("value", rule, `${outside.join("、")} 不属于 ${o.period}`, `${outside.join(", ")} not in ${o.period}`);
    const missing = wanted.filter((w) => !seen.has(w));
    if (missing.length > 0) return unavailable("na", rule, `${o.period} 缺少 ${missing.join("、")} 的数据,不能按 0 计`, `${o.period} lacks ${missing.join(", ")} (not counted as 0)`);
  }
  const names = sorted.map((m) => m.period);
  const span = o.period ?? `${names[0]}…${names[names.length - 1]}`; // int: list index
  switch (o.measure) {
    case "flow": {
      const value = sum(sorted.map((m) => m.value!));
      return { value, months: names, reasons: [reason(rule, `${span} 流量合计 ${sorted.map((m) => num(m.value!)).join(" + ")} = ${num(value)}`, `${span} flow, summed: ${num(value)}`)] };
    }
    case "balance": {
      const last = sorted[sorted.length - 1]; // int: list index
      return { value: last.value!, months: names, reasons: [reason(rule, `${span} 余额取期末 ${last.period}:${num(last.value!)}`, `${span} balance = period end ${last.period}: ${num(last.value!)}`)] };
    }
    case "dailyAverage": {
      if (o.dailyAverage === "simpleMean") {
        const value = sum(sorted.map((m) => m.value!)).div(sorted.length);
        return {
          value,
          months: names,
          reasons: [reason(rule, `${span} 日均按各月简单平均:(${sorted.map((m) => num(m.value!)).join(" + ")}) ÷ ${sorted.length} = ${num(value)}`, `${span} daily average, simple mean of ${sorted.length} months = ${num(value)}`)],
        };
      }
      const days = sorted.map((m) => new Dec(m.days ?? daysOfMonthPeriod(m.period)));
      const weighted = sum(sorted.map((m, i) => m.value!.times(days[i])));
      const totalDays = sum(days);
      const value = weighted.div(totalDays);
      const terms = sorted.map((m, i) => `${num(m.value!)}×${days[i].toFixed()}`).join(" + ");
      return {
        value,
        months: names,
        reasons: [reason(rule, `${span} 日均按天数加权:(${terms}) ÷ ${totalDays.toFixed()} 天 = ${num(value)}`, `${span} daily average, day-weighted: (${terms}) / ${totalDays.toFixed()} days = ${num(value)}`)],
      };
    }
    case "rate": {
      const numerator = sum(sorted.map((m) => m.numerator!));
      const denominator = sum(sorted.map((m) => m.denominator!));
      if (denominator.isZero()) return unavailable("value", rule, `${span} 分母合计为 0,比率无法计算`, `${span}: the denominators sum to 0`);
      const value = numerator.div(denominator);
      return {
        value,
        numerator,
        denominator,
        months: names,
        reasons: [reason(rule, `${span} 比率按分子分母合计重算:${num(numerator)} ÷ ${num(denominator)}(不取各月比率平均)`, `${span} rate recomputed from sums: ${num(numerator)} / ${num(denominator)} (not an average of rates)`)],
      };
    }
  }
}

const Params = z
  .object({ dailyAverage: orSetting(DailyAverageMode), yearStartMonth: orSetting(YearStartMonth), percent: PercentParams.optional() })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    measure: Measure,
    period: AnyPeriod.optional(),
    months: z.array(MonthValue).min(1),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const aggregateMonthsKind: ToolKind<Params, Input> = {
  kind: "aggregateMonths",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, book, settings) {
    const p = rule.params;
    const mode = resolveParam(p.dailyAverage, DailyAverageMode, settings, rule.id);
    if (isUnavailable(mode)) return mode;
    const start = resolveParam(p.yearStartMonth, YearStartMonth, settings, rule.id);
    if (isUnavailable(start)) return start;
    const spec = percentSpec(p.percent, book, settings, rule.id);
    if (isUnavailable(spec)) return spec;
    const agg = aggregateMonths(input.months, { measure: input.measure, dailyAverage: mode, period: input.period, yearStartMonth: start, rule: rule.id });
    if (isUnavailable(agg)) return agg;
    const { reasons, ...rest } = agg;
    return { value: { ...rest, text: textOf(agg.value, input.measure, spec, book.doc.rounding.money) }, reasons };
  },
};

/** Rates as a percent with the rulebook's rounding; other measures with the money decimals ("693.33"). */
function textOf(value: Dec, measure: Measure, percent: RoundingSpec, money: RoundingSpec): string {
  return measure === "rate" ? percentValue(value, percent).text : fixed(value, money);
}
