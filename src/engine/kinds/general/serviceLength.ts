/**
 * Service counted from a chosen start (H003-AGENT-SENIORITY: from the promotion to CM, not from the agent hire, to
 * the termination). Length = whole calendar months (day of month respected, month ends clamped) plus remaining
 * days; years = whole months ÷ 12, exact. The severance formula is not in the seed and is not computed.
 */
import { z } from "zod";
import { Dec } from "../../decimal";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { addMonths } from "../../periods";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { daysBetween } from "./calendar";
import { approx, IsoDate } from "./common";

const Params = z
  .object({
    /** Which input date service counts from, and what it is called. */
    countFrom: z.string().min(1),
    countFromLabel: Bilingual,
    /** Earlier dates shown as not counted (the agent hire). */
    notCounted: z.array(z.object({ input: z.string().min(1), label: Bilingual }).strict()).default([]),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z.object({ dates: z.record(z.string(), IsoDate), endDate: IsoDate }).strict();
type Input = z.infer<typeof Input>;

export interface ServiceValue {
  start: string;
  end: string;
  months: number;
  days: number;
  years: Dec;
}

/** Whole months from `start` to `end`, then leftover days. */
export function monthsAndDays(start: string, end: string): { months: number; days: number } {
  let months = 0;
  while (addMonths(start, months + 1) <= end) months++; // int: month count
  return { months, days: daysBetween(addMonths(start, months), end) };
}

function service(start: string, end: string): ServiceValue {
  const { months, days } = monthsAndDays(start, end);
  return { start, end, months, days, years: new Dec(months).div(12) };
}

function words(v: ServiceValue): { zh: string; en: string } {
  const y = approx(v.years, 2);
  return { zh: `${v.months} 个月${v.days ? ` ${v.days} 天` : ""}(${y} 年)`, en: `${v.months} months${v.days ? ` ${v.days} days` : ""} (${y} years)` };
}

export const serviceLength: ToolKind<Params, Input> = {
  kind: "serviceLength",
  stage: "tool",
  params: Params,
  input: Input,
  run(rule, input, _book, _settings) {
    const p = rule.params;
    const start = input.dates[p.countFrom];
    if (!start) return unavailable("value", rule.id, `缺少${p.countFromLabel.zh}(dates.${p.countFrom})`, `dates.${p.countFrom} (${p.countFromLabel.en}) is required`);
    if (input.endDate < start) return unavailable("value", rule.id, `截止日 ${input.endDate} 早于${p.countFromLabel.zh} ${start}`, `end ${input.endDate} is before ${p.countFromLabel.en} ${start}`);
    const v = service(start, input.endDate);
    const w = words(v);
    const reasons = [reason(rule.id, `自${p.countFromLabel.zh} ${start} 至 ${input.endDate} 计算工龄:${w.zh}`, `service from ${p.countFromLabel.en} ${start} to ${input.endDate}: ${w.en}`)];
    for (const nc of p.notCounted) {
      const d = input.dates[nc.input];
      if (!d) continue;
      if (d > start) return unavailable("value", rule.id, `${nc.label.zh} ${d} 晚于${p.countFromLabel.zh} ${start}`, `${nc.label.en} ${d} is after ${p.countFromLabel.en} ${start}`);
      const all = words(service(d, input.endDate));
      reasons.push(reason(rule.id, `${nc.label.zh} ${d} 起的工龄不计,若计则为 ${all.zh}`, `service since ${nc.label.en} ${d} is not counted; it would be ${all.en}`));
    }
    return { value: v, reasons };
  },
};
