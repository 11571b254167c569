/**
 * What every check of the validator reads: the mapping's detail (tables, managers, records with their cells), the
 * rulebook with its settings in force, the appraised period and today's month; and the few helpers checks share
 * (reading a key column's amount with its problems, a manager's role and grade in a period, a column's cell).
 */
import type { Dec } from "../../engine/decimal";
import type { CompiledRule, CompiledRulebook } from "../../engine/rulebook/compile";
import type { ManagerInput } from "../../engine/model";
import type { Settings } from "../../engine/settings";
import { address } from "../cells";
import type { MappingDetail } from "../map";
import { readNumberCell } from "../numbers";
import { problem, type ProblemCode, type Severity, type WorkbookProblem, type Where } from "../problems";
import type { RecordBuild, SourceRow } from "../records";
import type { RosterEntry } from "../roster";
import { columnField, columnZh, type ColumnKey } from "../synonyms";
import type { Table, TableRow } from "../tables";

export interface ValidationContext {
  book: CompiledRulebook;
  /** The managers as the appraisal reads them (for the rulebook's own checks). */
  managers: ReadonlyMap<string, ManagerInput>;
  settings: Settings;
  /** The appraised period. */
  period: string;
  /** Today as YYYY-MM-DD, and its month. */
  today: string;
  todayMonth: string;
  /** The last plausible year of a period cell: next year. */
  latestYear: number;
  detail: MappingDetail;
  /** Cells the mapping already reported, so a check does not pile a second problem on them. */
  reported: Set<string>;
  out: WorkbookProblem[];
}

export function report(
  ctx: ValidationContext,
  severity: Severity,
  code: ProblemCode,
  where: Where,
  text: { zh: string; en: string },
  extra: { field?: string; suggested?: string; managerId?: string; rule?: string; check?: string } = {},
): void {
  ctx.out.push(problem(severity, code, where, text, extra));
}

/** The rules of the rulebook interpreted by one of the given kinds, in rulebook order. */
export function rulesOfKind(book: CompiledRulebook, ...kinds: string[]): CompiledRule[] {
  return book.rules.filter((r) => kinds.includes(r.kind.kind));
}

export function cellOf(table: Table, row: TableRow, key: ColumnKey): Where | undefined {
  const c = table.mapping.byKey.get(key);
  return c ? { sheet: table.sheet, row: row.row, col: c.col } : undefined;
}

export function whereText(w: Where): string {
  return w.row !== undefined && w.col !== undefined ? address(w.sheet, w.row, w.col) : w.sheet;
}

/**
 * An amount in a key column the appraisal does not read (ledger, loans, year-start balance), in 元 after the
 * header's unit. A cell that is not a number is reported (unless `silent`) and gives undefined; so does a negative
 * amount, unless the column is `signed` (a net increase may be negative).
 */
export function readKeyAmount(
  ctx: ValidationContext,
  table: Table,
  row: TableRow,
  key: ColumnKey,
  managerId: string | undefined,
  opts: { silent?: boolean; signed?: boolean } = {},
): Dec | undefined {
  const column = table.mapping.byKey.get(key);
  if (!column) return undefined;
  const where: Where = { sheet: table.sheet, row: row.row, col: column.col };
  const read = readNumberCell(row.cells[column.col], { field: columnField(key), zh: columnZh(key), unit: column.unit, holds: "money" });
  if (read.kind === "blank") return undefined;
  const mine = opts.silent !== true && !ctx.reported.has(whereText(where));
  const extra = { field: columnField(key), ...(managerId !== undefined ? { managerId } : {}) };
  if (read.kind === "problem") {
    if (mine) report(ctx, "error", read.issue.code, where, read.issue, { ...extra, ...(read.issue.suggested !== undefined ? { suggested: read.issue.suggested } : {}) });
    return undefined;
  }
  if (opts.signed !== true && read.value.isNegative() && !read.value.isZero()) {
    if (mine) report(ctx, "error", "negative", where, { zh: `${columnZh(key)}为负数 ${read.cell.toFixed()},该项不能为负,未使用`, en: `${columnField(key)} is negative (${read.cell.toFixed()}) and must not be; not used` }, extra);
    return undefined;
  }
  return read.value;
}

/** The role and grade a manager held in a period: the period's own cells, else the roster's. */
export function roleGradeIn(entry: RosterEntry, build: RecordBuild | undefined): { role?: string; grade?: string } {
  const role = build?.record.role ?? entry.role;
  const grade = build?.record.grade ?? entry.grade;
  const out: { role?: string; grade?: string } = {};
  if (role !== undefined) out.role = role;
  if (grade !== undefined) out.grade = grade;
  return out;
}

export function roleLabel(book: CompiledRulebook, id: string): { zh: string; en: string } {
  const r = book.doc.roles.find((x) => x.id === id);
  return r ? { zh: r.zh, en: r.en } : { zh: id, en: id };
}

export function gradeLabel(book: CompiledRulebook, id: string): { zh: string; en: string } {
  const g = book.doc.grades.find((x) => x.id === id);
  return g ? { zh: g.zh, en: g.en } : { zh: id, en: id };
}

/** The table a cell belongs to (each sheet holds at most one table). */
export function tableOf(ctx: ValidationContext, sheet: string): Table | undefined {
  return ctx.detail.found.tables.find((t) => t.sheet === sheet);
}

/** Where an entry's column is, on its own row (the roster row, or the first records row without a roster). */
export function entryCell(ctx: ValidationContext, entry: RosterEntry, key: "name" | "role" | "grade" | "branch"): Where | undefined {
  const t = tableOf(ctx, entry.at.sheet);
  const col = t?.mapping.byKey.get(key)?.col;
  return col === undefined ? undefined : { sheet: entry.at.sheet, row: entry.at.row, col };
}

/** The client's id cell (or its name cell, when the sheet identifies clients by name). */
export function clientCell(src: SourceRow): Where {
  return cellOf(src.table, src.row, "clientId") ?? cellOf(src.table, src.row, "clientName") ?? cellOf(src.table, src.row, "id")!;
}

/** The rule that keeps the risk-deposit ledger: the format-2 rulebook's riskDeposit output, or the kind that keeps it. */
export function riskDepositRule(book: CompiledRulebook): string | undefined {
  if (book.v2) return book.v2.outputs.riskDeposit?.ledger.id;
  return book.rules.find((r) => r.kind.stage === "riskDeposit")?.id;
}
