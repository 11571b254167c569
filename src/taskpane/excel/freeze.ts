/**
 * "Freeze": formulas become their current values, in a whole sheet or in the selection, so a month's figures stop
 * moving when the rulebook or the data changes later. Only formula cells are written (null elsewhere, which Excel
 * leaves as it is), so constants and formats stay untouched. A formula that spills (the KHJL functions return
 * arrays) is frozen as its whole spill range; freezing just its anchor would empty the rest of the spill.
 */
import type { FreezeResult } from "../port";
import { sheetRef } from "./addresses";
import { jsonBytes, PAYLOAD_BUDGET_BYTES } from "./payload";
import { READ_CELL_LIMIT } from "./read";
import { forWrite } from "./typed";

type Cell = string | number | boolean | null;

interface Anchor {
  row: number;
  col: number;
}

function isFormula(f: unknown): f is string {
  return typeof f === "string" && f.startsWith("=");
}

/** A value to write back: the formula's own result, with text kept as text and error values kept as errors. */
function frozen(v: unknown): Cell {
  return forWrite(v as Cell, false, true);
}

/** Rows [from, to) of `grid` in pieces whose JSON stays within the payload budget. */
function rowPieces(grid: Cell[][], budget: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = 0; // int: row
  let bytes = 0; // int: bytes
  grid.forEach((row, r) => {
    const size = jsonBytes(row); // int: bytes
    if (bytes + size > budget && r > from) {
      pieces.push([from, r]);
      from = r;
      bytes = 0;
    }
    bytes += size; // int: bytes
  });
  if (grid.length > from) pieces.push([from, grid.length]);
  return pieces;
}

function supports(version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
}

export async function freezeRange(target: { sheet: string } | "selection", note: string, budget: number = PAYLOAD_BUDGET_BYTES): Promise<FreezeResult> {
  return Excel.run(async (context) => {
    // A sheet's used range counts cells with values or formulas only: a formatted empty column does not widen it.
    const range = target === "selection" ? context.workbook.getSelectedRange() : context.workbook.worksheets.getItem(target.sheet).getUsedRangeOrNullObject(true);
    range.load("address,cellCount");
    await context.sync();
    if (range.isNullObject) return { address: `${sheetRef((target as { sheet: string }).sheet)}!A1`, formulas: 0 }; // an empty sheet
    if (range.cellCount > READ_CELL_LIMIT) {
      throw new Error(
        `要固定的区域有 ${range.cellCount} 个单元格,超过一次读取的上限 5,000,000 个,请分几次选择较小的区域固定。` +
          ` / The range has ${range.cellCount} cells, above the 5,000,000 Excel reads at once; freeze it in smaller selections.`,
      );
    }
    range.load("formulas,values,rowIndex,columnIndex");
    await context.sync();

    const anchors: Anchor[] = [];
    range.formulas.forEach((row, r) => row.forEach((f, c) => { if (isFormula(f)) anchors.push({ row: r, col: c }); }));
    if (anchors.length === 0) return { address: range.address, formulas: 0 };

    // Which anchors spill, and where (ExcelApi 1.12; without it Excel has no dynamic arrays, so nothing spills).
    const spills = supports("1.12")
      ? anchors.map((a) => {
          const s = range.getCell(a.row, a.col).getSpillingToRangeOrNullObject();
          s.load("rowIndex,columnIndex,rowCount,columnCount,values");
          return s;
        })
      : [];
    if (spills.length > 0) await context.sync();

    // One grid over the rows and columns that hold formulas: the result at each non-spilling formula, null elsewhere.
    const top = Math.min(...anchors.map((a) => a.row));
    const bottom = Math.max(...anchors.map((a) => a.row));
    const left = Math.min(...anchors.map((a) => a.col));
    const right = Math.max(...anchors.map((a) => a.col));
    const grid: Cell[][] = Array.from({ length: bottom - top + 1 }, () => new Array<Cell>(right - left + 1).fill(null)); // int: size
    let plain = 0; // int: count
    anchors.forEach((a, i) => {
      if (spills[i] && !spills[i].isNullObject) return;
      grid[a.row - top][a.col - left] = frozen(range.values[a.row][a.col]); // int: index
      plain += 1; // int: count
    });
    const sheet = range.worksheet;
    const pieces = plain > 0 ? rowPieces(grid, budget) : [];
    for (let i = 0; i < pieces.length; i++) { // int: index
      const [from, to] = pieces[i];
      sheet.getRangeByIndexes(range.rowIndex + top + from, range.columnIndex + left, to - from, right - left + 1).values = grid.slice(from, to); // int: index
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB piece, never per row (payload.ts)
      if (i < pieces.length - 1) await context.sync(); // int: index (only a grid above the payload budget is cut)
    }
    for (const s of spills) {
      if (s.isNullObject) continue;
      sheet.getRangeByIndexes(s.rowIndex, s.columnIndex, s.rowCount, s.columnCount).values = s.values.map((row) => row.map(frozen));
    }
    await context.sync();

    // The note goes on the first cell as a comment (ExcelApi 1.10). A cell holds one comment thread: when it
    // already has one (an earlier freeze), the note becomes a reply. Without the API the values are still frozen.
    if (supports("1.10")) {
      const first = range.getCell(0, 0);
      try {
        context.workbook.comments.add(first, note);
        await context.sync();
      } catch {
        context.workbook.comments.getItemByCell(first).replies.add(note);
        await context.sync();
      }
    }
    return { address: range.address, formulas: anchors.length };
  });
}
