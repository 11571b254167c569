/**
 * Two-row headers (issue 16, item 11): a merged group cell such as `存款(万元)` over 日均存款 and 基数存款. In cell
 * arrays — the file reader's, and Excel's `range.values` in the taskpane and the functions — the merged cell's value
 * sits in its first column and the cells it covers are blank. Each sub-column is read with the group's unit (a
 * sub's own unit wins; two that differ are an error at the sub's cell), a column named only in the top row keeps
 * its name, and a column that cannot be read is reported at its own cell with what to do, never dropped with one
 * note for the whole group. A first data row is never taken for a header row.
 */
import { useDocumentStore } from "../../src/functions/books";
import * as impl from "../../src/functions/impl";
import { clearMemo } from "../../src/functions/memo";
import { FunctionError } from "../../src/functions/result";
import { compileRulebook } from "../../src/engine/rulebook/compile";
import { mapWorkbook, validateWorkbook, type CellValue, type WorkbookValues } from "../../src/workbook";
import { cm, h003, roster } from "./helpers";

const ID = "0103001";
const problems = (m: { problems: Array<{ address: string; severity: string; code: string }> }) => m.problems.map((p) => `${p.address} ${p.severity} ${p.code}`);
/** The values read for the manager, period by period. */
const values = (m: ReturnType<typeof mapWorkbook>) =>
  Object.fromEntries((m.input.managers.find((x) => x.id === ID)?.history ?? []).map((h) => [h.period, Object.fromEntries(Object.entries(h.values).map(([k, v]) => [k, v!.toFixed()]))]));

interface Case {
  name: string;
  /** The 月度指标 sheet (the roster has 0103001, a CM). */
  sheet: CellValue[][];
  problems: string[];
  /** Values read per period (money in 元, rates as fractions), as decimal text. */
  read: Record<string, Record<string, string>>;
  book?: (sheet: CellValue[][]) => WorkbookValues;
}

const withRoster = (sheet: CellValue[][]): WorkbookValues => ({ 花名册: roster(cm(ID)), 月度指标: sheet });

