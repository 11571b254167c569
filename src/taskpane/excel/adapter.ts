/**
 * The ExcelPort over Office.js: the only place besides host.ts where the taskpane touches `Excel` or `Office`.
 * Reading, writing and freezing live in their own files (read.ts, write.ts, freeze.ts); this file adds the small
 * calls (select, sheet checks, document settings, recalculation) and puts them together.
 */
import type { SheetPlan } from "../../workbook/resultsSheet";
import type { ExcelPort, FreezeResult, WorkbookSnapshot } from "../port";
import { splitAddress } from "./addresses";
import { freezeRange } from "./freeze";
import { readAllSheets } from "./read";
import { writePlan } from "./write";

function errorCode(e: unknown): string | undefined {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

async function select(address: string): Promise<void> {
  if (address.trim() === "") return; // a finding about the whole workbook has no cell to show
  const { sheet, cells } = splitAddress(address);
  try {
    await Excel.run(async (context) => {
      const ws = sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (cells) ws.getRange(cells).select();
      await context.sync();
    });
  } catch (e) {
    if (errorCode(e) === "ItemNotFound") {
      throw new Error(`工作表「${sheet}」不存在(可能已改名或删除),无法选中 ${address} / The sheet "${sheet}" does not exist (renamed or deleted?); cannot select ${address}`);
    }
    throw e;
  }
}

async function sheetExists(name: string): Promise<boolean> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    return !ws.isNullObject;
  });
}

async function activeSheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    await context.sync();
    return ws.name;
  });
}

function getSetting(key: string): unknown {
  const value: unknown = Office.context.document.settings.get(key);
  // Office answers null for a key that was never set.
  return value === null ? undefined : value;
}

/** Every entry set (undefined removes the key), then one save: settings live in the document, saved with it. */
function setSettings(entries: Record<string, unknown>): Promise<void> {
  const settings = Office.context.document.settings;
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) settings.remove(key);
    else settings.set(key, value);
  }
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new Error(`未能保存工作簿设置:${result.error?.message ?? ""} / Could not save the document settings: ${result.error?.message ?? ""}`));
    });
  });
}

async function recalculate(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

export function createExcelPort(): ExcelPort {
  return {
    readWorkbook: (): Promise<WorkbookSnapshot> => readAllSheets(),
    select,
    sheetExists,
    writeResultsSheet: (plan: SheetPlan, progress?: (done: number, total: number) => void) => writePlan(plan, progress),
    freezeToValues: (target: { sheet: string } | "selection", note: string): Promise<FreezeResult> => freezeRange(target, note),
    activeSheetName,
    getSetting,
    setSettings,
    recalculate,
  };
}
