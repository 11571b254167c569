/**
 * Settings in formulas: a setting is a name (`h003.score.partialStep`), its value the one in force for the run
 * (the rulebook's default, or what the user set). Its declared type says what the formula gets: text for an enum,
 * TRUE/FALSE, a number with its unit ("20%" is a rate, "800万" money), a date, a list (one column), a map (two
 * columns: key, value — VLOOKUP reads it), or a table with named columns. A required setting nobody set is a
 * missing value saying so, never a guess.
 */
import { Dec } from "../decimal";
import { parseQuantity } from "../quantity";
import { num, type Unit, type VType } from "../lang/types";
import { DateValue, fromJson, missing, TableValue, type Value } from "../lang/values";
import type { FieldType, SettingDecl } from "./schema";

const NUMERIC_TYPES: Record<string, Unit> = { number: "number", money: "money", rate: "rate", count: "count", integer: "count", quantity: "number" };

function unitOf(t: FieldType | undefined, fallback: Unit): Unit {
  if (t === undefined) return fallback;
  return (["money", "usd", "rate", "count", "points", "days", "number"] as const).includes(t as Unit) ? (t as Unit) : fallback;
}

function columnType(t: FieldType): VType {
  if (t === "date") return { k: "date" };
  if (t === "text") return { k: "text" };
  if (t === "flag") return { k: "bool" };
  return num(t as Unit);
}

export function settingType(d: SettingDecl): VType {
  switch (d.type) {
    case "enum":
      return { k: "text", values: (d.values ?? []).map(String) };
    case "boolean":
      return { k: "bool" };
    case "date":
      return { k: "date" };
    case "text":
      return { k: "text" };
    case "list":
      return { k: "table", columns: [{ name: "value", type: d.unit ? columnType(d.unit) : { k: "text", values: d.values?.map(String) } }] };
    case "map":
    case "object":
      return { k: "table", columns: [{ name: "key", type: { k: "text", of: d.keys === "grades" ? "grade" : d.keys === "roles" ? "role" : undefined } }, { name: "value", type: d.unit ? columnType(d.unit) : { k: "any" } }] };
    case "table":
      return { k: "table", columns: (d.columns ?? []).map((c) => ({ name: c.name, type: columnType(c.unit) })) };
    default:
      return num(unitOf(d.unit, NUMERIC_TYPES[d.type] ?? "number"));
  }
}

/** "10/3": a ratio written as a fraction, as a rule often states it (a 50 t contract is 10/3 standard lots). */
const FRACTION = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/;

function fraction(raw: unknown): Dec | undefined {
  const m = typeof raw === "string" ? FRACTION.exec(raw) : null;
  if (!m) return undefined;
  const den = new Dec(m[2]);
  return den.isZero() ? undefined : new Dec(m[1]).div(den);
}

function quantity(raw: unknown): Value {
  const f = fraction(raw);
  if (f) return f;
  try {
    if (typeof raw === "number" && !Number.isSafeInteger(raw)) return new Dec(String(raw));
    return parseQuantity(raw as string | number);
  } catch {
    return missing("value", `不是数值:${JSON.stringify(raw)}`, `not a number: ${JSON.stringify(raw)}`);
  }
}

function cell(raw: unknown, t: FieldType | undefined): Value {
  if (t === "date") return typeof raw === "string" ? DateValue.parse(raw) ?? missing("value", `不是日期:${raw}`, `not a date: ${raw}`) : missing("value", "不是日期", "not a date");
  if (t === "text") return String(raw);
  if (t === "flag") return raw === true;
  if (t === undefined) return typeof raw === "string" && /^[+-]?[\d.]+(万|亿|%)?$/.test(raw.trim()) ? quantity(raw) : fromJson(raw);
  return quantity(raw);
}

/** The value a formula sees for a setting (raw = the value in force, undefined if none). */
export function settingValue(key: string, d: SettingDecl, raw: unknown): Value {
  if (raw === undefined) {
    return missing("na", `未设置 ${key}(${d.zh})`, `${key} is not set (${d.en})`);
  }
  switch (d.type) {
    case "enum":
      return typeof raw === "boolean" ? String(raw) : String(raw);
    case "boolean":
      return raw === true;
    case "date":
      return cell(raw, "date");
    case "text":
      return String(raw);
    case "list":
      return new TableValue(["value"], (raw as unknown[]).map((v) => [cell(v, d.unit ?? "text")]));
    case "map":
    case "object":
      return new TableValue(["key", "value"], Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, cell(v, d.unit)]));
    case "table": {
      const cols = d.columns ?? [];
      return new TableValue(
        cols.map((c) => c.name),
        (raw as Array<Record<string, unknown>>).map((row) => cols.map((c) => (row[c.name] === undefined || row[c.name] === null ? missing("na", `缺少 ${c.name}`, `missing ${c.name}`) : cell(row[c.name], c.unit)))),
      );
    }
    default:
      return quantity(raw);
  }
}

