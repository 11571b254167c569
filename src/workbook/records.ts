/**
 * Period records from the 月度指标, 客户 and 任务 sheets: one record per manager and period (a month, a quarter or the
 * year), holding field values, per-period role and grade, event flags, the period's clients and tasks.
 * A second row for the same manager and period (or the same client or task item) is reported and not read.
 */
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { PeriodRecord } from "../engine/model";
import { monthRange } from "../engine/periods";
import { address, clip, quote } from "./cells";
import type { IdResolver } from "./identity";
import { periodNumberNote, readPeriodCell, type PeriodBounds } from "./periodCells";
import { problem, type Where } from "./problems";
import { mergeManagerField, readRoleGrade, type RosterEntry } from "./roster";
import { RowReader, type ReadContext } from "./rowReader";
import type { Table, TableRow } from "./tables";
import { readTaskItem } from "./vocabulary";

export interface RecordBuild {
  record: PeriodRecord;
  /** The period cell (or id cell when the period comes from the sheet name). */
  at: Where;
  /** Where each field value was read, by field id (standard, or declared by a format-2 rulebook). */
  cells: Partial<Record<string, Where>>;
  /** Whether a 月度指标 row made this record (a record made only by a client or task row has none). */
  fromRecordsSheet: boolean;
  /** The 月度指标 row read, for checks that look at more of it (the validator). */
  source?: SourceRow;
  /** The 客户 rows read, in the order of `record.clients`, with where each value was read. */
  clientRows: Array<SourceRow & { cells: Partial<Record<string, Where>> }>;
  /** The 任务 rows read, in the order of `record.tasks`. */
  taskRows: SourceRow[];
}

export interface SourceRow {
  table: Table;
  row: TableRow;
}

/** Whether `inner` lies within `outer` (a month within its quarter or year, or the same period). */
export function periodWithin(inner: string, outer: string): boolean {
  const i = monthRange(inner);
  const o = monthRange(outer);
  return i.first >= o.first && i.last <= o.last;
}

function periodSource(t: Table): { zh: string; en: string } {
  const from = t.periodFrom;
  if (from?.kind === "title") return { zh: `标题「${from.text}」(${address(t.sheet, from.row, from.col)})`, en: `the title "${from.text}" (${address(t.sheet, from.row, from.col)})` };
  return { zh: `表名「${t.sheet}」`, en: `the sheet name "${t.sheet}"` };
}

export interface Collected {
  /** Per manager id: records by period. */
  records: Map<string, Map<string, RecordBuild>>;
  /** Managers first seen in a records sheet when the workbook has no roster. */
  derived: Map<string, RosterEntry>;
  /** Which records-sheet row made which record, so a per-row answer (a custom function's spill) can find its record. */
  sources: RecordSource[];
}

export interface RecordSource {
  sheet: string;
  /** 0-based row in the sheet. */
  row: number;
  id: string;
  period: string;
}

interface RowKey {
  id: string;
  period: string;
  reader: RowReader;
}

export class RecordCollector {
  readonly out: Collected = { records: new Map(), derived: new Map(), sources: [] };
  /** Period columns already noted for date serials: one note per column, at its first such cell. */
  private readonly serialNoted = new Set<string>();

  constructor(
    private readonly ctx: ReadContext,
    private readonly ids: IdResolver,
    private readonly book: CompiledRulebook,
    /** Undefined when the workbook has no roster: managers then come from the records rows. */
    private readonly roster: Map<string, RosterEntry> | undefined,
    /** The plausible years of a period cell. */
    private readonly bounds: PeriodBounds = {},
  ) {}

