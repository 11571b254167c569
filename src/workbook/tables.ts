/**
 * Finds every table of a workbook: each sheet's kind, header row, mapped columns and data rows (blank rows and a
 * totals line skipped). Sheets that are not tables are reported once (notes sheets and the sheets a previous
 * grading run wrote are recognized and skipped).
 */
import { clip, isBlank, isRowBlank, quote, type CellValue, type WorkbookValues } from "./cells";
import { findHeaderRow, isTotalsRow, kindByHeader, kindByName, SHEET_NAMES_ZH, type SheetKind } from "./detect";
import type { HeaderMapping } from "./headers";
import { periodInTitle } from "./periodCells";
import { problem, type WorkbookProblem } from "./problems";
import { columnZh, type ColumnKey } from "./synonyms";

export interface TableRow {
  row: number;
  cells: readonly CellValue[];
}

export interface Table {
  sheet: string;
  kind: Exclude<SheetKind, "settings">;
  headerRow: number;
  mapping: HeaderMapping;
  rows: TableRow[];
  /** The period a sheet's name (`2026-01`) or its title row (`2026年3月考核表`) gives: the rows' period when they have none. */
  period?: string;
  /** Where `period` comes from, for messages: the sheet name, or the title cell (0-based row and column). */
  periodFrom?: { kind: "name" } | { kind: "title"; row: number; col: number; text: string };
}

export interface Tables {
  tables: Table[];
  settingsSheets: string[];
  problems: WorkbookProblem[];
}

/** Columns each kind of sheet must have (the period may come from the sheet name instead). */
const REQUIRED: Record<Table["kind"], ColumnKey[]> = {
  roster: ["id", "role"],
  records: ["id", "period"],
  clients: ["id", "period", "clientId"],
  tasks: ["id", "period", "item", "plan", "actual"],
  ledger: ["id"],
};

/** The period named by the title rows above a header (one period across all of them), with its cell. */
interface TitlePeriod {
  period: string;
  row: number;
  col: number;
  text: string;
}

function titlePeriod(values: readonly (readonly CellValue[] | undefined)[], headerRow: number): TitlePeriod | undefined {
  let hit: TitlePeriod | undefined;
  for (let r = 0; r < headerRow; r++) { // int: row index
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) { // int: column index
      const v = row[c];
      if (typeof v !== "string" || isBlank(v)) continue;
      const p = periodInTitle(v);
      if (!p) continue;
      if (hit && hit.period !== p) return undefined;
      hit ??= { period: p, row: r, col: c, text: v.trim() };
    }
  }
  return hit;
}

export function findTables(book: WorkbookValues): Tables {
  const out: Tables = { tables: [], settingsSheets: [], problems: [] };
  for (const [sheet, values] of Object.entries(book)) {
    const byName = kindByName(sheet);
    if (byName.skip === "notes") continue;
    if (byName.skip === "output") {
      out.problems.push(problem("info", "ignoredSheet", { sheet }, { zh: `工作表「${sheet}」是考核结果,不作为输入读取`, en: `sheet "${sheet}" holds results of a grading run and is not read as input` }));
      continue;
    }
    if (byName.kind === "settings") {
      out.settingsSheets.push(sheet);
      continue;
    }
    if (values.every((row) => isRowBlank(row))) {
      if (byName.kind) out.problems.push(problem("warning", "noSheet", { sheet }, { zh: `工作表「${sheet}」是空的`, en: `sheet "${sheet}" is empty` }));
      continue;
    }
    const found = findHeaderRow(sheet, values);
    if (!found) {
      out.problems.push(problem(byName.kind ? "error" : "info", "missingColumn", { sheet }, {
        zh: byName.kind
          ? `工作表「${sheet}」前 30 行中没有含「工号」的表头行,未读取`
          : `工作表「${sheet}」没有可识别的表头(需要「工号」及其他列),已忽略`,
        en: byName.kind
          ? `sheet "${sheet}": no header row with a staff-id column in the top 30 rows; not read`
          : `sheet "${sheet}" has no recognizable header (a staff-id column and others); ignored`,
      }));
      continue;
    }
    const kind = (byName.kind ?? kindByHeader(found.mapping)) as Table["kind"] | undefined;
    if (!kind) {
      out.problems.push(problem("info", "ignoredSheet", { sheet }, { zh: `工作表「${sheet}」无法判断用途(花名册、月度指标、客户或任务),已忽略`, en: `sheet "${sheet}" is not a roster, records, clients or tasks table; ignored` }));
      continue;
    }
    out.problems.push(...found.mapping.problems);
    for (const u of found.mapping.unknown) {
      out.problems.push(problem("info", "unknownColumn", { sheet, row: found.headerRow, col: u.col }, { zh: `未识别的列「${clip(u.header)}」,已忽略`, en: `column ${quote(u.header)} is not known; ignored` }));
    }
    const title = kind === "roster" || byName.period ? undefined : titlePeriod(values, found.headerRow);
    const sheetPeriod = byName.period ?? title?.period;
    const missing = REQUIRED[kind].filter((k) => !found.mapping.byKey.has(k) && !(k === "period" && sheetPeriod) && !(k === "clientId" && found.mapping.byKey.has("clientName")));
    if (missing.length > 0) {
      out.problems.push(problem("error", "missingColumn", { sheet, row: found.headerRow, col: 0 }, {
        zh: `工作表「${sheet}」(${SHEET_NAMES_ZH[kind]})缺少列:${missing.map(columnZh).join("、")};未读取`,
        en: `sheet "${sheet}" (${kind}) lacks the column(s) ${missing.join(", ")}; not read`,
      }));
      continue;
    }
    const rows: TableRow[] = [];
    for (let r = found.headerRow + 1; r < values.length; r++) { // int: row index
      const cells = values[r] ?? [];
      if (isRowBlank(cells) || isTotalsRow(cells)) continue;
      if (!found.mapping.columns.some((c) => !isBlank(cells[c.col]))) continue; // notes beside the table
      rows.push({ row: r, cells });
    }
    const table: Table = { sheet, kind, headerRow: found.headerRow, mapping: found.mapping, rows };
    if (byName.period) {
      table.period = byName.period;
      table.periodFrom = { kind: "name" };
    } else if (title) {
      table.period = title.period;
      table.periodFrom = { kind: "title", row: title.row, col: title.col, text: title.text };
    }
    out.tables.push(table);
  }
  return out;
}
