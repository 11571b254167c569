/**
 * Test: an event repeated in "the second year" — 「受黄牌警告后,第二年再次受到黄牌警告者」. Actual yellow cards are
 * input (the centre sub-branch issues them): a flag on the record of the period it was issued in, dated by a
 * day-of-month field on a monthly record, else on the last day of the record's period. It holds when a card dated
 * inside the appraised period (d2) follows an earlier card d1 within the window (b002.yellowCard.repeatWindow):
 * `nextCalendarYear` year(d2) = year(d1) + 1; `within12Months` d1 < d2 ≤ EDATE(d1, months); `anyLaterYear`
 * year(d2) > year(d1).
 */
import { z } from "zod";
import type { FieldName } from "../../fields";
import type { Reason } from "../../model";
import { reason, unavailable, type Unavailable } from "../../outcome";
import { addMonths } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext } from "../types";
import { checkChoice, choice, readChoice } from "../status/common";
import { dayInMonth, FieldRef, firstDay, flagText, FlagRef, lastDay } from "./common";
import type { TestResult } from "./testTypes";

const WINDOWS = ["nextCalendarYear", "within12Months", "anyLaterYear"] as const;

export const RepeatTest = z
  .object({ repeat: z.object({ flag: FlagRef, dayField: FieldRef, window: choice(WINDOWS), months: z.number().int().min(1) }).strict() })
  .strict();
export type RepeatTest = z.infer<typeof RepeatTest>;

export function checkRepeat(t: RepeatTest, book: CompiledRulebook): string[] {
  return checkChoice(t.repeat.window, WINDOWS, book);
}

/** Dates of the flagged events in the history, oldest first, without duplicates. */
export function eventDates(ctx: EvalContext, flag: string, dayField: FieldName, rule: string): string[] | Unavailable {
  const dates = new Set<string>();
  for (const r of ctx.history) {
    if (!r.flags.includes(flag)) continue;
    const d = dayInMonth(r, dayField);
    if (typeof d === "object") return unavailable("value", rule, d.error, d.error);
    dates.add(d ?? lastDay(r.period));
  }
  return [...dates].sort();
}

export function evaluateRepeatTest(t: RepeatTest, ctx: EvalContext, rule: string): TestResult {
  const p = t.repeat;
  const dates = eventDates(ctx, p.flag, p.dayField as FieldName, rule);
  if (!Array.isArray(dates)) return dates;
  const window = readChoice(p.window, ctx.settings);
  const from = firstDay(ctx.period);
  const to = lastDay(ctx.period);
  const year = (d: string) => Number.parseInt(d.slice(0, 4), 10);
  const f = flagText(p.flag);
  const reasons: Reason[] = [];
  for (const d2 of dates.filter((d) => d >= from && d <= to)) {
    for (const d1 of dates.filter((d) => d < d2)) {
      let ok: boolean;
      let how: { zh: string; en: string };
      if (window === "nextCalendarYear") {
        ok = year(d2) === year(d1) + 1; // int: calendar year
        how = { zh: "次年再次", en: "again in the next calendar year" };
      } else if (window === "within12Months") {
        const limit = addMonths(d1, p.months);
        ok = d2 <= limit;
        how = { zh: `${p.months} 个月内再次(${limit} 前)`, en: `again within ${p.months} months (by ${limit})` };
      } else {
        ok = year(d2) > year(d1);
        how = { zh: "以后年度再次", en: "again in a later year" };
      }
      if (ok) reasons.push(reason(rule, `${f.zh} ${d1}、${d2}:${how.zh}受到${f.zh}`, `${f.en}s ${d1} and ${d2}: ${how.en}`));
    }
  }
  return { held: reasons.length > 0, reasons };
}
