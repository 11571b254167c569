/**
 * Output tables → an .xlsx file: figures as number cells with a number format (money #,##0.00, points 0.00,
 * rates 0.00%), ids and text as text, a bold frozen header row, an autofilter and column widths that fit
 * Chinese text. The file is written next to its final name and renamed, so a failed run leaves no half file.
 */
import ExcelJS from "exceljs";
import { writeAtomically } from "../atomicWrite";
import { excelCell, NUMBER_FORMATS, type ColumnFormat, type OutputTable } from "../../workbook";
import { displayWidth } from "../textTable";


/** How wide a cell shows, roughly, in Excel's character units. */
function shownWidth(text: string, format: ColumnFormat): number {
  if (format === "money" || format === "usd") return text.length + Math.floor(text.length / 3) + 1;
  if (format === "percent") return text.length + 2;
  return displayWidth(text);
}

const WIDE = new Set(["说明", "Message", "Explanation"]);

/** Widest a column may be set, in Excel's character units. */
const capOf = (header: string) => (WIDE.has(header) ? 90 : 50);

/** Rows a lazy table's column widths are judged from (wording them twice costs little). */
const LAZY_WIDTH_ROWS = 2000;

function* firstRows(t: OutputTable): Generator<OutputTable["rows"][number]> {
  if (!t.lazyRows) {
    yield* t.rows;
    return;
  }
  let n = 0; // int: count
  for (const row of t.lazyRows()) {
    if (n++ >= LAZY_WIDTH_ROWS) return; // int: count
    yield row;
  }
}

function widthsOf(t: OutputTable): number[] {
  const widths = t.columns.map((c) => displayWidth(c.header));
  // A cell can be no wider than twice its length, and a column already at its cap cannot grow: skipping those
  // cells gives the same widths without measuring every explanation line of a large result.
  const full = t.columns.map((c) => capOf(c.header) - 2);
  for (const row of firstRows(t)) {
    row.forEach((cell, i) => {
      if (cell === null) return;
      const w = widths[i] ?? 0;
      if (w >= full[i] || cell.length * 2 <= w) return;
      widths[i] = Math.max(w, shownWidth(cell, t.columns[i]?.format ?? "text"));
    });
  }
  return t.columns.map((c, i) => Math.min(Math.max(widths[i] + 2, 6), capOf(c.header)));
}

/**
 * Streams the tables into `path` (rows are written as they are added, so a 10 000-manager result with its
 * explanation lines does not have to sit in memory as a whole workbook).
 */
async function streamTables(path: string, tables: OutputTable[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = "appraise";
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: "frozen", xSplit: t.freezeColumns, ySplit: t.freezeRows }] });
    const widths = widthsOf(t);
    // One style object per column, given to every cell of the column: ExcelJS recognises a style object it has seen
    // and reuses its id, where a fresh copy per cell (what a column style gives) is serialised again for each cell.
    const styles = t.columns.map((c) => ({ numFmt: NUMBER_FORMATS[c.format] }));
    ws.columns = t.columns.map((c, i) => ({ key: String(i), width: widths[i], style: styles[i] }));
    if (t.autoFilter && t.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
    const header = ws.addRow(t.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.numFmt = "General";
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    });
    header.commit();
    for (const row of t.lazyRows ? t.lazyRows() : t.rows) {
      const added = ws.addRow(row.map((cell, i) => excelCell(cell, t.columns[i]?.format ?? "text")));
      added.eachCell({ includeEmpty: true }, (cell, col) => {
        const style = styles[col - 1];
        if (style) cell.style = style;
      });
      added.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

/** Writes to `path` via a temporary file in the same folder, then renames it into place (see atomicWrite.ts). */
export async function writeXlsx(path: string, tables: OutputTable[]): Promise<void> {
  await writeAtomically(path, (tmp) => streamTables(tmp, tables));
}
