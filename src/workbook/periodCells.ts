/**
 * A 期间 cell → the engine's period text: month `YYYY-MM`, quarter `YYYY-Qn`, half-year `YYYY-Hn`, year `YYYY`.
 * Accepts what branch files hold: text (`2026-01`, `2026/1`, `2026年1月`, `2026年`, `2026Q1`, `2026年上半年`),
 * the number 2026 or 202601, a date cell (a Date from a file reader, or the serial number `range.values` gives
 * for a date-formatted cell) meaning that date's month.
 */
import { daysInMonth, FIRST_YEAR, isPeriod, isPlausibleYear, yearOf } from "../engine/periods";
import { cellKind, isBlank, isUncalculated, quote, UNCALCULATED_TEXT, type CellValue } from "./cells";

const pad = (n: number) => String(n).padStart(2, "0");

const QUARTER_ZH: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4", "1": "1", "2": "2", "3": "3", "4": "4" };

function fromText(raw: string): string | undefined {
  const s = raw.normalize("NFKC").replace(/\s/g, "").toUpperCase();
  if (isPeriod(s)) return s;
  let m = /^(\d{4})[-/.年](\d{1,2})月?(份)?$/.exec(s);
  if (m) {
    const month = Number.parseInt(m[2], 10);
    return month >= 1 && month <= 12 ? `${m[1]}-${pad(month)}` : undefined;
  }
  m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(s);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^(\d{4})(年|年度|全年)$/.exec(s);
  if (m) return m[1];
  m = /^(\d{4})[-年]?(第)?([一二三四1-4])(季度|季|Q)$/.exec(s) ?? /^(\d{4})[-年]?Q([1-4])$/.exec(s);
  if (m) return `${m[1]}-Q${QUARTER_ZH[m[m.length === 5 ? 3 : 2]]}`;
  m = /^(\d{4})[-年]?(上半年|下半年|H[12])$/.exec(s);
  if (m) return `${m[1]}-H${m[2] === "上半年" || m[2] === "H1" ? "1" : "2"}`;
  return undefined;
}

/**
 * A whole date typed as text, year first (`2026-03-15`, `2026/3/1`, `2026.03.01`, `2026年3月15日`): its month. Only
 * year-first forms are read; `3/15/2026` could be month or day first and stays unreadable.
 */
function textDateMonth(raw: string): string | undefined {
  const s = raw.normalize("NFKC").replace(/\s/g, "");
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return undefined;
  const month = Number.parseInt(m[2], 10);
  const day = Number.parseInt(m[3], 10);
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number.parseInt(m[1], 10), month);
  return valid ? `${m[1]}-${pad(month)}` : undefined;
}

const NUMERAL: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4" };

/**
 * The one period a title names (`2026年3月客户经理考核表`, `2026年第一季度`, `2026 年度业绩`, `2026-03 月度指标`), or
 * undefined when it names none, several or a span: a table under such a title is a table of that period.
 */
export function periodInTitle(text: string): string | undefined {
  const s = text.normalize("NFKC").replace(/\s/g, "");
  // `2026年1月至3月`, `1月~3月`: a span of periods, not one.
  if (/[至到~～—–]/.test(s)) return undefined;
  const found = new Set<string>();
  let rest = s;
  const take = (re: RegExp, make: (m: RegExpMatchArray) => string | undefined) => {
    for (const m of rest.matchAll(re)) {
      const p = make(m);
      if (p) found.add(p);
    }
    rest = rest.replace(re, " ");
  };
  const month = (y: string, mm: string) => {
    const n = Number.parseInt(mm, 10);
    return n >= 1 && n <= 12 ? `${y}-${pad(n)}` : undefined;
  };
  take(/(\d{4})年(\d{1,2})月/g, (m) => month(m[1], m[2]));
  take(/(\d{4})[-/.](\d{1,2})(?!\d)/g, (m) => month(m[1], m[2]));
  take(/(\d{4})年?第?([一二三四1-4])季度/g, (m) => `${m[1]}-Q${NUMERAL[m[2]] ?? m[2]}`);
  take(/(\d{4})[-年]?Q([1-4])/gi, (m) => `${m[1]}-Q${m[2]}`);
  take(/(\d{4})年?(上|下)半年/g, (m) => `${m[1]}-H${m[2] === "上" ? "1" : "2"}`);
  take(/(\d{4})年度?/g, (m) => m[1]);
  // A title naming year 0226 or 1905 names no appraisal period: its rows must say theirs.
  return found.size === 1 && isPlausibleYear(yearOf([...found][0])) ? [...found][0] : undefined;
}