const CASES: Case[] = [
  {
    name: "merged groups with units: each sub-column takes its group's unit; top-row names keep theirs",
    sheet: [
      ["工号", "姓名", "期间", "存款(万元)", "", "贷款(万元)", "月收入(元)"],
      ["", "", "", "日均存款", "基数存款", "日均贷款", ""],
      [ID, "张三", "2026-05", 1200, 800, 500, 5000],
    ],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", baseDeposits: "8000000", avgLoans: "5000000", income: "5000" } },
  },
  {
    name: "a group over a single column",
    sheet: [["工号", "期间", "存款(万元)", "月收入"], ["", "", "日均存款", ""], [ID, "2026-05", 1200, 5000]],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", income: "5000" } },
  },
  {
    name: "a sub-column's own unit wins over a group without one; the same unit written twice is no conflict",
    sheet: [
      ["工号", "期间", "存款", "", "贷款(万元)"],
      ["", "", "日均存款(万元)", "基数存款(元)", "日均贷款(万)"],
      [ID, "2026-05", 1200, 800, 500],
    ],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", baseDeposits: "800", avgLoans: "5000000" } },
  },
  {
    name: "a sub-column's unit that conflicts with its group's is an error at the sub's cell; its neighbour is read",
    sheet: [["工号", "期间", "存款(万元)", ""], ["", "", "日均存款(元)", "基数存款"], [ID, "2026-05", 1200, 800]],
    problems: ["月度指标!C2 error unitMismatch"],
    read: { "2026-05": { baseDeposits: "8000000" } },
  },
  {
    name: "the group's name qualifies its subs: 存款 over 余额 is the deposit balance, 贷款 over 日均 the average loans",
    sheet: [
      ["工号", "期间", "存款(万元)", "", "", "贷款(万元)"],
      ["", "", "日均", "余额", "基数", "日均"],
      [ID, "2026-05", 1200, 1500, 800, 500],
    ],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", balanceDeposits: "15000000", baseDeposits: "8000000", avgLoans: "5000000" } },
  },
  {
    name: "a row of units under the names: each applies to the column above",
    sheet: [["工号", "期间", "日均存款", "收贷收息率", "月收入"], ["", "", "万元", "%", "元"], [ID, "2026-05", 1200, 99.8, 5000]],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", collectionRate: "0.998", income: "5000" } },
  },
  {
    name: "another field's name under a field: 新增 under 日均存款 is the new average deposits",
    sheet: [["工号", "期间", "日均存款(万元)"], ["", "", "新增"], [ID, "2026-05", 300]],
    problems: [],
    read: { "2026-05": { newAvgDeposits: "3000000" } },
  },
  {
    name: "a standard field the format-2 rulebook does not declare, under a group: noted at the sub's cell as such",
    sheet: [["工号", "期间", "存款(万元)", ""], ["", "", "日均存款", "上年日均存款"], [ID, "2026-05", 1200, 1000]],
    problems: ["月度指标!D2 info unknownColumn"],
    read: { "2026-05": { avgDeposits: "12000000" } },
  },
  {
    name: "sub-columns that name no field: each is reported at its own cell, the rest is read",
    sheet: [["工号", "期间", "存款(万元)", "", "月收入"], ["", "", "本月", "上月", ""], [ID, "2026-05", 1200, 800, 5000]],
    problems: ["月度指标!C2 warning unknownColumn", "月度指标!D2 warning unknownColumn"],
    read: { "2026-05": { income: "5000" } },
  },
  {
    name: "a group whose own column has no name in the second row: that column is reported, the next one read",
    sheet: [["工号", "期间", "存款(万元)", "", "月收入"], ["", "", "", "基数存款", ""], [ID, "2026-05", 1200, 800, 5000]],
    problems: ["月度指标!C1 warning unknownColumn"],
    read: { "2026-05": { baseDeposits: "8000000", income: "5000" } },
  },
  {
    name: "a field over a remark in its own column: read as the field, the remark noted",
    sheet: [
      ["工号", "期间", "日均存款(万元)", "存款(万元)"],
      ["", "", "含协议存款", "基数存款"],
      [ID, "2026-05", 1200, 800],
    ],
    problems: ["月度指标!C2 info unknownColumn"],
    read: { "2026-05": { avgDeposits: "12000000", baseDeposits: "8000000" } },
  },
  {
    name: "a merged group whose second header row is missing: the group and each blank-headed column under it are reported",
    sheet: [["工号", "期间", "存款(万元)", "", "月收入"], [ID, "2026-05", 1200, 800, 5000]],
    problems: ["月度指标!C1 warning unknownColumn", "月度指标!D1 warning unknownColumn"],
    read: { "2026-05": { income: "5000" } },
  },
  {
    name: "a first data row that looks like a header row (field names in its cells) is data: it has a staff id",
    sheet: [
      ["工号", "姓名", "期间", "日均存款(万元)", "基数存款(万元)"],
      [ID, "日均存款", "2026-05", "基数存款", 800],
    ],
    problems: ["月度指标!D2 error notNumber"],
    read: { "2026-05": { baseDeposits: "8000000" } },
  },
  {
    name: "a first data row without a staff id but with a name and a period is data too, not a second header row",
    sheet: [
      ["工号", "姓名", "期间", "存款(万元)", "", "月收入"],
      ["", "张三", "2026-05", "日均存款", "基数存款", 5000],
      [ID, "张三", "2026-06", 1200, 800, 5000],
    ],
    problems: ["月度指标!D1 warning unknownColumn", "月度指标!E1 warning unknownColumn", "月度指标!A2 error blankRequired"],
    read: { "2026-06": { income: "5000" } },
  },
  {
    name: "a first data row of text under a group, with its figures typed as text, is data",
    sheet: [
      ["工号", "期间", "存款(万元)", "", "月收入"],
      ["", "", "日均存款", "基数存款", "5,000"],
      [ID, "2026-06", 1200, 800, 5000],
    ],
    problems: ["月度指标!C1 warning unknownColumn", "月度指标!D1 warning unknownColumn", "月度指标!A2 error blankRequired"],
    read: { "2026-06": { income: "5000" } },
  },
  {
    name: "a sheet found by its name, a title row naming the period above the two-row header",
    sheet: [
      ["2026年5月 客户经理考核表"],
      ["工号", "姓名", "存款(万元)", "", "月收入(元)"],
      ["", "", "日均存款", "基数存款", ""],
      [ID, "张三", 1200, 800, 5000],
    ],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", baseDeposits: "8000000", income: "5000" } },
  },
  {
    name: "a sheet found by its headers (named 城东支行), with a title row, vertically merged 工号 and 期间, and the groups",
    sheet: [
      ["城东支行 客户经理业绩"],
      ["工号", "期间", "存款(万元)", "", "贷款(万元)"],
      ["", "", "日均存款", "基数存款", "日均贷款"],
      [ID, "2026-05", 1200, 800, 500],
    ],
    book: (sheet) => ({ 花名册: roster(cm(ID)), 城东支行: sheet }),
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", baseDeposits: "8000000", avgLoans: "5000000" } },
  },
  {
    name: "names in the lower row under the groups: the group's first column and those named after it take its unit",
    sheet: [
      ["", "", "存款(万元)", "", ""],
      ["工号", "期间", "日均存款", "基数存款", "月收入(元)"],
      [ID, "2026-05", 1200, 800, 5000],
    ],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", baseDeposits: "8000000", income: "5000" } },
  },
  {
    name: "names in the lower row: a column right of a group that may or may not be under it is not read in a guessed unit",
    sheet: [
      ["", "", "存款(万元)", "", ""],
      ["工号", "期间", "日均存款", "基数存款", "月收入"],
      [ID, "2026-05", 1200, 800, 5000],
    ],
    problems: ["月度指标!E2 error unknownUnit"],
    read: { "2026-05": { avgDeposits: "12000000", baseDeposits: "8000000" } },
  },
  {
    name: "names in the lower row under a rate group: a rate to its right is not read in a guessed %, a count is",
    sheet: [
      ["", "", "考核指标(%)", "", ""],
      ["工号", "期间", "收贷收息率", "不良贷款率", "新开基本账户"],
      [ID, "2026-05", 99.8, 1.5, 3],
    ],
    problems: ["月度指标!D2 error unknownUnit"],
    read: { "2026-05": { collectionRate: "0.998", newBasicAccounts: "3" } },
  },
  {
    name: "a title row above a one-row header is not a group row: no unit is taken from it",
    sheet: [["客户经理考核表(单位:万元)"], ["工号", "期间", "日均存款(万元)", "月收入"], [ID, "2026-05", 1200, 5000]],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", income: "5000" } },
  },
  {
    name: "a title centred over a middle column, above a one-row header, is not a group row either",
    sheet: [["", "", "客户经理业绩统计表(单位:万元)"], ["工号", "期间", "日均存款(万元)", "月收入"], [ID, "2026-05", 1200, 5000]],
    problems: [],
    read: { "2026-05": { avgDeposits: "12000000", income: "5000" } },
  },
];

