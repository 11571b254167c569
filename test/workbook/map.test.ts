/**
 * Mapping whole workbooks: one case per problem kind, each listing EVERY problem expected (address, severity,
 * kind), so a check that fires where it should not fails the test too. Then what the mapped input holds.
 */
import type { CellValue, WorkbookValues } from "../../src/workbook";
import { appraisalInputJson, readWorkbookSettings } from "../../src/workbook";
import { parseAppraisalInput } from "../../src/engine/input";
import { cm, map, roster, where } from "./helpers";

const months = (id: CellValue, list: string[], extra: CellValue[] = []): CellValue[][] => list.map((p) => [id, p, 5000, ...extra]);
const REC = ["工号", "期间", "月收入"];

/** Roster of one CM with a records sheet of the given rows (header 工号 | 期间 | 月收入(元) | …). */
function book(records: CellValue[][], header: CellValue[] = ["工号", "期间", "月收入(元)"], rosterRows: CellValue[][] = [cm("0103001")]): WorkbookValues {
  return { 花名册: roster(...rosterRows), 月度指标: [header, ...records] };
}

describe("each problem kind, with its address and nothing else", () => {
  const ok: CellValue[] = ["0103001", "2026-01", 5000];
  it.each<[string, WorkbookValues, string[]]>([
    ["a clean workbook has no problems", book([ok, ["0103001", "2026-02", 5000]]), []],
    ["text-typed number", book([["0103001", "2026-01", "5,000.00"]]), ["月度指标!C2 error textNumber"]],
    ["text that is not a number", book([["0103001", "2026-01", "1,2O0"]]), ["月度指标!C2 error notNumber"]],
    ["Excel error value", book([["0103001", "2026-01", "#N/A"]]), ["月度指标!C2 error excelError"]],
    ["rate in percent units", book([["0103001", "2026", 99.6]], ["工号", "期间", "收贷收息率"]), ["月度指标!C2 error percentUnits"]],
    [
      "a whole rate column in percent units: one problem at the header",
      book([["0103001", "2025", 99.6], ["0103001", "2026", 99.1], ["0103001", "2024", 98.8]], ["工号", "期间", "收贷收息率"]),
      ["月度指标!C1 error percentUnitsColumn"],
    ],
    ["negative amount", book([["0103001", "2026", -5]], ["工号", "期间", "日均存款"]), ["月度指标!C2 error negative"]],
    ["count with a fraction", book([["0103001", "2026", 2.5]], ["工号", "期间", "新开基本账户"]), ["月度指标!C2 error notInteger"]],
    ["staff id stored as a number (leading zero lost, matched to the roster's text id)", book([[103001, "2026-01", 5000]]), ["月度指标!A2 warning idNumber"]],
    ["16-digit staff id stored as a number", book([[1020030000000010, "2026-01", 5000]], undefined, [cm("1020030000000017")]), ["月度指标!A2 error idDigitsLost"]],
    ["duplicate id in the roster", book([ok], undefined, [cm("0103001"), cm("0103001", "张叁")]), ["花名册!A3 error duplicateId"]],
    ["duplicate record for a manager and period", book([ok, ["0103001", "2026-01", 5100]]), ["月度指标!B3 error duplicateRecord"]],
    ["blank id in a data row", book([ok, ["", "2026-02", 5000]]), ["月度指标!A3 error blankRequired"]],
    ["blank period", book([ok, ["0103001", "", 5000]]), ["月度指标!B3 error blankRequired"]],
    ["unreadable period", book([ok, ["0103001", "2026-13", 5000]]), ["月度指标!B3 error badPeriod"]],
    ["blank role in the roster", book([ok], undefined, [["0103001", "张三", "城东支行", "", "中级客户经理"]]), ["花名册!D2 error blankRequired"]],
    ["unknown role", book([ok], undefined, [["0103001", "张三", "城东支行", "柜员", ""]]), ["花名册!D2 error unknownRole"]],
    ["unknown grade", book([ok], undefined, [cm("0103001", "张三", "一级")]), ["花名册!E2 error unknownGrade"]],
    ["unknown per-period grade", book([["0103001", "2026-01", 5000, "特级"]], ["工号", "期间", "月收入", "等级"]), ["月度指标!D2 error unknownGrade"]],
    ["unknown event", book([["0103001", "2026-01", 5000, "迟到"]], ["工号", "期间", "月收入", "事件"]), ["月度指标!D2 error unknownFlag"]],
    ["bad yes/no in a flag column", book([["0103001", "2026-01", 5000, "也许"]], ["工号", "期间", "月收入", "欠息"]), ["月度指标!D2 error badFlagValue"]],
    ["a row for someone not in the roster", book([ok, ["0109999", "2026-01", 5000]]), ["月度指标!A3 error unknownManager"]],
    ["a manager without any record", book([ok], undefined, [cm("0103001"), cm("0103002", "李四")]), ["花名册!A3 warning noRecords"]],
    ["a month missing inside a run of months", book(months("0103001", ["2026-01", "2026-02", "2026-04", "2026-05"])), ["月度指标!B4 warning monthGap"]],
    ["months in any order are not a gap", book(months("0103001", ["2026-03", "2026-01", "2026-02", "2026"])), []],
    ["unknown unit in a header", book([ok], ["工号", "期间", "月收入(千万)"]), ["月度指标!C1 error unknownUnit"]],
    ["unit that does not fit the field", book([ok], ["工号", "期间", "月收入(%)"]), ["月度指标!C1 error unitMismatch"]],
    ["a column twice", book([[...ok, 5000]], ["工号", "期间", "月收入", "收入"]), ["月度指标!D1 warning duplicateColumn"]],
    ["a column nobody reads", book([[...ok, "x"]], ["工号", "期间", "月收入", "籍贯"]), ["月度指标!D1 info unknownColumn"]],
    ["a sheet lacking a required column", { 花名册: roster(cm("0103001")), 月度指标: [["工号", "月收入"], ["0103001", 5000]] }, ["花名册!A2 warning noRecords", "月度指标!A1 error missingColumn"]],
  ])("%s", (_name, wb, expected) => {
    expect(where(map(wb))).toEqual(expected);
  });

  it("G001-DAILY-AVG-VS-BALANCE: a daily average above the month-end balance is at most information, never an error", () => {
    const wb = book([["0103001", "2026-01", 48780000, 18190000]], ["工号", "期间", "日均存款", "存款余额"]);
    const info = map(wb);
    expect(where(info)).toEqual(["月度指标!C2 info dailyAvgAboveBalance"]);
    expect(info.problems[0].zh).toBe("2026-01 日均存款高于月末存款余额:日均与余额是不同口径,这不是错误(G001-DAILY-AVG-VS-BALANCE)");
    expect(info.input.managers[0].history[0].values.avgDeposits?.toFixed()).toBe("48780000");
    expect(where(map(wb, "2026", { dailyAvgAboveBalance: "off" }))).toEqual([]);
    expect(where(map(book([["0103001", "2026-01", 100, 100]], ["工号", "期间", "日均存款", "存款余额"])))).toEqual([]);
  });

  it("every row-level problem names the manager, and the message names the cell's field", () => {
    const r = map(book([["0103001", "2026-01", "5,000.00"]]));
    expect(r.problems).toEqual([
      {
        severity: "error", code: "textNumber", sheet: "月度指标", cell: "C2", address: "月度指标!C2", field: "income", managerId: "0103001", suggested: "5000",
        zh: "月收入为文本 \"5,000.00\"(含千位分隔符),不是数字单元格,未读取;建议改为数字 5000",
        en: "income is text \"5,000.00\" (with thousands separators), not a number cell, and is not read; suggested value 5000",
      },
    ]);
  });
});

