/**
 * Test: an event in the appraised period — a flag on any record inside the period (or on one of its clients), or a
 * positive value of a field that only exists when the event happened (days overdue). Events are recorded when they
 * happen, so no record means no event. Used for 欠息/逾期 (any amount or duration), 垫款, input flags such as
 * 其它工作失误, 不称职 and the dismissal reasons.
 */
import { z } from "zod";
import type { FieldName } from "../../fields";
import type { PeriodRecord, Reason } from "../../model";
import { reason } from "../../outcome";
import type { EvalContext } from "../types";
import { FieldRef, fieldLabel, flagText, FlagRef, recordsWithin } from "./common";
import type { TestResult } from "./testTypes";

export const FlagsTest = z
  .object({
    flags: z.array(FlagRef).min(1),
    positiveFields: z.array(FieldRef).default([]),
    clients: z.boolean().default(true),
  })
  .strict();
export type FlagsTest = z.infer<typeof FlagsTest>;

function hits(t: FlagsTest, values: PeriodRecord["values"], flags: string[]): Array<{ zh: string; en: string }> {
  const out = t.flags.filter((f) => flags.includes(f)).map(flagText);
  for (const f of t.positiveFields) {
    const v = values[f as FieldName];
    if (v !== undefined && v.gt(0)) {
      const l = fieldLabel(f as FieldName);
      out.push({ zh: `${l.zh} ${v.toFixed()}`, en: `${l.en} ${v.toFixed()}` });
    }
  }
  return out;
}

export function evaluateFlagsTest(t: FlagsTest, ctx: EvalContext, rule: string): TestResult {
  const reasons: Reason[] = [];
  for (const r of recordsWithin(ctx.history, ctx.period)) {
    const own = hits(t, r.values, r.flags);
    if (own.length > 0) reasons.push(reason(rule, `${r.period} ${own.map((h) => h.zh).join("、")}`, `${r.period}: ${own.map((h) => h.en).join(", ")}`));
    if (!t.clients) continue;
    for (const c of r.clients) {
      const ch = hits(t, c.values, c.flags);
      if (ch.length > 0) reasons.push(reason(rule, `${r.period} 客户 ${c.id} ${ch.map((h) => h.zh).join("、")}`, `${r.period}: client ${c.id}: ${ch.map((h) => h.en).join(", ")}`));
    }
  }
  return { held: reasons.length > 0, reasons };
}
