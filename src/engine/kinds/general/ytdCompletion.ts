/**
 * G001-YTD-COMPLETION with G004-TARGET-ANNUAL: year-to-date completion at month M = Σ actual (first month of the
 * assessment year … M) ÷ the annual target. The target is the year's (no month target is invented); the
 * `proRatedTarget` basis compares with target × months elapsed ÷ 12 for a "time-elapsed" view.
 * Actuals come either as one cumulative figure or as monthly values; every month of the year up to M must then
 * be present (a missing month is reported, never counted as 0).
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { sum } from "../../decimal";
import type { ToolKind } from "../types";
import { checkSettingRefs, num, DecInput, MonthPeriod, orSetting, PercentParams, percentSpec, percentValue, resolveParam, type PercentValue } from "./common";
import { completionRate } from "./completionRate";
import { periodMonths, yearPosition } from "./periodMath";

const Basis = z.enum(["annualTarget", "proRatedTarget"]);
const YearStart = z.number().int().min(1).max(12);

const Params = z
  .object({
    basis: orSetting(Basis),
    yearStartMonth: orSetting(YearStart),
    percent: PercentParams.optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    month: MonthPeriod,
    annualTarget: DecInput,
    cumulativeActual: DecInput.optional(),
    monthly: z.array(z.object({ period: MonthPeriod, value: DecInput }).strict()).optional(),
  })
  .strict()
  .refine((i) => (i.cumulativeActual === undefined) !== (i.monthly === undefined), { message: "give cumulativeActual or monthly, not both" });
type Input = z.infer<typeof Input>;

export interface YtdValue extends PercentValue {
  actual: Dec;
  target: Dec;
  monthsElapsed: number;
}

export const ytdCompletion: ToolKind<Params, Input> = {
  kind: "ytdCompletion",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, book, settings) {
    const p = rule.params;
    const spec = percentSpec(p.percent, book, settings, rule.id);
    if (isUnavailable(spec)) return spec;
    const basis = resolveParam(p.basis, Basis, settings, rule.id);
    if (isUnavailable(basis)) return basis;
    const start = resolveParam(p.yearStartMonth, YearStart, settings, rule.id);
    if (isUnavailable(start)) return start;
    const { year, position } = yearPosition(input.month, start);
    const yearMonths = periodMonths(String(year), start);
    let actual: Dec;
    if (input.monthly) {
      const wanted = yearMonths.slice(0, position);
      const seen = new Set<string>();
      for (const m of input.monthly) {
        if (!wanted.includes(m.period)) {
          return unavailable("value", rule.id, `${m.period} 不在 ${wanted[0]}…${input.month} 之内`, `${m.period} is outside ${wanted[0]}…${input.month}`);
        }
        if (seen.has(m.period)) return unavailable("value", rule.id, `${m.period} 重复`, `${m.period} is given twice`);
        seen.add(m.period);
      }
      const missing = wanted.filter((m) => !seen.has(m));
      if (missing.length > 0) {
        return unavailable("na", rule.id, `缺少 ${missing.join("、")} 的实际数,不能按 0 计`, `actuals missing for ${missing.join(", ")} (not counted as 0)`);
      }
      actual = sum(input.monthly.map((m) => m.value));
    } else actual = input.cumulativeActual!;
    const target = basis === "annualTarget" ? input.annualTarget : input.annualTarget.times(position).div(yearMonths.length);
    const words = basis === "annualTarget" ? { zh: "年度目标", en: "annual target" } : { zh: "时间进度目标", en: "pro-rated target" };
    const rate = completionRate(actual, target, rule.id, words);
    if (isUnavailable(rate)) return rate;
    const v = percentValue(rate, spec);
    const targetText =
      basis === "annualTarget"
        ? { zh: `年度目标 ${num(target)}`, en: `annual target ${num(target)}` }
        : {
            zh: `年度目标 ${num(input.annualTarget)} × ${position}/${yearMonths.length} = ${num(target)}`,
            en: `annual target ${num(input.annualTarget)} × ${position}/${yearMonths.length} = ${num(target)}`,
          };
    const value: YtdValue = { ...v, actual, target, monthsElapsed: position };
    return {
      value,
      reasons: [
        reason(
          rule.id,
          `截至 ${input.month} 累计 ${num(actual)} ÷ ${targetText.zh} = ${v.text}`,
          `to ${input.month}, cumulative ${num(actual)} / ${targetText.en} = ${v.text}`,
        ),
      ],
    };
  },
};
