/**
 * Carries out a results-sheet plan (src/workbook/resultsSheet.ts) with Office.js. Two round trips when the sheet
 * fits the payload budget, whatever its row count: one to learn whether a sheet of that name exists, one with
 * everything else queued (delete, add, formats, values, tables, highlight, chart, widths, freeze, activate).
 * Above the budget the rows go in chunks with a sync between them (payload.ts). Only the named sheet is touched.
 */
import type { PlanBlock, SheetPlan } from "../../workbook/resultsSheet";
import { columnLetters } from "./addresses";
import { chunkPlan, PAYLOAD_BUDGET_BYTES } from "./payload";
import { forWrite } from "./typed";

/** Excel column width in points for `chars` characters of the default font (7 px a digit, 5 px padding, 0.75 pt/px). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75); // int: points
}

/** The chart's size, in cells from its top-left corner. */
const CHART_ROWS = 15; // int: rows
const CHART_COLUMNS = 7; // int: columns

const TEXT_FORMAT = "@";

function dataTop(block: PlanBlock): number {
  return block.top + (block.header ? 1 : 0); // int: row
}

function dataRows(block: PlanBlock): number {
  return block.values.length - (block.header ? 1 : 0); // int: count
}

function width(block: PlanBlock): number {
  return block.values[0]?.length ?? 0; // int: count
}

/**
 * The number format of a whole column of data rows, as one string. Excel applies a single value to every cell of
 * the range (the ExcelApi 1.1 reference of Range.numberFormat: "the value argument can be either a single value
 * (string) or a two-dimensional array. If the argument is a single value, it will be applied to all cells in the
 * range"), so no rows×1 array is built or sent. The typings declare only any[][], hence the cast.
 */
function setColumnFormat(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

function queueFormats(sheet: Excel.Worksheet, block: PlanBlock): void {
  const rows = dataRows(block);
  if (rows <= 0) return;
  block.numberFormats.forEach((format, c) => {
    if (format) setColumnFormat(sheet.getRangeByIndexes(dataTop(block), block.left + c, rows, 1), format); // int: column
  });
}

function queueRows(sheet: Excel.Worksheet, block: PlanBlock, from: number, to: number): void {
  const cols = width(block);
  if (to <= from || cols === 0) return;
  const firstData = block.header ? 1 : 0; // int: row
  const rows = block.values.slice(from, to).map((row, i) =>
    row.map((v, c) => forWrite(v, from + i >= firstData && block.numberFormats[c] === TEXT_FORMAT)), // int: row
  );
  sheet.getRangeByIndexes(block.top + from, block.left, to - from, cols).values = rows; // int: rows
}

/**
 * Column widths of the whole sheet, decided per sheet column: a width a block gives wins; otherwise the column is
 * autofitted once over the rows of the tables in it (blocks side by side or stacked share columns, and a later
 * block's autofit would undo an earlier one's). A note block's long text is left to overflow, not fitted.
 */
function queueWidths(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const widths = new Map<number, number>();
  const fit = new Map<number, { top: number; bottom: number }>();
  for (const block of plan.blocks) {
    const rows = block.values.length;
    for (let c = 0; c < width(block); c++) { // int: column
      const col = block.left + c; // int: column
      const w = block.widths?.[c];
      if (w !== undefined) widths.set(col, w);
      else if (block.header && rows > 0) {
        const span = fit.get(col);
        const bottom = block.top + rows - 1; // int: row
        fit.set(col, span ? { top: Math.min(span.top, block.top), bottom: Math.max(span.bottom, bottom) } : { top: block.top, bottom });
      }
    }
  }
  for (const [col, span] of fit) {
    if (!widths.has(col)) sheet.getRangeByIndexes(span.top, col, span.bottom - span.top + 1, 1).format.autofitColumns(); // int: rows
  }
  for (const [col, w] of widths) sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = widthPoints(w);
}

function queueLayout(sheet: Excel.Worksheet, plan: SheetPlan): void {
  queueWidths(sheet, plan);
  for (const block of plan.blocks) {
    const rows = block.values.length;
    if (block.table && block.header && rows > 0 && width(block) > 0) {
      const table = sheet.tables.add(sheet.getRangeByIndexes(block.top, block.left, rows, width(block)), true);
      table.name = block.table.name;
      table.style = block.table.style;
    }
  }

  const h = plan.highlight;
  const marked = h && plan.blocks.find((b) => b.id === h.block);
  if (h && marked && dataRows(marked) > 0) {
    const first = dataTop(marked) + 1; // int: 1-based row of the first data row
    const flag = `$${columnLetters(marked.left + h.flagColumn)}${first}`; // int: column
    const format = sheet.getRangeByIndexes(dataTop(marked), marked.left, dataRows(marked), width(marked)).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    format.custom.rule.formula = `=LEN(${flag})>0`;
    format.custom.format.fill.color = h.fill;
    format.custom.format.font.color = h.font;
  }

  const chartPlan = plan.chart;
  const source = chartPlan && plan.blocks.find((b) => b.id === chartPlan.block);
  if (chartPlan && source && source.values.length > 1) {
    const data = sheet.getRangeByIndexes(source.top, source.left, source.values.length, 2);
    const chart = sheet.charts.add(Excel.ChartType.columnClustered, data, Excel.ChartSeriesBy.columns);
    chart.title.text = chartPlan.title;
    chart.legend.visible = false;
    chart.setPosition(
      sheet.getRangeByIndexes(chartPlan.top, chartPlan.left, 1, 1),
      sheet.getRangeByIndexes(chartPlan.top + CHART_ROWS - 1, chartPlan.left + CHART_COLUMNS - 1, 1, 1), // int: cells
    );
  }

  const { rows, columns } = plan.freeze;
  if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);

  sheet.activate();
  sheet.getRange("A1").select();
}

export async function writePlan(plan: SheetPlan, progress?: (done: number, total: number) => void, budget: number = PAYLOAD_BUDGET_BYTES): Promise<void> {
  const chunks = chunkPlan(plan, budget);
  const total = plan.blocks.reduce((n, b) => n + b.values.length, 0); // int: rows
  progress?.(0, total);
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(plan.name);
    await context.sync();

    // Once, not per chunk: each lasts until the next sync, and repeated screen suspension makes Excel flicker.
    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    if (!existing.isNullObject) existing.delete();
    const sheet = sheets.add(plan.name);
    // Formats before values: a text ("@") column then keeps ids such as 0103001 as typed.
    for (const block of plan.blocks) queueFormats(sheet, block);

    let done = 0; // int: rows
    for (let i = 0; i < chunks.length; i++) { // int: index
      for (const piece of chunks[i].pieces) {
        queueRows(sheet, plan.blocks[piece.block], piece.from, piece.to);
        done += piece.to - piece.from; // int: rows
      }
      if (i === chunks.length - 1) queueLayout(sheet, plan); // int: index
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB chunk, never per row (payload.ts)
      await context.sync();
      progress?.(done, total);
    }
  });
}