/** A value set by a user, checked against the declaration: the problem, or undefined when it is acceptable. */
export function checkSetting2(d: SettingDecl, raw: unknown, vocabulary: { grades: readonly string[]; roles: readonly string[] }): string | undefined {
  const isQuantity = (v: unknown) => {
    if (fraction(v)) return true;
    if (typeof v !== "string" && typeof v !== "number") return false;
    try {
      parseQuantity(v);
      return true;
    } catch {
      return false;
    }
  };
  const hint = (unit: string | undefined) =>
    unit === "rate" ? "(比率写成 0.35 或 \"35%\";万分之二写成 \"0.02%\") / (write a rate as 0.35 or \"35%\"; 万分之二 is \"0.02%\")" : unit === "money" ? "(金额写成 \"8000000\" 或 \"800万\") / (write money as \"8000000\" or \"800万\")" : "";
  switch (d.type) {
    case "enum":
      return d.values?.some((v) => v === raw) ? undefined : `${JSON.stringify(raw)} 不是可选值之一 ${JSON.stringify(d.values)} / is not one of ${JSON.stringify(d.values)}`;
    case "boolean":
      return typeof raw === "boolean" ? undefined : `${JSON.stringify(raw)} 应为 true 或 false / is not true or false`;
    case "integer":
      return typeof raw === "number" && Number.isSafeInteger(raw) ? undefined : `${JSON.stringify(raw)} 应为整数 / is not a whole number`;
    case "date":
      return typeof raw === "string" && DateValue.parse(raw) ? undefined : `${JSON.stringify(raw)} 应为日期 YYYY-MM-DD / is not a date (YYYY-MM-DD)`;
    case "text":
      return typeof raw === "string" && raw.trim() !== "" ? undefined : `${JSON.stringify(raw)} 应为文本 / is not text`;
    case "list":
      if (!Array.isArray(raw)) return `${JSON.stringify(raw)} 应为列表 / is not a list`;
      if (d.values && raw.some((v) => !d.values!.includes(v))) return `${JSON.stringify(raw)} 含不可选的值(可选:${JSON.stringify(d.values)}) / has values outside ${JSON.stringify(d.values)}`;
      return undefined;
    case "map":
    case "object": {
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return `${JSON.stringify(raw)} 应为对象 {键: 值} / is not an object {key: value}`;
      const keys = d.keys === "grades" ? vocabulary.grades : d.keys === "roles" ? vocabulary.roles : undefined;
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (keys && !keys.includes(k)) return `“${k}”不是本规则集的${d.keys === "grades" ? "等级" : "角色"}(${keys.join("、")}) / "${k}" is not a ${d.keys === "grades" ? "grade" : "role"} of this rulebook (${keys.join(", ")})`;
        if (d.type === "map" && d.unit && d.unit !== "text" && d.unit !== "date" && d.unit !== "flag" && !isQuantity(v)) return `${k}: ${JSON.stringify(v)} 不是数值 / is not a number ${hint(d.unit)}`;
      }
      return undefined;
    }
    case "table": {
      if (!Array.isArray(raw)) return `${JSON.stringify(raw)} 应为行的列表 [{…}, …] / is not a list of rows`;
      const cols = d.columns ?? [];
      for (let i = 0; i < raw.length; i++) {
        const row = raw[i];
        if (!row || typeof row !== "object" || Array.isArray(row)) return `第 ${i + 1} 行应为对象 / row ${i + 1} is not an object`; // int: whole-number index or calendar arithmetic
        for (const k of Object.keys(row)) if (!cols.some((c) => c.name === k)) return `第 ${i + 1} 行的列“${k}”不存在(列:${cols.map((c) => c.name).join("、")}) / row ${i + 1}: no column "${k}" (columns: ${cols.map((c) => c.name).join(", ")})`; // int: whole-number index or calendar arithmetic
        for (const c of cols) {
          const v = (row as Record<string, unknown>)[c.name];
          if (v === undefined) return `第 ${i + 1} 行缺少列“${c.name}” / row ${i + 1} lacks column "${c.name}"`; // int: whole-number index or calendar arithmetic
          if (c.unit !== "text" && c.unit !== "date" && c.unit !== "flag" && !isQuantity(v)) return `第 ${i + 1} 行 ${c.name}: ${JSON.stringify(v)} 不是数值 / row ${i + 1} ${c.name}: not a number ${hint(c.unit)}`; // int: whole-number index or calendar arithmetic
        }
      }
      return undefined;
    }
    default:
      return isQuantity(raw) ? undefined : `${JSON.stringify(raw)} 不是数值 / is not a number ${hint(d.unit ?? d.type)}`;
  }
}
