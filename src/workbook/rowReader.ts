/**
 * Reading the cells of one table row by column key: numbers (with the header's unit and the field's checks),
 * dates, text and yes/no values of a format-2 rulebook's declared fields, descriptive text, event flags. Every cell
 * that is not read as written leaves a located problem.
 */
import type { Dec } from "../engine/decimal";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { FieldSpec } from "../engine/rulebook2/fields";
import { address, clip, isBlank, isUncalculated, quote, showCell, type CellValue } from "./cells";
import { readDateCell, readFlagCell, readTextCell } from "./fieldCells";
import { columnLabel, isNumericColumn, isNumericUnit, type MappedColumn } from "./headers";
import { checkFieldValue, readNumberCell, uncalculatedIssue, type CellIssue, type NumberColumn } from "./numbers";
import { problem, type WorkbookProblem, type Where } from "./problems";
import { columnField, columnZh, isFlagKey, type ColumnKey } from "./synonyms";
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
      add.push(problem("error", "percentUnitsColumn", { sheet: table.sheet, row: column.row ?? table.headerRow, col: column.col }, {
        zh: `「${column.header}」列有 ${found.length} 个值看似按百分数填写(如 ${cells.join("、")}):比率应为小数或百分比格式,或把表头写成「${columnLabel(column)}(%)」;这些值未读取`,
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

/** A field's value as the engine takes it: a number, or a date (ISO text), a text or a yes/no. */
export type FieldValue = Dec | string | boolean;

/** The per-period fields of a row: numbers, the other values (PeriodRecord.extra), and where each was read. */
export interface RowFields {
  values: Partial<Record<string, Dec>>;
  extra: Record<string, string | boolean>;
  cells: Partial<Record<string, Where>>;
  /** Fields whose cell holds something that could not be read (reported at the cell): the engine sees #VALUE!. */
  invalid: Record<string, { zh: string; en: string }>;
}

/** One per-person value read from a row, with its column and cell. */
export interface ManagerFieldRead {
  key: ColumnKey;
  spec: FieldSpec;
  value: FieldValue;
  at: Where;
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

  /** The column's name in messages: a declared field's label, else the key's. */
  label(key: ColumnKey): string {
    const c = this.column(key);
    return c ? columnLabel(c) : columnZh(key);
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
    if (!seen.has(id)) this.report("error", key, uncalculatedIssue({ field: columnField(key), zh: this.label(key) }));
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
    if (!column || !isNumericColumn(column)) return undefined;
    // A field column's checks come from its field (the rulebook's declaration, or the standard field); the opening
    // risk deposit is money though no field of its own; plan and actual are whatever the task counts.
    const nc: NumberColumn = { field: columnField(key), zh: this.label(key), unit: column.unit, ...(column.spec ? { def: column.spec } : {}), ...(key === "openingRiskDeposit" ? { holds: "money" as const } : {}) };
    const read = readNumberCell(this.row.cells[column.col], nc);
    if (read.kind === "blank") return undefined;
    if (read.kind === "problem") {
      this.report("error", key, read.issue);
      return undefined;
    }
    const issue = checkFieldValue(read, nc);
    const reported = issue ? this.report("error", key, issue) : undefined;
    if (column.spec?.unit === "rate") this.ctx.percent.note(this.table, column, reported?.code === "percentUnits" ? reported : undefined);
    return issue ? undefined : read.value;
  }

  /**
   * A field column's cell as its field's type: a number in the engine's unit, a date as ISO text, a text, or a
   * yes/no; undefined when blank or not readable (then reported).
   */
  value(column: MappedColumn): FieldValue | undefined {
    const spec = column.spec;
    if (!spec) return undefined;
    if (isNumericUnit(spec.unit)) return this.number(column.key);
    if (!this.readable(column.key)) return undefined;
    const named = { field: columnField(column.key), zh: spec.zh };
    const cell = this.row.cells[column.col];
    const read = spec.unit === "date" ? readDateCell(cell, named) : spec.unit === "flag" ? readFlagCell(cell, named) : readTextCell(cell, named);
    if (read.kind === "blank") return undefined;
    if (read.kind === "problem") {
      this.report("error", column.key, read.issue);
      return undefined;
    }
    if (read.note) this.report("warning", column.key, read.note);
    return read.value;
  }

  /** Every per-period field the table has (standard, or declared by a format-2 rulebook), with where each came from. */
  fields(): RowFields {
    const out: RowFields = { values: {}, extra: {}, cells: {}, invalid: {} };
    for (const c of this.table.mapping.columns) {
      if (!c.spec || c.spec.per !== "period") continue;
      const before = this.ctx.problems.length;
      const v = this.value(c);
      if (v === undefined) {
        // Not blank, so a problem was reported at the cell (or earlier, for the same cell): the value is unreadable.
        if (!isBlank(this.row.cells[c.col])) {
          const p = this.ctx.problems.slice(before).find((x) => x.severity === "error");
          const where = address(this.table.sheet, this.row.row, c.col);
          out.invalid[c.spec.id] = p ? { zh: `${where}: ${p.zh}`, en: `${where}: ${p.en}` } : { zh: `${where}: ${c.spec.zh}读不出`, en: `${where}: ${c.spec.en} could not be read` };
        }
        continue;
      }
      if (typeof v === "string" || typeof v === "boolean") out.extra[c.spec.id] = v;
      else out.values[c.spec.id] = v;
      out.cells[c.spec.id] = this.at(c.key);
    }
    return out;
  }

  /** The row's values of fields a format-2 rulebook declares one per person (`per: "manager"`), with their cells. */
  managerFields(): ManagerFieldRead[] {
    const out: ManagerFieldRead[] = [];
    for (const c of this.table.mapping.columns) {
      if (!c.spec || c.spec.per !== "manager") continue;
      const value = this.value(c);
      if (value !== undefined) out.push({ key: c.key, spec: c.spec, value, at: this.at(c.key) });
    }
    return out;
  }

  /** Event flags from a 事件 list column and from one yes/no column per flag; `book` adds a rulebook's own events. */
  flags(book?: CompiledRulebook): string[] {
    const out: string[] = [];
    if (this.column("flags") && this.readable("flags")) {
      const { flags, unknown } = readFlagList(this.cell("flags"), book);
      out.push(...flags);
      for (const u of unknown) {
        this.report("error", "flags", { code: "unknownFlag", zh: `未知事件「${clip(u)}」(可用:${knownFlags(book)}),未读取`, en: `unknown event ${quote(u)}; not read` });
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
