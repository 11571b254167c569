/**
 * A format-2 rulebook's declared fields read from a workbook (issue 14 item 1): each declared field by its id, name,
 * labels, declared headers and (for a standard field) the standard headers, with the header's unit; dates, text and
 * yes/no values into `extra`; per-person fields from the roster. Every case lists EVERY problem expected, so a check
 * that fires where it should not fails too; every expected figure is worked out here from the cells written.
 */
import { Dec } from "../../src/engine/decimal";
import { appraiseAll, fieldVocabulary, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import { appraisalInputJson } from "../../src/workbook/inputJson";
import { loadPreset } from "../../src/engine/rulebooks";
import { compileRulebook, type CompiledRulebook } from "../../src/engine/rulebook/compile";
import type { PeriodRecord } from "../../src/engine/model";
import { mapWorkbook, type CellValue, type WorkbookValues } from "../../src/workbook";
import { headerIndexFor } from "../../src/workbook/declaredHeaders";

const DOC = {
  format: "khjl-rulebook/2",
  id: "declared-fields-test",
  version: "1.0.0",
  name: { zh: "自定义字段测试", en: "declared fields test" },
  rounding: { money: { decimals: 2, mode: "halfUp" }, points: { decimals: 2, mode: "halfUp" }, ratePercent: { decimals: 2, mode: "halfUp" } },
  fields: [
    { id: "commission", zh: "佣金收入", en: "commission", unit: "money", headers: ["佣金", "佣金收入(元)", "代理佣金(万元)"] },
    { id: "hitRate", zh: "目标达成率", en: "target hit rate", unit: "rate" },
    { id: "signedOn", zh: "签约日期", en: "signing date", unit: "date" },
    { id: "review", zh: "考评意见", en: "review", unit: "text" },
    { id: "vip", zh: "重点客户经理", en: "key customer manager", unit: "flag" },
    // 入职日期 is a column every reader skips silently, unless the rulebook declares it.
    { id: "hireDate", zh: "入职日期", en: "hire date", unit: "date", per: "manager" },
    { id: "shareCapital", zh: "认购股金", en: "share capital", unit: "money", per: "manager" },
    { id: "visits", zh: "走访次数", en: "visits", unit: "count", integer: true, name: "拜访户数" },
    { use: "avgDeposits", headers: ["存款日均数"] },
    { use: "newBasicAccounts", id: "basicAccts" },
  ],
  roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }],
  rules: [
    {
      id: "T-PAY",
      name: "提成",
      unit: "money",
      formula:
        'commission * hitRate + avgDeposits * 0.0001 + IF(vip, 500, 0) + IF(YEAR(hireDate) < 2020, 200, 0) + IF(signedOn <= DATE(2026, 3, 31), 300, 0) + IF(review = "优秀", 100, 0) + IF(visits >= 20, 40, 0) + IF(basicAccts >= 2, 50, 0)',
    },
  ],
  outputs: { pay: "T-PAY" },
};

function compiled(): CompiledRulebook {
  const r = compileRulebook(DOC);
  if (!r.ok) throw new Error(r.problems.join("\n"));
  return r.book;
}
const BOOK = compiled();

/** Excel's serial of a day (days since 1899-12-30), worked out from the calendar. */
const serialOf = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
const HIRED = new Date(Date.UTC(2018, 4, 2));
const ID = "0103001";
const ROSTER: CellValue[][] = [["工号", "姓名", "角色", "入职日期", "认购股金(万元)"], [ID, "张三", "客户经理", HIRED, 2.5]];

/** The roster above and one 月度指标 row for 2026-03 under the given headers (columns from C on). */
function workbook(cols: Array<[string, CellValue]>, more: WorkbookValues = {}, roster = ROSTER): WorkbookValues {
  return { 花名册: roster, 月度指标: [["工号", "期间", ...cols.map((c) => c[0])], [ID, "2026-03", ...cols.map((c) => c[1])]], ...more };
}

