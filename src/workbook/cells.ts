/**
 * Cell values as Excel's `range.values` gives them (numbers, strings, booleans, "" for blank) plus what file
 * readers add (Date objects, null, error strings such as "#N/A"), and A1 addresses. The workbook layer works on
 * these plain arrays only, so the taskpane and the command line share it; no Office or file library here.
 */
export type CellValue = number | string | boolean | Date | null | undefined;
export type SheetValues = CellValue[][];
/** Sheets in workbook order (object insertion order). */
export type WorkbookValues = Record<string, SheetValues>;

/**
 * A formula cell saved without its calculated value. Report scripts (exceljs, openpyxl) write formulas so; Excel and
 * WPS compute them when the file is opened and saved. The file reader gives this marker instead of a blank, so such a
 * cell is reported where it is read and never taken for an empty one. It reads like an error value wherever no
 * reader names it.
 */
export const UNCALCULATED = "#公式未计算!";

/** How messages name an uncalculated formula cell, with what to do about it. */
export const UNCALCULATED_TEXT = {
  zh: "是没有计算结果的公式(请先用 Excel 或 WPS 打开并保存此文件)",
  en: "is a formula without a calculated value (open and save the file in Excel or WPS first)",
};

export function isUncalculated(v: CellValue): boolean {
  return v === UNCALCULATED;
}

const EXCEL_ERRORS = new Set([
  UNCALCULATED,
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!",
]);

/** "" and whitespace-only text count as blank, as Excel shows them. */
export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function isExcelError(v: CellValue): boolean {
  return typeof v === "string" && EXCEL_ERRORS.has(v.trim().toUpperCase());
}

export function isRowBlank(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isBlank);
}

/** 0-based column index → letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1; // int: index
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26; // int: index
    out = String.fromCharCode(65 + rem) + out; // int: index
    n = Math.floor((n - 1) / 26); // int: index
  }
  return out;
}

/** 0-based row and column → "C7". */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`; // int: index
}

/** A sheet name as Excel writes it in a reference: quoted when it has spaces or punctuation. */
export function sheetRef(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function address(sheet: string, row: number, col: number): string {
  return `${sheetRef(sheet)}!${cellRef(row, col)}`;
}

/**
 * Characters a reader cannot see: controls, format characters (zero-width space U+200B, joiners, the BOM U+FEFF,
 * direction marks) and every space but the ASCII one (no-break U+00A0, ideographic U+3000 …).
 */
export const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/** Longest piece of a cell quoted in a message: a 32 767-character cell would make a message Excel cannot hold. */
export const QUOTE_LIMIT = 80;

/** Invisible characters written out as `\u200b`, so that "0103001" and "0103001\u200b" look different. */
function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Text beyond QUOTE_LIMIT characters, cut, and how long it was. */
function cut(text: string): { head: string; length?: number } {
  const chars = [...text];
  return chars.length > QUOTE_LIMIT ? { head: chars.slice(0, QUOTE_LIMIT).join(""), length: chars.length } : { head: text };
}

const lengthNote = (n: number) => `(共 ${n} 个字符 / ${n} characters)`;

/** User text as a message quotes it: in double quotes, invisible characters written out, long text cut. */
export function quote(text: string): string {
  const c = cut(text);
  const body = visible(JSON.stringify(c.head));
  return c.length === undefined ? body : `${body.slice(0, -1)}…"${lengthNote(c.length)}`;
}

/** User text shown inside 「」 in a message: invisible characters written out, long text cut. */
export function clip(text: string): string {
  const c = cut(text);
  return c.length === undefined ? visible(text) : `${visible(c.head)}…${lengthNote(c.length)}`;
}

/** How a cell is quoted in a message: text in quotes, numbers as written, dates as ISO days. */
export function showCell(v: CellValue): string {
  if (v === null || v === undefined) return "空白";
  if (typeof v === "string") return quote(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "无效日期" : v.toISOString().slice(0, 10);
  return String(v);
}

/** The cell's type in words, for "expected a number, got …" messages. */
export function cellKind(v: CellValue): { zh: string; en: string } {
  if (isBlank(v)) return { zh: "空白", en: "blank" };
  if (isUncalculated(v)) return { zh: "没有计算结果的公式", en: "a formula without a calculated value" };
  if (isExcelError(v)) return { zh: `错误值 ${v}`, en: `the error value ${v}` };
  if (typeof v === "string") return { zh: "文本", en: "text" };
  if (typeof v === "boolean") return { zh: "逻辑值", en: "a boolean" };
  if (v instanceof Date) return { zh: "日期", en: "a date" };
  return { zh: "数字", en: "a number" };
}
