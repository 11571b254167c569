/**
 * The header + rows form shared by GRADE, SCORE, COMMISSION, RISKDEPOSIT, DEMOTION, NEXTGRADE and EXPLAIN:
 * a range whose first row names the columns (日均存款(万元), 工号, 期间 … in Chinese or English, any order), or a
 * header row and a separate block of rows. The range goes through the same header mapping and cell checks as a
 * workbook in the taskpane or `appraise grade` (src/workbook), so units come from the header and a bad cell gets the
 * same message.
 *
 * The header may take two rows, as in a workbook (src/workbook/twoRowHeader.ts): a merged group such as 存款(万元)
 * over 日均存款 and 基数存款 is read as 日均存款(万元) and 基数存款(万元); the answer then starts with two rows too.
 *
 * One data row is one manager's record for one period. Its answer is that manager's result for that period, computed
 * from every row of the same staff id up to that period (so a DEMOTION column beside a 12-month history gives the
 * status as it stood each month). Rows without a 工号 column are each their own manager; rows without a 期间 column take
 * the period argument; a table without a 角色 column uses the rulebook's role when it has only one.
 */
import { evaluateManager, type ManagerOutcome } from "../engine/evaluate";
import type { ManagerInput } from "../engine/model";
import { resultJson, type ManagerResultJson } from "../engine/results";
import { monthRange } from "../engine/periods";
import { mapWorkbook, readPeriodCell, type CellValue, type WorkbookProblem } from "../workbook";
import { kindByHeader } from "../workbook/detect";
import { headerIndexFor } from "../workbook/declaredHeaders";
import { mapHeaderRow } from "../workbook/headers";
import { headerAt } from "../workbook/twoRowHeader";
import { cellValue, describeValue, isUnreadable, matrix, singleValue, type ArgName } from "./args";
import type { BookContext } from "./books";
import { isFunctionError, valueError, type FunctionError } from "./result";

export const TABLE_ARG: ArgName = { zh: "表格", en: "table" };
export const ROWS_ARG: ArgName = { zh: "数据行", en: "rows" };
export const PERIOD_ARG: ArgName = { zh: "期间", en: "period" };
export const DETAILS_ARG: ArgName = { zh: "明细", en: "details" };
/** The sheet name the details range is read under; found again in problems to locate them. */
const DETAILS_SHEET = "明细";

export interface RowAppraisal {
  managerId: string;
  period: string;
  manager: ManagerInput;
  outcome: ManagerOutcome;
  json: ManagerResultJson;
}

export interface AppraisedTable {
  /** True when the first row of `table` was the header: the answer then starts with a header row too, to line up. */
  headerIncluded: boolean;
  /** Rows of the header (1, or 2 for a two-row header): with headerIncluded, the answer's rows before the first data row. */
  headerRows: number;
  rows: Array<RowAppraisal | FunctionError>;
}

interface Shaped {
  /** One header row, or two when the table argument has two rows beside a rows argument (checked to be one header). */
  header: unknown[][];
  data: unknown[][];
  headerIncluded: boolean;
}

function shape(tableArg: unknown, rowsArg: unknown): Shaped | FunctionError {
  const table = matrix(tableArg, TABLE_ARG);
  if (isFunctionError(table)) return table;
  if (rowsArg === null || rowsArg === undefined) {
    if (table.length < 2) {
      return valueError("表格只有一行:第一行应为表头,下面是数据行(或把表头和数据行分作两个参数)", "the table has one row: the first row is the header and data rows follow (or give the header and the rows as two arguments)");
    }
    return { header: [table[0]], data: table.slice(1), headerIncluded: true };
  }
  if (table.length > 2) return oneHeaderRow(table.length);
  const rows = matrix(rowsArg, ROWS_ARG);
  if (isFunctionError(rows)) return rows;
  if (rows[0].length !== table[0].length) {
    return valueError(`数据行有 ${rows[0].length} 列,表头有 ${table[0].length} 列,应一致`, `the rows have ${rows[0].length} columns but the header has ${table[0].length}`);
  }
  return { header: table.slice(0, 2), data: rows, headerIncluded: false };
}

function oneHeaderRow(n: number): FunctionError {
  return valueError(`给出数据行参数时,表格参数应为一行表头(或两行合并表头)(现为 ${n} 行)`, `with a rows argument, the table argument must be one header row (or a two-row merged header) (it has ${n} rows)`);
}

