/**
 * An .xlsx file → {sheet name: cell values[][]} shaped like Excel's `range.values`: numbers, strings, booleans,
 * "" for blanks, the cached result of a formula, rich text flattened, error values as "#N/A"; dates stay Date
 * objects (exceljs turns date-formatted numbers into them). Merged cells other than the top-left read "" as in Excel.
 */
import ExcelJS from "exceljs";
import type { CellValue, WorkbookValues } from "../../workbook";

type RawValue = ExcelJS.CellValue | undefined;

function plain(v: RawValue): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) return plain((v as ExcelJS.CellFormulaValue).result as RawValue);
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

export async function readXlsx(path: string): Promise<WorkbookValues> {
  return (await readXlsxCounting(path)).values;
}

/** The values, and how many cells hold a KHJL custom-function formula (for `appraise validate`). */
export async function readXlsxCounting(path: string): Promise<{ values: WorkbookValues; khjlFormulas: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const values: WorkbookValues = {};
  const counter = { khjl: 0 };
  for (const ws of wb.worksheets) values[ws.name] = sheetValues(ws, counter);
  return { values, khjlFormulas: counter.khjl };
}
