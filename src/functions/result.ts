/**
 * What a custom function gives back before it reaches Excel: numbers, text, and FunctionError for a cell that has no
 * honest value. Kept free of the CustomFunctions global so that jest and HyperFormula run the same code; the Excel
 * boundary (excelError.ts) turns FunctionError into CustomFunctions.Error.
 *
 * Excel shows a message only for #VALUE! and #N/A (ojs #2885), so these are the only two codes we produce:
 * #VALUE! for input the user must fix, #N/A for a rulebook, grade or figure that is not available.
 */
export type ErrorCode = "#VALUE!" | "#N/A";

export class FunctionError {
  constructor(
    readonly code: ErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {}

  /** Chinese first, English after, in one hover message. */
  get message(): string {
    return `${this.zh} / ${this.en}`;
  }
}

export const valueError = (zh: string, en: string) => new FunctionError("#VALUE!", zh, en);
export const naError = (zh: string, en: string) => new FunctionError("#N/A", zh, en);

export function isFunctionError(x: unknown): x is FunctionError {
  return x instanceof FunctionError;
}

export type OutCell = string | number | FunctionError;
export type OutMatrix = OutCell[][];

/**
 * A decimal result as the number Excel stores. Excel holds IEEE doubles, so this is the one place a decimal becomes
 * binary; a value beyond Excel's range (±1.8e308, or non-zero but below 1e-307) is an error, never Infinity or 0.
 */
export function excelNumber(text: string): number | FunctionError {
  const n = Number(text);
  if (!Number.isFinite(n) || (n === 0 && /[1-9]/.test(text))) {
    return valueError(`结果 ${text.length > 40 ? `${text.slice(0, 40)}…` : text} 超出 Excel 的数值范围`, `the result ${text.length > 40 ? `${text.slice(0, 40)}…` : text} is outside Excel's number range`);
  }
  return n;
}
