/**
 * An .xlsx file → {sheet name: cell values[][]} shaped like Excel's `range.values`: numbers, strings, booleans,
 * "" for blanks, the cached result of a formula, rich text flattened, error values as "#N/A"; dates stay Date
 * objects (exceljs turns date-formatted numbers into them). Merged cells other than the top-left read "" as in Excel.
 * A formula saved without its result reads as UNCALCULATED, never as a blank: the workbook layer reports it.
 *
 * Before ExcelJS sees the file, it is checked for what it really is (an .xls, an encrypted or empty file …) and
 * measured against WORKBOOK_LIMITS, so a file that would exhaust memory is refused with a message instead.
 */
import { statSync } from "node:fs";
import ExcelJS from "exceljs";
import { UNCALCULATED, type CellValue, type WorkbookValues } from "../../workbook";
import { fileKind } from "./fileKind";
import { measureWorkbook, tooLargeFile, WORKBOOK_LIMITS, type WorkbookLimits, type WorkbookSize } from "./limits";

type RawValue = ExcelJS.CellValue | undefined;

function plain(v: RawValue): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result as RawValue;
      return result === undefined ? UNCALCULATED : plain(result);
    }
    if ("text" in v) return plain((v as ExcelJS.CellHyperlinkValue).text as RawValue);
  }
  return String(v);
}

/** A formula calling the add-in's custom functions (`KHJL.GRADE(…)`; saved files may prefix `_xldudf_`). */
const KHJL_FORMULA = /(^|[^A-Za-z0-9_.])(_xldudf_)?KHJL[._]/i;

/** `counter.khjl` counts the cells whose formula calls a KHJL custom function. */
export function sheetValues(ws: ExcelJS.Worksheet, counter?: { khjl: number }): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cell.type === ExcelJS.ValueType.Merge ? "" : plain(cell.value);
      if (counter && cell.type === ExcelJS.ValueType.Formula && KHJL_FORMULA.test(cell.formula ?? "")) counter.khjl += 1;
    });
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = "";
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  return rows;
}

export interface ReadOptions {
  limits?: WorkbookLimits;
  /** Hears the size once measured, before the (long) read of a large file. */
  onMeasured?: (size: WorkbookSize) => void;
}

export type WorkbookRead =
  | { ok: true; values: WorkbookValues; khjlFormulas: number; size: WorkbookSize }
  | { ok: false; zh: string; en: string };

/** Checks and measures the file, then reads it; a file that is not a readable workbook is a message, not a throw. */
export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<WorkbookRead> {
  const limits = options.limits ?? WORKBOOK_LIMITS;
  const tooBig = tooLargeFile(statSync(path).size, limits);
  if (tooBig) return tooBig;
  const kind = await fileKind(path, limits.entries);
  if (!kind.ok) return kind;
  const measured = await measureWorkbook(path, kind.entries, limits);
  if (!measured.ok) return measured;
  options.onMeasured?.(measured.size);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    return { ok: false, zh: `无法读取工作簿(文件可能已损坏):${(e as Error).message}`, en: `cannot read the workbook (it may be damaged): ${(e as Error).message}` };
  }
  const values: WorkbookValues = {};
  const counter = { khjl: 0 };
  for (const ws of wb.worksheets) values[ws.name] = sheetValues(ws, counter);
  return { ok: true, values, khjlFormulas: counter.khjl, size: measured.size };
}

/** The values of a workbook known to be readable (tests, the bench); throws the message otherwise. */
export async function readXlsx(path: string): Promise<WorkbookValues> {
  const read = await readWorkbookFile(path);
  if (!read.ok) throw new Error(`${read.zh} / ${read.en}`);
  return read.values;
}
