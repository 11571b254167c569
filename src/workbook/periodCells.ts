/**
 * A 期间 cell → the engine's period text: month `YYYY-MM`, quarter `YYYY-Qn`, half-year `YYYY-Hn`, year `YYYY`.
 * Accepts what branch files hold: text (`2026-01`, `2026/1`, `2026年1月`, `2026年`, `2026Q1`, `2026年上半年`),
 * the number 2026 or 202601, a date cell (a Date from a file reader, or the serial number `range.values` gives
 * for a date-formatted cell) meaning that date's month.
 */
import { daysInMonth, isPeriod } from "../engine/periods";
import { cellKind, isBlank, type CellValue } from "./cells";

/** `textDate`: the cell is a whole date typed as text (`2026-03-15`), read as its month and reported (dateAsText). */
export type PeriodRead = { ok: true; period: string; textDate?: string } | { ok: false; zh: string; en: string };

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
  return found.size === 1 ? [...found][0] : undefined;
}

/** Excel date serial (1900 date system) → calendar month. Serial 1 is 1900-01-01; Excel's fictitious 1900-02-29 is 60. */
export function monthOfSerial(serial: number): string {
  const days = Math.floor(serial); // int: whole days
  const ms = Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86400000; // int: calendar days
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`; // int: calendar month
}

export function readPeriodCell(v: CellValue): PeriodRead {
  if (isBlank(v)) return { ok: false, zh: "期间为空", en: "the period is blank" };
  if (typeof v === "string") {
    const day = textDateMonth(v);
    if (day) return { ok: true, period: day, textDate: v.trim() };
    const p = fromText(v);
    return p ? { ok: true, period: p } : { ok: false, zh: `期间 ${JSON.stringify(v)} 无法识别(应为 2026-01、2026 或 2026-Q1 等)`, en: `period ${JSON.stringify(v)} is not understood (write 2026-01, 2026 or 2026-Q1)` };
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, zh: "期间为无效日期", en: "the period is an invalid date" };
    return { ok: true, period: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}` }; // int: calendar month
  }
  if (typeof v === "number" && Number.isFinite(v)) {
    if (Number.isInteger(v) && v >= 1900 && v <= 2999) return { ok: true, period: String(v) };
    if (Number.isInteger(v) && v >= 190001 && v <= 299912) {
      const p = fromText(String(v));
      if (p) return { ok: true, period: p };
    }
    // A date-formatted cell read through range.values: days since 1899-12-30 (up to 9999-12-31).
    if (v >= 1 && v < 2958466) return { ok: true, period: monthOfSerial(v) };
  }
  const k = cellKind(v);
  return { ok: false, zh: `期间是${k.zh} ${String(v)},无法识别`, en: `the period is ${k.en} (${String(v)}), not a period` };
}
