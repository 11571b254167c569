/** Staff-id cells, period cells, role/grade/flag cells: each kind of cell and what it reads as. */
import { loadPreset } from "../../src/engine/rulebooks";
import type { CellValue } from "../../src/workbook";
import { idCandidates, numberIdIssue, readIdCell } from "../../src/workbook/ids";
import { monthOfSerial, readPeriodCell } from "../../src/workbook/periodCells";
import { readFlagList, readGrade, readRole, readTaskItem, readTruth } from "../../src/workbook/vocabulary";

describe("staff id cells", () => {
  it.each<[CellValue, unknown]>([
    ["0102003", { kind: "text", id: "0102003" }],
    ["  0102003 ", { kind: "text", id: "0102003" }],
    ["1020030000000017", { kind: "text", id: "1020030000000017" }],
    [102003, { kind: "number", digits: "102003", lost: false }],
    [102003000000001, { kind: "number", digits: "102003000000001", lost: false }],
    [1020030000000010, { kind: "number", digits: "1020030000000010", lost: true }],
    [10200300000000170, { kind: "number", digits: "10200300000000170", lost: true }],
    ["", { kind: "blank" }],
  ])("%p → %j", (cell, expected) => {
    expect(readIdCell(cell)).toEqual(expected);
  });

  it.each<[CellValue, string]>([
    [1.5, "工号是数字 1.5,应为文本"],
    [true, "工号是逻辑值 true,应为文本"],
    ["#N/A", "工号为错误值 #N/A"],
  ])("%p is not an id", (cell, zh) => {
    expect(readIdCell(cell)).toEqual({ kind: "invalid", issue: expect.objectContaining({ code: "idInvalid", zh }) });
  });

  it("full-width digits are read half-width, with a warning-level issue", () => {
    expect(readIdCell("０１０２００３")).toEqual({ kind: "text", id: "0102003", issue: expect.objectContaining({ code: "idInvalid", suggested: "0102003" }) });
  });

  it("a number id matches a text id with its leading zeros, or with the same 15 leading digits", () => {
    const texts = ["0102003", "1020030000000017", "1020030000000027", "A-17"];
    expect(idCandidates("102003", texts)).toEqual(["0102003"]);
    expect(idCandidates("1020030000000010", texts)).toEqual(["1020030000000017"]);
    expect(idCandidates("1020030000000020", texts)).toEqual(["1020030000000027"]);
    expect(idCandidates("999", texts)).toEqual([]);
  });

  it("the 16-digit message explains the lost digit and names the matching text id", () => {
    expect(numberIdIssue("1020030000000010", true, ["1020030000000017"], "月度指标!A5")).toEqual({
      code: "idDigitsLost",
      zh: "工号 1020030000000010 是 16 位的数字单元格:Excel 只保留 15 位有效数字,末位已丢失;请把工号列设为文本后重新录入;工作簿中 月度指标!A5 有文本工号 1020030000000017,按它匹配",
      en: "staff id 1020030000000010 is a number cell with 16 digits: Excel keeps only 15 significant digits, so the last ones are lost; format the column as text and re-enter it; the workbook has the text id 1020030000000017 at 月度指标!A5, used to match",
      suggested: "1020030000000017",
    });
    expect(numberIdIssue("102003", false, [], undefined)).toEqual({
      code: "idNumber",
      zh: "工号 102003 是数字单元格,前导零会丢失;请把工号列设为文本",
      en: "staff id 102003 is a number cell, which drops leading zeros; format the column as text",
    });
  });
});

