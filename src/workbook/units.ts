/**
 * Units written in column headers — `日均存款(万元)`, `收息率(%)`, `Intl settlement (10k USD)` — and the exact
 * factor that brings a cell to the engine's unit (元, USD, fractions for rates). Conversion is a Dec product,
 * never a float: 1234.56 万元 is exactly 12345600 元.
 */
import { Dec } from "../engine/decimal";
import type { FieldType } from "../engine/rulebook2/schema";

/** What a unit measures: money in 元, money in USD, a rate, or a plain count/points/days quantity. */
export type UnitKind = "money" | "usd" | "rate" | "plain";

export interface HeaderUnit {
  /** The unit as written in the header. */
  text: string;
  kind: UnitKind;
  /** Multiply a cell by this to get the engine's unit. */
  factor: Dec;
  /** True for % and ‰: the header says the cells are in percent units. */
  percent: boolean;
}

const TABLE: ReadonlyArray<[string[], UnitKind, string]> = [
  [["元", "人民币元", "yuan", "cny", "rmb", "¥"], "money", "1"],
  [["千元", "thousandyuan", "kcny", "kyuan"], "money", "1000"],
  [["万元", "万", "万元人民币", "10kcny", "10kyuan", "10krmb", "tenthousandyuan"], "money", "10000"],
  [["百万元", "百万", "mcny", "millioncny", "millionyuan"], "money", "1000000"],
  [["亿元", "亿", "100mcny", "100myuan"], "money", "100000000"],
  [["美元", "usd", "us$", "$"], "usd", "1"],
  [["千美元", "kusd"], "usd", "1000"],
  [["万美元", "10kusd"], "usd", "10000"],
  [["百万美元", "musd", "millionusd"], "usd", "1000000"],
  [["亿美元", "100musd"], "usd", "100000000"],
  [["%", "百分比", "percent", "pct"], "rate", "0.01"],
  [["‰", "千分比", "permille"], "rate", "0.001"],
  [["个", "户", "笔", "人", "次", "户数", "个数", "count", "no", "number"], "plain", "1"],
  [["分", "points", "pts"], "plain", "1"],
  [["天", "日", "days"], "plain", "1"],
];

const UNITS = new Map<string, { kind: UnitKind; factor: Dec; percent: boolean }>();
for (const [names, kind, factor] of TABLE) {
  for (const n of names) UNITS.set(n, { kind, factor: new Dec(factor), percent: kind === "rate" });
}

/** The unit written inside a header's brackets, normalized (see headers.ts); undefined when it is not a unit. */
export function lookupUnit(text: string): HeaderUnit | undefined {
  const key = text.replace(/^单位[::]?/, "").replace(/^in/, "").trim();
  const u = UNITS.get(key);
  return u ? { text, ...u } : undefined;
}

/** Units that may end a header without brackets (`日均存款万元`, `收息率%`), longest first. */
export const BARE_SUFFIXES = ["万美元", "亿美元", "百万元", "万元", "亿元", "千元", "美元", "%", "‰"];

/**
 * Whether a header unit fits a field's unit (a standard field's, or the unit a format-2 rulebook declares): counts,
 * points, days and plain numbers accept only plain units; a date, text or yes/no field takes no unit at all.
 */
export function unitFits(unit: HeaderUnit, field: FieldType): boolean {
  switch (field) {
    case "money":
      return unit.kind === "money";
    case "usd":
      return unit.kind === "usd";
    case "rate":
      return unit.kind === "rate";
    case "count":
    case "points":
    case "days":
    case "number":
      return unit.kind === "plain";
    default:
      return false;
  }
}

export const UNIT_KIND_ZH: Record<UnitKind, string> = { money: "人民币金额", usd: "美元金额", rate: "比率", plain: "数量" };
export const FIELD_UNIT_ZH: Record<FieldType, string> = {
  money: "人民币金额(元)", usd: "美元金额", rate: "比率", count: "个数", points: "分数", days: "天数",
  number: "数值", date: "日期", text: "文本", flag: "是/否",
};
