/**
 * G004-PERIODS: month (YYYY-MM), quarter, half-year and year, of the calendar year by default
 * (`yearStartMonth` = 1). Given a month: the quarter, half-year and year containing it; given any period: its
 * months; and the period it is compared with 环比 (preceding period) and 同比 (a year earlier).
 */
import { z } from "zod";
import { isUnavailable, reason } from "../../outcome";
import { periodKind } from "../../periods";
import type { ToolKind } from "../types";
import { YearStartMonth } from "./aggregateMonths";
import { AnyPeriod, checkSettingRefs, orSetting, resolveParam } from "./common";
import { containingPeriods, periodMonths, previousPeriod } from "./periodMath";

const Params = z.object({ yearStartMonth: orSetting(YearStartMonth) }).strict();
type Params = z.infer<typeof Params>;

const Input = z.object({ period: AnyPeriod }).strict();
type Input = z.infer<typeof Input>;

export interface PeriodInfo {
  period: string;
  kind: "month" | "quarter" | "halfYear" | "year";
  months: string[];
  quarter?: string;
  halfYear?: string;
  year: string;
  previous: { mom: string; yoy: string };
}

export const periodOf: ToolKind<Params, Input> = {
  kind: "periodOf",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, _book, settings) {
    const start = resolveParam(rule.params.yearStartMonth, YearStartMonth, settings, rule.id);
    if (isUnavailable(start)) return start;
    const kind = periodKind(input.period)!;
    const months = periodMonths(input.period, start);
    const info: PeriodInfo = {
      period: input.period,
      kind,
      months,
      year: input.period.slice(0, 4),
      previous: { mom: previousPeriod(input.period, "mom"), yoy: previousPeriod(input.period, "yoy") },
    };
    const yearNote = start === 1 ? { zh: "自然年", en: "calendar year" } : { zh: `年度自 ${start} 月起`, en: `year starting in month ${start}` };
    if (kind === "month") {
      const c = containingPeriods(input.period, start);
      Object.assign(info, c);
      return {
        value: info,
        reasons: [
          reason(
            rule.id,
            `${input.period} 属于 ${c.quarter}、${c.halfYear}、${c.year} 年度(${yearNote.zh})`,
            `${input.period} is in ${c.quarter}, ${c.halfYear}, year ${c.year} (${yearNote.en})`,
          ),
        ],
      };
    }
    const span = `${months[0]}…${months[months.length - 1]}`; // int: list index
    return { value: info, reasons: [reason(rule.id, `${input.period} = ${span}(${yearNote.zh})`, `${input.period} = ${span} (${yearNote.en})`)] };
  },
};
