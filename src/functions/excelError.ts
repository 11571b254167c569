/**
 * Turns a failure inside a custom function into the error Excel shows. Excel displays a message only for #VALUE! and
 * #N/A, and only when the function throws CustomFunctions.Error (a returned "#VALUE!" string is not an error).
 * CustomFunctions.Error exists only in Excel's runtime; elsewhere (jest, a plain browser) the original error is kept.
 */
export function excelError(e: unknown): Error | CustomFunctions.Error {
  const error = e instanceof Error ? e : new Error(String(e));
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.Error !== "function") return error;
  return new CustomFunctions.Error("#VALUE!" as CustomFunctions.ErrorCode, error.message);
}
