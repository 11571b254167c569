/**
 * The workbook layer: plain cell arrays (Excel's `range.values`, or what a file reader gives) ↔ the engine's
 * records and results. No Office and no file library, so the taskpane and the command line share it.
 */
export type { CellValue, SheetValues, WorkbookValues } from "./cells";
export { address, cellRef, columnLetters, UNCALCULATED } from "./cells";
export type { ProblemCode, Severity, WorkbookProblem } from "./problems";
export { countBySeverity, problemLine, SEVERITY_ZH } from "./problems";
export { mapWorkbook, readWorkbookSettings, type MapOptions, type MappedWorkbook } from "./map";
export { appraisalInputJson } from "./inputJson";
export { excelCell, NUMBER_FORMATS, resultTables, resultsSheetName, statusLabels, UNAVAILABLE, NOT_COMPUTED, type OutputTable, type OutputColumn, type OutputCell, type ColumnFormat } from "./results";
export { readPeriodCell } from "./periodCells";
export { validateWorkbook, ALL_CHECK_CODES, KHJL_FORMULA_LIMIT, type ValidateOptions, type ValidationResult, type CheckInfo } from "./validate";
export { chosenRulebook, readRulebookChoice, RULEBOOK_CHOICE_KEY, USER_RULEBOOKS_KEY, type ChosenRulebook, type RulebookChoice } from "./rulebookChoice";
