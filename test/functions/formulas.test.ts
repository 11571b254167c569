/**
 * The custom functions inside real formulas (HyperFormula, test-only), on a sheet shaped like the sample workbook:
 * each answer equals the engine's result for the same manager and period, computed the way `appraise grade` computes
 * it from the whole sample workbook (roster, records, clients); formulas compose with SUM, INDEX, IFERROR and ISERROR.
 */
import type { HyperFormula } from "hyperformula";
import { readXlsx } from "../../src/cli/xlsx/read";
import { resolveSettings } from "../../src/engine/api";
import { Dec } from "../../src/engine/decimal";
import { evaluateManager } from "../../src/engine/evaluate";
import { resultJson, type ManagerResultJson } from "../../src/engine/results";
import { loadPreset } from "../../src/engine/rulebooks";
import { useDocumentStore } from "../../src/functions/books";
import { clearMemo } from "../../src/functions/memo";
import { columnLetters, mapWorkbook, statusLabels, type CellValue } from "../../src/workbook";
import { formulaEngine } from "./hyperformula";
import { sampleTable } from "./sample-tables";

/** Pay rates the H003 seed leaves unset (h003.pay.*), chosen for the test; the workbook's active rulebook carries them. */
const H003_SETTINGS = { "h003.pay.stockRate": "3", "h003.pay.incrementRate": "8" };

async function engineResults(file: string, rulebook: string, overrides: Record<string, unknown>) {
  const book = loadPreset(rulebook);
  const settings = resolveSettings(book, overrides);
  if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
  const mapped = mapWorkbook(await readXlsx(file), { book, period: "2026" });
  const byId = new Map(mapped.input.managers.map((m) => [m.id, m]));
  // Managers with a data problem the sample was built with: a formula answers #VALUE! for them (bad-input tests).
  const withProblems = new Set(mapped.problems.filter((p) => p.severity === "error" && p.managerId !== undefined).map((p) => p.managerId!));
  const result = (id: string, period: string): ManagerResultJson => resultJson(book, evaluateManager(book, settings.value, byId.get(id)!, period));
  return { result, withProblems };
}

const cell = (v: unknown) => (v && typeof v === "object" && "type" in (v as object) ? `#${(v as { type: string }).type}` : v);

describe("H003 city bank: a records sheet with formulas beside it", () => {
  let hf: HyperFormula;
  let table: CellValue[][];
  let engine: (id: string, period: string) => ManagerResultJson;
  let last: string;
  const cols: Record<string, string> = {};

  beforeAll(async () => {
    clearMemo();
    useDocumentStore({ "khjl.rulebook": { id: "h003-city-bank", settings: H003_SETTINGS } });
    const reference = await engineResults("assets/sample-city-bank.xlsx", "h003-city-bank", H003_SETTINGS);
    engine = reference.result;
    const all = await sampleTable("assets/sample-city-bank.xlsx");
    table = all.filter((r, i) => i === 0 || !reference.withProblems.has(String(r[0])));
    expect(all.length - table.length).toBeGreaterThan(0);
    const width = table[0].length;
    last = `${columnLetters(width - 1)}${table.length}`;
    const range = `A1:${last}`;
    const formulas: Record<string, string> = {
      score: `=KHJL.SCORE(${range})`,
      commission: `=KHJL.COMMISSION(${range})`,
      deposit: `=KHJL.RISKDEPOSIT(${range})`,
      status: `=KHJL.DEMOTION(${range})`,
    };
    const sheet = table.map((r) => [...r, null, null, null, null, null]);
    Object.entries(formulas).forEach(([k, f], i) => {
      const col = width + (k === "status" ? 4 : i); // the two-column risk deposit spills into the next column
      cols[k] = columnLetters(col);
      sheet[0][col] = f;
    });
    hf = await formulaEngine({ Data: sheet, Calc: [[`=SUM(IFERROR(KHJL.COMMISSION(Data!${range}),0))`, `=INDEX(KHJL.RISKDEPOSIT(Data!${range}),3,2)`, `=COUNTIF(KHJL.DEMOTION(Data!${range}),"正常")`]] });
  });

  afterAll(() => hf.destroy());

  const at = (col: string, row: number) => cell(hf.getCellValue(hf.simpleCellAddressFromString(`Data!${col}${row}`, 0)!));

  it("spills a header row first, lined up with the table's own header", () => {
    expect([at(cols.score, 1), at(cols.commission, 1), at(cols.deposit, 1), at(columnLetters(table[0].length + 3), 1), at(cols.status, 1)])
      .toEqual(["考核得分", "提成(元)", "风险金本期(元)", "风险金余额(元)", "考核状态"]);
  });

  it("gives, row by row, the engine's score, commission, risk deposit and status (H003-SCORE-TOTAL, H003-PAY-NO-BASE-SALARY, H003-RISKDEP-WITHHOLD)", () => {
    const labels = statusLabels(loadPreset("h003-city-bank"));
    const depositBalance = columnLetters(table[0].length + 3);
    let compared = 0;
    for (let r = 1; r < table.length; r++) {
      const j = engine(String(table[r][0]), String(table[r][2]));
      const row = r + 1;
      const figure = (v: string | undefined) => (v === undefined ? "#NA" : Number(v));
      expect([r, at(cols.score, row)]).toEqual([r, figure(j.score)]);
      expect([r, at(cols.commission, row)]).toEqual([r, figure(j.commission)]);
      expect([r, at(cols.deposit, row), at(depositBalance, row)]).toEqual([r, figure(j.riskDeposit?.withheld), figure(j.riskDeposit?.balance)]);
      const status = j.status === undefined ? "#NA" : labels.get(j.status);
      expect([r, at(cols.status, row)]).toEqual([r, status]);
      compared += 1;
    }
    expect(compared).toBe(table.length - 1);
    // The sample has figures, not only #N/A: scores in annual rows, pay and deposits in monthly rows.
    const values = (col: string) => Array.from({ length: table.length - 1 }, (_, i) => at(col, i + 2));
    expect(values(cols.score).filter((v) => typeof v === "number").length).toBeGreaterThan(20);
    expect(values(cols.commission).filter((v) => typeof v === "number").length).toBeGreaterThan(100);
    expect(values(cols.deposit).filter((v) => typeof v === "number").length).toBeGreaterThan(100);
  });

  it("=SUM(IFERROR(KHJL.COMMISSION(...),0)) equals the engine's total pay to the fen", () => {
    let total = new Dec(0);
    for (let r = 1; r < table.length; r++) {
      const c = engine(String(table[r][0]), String(table[r][2])).commission;
      if (c !== undefined) total = total.plus(c);
    }
    const sum = hf.getCellValue(hf.simpleCellAddressFromString("Calc!A1", 0)!) as number;
    expect(total.gt(0)).toBe(true);
    expect(new Dec(sum).toDecimalPlaces(2).toFixed(2)).toBe(total.toFixed(2));
  });

  it("INDEX picks the balance of the third row, and COUNTIF counts 正常 in the status spill", () => {
    const j = engine(String(table[2][0]), String(table[2][2]));
    expect(cell(hf.getCellValue(hf.simpleCellAddressFromString("Calc!B1", 0)!))).toBe(Number(j.riskDeposit!.balance));
    let normal = 0;
    for (let r = 1; r < table.length; r++) if (engine(String(table[r][0]), String(table[r][2])).status === "normal") normal += 1;
    expect(hf.getCellValue(hf.simpleCellAddressFromString("Calc!C1", 0)!)).toBe(normal);
  });
});