  /** Id and period of a row, or undefined when the row cannot be attributed (reported). */
  private key(t: Table, row: TableRow): RowKey | undefined {
    const idCol = t.mapping.byKey.get("id")!.col;
    const rid = this.ids.read(t.sheet, row.row, idCol, row.cells[idCol], this.ctx.problems);
    if (rid.skip || rid.id === undefined) return undefined;
    const reader = new RowReader(this.ctx, t, row, rid.id);
    if (this.roster && !this.roster.has(rid.id)) {
      reader.report("error", "id", { code: "unknownManager", zh: `工号 ${rid.id} 不在花名册中,此行未读取`, en: `staff id ${rid.id} is not in the roster; the row is not read` });
      return undefined;
    }
    let period = t.period;
    if (reader.column("period") && (reader.has("period") || !period)) {
      const p = readPeriodCell(reader.cell("period"), this.bounds);
      if (!p.ok) {
        reader.report("error", "period", { code: p.code ?? (reader.has("period") ? "badPeriod" : "blankRequired"), zh: `${p.zh},此行未读取`, en: `${p.en}; the row is not read` });
        return undefined;
      }
      if (p.textDate !== undefined) {
        reader.report("warning", "period", {
          code: "dateAsText",
          zh: `期间是以文本录入的日期 ${quote(p.textDate)},按其所在月份 ${p.period} 读取;期间应填 ${p.period} 这样的月份(或设为日期格式)`,
          en: `the period is a date typed as text (${quote(p.textDate)}), read as its month ${p.period}; write the month, ${p.period} (or make the cell a date)`,
          suggested: p.period,
        });
      }
      if (p.number !== undefined) {
        const note = periodNumberNote(p.number, p.period);
        const column = `${t.sheet}\u0000${reader.column("period")!.col}`;
        // A date serial is what Excel gives for every date-formatted cell: say it once per column, not per row.
        if (note.code === "periodNumber" || !this.serialNoted.has(column)) reader.report(note.severity, "period", note);
        if (note.code === "periodSerial") this.serialNoted.add(column);
      }
      // A sheet of one period (by its name or title) holding another period's row: months mixed in one sheet.
      if (t.period && !periodWithin(p.period, t.period)) {
        const from = periodSource(t);
        reader.report("warning", "period", {
          code: "periodMixed",
          zh: `期间 ${p.period} 不属于本表的期间 ${t.period}(见${from.zh}):一张表混有不同月份的数据;此行按 ${p.period} 读取,请核对`,
          en: `period ${p.period} is outside this sheet's period ${t.period} (from ${from.en}): the sheet mixes periods; the row is read as ${p.period}, please check`,
        });
      }
      period = p.period;
    }
    if (!period) return undefined;
    return { id: rid.id, period, reader };
  }

  private recordOf(k: RowKey): { build: RecordBuild; isNew: boolean } {
    const byPeriod = this.out.records.get(k.id) ?? new Map<string, RecordBuild>();
    this.out.records.set(k.id, byPeriod);
    const had = byPeriod.get(k.period);
    if (had) return { build: had, isNew: false };
    const build: RecordBuild = {
      record: { period: k.period, values: {}, tasks: [], clients: [], flags: [] },
      at: k.reader.column("period") ? k.reader.at("period") : k.reader.at("id"),
      cells: {},
      fromRecordsSheet: false,
      clientRows: [],
      taskRows: [],
    };
    byPeriod.set(k.period, build);
    return { build, isNew: true };
  }

  readRecords(t: Table): void {
    for (const row of t.rows) {
      const k = this.key(t, row);
      if (!k) continue;
      const r = k.reader;
      const { build } = this.recordOf(k);
      if (build.fromRecordsSheet) {
        r.report("error", r.column("period") ? "period" : "id", {
          code: "duplicateRecord",
          zh: `工号 ${k.id} 在 ${k.period} 已有一行(${address(build.at.sheet, build.at.row!, build.at.col!)}),此行未读取`,
          en: `staff id ${k.id} already has a row for ${k.period} (${address(build.at.sheet, build.at.row!, build.at.col!)}); this row is not read`,
        });
        continue;
      }
      build.fromRecordsSheet = true;
      build.source = { table: t, row };
      build.at = r.column("period") ? r.at("period") : r.at("id");
      this.out.sources.push({ sheet: t.sheet, row: row.row, id: k.id, period: k.period });
      const { values, extra, cells, invalid } = r.fields();
      Object.assign(build.record.values, values);
      if (Object.keys(extra).length > 0) build.record.extra = { ...build.record.extra, ...extra };
      if (Object.keys(invalid).length > 0) build.record.invalid = { ...build.record.invalid, ...invalid };
      Object.assign(build.cells, cells);
      for (const f of r.flags(this.book)) if (!build.record.flags.includes(f)) build.record.flags.push(f);
      const { role, grade, bad } = readRoleGrade(r, this.book);
      if (role !== undefined) build.record.role = role;
      if (grade !== undefined) build.record.grade = grade;
      if (!this.roster) this.derive(k, r, role, grade, bad);
      else this.managerFields(this.roster.get(k.id)!, r);
    }
  }

  /** Per-person values on a records row belong to the manager, and must agree with the roster and the other rows. */
  private managerFields(entry: RosterEntry, r: RowReader): void {
    for (const f of r.managerFields()) mergeManagerField(entry, f, r);
  }

