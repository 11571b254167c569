/**
 * An ExcelPort over plain objects, for the actions' tests: sheets of values, document settings, and a log of
 * everything the actions asked Excel to do. (The Office.js adapter itself is tested against the Office fake.)
 */
import type { WorkbookValues } from "../../src/workbook";
import type { ExcelPort, FreezeResult, WorkbookSnapshot } from "../../src/taskpane/port";
import type { SheetPlan } from "../../src/workbook/resultsSheet";

export class MemoryPort implements ExcelPort {
  readonly settings: Record<string, unknown>;
  readonly written: SheetPlan[] = [];
  readonly selected: string[] = [];
  readonly log: string[] = [];
  /** Sheets that exist besides the inputs (results sheets written earlier). */
  readonly extraSheets = new Set<string>();

  constructor(public values: WorkbookValues, settings: Record<string, unknown> = {}, public khjlFormulaCount = 0) {
    this.settings = { ...settings };
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    this.log.push("read");
    return { values: this.values, khjlFormulaCount: this.khjlFormulaCount };
  }
  async select(address: string): Promise<void> {
    this.selected.push(address);
  }
  async sheetExists(name: string): Promise<boolean> {
    return name in this.values || this.extraSheets.has(name);
  }
  async writeResultsSheet(plan: SheetPlan, progress?: (done: number, total: number) => void): Promise<void> {
    this.log.push(`write ${plan.name}`);
    this.written.push(plan);
    this.extraSheets.add(plan.name);
    progress?.(1, 1);
  }
  async freezeToValues(target: { sheet: string } | "selection", note: string): Promise<FreezeResult> {
    this.log.push(`freeze ${typeof target === "string" ? target : target.sheet} ${note}`);
    return { address: typeof target === "string" ? "Sheet1!A1:B2" : `${target.sheet}!A1:B2`, formulas: 3 };
  }
  async activeSheetName(): Promise<string> {
    return "考核结果 2026";
  }
  getSetting(key: string): unknown {
    return this.settings[key];
  }
  async setSettings(entries: Record<string, unknown>): Promise<void> {
    this.log.push(`settings ${Object.keys(entries).join(",")}`);
    Object.assign(this.settings, JSON.parse(JSON.stringify(entries)));
  }
  async recalculate(): Promise<void> {
    this.log.push("recalculate");
  }
}
