/**
 * Which sheet is which, and where its table starts. Sheets are recognized by name (花名册, 月度指标, 客户, 任务, 设置
 * and their English names) or, failing that, by their headers; the header row is the first of the top rows that
 * names the staff id and at least one other known column, so title rows above a table are skipped; a two-row header
 * (a merged group such as 存款(万元) over 日均存款 and 基数存款) is read as one (twoRowHeader.ts).
 * A sheet named like a period (`2026-01`, `2026年1月`) is a sheet of monthly records for that period.
 */
import { isBlank, isRowBlank, type CellValue, type SheetValues } from "./cells";
import { mapHeaderRow, recognizedCount, type HeaderMapping } from "./headers";
import { readPeriodCell } from "./periodCells";
import { normalizeHeader, synonymIndex, type HeaderIndex } from "./synonyms";
import { headerWithId, type HeaderBlock } from "./twoRowHeader";

export type SheetKind = "roster" | "records" | "clients" | "tasks" | "ledger" | "settings";

const NAMES: Record<SheetKind, string[]> = {
  roster: ["花名册", "人员", "人员名单", "名单", "员工", "员工名单", "客户经理名单", "roster", "staff", "people", "managers"],
  records: ["月度指标", "指标", "月度", "月度数据", "业绩", "业绩数据", "考核数据", "monthly", "metrics", "performance", "records", "data"],
  clients: ["客户", "客户明细", "客户数据", "客户清单", "clients", "customers"],
  tasks: ["任务", "任务计划", "计划", "tasks", "plans", "targets"],
  // Read by the validator only (H003-RISKDEP-LEDGER); the appraisal keeps its own ledger.
  ledger: ["风险金台账", "风险抵押金台账", "风险金", "风险抵押金", "风险金明细", "risk deposit", "risk deposits", "risk deposit ledger", "ledger"],
  settings: ["设置", "参数", "参数设置", "考核设置", "settings", "config", "options"],
};

export const SHEET_NAMES_ZH: Record<SheetKind, string> = { roster: "花名册", records: "月度指标", clients: "客户", tasks: "任务", ledger: "风险金台账", settings: "设置" };

/** Notes sheets a workbook may carry: skipped without a remark. */
const NOTES = ["说明", "使用说明", "填表说明", "readme", "instructions", "notes"];
/** Sheets `appraise grade` writes: skipped with a remark when a results workbook is graded again. */
const OUTPUTS = /^(考核结果 .+|机构汇总|问题|计算明细)$/;

export interface SheetRole {
  kind?: SheetKind;
  /** A records sheet named like a period. */
  period?: string;
  skip?: "notes" | "output";
}

export function kindByName(name: string): SheetRole {
  const n = normalizeHeader(name);
  for (const [kind, names] of Object.entries(NAMES) as Array<[SheetKind, string[]]>) {
    if (names.some((x) => normalizeHeader(x) === n)) return { kind };
  }
  if (NOTES.some((x) => normalizeHeader(x) === n)) return { skip: "notes" };
  if (OUTPUTS.test(name.trim())) return { skip: "output" };
  if (/^\d{4}/.test(n)) {
    const p = readPeriodCell(name);
    if (p.ok) return { kind: "records", period: p.period };
  }
  return {};
}

/** How many top rows may hold titles before the header row. */
export const HEADER_SEARCH_ROWS = 30;

/** A table's header: its first row, how many rows it takes (1, or 2 for a two-row header), its columns. */
export type FoundTable = HeaderBlock;

/**
 * The header: the first top row naming the staff id and another known column, with the row under it when that row
 * continues the header, or the row above when it holds the groups of the header's columns (twoRowHeader.ts). Read
 * with `index`: the rulebook's (declaredHeaders.ts), so that a sheet of declared fields only (工号 | 佣金收入) is found.
 */
export function findHeaderRow(sheet: string, values: SheetValues, index: HeaderIndex = synonymIndex()): FoundTable | undefined {
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS); // int: row count
  for (let r = 0; r < limit; r++) { // int: row index
    const row = values[r] ?? [];
    if (isRowBlank(row)) continue;
    const recognized = recognizedCount(row, index);
    if (recognized === 0) continue;
    const mapping = mapHeaderRow(sheet, r, row, index);
    if (!mapping.byKey.has("id")) continue;
    const found = headerWithId(sheet, values, r, mapping, recognized, index);
    if (found) return found;
  }
  return undefined;
}

/** A sheet whose name says nothing, judged by its header. */
export function kindByHeader(mapping: HeaderMapping): SheetKind | undefined {
  const has = (k: Parameters<HeaderMapping["byKey"]["has"]>[0]) => mapping.byKey.has(k);
  if (has("clientId") || has("clientName")) return "clients";
  if (has("item") && has("plan") && has("actual")) return "tasks";
  const ledgerColumns = has("riskDepositWithheld") || has("riskDepositRefunded") || has("riskDepositForfeited") || has("riskDepositClosing");
  if (ledgerColumns && !mapping.columns.some((c) => c.key.startsWith("field:"))) return "ledger";
  if (has("period")) return "records";
  if (has("id") && (has("name") || has("role") || has("grade"))) return "roster";
  return undefined;
}

/** A totals line under a table (合计 / 小计 / 总计 / Total): not a person. */
export function isTotalsRow(row: readonly CellValue[]): boolean {
  let seen = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v === "string" && /^(合计|总计|小计|汇总|total|subtotal|sum)[::]?$/i.test(v.normalize("NFKC").replace(/\s/g, ""))) return true;
    seen += 1; // int: count
    if (seen >= 3) return false;
  }
  return false;
}