function read(wb: WorkbookValues) {
  const mapped = mapWorkbook(wb, { book: BOOK, period: "2026-03" });
  const manager = mapped.input.managers.find((m) => m.id === ID);
  const record = manager?.history.find((h) => h.period === "2026-03");
  return { mapped, manager, record, problems: mapped.problems.map((p) => `${p.address} ${p.severity} ${p.code}`) };
}

/** What a record holds, as text: numbers exact, dates and text as read, yes/no as TRUE/FALSE. */
function holds(record: PeriodRecord | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record?.values ?? {})) out[k] = (v as Dec).toFixed();
  for (const [k, v] of Object.entries(record?.extra ?? {})) out[k] = typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v;
  return out;
}

const exact = (cell: string, factor: string) => new Dec(cell).times(factor).toFixed();

describe("each declared field by its headers and unit, with every problem", () => {
  it.each<[string, Array<[string, CellValue]>, string[], Record<string, string>]>([
    // Money of the rulebook's own, in 万元 / 亿元 / 元: 1.2345 万元 is 12345 元 exactly (a double gives 12344.999999999998).
    ["a custom money field headed 佣金(万元)", [["佣金(万元)", 1.2345]], [], { commission: exact("1.2345", "10000") }],
    ["full-width brackets and its declared header with 亿元", [["佣金收入（亿元）", 0.07]], [], { commission: exact("0.07", "100000000") }],
    ["a declared header that says 元 (佣金收入(元)) is read in 元", [["佣金收入(元)", 8123.45]], [], { commission: "8123.45" }],
    ["its Chinese label with the unit after a slash", [["佣金收入/万元", 3]], [], { commission: exact("3", "10000") }],
    // A unit written into a declared header is the column's unit, never a name to match and read as 元.
    ["a declared header with a unit, as written (代理佣金(万元))", [["代理佣金(万元)", 3]], [], { commission: exact("3", "10000") }],
    ["that header without its unit is in 元", [["代理佣金", 3]], [], { commission: "3" }],
    ["a money header with a % unit is refused at its cell", [["佣金(%)", 12]], ["月度指标!C1 error unitMismatch"], {}],
    ["a money header with an unknown unit", [["佣金(千万)", 12]], ["月度指标!C1 error unknownUnit"], {}],
    ["a money cell typed as text", [["佣金(万元)", "1,234.5"]], ["月度指标!C2 error textNumber"], {}],
    ["a negative commission", [["佣金", -5]], ["月度指标!C2 error negative"], {}],
    // A custom rate: % in the header, or a fraction; 35 without % is percent units.
    ["a custom rate headed (%)", [["目标达成率(%)", 12.5]], [], { hitRate: exact("12.5", "0.01") }],
    ["a custom rate as a fraction", [["目标达成率", 0.125]], [], { hitRate: "0.125" }],
    ["a custom rate typed in percent units", [["目标达成率", 35]], ["月度指标!C2 error percentUnits"], {}],
    ["a rate header with a money unit", [["目标达成率(万元)", 0.5]], ["月度指标!C1 error unitMismatch"], {}],
    // Dates: a date cell, a serial, ISO text; other year-first text with a warning; anything else an error.
    ["a date cell", [["签约日期", new Date(Date.UTC(2026, 2, 15))]], [], { signedOn: "2026-03-15" }],
    ["a date serial (range.values of a date cell)", [["签约日期", serialOf(2026, 3, 15)]], [], { signedOn: "2026-03-15" }],
    ["a date serial with a time of day", [["签约日期", serialOf(2026, 3, 15) + 0.75]], [], { signedOn: "2026-03-15" }],
    ["ISO text", [["签约日期", "2026-03-15"]], [], { signedOn: "2026-03-15" }],
    ["a date typed as other text, year first", [["签约日期", "2026/3/5"]], ["月度指标!C2 warning dateAsText"], { signedOn: "2026-03-05" }],
    ["text that is no date", [["签约日期", "下月"]], ["月度指标!C2 error notNumber"], {}],
    ["a day that does not exist", [["签约日期", "2026-02-30"]], ["月度指标!C2 error notNumber"], {}],
    ["a day of the month typed as a number (1900-01-15)", [["签约日期", 15]], ["月度指标!C2 error implausible"], {}],
    ["a date typed as digits", [["签约日期", 20260315]], ["月度指标!C2 error notNumber"], {}],
    ["an error value in a date column", [["签约日期", "#N/A"]], ["月度指标!C2 error excelError"], {}],
    ["a time-only cell (1899-12-30)", [["签约日期", new Date(Date.UTC(1899, 11, 30, 8, 30))]], ["月度指标!C2 error implausible"], {}],
    ["a unit on a date column", [["签约日期/万元", serialOf(2026, 3, 15)]], ["月度指标!C1 error unitMismatch"], {}],
    // Text: as written; a number as it shows; TRUE is no text.
    ["a text field", [["考评意见", "  优秀 "]], [], { review: "优秀" }],
    ["a number in a text field", [["考评意见", 5]], [], { review: "5" }],
    ["a boolean in a text field", [["考评意见", true]], ["月度指标!C2 error notNumber"], {}],
    // Yes/no.
    ["a flag field: 是", [["重点客户经理", "是"]], [], { vip: "TRUE" }],
    ["a flag field: N", [["重点客户经理", "N"]], [], { vip: "FALSE" }],
    ["a flag field: 1", [["重点客户经理", 1]], [], { vip: "TRUE" }],
    ["a flag field: FALSE", [["重点客户经理", false]], [], { vip: "FALSE" }],
    ["a flag field: neither yes nor no", [["重点客户经理", "也许"]], ["月度指标!C2 error badFlagValue"], {}],
    ["a flag field: 2", [["重点客户经理", 2]], ["月度指标!C2 error badFlagValue"], {}],
    ["a blank flag is not given (never no)", [["重点客户经理", ""], ["佣金", 1]], [], { commission: "1" }],
    // The `name` alias; integer fields.
    ["a field by its name alias", [["拜访户数", 21]], [], { visits: "21" }],
    ["a field by its id", [["visits", 21]], [], { visits: "21" }],
    ["a count with a fraction", [["拜访户数", 2.5]], ["月度指标!C2 error notInteger"], {}],
    // A declared standard field: its extra headers and every standard header, with units.
    ["a declared standard field by its extra header, in 万元", [["存款日均数(万元)", 1234.56]], [], { avgDeposits: exact("1234.56", "10000") }],
    ["a declared standard field by a standard synonym", [["存款日均", 9000]], [], { avgDeposits: "9000" }],
    ["a standard field taken under another id (use)", [["新开基本户", 3]], [], { basicAccts: "3" }],
    // A standard field the rulebook does not declare: named, not read, not an error.
    ["an undeclared standard column is not read", [["日均贷款(万元)", 5], ["佣金", 1]], ["月度指标!C1 info unknownColumn"], { commission: "1" }],
    ["an unknown column, as before", [["籍贯", "湖北"], ["佣金", 1]], ["月度指标!C1 info unknownColumn"], { commission: "1" }],
    ["the same field twice", [["佣金", 1], ["佣金收入", 2]], ["月度指标!D1 warning duplicateColumn"], { commission: "1" }],
  ])("%s", (_name, cols, problems, values) => {
    const r = read(workbook(cols));
    expect(r.problems).toEqual(problems);
    expect(holds(r.record)).toEqual(values);
  });

  it("says why an undeclared standard column is not read, and names the field", () => {
    const r = read(workbook([["日均贷款", 5]]));
    expect(r.mapped.problems).toEqual([
      expect.objectContaining({
        code: "unknownColumn", severity: "info", field: "avgLoans",
        zh: "「日均贷款」是标准字段 avgLoans,但规则集 declared-fields-test 没有声明它(不属于本考核办法),已忽略",
      }),
    ]);
  });

  it("names a declared field by its own label in messages", () => {
    const r = read(workbook([["佣金(%)", 12], ["签约日期", "下月"]]));
    expect(r.mapped.problems.map((p) => [p.field, p.zh])).toEqual([
      ["commission", "表头「佣金(%)」的单位「%」是比率,而佣金收入是人民币金额(元);该列未读取"],
      ["signedOn", "签约日期为文本 \"下月\",不是日期(应为日期单元格或 2026-03-15 这样的文本),未读取"],
    ]);
  });
});

