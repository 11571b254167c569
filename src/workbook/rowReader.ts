/**
 * Reading the cells of one table row by column key: numbers (with the header's unit and the field's checks),
 * text, event flags. Every cell that is not read as written leaves a located problem.
 */
import type { Dec } from "../engine/decimal";
import { FIELDS, type FieldName } from "../engine/fields";
import { clip, isBlank, isUncalculated, quote, showCell, type CellValue } from "./cells";
import { isNumericKey, type MappedColumn } from "./headers";
import { checkFieldValue, readNumberCell, uncalculatedIssue, type CellIssue, type NumberColumn } from "./numbers";
import { problem, type WorkbookProblem, type Where } from "./problems";
import { columnField, columnZh, isFieldKey, isFlagKey, type ColumnKey } from "./synonyms";
import type { Table, TableRow } from "./tables";
import { knownFlags, readFlagList, readTruth } from "./vocabulary";

/** Percent-unit findings per column, so that a whole column typed in percent gets one problem, not forty. */
export class PercentColumns {
  readonly byColumn = new Map<string, { table: Table; column: MappedColumn; found: WorkbookProblem[]; numbers: number }>();

  note(table: Table, column: MappedColumn, found: WorkbookProblem | undefined): void {
    const key = `${table.sheet}\u0000${column.col}`;
    const entry = this.byColumn.get(key) ?? { table, column, found: [], numbers: 0 };
    entry.numbers += 1; // int: count
    if (found) entry.found.push(found);
    this.byColumn.set(key, entry);
  }

  /** Replaces per-cell findings by one header problem where most of a column (3 cells or more) is in percent. */
  collapse(problems: WorkbookProblem[]): WorkbookProblem[] {
    const drop = new Set<WorkbookProblem>();
    const add: WorkbookProblem[] = [];
    for (const { table, column, found, numbers } of this.byColumn.values()) {
      if (found.length < 3 || found.length * 2 < numbers) continue; // int: counts
      for (const p of found) drop.add(p);
      const field = columnField(column.key);
      const cells = found.slice(0, 3).map((p) => p.cell);
      add.push(problem("error", "percentUnitsColumn", { sheet: table.sheet, row: table.headerRow, col: column.col }, {
        zh: `「${column.header}」列有 ${found.length} 个值看似按百分数填写(如 ${cells.join("、")}):比率应为小数或百分比格式,或把表头写成「${columnZh(column.key)}(%)」;这些值未读取`,
        en: `column "${column.header}": ${found.length} values look like percent units (e.g. ${cells.join(", ")}); enter fractions or % cells, or head the column "${field} (%)"; these values are not read`,
      }, { field }));
    }
    return drop.size === 0 ? problems : [...problems.filter((p) => !drop.has(p)), ...add];
  }
}

export interface ReadContext {
  problems: WorkbookProblem[];
  percent: PercentColumns;
  /** Cells already reported as formulas without values (a cell may be read twice: a name for the roster and a row). */
  uncalculated?: Set<string>;
}

export class RowReader {
  constructor(
    private readonly ctx: ReadContext,
    readonly table: Table,
    readonly row: TableRow,
    readonly managerId: string | undefined,
  ) {}

  column(key: ColumnKey): MappedColumn | undefined {
    return this.table.mapping.byKey.get(key);
  }

  cell(key: ColumnKey): CellValue {
    const c = this.column(key);
    return c ? this.row.cells[c.col] : undefined;
  }

  at(key: ColumnKey): Where {
    const c = this.column(key);
    return { sheet: this.table.sheet, row: this.row.row, col: c ? c.col : 0 };
  }

  has(key: ColumnKey): boolean {
    return !isBlank(this.cell(key));
  }

  report(severity: WorkbookProblem["severity"], key: ColumnKey, issue: CellIssue): WorkbookProblem {
    const p = problem(severity, issue.code, this.at(key), issue, { field: columnField(key), suggested: issue.suggested, managerId: this.managerId });
    this.ctx.problems.push(p);
    return p;
  }

