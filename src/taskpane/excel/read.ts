/**
 * Reads every worksheet in bulk: three round trips whatever the size (the sheet names; each used range's extent,
 * to check the size before asking for it; then every sheet's values and formulas at once), unless Excel on the web
 * refuses the response as too large (above 5 MB), when the cells come in pieces. Values come back as
 * Excel gives them (numbers, strings, booleans, "" for blank, dates as serial numbers), from A1 to the end of each
 * sheet's used range, which is the shape src/workbook reads.
 */
import type { WorkbookValues } from "../../workbook";
import type { WorkbookSnapshot } from "../port";

/**
 * Excel refuses to get more than five million cells of a range (learn.microsoft.com, "Performance optimization
 * using the Excel JavaScript API"). All sheets come back in one response, so the pane holds the whole workbook to
 * that figure.
 */
export const READ_CELL_LIMIT = 5_000_000; // int: cells

/** A formula calling the add-in's functions: `=KHJL.GRADE(…)`, not `=MYKHJL.X` or a sheet named KHJL. */
const KHJL_CALL = /(^|[^A-Za-z0-9_.])KHJL\./i;

export function countKhjlFormulas(formulas: unknown[][]): number {
  let n = 0; // int: count
  for (const row of formulas) {
    for (const f of row) if (typeof f === "string" && f.startsWith("=") && KHJL_CALL.test(f)) n += 1; // int: count
  }
  return n;
}

function tooLarge(cells: number, biggest: { name: string; cells: number }): Error {
  const n = cells.toLocaleString("en-US");
  const b = biggest.cells.toLocaleString("en-US");
  return new Error(
    `工作簿共有 ${n} 个单元格(各表从 A1 到已用区域末尾),超过一次读取的上限 5,000,000 个;最大的是「${biggest.name}」(${b} 个)。` +
      `请删除空白的多余行列,或把往年的记录移到另一个工作簿后再试。` +
      ` / The workbook has ${n} cells (each sheet from A1 to the end of its used range), above the limit of 5,000,000 cells` +
      ` Excel reads at once; the largest sheet is "${biggest.name}" (${b} cells). Delete unused rows and columns, or move` +
      ` past years' records to another workbook, and try again.`,
  );
}

export async function readAllSheets(): Promise<WorkbookSnapshot> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();

    // valuesOnly: cells that only carry formatting (a coloured empty column) do not count as used.
    const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true));
    for (const u of used) u.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();

    const extents = used.map((u) => (u.isNullObject ? null : { rows: u.rowIndex + u.rowCount, cols: u.columnIndex + u.columnCount })); // int: count
    let total = 0; // int: cells
    let biggest = { name: "", cells: 0 };
    extents.forEach((e, i) => {
      const cells = e ? e.rows * e.cols : 0; // int: cells
      total += cells; // int: cells
      if (cells > biggest.cells) biggest = { name: sheets.items[i].name, cells };
    });
    if (total > READ_CELL_LIMIT) throw tooLarge(total, biggest);

    const cells = await readCells(context, sheets.items, extents, total);
    const values: WorkbookValues = {};
    let khjlFormulaCount = 0; // int: count
    sheets.items.forEach((ws, i) => {
      values[ws.name] = cells[i].values as WorkbookValues[string];
      khjlFormulaCount += countKhjlFormulas(cells[i].formulas); // int: count
    });
    return { values, khjlFormulaCount };
  });
}

/** Rows [from, to) of sheet `sheet`. */
interface Piece {
  sheet: number;
  from: number;
  to: number;
}

interface SheetCells {
  values: unknown[][];
  formulas: unknown[][];
}

/** Cells per round trip once a whole-workbook read was refused (halved again while Excel keeps refusing). */
export const READ_CHUNK_CELLS = 250_000; // int: cells

function tooBig(e: unknown): boolean {
  const code = e && typeof e === "object" && "code" in e ? (e as { code: unknown }).code : undefined;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/**
 * Every sheet's values and formulas in one round trip. Excel on the web refuses a response above 5 MB; only then
 * are the rows read in pieces of at most `limit` cells, a round trip each, halving the piece while Excel refuses.
 */
async function readCells(context: Excel.RequestContext, items: Excel.Worksheet[], extents: Array<{ rows: number; cols: number } | null>, total: number): Promise<SheetCells[]> {
  const out: SheetCells[] = extents.map(() => ({ values: [], formulas: [] }));
  const pending: Piece[] = extents.flatMap((e, sheet) => (e ? [{ sheet, from: 0, to: e.rows }] : []));
  let limit = Math.max(total, 1); // int: cells (the whole workbook at first)
  while (pending.length > 0) {
    // Take pieces up to `limit` cells, cutting the last one at a row boundary.
    const batch: Piece[] = [];
    let taken = 0; // int: cells
    while (pending.length > 0 && taken < limit) {
      const p = pending[0];
      const cols = extents[p.sheet]!.cols;
      const room = Math.floor((limit - taken) / cols); // int: rows
      if (room < 1 && batch.length > 0) break;
      const rows = Math.max(1, Math.min(p.to - p.from, room)); // int: rows (a row wider than the limit still goes, alone)
      batch.push({ sheet: p.sheet, from: p.from, to: p.from + rows }); // int: row
      taken += rows * cols; // int: cells
      if (p.from + rows === p.to) pending.shift(); // int: row
      else pending[0] = { ...p, from: p.from + rows }; // int: row
    }
    const ranges = batch.map((p) => {
      const range = items[p.sheet].getRangeByIndexes(p.from, 0, p.to - p.from, extents[p.sheet]!.cols); // int: rows
      range.load("values,formulas");
      return range;
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- runs once unless Excel refuses a >5 MB response
      await context.sync();
    } catch (e) {
      const smallest = batch.every((p) => p.to - p.from === 1); // int: rows
      if (!tooBig(e) || smallest) throw e;
      pending.unshift(...mergeBack(batch));
      limit = Math.max(1, Math.min(Math.floor(limit / 2), READ_CHUNK_CELLS)); // int: cells
      continue;
    }
    batch.forEach((p, i) => {
      for (const row of ranges[i].values) out[p.sheet].values.push(row);
      for (const row of ranges[i].formulas) out[p.sheet].formulas.push(row);
    });
  }
  return out;
}

/** Pieces back in reading order, adjacent rows of one sheet joined again. */
function mergeBack(batch: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const p of batch) {
    const last = merged[merged.length - 1]; // int: index
    if (last && last.sheet === p.sheet && last.to === p.from) last.to = p.to;
    else merged.push({ ...p });
  }
  return merged;
}
