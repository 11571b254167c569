/**
 * formulaCount: a workbook holding very many KHJL custom-function formulas recalculates slowly in Excel (each cell is
 * a call into the add-in). Above the limit the validator suggests freezing finished results to values. The count
 * comes from the caller: the taskpane asks Excel, the command line counts the formulas in the file.
 */
import { report, type ValidationContext } from "./context";

/** Above this many KHJL formulas Excel recalculation slows noticeably. */
export const KHJL_FORMULA_LIMIT = 10_000;

export function checkFormulaCount(ctx: ValidationContext, formulaCells: number | undefined): void {
  if (formulaCells === undefined || formulaCells <= KHJL_FORMULA_LIMIT) return;
  report(ctx, "warning", "formulaCount", { sheet: "" }, {
    zh: `工作簿中有 ${formulaCells} 个 KHJL 自定义函数公式,超过 ${KHJL_FORMULA_LIMIT} 个,Excel 重算会明显变慢;已定稿的考核结果建议复制后「粘贴为数值」冻结`,
    en: `the workbook holds ${formulaCells} KHJL custom-function formulas, more than ${KHJL_FORMULA_LIMIT}; Excel recalculates slowly: freeze finished results by pasting them as values`,
  });
}
