/**
 * Reading a number cell. A number cell is read exactly (its shortest round-trip text → Dec, times the header's unit
 * factor). Anything else where a number belongs is a problem and the cell is NOT read: a text cell holding a number
 * ("text-typed number"), full-width digits, "1,234.50", "¥", 万/亿 suffixes, "35%" typed as text. When the text is
 * a number in disguise the problem carries the value to type instead; "1,2O0" gets a hint that O may be a 0.
 */
import { Dec } from "../engine/decimal";
import type { FieldUnit } from "../engine/fields";
import type { FieldType } from "../engine/rulebook2/schema";
import { boundOf } from "./bounds";
import { cellKind, isBlank, isExcelError, isUncalculated, quote, UNCALCULATED_TEXT, type CellValue } from "./cells";
import type { ProblemCode } from "./problems";
import type { HeaderUnit } from "./units";

/**
 * What a number column's field says about its values: a standard field (src/engine/fields.ts) or a field a format-2
 * rulebook declares, whose unit may also be a plain `number`.
 */
export interface NumberDef {
  unit: FieldType;
  zh: string;
  signed?: boolean;
  integer?: boolean;
  share?: boolean;
}

/** The field units that have a plausible bound (bounds.ts); a plain `number` has none. */
function boundedUnit(unit: FieldType | undefined): FieldUnit | undefined {
  return unit === "money" || unit === "usd" || unit === "rate" || unit === "count" || unit === "points" || unit === "days" ? unit : undefined;
}

/** The column a cell belongs to, as messages name it. */
export interface NumberColumn {
  /** Field or key name (`avgDeposits`). */
  field: string;
  /** Chinese label (`日均存款`). */
  zh: string;
  unit?: HeaderUnit;
  def?: NumberDef;
  /** What a column without a field holds, for its plausible bound (a ledger amount is money). */
  holds?: FieldUnit;
}

export interface CellIssue {
  code: ProblemCode;
  zh: string;
  en: string;
  suggested?: string;
}

export type NumberRead =
  | { kind: "blank" }
  | { kind: "value"; value: Dec; cell: Dec }
  | { kind: "problem"; issue: CellIssue };

/**
 * A share above 1.5 (150 %) is almost surely typed in percent units (35 for 35%), as DATA-MODEL.md says; a growth
 * rate may exceed 100 % but not 500 % in a branch's year, so above 5 it is reported too. A header with "%" says
 * the column is in percent units and switches this check off.
 */
export const PERCENT_UNITS_LIMIT = { share: new Dec("1.5"), growth: new Dec("5") };

/** Number → exact decimal via its shortest round-trip text (0.998 stays 0.998, 12402.27 stays 12402.27). */
export function decOfNumber(n: number): Dec {
  return new Dec(String(n));
}

const TEXT_UNITS: ReadonlyArray<[string, "money" | "usd" | "rate", string]> = [
  ["万美元", "usd", "10000"], ["亿美元", "usd", "100000000"], ["美元", "usd", "1"],
  ["亿元", "money", "100000000"], ["万元", "money", "10000"], ["千元", "money", "1000"], ["元", "money", "1"],
  ["亿", "money", "100000000"], ["万", "money", "10000"], ["%", "rate", "0.01"], ["‰", "rate", "0.001"],
];