describe("two-row headers in cell arrays (the file reader, the taskpane's range.values)", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const book = (c.book ?? withRoster)(c.sheet);
    const mapped = mapWorkbook(book, { book: h003(), period: "2026" });
    expect(problems(mapped)).toEqual(c.problems);
    expect(values(mapped)).toEqual(c.read);
    // The validator (the pane's 校验工作簿, appraise validate) reads the same way and reports the same cells.
    const checked = validateWorkbook(book, { book: h003(), period: "2026", today: "2027-01-05" });
    for (const p of c.problems) expect(checked.findings.map((f) => `${f.address} ${f.severity} ${f.code}`)).toContain(p);
  });

  it("says at each cell what is wrong and what to do", () => {
    const byCase = (name: string) => mapWorkbook(withRoster(CASES.find((c) => c.name.startsWith(name))!.sheet), { book: h003(), period: "2026" }).problems;
    expect(byCase("a sub-column's unit that conflicts")[0].zh).toBe("「日均存款(元)」的单位「元」与其上方分组「存款(万元)」的单位「万元」不一致,该列未读取;请删去其中一个单位,或改为一致");
    expect(byCase("sub-columns that name no field").map((p) => p.zh)).toEqual([
      "两行表头中「存款(万元)」下的「本月」不是可识别的字段,该列未读取;请把这一格改为字段名(如「日均存款」「基数存款」),或改用一行表头「字段名(单位)」",
      "两行表头中「存款(万元)」下的「上月」不是可识别的字段,该列未读取;请把这一格改为字段名(如「日均存款」「基数存款」),或改用一行表头「字段名(单位)」",
    ]);
    expect(byCase("a merged group whose second header row is missing").map((p) => p.en)).toEqual([
      "\"存款(万元)\" looks like a merged group header with no second header row under it; the column is not read: in the row below, name each column under it (such as 日均存款, 基数存款)",
      "this column has no header (under the merged \"存款(万元)\"?) and is not read: name it in a second header row, or write \"field (unit)\" in this cell",
    ]);
    expect(byCase("names in the lower row: a column right")[0]).toMatchObject({
      field: "income",
      zh: expect.stringMatching(/^无法判断「月收入」是否在上方合并单元格「存款\(万元\)」之下.*请在这一格写明单位,如「月收入\(万元\)」或「月收入\(元\)」,/),
    });
    expect(byCase("names in the lower row under a rate group")[0].en).toMatch(/write its unit, e\.g\. "不良贷款率\(%\)", or put/);
    expect(byCase("a standard field the format-2 rulebook does not declare")[0].zh).toContain("prevAvgDeposits");
  });

  it("a roster with a two-row header: 风险金(万元) over 期初余额 is the opening risk deposit in 万元", () => {
    const mapped = mapWorkbook({
      花名册: [["工号", "姓名", "机构", "角色", "等级", "风险金(万元)"], ["", "", "", "", "", "期初余额"], [...cm(ID), 1.5]],
      月度指标: [["工号", "期间", "月收入"], [ID, "2026-05", 5000]],
    }, { book: h003(), period: "2026" });
    expect(problems(mapped)).toEqual([]);
    expect(mapped.input.managers[0].riskDeposit?.balance.toFixed()).toBe("15000");
  });

  it("a format-2 rulebook's own fields under groups: 业绩(万元) over 佣金, 考核(%) over 目标达成率", () => {
    const compiled = compileRulebook({
      format: "khjl-rulebook/2",
      id: "two-row-test",
      version: "1.0.0",
      name: { zh: "两行表头测试", en: "two-row header test" },
      rounding: { money: { decimals: 2, mode: "halfUp" }, points: { decimals: 2, mode: "halfUp" }, ratePercent: { decimals: 2, mode: "halfUp" } },
      fields: [
        { id: "commission", zh: "佣金收入", en: "commission", unit: "money", headers: ["佣金"] },
        { id: "hitRate", zh: "目标达成率", en: "target hit rate", unit: "rate" },
      ],
      roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }],
      rules: [{ id: "T-PAY", name: "提成", unit: "money", formula: "commission * hitRate" }],
      outputs: { pay: "T-PAY" },
    });
    if (!compiled.ok) throw new Error(compiled.problems.join("\n"));
    const mapped = mapWorkbook({
      月度指标: [["工号", "期间", "角色", "业绩(万元)", "考核(%)"], ["", "", "", "佣金", "目标达成率"], [ID, "2026-05", "客户经理", 1.5, 80]],
    }, { book: compiled.book, period: "2026-05" });
    expect(problems(mapped)).toEqual([]);
    expect(values(mapped)).toEqual({ "2026-05": { commission: "15000", hitRate: "0.8" } });
  });

  it("records where each column is named: a sub-column's problem is at its cell in the second row, data start below it", () => {
    const mapped = mapWorkbook(withRoster([
      ["工号", "期间", "存款(万元)", ""],
      ["", "", "日均存款", "基数存款"],
      [ID, "2026-05", "1,2O0", 800],
    ]), { book: h003(), period: "2026" });
    expect(problems(mapped)).toEqual(["月度指标!C3 error notNumber"]);
    expect(mapped.tables.find((t) => t.sheet === "月度指标")).toEqual({ sheet: "月度指标", kind: "records", headerRow: 0, rows: 1 });
  });
});

