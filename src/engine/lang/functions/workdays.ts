/**
 * WORKDAY.INTL, as Excel's: the date n working days later with the weekend a rulebook chooses — 1 (Saturday and
 * Sunday, the default), 11 (Sunday only), 17 (Saturday only), or seven characters Monday…Sunday with 1 for a day off
 * ("0000000": no weekly rest day, only the listed holidays). A fifth argument lists adjusted working days (调休上班日),
 * which count as working days whatever the weekend or the holiday list says.
 */
import { DATE } from "../types";
import { DateValue, isNumber, missing, type Value } from "../values";
import { needDate, needNumber, type FunctionDef } from "./define";
import { holidaySet, whole } from "./dates";

/** Days off by weekday (0 = Sunday … 6 = Saturday), or the problem. */
function weekendOf(v: Value | undefined): boolean[] | Value {
  const off = [false, false, false, false, false, false, false];
  if (v === undefined) return [true, false, false, false, false, false, true];
  if (typeof v === "string" && /^[01]{7}$/.test(v)) {
    // Excel's string runs Monday … Sunday.
    for (let i = 0; i < 7; i++) off[(i + 1) % 7] = v[i] === "1"; // int: weekday index
    return off;
  }
  if (isNumber(v) && v.isInteger()) {
    const n = v.toNumber();
    // 1–7: two days off, Saturday–Sunday first; 11–17: one day off, Sunday first.
    if (n >= 1 && n <= 7) {
      off[(n + 5) % 7] = true; // int: weekday index
      off[(n + 6) % 7] = true; // int: weekday index
      return off;
    }
    if (n >= 11 && n <= 17) {
      off[(n - 11) % 7] = true; // int: weekday index
      return off;
    }
  }
  return missing("value", `WORKDAY.INTL 的周末参数无法识别:${String(v)}(应为 1–7、11–17 或如 "0000011" 的七位 0/1)`, `WORKDAY.INTL: weekend not understood: ${String(v)} (1–7, 11–17, or seven 0/1 characters such as "0000011")`);
}

export const WORKDAYS: FunctionDef[] = [
  {
    name: "WORKDAY.INTL",
    help: {
      zh: "若干个工作日之后的日期,周末可自定:1(默认)为周六、周日,11 为仅周日,\"0000000\" 为没有周末(七位依次为周一至周日,1 为休息);第五个参数列出的调休上班日照常计为工作日",
      en: "the date n working days later with a chosen weekend: 1 (default) Saturday and Sunday, 11 Sunday only, \"0000000\" no weekend (seven characters Monday…Sunday, 1 = day off); the adjusted working days of the fifth argument count as working days",
      syntax: "WORKDAY.INTL(日期, 天数, [周末], [节假日], [调休上班日])",
    },
    minArgs: 2,
    maxArgs: 5,
    args: ["date", "num", "any", "any", "any"],
    type(args) {
      const d = needDate(args[0], 0, "WORKDAY.INTL");
      if (d) return d;
      const n = needNumber(args[1], 1, "WORKDAY.INTL");
      return typeof n === "string" ? DATE : n;
    },
    strict(args) {
      const n = whole(args[1], "WORKDAY.INTL", "天数");
      if (typeof n !== "number") return n;
      const off = weekendOf(args[2]);
      if (!Array.isArray(off)) return off;
      const holidays = holidaySet(args[3]);
      if (!(holidays instanceof Set)) return holidays;
      const workdays = holidaySet(args[4]);
      if (!(workdays instanceof Set)) return workdays;
      if (Math.abs(n) > 3660) return missing("value", "WORKDAY.INTL 的天数过大", "WORKDAY.INTL: too many days"); // int: whole-number index or calendar arithmetic
      const working = (day: number) => workdays.has(day) || (!off[new DateValue(day).weekday] && !holidays.has(day));
      let day = (args[0] as DateValue).day;
      const dir = n >= 0 ? 1 : -1;
      // A calendar listing every day for years on end is a data error, not a reason to search forever.
      let searched = 0;
      for (let left = Math.abs(n); left > 0; ) { // int: days to go
        day += dir; // int: calendar day
        searched++; // int: days searched
        if (searched > 36600) return missing("value", "WORKDAY.INTL:一百年内找不到工作日", "WORKDAY.INTL: no working day within a hundred years");
        if (working(day)) left--; // int: days to go
      }
      return new DateValue(day);
    },
  },
];

