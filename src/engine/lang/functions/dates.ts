/**
 * Dates and periods, with Excel's names: DATE, DATEVALUE, EDATE, EOMONTH, YEAR, MONTH, DAY, WEEKDAY, WORKDAY,
 * NETWORKDAYS, DAYS, DATEDIF; the period being computed: PERIOD(), PERIODKIND(), PERIODSTART(), PERIODEND(); and the
 * period of the appraisal as a whole: APPRAISAL().
 * A date minus a date is days; a date plus days is a date. EDATE keeps the day of month where it exists and
 * otherwise takes the month's last day (2025-08-31 + 6 months = 2026-02-28), as Excel does.
 */
import { Dec } from "../../decimal";
import { monthRange, monthOfIndex, periodKind } from "../../periods";
import { DATE, num, TEXT, type VType } from "../types";
import { DateValue, isDate, isTable, missing, type Value } from "../values";
import { needDate, needNumber, needText, problemAt, type FunctionDef, type TypeProblem } from "./define";

function whole(v: Value | undefined, fn: string, what: string): number | Value {
  const d = v as Dec;
  if (!d.isInteger() || d.abs().gt(1000000)) return missing("value", `${fn} 的${what}应为整数:${d.toString()}`, `${fn}: ${what} must be a whole number: ${d.toString()}`);
  return d.toNumber();
}

function addMonths(d: DateValue, months: number): DateValue {
  const index = d.year * 12 + (d.month - 1) + months; // int: calendar index
  const y = Math.floor(index / 12); // int: calendar index
  const m = index - y * 12 + 1; // int: calendar month
  const last = DateValue.of(y, m + 1, 0).dayOfMonth; // int: last day of the month
  return DateValue.of(y, m, Math.min(d.dayOfMonth, last)); // int: whole-number index or calendar arithmetic
}

function holidaySet(v: Value | undefined): Set<number> | Value {
  const set = new Set<number>();
  if (v === undefined) return set;
  const cells = isTable(v) ? v.cells() : [v];
  for (const c of cells) {
    const d = typeof c === "string" ? DateValue.parse(c) : isDate(c) ? c : undefined;
    if (!d) return missing("value", `节假日列表中有非日期的值:${String(c)}`, `the holiday list has a value that is not a date: ${String(c)}`);
    set.add(d.day);
  }
  return set;
}

/** A working day: a weekday that is not a holiday, or a day listed as an adjusted working day (调休上班日). */
const isWorkday = (day: number, holidays: Set<number>, workdays?: Set<number>) => {
  if (workdays?.has(day)) return true;
  const wd = new DateValue(day).weekday;
  return wd !== 0 && wd !== 6 && !holidays.has(day);
};

function argsOf(types: readonly VType[], fn: string, checks: Array<"date" | "num" | "text" | "any">): TypeProblem | undefined {
  for (let i = 0; i < types.length; i++) {
    const c = checks[i] ?? "any";
    const p = c === "date" ? needDate(types[i], i, fn) : c === "text" ? needText(types[i], i, fn) : c === "num" ? (typeof needNumber(types[i], i, fn) === "string" ? undefined : (needNumber(types[i], i, fn) as TypeProblem)) : undefined;
    if (p) return p;
  }
  return undefined;
}

const daysOfPeriods = new Map<string, { start: DateValue; end: DateValue }>();

/** The first and last day of a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY); shared, as dates are never changed. */
export function periodDays(period: string): { start: DateValue; end: DateValue } | undefined {
  const known = daysOfPeriods.get(period);
  if (known) return known;
  const d = daysOf(period);
  if (d && daysOfPeriods.size < 10000) daysOfPeriods.set(period, d);
  return d;
}

function daysOf(period: string): { start: DateValue; end: DateValue } | undefined {
  if (!periodKind(period)) return undefined;
  const r = monthRange(period);
  const first = monthOfIndex(r.first);
  const last = monthOfIndex(r.last);
  const start = DateValue.of(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 1); // int: whole-number index or calendar arithmetic
  const end = DateValue.of(Number(last.slice(0, 4)), Number(last.slice(5, 7)) + 1, 0); // int: whole-number index or calendar arithmetic
  return { start, end };
}