describe("two-row headers in the functions' ranges (KHJL.SCORE …)", () => {
  beforeEach(() => {
    clearMemo();
    useDocumentStore({ "khjl.rulebook": { id: "h003-city-bank" } });
  });
  const cellsOf = (out: unknown) => (out instanceof FunctionError ? out.zh : (out as unknown[][]).map((r) => r.map((c) => (c instanceof FunctionError ? c.zh : c))));

  // The README's branch president: growth 35 %, NPL 0, collection 99.8 %, fee growth 24 % scores 118.00 — here the
  // rates sit under a merged 考核指标(%), so 35 is read as 35 % only if the group's unit reaches the sub-column.
  const TOP = ["工号", "期间", "角色", "考核指标(%)", "", "", "", "存款(万元)", ""];
  const SUB = ["", "", "", "存款日均增长率", "不良贷款率", "收贷收息率", "中间业务收入增长率", "日均存款", "基数存款"];
  const ROW = ["001", "2026", "支行行长", 35, 0, 99.8, 24, 5000, 4000];

  it("a range with a two-row header: the group's % reaches each rate, the answer has two header rows to line up", () => {
    expect(cellsOf(impl.scoreOf([TOP, SUB, ROW], null, null, null))).toEqual([["考核得分"], [""], [118]]);
  });

  it("a two-row header as the table argument beside a rows argument", () => {
    expect(cellsOf(impl.scoreOf([TOP, SUB], [ROW], null, null))).toEqual([[118]]);
  });

  it("a bad cell in a data row is located at its range row (the third), with its column's two header cells", () => {
    const out = impl.scoreOf([TOP, SUB, ROW.map((v, i) => (i === 3 ? "3S" : v))], null, null, null) as unknown[][];
    expect((out[2][0] as FunctionError).zh).toBe("区域第 3 行「考核指标(%) / 存款日均增长率」:存款日均增长率为文本 \"3S\",不是数字,未读取");
  });

  it("a value Excel cannot give (NaN) fails its own row's answer, under a one-row and a two-row header alike", () => {
    const H = ["工号", "期间", "角色", "存款日均增长率", "不良贷款率", "收贷收息率", "中间业务收入增长率"];
    const good = ["002", "2026", "支行行长", 0.35, 0, 0.998, 0.24];
    expect(cellsOf(impl.scoreOf([H, ["001", "2026", "支行行长", NaN, 0, 0.998, 0.24], good], null, null, null))).toEqual([
      ["考核得分"], ["区域第 2 行第 4 列的值无法读取(非有限数字)"], [118],
    ]);
    expect(cellsOf(impl.scoreOf([TOP, SUB, ROW.map((v, i) => (i === 3 ? NaN : v)), ROW.map((v, i) => (i === 0 ? "002" : v))], null, null, null))).toEqual([
      ["考核得分"], [""], ["区域第 3 行第 4 列的值无法读取(非有限数字)"], [118],
    ]);
  });

  it("a range of the two header rows only, and two rows that are not one header beside rows, are refused with the reason", () => {
    expect(cellsOf(impl.scoreOf([TOP, SUB], null, null, null))).toBe("表格只有两行表头,没有数据行");
    expect(cellsOf(impl.scoreOf([TOP, ROW], [ROW], null, null))).toBe("给出数据行参数时,表格参数应为一行表头(或两行合并表头)(现为 2 行)");
  });

  it("a first data row is not taken for a second header row: the one-row answer lines up as before", () => {
    const H = ["工号", "期间", "角色", "存款日均增长率", "不良贷款率", "收贷收息率", "中间业务收入增长率"];
    expect(cellsOf(impl.scoreOf([H, ["001", "2026", "支行行长", 0.35, 0, 0.998, 0.24]], null, null, null))).toEqual([["考核得分"], [118]]);
  });
});