/** Where a problem is, in words a formula user can follow: row 3 of the range, the column's own header. */
function locate(p: WorkbookProblem, header: string[], offset: number): { row?: number; zh: string; en: string } {
  const m = /^([A-Z]+)(\d+)$/.exec(p.cell);
  if (!m) return { zh: p.zh, en: p.en };
  const row = Number.parseInt(m[2], 10); // 1-based within the range, header = 1
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64); // int: column letters
  col -= 1 + offset; // int: 0-based column of the caller's range
  const name = col >= 0 && col < header.length ? header[col] : "";
  const where = name ? `「${name}」` : col >= 0 ? `第 ${col + 1} 列` : "";
  const whereEn = name ? ` (${name})` : col >= 0 ? ` column ${col + 1}` : "";
  return { row, zh: `区域第 ${row} 行${where}:${p.zh}`, en: `range row ${row}${whereEn}: ${p.en}` };
}

export function appraiseTable(ctx: BookContext, tableArg: unknown, rowsArg: unknown, periodArg: unknown, detailsArg: unknown = null): AppraisedTable | FunctionError {
  const shaped = shape(tableArg, rowsArg);
  if (isFunctionError(shaped)) return shaped;
  const { book, settings } = ctx;

  let period: string | undefined;
  const rawPeriod = singleValue(periodArg, PERIOD_ARG);
  if (isFunctionError(rawPeriod)) return rawPeriod;
  if (!(rawPeriod === null || rawPeriod === undefined || rawPeriod === "")) {
    const cv = cellValue(rawPeriod);
    const read = isUnreadable(cv) ? undefined : readPeriodCell(cv);
    if (!read || !read.ok) {
      const d = describeValue(rawPeriod);
      return valueError(`参数 期间 应为 2026-03、2026 或 2026-Q1 这样的期间,却是${d.zh}`, `argument period must be a period such as 2026-03, 2026 or 2026-Q1, got ${d.en}`);
    }
    period = read.period;
  }

  // Cells as the workbook layer reads them; values Excel cannot give (NaN, objects) stop the row with a message:
  // `badCells` by the row's index in the range (the rows argument's rows counted after the header).
  const badCells = new Map<number, FunctionError>();
  const cells = (row: unknown[], r: number): CellValue[] =>
    row.map((v, c) => {
      const cv = cellValue(v);
      if (isUnreadable(cv)) {
        const why = cv.unreadable;
        if (!badCells.has(r)) badCells.set(r, valueError(`区域第 ${r + 1} 行第 ${c + 1} 列的值无法读取(${why.zh})`, `range row ${r + 1} column ${c + 1} cannot be read (${why.en})`)); // int: row index
        return null;
      }
      return cv;
    });
  const header = shaped.header.map((row, r) => cells(row, r));
  let data = shaped.data.map((row, i) => cells(row, i + header.length)); // int: row index

  // The rulebook's own header index: a format-2 rulebook's declared fields are columns too. A second header row
  // (a merged group over its columns) is read with the first, as findTables reads one in a sheet.
  const index = headerIndexFor(book);
  const block = headerAt("表格", shaped.headerIncluded ? [header[0], data[0] ?? []] : header, 0, index);
  if (!shaped.headerIncluded && header.length !== block.headerRows) return oneHeaderRow(header.length);
  if (shaped.headerIncluded && block.headerRows === 2) {
    header.push(data[0]);
    data = data.slice(1);
    if (data.length === 0) return valueError("表格只有两行表头,没有数据行", "the table has its two header rows and no data rows");
  }
  const headerRows = header.length;
  for (const [r, e] of badCells) if (r < headerRows) return e;
  const mapping = block.mapping;
  const prepend: Array<{ header: string; value: (i: number) => string }> = [];
  if (!mapping.byKey.has("id")) prepend.push({ header: "工号", value: (i) => `第${i + headerRows + 1}行` }); // int: row index
  if (!mapping.byKey.has("role")) {
    if (book.roleIds.length !== 1) {
      const roles = book.doc.roles.map((r) => `${r.id}(${r.zh})`).join("、");
      return valueError(`表头缺少「角色」列:规则集 ${book.doc.id} 有多个角色(${roles}),需逐行写明`, `the header has no role column: rulebook ${book.doc.id} has several roles (${book.roleIds.join(", ")}), so each row must say which`);
    }
    prepend.push({ header: "角色", value: () => book.roleIds[0] });
  }
  if (!mapping.byKey.has("period") && period === undefined) {
    return valueError("表头没有「期间」列:请填写期间参数(如 \"2026-03\"),公式不会取今天的日期", "the header has no period column: give the period argument (e.g. \"2026-03\"); formulas never use today's date");
  }
  const offset = prepend.length;
  const sheetRows: CellValue[][] = [
    ...header.map((row, r) => [...prepend.map((p) => (r === 0 ? p.header : "")), ...row]),
    ...data.map((row, i) => [...prepend.map((p) => p.value(i)), ...row]),
  ];
  // A column's name in messages: its header cells, top and bottom (存款(万元) / 日均存款).
  const width = Math.max(0, ...header.map((row) => row.length)); // int: column count
  const names = Array.from({ length: width }, (_, c) => header.map((row) => String(row[c] ?? "").trim()).filter((t) => t !== "").join(" / "));
  const sheet = period ?? "月度指标";
  const book2: Record<string, CellValue[][]> = { [sheet]: sheetRows };
  if (detailsArg !== null && detailsArg !== undefined) {
    const details = matrix(detailsArg, DETAILS_ARG);
    if (isFunctionError(details)) return details;
    const detailRows = details.map((row) => row.map((v) => {
      const cv = cellValue(v);
      return isUnreadable(cv) ? null : cv;
    }));
    const kind = kindByHeader(mapHeaderRow(DETAILS_SHEET, 0, detailRows[0], headerIndexFor(book)));
    if (kind !== "clients" && kind !== "tasks") {
      return valueError("明细区域的第一行应为客户明细(工号、期间、客户编号…)或任务(工号、期间、项目、计划、完成)的表头", "the details range must start with a clients header (staff id, period, client id …) or a tasks header (staff id, period, item, plan, actual)");
    }
    book2[DETAILS_SHEET] = detailRows;
  }
  const mapped = mapWorkbook(book2, { book, period: period ?? "" });

  // Errors about the header or the whole range fail the formula; errors in a data row fail that row's answer.
  const rowErrors = new Map<number, FunctionError>([...badCells].map(([r, e]) => [r - headerRows, e])); // int: row index
  const byManager = new Map<string, FunctionError>();
  const detailErrors = new Map<string, FunctionError>();
  let formulaError: FunctionError | undefined;
  for (const p of mapped.problems) {
    if (p.severity !== "error") continue;
    // "No readable records" when every row failed: the rows' own errors say why, each in its cell.
    if (p.code === "noSheet" && p.sheet === "") {
      formulaError ??= valueError(p.zh, p.en);
      continue;
    }
    if (p.sheet === DETAILS_SHEET) {
      // A bad detail row (a client, a task) spoils that manager's answers; without a staff id, the whole formula.
      const err = valueError(`明细区域 ${p.cell}:${p.zh}`, `details range ${p.cell}: ${p.en}`);
      if (p.managerId === undefined) return err;
      if (!byManager.has(p.managerId)) byManager.set(p.managerId, err);
      detailErrors.set(p.managerId, err);
      continue;
    }
    const where = locate(p, names, offset);
    const err = valueError(where.zh, where.en);
    if (where.row === undefined || where.row <= headerRows) return err;
    const dataIndex = where.row - headerRows - 1; // int: row index
    if (!rowErrors.has(dataIndex)) rowErrors.set(dataIndex, err);
    if (p.managerId !== undefined && !byManager.has(p.managerId)) byManager.set(p.managerId, err);
  }

  if (formulaError && rowErrors.size === 0) return formulaError;
  const managers = new Map(mapped.input.managers.map((m) => [m.id, m]));
  const sourceByRow = new Map(mapped.sources.map((s) => [s.row - headerRows, s])); // int: row index
  // A row whose record was read but has a bad cell still breaks the answers of later periods of the same manager,
  // which are computed from it: those answers name it instead of silently leaving the value out.
  const badRecords = mapped.sources.filter((s) => rowErrors.has(s.row - headerRows)); // int: row index
  const earlierError = (id: string, period: string): FunctionError | undefined => {
    const last = monthRange(period).last;
    const bad = badRecords.find((s) => s.id === id && monthRange(s.period).last <= last);
    if (!bad) return undefined;
    const e = rowErrors.get(bad.row - headerRows)!; // int: row index
    return valueError(`工号 ${id} 在 ${bad.period} 的数据有误,无法计算(${e.zh})`, `staff id ${id} has a bad value in ${bad.period} (${e.en})`);
  };
  const cache = new Map<string, RowAppraisal>();
  const rows = data.map((_, i): RowAppraisal | FunctionError => {
    const own = rowErrors.get(i);
    if (own) return own;
    const src = sourceByRow.get(i);
    if (!src) return valueError(`区域第 ${i + headerRows + 1} 行未能读取`, `range row ${i + headerRows + 1} could not be read`); // int: row index
    const manager = managers.get(src.id);
    if (!manager) {
      const why = byManager.get(src.id);
      return valueError(`工号 ${src.id} 无法考核${why ? `(${why.zh})` : ""}`, `staff id ${src.id} cannot be appraised${why ? ` (${why.en})` : ""}`);
    }
    const earlier = earlierError(src.id, src.period) ?? detailErrors.get(src.id);
    if (earlier) return earlier;
    const key = `${src.id}\u0000${src.period}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const outcome = evaluateManager(book, settings, manager, src.period);
    const made: RowAppraisal = { managerId: src.id, period: src.period, manager, outcome, json: resultJson(book, outcome) };
    cache.set(key, made);
    return made;
  });
  return { headerIncluded: shaped.headerIncluded, headerRows, rows };
}
