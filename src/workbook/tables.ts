/**
 * Finds every table of a workbook: each sheet's kind, header row, mapped columns and data rows (blank rows and a
 * totals line skipped). Sheets that are not tables are reported once (notes sheets and the sheets a previous
 * grading run wrote are recognized and skipped). Columns are named by the rulebook's header index: the fields a
 * format-2 rulebook declares, or the standard fields.
 */
import type { CompiledRulebook } from "../engine/rulebook/compile";
import { clip, isBlank, isRowBlank, quote, type CellValue, type WorkbookValues } from "./cells";
import { findHeaderRow, isTotalsRow, kindByHeader, kindByName, SHEET_NAMES_ZH, type SheetKind } from "./detect";
import { headerIndexFor } from "./declaredHeaders";
import { columnLabel, isNumericColumn, type HeaderMapping } from "./headers";
import { periodInTitle } from "./periodCells";
import { unnamedUnderGroups } from "./twoRowHeader";
import { problem, type WorkbookProblem } from "./problems";
import { columnField, columnZh, isDeclKey, type ColumnKey, type HeaderIndex } from "./synonyms";

export interface TableRow {
  row: number;
  cells: readonly CellValue[];
}

export interface Table {
  sheet: string;
  kind: Exclude<SheetKind, "settings">;
  /** The (first) header row, 0-based. */
  headerRow: number;
  /** 1, or 2 for a two-row header (twoRowHeader.ts): the data start at headerRow + headerRows. */
  headerRows: number;
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

/**
 * detect.kindByHeader, where a field a format-2 rulebook declares under its own id counts as a field column as a
 * standard one does: ledger columns beside a declared field are not a ledger sheet (then the rest of detect's order).
 */
function kindOfHeader(mapping: HeaderMapping): SheetKind | undefined {
  const kind = kindByHeader(mapping);
  if (kind !== "ledger" || !mapping.columns.some((c) => isDeclKey(c.key))) return kind;
  const has = (k: ColumnKey) => mapping.byKey.has(k);
  if (has("period")) return "records";
  return has("name") || has("role") || has("grade") ? "roster" : undefined;
}

/** The note for a column that is not read: unknown, or a standard field outside the format-2 rulebook's scheme. */
function unknownColumnNote(sheet: string, row: number, u: HeaderMapping["unknown"][number], index: HeaderIndex): WorkbookProblem {
  const where = { sheet, row: u.row ?? row, col: u.col };
  if (u.standard !== undefined) {
    return problem("info", "unknownColumn", where, {
      zh: `「${clip(u.header)}」是标准字段 ${u.standard},但规则集 ${index.rulebook ?? ""} 没有声明它(不属于本考核办法),已忽略`,
      en: `column ${quote(u.header)} is the standard field ${u.standard}, which rulebook ${index.rulebook ?? ""} does not declare (not part of its scheme); ignored`,
    }, { field: u.standard });
  }
  return problem("info", "unknownColumn", where, { zh: `未识别的列「${clip(u.header)}」,已忽略`, en: `column ${quote(u.header)} is not known; ignored` });
}

/**
 * A client row holds numbers per client (Client.values): a declared date, text or yes/no field, or one per person,
 * has no place there. Such a column is taken out of the client table's mapping, with a warning at its header, so
 * that its cells are neither read nor dropped without a word.
 */
function dropClientOnlyColumns(sheet: string, headerRow: number, mapping: HeaderMapping): WorkbookProblem[] {
  const out: WorkbookProblem[] = [];
  for (const c of [...mapping.columns]) {
    if (!c.spec || (c.spec.per === "period" && isNumericColumn(c))) continue;
    mapping.columns.splice(mapping.columns.indexOf(c), 1);
    mapping.byKey.delete(c.key);
    const why = c.spec.per === "manager"
      ? { zh: "是每人一个的值,应填在花名册", en: "is one value per person: give it in the roster" }
      : { zh: "不是数值,客户行只能读取数值字段", en: "is not a number, and a client row holds numbers only" };
    out.push(problem("warning", "unknownColumn", { sheet, row: c.row ?? headerRow, col: c.col }, {
      zh: `客户表的「${clip(c.header)}」(${columnLabel(c)})${why.zh};该列未读取`,
      en: `client column ${quote(c.header)} (${columnField(c.key)}) ${why.en}; the column is not read`,
    }, { field: columnField(c.key) }));
  }
  return out;
}

/**
 * Every table of the workbook. `rulebook`: the rulebook the workbook is read for; a format-2 rulebook's columns are
 * the fields it declares (declaredHeaders.ts), any other reads the standard fields.
 */
export function findTables(book: WorkbookValues, rulebook?: CompiledRulebook): Tables {
  const index = headerIndexFor(rulebook);
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
    const found = findHeaderRow(sheet, values, index);
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
    const kind = (byName.kind ?? kindOfHeader(found.mapping)) as Table["kind"] | undefined;
    if (!kind) {
      out.problems.push(problem("info", "ignoredSheet", { sheet }, { zh: `工作表「${sheet}」无法判断用途(花名册、月度指标、客户或任务),已忽略`, en: `sheet "${sheet}" is not a roster, records, clients or tasks table; ignored` }));
      continue;
    }
    out.problems.push(...found.mapping.problems);
    const unnamed = unnamedUnderGroups(sheet, values, found);
    out.problems.push(...unnamed.problems);
    for (const u of found.mapping.unknown) if (!unnamed.groups.has(u.col)) out.problems.push(unknownColumnNote(sheet, found.headerRow, u, index));
    if (kind === "clients") out.problems.push(...dropClientOnlyColumns(sheet, found.headerRow, found.mapping));
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
    for (let r = found.headerRow + found.headerRows; r < values.length; r++) { // int: row index
      const cells = values[r] ?? [];
      if (isRowBlank(cells) || isTotalsRow(cells)) continue;
      if (!found.mapping.columns.some((c) => !isBlank(cells[c.col]))) continue; // notes beside the table
      rows.push({ row: r, cells });
    }
    const table: Table = { sheet, kind, headerRow: found.headerRow, headerRows: found.headerRows, mapping: found.mapping, rows };
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
