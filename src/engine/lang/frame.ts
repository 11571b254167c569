/**
 * Where a compiled formula runs: one manager (or one tool input) at one period. The rulebook evaluator implements
 * it; the formula layer only asks for values at this or another period, so window functions (previous period,
 * year to date, consecutive periods) need nothing else.
 */
import type { PeriodKind } from "../periods";
import type { Value } from "./values";

/** How a window treats a period whose value is missing: see docs/rulebook-language.md, "缺数据". */
export type MissingPolicy = "undetermined" | "notMet" | "error";
export const MISSING_POLICIES: readonly MissingPolicy[] = ["undetermined", "notMet", "error"];

export interface Host {
  /** The rulebook's grades, highest first. */
  readonly grades: readonly string[];
  /** The earliest period of this kind the data reaches (windows look no further back). */
  firstPeriod(kind: PeriodKind): string | undefined;
  /** Whether any record covers exactly this period. */
  hasRecord(period: string): boolean;
  /** The events flagged in this period (a month's record, or every record inside a longer period). */
  flags(period: string): readonly string[] | undefined;
  /** The role written on the period's own record (a move, a re-appointment), if the record names one. */
  recordRole?(period: string): string | undefined;
  /** The period the appraisal is for (a year, while a trigger is judged in each of its months); none in a tool. */
  readonly appraised?: string;
  /**
   * The value of a part of a formula that depends on nothing but the period (a rulebook function without parameters,
   * a window), computed once per period: a window walking back over months meets it again for each month it passes.
   */
  remember?(slot: number, frame: Frame, compute: (frame: Frame) => Value): Value;
}

export interface Frame {
  readonly period: string;
  readonly host: Host;
  /** How windows in the rule being evaluated treat a missing period. */
  readonly policy: MissingPolicy;
  /** The same evaluation at another period (a window's month, the previous year). */
  at(period: string): Frame;
  /** A row of a table being evaluated row by row (forEach): its cells by column. */
  readonly row?: ReadonlyMap<string, Value>;
  /** While a status is decided: the triggers that fired, by the action they fired. */
  readonly firedActions?: ReadonlyMap<string, readonly string[]>;
}

export type Thunk = (frame: Frame) => Value;
