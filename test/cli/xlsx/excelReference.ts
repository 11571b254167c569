/**
 * The reference reading of an .xlsx for the streaming reader's tests: ExcelJS's in-memory `readFile`, each cell
 * turned into the value Excel's `range.values` would give (the command line's reader before it streamed).
 */
import ExcelJS from "exceljs";
import { UNCALCULATED, type CellValue, type WorkbookValues } from "../../../src/workbook";
import { KHJL_FORMULA } from "../../../src/cli/xlsx/streamRead";

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

/** `counter.khjl` counts the cells whose formula calls a KHJL custom function. */
function sheetValues(ws: ExcelJS.Worksheet, counter?: { khjl: number }): CellValue[][] {
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

/** Every worksheet's values and the count of KHJL formulas, as ExcelJS reads the file. */
export async function readWithExcelJS(file: string): Promise<{ values: WorkbookValues; khjlFormulas: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const values: WorkbookValues = {};
  const counter = { khjl: 0 };
  for (const ws of wb.worksheets) values[ws.name] = sheetValues(ws, counter);
  return { values, khjlFormulas: counter.khjl };
}