describe("golden formulas (formula → value), the table Microsoft's function samples keep", () => {
  let hf: HyperFormula;
  const header = ["工号", "期间", "角色", "存款日均增长率", "不良贷款率", "收贷收息率", "中间业务收入增长率"];
  beforeAll(async () => {
    clearMemo();
    useDocumentStore({ "khjl.rulebook": { id: "h003-city-bank" } });
    hf = await formulaEngine({ S: [header, ["P1", "2026", "支行行长", 0.35, 0, 0.998, 0.24], ["P2", "2026", "支行行长", 0.3, 0.001, 0.995, 0.2]] });
  });
  afterAll(() => hf.destroy());

  const run = (formula: string) => {
    hf.setCellContents({ sheet: 0, row: 10, col: 0 }, formula);
    return cell(hf.getCellValue({ sheet: 0, row: 10, col: 0 }));
  };

  it.each([
    // H003-SCORE-TOTAL worked example: 50 + 30 + 26 + 12 (binary floats would give 116)
    ["=INDEX(KHJL.SCORE(A1:G3),2,1)", 118],
    ['=KHJL.SCORE($A$1:$G$1, A2:G2, , "h003-city-bank")', 118],
    ["=SUM(KHJL.SCORE(A1:G3))-INDEX(KHJL.SCORE(A1:G3),3,1)", 118],
    // G001-COMPLETION-RATE: 12,402.27 / 12,100 = 102.4981…% reported to 0.01%
    ["=KHJL.COMPLETION(12402.27, 12100)", 1.025],
    ["=KHJL.COMPLETION(0, 12100)", 0],
    ["=ISERROR(KHJL.COMPLETION(1, 0))", true],
    ['=ISERROR(KHJL.GRADE(A1:G3, , , "no-such-book"))', true],
    ["=ISNA(INDEX(KHJL.NEXTGRADE(A1:G3),2,1))", true], // H003 has no grade ladder to measure a gap on
    ["=ISNA(KHJL.GRADE(A1:G1))", false], // a one-row table is a #VALUE! (bad input), not #N/A
    ['=IFERROR(KHJL.SCORE(A1:G1), "表头下没有数据")', "表头下没有数据"],
    ['=INDEX(KHJL.RULEBOOKS(),2,1)', "h003-city-bank"],
    ['=LEFT(INDEX(KHJL.EXPLAIN(A1:G3, , , , , "score", "zh"),2,1), 30)', "[H003-SCORE-DEPOSIT-GROWTH] 存款"],
  ])("%s → %p", (formula, expected) => {
    expect(run(formula)).toEqual(expected);
  });
});
