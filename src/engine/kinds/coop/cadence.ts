/**
 * C000-REPORT-CADENCE: the periods a date belongs to — the 旬 (ten-day report: days 1–10, 11–20, 21–month end), the
 * month (assessment sheet, visit log) and the week (the weekly meeting, Monday to Sunday). Assessment is monthly;
 * the 旬 is a data-entry period only.
 */
import { z } from "zod";
import { reason } from "../../outcome";
import { addDays, daysOfMonthPeriod, parseIsoDate, weekday } from "../../periods";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { dateInput } from "../tools/toolInput";

const Params = z
  .object({
    /** First day of each 旬, ascending from 1; the last runs to the month's end. */
    xun: z.array(z.object({ from: z.number().int().min(1).max(31), label: Bilingual }).strict()).min(1),
    reports: z.array(z.object({ every: z.enum(["xun", "month", "week"]), label: Bilingual }).strict()).min(1),
  })
  .strict()
  .refine((p) => p.xun[0].from === 1 && p.xun.every((x, i) => i === 0 || x.from > p.xun[i - 1].from), { message: "xun must start on day 1 and ascend" }); // int: list index
type Params = z.infer<typeof Params>;

const Input = z.object({ date: dateInput("date") }).strict();
type Input = z.infer<typeof Input>;

const pad = (n: number) => String(n).padStart(2, "0");

export const coopReportPeriods: ToolKind<Params, Input> = {
  kind: "coopReportPeriods",
  stage: "tool",
  params: Params,
  input: Input,
  run(rule, input) {
    const p = rule.params;
    const [, , day] = parseIsoDate(input.date);
    const month = input.date.slice(0, 7);
    const at = p.xun.reduce((k, x, i) => (day >= x.from ? i : k), 0);
    const last = at + 1 < p.xun.length ? p.xun[at + 1].from - 1 : daysOfMonthPeriod(month); // int: day of month
    const xun = { index: at + 1, label: p.xun[at].label, first: `${month}-${pad(p.xun[at].from)}`, last: `${month}-${pad(last)}` }; // int: 1-based index
    const monday = addDays(input.date, -((weekday(input.date) + 6) % 7)); // int: days back to Monday
    const week = { first: monday, last: addDays(monday, 6) };
    const reports = p.reports.map((r) => r.label);
    return {
      value: { month, xun, week },
      reasons: [
        reason(
          rule.id,
          `${input.date} 属于 ${month} ${p.xun[at].label.zh}(${xun.first} 至 ${xun.last})、${week.first} 至 ${week.last} 这一周;报表:${reports.map((r) => r.zh).join(";")}`,
          `${input.date} is in the ${p.xun[at].label.en} ten-day period of ${month} (${xun.first} to ${xun.last}) and the week ${week.first} to ${week.last}; reports: ${reports.map((r) => r.en).join("; ")}`,
        ),
      ],
    };
  },
};
