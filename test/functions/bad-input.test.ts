/**
 * Every function with valid input and with each kind of bad input (text, blank, error value, boolean, negative, huge,
 * date, wrong-shaped range), and the exact error and message it returns. #VALUE! is input to fix; #N/A is a rulebook
 * or figure that is not available. Never NaN, never an uncaught exception, never a silent 0.
 */
import { useDocumentStore } from "../../src/functions/books";
import * as impl from "../../src/functions/impl";
import { clearMemo } from "../../src/functions/memo";
import { FunctionError } from "../../src/functions/result";

const H = ["工号", "期间", "角色", "等级", "日均存款(万元)", "不良贷款率", "月收入(元)"];
const OK = ["001", "2026-03", "客户经理", "中级客户经理", 800, 0.01, 9000];
const withCell = (col: number, v: unknown) => OK.map((x, i) => (i === col ? v : x));
const ERR = (code: string) => ({ code, message: "" }); // what CustomFunctions passes for an error cell

beforeEach(() => {
  clearMemo();
  useDocumentStore({ "khjl.rulebook": { id: "h003-city-bank" } });
});

const err = (x: unknown) => (x instanceof FunctionError ? { code: x.code, zh: x.zh, en: x.en } : x);

describe("a bad cell in a table row fails that row's answer, with the row and the column's own header", () => {
  it.each([
    ["text number", withCell(4, "1,2O0"), "区域第 2 行「日均存款(万元)」:日均存款为文本 \"1,2O0\",不是数字(字母 O/l 可能应为数字 0/1,即 1200),未读取", "range row 2 (日均存款(万元)): avgDeposits is text \"1,2O0\", not a number (the letters O/l may be the digits 0/1: 1200); not read"],
    ["boolean", withCell(4, true), "区域第 2 行「日均存款(万元)」:日均存款是逻辑值,不是数字,未读取", "range row 2 (日均存款(万元)): avgDeposits is a boolean, not a number; not read"],
    ["negative", withCell(4, -5), "区域第 2 行「日均存款(万元)」:日均存款为负数 -5,该项不能为负,未读取", "range row 2 (日均存款(万元)): avgDeposits is negative (-5) and must not be; not read"],
    ["date", withCell(4, new Date(Date.UTC(2026, 2, 1))), "区域第 2 行「日均存款(万元)」:日均存款是日期,不是数字,未读取", "range row 2 (日均存款(万元)): avgDeposits is a date, not a number; not read"],
    ["error value", withCell(4, ERR("#N/A")), "区域第 2 行「日均存款(万元)」:日均存款为错误值 #N/A,未读取", "range row 2 (日均存款(万元)): avgDeposits holds the error value #N/A and is not read"],
    ["rate typed as 35 (G001-RATE-ROUNDING units)", withCell(5, 35), "区域第 2 行「不良贷款率」:不良贷款率为 35,看似按百分数填写(比率应为小数:35% 即 0.35,或设为百分比格式),未读取;建议改为 0.35", "range row 2 (不良贷款率): nplRatio is 35, which looks like percent units (rates are fractions: 35% is 0.35, or format the cell as %); not read; suggested value 0.35"],
    ["blank staff id", withCell(0, null), "区域第 2 行「工号」:工号为空,此行未读取", "range row 2 (工号): the staff id is blank; the row is not read"],
    ["19-digit staff id stored as a number", withCell(0, 1234567890123456789), "区域第 2 行「工号」:工号 1234567890123456768 是 19 位的数字单元格:Excel 只保留 15 位有效数字,末位已丢失;请把工号列设为文本后重新录入", "range row 2 (工号): staff id 1234567890123456768 is a number cell with 19 digits: Excel keeps only 15 significant digits, so the last ones are lost; format the column as text and re-enter it"],
    ["period that is no month", withCell(1, "2026-13"), "区域第 2 行「期间」:期间 \"2026-13\" 无法识别(应为 2026-01、2026 或 2026-Q1 等),此行未读取", "range row 2 (期间): period \"2026-13\" is not understood (write 2026-01, 2026 or 2026-Q1); the row is not read"],
    ["grade not in the rulebook", withCell(3, "特级"), "区域第 2 行「等级」:等级「特级」不是规则集 h003-city-bank 的等级(可用:高级客户经理(senior)、中级客户经理(intermediate)、初级客户经理(junior))", "range row 2 (等级): grade \"特级\" is not a grade of h003-city-bank"],
  ])("%s", (_, row, zh, en) => {
    for (const fn of [impl.gradeOf, impl.scoreOf, impl.commissionOf, impl.riskDepositOf, impl.demotionOf, impl.nextGradeOf]) {
      const out = fn([H, row, OK.map((x, i) => (i === 0 ? "002" : x))], null, null, null) as unknown[][];
      expect(out[1].map(err)).toEqual(out[1].map(() => ({ code: "#VALUE!", zh, en })));
      expect(out[2].every((c) => !(c instanceof FunctionError) || c.code === "#N/A")).toBe(true); // the good row is not spoiled
    }
  });

  it("a bad month spoils the later answers of the same manager, which are computed from it, and says so", () => {
    const rows = [H, withCell(4, "abc"), OK.map((x, i) => (i === 1 ? "2026-04" : x)), OK.map((x, i) => (i === 1 ? "2026-02" : x))];
    const out = impl.demotionOf(rows, null, null, null) as unknown[][];
    expect(err(out[2][0])).toMatchObject({ code: "#VALUE!", zh: expect.stringMatching(/^工号 001 在 2026-03 的数据有误,无法计算/) });
    expect(out[3][0]).not.toBeInstanceOf(FunctionError); // February comes before the bad March: still answered
  });
});

