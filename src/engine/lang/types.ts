/**
 * What a formula's parts are, known when the rulebook loads: a number with its unit, TRUE/FALSE, text (possibly
 * one of the rulebook's grades, roles or statuses), a date, a table. The checker uses them to refuse, before any
 * figure is computed, what cannot be meant: money compared with a rate, money added to a count, text added to a
 * number, a grade the rulebook does not have.
 */

/**
 * Units of numbers. `number` is a bare literal or a result without a unit; it takes the unit of whatever it meets
 * (20 + 2 × steps is points when added to points).
 */
export type Unit = "money" | "usd" | "rate" | "count" | "points" | "days" | "number";

export type VType =
  | { k: "num"; unit: Unit }
  | { k: "bool" }
  /** `of`: the vocabulary the text belongs to, so `等级 = "senor"` is caught as a misspelt grade. */
  | { k: "text"; of?: "grade" | "role" | "status" | "flag"; values?: readonly string[] }
  | { k: "date" }
  | { k: "table"; columns?: ReadonlyArray<{ name: string; type: VType }> }
  | { k: "any" };

export const ANY: VType = { k: "any" };
export const BOOL: VType = { k: "bool" };
export const TEXT: VType = { k: "text" };
export const DATE: VType = { k: "date" };
export const NUM: VType = { k: "num", unit: "number" };
export const num = (unit: Unit): VType => ({ k: "num", unit });

export const UNIT_WORDS: Record<Unit, { zh: string; en: string }> = {
  money: { zh: "金额(元)", en: "money (yuan)" },
  usd: { zh: "美元金额", en: "money (USD)" },
  rate: { zh: "比率", en: "a rate" },
  count: { zh: "个数", en: "a count" },
  points: { zh: "分数", en: "points" },
  days: { zh: "天数", en: "days" },
  number: { zh: "数", en: "a number" },
};

export function typeWords(t: VType): { zh: string; en: string } {
  switch (t.k) {
    case "num":
      return UNIT_WORDS[t.unit];
    case "bool":
      return { zh: "是非值(TRUE/FALSE)", en: "TRUE/FALSE" };
    case "text":
      return t.of === "grade" ? { zh: "等级", en: "a grade" } : t.of === "role" ? { zh: "角色", en: "a role" } : t.of === "status" ? { zh: "状态", en: "a status" } : { zh: "文本", en: "text" };
    case "date":
      return { zh: "日期", en: "a date" };
    case "table":
      return { zh: "表", en: "a table" };
    case "any":
      return { zh: "任意值", en: "any value" };
  }
}

/** Units that may meet in + − and comparisons: the same, or one of them a bare number. */
export function sameUnit(a: Unit, b: Unit): Unit | undefined {
  if (a === b) return a;
  if (a === "number") return b;
  if (b === "number") return a;
  // Counts, points and days are all plain quantities; mixing them is unusual but not a money mistake.
  const plain = new Set<Unit>(["count", "points", "days"]);
  if (plain.has(a) && plain.has(b)) return a;
  return undefined;
}

/**
 * Units that scale another in a product: money × rate is money, money × days (a day-weighted sum) is money, and
 * points × money is money (绩效工资 = 考核得分 × 每分 100 元).
 */
const SCALAR: ReadonlySet<Unit> = new Set<Unit>(["number", "rate", "count", "days", "points"]);

/** The unit of a product; undefined when it cannot be meant (money × money, money × USD). */
export function productUnit(a: Unit, b: Unit): Unit | undefined {
  const sa = SCALAR.has(a);
  const sb = SCALAR.has(b);
  if (!sa && !sb) return undefined;
  if (!sa) return a;
  if (!sb) return b;
  if (a === "rate" && (b === "rate" || b === "number")) return "rate";
  if (b === "rate" && a === "number") return "rate";
  // A count or days times a bare number is a bare number: 开户数 × 20 is the bonus, added to money later.
  return "number";
}

/** The unit of a quotient: like over like is a ratio (money ÷ money is a rate); money ÷ days is money per day. */
export function quotientUnit(a: Unit, b: Unit): Unit | undefined {
  if (a === b) return "rate";
  if (SCALAR.has(b)) {
    if (b === "number") return a;
    return SCALAR.has(a) ? "number" : a;
  }
  return SCALAR.has(a) ? "number" : undefined;
}

export function isNumeric(t: VType): boolean {
  return t.k === "num" || t.k === "any";
}
export function unitOf(t: VType): Unit {
  return t.k === "num" ? t.unit : "number";
}