const PLAIN = /^(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

interface TextReading {
  /** The value in the column's own unit, i.e. what to type in the cell. */
  cell?: Dec;
  notes: Array<{ zh: string; en: string }>;
  lookalike?: boolean;
}

/** What a text cell would be as a number, and what made it text. */
export function readText(text: string, column: NumberColumn): TextReading {
  const notes: TextReading["notes"] = [];
  const original = text.trim();
  if (/[\uFF01-\uFF5E\u3000]/.test(original)) notes.push({ zh: "全角字符", en: "full-width characters" });
  let s = original.normalize("NFKC").replace(/\s/g, "");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (/^[-−–]/.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  const currency = /^(us\$|\$|¥|rmb|cny|usd)/i.exec(s);
  if (currency) {
    notes.push({ zh: `货币符号「${currency[1]}」`, en: `currency sign "${currency[1]}"` });
    s = s.slice(currency[1].length);
  }
  let textUnit: (typeof TEXT_UNITS)[number] | undefined;
  for (const u of TEXT_UNITS) {
    if (s.length > u[0].length && s.endsWith(u[0])) {
      textUnit = u;
      s = s.slice(0, s.length - u[0].length); // int: string index
      notes.push({ zh: `单位「${u[0]}」`, en: `unit "${u[0]}"` });
      break;
    }
  }
  let body: string | undefined;
  if (GROUPED.test(s)) {
    notes.push({ zh: "千位分隔符", en: "thousands separators" });
    body = s.replace(/,/g, "");
  } else if (PLAIN.test(s)) body = s;
  let lookalike = false;
  if (body === undefined) {
    const swapped = s.replace(/[Oo]/g, "0").replace(/[lI|]/g, "1");
    if (swapped !== s && (GROUPED.test(swapped) || PLAIN.test(swapped))) {
      body = swapped.replace(/,/g, "");
      lookalike = true;
    }
  }
  if (body === undefined) return { notes };
  let value = new Dec(body);
  if (negative) value = value.negated();
  const columnFactor = column.unit?.factor ?? new Dec(1);
  let cell = value;
  if (textUnit) {
    const kind = column.def ? column.def.unit : "money";
    const fits = (textUnit[1] === "rate" && kind === "rate") || (textUnit[1] === "money" && kind === "money") || (textUnit[1] === "usd" && kind === "usd");
    if (!fits) return { notes, lookalike };
    // The text's own unit wins over the header's: "1,200万" in a 元 column is 12 000 000.
    cell = value.times(textUnit[2]).div(columnFactor);
  }
  return { cell, notes, lookalike };
}

function plainText(d: Dec): string {
  return d.toFixed();
}

/** The problem of a formula saved without its value, in a column of the given name. */
export function uncalculatedIssue(column: { field: string; zh: string }): CellIssue {
  return { code: "formulaNoValue", zh: `${column.zh}${UNCALCULATED_TEXT.zh},未读取`, en: `${column.field} ${UNCALCULATED_TEXT.en}; not read` };
}

/** Reads a cell where a number belongs. */
export function readNumberCell(v: CellValue, column: NumberColumn): NumberRead {
  if (isBlank(v)) return { kind: "blank" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "problem", issue: { code: "notNumber", zh: `${column.zh}不是有限数字`, en: `${column.field} is not a finite number` } };
    const cell = decOfNumber(v);
    const value = column.unit ? cell.times(column.unit.factor) : cell;
    const limit = boundOf(boundedUnit(column.def?.unit) ?? column.holds, column.unit?.kind);
    if (limit && value.abs().gt(limit.max)) {
      const unit = column.unit ? `(${column.unit.text})` : "";
      return {
        kind: "problem",
        issue: {
          code: "implausible",
          zh: `${column.zh}为 ${String(v)}${unit},超出合理范围(${limit.zh}),未读取`,
          en: `${column.field} is ${String(v)}${column.unit ? ` (${column.unit.text})` : ""}, beyond a plausible value (${limit.en}); not read`,
        },
      };
    }
    return { kind: "value", cell, value };
  }
  if (isUncalculated(v)) return { kind: "problem", issue: uncalculatedIssue(column) };
  if (isExcelError(v)) {
    const e = String(v).trim();
    return { kind: "problem", issue: { code: "excelError", zh: `${column.zh}为错误值 ${e},未读取`, en: `${column.field} holds the error value ${e} and is not read` } };
  }
  if (typeof v === "string") {
    const t = readText(v, column);
    const quoted = quote(v);
    if (t.cell !== undefined && !t.lookalike) {
      const what = t.notes.length > 0 ? `(含${t.notes.map((n) => n.zh).join("、")})` : "";
      const whatEn = t.notes.length > 0 ? ` (with ${t.notes.map((n) => n.en).join(", ")})` : "";
      const suggested = plainText(t.cell);
      return {
        kind: "problem",
        issue: {
          code: "textNumber",
          zh: `${column.zh}为文本 ${quoted}${what},不是数字单元格,未读取;建议改为数字 ${suggested}`,
          en: `${column.field} is text ${quoted}${whatEn}, not a number cell, and is not read; suggested value ${suggested}`,
          suggested,
        },
      };
    }
    if (t.cell !== undefined) {
      const suggested = plainText(t.cell);
      return {
        kind: "problem",
        issue: {
          code: "notNumber",
          zh: `${column.zh}为文本 ${quoted},不是数字(字母 O/l 可能应为数字 0/1,即 ${suggested}),未读取`,
          en: `${column.field} is text ${quoted}, not a number (the letters O/l may be the digits 0/1: ${suggested}); not read`,
          suggested,
        },
      };
    }
    return { kind: "problem", issue: { code: "notNumber", zh: `${column.zh}为文本 ${quoted},不是数字,未读取`, en: `${column.field} is text ${quoted}, not a number; not read` } };
  }
  const k = cellKind(v);
  return { kind: "problem", issue: { code: "notNumber", zh: `${column.zh}是${k.zh},不是数字,未读取`, en: `${column.field} is ${k.en}, not a number; not read` } };
}

/**
 * Checks a value read from a number cell against its field: percent units in rate columns, negatives where the
 * field is never negative, fractions where it counts things. A failing value is reported and not used.
 */
export function checkFieldValue(read: { value: Dec; cell: Dec }, column: NumberColumn): CellIssue | undefined {
  const def = column.def;
  if (!def) return undefined;
  const { value, cell } = read;
  const percentHeader = column.unit?.percent === true;
  if (def.unit === "rate") {
    const limit = def.share ? PERCENT_UNITS_LIMIT.share : PERCENT_UNITS_LIMIT.growth;
    if (!percentHeader && value.abs().gt(limit)) {
      const suggested = plainText(cell.div(100));
      return {
        code: "percentUnits",
        zh: `${column.zh}为 ${plainText(cell)},看似按百分数填写(比率应为小数:35% 即 0.35,或设为百分比格式),未读取;建议改为 ${suggested}`,
        en: `${column.field} is ${plainText(cell)}, which looks like percent units (rates are fractions: 35% is 0.35, or format the cell as %); not read; suggested value ${suggested}`,
        suggested,
      };
    }
    if (percentHeader && def.share && value.gt(PERCENT_UNITS_LIMIT.share)) {
      return { code: "implausible", zh: `${column.zh}为 ${plainText(cell)}%,超过 150%,不合理,未读取`, en: `${column.field} is ${plainText(cell)}%, above 150%, which is not plausible; not read` };
    }
    // The same 500 % a growth rate may not pass when typed as a fraction holds in a (%) column.
    if (percentHeader && !def.share && value.abs().gt(PERCENT_UNITS_LIMIT.growth)) {
      return { code: "implausible", zh: `${column.zh}为 ${plainText(cell)}%,超过 500%,不合理,未读取`, en: `${column.field} is ${plainText(cell)}%, beyond 500%, which is not plausible; not read` };
    }
  }
  if (!def.signed && value.isNegative() && !value.isZero()) {
    return { code: "negative", zh: `${column.zh}为负数 ${plainText(cell)},该项不能为负,未读取`, en: `${column.field} is negative (${plainText(cell)}) and must not be; not read` };
  }
  if (def.integer && !value.isInteger()) {
    return { code: "notInteger", zh: `${column.zh}应为整数,却是 ${plainText(cell)},未读取`, en: `${column.field} must be a whole number, not ${plainText(cell)}; not read` };
  }
  return undefined;
}
