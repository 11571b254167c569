/**
 * From an appraised row to the cell(s) a function returns. Figures are the engine's decimal strings, rounded once
 * by the rulebook (results.ts); only here, at the edge, do they become the numbers Excel stores.
 * A figure the rulebook does not compute is #N/A saying so; one it computes but could not for this row is #N/A with
 * the engine's reason and rule id; neither is ever a silent 0.
 */
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { ManagerResultJson } from "../engine/results";
import { nextGradeText, SEE_EXPLAIN, statusLabels } from "../workbook/results";
import type { BookContext } from "./books";
import { excelNumber, naError, type FunctionError, type OutCell } from "./result";

export type OutputName = "grade" | "score" | "commission" | "riskDeposit" | "status" | "nextGrade";

/** Rule stages that produce each output: used to say "this rulebook does not compute X" and to filter EXPLAIN. */
export const OUTPUT_STAGES: Record<OutputName, string[]> = {
  grade: ["grade", "status"],
  score: ["scoreItem", "scoreTotal"],
  commission: ["pay"],
  riskDeposit: ["riskDeposit"],
  status: ["trigger", "status"],
  nextGrade: ["grade"],
};

export const OUTPUT_NAMES: Record<OutputName, { zh: string; en: string }> = {
  grade: { zh: "等级", en: "grade" },
  score: { zh: "考核得分", en: "score" },
  commission: { zh: "提成", en: "commission" },
  riskDeposit: { zh: "风险抵押金", en: "risk deposit" },
  status: { zh: "考核状态", en: "status" },
  nextGrade: { zh: "距下一等级", en: "gap to next grade" },
};

/** Header cells of each output when the answer lines up with a table that has its header row. */
export const OUTPUT_HEADERS: Record<OutputName, string[]> = {
  grade: ["等级"],
  score: ["考核得分"],
  commission: ["提成(元)"],
  riskDeposit: ["风险金本期(元)", "风险金余额(元)"],
  status: ["考核状态"],
  nextGrade: ["距下一等级"],
};

/** Rule kinds that work out what is missing for the next grade (B002-GRADE-RESULT's ladder). */
const NEXT_GRADE_KINDS = new Set(["gradeLadder"]);

function computesNextGrade(book: CompiledRulebook): boolean {
  return book.rules.some((r) => NEXT_GRADE_KINDS.has(r.kind.kind));
}

const unavailableFor = (json: ManagerResultJson, output: string) => (json.unavailable ?? []).some((u) => u.output === output);

export function computes(book: CompiledRulebook, output: OutputName): boolean {
  return book.rules.some((r) => OUTPUT_STAGES[output].includes(r.kind.stage));
}

function missing(ctx: BookContext, json: ManagerResultJson, output: OutputName): FunctionError {
  const u = (json.unavailable ?? []).find((x) => x.output === output);
  const name = OUTPUT_NAMES[output];
  if (u) return naError(`${name.zh}无法计算:${u.zh} [${u.rule}]`, `${name.en} not available: ${u.en} [${u.rule}]`);
  if (output === "nextGrade" ? !computesNextGrade(ctx.book) : !computes(ctx.book, output)) {
    return naError(`规则集 ${ctx.book.doc.id} 不计算${name.zh}`, `rulebook ${ctx.book.doc.id} does not compute a ${name.en}`);
  }
  return naError(`本期没有${name.zh}(见 KHJL.EXPLAIN)`, `no ${name.en} for this period (see KHJL.EXPLAIN)`);
}

const gradeName = (book: CompiledRulebook, id: string) => book.doc.grades.find((g) => g.id === id)?.zh ?? id;

/** The cells of one output for one appraised row (two cells for the risk deposit: this period's withholding, balance). */
export function outputCells(ctx: BookContext, json: ManagerResultJson, output: OutputName): OutCell[] {
  switch (output) {
    case "grade":
      // A grade the grade stage could not judge is not replaced by the appointed grade the status stage carries.
      if (unavailableFor(json, "grade")) return [missing(ctx, json, output)];
      if (json.grade !== undefined) return [gradeName(ctx.book, json.grade)];
      // The grade stage ran and no grade qualifies (B002-GRADE-RESULT): "" is Excel's "no value", EXPLAIN says why.
      if (json.attainedGrade === null && !(json.unavailable ?? []).some((u) => u.output === "grade")) return [""];
      return [missing(ctx, json, output)];
    case "score":
      return [json.score !== undefined ? excelNumber(json.score) : missing(ctx, json, output)];
    case "commission":
      return [json.commission !== undefined ? excelNumber(json.commission) : missing(ctx, json, output)];
    case "riskDeposit":
      if (json.riskDeposit) return [excelNumber(json.riskDeposit.withheld), excelNumber(json.riskDeposit.balance)];
      return [missing(ctx, json, output), missing(ctx, json, output)];
    case "status": {
      if (json.status === undefined) return [missing(ctx, json, output)];
      // The plain label, so IF/COUNTIF can compare it; conditions that could not be judged are listed by EXPLAIN.
      return [statusLabels(ctx.book).get(json.status) ?? json.status];
    }
    case "nextGrade":
      if (unavailableFor(json, "grade")) return [missing(ctx, json, "grade")];
      if (json.nextGrade) return [nextGradeText(ctx.book, json, SEE_EXPLAIN)];
      if (!computesNextGrade(ctx.book)) return [missing(ctx, json, output)];
      // The grade attained is the rulebook's highest: nothing is missing.
      if (json.attainedGrade !== undefined && json.attainedGrade === ctx.book.doc.grades[0]?.id) return ["已是最高等级"];
      return [missing(ctx, json, output)];
  }
}
