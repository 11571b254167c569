/**
 * Located problems in a workbook: severity, the cell (`月度指标!C7`), the field, a Chinese and an English message,
 * and when one can be worked out, the value the user probably meant. Nothing in a workbook is coerced silently:
 * a cell that is not read as written always has a problem saying so.
 */
import { address as a1, cellRef } from "./cells";

export type Severity = "error" | "warning" | "info";

/** Machine-readable kinds, one per check (tests and the taskpane key on them). */
export type ProblemCode =
  | "textNumber" // a text cell holding a (possibly formatted) number
  | "notNumber" // text, boolean, date or error value where a number belongs
  | "excelError" // #N/A and friends
  | "formulaNoValue" // a formula saved without its calculated value
  | "percentUnits" // a rate written in percent units (35 for 35%)
  | "percentUnitsColumn" // a whole rate column in percent units
  | "negative" | "notInteger" | "implausible"
  | "idNumber" // a staff id stored as a number (leading zeros lost)
  | "idDigitsLost" // a staff id stored as a number with 16+ digits (Excel kept 15)
  | "idInvalid"
  | "idInvisible" // a staff id holding invisible characters (zero-width space, no-break space …), read without them
  | "duplicateId" | "duplicateRecord"
  | "blankRequired"
  | "unknownRole" | "unknownGrade" | "unknownFlag" | "badFlagValue"
  | "badPeriod"
  | "unknownManager" | "noRecords"
  | "monthGap"
  | "dailyAvgAboveBalance"
  | "unitMismatch" | "unknownUnit" | "duplicateColumn" | "unknownColumn" | "missingColumn"
  | "noSheet" | "ignoredSheet"
  | "badSetting" | "unknownSetting"
  // Found while reading, since validateWorkbook (src/workbook/validate):
  | "periodMixed" // a row whose period is not the one its sheet's name or title gives
  | "dateAsText" // a full date typed as text where a period belongs
  | "periodNumber" // a period typed as a decimal number (2026.05), read as its month
  | "periodSerial" // a period cell holding a date serial without a date format, read as that day's month
  // Found by validateWorkbook after reading:
  | "periodAfterGraded" | "futurePeriod" | "noRecordForPeriod"
  | "moneyDecimals" | "planNotPositive" | "netIncreaseMismatch"
  | "ledgerMismatch" | "ledgerContinuity"
  | "nameMismatch" | "roleGrade" | "roleRowCheck" | "clientRowCheck" | "clientBand" | "creditLimit"
  | "staffHeadcount" | "staffShare" | "tierNotMonotone"
  | "ruleCheck" // a format-2 rulebook's own check, under a code the validator does not know (kept in `check`)
  | "formulaCount";

export interface WorkbookProblem {
  severity: Severity;
  code: ProblemCode;
  /** "" for problems about the workbook as a whole. */
  sheet: string;
  /** "C7"; "" for a whole sheet or the workbook. */
  cell: string;
  /** `月度指标!C7`, `花名册`, or "" for the workbook. */
  address: string;
  /** A field of src/engine/fields.ts or a column key (id, period, role …). */
  field?: string;
  zh: string;
  en: string;
  /** What to type in the cell instead, in the column's own unit. */
  suggested?: string;
  /** The staff id of the row, when known, so results can point at their data problems. */
  managerId?: string;
  /** The rule of ../shared/rules that makes this a problem, when one does (`H003-CLIENT-BAND`). */
  rule?: string;
  /** A rulebook check's own code, when the validator reports it as ruleCheck. */
  check?: string;
}

export interface Where {
  sheet: string;
  row?: number;
  col?: number;
}

export function problem(
  severity: Severity,
  code: ProblemCode,
  where: Where,
  text: { zh: string; en: string },
  extra: { field?: string; suggested?: string; managerId?: string; rule?: string; check?: string } = {},
): WorkbookProblem {
  const hasCell = where.row !== undefined && where.col !== undefined;
  const cell = hasCell ? cellRef(where.row!, where.col!) : "";
  const address = !where.sheet ? "" : hasCell ? a1(where.sheet, where.row!, where.col!) : where.sheet;
  const p: WorkbookProblem = { severity, code, sheet: where.sheet, cell, address, zh: text.zh, en: text.en };
  if (extra.field !== undefined) p.field = extra.field;
  if (extra.suggested !== undefined) p.suggested = extra.suggested;
  if (extra.managerId !== undefined) p.managerId = extra.managerId;
  if (extra.rule !== undefined) p.rule = extra.rule;
  if (extra.check !== undefined) p.check = extra.check;
  return p;
}

export const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** One line for a terminal: `月度指标!C7: 错误 日均存款为文本 "1,2O0",不是数字 | avgDeposits is text "1,2O0", not a number`. */
export function problemLine(p: WorkbookProblem): string {
  const where = p.address || "工作簿";
  return `${where}: ${SEVERITY_ZH[p.severity]} ${p.zh} | ${p.en}`;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sheet order of the workbook, then row, then column: the order a reader walks the file. */
export function sortProblems(list: WorkbookProblem[], sheetOrder: string[]): WorkbookProblem[] {
  const sheetIndex = (s: string) => (s === "" ? -1 : sheetOrder.indexOf(s));
  const pos = (cell: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64); // int: column letters
    return [Number.parseInt(m[2], 10), col];
  };
  return list
    .map((p, i) => ({ p, i }))
    .sort((x, y) => {
      const s = sheetIndex(x.p.sheet) - sheetIndex(y.p.sheet); // int: index
      if (s !== 0) return s;
      const [xr, xc] = pos(x.p.cell);
      const [yr, yc] = pos(y.p.cell);
      return xr - yr || xc - yc || ORDER[x.p.severity] - ORDER[y.p.severity] || x.i - y.i; // int: index
    })
    .map((x) => x.p);
}

export function countBySeverity(list: WorkbookProblem[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of list) out[p.severity] += 1; // int: count
  return out;
}
