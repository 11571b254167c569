/**
 * The formula language (docs/rulebook-language.md, 公式): Excel's syntax with exact decimal semantics. Each row is
 * a formula and the value it must give, worked by hand.
 */
import { Dec } from "../../../src/engine/decimal";
import { Missing } from "../../../src/engine/lang/values";
import { count, evaluate, money, rate, shown, type Bindings } from "./scope";

const B: Bindings = {
  收贷收息率: rate("0.998"),
  日均存款: money("12345678.90"),
  基数存款: money("10000000"),
  开户数: count(5),
  空值: { type: rate(0).type, at: new Missing("na", "缺少收贷收息率(collectionRate)", "missing collection rate (collectionRate)") },
};

describe("formulas: arithmetic in exact decimals", () => {
  it.each([
    // (99.8 − 99.5) / 0.1 is exactly 3 in decimal; binary floats give 2.9999999999999716 (H003-CONV-DECIMAL).
    ["(99.8 - 99.5) / 0.1", "3"],
    ["TRUNC((收贷收息率 - 99.5%) / 0.1%)", "3"],
    ["MIN(30, MAX(0, 20 + 2 * TRUNC((收贷收息率 - 99.5%) / 0.1%)))", "26"],
    ["800万", "8000000"],
    ["1.2亿", "120000000"],
    ["800万元", "8000000"],
    ["30%", "0.3"],
    ["-2^2", "4"], // Excel: negation binds tighter than ^
    ["2^3^2", "64"], // Excel: ^ is left to right
    ["5%%", "0.0005"],
    ["10 - 2 - 3", "5"],
    ["2 + 3 * 4", "14"],
    ["(2 + 3) * 4", "20"],
    ["ROUND(2.345, 2)", "2.35"],
    ["ROUND(-2.345, 2)", "-2.35"], // half away from zero, as Excel
    ["ROUND(1234.5, -2)", "1200"],
    ["ROUNDUP(2.341, 2)", "2.35"],
    ["ROUNDDOWN(2.349, 2)", "2.34"],
    ["TRUNC(-2.7)", "-2"],
    ["INT(-2.7)", "-3"],
    ["FLOOR(0.327, 1%)", "0.32"],
    ["CEILING(0.321, 1%)", "0.33"],
    ["MROUND(7, 5)", "5"],
    ["MOD(-7, 3)", "2"],
    ["ABS(-3.5)", "3.5"],
    ["日均存款 / 10000", "1234.56789"],
    ["(日均存款 - 基数存款) / 基数存款", "0.23456789"],
    ["开户数 * 20", "100"],
    ["SUM(1, 2, 3.5)", "6.5"],
    ["AVERAGE(1, 2, 4)", "2.333333333333333333333333333333333333333"],
    ["1 / 3 * 3", "0.9999999999999999999999999999999999999999"],
  ])("%s = %s", (formula, expected) => {
    expect(shown(evaluate(formula, B))).toBe(expected);
  });

  it("full-width punctuation and ≥ typed with a Chinese input method read as ASCII", () => {
    expect(shown(evaluate("MAX(1,2)", B))).toBe("2");
    expect(shown(evaluate("收贷收息率 ≥ 99.5%", B))).toBe("TRUE");
    expect(shown(evaluate("3 × 4 ÷ 2", B))).toBe("6");
  });
});

describe("formulas: conditions", () => {
  it.each([
    ["收贷收息率 >= 99.5%", "TRUE"],
    ["收贷收息率 < 99%", "FALSE"],
    ["收贷收息率 = 0.998", "TRUE"],
    ["收贷收息率 <> 0.998", "FALSE"],
    ["IF(收贷收息率 >= 99.5%, 20, 0)", "20"],
    ["IF(FALSE, 1)", "FALSE"],
    ["AND(TRUE, 1 > 0)", "TRUE"],
    ["OR(FALSE, 1 > 2)", "FALSE"],
    ["NOT(1 > 2)", "TRUE"],
    ["IFS(开户数 >= 10, \"A\", 开户数 >= 5, \"B\")", "B"],
    ["SWITCH(\"proRata\", \"completedSteps\", 1, \"proRata\", 2, 3)", "2"],
    ["SWITCH(\"other\", \"completedSteps\", 1, 3)", "3"],
    ["\"a\" & 1 & TRUE", "a1TRUE"],
  ])("%s = %s", (formula, expected) => {
    expect(shown(evaluate(formula, B))).toBe(expected);
  });
});

describe("formulas: a missing value is never guessed", () => {
  it.each([
    ["空值 + 1", "#N/A"],
    ["空值 >= 99.5%", "#N/A"],
    ["IF(空值 >= 99.5%, 20, 0)", "#N/A"],
    ["SUM(1, 空值)", "#N/A"],
    ["AND(FALSE, 空值 > 1%)", "FALSE"], // decided whatever the unknown is (three-valued, as FEEL)
    ["AND(TRUE, 空值 > 1%)", "#N/A"],
    ["OR(TRUE, 空值 > 1%)", "TRUE"],
    ["IFNA(空值, 0)", "0"],
    ["ISNA(空值)", "TRUE"],
    ["ISNA(1)", "FALSE"],
    ["IF(ISNA(空值), 20, 空值 * 100)", "20"],
    ["1 / 0", "#VALUE!"],
    ["NA(\"未设置\", \"not set\")", "#N/A"],
    ["ERROR(\"基数存款必须大于 0\", \"base deposits must be > 0\")", "#VALUE!"],
  ])("%s → %s", (formula, expected) => {
    expect(shown(evaluate(formula, B))).toBe(expected);
  });

  it("the reason of the first missing value is carried to the result", () => {
    const v = evaluate("空值 * 2 + 1", B) as Missing;
    expect(v.en).toBe("missing collection rate (collectionRate)");
  });
});

