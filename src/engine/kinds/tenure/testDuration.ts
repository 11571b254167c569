/**
 * Test: a credit event lasting long enough — 「贷款逾期1 个月以上或贷款欠息1个月以上」. A record (or one of its
 * clients) inside the appraised period gives the days overdue / in arrears at the record's period end; the event
 * started on end − days. `b002.overdue.oneMonth`: `calendarMonth` → end ≥ EDATE(since, 1); `days30` → days ≥ 30.
 * 以上 goes through the rulebook's boundary words (`b002.boundary.yishang`: exclusive makes it > instead of ≥).
 */
import { z } from "zod";
import { holds, opOf, OpSchema, SYMBOL } from "../../compare";
import { Dec } from "../../decimal";
import type { FieldName } from "../../fields";
import type { PeriodRecord, Reason } from "../../model";
import { reason } from "../../outcome";
import { addDays, addMonths } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext } from "../types";
import { checkChoice, choice, readChoice } from "../status/common";
import { FieldRef, fieldLabel, lastDay, recordsWithin } from "./common";
import type { TestResult } from "./testTypes";

const MEASURES = ["calendarMonth", "days30"] as const;

export const DurationTest = z
  .object({
    duration: z
      .object({
        fields: z.array(FieldRef).min(1),
        word: z.string().optional(),
        op: OpSchema.optional(),
        months: z.number().int().min(1),
        days: z.number().int().min(1),
        measure: choice(MEASURES),
      })
      .strict()
      .refine((d) => (d.word === undefined) !== (d.op === undefined), { message: "give exactly one of word or op" }),
  })
  .strict();
export type DurationTest = z.infer<typeof DurationTest>;

export function checkDuration(t: DurationTest, book: CompiledRulebook): string[] {
  return checkChoice(t.duration.measure, MEASURES, book);
}

/** A thousand years of days: an overdue count above it cannot be turned into a start date. */
const CALENDAR_DAYS = new Dec(365000);

export function evaluateDurationTest(t: DurationTest, ctx: EvalContext, rule: string): TestResult {
  const d = t.duration;
  const op = opOf(ctx.book, ctx.settings, d);
  const measure = readChoice(d.measure, ctx.settings);
  const reasons: Reason[] = [];
  const judge = (r: PeriodRecord, values: PeriodRecord["values"], who: { zh: string; en: string }) => {
    const end = lastDay(r.period);
    for (const f of d.fields) {
      const v = values[f as FieldName];
      if (v === undefined || !v.gt(0)) continue;
      const l = fieldLabel(f as FieldName);
      let ok: boolean;
      let how: { zh: string; en: string };
      if (measure === "calendarMonth" && v.gt(CALENDAR_DAYS)) {
        // Beyond the calendar the date helpers cover (years 0001–9999): longer than any month count, no date to show.
        ok = true;
        how = { zh: `${v.toFixed()} 天,超出日历范围`, en: `${v.toFixed()} days, beyond the calendar` };
      } else if (measure === "calendarMonth") {
        const since = addDays(end, -v.toNumber()); // int: whole days
        const edate = addMonths(since, d.months);
        ok = op === "gt" ? end > edate : end >= edate;
        how = { zh: `自 ${since} 起至 ${end},EDATE = ${edate}`, en: `from ${since} to ${end}, EDATE = ${edate}` };
      } else {
        ok = holds(v, op, new Dec(d.days));
        how = { zh: `${v.toFixed()} 天 ${ok ? SYMBOL[op] : "<"} ${d.days} 天`, en: `${v.toFixed()} days ${ok ? SYMBOL[op] : "<"} ${d.days} days` };
      }
      if (ok) {
        reasons.push(reason(rule, `${r.period} ${who.zh}${l.zh}满 ${d.months} 个月(${how.zh})`, `${r.period}: ${who.en}${l.en} ${d.months} month(s) or more (${how.en})`));
      }
    }
  };
  for (const r of recordsWithin(ctx.history, ctx.period)) {
    judge(r, r.values, { zh: "", en: "" });
    for (const c of r.clients) judge(r, c.values, { zh: `客户 ${c.id} `, en: `client ${c.id}: ` });
  }
  return { held: reasons.length > 0, reasons };
}