describe("bad arguments to the table functions", () => {
  it.each<[string, unknown[], string, string]>([
    ["table blank", [null], "参数 表格 不能为空", "argument table is required"],
    ["table an error value", [ERR("#REF!")], "参数 表格 是错误值 #REF!", "argument table is the error value #REF!"],
    ["table text", ["abc"], "表格只有一行:第一行应为表头,下面是数据行(或把表头和数据行分作两个参数)", "the table has one row: the first row is the header and data rows follow (or give the header and the rows as two arguments)"],
    ["table a boolean", [true], "表格只有一行:第一行应为表头,下面是数据行(或把表头和数据行分作两个参数)", "the table has one row: the first row is the header and data rows follow (or give the header and the rows as two arguments)"],
    ["table huge number", [1e308], "表格只有一行:第一行应为表头,下面是数据行(或把表头和数据行分作两个参数)", "the table has one row: the first row is the header and data rows follow (or give the header and the rows as two arguments)"],
    ["table ragged", [[[1], [2, 3]]], "参数 表格 不是矩形区域", "argument table is not a rectangular range"],
    ["rows narrower than the header", [[H], [[1, 2]]], "数据行有 2 列,表头有 7 列,应一致", "the rows have 2 columns but the header has 7"],
    ["header of two rows with rows", [[H, OK], [OK]], "给出数据行参数时,表格参数应为一行表头(或两行合并表头)(现为 2 行)", "with a rows argument, the table argument must be one header row (or a two-row merged header) (it has 2 rows)"],
    ["period a boolean (a table without 工号: each row its own manager)", [[H.slice(2), OK.slice(2)], null, true], "参数 期间 应为 2026-03、2026 或 2026-Q1 这样的期间,却是逻辑值 TRUE", "argument period must be a period such as 2026-03, 2026 or 2026-Q1, got the boolean TRUE"],
    ["period a range", [[H, OK], null, [["2026-01", "2026-02"]]], "参数 期间 必须是单个单元格或值,不能是区域", "argument period must be a single cell or value, not a range"],
    ["period negative", [[H, OK], null, -1], "参数 期间 应为 2026-03、2026 或 2026-Q1 这样的期间,却是数字 -1", "argument period must be a period such as 2026-03, 2026 or 2026-Q1, got the number -1"],
    ["period text that is no period", [[H, OK], null, "2026-13"], "参数 期间 应为 2026-03、2026 或 2026-Q1 这样的期间,却是文本 \"2026-13\"", "argument period must be a period such as 2026-03, 2026 or 2026-Q1, got the text \"2026-13\""],
    ["rulebook a number", [[H, OK], null, null, 5], "参数 规则集 应为文本,却是数字 5", "argument rulebook must be text, got the number 5"],
    ["rulebook an error value", [[H, OK], null, null, ERR("#N/A")], "参数 规则集 应为文本,却是错误值 #N/A", "argument rulebook must be text, got the error value #N/A"],
    ["no period column and no period", [[H.filter((h) => h !== "期间"), OK.filter((_, i) => i !== 1)]], "表头没有「期间」列:请填写期间参数(如 \"2026-03\"),公式不会取今天的日期", "the header has no period column: give the period argument (e.g. \"2026-03\"); formulas never use today's date"],
    ["no role column in a rulebook with several roles", [[H.filter((h) => h !== "角色"), OK.filter((_, i) => i !== 2)]], "表头缺少「角色」列:规则集 h003-city-bank 有多个角色(president(支行行长/营业部总经理)、cm(客户经理)、agent(业务代办员)),需逐行写明", "the header has no role column: rulebook h003-city-bank has several roles (president, cm, agent), so each row must say which"],
  ])("%s → #VALUE!", (_, args, zh, en) => {
    const out = impl.gradeOf(...(args as [unknown, unknown, unknown, unknown]));
    expect(out).toBeInstanceOf(FunctionError);
    expect(err(out)).toEqual({ code: "#VALUE!", zh, en });
  });

  it("an unknown rulebook is #N/A listing the built-in ones", () => {
    expect(err(impl.gradeOf([H, OK], null, null, "nope"))).toEqual({
      code: "#N/A",
      zh: "没有编号为 \"nope\" 的规则集(内置:h003-city-bank、b002-bank-grades、c000-credit-coop、c000-snip-brokerage、c000-snip-venue、g-general)",
      en: "no rulebook \"nope\" (built-in: h003-city-bank, b002-bank-grades, c000-credit-coop, c000-snip-brokerage, c000-snip-venue, g-general)",
    });
  });

  it("no rulebook chosen and none given is #N/A that says where to choose one", () => {
    useDocumentStore({});
    expect(err(impl.scoreOf([H, OK], null, null, null))).toMatchObject({ code: "#N/A", zh: expect.stringContaining("本工作簿尚未选择考核规则集") });
  });

  it("a date-formatted period cell (Excel passes its serial number) means that date's month", () => {
    const noPeriod = [H.filter((h) => h !== "期间"), OK.filter((_, i) => i !== 1)];
    expect(impl.gradeOf(noPeriod, null, 46082, null)).toEqual(impl.gradeOf(noPeriod, null, "2026-03", null)); // 46082 = 2026-03-01
  });

  it("a figure the rulebook does not compute is #N/A saying so (H003 has no grade ladder to measure a gap on)", () => {
    const out = impl.nextGradeOf([H, OK], null, null, null) as unknown[][];
    expect(err(out[1][0])).toEqual({ code: "#N/A", zh: "规则集 h003-city-bank 不计算距下一等级", en: "rulebook h003-city-bank does not compute a gap to next grade" });
  });

  it("EXPLAIN rejects an unknown output name and language", () => {
    expect(err(impl.explainOf([H, OK], null, null, null, null, "foo", null))).toMatchObject({ code: "#VALUE!", en: "argument what must be one of grade, score, commission, riskDeposit, status, nextGrade (or empty for all), got \"foo\"" });
    expect(err(impl.explainOf([H, OK], null, null, null, null, null, "fr"))).toEqual({ code: "#VALUE!", zh: "参数 语言 应为 zh、en 或 both,却是 \"fr\"", en: "argument language must be zh, en or both, got \"fr\"" });
  });
});

