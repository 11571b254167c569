/**
 * The demotion cycle of seed 000 article 11 over a person's monthly history (C000-DEMOTE-30PCT, C000-DEMOTE-3M,
 * C000-DEMOTE-EFFECT, C000-REINSTATE), computed once per appraisal and read by the rules that report its parts.
 *
 * Month by month, from the first monthly record to the appraised period's last month:
 * - as a CM (a role of the status rule's `subjectRoles`): any item below the floor → demotion; otherwise missed
 *   months are counted, a completed month resets the count, a month with no data resets it or is an error
 *   (c000.run.gap); the count reaching N → demotion. Both triggers of one month are reported, floor first.
 * - a demotion in month m takes effect in E = m + 1 (or m, c000.demotion.effective): from E the person is a general
 *   marketer whose base salary is cancelled. Reinstatement counts completed months from m + 1 (the month that
 *   triggered a demotion never counts towards reinstatement); N completed in a row ending with L → may apply from L + 1.
 * - roles: before any derived demotion a month's role is its record's role, else the manager's. After one, only a
 *   role written on a month's record counts as the people's decision: CM once the person may apply is a
 *   re-appointment; CM before that is a record to check (said in the explanation, the person stays a general
 *   marketer); another role leaves the cycle. A general marketer with no derived demotion was demoted before the
 *   history: reinstatement counts from that month. Roles other than CM and general marketer are outside the cycle.
 */
