/**
 * Period windows: a formula evaluated at other periods of the same manager.
 *   PREV(x, [n])                 x n periods earlier (the previous month of a month)
 *   LASTYEAR(x)                  x in the same period last year
 *   YTDSUM / YTDAVERAGE(x)       over the periods of the year up to this one
 *   YTDCOUNT(条件)               how many periods of the year up to this one the condition held
 *   ROLLSUM / ROLLAVERAGE(x, n)  over the n periods ending with this one
 *   ROLLCOUNT(条件, n)           how many of the n periods ending with this one the condition held
 *   CONSECUTIVE(条件)            how many periods in a row, ending with this one, the condition held
 * Each takes an optional last argument naming the kind of period counted ("month", "quarter", "year"); by default
 * the kind of the period being computed, so in an annual appraisal YTDSUM(x) is the year's own x (an additive field
 * of a year is the sum of its months when the months give it). ROLLSUM(违规扣分, 12, "month") in an annual
 * appraisal is the 12 months ending with December.
 *
 * Windows look back no further than the data reaches. A period inside the window whose value is missing is
 * treated by the rule's missing-data policy (docs/rulebook-language.md): `undetermined` (the default) makes the
 * result unavailable, `notMet` counts the period as not meeting the condition (a run of months breaks; a sum
 * leaves it out), `error` reports it as an error in the data.
 */
import { Dec, wholeNumber, ZERO } from "../../decimal";
import { monthOfIndex, monthRange, periodKind, type PeriodKind } from "../../periods";
import type { Frame, Thunk } from "../frame";
import { num, type VType } from "../types";
import { isMissing, isNumber, Missing, missing, type Value } from "../values";
import { needBool, needNumber, problemAt, type CallInfo, type FunctionDef, type TypeProblem } from "./define";

const KINDS: readonly PeriodKind[] = ["month", "quarter", "halfYear", "year"];
const KIND_WORDS: Record<PeriodKind, { zh: string; en: string; months: number }> = {
  month: { zh: "月", en: "month", months: 1 },
  quarter: { zh: "季", en: "quarter", months: 3 },
  halfYear: { zh: "半年", en: "half-year", months: 6 },
  year: { zh: "年", en: "year", months: 12 },
};

/** The period of a kind whose months end at month index `last`, or undefined if none ends there. */
function periodEnding(kind: PeriodKind, last: number): string {
  const months = KIND_WORDS[kind].months;
  const first = last - months + 1; // int: calendar index
  const y = Math.floor(first / 12); // int: calendar year
  const m0 = first - y * 12; // int: month of year, 0-based
  switch (kind) {
    case "month":
      return monthOfIndex(last);
    case "quarter":
      return `${y}-Q${m0 / 3 + 1}`; // int: quarter number
    case "halfYear":
      return `${y}-H${m0 / 6 + 1}`; // int: half number
    case "year":
      return String(y);
  }
}

/**
 * The periods of `kind` (oldest first) in a window ending with the frame's period: `count` of them, or back to the
 * start of the year (`count` = "ytd"). Periods before the data begins are left out.
 */
export function windowPeriods(frame: Frame, kind: PeriodKind, count: number | "ytd"): string[] {
  const range = monthRange(frame.period);
  const size = KIND_WORDS[kind].months;
  // The last period of the kind that ends within the frame's period.
  const lastEnd = range.last - ((range.last + 1) % size === 0 ? 0 : (range.last + 1) % size); // int: calendar index
  const yearStart = Math.floor(range.last / 12) * 12; // int: calendar index
  const first = frame.host.firstPeriod(kind);
  const floor = first !== undefined ? monthRange(first).first : Number.POSITIVE_INFINITY;
  const out: string[] = [];
  for (let end = lastEnd, n = 0; ; end -= size, n++) { // int: calendar index, period count
    const start = end - size + 1; // int: calendar index
    if (count === "ytd" ? start < yearStart : n >= count) break;
    if (start < floor) break;
    out.push(periodEnding(kind, end));
  }
  return out.reverse();
}

function kindOf(v: Value | undefined, frame: Frame): PeriodKind | Missing {
  if (v === undefined) return periodKind(frame.period) ?? "month";
  if (typeof v === "string" && (KINDS as readonly string[]).includes(v)) return v as PeriodKind;
  return missing("value", `期间类型应为 "month"、"quarter"、"halfYear" 或 "year",却是 ${String(v)}`, `the kind of period must be "month", "quarter", "halfYear" or "year", not ${String(v)}`);
}

