/**
 * Cells of the fields a format-2 rulebook declares that hold no number: a date (read as ISO text, YYYY-MM-DD), a text
 * and a yes/no flag. As with numbers (numbers.ts), a cell that is not read as written is a problem, never a blank:
 * `下月` in a date column, `也许` in a yes/no column, `#N/A` anywhere.
 */
import { isIsoDate } from "../engine/periods";
import { cellKind, isBlank, isExcelError, isUncalculated, quote, showCell, type CellValue } from "./cells";
import { uncalculatedIssue, type CellIssue } from "./numbers";
import { dayOfSerial } from "./periodCells";
import { readTruth } from "./vocabulary";

/** The column a cell belongs to, as messages name it. */
export interface FieldColumn {
  field: string;
  zh: string;
}

export type FieldCellRead =
  | { kind: "blank" }
  /** `note`: read, but not as typed (a date typed as text in another form than YYYY-MM-DD): a warning. */
  | { kind: "value"; value: string | boolean; note?: CellIssue }
  | { kind: "problem"; issue: CellIssue };

/** The largest Excel date serial (9999-12-31). */
const LAST_SERIAL = 2958465;
/**
 * Serials of the year 1900 (1–366) are what a day of the month or a count typed into a date column becomes; no
 * appraisal date lies in 1900, so such a number is reported rather than read as a date.
 */
const FIRST_PLAUSIBLE_SERIAL = 367;
const FIRST_DATE_YEAR = 1901;

const pad = (n: number) => String(n).padStart(2, "0");
/** Digits of a calendar part (year, month, day). */
const int = (digits: string) => Number.parseInt(digits, 10);
const yearOfIso = (iso: string) => int(iso.slice(0, 4));

/** The cells every reader refuses alike: a formula without its value, an error value. */
function unreadable(v: CellValue, column: FieldColumn): CellIssue | undefined {
  if (isUncalculated(v)) return uncalculatedIssue(column);
  if (isExcelError(v)) {
    const e = String(v).trim();
    return { code: "excelError", zh: `${column.zh}为错误值 ${e},未读取`, en: `${column.field} holds the error value ${e} and is not read` };
  }
  return undefined;
}

function notADate(column: FieldColumn, shown: string, shownEn: string, suggested?: string): FieldCellRead {
  const hint = suggested !== undefined ? { zh: `;建议改为 ${suggested}`, en: `; suggested value ${suggested}` } : { zh: "", en: "" };
  return {
    kind: "problem",
    issue: {
      code: "notNumber",
      zh: `${column.zh}为${shown},不是日期(应为日期单元格或 2026-03-15 这样的文本),未读取${hint.zh}`,
      en: `${column.field} is ${shownEn}, not a date (a date cell or text such as 2026-03-15); not read${hint.en}`,
      ...(suggested !== undefined ? { suggested } : {}),
    },
  };
}

/** A day as ISO text, or undefined when the calendar has no such day. */
function isoDay(year: number, month: number, day: number): string | undefined {
  const iso = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? iso : undefined;
}

function tooEarly(column: FieldColumn, iso: string, shown: string): FieldCellRead {
  return {
    kind: "problem",
    issue: {
      code: "implausible",
      zh: `${column.zh}为 ${shown}(${iso}),早于 ${FIRST_DATE_YEAR} 年,不是合理的日期(可能把天数或时间填进了日期列),未读取`,
      en: `${column.field} is ${shown} (${iso}), before ${FIRST_DATE_YEAR}, which is not a plausible date (a day count or a time in a date column?); not read`,
    },
  };
}

