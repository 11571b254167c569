/**
 * What the taskpane needs from Excel, as one small interface. `excel/adapter.ts` implements it with Office.js; tests
 * implement it with plain objects. Components and actions see only this, never `Excel` or `Office`, so they render
 * and run without an Office host (the seam of Microsoft's TaskPane-React template, kept on purpose).
 */
import type { WorkbookValues } from "../workbook";
import type { SheetPlan } from "../workbook/resultsSheet";

export interface WorkbookSnapshot {
  /** Every worksheet's cells from A1 to the end of its used range, by sheet name, in tab order. */
  values: WorkbookValues;
  /** Cells whose formula calls a KHJL function (the validator warns above KHJL_FORMULA_LIMIT). */
  khjlFormulaCount: number;
}

export interface FreezeResult {
  /** The range that was frozen, `Sheet!A1:K40`. */
  address: string;
  /** How many formula cells became values. */
  formulas: number;
}

export interface ExcelPort {
  /** All worksheets' values (and the KHJL formula count) in bulk: a fixed number of round trips, whatever the size. */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Activates the sheet and selects the cell or range (`Sheet!C7`, quotes allowed: `'考核 2026'!C7`). */
  select(address: string): Promise<void>;
  sheetExists(name: string): Promise<boolean>;
  /**
   * Writes the results sheet of the plan: deletes a sheet of the same name (the caller has asked the user), adds
   * it, writes its blocks, formats, table, frozen panes, highlight and chart. Never touches another sheet.
   * Progress is reported as the write proceeds; the number of round trips does not depend on the row count.
   */
  writeResultsSheet(plan: SheetPlan, progress?: (done: number, total: number) => void): Promise<void>;
  /**
   * Replaces formulas by their current values in a whole sheet or in the current selection, and attaches `note`
   * (rulebook id and version, time) as a comment on the first cell.
   */
  freezeToValues(target: { sheet: string } | "selection", note: string): Promise<FreezeResult>;
  /** The active sheet's name (the default target of "freeze"). */
  activeSheetName(): Promise<string>;
  /** A document setting (Office.context.document.settings), undefined when absent. */
  getSetting(key: string): unknown;
  /** Sets and saves document settings in one save. */
  setSettings(entries: Record<string, unknown>): Promise<void>;
  /** A full recalculation, so KHJL formulas pick up a newly chosen rulebook. */
  recalculate(): Promise<void>;
}
