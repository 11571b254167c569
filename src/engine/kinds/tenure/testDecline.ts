/**
 * Test (optional helper for 「经管的主要客户,在半年内出现存、贷款余额、结算量连续下降,所占份额缩小」): for clients
 * flagged as main clients, over the trailing `months` months ending at each quarter end of the appraised period,
 * the month-end values of a measure (deposit balance, loan balance, settlement) fall month on month `run` times in
 * a row (b002.admonition.declineRun; 5 = every month of the half-year below the one before), in any or all
 * measures (b002.admonition.declineMeasures), AND the bank's share of the client at the window's end is below the
 * share at its start. Monthly records with per-client values are needed; a measure a client never reports is left
 * out; a measure with a missing month, or missing share data, cannot be judged (use the mainClientDecline flag).
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import type { FieldName } from "../../fields";
import type { Client, Reason } from "../../model";
import { reason, unavailable, type Unavailable } from "../../outcome";
import { monthIndex, monthOfIndex, monthRange, periodKind } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { EvalContext } from "../types";
import { IntegerOrSetting, isSettingRef, resolveInteger } from "../ledger/common";
import { checkChoice, choice, readChoice } from "../status/common";
import { FieldRef, fieldLabel, FlagRef, quarterEndsIn, show } from "./common";
import type { TestResult } from "./testTypes";

const COMBINE = ["any", "all"] as const;

export const DeclineTest = z
  .object({
    decline: z
      .object({
        clientFlag: FlagRef,
        months: z.number().int().min(2),
        run: IntegerOrSetting,
        measures: z.array(FieldRef).min(1),
        combine: choice(COMBINE),
        share: FieldRef,
      })
      .strict(),
  })
  .strict();
export type DeclineTest = z.infer<typeof DeclineTest>;

export function checkDecline(t: DeclineTest, book: CompiledRulebook): string[] {
  const problems = checkChoice(t.decline.combine, COMBINE, book);
  if (isSettingRef(t.decline.run) && !book.doc.settings[t.decline.run.setting]) problems.push(`setting ${t.decline.run.setting} is not declared`);
  return problems;
}

/** Longest run of month-on-month falls in a series. */
function longestFall(series: Dec[]): number {
  let best = 0;
  let cur = 0;
  for (let i = 1; i < series.length; i++) { // int: list index
    cur = series[i].lt(series[i - 1]) ? cur + 1 : 0; // int: run length
    if (cur > best) best = cur;
  }
  return best;
}

export function evaluateDeclineTest(t: DeclineTest, ctx: EvalContext, rule: string): TestResult {
  const d = t.decline;
  const run = resolveInteger(d.run, ctx.settings);
  if (!run.ok) return unavailable(run.missing ? "na" : "value", rule, `设置有误:${run.missing ?? run.bad}`, `bad setting: ${run.missing ?? run.bad}`);
  if (run.value < 1 || run.value > d.months - 1) { // int: month count
    return unavailable("value", rule, `连续下降次数须在 1 至 ${d.months - 1} 之间(现为 ${run.value})`, `the decline run must be 1 to ${d.months - 1} (is ${run.value})`); // int: month count
  }
  const combine = readChoice(d.combine, ctx.settings);
  const months = new Map<number, Map<string, Client>>();
  for (const r of ctx.history) if (periodKind(r.period) === "month") months.set(monthIndex(r.period), new Map(r.clients.map((c) => [c.id, c])));
  const held: Reason[] = [];
  let unknown: Unavailable | undefined;
  const range = monthRange(ctx.period);
  for (const q of quarterEndsIn(ctx.period)) {
    const end = Math.min(monthRange(q).last, range.last); // int: month index
    const first = end - d.months + 1; // int: month index
    const span = `${monthOfIndex(first)}–${monthOfIndex(end)}`;
    const ids = new Set<string>();
    for (let i = first; i <= end; i++) for (const c of months.get(i)?.values() ?? []) if (c.flags.includes(d.clientFlag)) ids.add(c.id); // int: month index
    for (const id of ids) {
      const shown: string[] = [];
      const shownEn: string[] = [];
      let reported = 0;
      let incomplete = false;
      let completeNotShown = 0;
      for (const f of d.measures) {
        const series: Dec[] = [];
        let seen = 0;
        for (let i = first; i <= end; i++) { // int: month index
          const v = months.get(i)?.get(id)?.values[f as FieldName];
          if (v !== undefined) {
            series.push(v);
            seen++; // int: count
          }
        }
        if (seen === 0) continue;
        reported++; // int: count
        if (seen < d.months) {
          incomplete = true;
          continue;
        }
        const fall = longestFall(series);
        const l = fieldLabel(f as FieldName);
        if (fall >= run.value) {
          shown.push(`${l.zh}连续 ${fall} 个月环比下降`);
          shownEn.push(`${l.en} fell ${fall} months in a row`);
        } else completeNotShown++; // int: count
      }
      if (reported === 0) continue;
      const declined = combine === "any" ? shown.length > 0 : completeNotShown === 0 && !incomplete;
      if (!declined) {
        if (incomplete && (combine === "any" ? shown.length === 0 : completeNotShown === 0)) {
          unknown ??= unavailable("na", rule, `${span} 主要客户 ${id} 月度数据不全,无法判断连续下降(可用 mainClientDecline 标志)`, `${span}: main client ${id} has incomplete monthly data (use the mainClientDecline flag)`);
        }
        continue;
      }
      const s0 = months.get(first)?.get(id)?.values[d.share as FieldName];
      const s1 = months.get(end)?.get(id)?.values[d.share as FieldName];
      if (s0 === undefined || s1 === undefined) {
        unknown ??= unavailable("na", rule, `${span} 主要客户 ${id} 缺少我行份额数据,无法判断份额是否缩小(可用 mainClientDecline 标志)`, `${span}: main client ${id} has no share data (use the mainClientDecline flag)`);
        continue;
      }
      const pct = (x: Dec) => show(x, "rate", ctx.book);
      if (!s1.lt(s0)) continue;
      held.push(
        reason(
          rule,
          `${span} 主要客户 ${id}:${shown.join("、")},份额 ${pct(s0)} → ${pct(s1)} 缩小`,
          `${span}: main client ${id}: ${shownEn.join(", ")}; share ${pct(s0)} → ${pct(s1)}, shrinking`,
        ),
      );
    }
  }
  if (held.length > 0) return { held: true, reasons: held };
  return unknown ?? { held: false, reasons: [] };
}
