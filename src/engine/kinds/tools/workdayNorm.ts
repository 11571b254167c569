/**
 * A daily norm on working days, plus "at least n per week / per month" records (H003-WORK-VISITS: visit 1–2 clients
 * every working day; a weekly summary and a monthly report). Each working day below the minimum is an information
 * finding; above the norm is never flagged (the norm is not a cap). The caller lists the working days (the holiday
 * calendar is the workbook's); weekly and monthly records are checked only when the workbook tracks them.
 */
import { z } from "zod";
import { Dec } from "../../decimal";
import { plain } from "../../format";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { addDays, weekday } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { finding, SeveritySchema, type Finding } from "./findings";
import { checkNumberRef, NumberRefSchema, readNumber } from "./settingChoice";
import { countInput, dateInput } from "./toolInput";

const Params = z
  .object({
    countLabel: Bilingual,
    minPerDay: NumberRefSchema,
    severity: SeveritySchema,
    /** Records due per calendar week (Monday–Sunday) or month, read from `records[input]` when given. */
    periodic: z
      .array(z.object({ input: z.string(), every: z.enum(["week", "month"]), min: z.number().int().min(1), label: Bilingual }).strict())
      .default([]),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    workdays: z.array(z.object({ date: dateInput("workdays[].date"), count: countInput("workdays[].count") }).strict(), { error: "workdays must be a list of {date, count}" }),
    records: z.record(z.string(), z.array(dateInput("records[][]"), { error: "records must map names to lists of dates" })).default({}),
  })
  .strict();
type Input = z.infer<typeof Input>;

/** The Monday of a date's week (ISO weeks start on Monday). */
function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7)); // int: days back to Monday
}

function unitOf(every: "week" | "month", date: string): string {
  return every === "week" ? mondayOf(date) : date.slice(0, 7);
}

export const workdayNorm: ToolKind<Params, Input> = {
  kind: "workdayNorm",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book: CompiledRulebook) {
    return checkNumberRef(rule.params.minPerDay, book);
  },
  run(rule, input, _book, settings) {
    const p = rule.params;
    const min = readNumber(p.minPerDay, settings);
    const key = typeof p.minPerDay === "object" && "setting" in p.minPerDay ? p.minPerDay.setting : "minPerDay";
    if (min === undefined) return unavailable("na", rule.id, `每日最低数未配置(${key})`, `daily minimum not configured (${key})`);
    const seen = new Set<string>();
    for (const [i, d] of input.workdays.entries()) {
      if (seen.has(d.date)) return unavailable("value", rule.id, `workdays[${i}].date:${d.date} 重复`, `workdays[${i}].date: ${d.date} is listed twice`);
      seen.add(d.date);
    }
    const findings: Finding[] = [];
    for (const d of input.workdays) {
      if (!new Dec(d.count).lt(min)) continue;
      findings.push(
        finding(p.severity, rule.id, `${d.date}:${p.countLabel.zh} ${d.count},少于每个工作日 ${plain(min)}`, `${d.date}: ${p.countLabel.en} ${d.count}, below ${plain(min)} per working day`, d.date),
      );
    }
    const reasons: Reason[] = [
      reason(
        rule.id,
        `${input.workdays.length} 个工作日中 ${input.workdays.length - findings.length} 个${p.countLabel.zh} ≥ ${plain(min)}(${key})`, // int: day counts
        `${input.workdays.length - findings.length} of ${input.workdays.length} working days with ${p.countLabel.en} ≥ ${plain(min)} (${key})`, // int: day counts
      ),
    ];
    for (const per of p.periodic) {
      const dates = input.records[per.input];
      if (dates === undefined) continue; // not tracked by this workbook
      const units = [...new Set(input.workdays.map((d) => unitOf(per.every, d.date)))].sort();
      const counts = new Map<string, number>();
      for (const d of dates) counts.set(unitOf(per.every, d), (counts.get(unitOf(per.every, d)) ?? 0) + 1); // int: record count
      const unitWord = per.every === "week" ? { zh: "当周(周一起)", en: "week of" } : { zh: "月份", en: "month" };
      for (const u of units) {
        const n = counts.get(u) ?? 0;
        if (n >= per.min) continue;
        findings.push(finding(p.severity, rule.id, `${unitWord.zh} ${u}:${per.label.zh} ${n} 次,少于 ${per.min} 次`, `${unitWord.en} ${u}: ${per.label.en} ${n}, below ${per.min}`, u));
      }
      reasons.push(reason(rule.id, `已核对${per.label.zh}(${units.length} 个${per.every === "week" ? "周" : "月"})`, `checked ${per.label.en} (${units.length} ${per.every}s)`));
    }
    return { value: { findings }, reasons };
  },
};