  /**
   * False, with a problem at the cell (once), when the cell is a formula saved without its value: such a cell is never
   * read, and never taken for a blank.
   */
  readable(key: ColumnKey): boolean {
    if (!isUncalculated(this.cell(key))) return true;
    const at = this.at(key);
    const seen = (this.ctx.uncalculated ??= new Set());
    const id = `${at.sheet}\u0000${at.row}\u0000${at.col}`;
    if (!seen.has(id)) this.report("error", key, uncalculatedIssue({ field: columnField(key), zh: columnZh(key) }));
    seen.add(id);
    return false;
  }

  /** Text of a descriptive cell (name, branch, client id): numbers are written out as they show. */
  text(key: ColumnKey): string | undefined {
    const v = this.cell(key);
    if (isBlank(v) || !this.readable(key)) return undefined;
    // An invalid Date (a reader's date out of range) is shown as cells.ts shows it; toISOString would throw.
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? "无效日期" : v.toISOString().slice(0, 10);
    return String(v).trim();
  }

  /** A numeric column's cell, in the engine's unit; undefined when blank or not readable (then reported). */
  number(key: ColumnKey): Dec | undefined {
    const column = this.column(key);
    if (!column || !isNumericKey(key)) return undefined;
    const def = isFieldKey(key) ? FIELDS[key.slice(6) as FieldName] : undefined;
    // The opening risk deposit is money though no field of its own; plan and actual are whatever the task counts.
    const nc: NumberColumn = { field: columnField(key), zh: columnZh(key), unit: column.unit, def, ...(key === "openingRiskDeposit" ? { holds: "money" as const } : {}) };
    const read = readNumberCell(this.row.cells[column.col], nc);
    if (read.kind === "blank") return undefined;
    if (read.kind === "problem") {
      this.report("error", key, read.issue);
      return undefined;
    }
    const issue = checkFieldValue(read, nc);
    const reported = issue ? this.report("error", key, issue) : undefined;
    if (def?.unit === "rate") this.ctx.percent.note(this.table, column, reported?.code === "percentUnits" ? reported : undefined);
    return issue ? undefined : read.value;
  }

  /** Every engine field the table has, with where each value came from. */
  fields(): { values: Partial<Record<FieldName, Dec>>; cells: Partial<Record<FieldName, Where>> } {
    const values: Partial<Record<FieldName, Dec>> = {};
    const cells: Partial<Record<FieldName, Where>> = {};
    for (const c of this.table.mapping.columns) {
      if (!isFieldKey(c.key)) continue;
      const name = c.key.slice(6) as FieldName;
      const v = this.number(c.key);
      if (v !== undefined) {
        values[name] = v;
        cells[name] = this.at(c.key);
      }
    }
    return { values, cells };
  }

  /** Event flags from a 事件 list column and from one yes/no column per flag. */
  flags(): string[] {
    const out: string[] = [];
    if (this.column("flags") && this.readable("flags")) {
      const { flags, unknown } = readFlagList(this.cell("flags"));
      out.push(...flags);
      for (const u of unknown) {
        this.report("error", "flags", { code: "unknownFlag", zh: `未知事件「${clip(u)}」(可用:${knownFlags()}),未读取`, en: `unknown event ${quote(u)}; not read` });
      }
    }
    for (const c of this.table.mapping.columns) {
      if (!isFlagKey(c.key) || !this.readable(c.key)) continue;
      const t = readTruth(this.row.cells[c.col]);
      const name = c.key.slice(5);
      if (t === undefined) {
        this.report("error", c.key, { code: "badFlagValue", zh: `${columnZh(c.key)}应为 是/否,却是 ${showCell(this.row.cells[c.col])},未读取`, en: `${name} must be yes/no, not ${showCell(this.row.cells[c.col])}; not read` });
      } else if (t && !out.includes(name)) out.push(name);
    }
    return out;
  }
}