  /** Without a roster, a manager is described by their rows: name, branch, and the role and grade of the latest. */
  private derive(k: RowKey, r: RowReader, role: string | undefined, grade: string | undefined, bad: boolean): void {
    const had = this.out.derived.get(k.id);
    const entry: RosterEntry = had ?? { id: k.id, at: r.at("id"), usable: true };
    entry.name ??= r.text("name");
    entry.branch ??= r.text("branch");
    if (role !== undefined) entry.role = role;
    if (grade !== undefined) entry.grade = grade;
    // Without a roster, the opening risk deposit may sit on the records rows (a formula user's single table).
    const opening = r.column("openingRiskDeposit") ? r.number("openingRiskDeposit") : undefined;
    if (opening !== undefined && opening.isNegative() && !opening.isZero()) {
      r.report("error", "openingRiskDeposit", { code: "negative", zh: `风险金期初余额为负数 ${opening.toFixed()} 元,余额不能为负(H003-RISKDEP-LEDGER),未读取`, en: `the opening risk deposit is negative (${opening.toFixed()} 元); a balance is never negative (H003-RISKDEP-LEDGER); not read` });
    } else if (opening !== undefined) entry.openingRiskDeposit ??= opening;
    if (bad) entry.usable = false;
    this.managerFields(entry, r);
    this.out.derived.set(k.id, entry);
  }

  readClients(t: Table): void {
    const seen = new Map<string, Where>();
    for (const row of t.rows) {
      const k = this.key(t, row);
      if (!k) continue;
      const r = k.reader;
      const clientKey = r.column("clientId") ? "clientId" : "clientName";
      const clientId = r.text(clientKey);
      if (clientId === undefined) {
        r.report("error", clientKey, { code: "blankRequired", zh: "客户编号为空,此行未读取", en: "the client id is blank; the row is not read" });
        continue;
      }
      const dup = `${k.id}\u0000${k.period}\u0000${clientId}`;
      const first = seen.get(dup);
      if (first) {
        r.report("error", clientKey, { code: "duplicateRecord", zh: `客户 ${clip(clientId)} 在 ${k.period} 已有一行(${address(first.sheet, first.row!, first.col!)}),此行未读取`, en: `client ${clip(clientId)} already has a row for ${k.period} (${address(first.sheet, first.row!, first.col!)}); not read` });
        continue;
      }
      seen.set(dup, r.at(clientKey));
      // A client holds numbers only: findTables took date, text, yes/no and per-person columns out of this table.
      const { values, cells } = r.fields();
      const { build } = this.recordOf(k);
      build.record.clients.push({ id: clientId, values, flags: r.flags(this.book) });
      build.clientRows.push({ table: t, row, cells });
    }
  }

  readTasks(t: Table): void {
    const seen = new Map<string, Where>();
    for (const row of t.rows) {
      const k = this.key(t, row);
      if (!k) continue;
      const r = k.reader;
      if (!r.readable("item")) continue;
      const item = readTaskItem(r.cell("item"), this.book);
      if (item === undefined) {
        r.report("error", "item", { code: "blankRequired", zh: "任务项目为空,此行未读取", en: "the task item is blank; the row is not read" });
        continue;
      }
      const dup = `${k.id}\u0000${k.period}\u0000${item}`;
      const first = seen.get(dup);
      if (first) {
        r.report("error", "item", { code: "duplicateRecord", zh: `任务「${clip(item)}」在 ${k.period} 已有一行(${address(first.sheet, first.row!, first.col!)}),此行未读取`, en: `task ${quote(item)} already has a row for ${k.period} (${address(first.sheet, first.row!, first.col!)}); not read` });
        continue;
      }
      seen.set(dup, r.at("item"));
      const plan = r.number("plan");
      const actual = r.number("actual");
      for (const [key, v] of [["plan", plan], ["actual", actual]] as const) {
        if (v === undefined && !r.has(key)) {
          this.ctx.problems.push(problem("error", "blankRequired", r.at(key), { zh: `任务「${clip(item)}」的${key === "plan" ? "计划" : "完成"}为空,此行未读取`, en: `task ${quote(item)}: ${key} is blank; the row is not read` }, { field: key, managerId: k.id }));
        }
      }
      if (plan === undefined || actual === undefined) continue;
      const { build } = this.recordOf(k);
      build.record.tasks.push({ item, plan, actual });
      build.taskRows.push({ table: t, row });
    }
  }
}