function fromText(text: string, column: FieldColumn): FieldCellRead {
  const s = text.normalize("NFKC").replace(/\s/g, "");
  const shown = `文本 ${quote(text)}`;
  const shownEn = `text ${quote(text)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) && isIsoDate(s)) {
    return yearOfIso(s) < FIRST_DATE_YEAR ? tooEarly(column, s, quote(text)) : { kind: "value", value: s };
  }
  // Year first in another form (2026/3/15, 2026.03.15, 2026年3月15日): read as that day, and said so.
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const iso = m ? isoDay(int(m[1]), int(m[2]), int(m[3])) : undefined;
  if (!iso) return notADate(column, shown, shownEn);
  if (yearOfIso(iso) < FIRST_DATE_YEAR) return tooEarly(column, iso, quote(text));
  return {
    kind: "value",
    value: iso,
    note: {
      code: "dateAsText",
      zh: `${column.zh}是以文本录入的日期 ${quote(text)},按 ${iso} 读取;请填日期单元格或 ${iso} 这样的文本`,
      en: `${column.field} is a date typed as text (${quote(text)}), read as ${iso}; enter a date cell or text such as ${iso}`,
      suggested: iso,
    },
  };
}

function fromSerial(v: number, column: FieldColumn): FieldCellRead {
  if (Number.isFinite(v) && v >= 1 && v <= LAST_SERIAL) {
    const iso = dayOfSerial(v);
    return v < FIRST_PLAUSIBLE_SERIAL ? tooEarly(column, iso, String(v)) : { kind: "value", value: iso };
  }
  // 20260315: a date typed as digits.
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(String(v));
  const meant = digits ? isoDay(int(digits[1]), int(digits[2]), int(digits[3])) : undefined;
  return notADate(column, `数字 ${String(v)}`, `the number ${String(v)}`, meant);
}

/**
 * A date cell: a date (as a file reader gives it), a date serial (Excel's `range.values` for a date cell, or a date
 * whose format was lost; the day of a date-time), or text YYYY-MM-DD. Read as ISO text.
 */
export function readDateCell(v: CellValue, column: FieldColumn): FieldCellRead {
  if (isBlank(v)) return { kind: "blank" };
  const bad = unreadable(v, column);
  if (bad) return { kind: "problem", issue: bad };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return notADate(column, "无效日期", "an invalid date");
    const iso = `${String(v.getUTCFullYear()).padStart(4, "0")}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`; // int: calendar month
    // A time-only cell arrives as a date of 1899-12-30.
    return v.getUTCFullYear() < FIRST_DATE_YEAR ? tooEarly(column, iso, iso) : { kind: "value", value: iso };
  }
  if (typeof v === "number") return fromSerial(v, column);
  if (typeof v === "string") return fromText(v, column);
  const k = cellKind(v);
  return notADate(column, k.zh, k.en);
}

/** A text cell: text as written (trimmed); a number as it shows; a date as its ISO day. A TRUE/FALSE is no text. */
export function readTextCell(v: CellValue, column: FieldColumn): FieldCellRead {
  if (isBlank(v)) return { kind: "blank" };
  const bad = unreadable(v, column);
  if (bad) return { kind: "problem", issue: bad };
  if (typeof v === "string") return { kind: "value", value: v.trim() };
  if (typeof v === "number" && Number.isFinite(v)) return { kind: "value", value: String(v) };
  if (v instanceof Date && !Number.isNaN(v.getTime())) return { kind: "value", value: v.toISOString().slice(0, 10) };
  const k = cellKind(v);
  return {
    kind: "problem",
    issue: { code: "notNumber", zh: `${column.zh}是${k.zh} ${showCell(v)},不是文本,未读取`, en: `${column.field} is ${k.en} (${showCell(v)}), not text; not read` },
  };
}

/** A yes/no cell: 是/否, Y/N, √, 1/0, TRUE/FALSE (vocabulary.ts). A blank is not given, never "no". */
export function readFlagCell(v: CellValue, column: FieldColumn): FieldCellRead {
  if (isBlank(v)) return { kind: "blank" };
  const bad = unreadable(v, column);
  if (bad) return { kind: "problem", issue: bad };
  const t = readTruth(v);
  if (t !== undefined) return { kind: "value", value: t };
  return {
    kind: "problem",
    issue: { code: "badFlagValue", zh: `${column.zh}应为 是/否,却是 ${showCell(v)},未读取`, en: `${column.field} must be yes/no, not ${showCell(v)}; not read` },
  };
}