import type { PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { holds, opOf, SYMBOL } from "../../compare";
import { monthIndex, monthOfIndex, monthRange, periodKind } from "../../periods";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import type { EvalContext } from "../types";
import type { DemotionStatusParams, ItemFloorParams, MissedRunParams, ReinstateParams } from "./cycleParams";
import { pctText, pick } from "./common";
import { classifyMonth, type TaskMonth, type TaskMonthParams } from "./taskMonth";

export interface CycleRules {
  taskMonth: CompiledRule<TaskMonthParams>;
  floor?: CompiledRule<ItemFloorParams>;
  run?: CompiledRule<MissedRunParams>;
  reinstate?: CompiledRule<ReinstateParams>;
  status: CompiledRule<DemotionStatusParams>;
}

export interface DemotionTrigger {
  rule: string;
  code: string;
  reasons: Reason[];
}

export interface Demotion {
  /** Month index of the trigger; undefined for a demotion recorded before the history. */
  month?: number;
  effective: number;
  triggers: DemotionTrigger[];
  /** Months completed in a row since the demotion, and the month the person may apply from, once reached. */
  completed: number[];
  eligibleFrom?: number;
}

export interface Cycle {
  /** The month the state is read at (the appraised period's last month with a record). */
  end: number;
  first: number;
  phase: "cm" | "marketer" | "other";
  role: string;
  /** Months missed in a row in the current CM run. */
  run: number[];
  demotions: Demotion[];
  /** The demotion in force at the end, if the person is a general marketer. */
  current?: Demotion;
  reappointed: number[];
  months: Map<number, TaskMonth>;
  notes: Reason[];
}

const KINDS = {
  taskMonth: "coopTaskMonth",
  floor: "coopItemFloor",
  run: "coopMissedRun",
  reinstate: "coopReinstate",
  status: "coopDemotionStatus",
} as const;

export function cycleRules(book: CompiledRulebook): CycleRules | undefined {
  const byKind = (k: string) => book.rules.find((r) => r.kind.kind === k);
  const taskMonth = byKind(KINDS.taskMonth);
  const status = byKind(KINDS.status);
  if (!taskMonth || !status) return undefined;
  return { taskMonth, status, floor: byKind(KINDS.floor), run: byKind(KINDS.run), reinstate: byKind(KINDS.reinstate) };
}

/** Problems for a cycle rule whose partners are missing (checked when the rulebook loads). */
export function checkCycle(book: CompiledRulebook): string[] {
  const problems: string[] = [];
  if (!book.rules.some((r) => r.kind.kind === KINDS.taskMonth)) problems.push(`the demotion cycle needs a ${KINDS.taskMonth} rule`);
  if (!book.rules.some((r) => r.kind.kind === KINDS.status)) problems.push(`the demotion cycle needs a ${KINDS.status} status rule`);
  return problems;
}

const cache = new WeakMap<EvalContext, Cycle | Unavailable | "skip">();

// Each month's appraisal replays the months before it, so the same month record is classified again and again,
// always the same way (same record, rule and settings; the result is only read). Each classification is kept.
const classified = new WeakMap<PeriodRecord, WeakMap<Settings, Map<CompiledRule, TaskMonth | Unavailable>>>();

function classifyOnce(rule: CompiledRule<TaskMonthParams>, rec: PeriodRecord, ctx: EvalContext, period: string): TaskMonth | Unavailable {
  let bySettings = classified.get(rec);
  if (!bySettings) {
    bySettings = new WeakMap();
    classified.set(rec, bySettings);
  }
  let byRule = bySettings.get(ctx.settings);
  if (!byRule) {
    byRule = new Map();
    bySettings.set(ctx.settings, byRule);
  }
  let m = byRule.get(rule);
  if (!m) {
    const overall = rec.values[rule.params.overallField as keyof typeof rec.values];
    m = classifyMonth(rule, rec.tasks, overall, ctx.book, ctx.settings, period);
    byRule.set(rule, m);
  }
  return m;
}

/** The cycle for this appraisal (computed once; every cycle rule reads the same result). "skip": nothing to judge. */
export function cycleOf(ctx: EvalContext): Cycle | Unavailable | "skip" {
  const hit = cache.get(ctx);
  if (hit !== undefined) return hit;
  const rules = cycleRules(ctx.book);
  const result = rules ? simulate(rules, ctx) : "skip";
  cache.set(ctx, result);
  return result;
}

function simulate(rules: CycleRules, ctx: EvalContext): Cycle | Unavailable | "skip" {
  const sp = rules.status.params;
  const range = monthRange(ctx.period);
  const byIndex = new Map<number, PeriodRecord>();
  for (const r of ctx.history) if (periodKind(r.period) === "month") byIndex.set(monthIndex(r.period), r);
  const statusId = rules.status.id;
  let end: number;
  if (periodKind(ctx.period) === "month") {
    if (!byIndex.has(range.last)) {
      return unavailable("na", statusId, `缺少 ${ctx.period} 的月度记录,无法判断任务完成情况`, `no record for ${ctx.period}: task completion cannot be judged`);
    }
    end = range.last;
  } else {
    // A quarter or year is read at its last month with a record; without monthly records there is nothing to judge.
    const inside = [...byIndex.keys()].filter((i) => i >= range.first && i <= range.last);
    if (inside.length === 0) return "skip";
    end = Math.max(...inside); // int: latest month index
  }
  const first = Math.min(...[...byIndex.keys()].filter((i) => i <= end)); // int: earliest month index
  const offset = pick(sp.effective, ctx.settings).value === "nextMonth" ? 1 : 0;
  const runGap = rules.run ? pick(rules.run.params.gap, ctx.settings) : undefined;
  const backGap = rules.reinstate ? pick(rules.reinstate.params.gap, ctx.settings) : undefined;
  const months = new Map<number, TaskMonth>();
  const notes: Reason[] = [];
  const out: Cycle = { end, first, phase: "other", role: ctx.manager.role, run: [], demotions: [], reappointed: [], months, notes };
  let current: Demotion | undefined;
  let staleNoted = false;

  const classify = (i: number): TaskMonth | Unavailable => {
    const rec = byIndex.get(i);
    const period = monthOfIndex(i);
    if (!rec) {
      return { state: "noData", items: [], skipped: [], reasons: [reason(rules.taskMonth.id, `${period}:缺少月度记录 → 无数据`, `${period}: no monthly record → no data`)] };
    }
    const m = classifyOnce(rules.taskMonth, rec, ctx, period);
    if (!isUnavailable(m)) months.set(i, m);
    return m;
  };
  const gapError = (i: number, gap: { setting?: string; settingValue?: string }, rule: string): Unavailable =>
    unavailable(
      "value",
      rule,
      `${monthOfIndex(i)} 没有任务数据,连续月份须完整(设置 ${gap.setting} = ${gap.settingValue})`,
      `${monthOfIndex(i)} has no task data; consecutive months must be complete (setting ${gap.setting} = ${gap.settingValue})`,
    );

  for (let i = first; i <= end; i++) { // int: calendar month index
    const rec = byIndex.get(i);
    // After a derived demotion only a role written on the month's record is a decision of the people (a
    // re-appointment, a move); a month without one follows the derived state, not the manager's current role.
    const explicit = rec?.role;
    const recorded = explicit ?? (current ? sp.demotedRole : ctx.manager.role);
    out.role = recorded;
    const isCm = sp.subjectRoles.includes(recorded);
    if (current && i >= current.effective) {
      if (isCm && current.eligibleFrom !== undefined && i >= current.eligibleFrom) {
        out.reappointed.push(i);
        notes.push(reason(rules.reinstate?.id ?? statusId, `${monthOfIndex(i)} 记录为客户经理:重新转聘,连续未完成任务的月数从 0 起算`, `${monthOfIndex(i)} recorded as CM: re-appointed; the count of missed months starts again from 0`));
        current = undefined;
        out.run = [];
        out.phase = "cm";
      } else if (isCm) {
        if (!staleNoted) {
          notes.push(
            reason(
              statusId,
              `${monthOfIndex(i)} 记录岗位为客户经理,但自 ${monthOfIndex(current.effective)} 起已转为一般营销员且尚不能申请重新转聘:按一般营销员处理,请核对岗位记录`,
              `${monthOfIndex(i)} is recorded as CM, but the person has been a general marketer since ${monthOfIndex(current.effective)} and may not yet apply to return: treated as a general marketer; check the role records`,
            ),
          );
          staleNoted = true;
        }
        out.phase = "marketer";
      } else if (recorded === sp.demotedRole) out.phase = "marketer";
      else {
        current = undefined;
        out.phase = "other";
      }
    } else if (isCm) out.phase = "cm";
    else if (recorded === sp.demotedRole) {
      current = { effective: i, triggers: [], completed: [] };
      out.demotions.push(current);
      out.phase = "marketer";
    } else {
      out.phase = "other";
      out.run = [];
    }

    if (out.phase === "cm") {
      const m = classify(i);
      if (isUnavailable(m)) return m;
      const triggers: DemotionTrigger[] = [];
      if (rules.floor) {
        const f = rules.floor.params;
        const op = opOf(ctx.book, ctx.settings, f.below);
        const low = m.items.filter((it) => holds(it.completion, op, f.below.value));
        if (low.length > 0) {
          const list = { zh: low.map((it) => `${it.label.zh} ${pctText(it.completion)}`).join("、"), en: low.map((it) => `${it.label.en} ${pctText(it.completion)}`).join(", ") };
          triggers.push({
            rule: rules.floor.id,
            code: f.code,
            reasons: [
              reason(
                rules.floor.id,
                `${monthOfIndex(i)} 单项任务完成${list.zh} ${SYMBOL[op]} ${pctText(f.below.value)}(${f.code})→ 降为一般营销员`,
                `${monthOfIndex(i)}: single task item ${list.en} ${SYMBOL[op]} ${pctText(f.below.value)} (${f.code}) → demoted to general marketer`,
              ),
            ],
          });
        }
      }
      if (m.state === "missed") out.run.push(i);
      else if (m.state === "completed") out.run = [];
      else if (runGap && runGap.value === "error") return gapError(i, runGap, rules.run!.id);
      else out.run = [];
      if (rules.run && out.run.length >= rules.run.params.months) {
        const r = rules.run.params;
        const span = out.run.slice(-r.months); // int: the last N months
        triggers.push({
          rule: rules.run.id,
          code: r.code,
          reasons: [
            reason(
              rules.run.id,
              `${span.map(monthOfIndex).join("、")} 连续 ${r.months} 个月未完成社分配任务(${r.code})→ 降为一般营销员`,
              `${span.map(monthOfIndex).join(", ")}: tasks missed ${r.months} months running (${r.code}) → demoted to general marketer`,
            ),
          ],
        });
      }
      if (triggers.length > 0) {
        current = { month: i, effective: i + offset, triggers, completed: [] }; // int: calendar month index
        out.demotions.push(current);
        out.run = [];
        if (offset === 0) out.phase = "marketer";
      }
    } else if (out.phase === "marketer" && current) {
      // Judged for the explanation every month; counted towards reinstatement until the person may apply.
      const m = classify(i);
      if (isUnavailable(m)) return m;
      if (rules.reinstate && current.eligibleFrom === undefined) {
        if (m.state === "completed") current.completed.push(i);
        else if (m.state === "missed") current.completed = [];
        else if (backGap && backGap.value === "error") return gapError(i, backGap, rules.reinstate.id);
        else current.completed = [];
        if (current.completed.length >= rules.reinstate.params.months) current.eligibleFrom = i + 1; // int: next calendar month
      }
    }
  }
  out.current = out.phase === "marketer" ? current : undefined;
  if (out.phase === "other") out.run = [];
  return out;
}

/** Demotions triggered inside the appraised period. */
export function demotionsIn(c: Cycle, ctx: EvalContext): Demotion[] {
  const r = monthRange(ctx.period);
  return c.demotions.filter((d) => d.month !== undefined && d.month >= r.first && d.month <= r.last);
}
