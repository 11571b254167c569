/**
 * Excel custom functions, namespace KHJL (manifest.xml). custom-functions-metadata-plugin reads the JSDoc below into
 * functions.json and appends the `CustomFunctions.associate` calls at build time, so this file has none and jest
 * can import it. Descriptions here are the English (default-locale) help; the Chinese help is in
 * src/functions/help.zh-CN.json and becomes functions.zh-CN.json (manifest override for zh-CN).
 *
 * Released ids and signatures never change (Excel caches functions.json for up to a day and passes old argument
 * lists to new code, ojs #2777): add a new id instead, and bump the manifest <Version> when metadata changes.
 * No function is volatile and none reads the clock: the period is an argument, so a past month never changes.
 * Parameters are typed `any` so that every value reaches our own checks and messages instead of Excel's bare
 * #VALUE!; the bodies are in impl.ts.
 */
import { forExcel } from "./excelError";
import * as impl from "./impl";

/**
 * Grade of each manager row under the rulebook (e.g. 高级客户经理). Spills one answer per row.
 * @customfunction GRADE
 * @param table Range with a header row (工号, 期间, 日均存款(万元)…) and data rows; or only the header row when rows is given.
 * @param [rows] Data rows under the header given as table, e.g. A2:H2 with $A$1:$H$1 as table.
 * @param [period] Period such as "2026-03" or "2026", for tables without a 期间 column.
 * @param [rulebook] Rulebook id, e.g. "b002-bank-grades"; defaults to the workbook's active rulebook.
 * @param [details] Client list (客户明细) or task plan (任务) range with its header, for rulebooks that need one (b002 grades, c000 tasks).
 * @returns One grade per data row (a header row first when the table includes its header).
 */
export function grade(table: any[][], rows?: any[][], period?: any, rulebook?: any, details?: any[][]): any[][] {
  return forExcel(() => impl.gradeOf(table, rows, period, rulebook, details));
}

/**
 * Appraisal score (考核得分) of each manager row under a scoring rulebook. Spills one number per row.
 * @customfunction SCORE
 * @param table Range with a header row and data rows; or only the header row when rows is given.
 * @param [rows] Data rows under the header given as table.
 * @param [period] Period such as "2026" or "2026-03", for tables without a 期间 column.
 * @param [rulebook] Rulebook id; defaults to the workbook's active rulebook.
 * @param [details] Client list (客户明细) or task plan (任务) range with its header, for rulebooks that need one (b002 grades, c000 tasks).
 * @returns One score per data row, rounded as the rulebook says.
 */
export function score(table: any[][], rows?: any[][], period?: any, rulebook?: any, details?: any[][]): any[][] {
  return forExcel(() => impl.scoreOf(table, rows, period, rulebook, details));
}

/**
 * Commission or performance pay (提成/绩效) in yuan for each manager row and period. Spills one amount per row.
 * @customfunction COMMISSION
 * @param table Range with a header row and data rows; or only the header row when rows is given.
 * @param [rows] Data rows under the header given as table.
 * @param [period] Period such as "2026-03", for tables without a 期间 column.
 * @param [rulebook] Rulebook id; defaults to the workbook's active rulebook.
 * @param [details] Client list (客户明细) or task plan (任务) range with its header, for rulebooks that need one (b002 grades, c000 tasks).
 * @returns One amount in yuan per data row, rounded to the fen.
 */
export function commission(table: any[][], rows?: any[][], period?: any, rulebook?: any, details?: any[][]): any[][] {
  return forExcel(() => impl.commissionOf(table, rows, period, rulebook, details));
}

/**
 * Risk deposit (风险抵押金): amount withheld in the period and the balance after it, from the manager's history rows.
 * @customfunction RISKDEPOSIT
 * @param table Range with a header row and data rows (all months of each manager for the balance); or only the header row when rows is given.
 * @param [rows] Data rows under the header given as table.
 * @param [period] Period such as "2026-03", for tables without a 期间 column.
 * @param [rulebook] Rulebook id; defaults to the workbook's active rulebook.
 * @param [details] Client list (客户明细) or task plan (任务) range with its header, for rulebooks that need one (b002 grades, c000 tasks).
 * @returns Two columns per data row: withheld this period, balance after it (yuan).
 */
