/**
 * How large a value can plausibly be, per unit, in the engine's unit. A cell beyond it is a typing or export error
 * (1e308 in a 万元 column, a date serial in an amount column) and is reported, not read: such a value would reach the
 * results as a figure no spreadsheet can hold. docs/data-model.md lists these bounds.
 */
import { Dec } from "../engine/decimal";
import type { FieldUnit } from "../engine/fields";
import type { UnitKind } from "./units";

export interface Bound {
  /** Largest magnitude allowed, in the engine's unit (元, USD, a fraction for rates …). */
  max: Dec;
  zh: string;
  en: string;
}

const bound = (max: string, zh: string, en: string): Bound => ({ max: new Dec(max), zh, en });

/** Per field unit: money up to 10 万亿元, far above any branch; rates up to 1 000 000 % (fractions up to 10 000). */
export const PLAUSIBLE: Record<FieldUnit, Bound> = {
  money: bound("1e13", "人民币金额绝对值不超过 10 万亿元", "money up to 10 trillion 元 (1e13)"),
  usd: bound("1e12", "美元金额绝对值不超过 1 万亿美元", "USD amounts up to 1 trillion (1e12)"),
  rate: bound("1e4", "比率绝对值不超过 1 000 000%", "rates up to 1,000,000 % (10 000 as a fraction)"),
  count: bound("1e9", "个数不超过 10 亿", "counts up to 1 billion"),
  points: bound("1e5", "分数不超过 100 000 分", "points up to 100,000"),
  days: bound("1e5", "天数不超过 100 000 天", "days up to 100,000"),
};

/**
 * The bound of a column: its field's unit, else what the column is known to hold (a ledger amount is money), else
 * the kind of unit its header names. A bare number of unknown kind (a task plan without a unit, a function's
 * argument) has none: nothing says what is plausible for it.
 */
export function boundOf(field: FieldUnit | undefined, unit: UnitKind | undefined): Bound | undefined {
  if (field) return PLAUSIBLE[field];
  if (unit === "money" || unit === "usd" || unit === "rate") return PLAUSIBLE[unit];
  return undefined;
}
