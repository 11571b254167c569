/**
 * A loaded format-2 rulebook: every formula compiled, every name resolved, every rule's body a function of a
 * frame. Immutable and shared by every evaluation (cell functions, taskpane, command line).
 */
import type { Compiled } from "../lang/compile";
import type { Frame, MissingPolicy, Thunk } from "../lang/frame";
import type { VType } from "../lang/types";
import type { Missing, Value } from "../lang/values";
import type { FieldSpec } from "./fields";
import type { Bilingual, Construct, RuleDecl, RulebookDoc2, SettingDecl } from "./schema";

/** An explanation line in the rulebook's words: texts with {formula} placeholders, the first whose `if` holds. */
export interface Template {
  cases: Array<{ if?: Compiled; id?: string; zh: Array<string | Compiled>; en: Array<string | Compiled> }>;
  /** Every case that holds gives a line (`lines`), not only the first. */
  all?: boolean;
}

export interface TableRow {
  index: number;
  id?: string;
  /** Each condition: undefined for "any" ("-"), else a test giving TRUE, FALSE or a missing value. */
  tests: Array<((input: Value, f: Frame) => Value) | undefined>;
  /** Row-level condition (`if`), instead of cells. */
  condition?: Compiled;
  outputs: Compiled[];
  explain?: Template;
  /** How each condition reads in an explanation ("≥ 30%"). */
  cellText: string[];
}

export interface CompiledTable {
  hit: "first" | "unique" | "sum" | "highest";
  inputs: Array<{ compiled: Compiled; text: string }>;
  outputs: Array<{ name: string; type: VType }>;
  rows: TableRow[];
  meet?: Compiled;
  otherwise?: Compiled[];
}

export interface CompiledLedger {
  every: "month" | "quarter" | "year";
  carriedIn?: Compiled;
  opening?: Compiled;
  movements: Array<{ name: string; direction: "in" | "out"; compiled: Compiled; label: Bilingual; id?: string; cite: string[]; explain?: Template; settingsRead: Set<string> }>;
  cap?: Compiled;
  floor?: Compiled;
}

export interface TriggerCase {
  if: Compiled;
  then: string;
  code?: string;
  explain?: Template;
}

export interface StatusCase {
  id?: string;
  if: Compiled;
  status: string;
  grade?: Compiled;
  explain?: Template;
}

export interface CompiledStatus {
  from: number[];
  none: string;
  undetermined: string;
  cases: StatusCase[];
  explainNone?: Template;
  explainUndetermined?: Template;
}

export interface CompiledCheck {
  if: Compiled;
  severity: "error" | "warning" | "info";
  code?: string;
  /** The declared field (by id), or role, grade, name, branch, id: the column whose cell the finding points at. */
  field?: string;
  message: Template;
  forEach: "records" | "clients" | "manager" | "branches";
}

export interface ToolStep {
  name: string;
  type: VType;
  compiled?: Compiled;
  table?: CompiledTable;
  forEach?: string;
  where?: Compiled;
  when?: Compiled;
  steps?: ToolStep[];
  explain?: Template;
}

export interface ToolInput {
  name: string;
  type: VType;
  optional: boolean;
  signed: boolean;
  list?: Array<{ name: string; type: VType; optional: boolean; signed: boolean }>;
  label: Bilingual;
}

export interface CompiledTool {
  inputs: ToolInput[];
  steps: ToolStep[];
}

export interface Rule2 {
  index: number;
  id: string;
  name?: string;
  decl: RuleDecl;
  construct: Construct;
  label: Bilingual;
  type: VType;
  roles?: ReadonlySet<string>;
  grades?: ReadonlySet<string>;
  when?: Compiled;
  judgedAt?: Compiled;
  policy: MissingPolicy | Compiled;
  formula?: Compiled;
  table?: CompiledTable;
  ledger?: CompiledLedger;
  trigger?: TriggerCase[];
  status?: CompiledStatus;
  checks?: CompiledCheck[];
  tool?: CompiledTool;
  explain?: Template;
  /** The rulebook says this rule gives no line of its own. */
  silent?: boolean;
  /** Rules this one reads at the same period (outside windows): for the load-time cycle check. */
  deps: Set<number>;
  /** Settings its formulas read (directly or through the rulebook's functions). */
  settingsRead: Set<string>;
}

export interface Outputs {
  score?: Rule2;
  scoreItems: Rule2[];
  grade?: Rule2;
  pay?: Rule2;
  riskDeposit?: { ledger: Rule2; withheld: string[]; refunded: string[] };
  status?: Rule2;
  values: Rule2[];
}

export interface Book2 {
  doc: RulebookDoc2;
  fields: FieldSpec[];
  fieldIndex: ReadonlyMap<string, number>;
  rules: Rule2[];
  byId: ReadonlyMap<string, Rule2>;
  byName: ReadonlyMap<string, Rule2>;
  settingKeys: string[];
  settingDecls: SettingDecl[];
  outputs: Outputs;
  grades: string[];
  roles: string[];
  /** Status ids, strongest first (the order the rulebook lists them). */
  statuses: string[];
  flags: string[];
  triggers: Rule2[];
  checks: Rule2[];
}

export type { Frame, Missing, Thunk, Value };
