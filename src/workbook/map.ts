/**
 * A workbook (plain cell arrays) → the engine's AppraisalInput plus every problem found, located by cell.
 * Sheets: 花名册 (roster), 月度指标 (records per manager and period), 客户 (clients), 任务 (tasks), optional 设置
 * (settings); docs/data-model.md describes each. Nothing is guessed: a cell that is not read as written has a
 * problem, and a manager who cannot be appraised (duplicate id, unknown role or grade) is left out and listed.
 */
import type { AppraisalInput, ManagerInput, PeriodRecord } from "../engine/model";
import { monthRange } from "../engine/periods";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { WorkbookValues } from "./cells";
import { dailyAvgNotes, monthGaps, type DailyAvgNote } from "./checks";
import { kindByName, type SheetKind } from "./detect";
import { IdResolver } from "./identity";
import { problem, sortProblems, type WorkbookProblem } from "./problems";
import { RecordCollector, type RecordBuild, type RecordSource } from "./records";
import { readRoster, type RosterEntry } from "./roster";
import { PercentColumns, type ReadContext } from "./rowReader";
import { readSettingsSheet, settingsFor, type SheetSettings } from "./settingsSheet";
import { findTables, type Tables } from "./tables";

export interface MapOptions {
  book: CompiledRulebook;
  period: string;
  /** G001-DAILY-AVG-VS-BALANCE note level (the rule's setting g001.validation.dailyAvgAboveBalance). */
  dailyAvgAboveBalance?: DailyAvgNote;
  /** The last plausible year of a period cell (next year, by the run's date); earlier than 1990 is always refused. */
  latestYear?: number;
}

export interface MappedWorkbook {
  input: AppraisalInput;
  problems: WorkbookProblem[];
  tables: Array<{ sheet: string; kind: SheetKind; headerRow: number; rows: number }>;
  /** Staff ids found in the workbook but not appraised; a problem says why. */
  skipped: string[];
  /** The records-sheet row behind each record read. */
  sources: RecordSource[];
}

/**
 * What the mapping saw, with every value's cell: the validator (src/workbook/validate) checks this further instead
 * of reading the workbook a second way.
 */
export interface MappingDetail {
  found: Tables;
  ids: IdResolver;
  /** The roster when the workbook has one. */
  roster?: Map<string, RosterEntry>;
  /** The managers: the roster's, or those the records rows describe. */
  entries: Map<string, RosterEntry>;
  /** Per manager id: records by period, with their cells and source rows. */
  records: Map<string, Map<string, RecordBuild>>;
  sheetSettings: SheetSettings;
}

/** The 设置 sheet(s): rulebook id, period and setting entries, read before the rulebook is known. */
export function readWorkbookSettings(values: WorkbookValues): SheetSettings {
  const out: SheetSettings = { entries: [], problems: [] };
  for (const [sheet, cells] of Object.entries(values)) {
    if (kindByName(sheet).kind !== "settings") continue;
    const s = readSettingsSheet(sheet, cells);
    out.rulebook ??= s.rulebook;
    out.period ??= s.period;
    out.entries.push(...s.entries);
    out.problems.push(...s.problems);
  }
  return out;
}

/** Oldest first: by last month covered, a month before the quarter or year that ends with it. */
function byPeriod(a: PeriodRecord, b: PeriodRecord): number {
  const ra = monthRange(a.period);
  const rb = monthRange(b.period);
  return ra.last - rb.last || (ra.last - ra.first) - (rb.last - rb.first); // int: month index
}

export function mapWorkbook(values: WorkbookValues, options: MapOptions): MappedWorkbook {
  return mapWorkbookDetailed(values, options).mapped;
}

export function mapWorkbookDetailed(values: WorkbookValues, options: MapOptions): { mapped: MappedWorkbook; detail: MappingDetail } {
  const { book } = options;
  const found = findTables(values, book);
  const ctx: ReadContext = { problems: [...found.problems], percent: new PercentColumns() };

  const sheetSettings = readWorkbookSettings(values);
  ctx.problems.push(...sheetSettings.problems);
  const { settings, problems: settingProblems } = settingsFor(book, sheetSettings.entries);
  ctx.problems.push(...settingProblems);

  const ids = new IdResolver(found.tables);
  const rosterTables = found.tables.filter((t) => t.kind === "roster");
  const roster = rosterTables.length > 0 ? readRoster(ctx, rosterTables, ids, book) : undefined;
  const collector = new RecordCollector(ctx, ids, book, roster, { latestYear: options.latestYear });
  for (const t of found.tables) if (t.kind === "records") collector.readRecords(t);
  for (const t of found.tables) if (t.kind === "clients") collector.readClients(t);
  for (const t of found.tables) if (t.kind === "tasks") collector.readTasks(t);

  if (found.tables.length === 0 || (!roster && collector.out.derived.size === 0)) {
    ctx.problems.push(problem("error", "noSheet", { sheet: "" }, {
      zh: "工作簿中没有可读取的花名册或月度指标表(需要含「工号」列的表)",
      en: "the workbook has no roster or records table (a table with a staff-id column)",
    }));
  }

  const entries: Map<string, RosterEntry> = roster ?? collector.out.derived;
  const managers: ManagerInput[] = [];
  const skipped: string[] = [];
  for (const entry of entries.values()) {
    const records = collector.out.records.get(entry.id) ?? new Map();
    if (!roster && entry.role === undefined && entry.usable) {
      ctx.problems.push(problem("error", "blankRequired", entry.at, { zh: `工号 ${entry.id} 没有角色,无法考核`, en: `staff id ${entry.id} has no role and cannot be appraised` }, { field: "role", managerId: entry.id }));
      entry.usable = false;
    }
    if (records.size === 0) {
      ctx.problems.push(problem("warning", "noRecords", entry.at, { zh: `工号 ${entry.id} 没有任何期间的记录`, en: `staff id ${entry.id} has no records` }, { field: "id", managerId: entry.id }));
    }
    ctx.problems.push(...monthGaps(entry.id, records), ...dailyAvgNotes(entry.id, records, options.dailyAvgAboveBalance ?? "info"));
    if (!entry.usable || entry.role === undefined) {
      skipped.push(entry.id);
      continue;
    }
    const m: ManagerInput = { id: entry.id, role: entry.role, history: [...records.values()].map((b) => b.record).sort(byPeriod) };
    if (entry.name !== undefined) m.name = entry.name;
    if (entry.branch !== undefined) m.branch = entry.branch;
    if (entry.grade !== undefined) m.grade = entry.grade;
    if (entry.openingRiskDeposit !== undefined) m.riskDeposit = { balance: entry.openingRiskDeposit };
    if (entry.fields && entry.fields.size > 0) m.fields = Object.fromEntries([...entry.fields].map(([id, f]) => [id, f.value]));
    managers.push(m);
  }

  const problems = sortProblems(ctx.percent.collapse(ctx.problems), Object.keys(values));
  const input: AppraisalInput = { rulebook: book.doc.id, period: options.period, managers };
  if (Object.keys(settings).length > 0) input.settings = settings;
  const mapped: MappedWorkbook = {
    input,
    problems,
    tables: found.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, headerRow: t.headerRow, rows: t.rows.length })),
    skipped,
    sources: collector.out.sources,
  };
  return { mapped, detail: { found, ids, roster, entries, records: collector.out.records, sheetSettings } };
}