describe("per-person fields", () => {
  it("are read from the roster into ManagerInput.fields, with the header's unit", () => {
    const r = read(workbook([["佣金", 1]]));
    expect(r.problems).toEqual([]);
    expect(r.manager?.fields).toEqual({ hireDate: "2018-05-02", shareCapital: new Dec(exact("2.5", "10000")) });
    expect(holds(r.record)).toEqual({ commission: "1" });
  });

  it("on the records sheet too: the same value is fine, a different one is a conflict at its cell", () => {
    const same = read(workbook([["入职日期", "2018-05-02"]]));
    expect(same.problems).toEqual([]);
    expect(same.manager?.fields?.hireDate).toBe("2018-05-02");
    const other = read(workbook([["入职日期", "2019-05-02"], ["认购股金", 25000]]));
    expect(other.problems).toEqual(["月度指标!C2 error duplicateRecord"]);
    expect(other.mapped.problems[0].zh).toBe("入职日期是每人一个的值,此处为 \"2019-05-02\",而 花名册!D2 为 \"2018-05-02\",两处不一致;按 花名册!D2 读取,此格未读取,请核对");
    // The roster's value stays; 25000 元 is the roster's 2.5 万元, so no conflict there.
    expect(other.manager?.fields).toEqual({ hireDate: "2018-05-02", shareCapital: new Dec("25000") });
  });

  it("two records rows that disagree, without a roster", () => {
    const wb: WorkbookValues = {
      月度指标: [
        ["工号", "期间", "角色", "入职日期"],
        [ID, "2026-02", "客户经理", "2018-05-02"],
        [ID, "2026-03", "客户经理", new Date(Date.UTC(2018, 5, 2))],
      ],
    };
    const r = read(wb);
    expect(r.problems).toEqual(["月度指标!D3 error duplicateRecord"]);
    expect(r.manager?.fields).toEqual({ hireDate: "2018-05-02" });
  });

  it("a bad cell on the roster is located there, and the person has no value", () => {
    const roster: CellValue[][] = [["工号", "姓名", "角色", "入职日期"], [ID, "张三", "客户经理", "去年"]];
    const r = read(workbook([["佣金", 1]], {}, roster));
    expect(r.problems).toEqual(["花名册!D2 error notNumber"]);
    expect(r.manager?.fields).toBeUndefined();
  });
});