describe("COMPLETION (G001-COMPLETION-RATE) with each kind of input", () => {
  const one = (a: unknown, p: unknown) => {
    const out = impl.completionOf(a, p, null);
    return out instanceof FunctionError ? err(out) : (out as unknown[][]).map((r) => r.map(err));
  };
  it.each<[string, unknown, unknown, unknown]>([
    ["valid: 12,402.27 / 12,100 reported to 0.01%", 12402.27, 12100, [[1.025]]],
    ["valid: 0 actual is 0%, not blank", 0, 12100, [[0]]],
    ["valid: text plan is read like a cell", 110, [["100"]], [[{ code: "#VALUE!", zh: "计划为文本 \"100\",不是数字单元格,未读取;建议改为数字 100", en: "plan is text \"100\", not a number cell, and is not read; suggested value 100" }]]],
    ["text", "abc", 1, [[{ code: "#VALUE!", zh: "实际为文本 \"abc\",不是数字,未读取", en: "actual is text \"abc\", not a number; not read" }]]],
    ["blank actual", null, 1, { code: "#VALUE!", zh: "参数 实际 不能为空", en: "argument actual is required" }],
    ["empty-text plan", 1, "", [[{ code: "#VALUE!", zh: "参数 计划 为空白", en: "argument plan is blank" }]]],
    ["error value", ERR("#DIV/0!"), 1, { code: "#VALUE!", zh: "参数 实际 是错误值 #DIV/0!", en: "argument actual is the error value #DIV/0!" }],
    ["boolean", true, 1, [[{ code: "#VALUE!", zh: "参数 实际 应为数字,却是逻辑值 TRUE", en: "argument actual must be a number, got the boolean TRUE" }]]],
    ["negative plan", 5, -1, [[{ code: "#VALUE!", zh: "计划必须大于 0(现为 -1)", en: "plan must be > 0 (got -1)" }]]],
    ["zero plan", 1, 0, [[{ code: "#VALUE!", zh: "计划为 0,无法计算完成率", en: "plan is 0" }]]],
    ["huge result", 1e308, 1e-308, [[{ code: "#VALUE!", zh: expect.stringMatching(/超出 Excel 的数值范围$/), en: expect.stringMatching(/outside Excel's number range$/) }]]],
    ["date", new Date(Date.UTC(2026, 0, 1)), 1, [[{ code: "#VALUE!", zh: "参数 实际 应为数字,却是日期", en: "argument actual must be a number, got a date" }]]],
    ["wrong-shaped ranges", [[1, 2]], [[1, 2, 3]], { code: "#VALUE!", zh: "实际(1×2)与计划(1×3)区域大小不一致", en: "actual (1×2) and plan (1×3) differ in size" }],
  ])("%s", (_, a, p, expected) => {
    expect(one(a, p)).toEqual(expected);
  });

  it("spills cell by cell over two ranges, with one plan for all, and names the cell of a bad one", () => {
    expect(one([[110], [90], ["x"]], [[100]])).toEqual([[1.1], [0.9], [{ code: "#VALUE!", zh: "第 3 行第 1 列:实际为文本 \"x\",不是数字,未读取", en: "row 3 column 1: actual is text \"x\", not a number; not read" }]]);
  });
});

describe("RULEBOOKS", () => {
  it("takes no input and lists every built-in rulebook under a header row", () => {
    const out = impl.rulebookList();
    expect(out[0]).toEqual(["id", "version", "名称"]);
    expect(out.length).toBe(7);
  });
});
