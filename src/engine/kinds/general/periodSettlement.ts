/**
 * G001-QUARTERLY-SETTLEMENT: a rulebook settles pay per month or per quarter (`period`, no default in the general
 * rulebook: each rulebook declares it). With quarters, the quarter's data are aggregated first (G004-AGGREGATION)
 * and the pay is computed and settled once, after the quarter ends; a quarter with months missing is not settled.
 * The seed gives no pay formula: an optional linear `rate` of the input (e.g. 1 % of new fee income) shows the pay.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { money } from "../../format";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable } from "../../outcome";
import type { ToolKind } from "../types";
import { aggregateMonths, DailyAverageMode, Measure, MonthValue, YearStartMonth } from "./aggregateMonths";
import { checkSettingRefs, DecInput, orSetting, resolveParam } from "./common";
import { containingPeriods, periodEndDate, periodMonths } from "./periodMath";

const SettlementPeriod = z.enum(["month", "quarter"]);

const Params = z
  .object({ period: orSetting(SettlementPeriod), dailyAverage: orSetting(DailyAverageMode), yearStartMonth: orSetting(YearStartMonth) })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    measure: Measure.default("flow"),
    months: z.array(MonthValue).min(1),
    /** Linear pay rate on the settled base (a fraction: 1 % = 0.01); without it only the base is computed. */
    rate: DecInput.optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export interface Settlement {
  period: string;
  months: string[];
  complete: boolean;
  /** Settled after this day (the period's last day). */
  periodEnd: string;
  base?: Dec;
  pay?: Dec;
}

export const periodSettlement: ToolKind<Params, Input> = {
  kind: "periodSettlement",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, book, settings) {
    const p = rule.params;
    const period = resolveParam(p.period, SettlementPeriod, settings, rule.id);
    if (isUnavailable(period)) return period;
    const mode = resolveParam(p.dailyAverage, DailyAverageMode, settings, rule.id);
    if (isUnavailable(mode)) return mode;
    const start = resolveParam(p.yearStartMonth, YearStartMonth, settings, rule.id);
    if (isUnavailable(start)) return start;
    const groups = new Map<string, typeof input.months>();
    for (const m of input.months) {
      const key = period === "month" ? m.period : containingPeriods(m.period, start).quarter;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const m$ = book.doc.rounding.money;
    const settlements: Settlement[] = [];
    const reasons: Reason[] = [];
    for (const key of [...groups.keys()].sort()) {
      const months = groups.get(key)!;
      const wanted = periodMonths(key, start);
      const periodEnd = periodEndDate(key, start);
      const missing = wanted.filter((w) => !months.some((m) => m.period === w));
      if (missing.length > 0) {
        settlements.push({ period: key, months: wanted, complete: false, periodEnd });
        reasons.push(reason(rule.id, `${key} 缺 ${missing.join("、")},暂不结算`, `${key} lacks ${missing.join(", ")}: not settled yet`));
        continue;
      }
      const agg = aggregateMonths(months, { measure: input.measure, dailyAverage: mode, period: key, yearStartMonth: start, rule: rule.id });
      if (isUnavailable(agg)) return agg;
      const s: Settlement = { period: key, months: wanted, complete: true, periodEnd, base: agg.value };
      if (input.rate) s.pay = agg.value.times(input.rate);
      settlements.push(s);
      const pay = s.pay ? { zh: `,× ${input.rate!.times(100).toFixed()}% = 绩效工资 ${money(s.pay, m$)}`, en: `, × ${input.rate!.times(100).toFixed()}% = pay ${money(s.pay, m$)}` } : { zh: "", en: "" };
      const when = period === "month" ? { zh: "按月", en: "monthly" } : { zh: "按季", en: "quarterly" };
      reasons.push(
        reason(
          rule.id,
          `${when.zh}结算 ${key}:基数 ${money(agg.value, m$)}${pay.zh},${periodEnd} 期末后一次兑现`,
          `${when.en} settlement ${key}: base ${money(agg.value, m$)}${pay.en}, paid once after ${periodEnd}`,
        ),
      );
    }
    if (settlements.length === 0) return unavailable("value", rule.id, "没有月度数据", "no monthly values");
    return { value: { period, settlements }, reasons };
  },
};
