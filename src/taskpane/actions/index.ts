/** The taskpane's actions over an ExcelPort; components call these and render what they answer. */
export { activeRulebook, chooseRulebook, exportRulebook, importRulebook, listRulebooks, rulesOf, type ImportResult } from "./rulebooks";
export { readPeriods, runFreeze, runGrading, runValidation, GRADING_SLICE, type GradeOptions } from "./monthEnd";
export * from "./types";