describe("sheets", () => {
  it("finds a sheet of declared fields only (工号 and a declared column under a period's sheet name)", () => {
    const r = read({ 花名册: ROSTER, "2026-03": [["工号", "佣金(万元)"], [ID, 2]] });
    expect(r.problems).toEqual([]);
    expect(holds(r.record)).toEqual({ commission: exact("2", "10000") });
  });

  it("a sheet named by nothing, with ledger columns beside a declared field, is a records sheet (as with a standard field)", () => {
    const sheet: CellValue[][] = [["工号", "期间", "风险金提取", "佣金"], [ID, "2026-03", 100, 7]];
    const declared = read({ 花名册: ROSTER, Sheet1: sheet });
    const standard = read({ 花名册: ROSTER, Sheet1: sheet.map((row, i) => [...row.slice(0, 3), i === 0 ? "存款日均" : row[3]]) });
    expect([declared.mapped.tables, standard.mapped.tables].map((ts) => ts.map((t) => `${t.sheet} ${t.kind}`))).toEqual([["花名册 roster", "Sheet1 records"], ["花名册 roster", "Sheet1 records"]]);
    expect([declared.problems, holds(declared.record)]).toEqual([[], { commission: "7" }]);
  });

  it("client rows read declared per-period numbers; a date, text, yes/no or per-person column is named and not read", () => {
    const clients: CellValue[][] = [
      ["工号", "期间", "客户号", "佣金(万元)", "考评意见", "入职日期", "存款日均"],
      [ID, "2026-03", "C001", 0.5, "好", "2018-05-02", 100],
      [ID, "2026-03", "C002", "x", "好", "2018-05-02", 200],
    ];
    const r = read(workbook([["佣金", 1]], { 客户: clients }));
    expect(r.problems).toEqual(["客户!E1 warning unknownColumn", "客户!F1 warning unknownColumn", "客户!D3 error notNumber"]);
    expect(r.record?.clients.map((c) => [c.id, Object.fromEntries(Object.entries(c.values).map(([k, v]) => [k, (v as Dec).toFixed()]))])).toEqual([
      ["C001", { commission: exact("0.5", "10000"), avgDeposits: "100" }],
      ["C002", { avgDeposits: "200" }],
    ]);
  });

  it("a format-1 rulebook reads the standard fields as before: 日均贷款 is read, 佣金 and 认购股金 unknown, 入职日期 skipped", () => {
    // b002-bank-grades is still in format 1 (the general conventions, g-general, are format 2 now).
    const g = loadPreset("b002-bank-grades");
    expect(g.v2).toBeUndefined();
    const mapped = mapWorkbook(workbook([["日均贷款(万元)", 5], ["佣金", 1]]), { book: g, period: "2026-03" });
    const record = mapped.input.managers[0]?.history[0];
    expect(holds(record)).toEqual({ avgLoans: exact("5", "10000") });
    expect(mapped.problems.filter((p) => p.code === "unknownColumn").map((p) => p.address)).toEqual(["花名册!E1", "月度指标!D1"]);
    expect(mapped.input.managers[0]?.fields).toBeUndefined();
  });

  it("builds the rulebook's header index once", () => {
    expect(headerIndexFor(BOOK)).toBe(headerIndexFor(BOOK));
    expect(headerIndexFor(BOOK).collisions).toEqual([]);
  });
});

