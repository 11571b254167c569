/**
 * `range.values = …` stores each string as if the user had typed it: "0103001" becomes the number 103001,
 * "2026-12" a date, "=x" a formula, "35%" the number 0.35. Text that must stay text is written with Excel's text
 * prefix (a leading apostrophe, which Excel keeps out of the cell's value), unless its column is formatted as text
 * ("@"), where Excel takes the string as it is.
 */
import type { PlanCell } from "../../workbook/resultsSheet";

/** Strings Excel would turn into a formula, a number, a date, a time or a boolean when typed. */
const LEADING = /^[=+\-@']/;
const NUMBER_OR_DATE_SHAPE = /^[\s\d\uFF10-\uFF19.,\uFF0C:\uFF1A/\\+\-()%\uFF05\u00A5\uFFE5$\u20AC\u00A3eE年月日时分秒]*$/;
const HAS_DIGIT = /[\d\uFF10-\uFF19]/;
const BOOLEAN = /^\s*(true|false)\s*$/i;
/** Error values typed as text become error values; a results cell that says "#N/A" means the text. */
const ERROR_TEXT = /^\s*#[A-Z/0!?_]+[!?]?\s*$/i;

export function typedAsSomethingElse(text: string, options: { errors: boolean } = { errors: true }): boolean {
  if (text === "") return false;
  if (LEADING.test(text)) return true;
  if (BOOLEAN.test(text)) return true;
  if (options.errors && ERROR_TEXT.test(text)) return true;
  return HAS_DIGIT.test(text) && NUMBER_OR_DATE_SHAPE.test(text);
}

/**
 * The value to write so the cell ends up holding `v`: text that Excel would read as something else gets the text
 * prefix; everything else unchanged. `textColumn` (number format "@"): Excel stores strings as they are there.
 * `keepErrors`: a string such as "#N/A" that came from a formula's result is meant as the error value (freezing).
 */
export function forWrite(v: PlanCell, textColumn: boolean, keepErrors = false): PlanCell {
  if (typeof v !== "string" || textColumn) return v;
  return typedAsSomethingElse(v, { errors: !keepErrors }) ? `'${v}` : v;
}