describe("period cells", () => {
  it.each<[CellValue, string]>([
    ["2026-01", "2026-01"],
    ["2026-1", "2026-01"],
    ["2026/1", "2026-01"],
    ["2026.01", "2026-01"],
    ["2026年1月", "2026-01"],
    ["2026年12月份", "2026-12"],
    ["202603", "2026-03"],
    ["2026", "2026"],
    ["2026年", "2026"],
    ["2026年度", "2026"],
    ["2026-Q3", "2026-Q3"],
    ["2026q3", "2026-Q3"],
    ["2026年第三季度", "2026-Q3"],
    ["2026年上半年", "2026-H1"],
    ["2026-H2", "2026-H2"],
    ["２０２６－０１", "2026-01"],
    [2026, "2026"],
    [202611, "2026-11"],
    [46023, "2026-01"], // a date-formatted cell through range.values: the serial of 2026-01-01
    [46053, "2026-01"], // 2026-01-31
    [46054, "2026-02"], // 2026-02-01
    [new Date(Date.UTC(2026, 9, 31)), "2026-10"],
  ])("%p → %s", (cell, period) => {
    expect(readPeriodCell(cell)).toMatchObject({ ok: true, period });
  });

  it.each<CellValue>(["2026-13", "26-01", "一月", "", true, "#N/A", -3])("%p is not a period", (cell) => {
    expect(readPeriodCell(cell).ok).toBe(false);
  });

  it("Excel serials count from 1900-01-01 = 1, across Excel's fictitious 1900-02-29", () => {
    expect(monthOfSerial(1)).toBe("1900-01");
    expect(monthOfSerial(59)).toBe("1900-02");
    expect(monthOfSerial(61)).toBe("1900-03");
  });
});

describe("role, grade, flag and yes/no cells against the h003-city-bank rulebook", () => {
  const book = loadPreset("h003-city-bank");
  it.each<[string, string]>([
    ["客户经理", "cm"],
    ["cm", "cm"],
    ["支行行长", "president"],
    ["营业部总经理", "president"],
    ["支行行长/营业部总经理", "president"],
    ["行长", "president"],
    ["branch president", "president"],
    ["业务代办员", "agent"],
    ["代办员", "agent"],
  ])("role %s → %s", (cell, id) => {
    expect(readRole(cell, book)).toEqual({ ok: true, id });
  });

  it.each<[string, string]>([
    ["高级客户经理", "senior"],
    ["高级", "senior"],
    ["中级", "intermediate"],
    ["junior", "junior"],
    ["初级客户经理", "junior"],
  ])("grade %s → %s", (cell, id) => {
    expect(readGrade(cell, book)).toEqual({ ok: true, id });
  });

  it("unknown or ambiguous labels are not guessed", () => {
    expect(readRole("柜员", book)).toEqual({ ok: false, known: "支行行长/营业部总经理(president)、客户经理(cm)、业务代办员(agent)" });
    expect(readGrade("客户经理", book)).toEqual({ ok: false, known: "高级客户经理(senior)、中级客户经理(intermediate)、初级客户经理(junior)" });
    expect(readGrade("一级", book)?.ok).toBe(false);
  });

  it("a blank or 无 grade is no grade", () => {
    expect(readGrade("", book)).toBeUndefined();
    expect(readGrade("无", book)).toBeUndefined();
  });

  it("event lists accept Chinese labels and ids, separated by 、,; or spaces", () => {
    expect(readFlagList("重大违规违纪、欠息")).toEqual({ flags: ["majorViolation", "interestArrears"], unknown: [] });
    expect(readFlagList("npl, overdue;垫款")).toEqual({ flags: ["npl", "overdue", "advance"], unknown: [] });
    expect(readFlagList("迟到")).toEqual({ flags: [], unknown: ["迟到"] });
  });

  it.each<[CellValue, boolean | undefined]>([
    [true, true], [1, true], ["是", true], ["Y", true], ["√", true],
    [false, false], [0, false], ["否", false], ["", false], ["无", false],
    ["maybe", undefined], [2, undefined],
  ])("yes/no cell %p → %p", (cell, value) => {
    expect(readTruth(cell)).toBe(value);
  });

  it("task items in Chinese become the rulebook's ids", () => {
    expect(readTaskItem("存款", book)).toBe("deposits");
    expect(readTaskItem("日均存款", book)).toBe("deposits");
    expect(readTaskItem("贷款", book)).toBe("loans");
    expect(readTaskItem("保险代销", book)).toBe("保险代销");
  });

  it("C000-TASK-MONTH: a rulebook's own item labels win (收息 is interestRecovery in c000-credit-coop)", () => {
    const coop = loadPreset("c000-credit-coop");
    expect(["存款", "收回贷款", "收息", "股金", "loan recovery"].map((x) => readTaskItem(x, coop))).toEqual(["deposits", "loanRecovery", "interestRecovery", "shareCapital", "loanRecovery"]);
    expect(readTaskItem("收息", book)).toBe("collection");
  });
});
