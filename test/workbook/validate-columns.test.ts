/**
 * What the validator added to the reader: periods named by a sheet's title, dates typed as text, and the columns
 * only the validator reads (the risk-deposit ledger, loans, the year-start balance), with their units.
 */
import { mapHeaderRow, parseHeader } from "../../src/workbook/headers";
import { periodInTitle, readPeriodCell } from "../../src/workbook/periodCells";
import { findTables } from "../../src/workbook/tables";

describe("periodInTitle", () => {
  it.each<[string, string | undefined]>([
    ["2026年3月客户经理考核表", "2026-03"],
    ["城东支行 2026 年 10 月 考核数据", "2026-10"],
    ["2026-03 月度指标", "2026-03"],
    ["２０２６年３月", "2026-03"],
    ["2026年第一季度考核", "2026-Q1"],
    ["2026Q4", "2026-Q4"],
    ["2026年上半年", "2026-H1"],
    ["客户经理花名册(2026 年)", "2026"],
    ["2026年度业绩", "2026"],
    ["2026年1-3月", "2026"],
    ["2026年1月至3月考核表", undefined],
    ["2026年10月考核表(制表 2026-11-05)", undefined],
    ["城东支行考核表", undefined],
    ["2026年13月", undefined],
  ])("%s → %s", (title, period) => {
    expect(periodInTitle(title)).toBe(period);
  });
});

describe("dates typed as text in a period cell", () => {
  it.each<[string, string]>([
    ["2026-03-15", "2026-03"],
    ["2026/3/1", "2026-03"],
    ["2026.03.31", "2026-03"],
    ["2026年3月15日", "2026-03"],
  ])("%s is read as its month %s, marked as a text date", (text, month) => {
    expect(readPeriodCell(text)).toEqual({ ok: true, period: month, textDate: text });
  });

  it("a month-first or day-first date stays unreadable (which is it?), so does a day the month lacks; a month is no text date", () => {
    expect(readPeriodCell("3/15/2026").ok).toBe(false);
    expect(readPeriodCell("2026-02-30").ok).toBe(false);
    expect(readPeriodCell("2028-02-29")).toEqual({ ok: true, period: "2028-02", textDate: "2028-02-29" });
    expect(readPeriodCell("2026-13-01").ok).toBe(false);
    expect(readPeriodCell("2026-03")).toEqual({ ok: true, period: "2026-03" });
  });
});

describe("columns only the validator reads", () => {
  it.each<[string, string, string | undefined]>([
    ["贷款金额(万元)", "loanAmount", "10000"],
    ["单户累欠", "householdOutstanding", undefined],
    ["守信卡", "trustCard", undefined],
    ["年初余额(万元)", "balanceYearStart", "10000"],
    ["比年初净增", "netIncreaseYtd", undefined],
    ["风险金期初余额", "openingRiskDeposit", undefined],
    ["本期提取", "riskDepositWithheld", undefined],
    ["风险金退还(元)", "riskDepositRefunded", "1"],
    ["抵扣损失", "riskDepositForfeited", undefined],
    ["风险金期末余额", "riskDepositClosing", undefined],
  ])("%s → %s", (header, key, factor) => {
    const p = parseHeader(header);
    expect([p.key, p.unit?.factor.toFixed()]).toEqual([key, factor]);
  });

  it("an amount column headed with a rate or USD unit is not read", () => {
    const m = mapHeaderRow("客户", 0, ["工号", "贷款金额(%)", "风险金期末余额(美元)"]);
    expect(m.problems.map((p) => [p.address, p.code])).toEqual([["客户!B1", "unitMismatch"], ["客户!C1", "unitMismatch"]]);
  });

  it("a sheet of ledger columns is a ledger, by its name or by its headers; a titled records sheet takes the title's period", () => {
    const ledger = [["工号", "期间", "风险金期初余额", "风险金提取", "风险金期末余额"], ["0103001", "2026-01", 0, 100, 100]];
    const found = findTables({ 风险金台账: ledger, Sheet3: ledger, 月度指标: [["2026年3月考核表"], ["工号", "月收入"], ["0103001", 100]] });
    expect(found.tables.map((t) => [t.sheet, t.kind, t.period ?? null])).toEqual([["风险金台账", "ledger", null], ["Sheet3", "ledger", null], ["月度指标", "records", "2026-03"]]);
    expect(found.problems).toEqual([]);
  });
});
