/**
 * The custom functions' bodies, free of Excel's runtime: arguments in as Excel passes them, cells out with
 * FunctionError where a cell has no honest value. functions.ts declares them to Excel; tests and the HyperFormula
 * formula tests call the same code.
 */
import type { Dec } from "../engine/decimal";
import { isUnavailable } from "../engine/outcome";
import { presetSummaries } from "../engine/rulebooks";
import { runTool } from "../engine/tools";
import { readNumberCell } from "../workbook/numbers";
import { cellValue, describeValue, isErrorValue, isUnreadable, errorText, matrix, optionalText, type ArgName } from "./args";
import { bookFor, type BookContext } from "./books";
import { explainText, readLanguage, readOutputName } from "./explain";
import { OUTPUT_HEADERS, outputCells, type OutputName } from "./outputs";
import { excelNumber, isFunctionError, valueError, naError, type FunctionError, type OutCell, type OutMatrix } from "./result";
import { appraiseTable, type RowAppraisal } from "./table";
import { memo } from "./memo";

const RULEBOOK_ARG: ArgName = { zh: "规则集", en: "rulebook" };

function context(rulebookArg: unknown): BookContext | FunctionError {
  const id = optionalText(rulebookArg, RULEBOOK_ARG);
  if (isFunctionError(id)) return id;
  return bookFor(id);
}

/** One answer per row (a header row first when the range had one), each row `cells` wide. */
function perRow(
  tableArg: unknown,
  rowsArg: unknown,
  periodArg: unknown,
  rulebookArg: unknown,
  detailsArg: unknown,
  header: string[],
  cells: (ctx: BookContext, row: RowAppraisal) => OutCell[],
): OutMatrix | FunctionError {
  const ctx = context(rulebookArg);
  if (isFunctionError(ctx)) return ctx;
  const table = memo([tableArg, rowsArg, periodArg, detailsArg], ctx, () => appraiseTable(ctx, tableArg, rowsArg, periodArg, detailsArg));
  if (isFunctionError(table)) return table;
  // The range's header rows get the answer's header, then blanks under a two-row header, so rows line up.
  const out: OutMatrix = table.headerIncluded ? [header, ...Array.from({ length: table.headerRows - 1 }, () => header.map(() => ""))] : [];
  for (const row of table.rows) out.push(isFunctionError(row) ? header.map(() => row) : cells(ctx, row));
  return out;
}

function tableOutput(output: OutputName) {
  return (table: unknown, rows: unknown, period: unknown, rulebook: unknown, details: unknown = null): OutMatrix | FunctionError =>
    perRow(table, rows, period, rulebook, details, OUTPUT_HEADERS[output], (ctx, row) => outputCells(ctx, row.json, output));
}

export const gradeOf = tableOutput("grade");
export const scoreOf = tableOutput("score");
export const commissionOf = tableOutput("commission");
export const riskDepositOf = tableOutput("riskDeposit");
export const demotionOf = tableOutput("status");
export const nextGradeOf = tableOutput("nextGrade");

const WHAT_ARG: ArgName = { zh: "内容", en: "what" };
const LANGUAGE_ARG: ArgName = { zh: "语言", en: "language" };

export function explainOf(table: unknown, rows: unknown, period: unknown, rulebook: unknown, details: unknown, what: unknown, language: unknown): OutMatrix | FunctionError {
  const whatText = optionalText(what, WHAT_ARG);
  if (isFunctionError(whatText)) return whatText;
  const output = readOutputName(whatText);
  if (isFunctionError(output)) return output;
  const langText = optionalText(language, LANGUAGE_ARG);
  if (isFunctionError(langText)) return langText;
  const lang = readLanguage(langText);
  if (isFunctionError(lang)) return lang;
  return perRow(table, rows, period, rulebook, details, ["说明"], (ctx, row) => [explainText(ctx, row.json, output, lang)]);
}