function countArg(v: Value | undefined): number | Missing {
  if (!v || !isNumber(v) || !v.isInteger() || v.lt(1) || v.gt(600)) {
    return missing("value", `期数应为 1 到 600 的整数:${String(v)}`, `the number of periods must be a whole number from 1 to 600: ${String(v)}`);
  }
  return wholeNumber(v);
}

/** A missing value met at `period`, as the rule's policy says: "skip" (not met), or the result. */
function onMissing(m: Missing, period: string, frame: Frame): "skip" | Missing {
  if (m.notApplicable) return "skip";
  switch (frame.policy) {
    case "notMet":
      return "skip";
    case "error":
      return missing("value", `${period} 缺少数据:${m.zh}`, `${period} has no data: ${m.en}`);
    default:
      return m.at(period);
  }
}

type Fold = { kind: "sum" | "average" | "count" };

function fold(x: Thunk, periods: string[], frame: Frame, how: Fold["kind"]): Value {
  let total = ZERO;
  let n = 0;
  let held = 0;
  for (const p of periods) {
    const v = x(frame.at(p));
    if (isMissing(v)) {
      const r = onMissing(v, p, frame);
      if (r === "skip") continue;
      return r;
    }
    if (how === "count") {
      if (v === true) held++; // int: periods the condition held
      continue;
    }
    if (!isNumber(v)) return missing("value", `${p} 的值不是数值`, `${p}: not a number`);
    total = total.plus(v);
    n++; // int: periods counted
  }
  if (how === "average") return n === 0 ? missing("na", "窗口内没有数值", "no values in the window") : total.div(n);
  return how === "count" ? new Dec(held) : total;
}

function kindLiteral(call: CallInfo, index: number): TypeProblem | undefined {
  const lit = call.literals[index];
  if (lit !== undefined && !(KINDS as readonly string[]).includes(lit)) {
    return problemAt(index, `期间类型应为 "month"、"quarter"、"halfYear" 或 "year"`, `the kind of period must be "month", "quarter", "halfYear" or "year"`);
  }
  return undefined;
}

const numberWindow = (name: string, alias: string, zh: string, en: string, syntax: string, how: "sum" | "average", rolling: boolean): FunctionDef => ({
  name,
  aliases: [alias],
  help: { zh, en, syntax },
  minArgs: rolling ? 2 : 1,
  maxArgs: rolling ? 3 : 2,
  type(args, call): VType | TypeProblem {
    const u = needNumber(args[0], 0, name);
    if (typeof u !== "string") return u;
    return kindLiteral(call, rolling ? 2 : 1) ?? num(u);
  },
  lazy(args, frame) {
    const kv = rolling ? args[2]?.(frame) : args[1]?.(frame);
    if (kv !== undefined && isMissing(kv)) return kv;
    let count: number | "ytd" = "ytd";
    if (rolling) {
      const c = args[1]!(frame);
      if (isMissing(c)) return c;
      const n = countArg(c);
      if (n instanceof Missing) return n;
      count = n;
    }
    const kind = kindOf(kv, frame);
    if (kind instanceof Missing) return kind;
    const periods = windowPeriods(frame, kind, count);
    if (periods.length === 0) return missing("na", `没有可计入的${KIND_WORDS[kind].zh}度数据`, `no ${KIND_WORDS[kind].en} data in the window`);
    return fold(args[0]!, periods, frame, how);
  },
});

const countWindow = (name: string, alias: string, zh: string, en: string, syntax: string, rolling: boolean): FunctionDef => ({
  name,
  aliases: [alias],
  help: { zh, en, syntax },
  minArgs: rolling ? 2 : 1,
  maxArgs: rolling ? 3 : 2,
  type(args, call) {
    return needBool(args[0], 0, name) ?? kindLiteral(call, rolling ? 2 : 1) ?? num("count");
  },
  lazy(args, frame) {
    const kv = rolling ? args[2]?.(frame) : args[1]?.(frame);
    if (kv !== undefined && isMissing(kv)) return kv;
    let count: number | "ytd" = "ytd";
    if (rolling) {
      const c = args[1]!(frame);
      if (isMissing(c)) return c;
      const n = countArg(c);
      if (n instanceof Missing) return n;
      count = n;
    }
    const kind = kindOf(kv, frame);
    if (kind instanceof Missing) return kind;
    return fold(args[0]!, windowPeriods(frame, kind, count), frame, "count");
  },
});

/** The period `n` periods of the frame's kind before it (n may be 12 months, 4 quarters…). */
function shifted(frame: Frame, kind: PeriodKind, n: number): string {
  const range = monthRange(frame.period);
  return periodEnding(kind, range.last - n * KIND_WORDS[kind].months); // int: calendar index
}

