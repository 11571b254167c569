/**
 * The taskpane's results sheet `考核结果 YYYY-MM` as a plan of plain cells: where each block goes, its values (figures
 * already numbers), number formats per column, which block is an Excel table, which rows to highlight, and the
 * chart. Pure, so the layout is tested without Excel; the Office adapter only carries it out.
 */
import type { AppraisalOutput } from "../engine/api";
import type { AppraisalInput } from "../engine/model";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { WorkbookProblem } from "./problems";
import { ATTENTION_HEADER, excelCell, NUMBER_FORMATS, rulesUsed, sheetTables, statusLabels, type OutputTable } from "./results";

export type PlanCell = string | number | boolean | null;

export interface PlanBlock {
  /** `results` (one row per manager), `branches` (per-branch summary), `grades` (grade distribution), `note`. */
  id: "results" | "branches" | "grades" | "note";
  /** Zero-based position of the block's first cell on the sheet. */
  top: number;
  left: number;
  /** All rows of the block, header first when `header` is true; every row as wide as the first. */
  values: PlanCell[][];
  header: boolean;
  /** One Excel number format per column, for the rows below the header ("@" for text). */
  numberFormats: string[];
  /** Make the block an Excel table (header row + data) of this name and style. */
  table?: { name: string; style: string };
  /** Column widths in characters (the adapter converts to points); absent columns are autofitted. */
  widths?: Array<number | undefined>;
}

export interface PlanHighlight {
  /** The block whose rows are highlighted. */
  block: PlanBlock["id"];
  /** Column (within the block) whose cell the pane writes: a row is highlighted when that cell is not empty. */
  flagColumn: number;
  fill: string;
  font: string;
}

export interface PlanChart {
  title: string;
  /** The block holding categories in its first column and counts in its second, header first. */
  block: PlanBlock["id"];
  /** Zero-based cell where the chart's top-left corner goes. */
  top: number;
  left: number;
  type: "ColumnClustered";
}

export interface SheetPlan {
  name: string;
  blocks: PlanBlock[];
  freeze: { rows: number; columns: number };
  highlight?: PlanHighlight;
  chart?: PlanChart;
}

export interface SheetPlanArgs {
  book: CompiledRulebook;
  input: AppraisalInput;
  output: AppraisalOutput;
  problems: WorkbookProblem[];
  /** When the results were computed, as the note shows it (`2026-11-23 15:02`). */
  at: string;
}

const HIGHLIGHT = { fill: "#FDE7E9", font: "#A4262C" };
/** Wide text columns get a fixed width (in characters) instead of an autofit to their longest cell. */
const WIDTHS: Record<string, number> = { 说明: 60, 距下一等级: 30 };

function block(id: PlanBlock["id"], t: OutputTable, top: number, left: number, table?: PlanBlock["table"]): PlanBlock {
  return {
    id,
    top,
    left,
    header: true,
    values: [t.columns.map((c) => c.header), ...t.rows.map((row) => row.map((cell, i) => excelCell(cell, t.columns[i].format)))],
    numberFormats: t.columns.map((c) => NUMBER_FORMATS[c.format]),
    ...(table ? { table } : {}),
    widths: t.columns.map((c) => WIDTHS[c.header]),
  };
}

/** Excel table names allow letters, digits and underscores: `KHJL_2026_10`. */
function tableName(prefix: string, period: string): string {
  return `${prefix}_${period.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** Managers per grade, top grade first (or per status, for a scheme without grades): what the chart shows. */
function distribution(book: CompiledRulebook, output: AppraisalOutput): PlanCell[][] {
  if (book.doc.grades.length > 0) {
    const count = new Map<string, number>();
    for (const r of output.results) count.set(r.grade ?? "", (count.get(r.grade ?? "") ?? 0) + 1); // int: count
    const rows: PlanCell[][] = book.doc.grades.map((g) => [g.zh, count.get(g.id) ?? 0]);
    if (count.has("")) rows.push(["未评定", count.get("") ?? 0]);
    return [["等级", "人数"], ...rows];
  }
  const labels = statusLabels(book);
  const count = new Map<string, number>();
  for (const r of output.results) {
    const s = r.status === undefined ? "不可用" : labels.get(r.status) ?? r.status;
    count.set(s, (count.get(s) ?? 0) + 1); // int: count
  }
  return [["状态", "人数"], ...[...count.entries()].map(([k, v]): PlanCell[] => [k, v])];
}

/**
 * The results sheet: the per-manager table at A1 (frozen header and first two columns, managers to act on
 * highlighted through the 需关注 value column), and to its right the per-branch summary, the grade distribution with
 * its chart, and a note naming the rulebook, the period, the time and every rule used.
 */
export function resultsSheetPlan(args: SheetPlanArgs): SheetPlan {
  const { book, output } = args;
  const [results, branches] = sheetTables(args);
  const period = output.period;
  const main = block("results", results, 0, 0, { name: tableName("KHJL", period), style: "TableStyleMedium2" });
  const side = results.columns.length + 1; // int: one empty column between the blocks
  const summary = block("branches", branches, 0, side, { name: tableName("KHJL_Branches", period), style: "TableStyleLight9" });
  const gradesTop = summary.values.length + 2; // int: two empty rows below the summary
  const dist = distribution(book, output);
  const grades: PlanBlock = { id: "grades", top: gradesTop, left: side, header: true, values: dist, numberFormats: ["@", "0"] };
  const noteTop = gradesTop + Math.max(dist.length, 16) + 2; // int: below the chart, which is about 15 rows high
  const note: PlanBlock = {
    id: "note",
    top: noteTop,
    left: side,
    header: false,
    values: [
      [`规则集 ${book.doc.id} v${book.doc.version}(${book.doc.name.zh})· 考核期 ${period} · 生成于 ${args.at}`],
      [`依据规则:${rulesUsed(book, output).join("、")}`],
      [`「${ATTENTION_HEADER}」列非空的行已标红:规则集列出的需处理状态(降级、解聘、诫勉等)。本表由加载项写出,重新考核时整表替换。`],
    ],
    numberFormats: ["@"],
  };
  return {
    name: results.name,
    blocks: [main, summary, grades, note],
    freeze: { rows: 1, columns: 2 },
    highlight: { block: "results", flagColumn: results.columns.findIndex((c) => c.header === ATTENTION_HEADER), ...HIGHLIGHT },
    chart: { title: dist[0][0] === "等级" ? `${period} 等级分布` : `${period} 状态分布`, block: "grades", top: gradesTop, left: side + 3, type: "ColumnClustered" }, // int: beside the distribution
  };
}