function periodArg(v: Value | undefined, framePeriod: string): string | Value {
  if (v === undefined) return framePeriod;
  if (isDate(v)) return v.iso.slice(0, 7);
  if (typeof v === "string" && periodKind(v)) return v;
  return missing("value", `不是期间:${String(v)}(应如 2026-10、2026-Q3、2026)`, `not a period: ${String(v)} (write e.g. 2026-10, 2026-Q3, 2026)`);
}

export const DATES: FunctionDef[] = [
  {
    name: "DATE",
    aliases: ["日期"],
    help: { zh: "由年、月、日组成日期(月、日超出时顺延,同 Excel)", en: "a date from year, month and day (overflow rolls over, as in Excel)", syntax: "DATE(年, 月, 日)" },
    minArgs: 3,
    maxArgs: 3,
    args: ["num"],
    type: (args) => argsOf(args, "DATE", ["num", "num", "num"]) ?? DATE,
    strict(args) {
      const parts = args.map((a, i) => whole(a, "DATE", ["年", "月", "日"][i]));
      for (const p of parts) if (typeof p !== "number") return p;
      const [y, m, d] = parts as number[];
      if (y < 1000 || y > 9999) return missing("value", `DATE 的年份 ${y} 超出范围`, `DATE: year ${y} is out of range`);
      return DateValue.of(y, m, d);
    },
  },
  {
    name: "DATEVALUE",
    help: { zh: "把 YYYY-MM-DD 文本读成日期", en: "reads YYYY-MM-DD text as a date", syntax: "DATEVALUE(\"2025-03-10\")" },
    minArgs: 1,
    maxArgs: 1,
    args: ["text"],
    type: (args) => needText(args[0], 0, "DATEVALUE") ?? DATE,
    strict(args) {
      const d = DateValue.parse(String(args[0]));
      return d ?? missing("value", `不是日期(YYYY-MM-DD):${String(args[0])}`, `not a date (YYYY-MM-DD): ${String(args[0])}`);
    },
  },
  {
    name: "EDATE",
    aliases: ["加月"],
    help: { zh: "若干个月之后的同一天(无此日取月末)", en: "the same day n months later (the month's last day if there is no such day)", syntax: "EDATE(日期, 月数)" },
    minArgs: 2,
    maxArgs: 2,
    args: ["date", "num"],
    type: (args) => argsOf(args, "EDATE", ["date", "num"]) ?? DATE,
    strict(args) {
      const n = whole(args[1], "EDATE", "月数");
      return typeof n === "number" ? addMonths(args[0] as DateValue, n) : n;
    },
  },
  {
    name: "EOMONTH",
    aliases: ["月末"],
    help: { zh: "若干个月之后那个月的最后一天", en: "the last day of the month n months later", syntax: "EOMONTH(日期, 月数)" },
    minArgs: 2,
    maxArgs: 2,
    args: ["date", "num"],
    type: (args) => argsOf(args, "EOMONTH", ["date", "num"]) ?? DATE,
    strict(args) {
      const n = whole(args[1], "EOMONTH", "月数");
      if (typeof n !== "number") return n;
      const d = args[0] as DateValue;
      return DateValue.of(d.year, d.month + n + 1, 0); // int: whole-number index or calendar arithmetic
    },
  },
  ...(["YEAR", "MONTH", "DAY"] as const).map(
    (name): FunctionDef => ({
      name,
      aliases: [{ YEAR: "年", MONTH: "月", DAY: "日" }[name]],
      help: { zh: `日期的${{ YEAR: "年份", MONTH: "月份", DAY: "日" }[name]}`, en: `the ${name.toLowerCase()} of a date`, syntax: `${name}(日期)` },
      minArgs: 1,
      maxArgs: 1,
      args: ["date"],
      type: (args) => needDate(args[0], 0, name) ?? num("count"),
      strict(args) {
        const d = args[0] as DateValue;
        return new Dec(name === "YEAR" ? d.year : name === "MONTH" ? d.month : d.dayOfMonth);
      },
    }),
  ),
  {
    name: "WEEKDAY",
    aliases: ["星期"],
    help: { zh: "星期几:类型 1(默认)周日为 1…周六为 7;类型 2 周一为 1…周日为 7", en: "day of the week: type 1 (default) Sunday 1 … Saturday 7; type 2 Monday 1 … Sunday 7", syntax: "WEEKDAY(日期, [类型])" },
    minArgs: 1,
    maxArgs: 2,
    args: ["date", "num"],
    type: (args) => argsOf(args, "WEEKDAY", ["date", "num"]) ?? num("count"),
    strict(args) {
      const wd = (args[0] as DateValue).weekday;
      const type = args[1] === undefined ? 1 : (args[1] as Dec).toNumber();
      if (type === 2) return new Dec(wd === 0 ? 7 : wd);
      return new Dec(wd + 1); // int: whole-number index or calendar arithmetic
    },
  },
  {
    name: "WORKDAY",
    aliases: ["工作日"],
    help: {
      zh: "若干个工作日之后的日期(周六、周日与节假日不计;第四个参数列出的调休上班日照常计为工作日)",
      en: "the date n working days later (Saturdays, Sundays and holidays skipped; the adjusted working days of the fourth argument, 调休上班日, count as working days)",
      syntax: "WORKDAY(日期, 天数, [节假日], [调休上班日])",
    },
    minArgs: 2,
    maxArgs: 4,
    args: ["date", "num", "any", "any"],
    type: (args) => argsOf(args, "WORKDAY", ["date", "num"]) ?? DATE,
    strict(args) {
      const n = whole(args[1], "WORKDAY", "天数");
      if (typeof n !== "number") return n;
      const holidays = holidaySet(args[2]);
      if (!(holidays instanceof Set)) return holidays;
      const workdays = holidaySet(args[3]);
      if (!(workdays instanceof Set)) return workdays;
      if (Math.abs(n) > 3660) return missing("value", "WORKDAY 的天数过大", "WORKDAY: too many days"); // int: whole-number index or calendar arithmetic
      let day = (args[0] as DateValue).day;
      const dir = n >= 0 ? 1 : -1;
      for (let left = Math.abs(n); left > 0; ) { // int: whole-number index or calendar arithmetic
        day += dir; // int: calendar day
        if (isWorkday(day, holidays, workdays)) left--; // int: days to go
      }
      return new DateValue(day);
    },
  },
  {
    name: "NETWORKDAYS",
    help: { zh: "两个日期之间(含两端)的工作日数", en: "working days between two dates, both included", syntax: "NETWORKDAYS(开始, 结束, [节假日])" },
    minArgs: 2,
    maxArgs: 3,
    args: ["date", "date", "any"],
    type: (args) => argsOf(args, "NETWORKDAYS", ["date", "date"]) ?? num("days"),
    strict(args) {
      const holidays = holidaySet(args[2]);
      if (!(holidays instanceof Set)) return holidays;
      const a = (args[0] as DateValue).day;
      const b = (args[1] as DateValue).day;
      if (Math.abs(b - a) > 36600) return missing("value", "NETWORKDAYS 的区间过长", "NETWORKDAYS: the span is too long"); // int: whole-number index or calendar arithmetic
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let n = 0;
      for (let d = lo; d <= hi; d++) if (isWorkday(d, holidays)) n++; // int: day count
      return new Dec(n * sign); // int: whole-number index or calendar arithmetic
    },
  },
  {
    name: "DAYS",
    aliases: ["天数"],
    help: { zh: "两个日期相差的天数", en: "days from the start date to the end date", syntax: "DAYS(结束, 开始)" },
    minArgs: 2,
    maxArgs: 2,
    args: ["date"],
    type: (args) => argsOf(args, "DAYS", ["date", "date"]) ?? num("days"),
    strict: (args) => new Dec((args[0] as DateValue).day - (args[1] as DateValue).day), // int: whole-number index or calendar arithmetic
  },
  {
    name: "DATEDIF",
    help: { zh: "两个日期之间的整年(\"Y\")、整月(\"M\")、天数(\"D\"),或去掉整月后的天数(\"MD\")、去掉整年后的月数(\"YM\")", en: "whole years (\"Y\"), months (\"M\"), days (\"D\") between two dates, or days after whole months (\"MD\"), months after whole years (\"YM\")", syntax: "DATEDIF(开始, 结束, 单位)" },
    minArgs: 3,
    maxArgs: 3,
    args: ["date", "date", "text"],
    type(args, call) {
      const p = argsOf(args, "DATEDIF", ["date", "date", "text"]);
      if (p) return p;
      const unit = call.literals[2];
      if (unit !== undefined && !["Y", "M", "D", "MD", "YM"].includes(unit.toUpperCase())) return problemAt(2, `DATEDIF 的单位应为 "Y"、"M"、"D"、"MD" 或 "YM"`, `the unit of DATEDIF must be "Y", "M", "D", "MD" or "YM"`);
      return num(unit?.toUpperCase() === "D" || unit?.toUpperCase() === "MD" ? "days" : "count");
    },
    strict(args) {
      const a = args[0] as DateValue;
      const b = args[1] as DateValue;
      if (b.day < a.day) return missing("value", "DATEDIF 的结束日期早于开始日期", "DATEDIF: the end date is before the start date");
      let months = (b.year - a.year) * 12 + (b.month - a.month); // int: whole months
      if (b.dayOfMonth < a.dayOfMonth) months--; // int: whole months
      switch (String(args[2]).toUpperCase()) {
        case "Y":
          return new Dec(Math.floor(months / 12)); // int: whole years
        case "M":
          return new Dec(months);
        case "D":
          return new Dec(b.day - a.day); // int: whole-number index or calendar arithmetic
        case "YM":
          return new Dec(months % 12); // int: whole-number index or calendar arithmetic
        case "MD":
          return new Dec(b.day - addMonths(a, months).day); // int: whole-number index or calendar arithmetic
        default:
          return missing("value", `DATEDIF 的单位无法识别:${String(args[2])}`, `DATEDIF: unknown unit ${String(args[2])}`);
      }
    },
  },
  {
    name: "PERIOD",
    aliases: ["期间"],
    help: { zh: "正在计算的期间(如 2026-10、2026-Q3、2026)", en: "the period being computed (e.g. 2026-10, 2026-Q3, 2026)", syntax: "PERIOD()" },
    minArgs: 0,
    maxArgs: 0,
    type: () => TEXT,
    lazy: (_args, frame) => frame.period,
  },
  {
    name: "APPRAISAL",
    aliases: ["考核期"],
    help: { zh: "本次考核的期间(按月判断的条件在年度考核中也返回该年度,如 2026)", en: "the period being appraised (a condition judged month by month in an annual appraisal still gets the year, e.g. 2026)", syntax: "APPRAISAL()" },
    minArgs: 0,
    maxArgs: 0,
    type: () => TEXT,
    lazy: (_args, frame) => frame.host.appraised ?? missing("na", "工具计算没有考核期", "a tool has no appraised period"),
  },
  {
    name: "PERIODKIND",
    aliases: ["期间类型"],
    help: { zh: "期间的类型:\"month\"、\"quarter\"、\"halfYear\" 或 \"year\"(默认为正在计算的期间;也可给出一个期间,如 \"2025-Q1\")", en: "the kind of period: \"month\", \"quarter\", \"halfYear\" or \"year\" (the one being computed by default, or a period given, e.g. \"2025-Q1\")", syntax: "PERIODKIND([期间])" },
    minArgs: 0,
    maxArgs: 1,
    type: () => ({ k: "text", values: ["month", "quarter", "halfYear", "year"] }),
    lazy(args, frame) {
      if (args[0] === undefined) return periodKind(frame.period) ?? "month";
      const p = periodArg(args[0](frame), frame.period);
      return typeof p === "string" ? periodKind(p)! : p;
    },
  },
  {
    name: "PERIODSTART",
    aliases: ["期初日"],
    help: { zh: "期间的第一天(默认为正在计算的期间)", en: "the first day of a period (the one being computed by default)", syntax: "PERIODSTART([期间])" },
    minArgs: 0,
    maxArgs: 1,
    type: () => DATE,
    lazy(args, frame) {
      const p = periodArg(args[0]?.(frame), frame.period);
      if (typeof p !== "string") return p;
      return periodDays(p)!.start;
    },
  },
  {
    name: "PERIODEND",
    aliases: ["期末日"],
    help: { zh: "期间的最后一天(默认为正在计算的期间)", en: "the last day of a period (the one being computed by default)", syntax: "PERIODEND([期间])" },
    minArgs: 0,
    maxArgs: 1,
    type: () => DATE,
    lazy(args, frame) {
      const p = periodArg(args[0]?.(frame), frame.period);
      if (typeof p !== "string") return p;
      return periodDays(p)!.end;
    },
  },
];

export { addMonths, holidaySet, whole };
