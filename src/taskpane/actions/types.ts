/**
 * What the taskpane's actions answer, as plain data the components render. The actions themselves
 * (actions/*.ts) run on an ExcelPort, so they and the components work the same over Office.js and over a test fake.
 */
import type { Severity, WorkbookProblem } from "../../workbook";
import type { FreezeResult } from "../port";

export interface Bilingual {
  zh: string;
  en: string;
}

/** The action could not start: no rulebook chosen, no period, an unreadable workbook … (shown as a MessageBar). */
export interface Blocked {
  blocked: Bilingual[];
}

export function isBlocked(x: unknown): x is Blocked {
  return !!x && typeof x === "object" && Array.isArray((x as Blocked).blocked);
}

export interface RulebookOption {
  id: string;
  version: string;
  name: Bilingual;
  /** A preset shipped with the add-in; otherwise imported into this workbook. */
  builtIn: boolean;
}

export interface ActiveRulebook {
  id?: string;
  version?: string;
  name?: Bilingual;
  /** Where the choice comes from: the document settings (this pane, shared with the functions), the 设置 sheet, or nowhere. */
  source: "document" | "sheet" | "none";
  /** Why the stored choice cannot be used (unknown id, invalid imported rulebook), if it cannot. */
  problems: string[];
}

/** One rule of a rulebook, as the rulebook view lists it. */
export interface RuleRow {
  id: string;
  /** A format-1 rule's kind (steppedScore …), or a format-2 rule's construct (formula, table, ledger, trigger …). */
  kind: string;
  stage: string;
  label?: Bilingual;
  /**
   * Format 1: thresholds and amounts of the rule, compact (`base=40; target=30%`). Format 2: the rule in the
   * rulebook's own words — its formula, its table row by row, its trigger cases (`= 计分(MIN(60, …))`).
   */
  summary: string;
  /** The rulebook's plain-language note on the rule (why a reading was chosen, or why a rule is only recorded). */
  note?: Bilingual;
  /** Where the rule comes from in its seed: `002_6e8eade872556514.txt` lines 40–44. */
  cite: string;
}

export interface PeriodChoice {
  /** Periods found in the workbook's records, latest first. */
  periods: string[];
  /** The 设置 sheet's 考核期, else the latest period. */
  suggested?: string;
}

export interface ValidateOutcome {
  rulebook: { id: string; version: string };
  period: string;
  findings: WorkbookProblem[];
  counts: Record<Severity, number>;
  /** How many checks were run for this rulebook. */
  checks: number;
}

export interface GradeProgress {
  stage: "read" | "check" | "grade" | "write";
  done: number;
  total: number;
}

export interface StatusCount {
  label: string;
  count: number;
  /** A status the branch must act on (demotion, dismissal, warning …), highlighted in the results sheet. */
  attention: boolean;
}

export interface GradeOutcome {
  sheet: string;
  managers: number;
  problems: Record<Severity, number>;
  statuses: StatusCount[];
}

export interface FreezeOutcome extends FreezeResult {
  note: string;
}