describe("what a workbook maps to", () => {
  it("finds the header under a title row, reads units exactly and orders the history oldest first", () => {
    const wb: WorkbookValues = {
      花名册: [["城东支行客户经理花名册"], [], ["序号", "员工编号", "客户经理", "岗位", "级别", "风险金期初余额"], [1, "0103001", "王五", "客户经理", "高级", 16000]],
      月度指标: [
        ["Period", "Staff ID", "Avg deposits (10k CNY)", "收贷收息率", "月收入(元)"],
        ["2026", "0103001", 5200.01, 0.999, ""],
        ["2026-02", "0103001", 5100, "", 15000.5],
        ["2026-01", "0103001", 5000, "", 15000],
        ["合计", "", 15300.01, "", 30000.5],
      ],
    };
    const r = map(wb);
    expect(r.problems).toEqual([]);
    expect(appraisalInputJson(r.input)).toEqual({
      rulebook: "h003-city-bank",
      period: "2026",
      managers: [
        {
          id: "0103001", name: "王五", role: "cm", grade: "senior", riskDeposit: { balance: "16000" },
          history: [
            { period: "2026-01", avgDeposits: "50000000", income: "15000" },
            { period: "2026-02", avgDeposits: "51000000", income: "15000.5" },
            { period: "2026", avgDeposits: "52000100", collectionRate: "0.999" },
          ],
        },
      ],
    });
  });

  it("attaches clients and tasks to the record of their period, with flags", () => {
    const wb: WorkbookValues = {
      花名册: roster(cm("0103001")),
      月度指标: [REC, ["0103001", "2026", 5000]],
      客户: [["工号", "期间", "客户编号", "日均存款(万元)", "欠息", "逾期"], ["0103001", "2026", "C1", 800, "是", ""], ["0103001", "2026", "C2", 50, "", "√"]],
      任务: [["工号", "期间", "项目", "计划(万元)", "完成(万元)"], ["0103001", "2026", "存款", 12100, 12402.27]],
    };
    const r = map(wb);
    expect(r.problems).toEqual([]);
    const rec = appraisalInputJson(r.input).managers as Array<{ history: unknown[] }>;
    expect(rec[0].history).toEqual([
      {
        period: "2026",
        income: "5000",
        tasks: [{ item: "deposits", plan: "121000000", actual: "124022700" }],
        clients: [{ id: "C1", avgDeposits: "8000000", flags: ["interestArrears"] }, { id: "C2", avgDeposits: "500000", flags: ["overdue"] }],
      },
    ]);
  });

  it("per-period role and grade, event flags from a list and from yes/no columns", () => {
    const wb: WorkbookValues = {
      花名册: roster(cm("0103001")),
      月度指标: [["工号", "期间", "等级", "角色", "事件", "重大违规违纪"], ["0103001", "2026-01", "初级", "", "欠息、垫款", ""], ["0103001", "2026-02", "", "", "", "是"]],
    };
    const r = map(wb);
    expect(r.problems).toEqual([]);
    expect(r.input.managers[0].history.map((h) => [h.period, h.grade ?? null, h.flags])).toEqual([
      ["2026-01", "junior", ["interestArrears", "advance"]],
      ["2026-02", null, ["majorViolation"]],
    ]);
  });

  it("without a roster, managers come from the records rows (name, branch, role, grade)", () => {
    const r = map({ 业绩: [["工号", "姓名", "机构", "角色", "等级", "期间", "月收入"], ["0103001", "王五", "城东支行", "客户经理", "高级", "2026-01", 100], ["0103001", "王五", "城东支行", "客户经理", "高级", "2026-02", 100]] });
    expect(r.problems).toEqual([]);
    expect(r.input.managers.map((m) => [m.id, m.name, m.branch, m.role, m.grade, m.history.length])).toEqual([["0103001", "王五", "城东支行", "cm", "senior", 2]]);
  });

  it("recognizes sheets by their headers, per-month sheets by their names, and skips notes and result sheets", () => {
    const r = map({
      说明: [["这是说明"]],
      Sheet1: roster(cm("0103001")),
      "2026年1月": [["工号", "月收入"], ["0103001", 5000]],
      "2026年2月": [["工号", "月收入"], ["0103001", 5100]],
      "考核结果 2025": [["工号", "得分"], ["0103001", 99]],
    });
    expect(where(r)).toEqual(["考核结果 2025 info ignoredSheet"]);
    expect(r.tables.map((t) => [t.sheet, t.kind])).toEqual([["Sheet1", "roster"], ["2026年1月", "records"], ["2026年2月", "records"]]);
    expect(r.input.managers[0].history.map((h) => [h.period, h.values.income?.toFixed()])).toEqual([["2026-01", "5000"], ["2026-02", "5100"]]);
  });

  it("a workbook with nothing to read is one error", () => {
    expect(where(map({ Sheet1: [["hello"]] }))).toEqual([" error noSheet", "Sheet1 info missingColumn"]);
  });

  it("a manager who cannot be appraised is left out and listed", () => {
    const r = map(book([["0103001", "2026-01", 5000], ["0103002", "2026-01", 5000]], undefined, [cm("0103001"), ["0103002", "李四", "城东支行", "柜员", ""]]));
    expect(r.input.managers.map((m) => m.id)).toEqual(["0103001"]);
    expect(r.skipped).toEqual(["0103002"]);
  });

  it("the mapped input is valid command-line JSON (appraise evaluate reads it back unchanged)", () => {
    const r = map(book([["0103001", "2026-01", 5000.55]]));
    const json = appraisalInputJson(r.input);
    const back = parseAppraisalInput(JSON.parse(JSON.stringify(json)));
    expect(back.ok).toBe(true);
    if (back.ok) expect(appraisalInputJson(back.value)).toEqual(json);
  });
});