export function riskDeposit(table: any[][], rows?: any[][], period?: any, rulebook?: any, details?: any[][]): any[][] {
  return forExcel(() => impl.riskDepositOf(table, rows, period, rulebook, details));
}

/**
 * Demotion check (降级/转岗/黄牌): the appraisal status of each manager row, judged on the history up to that period.
 * @customfunction DEMOTION
 * @param table Range with a header row and monthly history rows; or only the header row when rows is given.
 * @param [rows] Data rows under the header given as table.
 * @param [period] Period such as "2026-03", for tables without a 期间 column.
 * @param [rulebook] Rulebook id; defaults to the workbook's active rulebook.
 * @param [details] Client list (客户明细) or task plan (任务) range with its header, for rulebooks that need one (b002 grades, c000 tasks).
 * @returns One status per data row, e.g. 正常, 黄牌警告, 降级.
 */
export function demotion(table: any[][], rows?: any[][], period?: any, rulebook?: any, details?: any[][]): any[][] {
  return forExcel(() => impl.demotionOf(table, rows, period, rulebook, details));
}

/**
 * What is missing to reach the next grade, e.g. 一级客户经理: 日均存款还差 ¥3,800,000.00.
 * @customfunction NEXTGRADE
 * @param table Range with a header row and data rows; or only the header row when rows is given.
 * @param [rows] Data rows under the header given as table.
 * @param [period] Period such as "2026", for tables without a 期间 column.
 * @param [rulebook] Rulebook id; defaults to the workbook's active rulebook.
 * @param [details] Client list (客户明细) or task plan (任务) range with its header, for rulebooks that need one (b002 grades, c000 tasks).
 * @returns One text per data row.
 */
export function nextGrade(table: any[][], rows?: any[][], period?: any, rulebook?: any, details?: any[][]): any[][] {
  return forExcel(() => impl.nextGradeOf(table, rows, period, rulebook, details));
}

/**
 * The rule ids and reasons behind each row's grade, score, pay, risk deposit and status, in Chinese and English.
 * @customfunction EXPLAIN
 * @param table Range with a header row and data rows; or only the header row when rows is given.
 * @param [rows] Data rows under the header given as table.
 * @param [period] Period such as "2026-03", for tables without a 期间 column.
 * @param [rulebook] Rulebook id; defaults to the workbook's active rulebook.
 * @param [details] Client list (客户明细) or task plan (任务) range with its header, for rulebooks that need one (b002 grades, c000 tasks).
 * @param [what] Only the reasons for grade, score, commission, riskDeposit, status or nextGrade; empty for all.
 * @param [language] zh, en or both (default both).
 * @returns One explanation per data row, each reason with its rule id.
 */
export function explain(table: any[][], rows?: any[][], period?: any, rulebook?: any, details?: any[][], what?: any, language?: any): any[][] {
  return forExcel(() => impl.explainOf(table, rows, period, rulebook, details, what, language));
}

/**
 * Completion rate actual ÷ plan, reported to 0.01% (G001-COMPLETION-RATE); ranges of the same size spill.
 * @customfunction COMPLETION
 * @param actual Actual amount, a cell or a range.
 * @param plan Plan amount (greater than 0), a cell or a range of the same size.
 * @param [rulebook] Rulebook id; defaults to the workbook's active rulebook.
 * @returns The completion rate as a fraction (format the cell as %).
 */
export function completion(actual: any[][], plan: any[][], rulebook?: any): any[][] {
  return forExcel(() => impl.completionOf(actual, plan, rulebook));
}

/**
 * Lists the built-in rulebooks: id, version and Chinese name.
 * @customfunction RULEBOOKS
 * @returns A header row and one row per rulebook (spills).
 */
export function rulebooks(): any[][] {
  return forExcel(() => impl.rulebookList());
}
