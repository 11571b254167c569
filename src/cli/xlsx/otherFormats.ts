/**
 * The workbooks a branch has besides .xlsx, read through SheetJS (the maintained `@e965/xlsx` build): Excel 97-2003
 * .xls (and WPS .et, which keeps the same workbook stream), .xlsb, OpenDocument .ods, XML Spreadsheet 2003, tables
 * exported as HTML under an ".xls" name, and CSV or tab-separated text in UTF-8, UTF-16 or GBK/GB18030 (what Chinese
 * Excel and core-banking exports save). The cells come out as streamRead.ts gives them for an .xlsx — numbers,
 * text, booleans, error values as their text, UTC dates for date-formatted numbers, UNCALCULATED for a formula
 * saved without its result, "" for the covered cells of a merged range — so the workbook layer reads every format
 * the same way.
 *
 * Text formats (CSV, HTML) have no cell types: a cell is a number only when its text is a plain decimal that a
 * number holds exactly (at most 15 significant digits, no leading zero, so the id 0101 and a 19-digit account stay
 * text) or such a decimal with %; everything else stays text for the workbook layer to read or report. Unlike
 * Excel opening a CSV, nothing is turned into a date (2026-05 is a period, not 1 May).
 */
import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { UNCALCULATED, type CellValue, type WorkbookValues } from "../../workbook";
import type { OtherFormat } from "./fileKind";
import { excelToDate } from "./streamRead";

const NAMES: Record<OtherFormat, { zh: string; en: string }> = {
  xls: { zh: "Excel 97-2003 工作簿(.xls)或 WPS 表格(.et)", en: "Excel 97-2003 workbook (.xls) or WPS spreadsheet (.et)" },
  xlsb: { zh: "Excel 二进制工作簿(.xlsb)", en: "Excel Binary Workbook (.xlsb)" },
  ods: { zh: "OpenDocument 表格(.ods)", en: "OpenDocument spreadsheet (.ods)" },
  xml2003: { zh: "XML 电子表格 2003", en: "XML Spreadsheet 2003" },
  html: { zh: "网页格式的表格", en: "table saved as a web page" },
  text: { zh: "文本文件(CSV 或制表符分隔)", en: "text file (CSV or tab-separated)" },
};

export function formatName(format: OtherFormat): { zh: string; en: string } {
  return NAMES[format];
}

/** SheetJS's error codes (cell.v of an error cell) as Excel shows them. */
const ERRORS: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA" };

const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A plain decimal's digits without sign, point and leading zeros of a fraction: how many a double must hold. */
function significantDigits(text: string): number {
  return text.replace(/^-/, "").replace(".", "").replace(/^0+/, "").length;
}

/**
 * A text cell of a CSV or HTML table as Excel's range.values would hold it once typed: a plain decimal or percent a
 * double holds exactly becomes a number, anything else stays text.
 */
export function typedText(raw: string): CellValue {
  const t = raw.trim();
  if (t === "") return "";
  if (PLAIN_DECIMAL.test(t) && significantDigits(t) <= 15) return Number(t);
  const pct = /^(-?)(\d+)(?:\.(\d+))?%$/.exec(t);
  if (pct && !/^0\d/.test(pct[2]) && significantDigits(`${pct[2]}${pct[3] ?? ""}`) <= 13) {
    // 35.5% → 0.355 by moving the decimal point in the text, never by dividing a binary float.
    const digits = `${pct[2]}${pct[3] ?? ""}`.padStart(pct[2].length + 2, "0"); // int: two places to the left
    const point = digits.length - (pct[3] ?? "").length - 2; // int: position of the new decimal point
    return Number(`${pct[1]}${digits.slice(0, point)}.${digits.slice(point)}`);
  }
  return raw;
}

/** The text of a CSV or tab-separated file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK). */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

type DenseSheet = XLSX.WorkSheet & { "!data"?: XLSX.CellObject[][] };

function cellValue(cell: XLSX.CellObject | undefined, textOnly: boolean, date1904: boolean): CellValue | undefined {
  if (!cell) return undefined;
  if (cell.f !== undefined && cell.v === undefined) return UNCALCULATED;
  switch (cell.t) {
    case "z":
      return undefined;
    case "s":
      return textOnly ? typedText(String(cell.v ?? "")) : String(cell.v ?? "");
    case "b":
      return cell.v === true;
    case "e":
      return typeof cell.v === "number" && ERRORS[cell.v] !== undefined ? ERRORS[cell.v] : (cell.w ?? "#N/A");
    case "d":
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    case "n": {
      const n = cell.v as number;
      if (!Number.isFinite(n)) return cell.w ?? String(n);
      return cell.z !== undefined && XLSX.SSF.is_date(cell.z) ? excelToDate(n, date1904) : n;
    }
    default:
      return cell.v === undefined ? undefined : String(cell.v);
  }
}

function sheetRows(ws: DenseSheet, textOnly: boolean, date1904: boolean): CellValue[][] {
  const data = ws["!data"] ?? [];
  const rows: CellValue[][] = [];
  data.forEach((cells, r) => {
    if (!cells) return;
    let row: CellValue[] | undefined;
    cells.forEach((cell, c) => {
      const v = cellValue(cell, textOnly, date1904);
      if (v === undefined || v === "") return;
      row ??= rows[r] = [];
      row[c] = v;
    });
  });
  for (const m of ws["!merges"] ?? []) {
    for (let r = m.s.r; r <= m.e.r; r++) { // int: row index
      for (let c = m.s.c; c <= m.e.c; c++) { // int: column index
        if (r === m.s.r && c === m.s.c) continue;
        (rows[r] ??= [])[c] = "";
      }
    }
  }
  for (let r = 0; r < rows.length; r++) { // int: row index
    const row = (rows[r] ??= []);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = ""; // int: column index
  }
  return rows;
}

/**
 * SheetJS writes some remarks about a file straight to the console ("ODS number format may be incorrect"); they are
 * about display formats, which are not read, and would only confuse a clerk reading the command's messages.
 */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
  }
}

export type OtherRead = { ok: true; values: WorkbookValues } | { ok: false; zh: string; en: string };

/** Reads a file of one of the other formats into sheet values, or says why it cannot be read. */
export function readOtherFormat(path: string, format: OtherFormat): OtherRead {
  const textOnly = format === "text" || format === "html";
  let wb: XLSX.WorkBook;
  try {
    const bytes = readFileSync(path);
    const options: XLSX.ParsingOptions = { dense: true, cellDates: false, cellFormula: true, cellNF: true, raw: textOnly, UTC: true };
    wb = quietly(() => (format === "text" ? XLSX.read(decodeText(bytes), { ...options, type: "string" }) : XLSX.read(bytes, { ...options, type: "buffer" })));
  } catch (e) {
    const name = NAMES[format];
    return {
      ok: false,
      zh: `无法读取这个${name.zh}(${(e as Error).message});请在 Excel 或 WPS 中打开,另存为「Excel 工作簿(*.xlsx)」后再试`,
      en: `this ${name.en} cannot be read (${(e as Error).message}); open it in Excel or WPS and save it as an Excel Workbook (*.xlsx), then try again`,
    };
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const values: WorkbookValues = {};
  for (const name of wb.SheetNames) values[name] = sheetRows(wb.Sheets[name] as DenseSheet, textOnly, date1904);
  return { ok: true, values };
}
