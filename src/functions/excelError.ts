/**
 * The Excel boundary: FunctionError (and any unexpected exception) → CustomFunctions.Error, which Excel shows with its
 * message for #VALUE! and #N/A. A returned "#VALUE!" string would not be an error (ISERROR would say FALSE, ojs #5573).
 * CustomFunctions.Error exists only in Excel's runtime; elsewhere (jest, a plain browser) FunctionError is kept, so
 * tests see the code and both messages.
 */
import { FunctionError, type OutCell, type OutMatrix } from "./result";

function hasExcelErrors(): boolean {
  return typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function";
}

export function excelError(e: unknown): FunctionError | CustomFunctions.Error {
  const error = e instanceof FunctionError
    ? e
    : new FunctionError("#VALUE!", `内部错误:${e instanceof Error ? e.message : String(e)}`, `internal error: ${e instanceof Error ? e.message : String(e)}`);
  if (!hasExcelErrors()) return error;
  return new CustomFunctions.Error(error.code as CustomFunctions.ErrorCode, error.message);
}

export type ExcelCell = string | number | FunctionError | CustomFunctions.Error;

/** A result matrix with each FunctionError replaced by the error Excel shows in that cell of the spill. */
export function toExcelMatrix(m: OutMatrix): ExcelCell[][] {
  if (!hasExcelErrors()) return m;
  return m.map((row) => row.map((c: OutCell) => (c instanceof FunctionError ? excelError(c) : c)));
}

/**
 * Runs a function body for Excel: a FunctionError for the whole formula, or any exception, becomes a thrown Excel
 * error (the cell shows it with its message), never an uncaught exception and never a NaN; errors inside the answer
 * stay in their own cells of the spill.
 */
export function forExcel(body: () => OutMatrix | FunctionError): ExcelCell[][] {
  let out: OutMatrix | FunctionError;
  try {
    out = body();
  } catch (e) {
    throw excelError(e);
  }
  if (out instanceof FunctionError) throw excelError(out);
  return toExcelMatrix(out);
}
