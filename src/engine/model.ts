/**
 * Engine-side records: what the JSON reader and the workbook mapper produce and what rules read.
 * Every number is already a Dec; every id is a string (staff numbers may have leading zeros or 16+ digits).
 */
import type { Dec } from "./decimal";
import type { FieldName } from "./fields";

export interface Task {
  item: string;
  plan: Dec;
  actual: Dec;
}

export interface Client {
  id: string;
  values: Partial<Record<FieldName, Dec>> & Partial<Record<string, Dec>>;
  flags: string[];
}

export interface PeriodRecord {
  period: string;
  /** Grade or role in force in this period, when it differs from the manager's current one. */
  grade?: string;
  role?: string;
  /** Figures by field id: the standard fields (DATA-MODEL) and those a format-2 rulebook declares. */
  values: Partial<Record<FieldName, Dec>> & Partial<Record<string, Dec>>;
  /** Fields of a format-2 rulebook that are dates (ISO text), text or yes/no. */
  extra?: Record<string, string | boolean>;
  /**
   * Fields whose cell was given but could not be read (text where a number belongs, 35 typed for 35%), with where and
   * why: a rule reading one gets #VALUE!, never a figure found another way as if the cell were blank.
   */
  invalid?: Record<string, { zh: string; en: string }>;
  tasks: Task[];
  clients: Client[];
  flags: string[];
}

export interface ManagerInput {
  id: string;
  name?: string;
  branch?: string;
  role: string;
  grade?: string;
  /** Oldest first; the appraised period included. */
  history: PeriodRecord[];
  riskDeposit?: { balance: Dec };
  /** One value per person, for fields a format-2 rulebook declares `per: manager` (hire date, share capital). */
  fields?: Record<string, Dec | string | boolean>;
}

export interface AppraisalInput {
  rulebook?: string;
  period: string;
  settings?: Record<string, unknown>;
  managers: ManagerInput[];
}

/** One line of an explanation: the rule that decided something, and why, in both languages. */
export interface Reason {
  rule: string;
  zh: string;
  en: string;
}

/** A located problem in the input: `managers[3].history[0].avgDeposits: text "1,2O0" is not a number`. */
export interface InputProblem {
  path: string;
  message: string;
}
