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
  /** The finest kind of period the data has within months [first, last] (month, else quarter…), if any. */
  finestKind(first: number, last: number): PeriodKind | undefined;
  /** The events flagged in this period (a month's record, or every record inside a longer period). */
  flags(period: string): readonly string[] | undefined;
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
}

export type Thunk = (frame: Frame) => Value;
