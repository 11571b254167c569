/**
 * What a formula computes. Numbers are exact decimals (never binary floats), text is text, TRUE/FALSE are booleans,
 * dates are whole days, a table (a setting's tiers, a list, a window's periods) is rows of values.
 *
 * A value that cannot be had — a blank input, a setting nobody set, a figure that needs one of those — is a
 * `Missing`: it carries the reason in both languages and the Excel error it maps to (#N/A for "not available",
 * #VALUE! for "the input is wrong"), and it spreads through arithmetic and comparisons as FEEL's null does, so a
 * missing figure is reported as unavailable, never guessed or read as 0. A rule that does not apply to a manager
 * (an agent on the CM table) is a Missing marked `notApplicable`: SUM and the score list skip it, as Excel's SUM
 * skips a blank cell.
 */
import { Dec } from "../decimal";

export class DateValue {
  /** Days since 1970-01-01 (UTC calendar; no time of day). */
  constructor(readonly day: number) {}

  static of(year: number, month: number, day: number): DateValue {
    return new DateValue(Math.round(Date.UTC(year, month - 1, day) / 86400000)); // int: whole days
  }

  static parse(iso: string): DateValue | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]; // int: whole-number index or calendar arithmetic
    const v = DateValue.of(y, mo, d);
    return v.year === y && v.month === mo && v.dayOfMonth === d ? v : undefined;
  }

  private get utc(): Date {
    return new Date(this.day * 86400000); // int: milliseconds of whole days
  }
  get year(): number {
    return this.utc.getUTCFullYear();
  }
  get month(): number {
    return this.utc.getUTCMonth() + 1; // int: calendar month number
  }
  get dayOfMonth(): number {
    return this.utc.getUTCDate();
  }
  /** 0 = Sunday … 6 = Saturday. */
  get weekday(): number {
    return this.utc.getUTCDay();
  }
  get iso(): string {
    const d = this.utc;
    return `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`; // int: calendar month number
  }
}

/** Rows of values with named columns: a table setting, a list (one column), a window's periods. */
export class TableValue {
  constructor(
    readonly columns: readonly string[],
    readonly rows: ReadonlyArray<readonly Value[]>,
  ) {}

  column(index: number): Value[] {
    return this.rows.map((r) => r[index]);
  }
  columnIndex(name: string): number {
    return this.columns.indexOf(name);
  }
  private flat?: readonly Value[];

  /** Every cell, row by row (what SUM and COUNTIF see); worked out once, as the rows never change. */
  cells(): readonly Value[] {
    return (this.flat ??= this.rows.flat());
  }
}

export class Missing {
  constructor(
    readonly code: "na" | "value",
    readonly zh: string,
    readonly en: string,
    /** The rule whose figure could not be had (set when a rule's value is missing). */
    readonly rule?: string,
    readonly notApplicable = false,
    /** "noRow": a decision table with no row holding (a grade ladder's "no grade reached"). */
    readonly reason?: "noRow",
  ) {}

  /** The same reason, attributed to a rule (the first rule that met it keeps it). */
  in(rule: string): Missing {
    return this.rule !== undefined ? this : new Missing(this.code, this.zh, this.en, rule, this.notApplicable, this.reason);
  }
  /** The same reason, said of another period ("2026-02:缺少日均存款(avgDeposits)"). */
  at(period: string): Missing {
    if (this.zh.startsWith(`${period}:`)) return this;
    return new Missing(this.code, `${period}:${this.zh}`, `${period}: ${this.en}`, this.rule, this.notApplicable, this.reason);
  }
}

export type Value = Dec | boolean | string | DateValue | TableValue | Missing;

export const isMissing = (v: Value): v is Missing => v instanceof Missing;
export const isNumber = (v: Value): v is Dec => v instanceof Dec;
export const isDate = (v: Value): v is DateValue => v instanceof DateValue;
export const isTable = (v: Value): v is TableValue => v instanceof TableValue;

export function missing(code: "na" | "value", zh: string, en: string): Missing {
  return new Missing(code, zh, en);
}

export const NOT_APPLICABLE = new Missing("na", "不适用", "does not apply", undefined, true);

/** A JSON value (a setting, a tool's input) as a formula value: numbers and numeric text become decimals. */
export function fromJson(raw: unknown): Value {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? new Dec(raw) : missing("value", "数值超出范围", "number out of range");
  if (typeof raw === "string") return raw;
  if (Array.isArray(raw)) {
    if (raw.every((r) => r !== null && typeof r === "object" && !Array.isArray(r))) {
      const columns = [...new Set(raw.flatMap((r) => Object.keys(r as object)))];
      return new TableValue(columns, raw.map((r) => columns.map((c) => fromJson((r as Record<string, unknown>)[c] ?? null))));
    }
    return new TableValue(["value"], raw.map((r) => [fromJson(r)]));
  }
  if (raw !== null && typeof raw === "object") {
    return new TableValue(["key", "value"], Object.entries(raw).map(([k, v]) => [k, fromJson(v)]));
  }
  return missing("na", "空值", "no value");
}