describe("formulas: checked when the rulebook loads", () => {
  it.each([
    ["日均存款 > 30%", "不能比较金额(元)与比率(单位不同)"],
    ["日均存款 + 开户数", "加法两边单位不一致:金额(元)与个数"],
    ["日均存款 * 日均存款", "金额(元)乘以金额(元)没有意义"],
    ["未知字段 + 1", "未定义的名称“未知字段”"],
    ["FOO(1)", "未知函数 FOO"],
    ["ROUND(1, 2, 3)", "ROUND 需要 1 到 2 个参数,这里有 3 个"],
    ["IF(1, 2, 3)", "IF 的第 1 个参数应为条件(TRUE/FALSE),却是数"],
    ["MIN(30%, 日均存款)", "MIN 的参数单位不一致"],
    ["IF(TRUE, 日均存款, 30%)", "IF 的两个结果类型或单位不一致"],
    ["\"a\" + 1", "+ 两边应为数值或日期"],
  ])("%s is refused: %s", (formula, message) => {
    const r = evaluate(formula, B) as { problem: string };
    expect(r.problem).toContain(message);
  });

  it.each([
    ["(1 + 2", "缺少右括号 )"],
    ["1 +", "公式不完整"],
    ["1 2", "多余的内容"],
    ["\"abc", "文本缺少结尾的引号"],
    ["800万x", "数字后紧跟名称"],
    ["1 # 2", "无法识别的字符“#”"],
    ["MIN(1 2)", "参数之间缺少逗号"],
  ])("syntax: %s → %s", (formula, message) => {
    const r = evaluate(formula, B) as { problem: string };
    expect(r.problem).toContain(message);
  });

  it("a syntax problem names its character position", () => {
    expect((evaluate("MIN(1, (2 + 3)", B) as { problem: string }).problem).toBe("第 15 个字符处函数 MIN 的参数之间缺少逗号,或缺少右括号 )");
  });
});

describe("formulas: dates (Excel's names)", () => {
  it.each([
    ["DATE(2025, 8, 31) + 7", "2025-09-07"],
    ["EDATE(DATE(2025, 8, 31), 6)", "2026-02-28"],
    ["EOMONTH(DATE(2025, 2, 10), 0)", "2025-02-28"],
    ["DATE(2025, 3, 10) - DATE(2025, 3, 3)", "7"],
    ["WORKDAY(DATE(2025, 5, 2), 1)", "2025-05-05"],
    // An adjusted working day (调休上班日, the fourth argument) is worked though it is a Sunday.
    ["WORKDAY(DATE(2025, 4, 25), 1, DATE(2025, 5, 1), DATE(2025, 4, 27))", "2025-04-27"],
    ["WORKDAY(DATE(2025, 4, 30), 1, DATE(2025, 5, 1), DATE(2025, 4, 27))", "2025-05-02"],
    ["WORKDAY(DATE(2025, 4, 25), 1, , DATE(2025, 4, 26))", "2025-04-26"],
    ["NETWORKDAYS(DATE(2025, 3, 3), DATE(2025, 3, 9))", "5"],
    ["WEEKDAY(DATE(2025, 5, 3))", "7"],
    ["WEEKDAY(DATE(2025, 5, 3), 2)", "6"],
    ["DATEDIF(DATE(2025, 1, 31), DATE(2025, 2, 28), \"M\")", "0"],
    ["DATEDIF(DATE(2025, 1, 1), DATE(2026, 7, 1), \"M\")", "18"],
    ["YEAR(DATE(2026, 10, 1))", "2026"],
    ["PERIODSTART()", "2026-10-01"],
    ["PERIODEND()", "2026-10-31"],
    ["PERIODEND(\"2026-Q1\")", "2026-03-31"],
    ["PERIODKIND()", "month"],
  ])("%s = %s", (formula, expected) => {
    expect(shown(evaluate(formula, B))).toBe(expected);
  });
});

describe("formulas: lists and blanks", () => {
  it.each([
    ["ROWS(SEQUENCE(3))", "3"],
    ["SUM(SEQUENCE(3))", "6"],
    ["SUM(SEQUENCE(3, 1, 2, 2))", "12"],
    ["INDEX(SEQUENCE(3, 1, 0.5, 0.25), 3)", "1"],
    // Consecutive dates from a start date (the days a deadline rolled over).
    ["INDEX(SEQUENCE(3, 1, DATE(2025, 5, 3)), 3)", "2025-05-05"],
    ["ROWS(SEQUENCE(0))", "#VALUE!"],
    ["ROWS(SEQUENCE(2, 2))", "#VALUE!"],
    // BLANK() is an empty cell: it does not apply, SUM and COUNT skip it, ISBLANK holds.
    ["ISBLANK(BLANK())", "TRUE"],
    ["SUM(1, BLANK())", "1"],
    ["COUNT(1, BLANK())", "1"],
    ["IFNA(BLANK(), 5)", "5"],
    ["IF(FALSE, 1, BLANK())", "#N/A"],
  ])("%s = %s", (formula, expected) => {
    expect(shown(evaluate(formula, B))).toBe(expected);
  });
});

describe("formulas: Excel numbers never pass through binary floating point", () => {
  it("0.1 + 0.2 = 0.3 exactly", () => {
    expect((evaluate("0.1 + 0.2", B) as Dec).eq("0.3")).toBe(true);
  });
});