describe("end to end: mapWorkbook → appraiseAll", () => {
  it("gives the pay the rule's formula makes of the cells", () => {
    const cells = { commission: "1.2345", hitRate: "12.5", avgDeposits: "1234.56" };
    const wb = workbook([
      ["佣金(万元)", 1.2345],
      ["目标达成率(%)", 12.5],
      ["签约日期", serialOf(2026, 3, 15)],
      ["考评意见", "优秀"],
      ["重点客户经理", "是"],
      ["拜访户数", 21],
      ["存款日均数(万元)", 1234.56],
      ["新开基本户", 3],
      ["日均贷款", 999],
    ]);
    const r = read(wb);
    expect(r.problems).toEqual(["月度指标!K1 info unknownColumn"]);
    const settings = resolveSettings(BOOK);
    if (!settings.ok) throw new Error("settings");
    const { output } = appraiseAll(BOOK, settings.value, r.mapped.input);
    // commission × hit rate + deposits × 0.0001, and each condition met: vip 500, hired 2018 200, signed by March
    // 300, 优秀 100, 21 visits 40, 3 accounts 50.
    const commission = new Dec(cells.commission).times(10000);
    const hitRate = new Dec(cells.hitRate).div(100);
    const deposits = new Dec(cells.avgDeposits).times(10000);
    const expected = commission.times(hitRate).plus(deposits.times("0.0001")).plus(500 + 200 + 300 + 100 + 40 + 50);
    expect(output.results[0].commission).toBe(expected.toFixed(2));
    // Without the yes/no and with a later signing date, those two parts drop out.
    const later = workbook([["佣金(万元)", 1.2345], ["目标达成率(%)", 12.5], ["签约日期", "2026-04-01"], ["考评意见", "优秀"], ["重点客户经理", "否"], ["拜访户数", 21], ["存款日均数(万元)", 1234.56], ["新开基本户", 3]]);
    const r2 = read(later);
    expect(r2.problems).toEqual([]);
    const out2 = appraiseAll(BOOK, settings.value, r2.mapped.input).output;
    expect(out2.results[0].commission).toBe(expected.minus(500 + 300).toFixed(2));
  });

  it("--input-json keeps the declared dates, text, yes/no and per-person values: evaluating it gives the same pay", () => {
    const wb = workbook([["佣金(万元)", 1.2345], ["目标达成率(%)", 12.5], ["签约日期", serialOf(2026, 3, 15)], ["考评意见", "优秀"], ["重点客户经理", "是"], ["拜访户数", 21], ["存款日均数(万元)", 1234.56], ["新开基本户", 3]]);
    const r = read(wb);
    const settings = resolveSettings(BOOK);
    if (!settings.ok) throw new Error("settings");
    const json = appraisalInputJson(r.mapped.input);
    const m = (json.managers as Array<Record<string, unknown>>)[0];
    expect(m).toMatchObject({ hireDate: "2018-05-02", shareCapital: "25000" });
    expect((m.history as Array<Record<string, unknown>>)[0]).toMatchObject({ signedOn: "2026-03-15", review: "优秀", vip: true });
    const parsed = parseAppraisalInput(JSON.parse(JSON.stringify(json)), fieldVocabulary(BOOK));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    const direct = appraiseAll(BOOK, settings.value, r.mapped.input).output.results[0].commission;
    expect(appraiseAll(BOOK, settings.value, parsed.value).output.results[0].commission).toBe(direct);
  });

  it("a rulebook's own event is read from the 事件 list and from a yes/no column of its own; an unknown one is named", () => {
    const own = compileRulebook({
      format: "khjl-rulebook/2", id: "own-flags", version: "1.0.0", name: { zh: "自有事件", en: "own events" },
      fields: ["income"],
      roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }],
      flags: [{ id: "complaint", zh: "客户投诉", en: "client complaint" }, "majorViolation"],
      rules: [{ id: "F-PAY", name: "实发", unit: "money", formula: "IF(IFNA(HASFLAG(\"complaint\"), FALSE), income - 200元, income)" }],
      outputs: { pay: "实发" },
    });
    if (!own.ok) throw new Error(own.problems.join("\n"));
    const values: WorkbookValues = {
      月度指标: [
        ["工号", "角色", "期间", "月收入", "事件", "客户投诉"],
        ["0103001", "客户经理", "2026-05", 5000, "客户投诉", "否"],
        ["0103001", "客户经理", "2026-06", 5000, "", "是"],
        ["0103002", "客户经理", "2026-06", 5000, "被投诉", ""],
      ],
    };
    const m = mapWorkbook(values, { book: own.book, period: "2026-06" });
    const flags = m.input.managers.map((x) => x.history.map((h) => [h.period, h.flags]));
    expect(flags).toEqual([[["2026-05", ["complaint"]], ["2026-06", ["complaint"]]], [["2026-06", []]]]);
    expect(m.problems.map((p) => [p.address, p.code])).toEqual([["月度指标!E4", "unknownFlag"]]);
    expect(m.problems[0].zh).toContain("客户投诉(complaint)");
    const settings = resolveSettings(own.book);
    if (!settings.ok) throw new Error("settings");
    // 5000 − 200 for the complaint in June.
    expect(appraiseAll(own.book, settings.value, m.input).output.results.map((r) => r.commission)).toEqual(["4800.00", "5000.00"]);
  });
});
