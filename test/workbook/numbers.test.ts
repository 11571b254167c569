/**
 * Value parsing of number cells: a number cell is read exactly with the header's unit; anything else where a number
 * belongs is a problem (never silently read), with the value to type instead when one can be worked out.
 */
import { FIELDS } from "../../src/engine/fields";
import type { CellValue } from "../../src/workbook";
import { checkFieldValue, readNumberCell, type NumberColumn } from "../../src/workbook/numbers";
import { parseHeader } from "../../src/workbook/headers";

/** The column of a header, as the mapper builds it. */
function column(header: string): NumberColumn {
  const h = parseHeader(header);
  const field = h.key!.slice(6) as keyof typeof FIELDS;
  return { field, zh: FIELDS[field].zh, unit: h.unit, def: FIELDS[field] };
}

describe("number cells are read exactly, in the header's unit", () => {
  it.each<[string, CellValue, string]>([
    ["日均存款", 162000000, "162000000"],
    ["日均存款(元)", 12402.27, "12402.27"],
    ["日均存款(万元)", 1234.56, "12345600"],
    ["日均存款(万元)", 0.01, "100"],
    ["日均存款(亿元)", 1.62, "162000000"],
    ["日均存款万元", 5200, "52000000"],
    ["日均存款/万元", 5200, "52000000"],
    ["Avg deposits (10k CNY)", 5200, "52000000"],
    ["国际结算量(万美元)", 300, "3000000"],
    ["收贷收息率", 0.998, "0.998"],
    ["收贷收息率(%)", 99.8, "0.998"],
    ["存款日均增长率(%)", 35, "0.35"],
    ["新开基本账户(个)", 12, "12"],
    ["月收入(元)", -500, "-500"],
  ])("%s: %p → %s", (header, cell, expected) => {
    const read = readNumberCell(cell, column(header));
    expect(read.kind).toBe("value");
    if (read.kind === "value") expect(read.value.toFixed()).toBe(expected);
  });

  it("a blank cell is blank, not zero", () => {
    expect(readNumberCell("", column("日均存款")).kind).toBe("blank");
    expect(readNumberCell(null, column("日均存款")).kind).toBe("blank");
    expect(readNumberCell("   ", column("日均存款")).kind).toBe("blank");
  });
});

describe("text-typed numbers are problems with a suggested value (never read)", () => {
  it.each<[string, string, string, string]>([
    // header, text, code, suggested value to type
    ["日均存款", "1234.5", "textNumber", "1234.5"],
    ["日均存款", "1,234.50", "textNumber", "1234.5"],
    ["日均存款", "¥1,234.50", "textNumber", "1234.5"],
    ["日均存款", "￥1,234.50", "textNumber", "1234.5"],
    ["日均存款", "１２３４．５", "textNumber", "1234.5"],
    ["日均存款", "１，２３４", "textNumber", "1234"],
    ["日均存款", "12万", "textNumber", "120000"],
    ["日均存款", "1.2亿", "textNumber", "120000000"],
    ["日均存款(万元)", "1,200万", "textNumber", "1200"],
    ["日均存款(万元)", "1,200", "textNumber", "1200"],
    ["日均存款", "-3,000", "textNumber", "-3000"],
    ["日均存款", "(3,000)", "textNumber", "-3000"],
    ["收贷收息率", "99.8%", "textNumber", "0.998"],
    ["收贷收息率(%)", "99.8%", "textNumber", "99.8"],
    ["收贷收息率", "0.998", "textNumber", "0.998"],
    ["日均存款", "1,2O0", "notNumber", "1200"],
    ["日均存款", "l00", "notNumber", "100"],
  ])("%s: %p → %s, suggested %s", (header, text, code, suggested) => {
    const read = readNumberCell(text, column(header));
    expect(read.kind).toBe("problem");
    if (read.kind !== "problem") return;
    expect(read.issue.code).toBe(code);
    expect(read.issue.suggested).toBe(suggested);
    expect(read.issue.zh).toContain(JSON.stringify(text));
    expect(read.issue.en).toContain(`is text ${JSON.stringify(text)}`);
  });

  it.each<[string, CellValue, string, string]>([
    ["日均存款", "abc", "notNumber", "日均存款为文本 \"abc\",不是数字,未读取"],
    ["日均存款", "35%", "notNumber", "日均存款为文本 \"35%\",不是数字,未读取"],
    ["日均存款", true, "notNumber", "日均存款是逻辑值,不是数字,未读取"],
    ["日均存款", new Date(Date.UTC(2026, 0, 31)), "notNumber", "日均存款是日期,不是数字,未读取"],
    ["日均存款", "#N/A", "excelError", "日均存款为错误值 #N/A,未读取"],
    ["日均存款", "#DIV/0!", "excelError", "日均存款为错误值 #DIV/0!,未读取"],
  ])("%s: %p is %s without a suggestion", (header, cell, code, zh) => {
    const read = readNumberCell(cell, column(header));
    expect(read).toEqual({ kind: "problem", issue: expect.objectContaining({ code, zh }) });
    if (read.kind === "problem") expect(read.issue.suggested).toBeUndefined();
  });

  it("the message names the field in both languages, Chinese first", () => {
    const read = readNumberCell("1,2O0", column("日均存款"));
    expect(read).toEqual({
      kind: "problem",
      issue: {
        code: "notNumber",
        zh: "日均存款为文本 \"1,2O0\",不是数字(字母 O/l 可能应为数字 0/1,即 1200),未读取",
        en: "avgDeposits is text \"1,2O0\", not a number (the letters O/l may be the digits 0/1: 1200); not read",
        suggested: "1200",
      },
    });
  });
});

