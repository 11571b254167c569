/**
 * The third column of measurement 2: the add-in's own custom functions inside a spreadsheet engine. KHJL.SCORE
 * and KHJL.GRADE (src/functions/functions.ts) are registered in HyperFormula as a FunctionPlugin, with the same
 * dotted names a user types in Excel, and called once per row: `=KHJL.SCORE($A$1:$M$1, A2:M2, "2026")`.
 * The plugin only adapts HyperFormula's ranges to the plain 2-D arrays Excel passes; the functions are the real
 * ones, so the row goes through the header mapping, the cell checks and the engine exactly as in Excel.
 */
import { EmptyValue, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";
import * as functions from "../../src/functions/functions";
import type { ManagerResultJson } from "../../src/engine/results";
import type { RawInput } from "../gen/h003";
import { fmt, measure } from "../lib/measure";
import type { Row } from "../lib/report";

const LICENSE = "gpl-v3";
const HEADER = ["工号", "角色", "等级", "存款日均增长率", "日均存款(元)", "基数存款(元)", "新增日均存款(元)", "不良贷款率", "日均贷款(元)", "应收利息(元)", "收贷收息率", "中间业务收入增长率", "新开基本账户"];
const FIELDS = ["depositGrowth", "avgDeposits", "baseDeposits", "newAvgDeposits", "nplRatio", "avgLoans", "interestDue", "collectionRate", "feeIncomeGrowth", "newBasicAccounts"];
const ROLE_ZH: Record<string, string> = { president: "支行行长", cm: "客户经理", agent: "业务代办员" };
const GRADE_ZH: Record<string, string> = { senior: "高级客户经理", intermediate: "中级客户经理", junior: "初级客户经理" };

type Matrix = unknown[][];

function matrixOf(range: SimpleRangeValue): Matrix {
  const flat = Array.from(range.valuesFromTopLeftCorner()) as unknown[];
  const w = range.width();
  const out: Matrix = [];
  // An empty cell reaches a plugin as HyperFormula's EmptyValue symbol; Excel passes it to a custom function as "".
  for (let i = 0; i < flat.length; i += w) out.push(flat.slice(i, i + w).map((v) => (v === null || v === undefined || v === EmptyValue ? "" : v)));
  return out;
}

/** The single answer of a one-row call; an error cell ({code, zh, en}) becomes its code, as Excel would show it. */
function first(m: unknown[][]): unknown {
  const v = m[0]?.[0];
  if (v && typeof v === "object" && "code" in v) return String((v as { code: unknown }).code);
  return v === undefined || v === null ? "" : (v as string | number);
}

/** KHJL.SCORE(header, row, period) and KHJL.GRADE(header, row, period), one answer per call. */
class KhjlPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    "KHJL.SCORE": { method: "score", parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.STRING }] },
    "KHJL.GRADE": { method: "grade", parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.STRING }] },
  };

  score(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("KHJL.SCORE"), (h: SimpleRangeValue, r: SimpleRangeValue, p: string) =>
      call(() => first(functions.score(matrixOf(h), matrixOf(r), p, "h003-city-bank"))),
    );
  }

  grade(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("KHJL.GRADE"), (h: SimpleRangeValue, r: SimpleRangeValue, p: string) =>
      call(() => first(functions.grade(matrixOf(h), matrixOf(r), p, "h003-city-bank"))),
    );
  }
}

/** An error a function throws (Excel shows #VALUE!/#N/A) becomes its message, so a row that fails is visible. */
function call(fn: () => unknown): string | number {
  try {
    const v = fn();
    return typeof v === "number" || typeof v === "string" ? v : String(v);
  } catch (e) {
    return `#ERROR ${(e as Error).message}`;
  }
}

let registered = false;

function sheet(raw: RawInput): unknown[][] {
  const rows: unknown[][] = [HEADER];
  raw.managers.forEach((m, i) => {
    const rec = m.history[0] as Record<string, unknown>;
    const r = i + 2;
    rows.push([
      m.id,
      ROLE_ZH[m.role],
      m.grade ? GRADE_ZH[m.grade] : "",
      ...FIELDS.map((f) => (rec[f] === undefined ? null : Number(rec[f]))),
      `=KHJL.SCORE($A$1:$M$1,A${r}:M${r},"2026")`,
      `=KHJL.GRADE($A$1:$M$1,A${r}:M${r},"2026")`,
    ]);
  });
  return rows;
}

/** The measured row and notes for the custom-function column (or why it is pending). */
export function customFunctionColumn(raw: RawInput, runs: number, sheetSeconds: number, engine: ManagerResultJson[]): { row: Row; notes: string[] } {
  if (typeof functions.score !== "function" || typeof functions.grade !== "function") {
    return { row: { measure: "KHJL.SCORE / KHJL.GRADE in HyperFormula", figure: "pending", baseline: "", ratio: "" }, notes: ["src/functions has no KHJL.SCORE / KHJL.GRADE yet."] };
  }
  if (!registered) {
    HyperFormula.registerFunctionPlugin(KhjlPlugin, { enGB: { "KHJL.SCORE": "KHJL.SCORE", "KHJL.GRADE": "KHJL.GRADE" } });
    registered = true;
  }
  const rows = sheet(raw);
  const t = measure(() => HyperFormula.buildFromArray(rows as never, { licenseKey: LICENSE }), runs, 1);
  const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: LICENSE });
  const values = hf.getSheetValues(0);
  hf.destroy();
  const answers = values.slice(1).map((v) => [v[13], v[14]]);
  // #N/A is an answer (an agent has no score); #VALUE! or a thrown error means the row could not be read.
  const failed = (v: unknown) => String(v).startsWith("#ERROR") || v === "#VALUE!";
  const errors = answers.filter(([s, g]) => failed(s) || failed(g));
  // The functions answer in the workbook's words: the score as a number, the grade by its Chinese name, and #N/A
  // where the engine has no figure (an agent has no score and no grade under H003).
  const absent = (v: unknown) => v === "" || v === "#N/A";
  let agreed = 0;
  let firstDiff: string | undefined;
  answers.forEach(([s, g], i) => {
    const e = engine[i];
    const score = typeof s === "number" ? s.toFixed(2) : absent(s) ? undefined : String(s);
    const grade = absent(g) ? undefined : String(g);
    if (score === e.score && grade === (e.grade ? GRADE_ZH[e.grade] : undefined)) agreed++;
    else firstDiff ??= `${e.id}: functions ${String(s)} / ${String(g)}, engine ${e.score} / ${e.grade}`;
  });
  const sample = answers.slice(0, 3).map(([s, g]) => `${String(s)} / ${String(g)}`).join("; ");
  return {
    row: {
      measure: `${fmt(raw.managers.length)} rows, KHJL.SCORE + KHJL.GRADE per row in HyperFormula (the add-in's functions)`,
      figure: `${(t.median * 1000).toFixed(0)} ms`,
      baseline: `formula sheet ${(sheetSeconds * 1000).toFixed(0)} ms`,
      ratio: `${(t.median / sheetSeconds).toFixed(1)}× the formula sheet`,
    },
    notes: [
      `Custom functions: ${fmt(answers.length - errors.length)} of ${fmt(answers.length)} rows answered without an error and ${fmt(agreed)} agree with the engine's score and grade${firstDiff ? ` (first difference: ${firstDiff})` : ""}; first rows: ${sample}.${errors.length > 0 ? ` First error: ${String(errors[0][0])} ${String(errors[0][1])}` : ""}`,
    ],
  };
}
