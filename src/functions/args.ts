/**
 * Reading custom-function arguments the way Excel passes them, with one explicit rule per kind of value:
 *
 * | value                  | optional text/period/rulebook | number (COMPLETION)           | cell inside a table range |
 * |------------------------|-------------------------------|-------------------------------|---------------------------|
 * | omitted / null         | not given → default           | #VALUE! "… is blank"          | blank                     |
 * | "" (empty text)        | not given → default           | #VALUE! "… is blank"          | blank                     |
 * | 0                      | #VALUE! (not text)            | 0                             | 0                         |
 * | text number "1,234.5"  | —                             | #VALUE! with suggested 1234.5 | #VALUE! (textNumber)      |
 * | TRUE / FALSE           | #VALUE!                       | #VALUE!                       | #VALUE! (not a number)    |
 * | an error value (#N/A)  | #VALUE! naming the argument   | #VALUE! naming the argument   | #VALUE! naming the cell   |
 * | a range (2-D array)    | #VALUE! "must be one cell"    | #VALUE! "must be one cell"    | —                         |
 *
 * Omitted optional arguments arrive as null, so TypeScript default parameters never apply (docs PR #1131). Excel
 * desktop passes a blank referenced cell as 0 and Excel on the web as null (ojs #4702); a blank inside a range may
 * arrive as 0 or "" — nothing here can tell such a 0 from a typed 0, which is why required number arguments reject
 * null rather than read it as 0.
 */
import type { CellValue } from "../workbook";
import { isFunctionError, valueError, type FunctionError } from "./result";

/** Argument names as the function help shows them, in both languages. */
export interface ArgName {
  zh: string;
  en: string;
}

/** An Excel error value passed in: CustomFunctions.Error in Excel, an object with a `code` or an Error elsewhere. */
export function isErrorValue(v: unknown): boolean {
  if (v instanceof Error) return true;
  if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
    const code = (v as { code?: unknown; errorCode?: unknown }).code ?? (v as { errorCode?: unknown }).errorCode;
    return typeof code === "string";
  }
  return false;
}

/** "#N/A" for an error value passed in, so messages can quote it. */
export function errorText(v: unknown): string {
  const o = v as { code?: unknown; errorCode?: unknown; type?: unknown; value?: unknown; message?: unknown };
  for (const x of [o.code, o.errorCode, o.value, o.type]) if (typeof x === "string" && x.startsWith("#")) return x;
  return "#VALUE!";
}

export function describeValue(v: unknown): { zh: string; en: string } {
  if (v === null || v === undefined) return { zh: "空白", en: "blank" };
  if (isErrorValue(v)) return { zh: `错误值 ${errorText(v)}`, en: `the error value ${errorText(v)}` };
  if (Array.isArray(v)) return { zh: "一个区域", en: "a range" };
  if (typeof v === "boolean") return { zh: `逻辑值 ${v ? "TRUE" : "FALSE"}`, en: `the boolean ${v ? "TRUE" : "FALSE"}` };
  if (typeof v === "number") {
    return Number.isFinite(v) ? { zh: `数字 ${String(v)}`, en: `the number ${String(v)}` } : { zh: "非有限数字", en: "a number that is not finite" };
  }
  if (typeof v === "string") return { zh: `文本 ${JSON.stringify(v)}`, en: `the text ${JSON.stringify(v)}` };
  if (v instanceof Date) return { zh: "日期", en: "a date" };
  return { zh: "无法识别的值", en: "an unrecognized value" };
}

/** A 1×1 range arrives as a bare value in scalar parameters; this unwraps it and rejects bigger ranges. */
function single(v: unknown, name: ArgName): unknown | FunctionError {
  if (!Array.isArray(v)) return v;
  if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
  return valueError(`参数 ${name.zh} 必须是单个单元格或值,不能是区域`, `argument ${name.en} must be a single cell or value, not a range`);
}

const isNothing = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Optional text (a rulebook id, an output name): undefined when omitted or empty. */
export function optionalText(raw: unknown, name: ArgName): string | undefined | FunctionError {
  const v = single(raw, name);
  if (isFunctionError(v)) return v;
  if (isNothing(v)) return undefined;
  if (typeof v === "string") return v.normalize("NFKC").trim();
  const d = describeValue(v);
  return valueError(`参数 ${name.zh} 应为文本,却是${d.zh}`, `argument ${name.en} must be text, got ${d.en}`);
}

/** A cell Excel can never hand us (NaN, ±Infinity, an object); described, never echoed raw. */
export interface Unreadable {
  unreadable: { zh: string; en: string };
}

export function isUnreadable(v: CellValue | Unreadable): v is Unreadable {
  return v !== null && typeof v === "object" && !(v instanceof Date);
}

/** A cell value for the workbook layer: Excel error values become their "#N/A" text, which it reports by cell. */
export function cellValue(v: unknown): CellValue | Unreadable {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { unreadable: { zh: "非有限数字", en: "not a finite number" } };
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v : { unreadable: { zh: "无效日期", en: "an invalid date" } };
  if (isErrorValue(v)) return errorText(v);
  return { unreadable: { zh: "不是单元格值", en: "not a cell value" } };
}

/** A range argument as rows of cells; a single value is a 1×1 range. Ragged or empty input is rejected. */
export function matrix(raw: unknown, name: ArgName): unknown[][] | FunctionError {
  if (raw === null || raw === undefined) return valueError(`参数 ${name.zh} 不能为空`, `argument ${name.en} is required`);
  if (isErrorValue(raw)) return valueError(`参数 ${name.zh} 是错误值 ${errorText(raw)}`, `argument ${name.en} is the error value ${errorText(raw)}`);
  const rows = Array.isArray(raw) ? raw : [[raw]];
  if (rows.length === 0) return valueError(`参数 ${name.zh} 是空区域`, `argument ${name.en} is an empty range`);
  const out: unknown[][] = [];
  for (const r of rows) out.push(Array.isArray(r) ? r : [r]);
  const width = out[0].length;
  if (width === 0 || out.some((r) => r.length !== width)) {
    return valueError(`参数 ${name.zh} 不是矩形区域`, `argument ${name.en} is not a rectangular range`);
  }
  return out;
}

export { single as singleValue };
