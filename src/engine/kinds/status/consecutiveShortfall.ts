/**
 * "所考核的存款连续三个月内低于基数存款90%" (H003-DEMOTE-CM-DEPOSIT-3M): over the monthly history, a measure
 * below a share of a base for N consecutive calendar months fires the trigger in the month completing the run.
 *
 * Settings (each a fixed value or a setting in the rulebook):
 * - mode `eachMonth` (every month of the run is short) | `windowAverage` (the mean of the last N months is short:
 *   mean measure against the share of the mean base, which is the same as the plain base when it does not change);
 * - afterTrigger `reset` (the count restarts: 6 short months fire at months 3 and 6) | `oncePerRun` (one trigger
 *   until the run is broken by a month that is not short, or a gap);
 * - gap `breaksRun` (a missing month, or a month without the measure, ends the run) | `error` (the history from the
 *   first monthly record to the appraised month must be complete).
 * The base is the month's own base, or the latest earlier one (a base is assigned, so a workbook may give it once).
 * The trigger fires when a firing month falls in the appraised period (a month, or every month of a year).
 */
import { z } from "zod";
import { holds, opOf, Quantity, SYMBOL, type Op } from "../../compare";
import { sum, type Dec } from "../../decimal";
import { evaluateIndicator, IndicatorSchema } from "../../indicator";
import type { PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { monthIndex, monthOfIndex, monthRange, periodKind } from "../../periods";
import type { TriggerKind, EvalContext } from "../types";
import { show } from "../scoring/common";
import { Action, ACTIONS, checkChoice, choice, readChoice } from "./common";

const MODES = ["eachMonth", "windowAverage"] as const;
const AFTER = ["reset", "oncePerRun"] as const;
const GAPS = ["breaksRun", "error"] as const;

const Params = z
  .object({
    action: Action,
    measure: IndicatorSchema,
    base: IndicatorSchema,
    /** The comparison of measure with share × base: 低于 (<). */
    below: z.object({ word: z.string().optional(), op: z.enum(["ge", "gt", "le", "lt", "eq"]).optional(), share: Quantity }).strict(),
    months: z.number().int().min(1),
    mode: choice(MODES),
    afterTrigger: choice(AFTER),
    gap: choice(GAPS),
  })
  .strict();
type Params = z.infer<typeof Params>;

interface Month {
  index: number;
  value: Dec;
  base: Dec;
  unit: "money" | "usd" | "rate" | "count" | "points" | "days";
  label: { zh: string; en: string };
}

interface Fire {
  months: Month[];
  mean?: { value: Dec; base: Dec };
}

/** One month's measure and base, or why the month cannot be judged. */
function readMonth(p: Params, ctx: EvalContext, rec: PeriodRecord | undefined, lastBase: Dec | undefined, rule: string): Month | { missing: Reason } {
  if (!rec) return { missing: reason(rule, "缺少月度记录", "no monthly record") };
  const m = evaluateIndicator(p.measure, rec, ctx.book, ctx.settings, rule);
  if (isUnavailable(m)) return { missing: reason(rule, m.zh, m.en) };
  const b = evaluateIndicator(p.base, rec, ctx.book, ctx.settings, rule);
  if (isUnavailable(b) && lastBase === undefined) return { missing: reason(rule, b.zh, b.en) };
  return { index: monthIndex(rec.period), value: m.value, base: isUnavailable(b) ? lastBase! : b.value, unit: m.unit, label: m.label };
}

function fireReason(rule: string, p: Params, op: Op, f: Fire, ctx: EvalContext): Reason {
  const first = monthOfIndex(f.months[0].index);
  const last = monthOfIndex(f.months[f.months.length - 1].index); // int: array index
  const n = f.months.length;
  const label = f.months[0].label;
  const unit = f.months[0].unit;
  const share = show(p.below.share, "rate", ctx.book);
  const act = ACTIONS[p.action];
  const s = (v: Dec) => show(v, unit, ctx.book);
  if (f.mean) {
    const t = f.mean.base.times(p.below.share);
    return reason(
      rule,
      `${first} 至 ${last} 连续 ${n} 个月${label.zh}平均 ${s(f.mean.value)} ${SYMBOL[op]} 基数存款 ${s(f.mean.base)} 的 ${share}(${s(t)})→ ${act.zh}`,
      `${first} to ${last}, ${n} consecutive months: mean ${label.en} ${s(f.mean.value)} ${SYMBOL[op]} ${share} of base ${s(f.mean.base)} (${s(t)}) → ${act.en}`,
    );
  }
  const zh = f.months.map((m) => `${monthOfIndex(m.index)} ${s(m.value)} ${SYMBOL[op]} ${s(m.base.times(p.below.share))}`).join(";");
  const en = f.months.map((m) => `${monthOfIndex(m.index)} ${s(m.value)} ${SYMBOL[op]} ${s(m.base.times(p.below.share))}`).join("; ");
  return reason(
    rule,
    `${first} 至 ${last} 连续 ${n} 个月${label.zh}低于基数存款的 ${share}:${zh} → ${act.zh}`,
    `${first} to ${last}: ${label.en} below ${share} of base deposits for ${n} consecutive months: ${en} → ${act.en}`,
  );
}

export const consecutiveShortfall: TriggerKind<Params> = {
  kind: "consecutiveShortfall",
  stage: "trigger",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    return [...checkChoice(p.mode, MODES, book), ...checkChoice(p.afterTrigger, AFTER, book), ...checkChoice(p.gap, GAPS, book)];
  },
  trigger(rule, ctx) {
    const p = rule.params;
    const mode = readChoice(p.mode, ctx.settings);
    const after = readChoice(p.afterTrigger, ctx.settings);
    const gap = readChoice(p.gap, ctx.settings);
    const op = opOf(ctx.book, ctx.settings, p.below);
    const range = monthRange(ctx.period);
    const byIndex = new Map<number, PeriodRecord>();
    for (const r of ctx.history) if (periodKind(r.period) === "month") byIndex.set(monthIndex(r.period), r);
    const inRange = [...byIndex.keys()].filter((i) => i >= range.first && i <= range.last);
    if (inRange.length === 0) {
      return unavailable("na", rule.id, `${ctx.period} 没有月度记录,无法判断连续月份`, `no monthly record in ${ctx.period}, consecutive months cannot be judged`);
    }
    const start = Math.min(...byIndex.keys()); // int: earliest month index
    const end = Math.max(...inRange); // int: latest month index in the period
    let run: Month[] = [];
    let firedInRun = false;
    let lastBase: Dec | undefined;
    // share × base, worked out again only when the base changes (an assigned base rarely does).
    let priced: { base: Dec; threshold: Dec } | undefined;
    const thresholdOf = (base: Dec) => {
      if (!priced || !priced.base.eq(base)) priced = { base, threshold: base.times(p.below.share) };
      return priced.threshold;
    };
    const fires: Fire[] = [];
    for (let i = start; i <= end; i++) { // int: calendar month index
      const month = readMonth(p, ctx, byIndex.get(i), lastBase, rule.id);
      if ("missing" in month) {
        const period = monthOfIndex(i);
        if (i === end) return unavailable("na", rule.id, `${period}:${month.missing.zh}`, `${period}: ${month.missing.en}`);
        if (gap === "error") {
          return unavailable("value", rule.id, `${period} 缺少数据(${month.missing.zh}),历史记录须连续(缺月设置为 error)`, `${period} has no data (${month.missing.en}); the history must be complete (gap setting = error)`);
        }
        run = [];
        firedInRun = false;
        continue;
      }
      lastBase = month.base;
      let fire: Fire | undefined;
      if (mode === "eachMonth") {
        if (holds(month.value, op, thresholdOf(month.base))) run.push(month);
        else {
          run = [];
          firedInRun = false;
        }
        if (run.length >= p.months && !firedInRun) fire = { months: run.slice(-p.months) }; // int: the last N months
      } else {
        run.push(month);
        if (run.length >= p.months) {
          const last = run.slice(-p.months); // int: the last N months
          const value = sum(last.map((m) => m.value)).div(p.months);
          const base = sum(last.map((m) => m.base)).div(p.months);
          if (!holds(value, op, base.times(p.below.share))) firedInRun = false;
          else if (!firedInRun) fire = { months: last, mean: { value, base } };
        }
      }
      if (fire) {
        if (i >= range.first) fires.push(fire);
        if (after === "reset") run = [];
        else firedInRun = true;
      }
    }
    if (fires.length === 0) return undefined;
    return { rule: rule.id, action: p.action, reasons: fires.map((f) => fireReason(rule.id, p, op, f, ctx)) };
  },
};

