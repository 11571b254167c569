/**
 * validateWorkbook: everything the appraisal would stumble on in a branch workbook, each with its cell, a severity
 * and a Chinese and an English message — for the taskpane's 校验工作簿 button and `appraise validate`.
 * It maps the workbook with the same reader as the appraisal (mapWorkbook: units, ids, periods, roster, records …)
 * and then runs the checks that need the whole picture: periods against the appraised one and today, amounts to the
 * fen, the risk-deposit ledger, names against the roster, and the rulebook's own validation rules through its tools.
 * `checks` lists what was run, so "N 项检查" is true for the rulebook at hand.
 */
import type { CompiledRulebook } from "../../engine/rulebook/compile";
import { isIsoDate, isPeriod } from "../../engine/periods";
import { Settings } from "../../engine/settings";
import type { WorkbookValues } from "../cells";
import { dailyAvgNoteOn } from "../dailyAvgNote";
import { mapWorkbookDetailed } from "../map";
import { countBySeverity, sortProblems, type Severity, type WorkbookProblem } from "../problems";
import { checkMoneyDecimals, checkNetIncrease, checkPlans } from "./amounts";
import { checksFor, type CheckInfo } from "./catalog";
import { riskDepositRule, type ValidationContext } from "./context";
import { checkFormulaCount } from "./formulas";
import { checkLedger } from "./ledger";
import { checkNames, checkRoleGrades, checkStaffing } from "./people";
import { checkPeriods, checkRecordForPeriod } from "./periods";
import { checkClientBands, checkClientRows, checkCreditLimits } from "./ruleTools";
import { checkRulebookRules } from "./rulebookChecks";
import { checkTiers } from "./settings";

export { ALL_CHECK_CODES, type CheckInfo } from "./catalog";
export { KHJL_FORMULA_LIMIT } from "./formulas";

export interface ValidateOptions {
  book: CompiledRulebook;
  /** The appraised period (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY). */
  period: string;
  /** How many cells hold a KHJL custom-function formula, when the caller knows (taskpane: Excel; CLI: the file). */
  formulaCells?: number;
  /** Today, for the future-period check: YYYY-MM-DD or a Date (its local calendar day); the real date by default. */
  today?: string | Date;
  /** Settings on top of the 设置 sheet's (the command line's --set). Values the rulebook rejects are ignored here. */
  settings?: Record<string, unknown>;
}

export interface ValidationResult {
  /** Every problem, in sheet order, then row, then column. */
  findings: WorkbookProblem[];
  counts: Record<Severity, number>;
  checks: CheckInfo[];
  /** Managers read (roster entries, or those the records rows describe): 0 means no usable table was found. */
  managers: number;
}

function isoDay(today: string | Date | undefined): string {
  if (typeof today === "string") {
    if (!isIsoDate(today)) throw new Error(`today must be a date YYYY-MM-DD, not "${today}"`);
    return today;
  }
  const d = today ?? new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; // int: calendar month
}

export function validateWorkbook(values: WorkbookValues, options: ValidateOptions): ValidationResult {
  const { book, period } = options;
  if (!isPeriod(period)) throw new Error(`period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, not "${period}"`);
  const today = isoDay(options.today);
  const latestYear = Number.parseInt(today.slice(0, 4), 10) + 1; // int: calendar year
  const { mapped, detail } = mapWorkbookDetailed(values, { book, period, latestYear });
  const settings = Settings.resolve(book.doc, { ...(mapped.input.settings ?? {}), ...(options.settings ?? {}) }).settings;

  // G001-DAILY-AVG-VS-BALANCE: a rulebook that declares the note's setting may switch the note off.
  const dailyAvgNote = dailyAvgNoteOn(book, settings);
  const read = dailyAvgNote ? mapped.problems : mapped.problems.filter((p) => p.code !== "dailyAvgAboveBalance");

  const ctx: ValidationContext = {
    book, settings, period, managers: new Map(mapped.input.managers.map((m) => [m.id, m])), today, todayMonth: today.slice(0, 7), latestYear, detail,
    reported: new Set(read.map((p) => p.address)),
    out: [],
  };
  checkPeriods(ctx);
  checkRecordForPeriod(ctx);
  checkMoneyDecimals(ctx);
  checkPlans(ctx);
  checkNetIncrease(ctx);
  checkLedger(ctx);
  checkNames(ctx);
  checkRoleGrades(ctx);
  checkStaffing(ctx);
  checkClientRows(ctx);
  checkClientBands(ctx);
  checkCreditLimits(ctx);
  checkRulebookRules(ctx);
  checkTiers(ctx);
  checkFormulaCount(ctx, options.formulaCells);

  const seen = new Set(read.map((p) => `${p.address}\u0000${p.code}\u0000${p.zh}`));
  const added = ctx.out.filter((p) => !seen.has(`${p.address}\u0000${p.code}\u0000${p.zh}`));
  const findings = sortProblems([...read, ...added], Object.keys(values));
  const ledgerRule = riskDepositRule(book);
  let checks = checksFor(book, { dailyAvgNote, ...(ledgerRule !== undefined ? { ledgerRule } : {}) });
  if (options.formulaCells === undefined) checks = checks.filter((c) => c.code !== "formulaCount");
  return { findings, counts: countBySeverity(findings), checks, managers: detail.entries.size };
}