describe("field checks on number cells", () => {
  const check = (header: string, cell: number) => {
    const col = column(header);
    const read = readNumberCell(cell, col);
    if (read.kind !== "value") throw new Error("not a value");
    return checkFieldValue(read, col);
  };

  it.each<[string, number, string | undefined, string | undefined]>([
    // a share (collection rate) above 1.5 looks like percent units; at 1.5 it does not
    ["收贷收息率", 99.8, "percentUnits", "0.998"],
    ["收贷收息率", 1.51, "percentUnits", "0.0151"],
    ["收贷收息率", 1.5, undefined, undefined],
    ["收贷收息率", 1, undefined, undefined],
    ["不良贷款率", 35, "percentUnits", "0.35"],
    // a growth rate above 5 (500%) looks like percent units; at 5 it does not
    ["存款日均增长率", 35, "percentUnits", "0.35"],
    ["存款日均增长率", 5.01, "percentUnits", "0.0501"],
    ["存款日均增长率", 5, undefined, undefined],
    ["存款日均增长率", -0.2, undefined, undefined],
    ["存款日均增长率", -35, "percentUnits", "-0.35"],
    // a header in % switches the percent-units check off; a share above 150% is still implausible
    ["存款日均增长率(%)", 35, undefined, undefined],
    ["收贷收息率(%)", 150, undefined, undefined],
    ["收贷收息率(%)", 151, "implausible", undefined],
    ["日均存款", -1, "negative", undefined],
    ["新增日均存款", -300000, undefined, undefined],
    ["新开基本账户", 2.5, "notInteger", undefined],
    ["新开基本账户", 3, undefined, undefined],
  ])("%s = %p → %s", (header, cell, code, suggested) => {
    const issue = check(header, cell);
    expect(issue?.code).toBe(code);
    expect(issue?.suggested).toBe(suggested);
  });

  it("the percent-units message says what to type", () => {
    expect(check("存款日均增长率", 35)).toEqual({
      code: "percentUnits",
      zh: "存款日均增长率为 35,看似按百分数填写(比率应为小数:35% 即 0.35,或设为百分比格式),未读取;建议改为 0.35",
      en: "depositGrowth is 35, which looks like percent units (rates are fractions: 35% is 0.35, or format the cell as %); not read; suggested value 0.35",
      suggested: "0.35",
    });
  });
});