describe("the 设置 sheet", () => {
  it("gives the rulebook, the period and typed settings", () => {
    const wb: WorkbookValues = {
      花名册: roster(cm("0103001")),
      月度指标: [REC, ["0103001", "2026", 1]],
      设置: [["设置", "值", "说明"], ["规则集", "h003-city-bank"], ["考核期", 2026], ["h003.score.partialStep", "proRata"], ["h003.payData.deadlineDay", 5], ["h003.riskDeposit.rate", 0.2], ["h003.payData.rollForward", "是"]],
    };
    const s = readWorkbookSettings(wb);
    expect([s.rulebook?.value, s.period?.value]).toEqual(["h003-city-bank", "2026"]);
    const r = map(wb);
    expect(r.problems).toEqual([]);
    expect(r.input.settings).toEqual({ "h003.score.partialStep": "proRata", "h003.payData.deadlineDay": 5, "h003.riskDeposit.rate": "0.2", "h003.payData.rollForward": true });
  });

  it.each<[CellValue[], string]>([
    [["h003.nope", "x"], "设置!B2 error unknownSetting"],
    [["h003.score.partialStep", "sometimes"], "设置!B2 error badSetting"],
    [["h003.payData.deadlineDay", 2.5], "设置!B2 error badSetting"],
    [["考核期", "明年"], "设置!B2 error badPeriod"],
    [["h003.score.partialStep"], "设置!A2 warning badSetting"],
  ])("%j → %s", (row, expected) => {
    const r = map({ 花名册: roster(cm("0103001")), 月度指标: [REC, ["0103001", "2026", 1]], 设置: [["设置", "值"], row] });
    expect(where(r)).toEqual([expected]);
  });
});