export const WINDOWS: FunctionDef[] = [
  {
    name: "HASRECORD",
    aliases: ["有记录"],
    help: { zh: "本期是否有数据行(月度指标中有这个月的一行)", en: "whether the period has a row of data", syntax: "HASRECORD()" },
    minArgs: 0,
    maxArgs: 0,
    type: () => ({ k: "bool" }),
    lazy: (_args, frame) => frame.host.hasRecord(frame.period),
  },
  {
    name: "PREV",
    aliases: ["上期"],
    help: { zh: "上一期(或前 n 期)的值", en: "the value one period (or n periods) earlier", syntax: "PREV(值, [期数])" },
    minArgs: 1,
    maxArgs: 2,
    type: (args) => args[0],
    lazy(args, frame) {
      const c = args[1] ? args[1](frame) : new Dec(1);
      if (isMissing(c)) return c;
      const n = countArg(c);
      if (n instanceof Missing) return n;
      const kind = periodKind(frame.period) ?? "month";
      const p = shifted(frame, kind, n);
      const v = args[0]!(frame.at(p));
      return isMissing(v) ? v.at(p) : v;
    },
  },
  {
    name: "LASTYEAR",
    aliases: ["去年同期"],
    help: { zh: "去年同期的值", en: "the value in the same period last year", syntax: "LASTYEAR(值)" },
    minArgs: 1,
    maxArgs: 1,
    type: (args) => args[0],
    lazy(args, frame) {
      const p = shifted(frame, periodKind(frame.period) ?? "month", 12 / KIND_WORDS[periodKind(frame.period) ?? "month"].months); // int: whole-number index or calendar arithmetic
      const v = args[0]!(frame.at(p));
      return isMissing(v) ? v.at(p) : v;
    },
  },
  numberWindow("YTDSUM", "年初至今合计", "本年初至本期各期之和", "the sum over the periods of the year up to this one", "YTDSUM(值, [期间类型])", "sum", false),
  numberWindow("YTDAVERAGE", "年初至今平均", "本年初至本期各期的平均", "the mean over the periods of the year up to this one", "YTDAVERAGE(值, [期间类型])", "average", false),
  numberWindow("ROLLSUM", "近期合计", "截至本期的 n 期之和", "the sum over the n periods ending with this one", "ROLLSUM(值, 期数, [期间类型])", "sum", true),
  numberWindow("ROLLAVERAGE", "近期平均", "截至本期的 n 期的平均", "the mean over the n periods ending with this one", "ROLLAVERAGE(值, 期数, [期间类型])", "average", true),
  countWindow("YTDCOUNT", "年初至今次数", "本年初至本期条件成立的期数", "how many periods of the year up to this one the condition held", "YTDCOUNT(条件, [期间类型])", false),
  countWindow("ROLLCOUNT", "近期次数", "截至本期的 n 期中条件成立的期数", "how many of the n periods ending with this one the condition held", "ROLLCOUNT(条件, 期数, [期间类型])", true),
  {
    name: "CONSECUTIVE",
    aliases: ["连续期数"],
    help: { zh: "截至本期条件连续成立的期数", en: "how many periods in a row, ending with this one, the condition held", syntax: "CONSECUTIVE(条件, [期间类型])" },
    minArgs: 1,
    maxArgs: 2,
    type: (args, call) => needBool(args[0], 0, "CONSECUTIVE") ?? kindLiteral(call, 1) ?? num("count"),
    lazy(args, frame) {
      const kv = args[1]?.(frame);
      if (kv !== undefined && isMissing(kv)) return kv;
      const kind = kindOf(kv, frame);
      if (kind instanceof Missing) return kind;
      const first = frame.host.firstPeriod(kind);
      if (first === undefined) return missing("na", `没有${KIND_WORDS[kind].zh}度数据`, `no ${KIND_WORDS[kind].en} data`);
      const floor = monthRange(first).first;
      const range = monthRange(frame.period);
      const size = KIND_WORDS[kind].months;
      let n = 0;
      for (let end = range.last; end - size + 1 >= floor; end -= size) { // int: calendar index
        const p = periodEnding(kind, end);
        const v = args[0]!(frame.at(p));
        if (v === true) {
          n++; // int: periods in a row
          continue;
        }
        if (isMissing(v)) {
          const r = onMissing(v, p, frame);
          if (r !== "skip") return r;
        }
        break;
      }
      return new Dec(n);
    },
  },
];