/** Excel date serial (1900 date system) → calendar day. Serial 1 is 1900-01-01; Excel's fictitious 1900-02-29 is 60. */
export function dayOfSerial(serial: number): string {
  const days = Math.floor(serial); // int: whole days
  const d = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86400000); // int: calendar days
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`; // int: calendar month
}

/** Excel date serial (1900 date system) → calendar month. */
export function monthOfSerial(serial: number): string {
  return dayOfSerial(serial).slice(0, 7);
}

/** What a number in a period cell was read as, so the reader can say so: `2026.05` typed as a number, or a date serial. */
export type PeriodNumber = { kind: "decimal"; value: number } | { kind: "serial"; value: number; day: string };

/** `textDate`: the cell is a whole date typed as text (`2026-03-15`), read as its month and reported (dateAsText). */
export type PeriodRead =
  | { ok: true; period: string; textDate?: string; number?: PeriodNumber }
  | { ok: false; zh: string; en: string; code?: "formulaNoValue" };

export interface PeriodBounds {
  /** The last plausible year (next year, by the run's date); without it only years before FIRST_YEAR are refused. */
  latestYear?: number;
}

/** A period the cell's form allows but whose year cannot be meant (0226 for 2026, 2062 for 2026), as an error. */
function checkYear(read: PeriodRead, shown: string, bounds: PeriodBounds): PeriodRead {
  if (!read.ok) return read;
  const year = yearOf(read.period);
  if (isPlausibleYear(year, bounds.latestYear)) return read;
  const range = bounds.latestYear === undefined ? { zh: `早于 ${FIRST_YEAR} 年`, en: `before ${FIRST_YEAR}` } : { zh: `不在 ${FIRST_YEAR} 至 ${bounds.latestYear} 年之间`, en: `not between ${FIRST_YEAR} and ${bounds.latestYear}` };
  return {
    ok: false,
    zh: `期间 ${shown} 的年份 ${year} ${range.zh},应是录入错误`,
    en: `period ${shown}: the year ${year} is ${range.en}, probably a typing error`,
  };
}

/**
 * A period typed as a decimal number: Excel stores `2026.05` as 2026.05 and `2026.10` as 2026.1, so two decimals are
 * a month, one decimal 2–9 is that month, and `.1` may be January or October: an error asking for text.
 */
function decimalMonth(v: number): PeriodRead | undefined {
  const m = /^(\d{4})\.(\d{1,2})$/.exec(String(v));
  if (!m) return undefined;
  if (m[2] === "1") {
    return {
      ok: false,
      zh: `期间是数字 ${String(v)},可能是 ${m[1]}-01 也可能是 ${m[1]}-10(Excel 把 ${m[1]}.10 存为 ${m[1]}.1);请把期间填为文本,如 ${m[1]}-01`,
      en: `the period is the number ${String(v)}, which may be ${m[1]}-01 or ${m[1]}-10 (Excel stores ${m[1]}.10 as ${m[1]}.1); type the period as text, e.g. ${m[1]}-01`,
    };
  }
  const month = Number.parseInt(m[2], 10);
  if (month < 1 || month > 12) return undefined;
  return { ok: true, period: `${m[1]}-${pad(month)}`, number: { kind: "decimal", value: v } };
}

export function readPeriodCell(v: CellValue, bounds: PeriodBounds = {}): PeriodRead {
  if (isBlank(v)) return { ok: false, zh: "期间为空", en: "the period is blank" };
  if (isUncalculated(v)) return { ok: false, code: "formulaNoValue", zh: `期间${UNCALCULATED_TEXT.zh}`, en: `the period ${UNCALCULATED_TEXT.en}` };
  if (typeof v === "string") {
    const shown = quote(v);
    const day = textDateMonth(v);
    if (day) return checkYear({ ok: true, period: day, textDate: v.trim() }, shown, bounds);
    const p = fromText(v);
    return p ? checkYear({ ok: true, period: p }, shown, bounds) : { ok: false, zh: `期间 ${shown} 无法识别(应为 2026-01、2026 或 2026-Q1 等)`, en: `period ${shown} is not understood (write 2026-01, 2026 or 2026-Q1)` };
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, zh: "期间为无效日期", en: "the period is an invalid date" };
    return checkYear({ ok: true, period: `${String(v.getUTCFullYear()).padStart(4, "0")}-${pad(v.getUTCMonth() + 1)}` }, v.toISOString().slice(0, 10), bounds); // int: calendar month
  }
  if (typeof v === "number" && Number.isFinite(v)) {
    const shown = String(v);
    // Four digits are a year; six a year and month (202605).
    if (Number.isInteger(v) && v >= 1000 && v <= 9999) return checkYear({ ok: true, period: String(v) }, shown, bounds);
    if (Number.isInteger(v) && v >= 100001 && v <= 999912) {
      const p = fromText(String(v));
      if (p) return checkYear({ ok: true, period: p }, shown, bounds);
    }
    if (!Number.isInteger(v) && v >= 1000 && v < 10000) {
      const p = decimalMonth(v);
      if (p) return checkYear(p, shown, bounds);
    }
    // A date serial: a date-formatted cell read through range.values, or a date whose cell lost its format
    // (days since 1899-12-30, up to 9999-12-31).
    if (v >= 1 && v < 2958466) {
      const day = dayOfSerial(v);
      return checkYear({ ok: true, period: day.slice(0, 7), number: { kind: "serial", value: v, day } }, `${shown}(${day})`, bounds);
    }
  }
  const k = cellKind(v);
  return { ok: false, zh: `期间是${k.zh} ${String(v)},无法识别`, en: `the period is ${k.en} (${String(v)}), not a period` };
}

/**
 * The note for a period read from a number, at its cell: a decimal `2026.05` (warning: Excel turns 2026.10 into 2026.1,
 * so the column should be text), or a date serial in a cell without a date format (a note: the month of that day).
 */
export function periodNumberNote(n: PeriodNumber, period: string): { code: "periodNumber" | "periodSerial"; severity: "warning" | "info"; zh: string; en: string; suggested: string } {
  if (n.kind === "decimal") {
    return {
      code: "periodNumber", severity: "warning", suggested: period,
      zh: `期间是数字 ${String(n.value)},按 ${period} 读取;请把期间列设为文本并填写 ${period}(数字 ${period.slice(0, 4)}.10 会被存为 ${period.slice(0, 4)}.1,无法区分 1 月与 10 月)`,
      en: `the period is the number ${String(n.value)}, read as ${period}; format the period column as text and type ${period} (the number ${period.slice(0, 4)}.10 is stored as ${period.slice(0, 4)}.1, the same as January)`,
    };
  }
  return {
    code: "periodSerial", severity: "info", suggested: period,
    zh: `期间是数字 ${String(n.value)},按日期序列号读作 ${n.day},即 ${period};若不是此月,请填写期间(如 ${period})`,
    en: `the period is the number ${String(n.value)}, read as the date serial of ${n.day}, i.e. ${period}; if that is not the month meant, type the period (e.g. ${period})`,
  };
}