const ACTUAL_ARG: ArgName = { zh: "实际", en: "actual" };
const PLAN_ARG: ArgName = { zh: "计划", en: "plan" };

interface Where {
  zh: string;
  en: string;
}

function numberArg(v: unknown, name: ArgName, at: Where): Dec | FunctionError {
  if (isErrorValue(v)) return valueError(`${at.zh}参数 ${name.zh} 是错误值 ${errorText(v)}`, `${at.en}argument ${name.en} is the error value ${errorText(v)}`);
  const cv = cellValue(v);
  if (isUnreadable(cv)) return valueError(`${at.zh}参数 ${name.zh} 无法读取(${cv.unreadable.zh})`, `${at.en}argument ${name.en} cannot be read (${cv.unreadable.en})`);
  if (typeof cv === "boolean" || cv instanceof Date) {
    const d = describeValue(v);
    return valueError(`${at.zh}参数 ${name.zh} 应为数字,却是${d.zh}`, `${at.en}argument ${name.en} must be a number, got ${d.en}`);
  }
  const read = readNumberCell(cv, { field: name.en, zh: name.zh });
  if (read.kind === "blank") return valueError(`${at.zh}参数 ${name.zh} 为空白`, `${at.en}argument ${name.en} is blank`);
  if (read.kind === "problem") return valueError(`${at.zh}${read.issue.zh}`, `${at.en}${read.issue.en}`);
  return read.value;
}

/** The general completion rule (g-general), run as a tool: its answer's `reported` is the rounded fraction. */
const COMPLETION_RATE_RULE = "G001-COMPLETION-RATE";

/** COMPLETION: actual ÷ plan per G001-COMPLETION-RATE, cell by cell over two ranges of the same shape. */
export function completionOf(actual: unknown, plan: unknown, rulebook: unknown): OutMatrix | FunctionError {
  const ctx = context(rulebook);
  if (isFunctionError(ctx)) return ctx;
  const a = matrix(actual, ACTUAL_ARG);
  if (isFunctionError(a)) return a;
  const p = matrix(plan, PLAN_ARG);
  if (isFunctionError(p)) return p;
  const single = p.length === 1 && p[0].length === 1;
  if (!single && (p.length !== a.length || p[0].length !== a[0].length)) {
    return valueError(`实际(${a.length}×${a[0].length})与计划(${p.length}×${p[0].length})区域大小不一致`, `actual (${a.length}×${a[0].length}) and plan (${p.length}×${p[0].length}) differ in size`);
  }
  // The completion rule is general (G001); a rulebook without its own copy uses the general one.
  const tool = ctx.book.byId.has(COMPLETION_RATE_RULE) ? ctx : bookFor("g-general");
  if (isFunctionError(tool)) return tool;
  const many = a.length * a[0].length > 1;
  return a.map((row, r) =>
    row.map((av, c): OutCell => {
      const where: Where = many ? { zh: `第 ${r + 1} 行第 ${c + 1} 列:`, en: `row ${r + 1} column ${c + 1}: ` } : { zh: "", en: "" };
      const x = numberArg(av, ACTUAL_ARG, where);
      if (isFunctionError(x)) return x;
      const y = numberArg(single ? p[0][0] : p[r][c], PLAN_ARG, where);
      if (isFunctionError(y)) return y;
      const res = runTool(tool.book, tool.settings, COMPLETION_RATE_RULE, { actual: x.toFixed(), plan: y.toFixed() });
      if (isUnavailable(res)) return res.code === "na" ? naError(`${where.zh}${res.zh}`, `${where.en}${res.en}`) : valueError(`${where.zh}${res.zh}`, `${where.en}${res.en}`);
      return excelNumber(String((res.value as { reported: string }).reported));
    }),
  );
}

/** RULEBOOKS: a header row and one row per built-in rulebook. */
export function rulebookList(): string[][] {
  return [["id", "version", "名称"], ...presetSummaries().map((s) => [s.id, s.version, s.name.zh])];
}
