/**
 * validateWorkbook beyond one finding per check: the order of findings, which checks a rulebook runs, the settings
 * and alternatives each check follows (C000-AUTH-LIMITS, C000-SPECIALIST, H003-AGENT-NO-LOANS, c000.task.zeroPlan),
 * and the layouts the new columns may take (a ledger inside 月度指标, a sheet titled with its month).
 */
import { compileRulebook } from "../../src/engine/rulebook/compile";
import { loadPreset } from "../../src/engine/rulebooks";
import type { CellValue, WorkbookValues } from "../../src/workbook";
import { KHJL_FORMULA_LIMIT, mapWorkbook, validateWorkbook, type ValidateOptions } from "../../src/workbook";

const TODAY = "2027-01-05";
const h003 = loadPreset("h003-city-bank");
const c000 = loadPreset("c000-credit-coop");
const b002 = loadPreset("b002-bank-grades");

const ROSTER: CellValue[] = ["工号", "姓名", "机构", "角色", "等级"];
const CM: CellValue[] = ["0103001", "张三", "城东支行", "客户经理", "中级客户经理"];

function run(values: WorkbookValues, options: Partial<ValidateOptions> = {}) {
  return validateWorkbook(values, { book: h003, period: "2026", today: TODAY, ...options });
}

const brief = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.address} ${f.severity} ${f.code}`);

describe("findings", () => {
  it("are sorted by sheet order, then row, then column, whichever check found them; counts add them up", () => {
    const values: WorkbookValues = {
      花名册: [ROSTER, CM, ["0103002", "李四", "城东支行", "客户经理", ""]],
      月度指标: [
        ["工号", "姓名", "期间", "月收入", "日均存款(万元)"],
        ["0103002", "李四", "2026", 5000.005, 100],
        ["0103001", "张叁", "2026", "5,000", 100],
      ],
      客户: [["工号", "期间", "客户编号", "日均存款(万元)"], ["0103001", "2026", "C1", 900]],
    };
    const r = run(values, { formulaCells: KHJL_FORMULA_LIMIT + 5 });
    expect(brief(r)).toEqual([
      " warning formulaCount", // the workbook as a whole comes first
      "花名册!E3 error roleGrade",
      "月度指标!D2 warning moneyDecimals",
      "月度指标!B3 warning nameMismatch",
      "月度指标!D3 error textNumber",
      "客户!D2 warning clientBand",
    ]);
    expect(r.counts).toEqual({ error: 2, warning: 4, info: 0 });
    // 5000.005 元 rounds half-up to the fen.
    expect(r.findings[2].suggested).toBe("5000.01");
  });

  it("name the rule that makes them a problem and the manager they concern", () => {
    const r = run({ 花名册: [ROSTER, CM], 月度指标: [["工号", "期间"], ["0103001", "2026"]], 客户: [["工号", "期间", "客户编号", "日均存款(万元)"], ["0103001", "2026", "C1", 900]] });
    expect(r.findings.map((f) => [f.code, f.rule, f.managerId, f.field])).toEqual([["clientBand", "H003-CLIENT-BAND", "0103001", "avgDeposits"]]);
  });
});

describe("checks run", () => {
  const codes = (book: typeof h003, formulaCells?: number) =>
    validateWorkbook({}, { book, period: "2026", today: TODAY, ...(formulaCells !== undefined ? { formulaCells } : {}) }).checks;

  it("lists the rules each rule check runs, and only the rule checks the rulebook has", () => {
    const h = new Map(codes(h003).map((c) => [c.code, c.rules]));
    expect(h.get("roleGrade")).toEqual(["H003-ROLE-GRADES"]);
    expect(h.get("roleRowCheck")).toEqual(["H003-AGENT-NO-LOANS"]);
    expect(h.get("clientBand")).toEqual(["H003-CLIENT-BAND"]);
    expect(h.get("creditLimit")).toEqual(["H003-LOAN-AUTHORITY"]);
    expect(h.get("ledgerMismatch")).toEqual(["H003-RISKDEP-LEDGER"]);
    expect(h.has("staffShare")).toBe(false);
    const c = new Map(codes(c000).map((x) => [x.code, x.rules]));
    expect([c.get("staffHeadcount"), c.get("staffShare"), c.get("creditLimit"), c.get("roleRowCheck")]).toEqual([["C000-SERVICE-STAFF-3"], ["C000-CM-SHARE-50"], ["C000-AUTH-LIMITS"], ["C000-SPECIALIST"]]);
    expect(c.has("clientBand")).toBe(false);
    expect(new Map(codes(b002).map((x) => [x.code, x.rules])).get("clientRowCheck")).toEqual(["B002-CLIENT-ASSIGN-50W", "B002-TRAINEE-NO-CREDIT"]);
  });

  it("counts at least 30 checks for every built-in rulebook, each titled in Chinese and English", () => {
    for (const book of [h003, c000, b002]) {
      const list = codes(book);
      expect(list.length).toBeGreaterThanOrEqual(30);
      for (const c of list) expect([c.code, c.zh.length > 0, c.en.length > 0]).toEqual([c.code, true, true]);
    }
  });

  it("includes the formula count only when the caller counted formulas; at the limit it says nothing", () => {
    expect(codes(h003).map((c) => c.code)).not.toContain("formulaCount");
    expect(codes(h003, 0).map((c) => c.code)).toContain("formulaCount");
    const values = { 花名册: [ROSTER, CM], 月度指标: [["工号", "期间"], ["0103001", "2026"]] };
    expect(run(values, { formulaCells: KHJL_FORMULA_LIMIT }).findings).toEqual([]);
  });
});

describe("periods", () => {
  const months = (list: string[]) => ({ 花名册: [ROSTER, CM], 月度指标: [["工号", "期间"], ...list.map((p) => ["0103001", p])] });

  it("counts the rows of a period per sheet (one finding per sheet and period), and says a period after the appraised one is not used", () => {
    const r = run(months(["2026-06", "2026-07", "2026-08", "2026"]), { period: "2026-06" });
    expect(brief(r)).toEqual(["月度指标!B3 warning periodAfterGraded", "月度指标!B4 warning periodAfterGraded"]);
  });

  it("a period that has not begun is futurePeriod, not also periodAfterGraded; the appraised period too", () => {
    const r = run({ ...months(["2027-05", "2027-06", "2027-06"]), 设置: [["考核期", "2027-06"]] }, { period: "2027-06" });
    expect(brief(r)).toEqual([
      "月度指标!B2 warning futurePeriod",
      "月度指标!B3 warning futurePeriod",
      "月度指标!B4 error duplicateRecord",
      "设置!B1 warning futurePeriod",
    ]);
    expect(r.findings[1].zh).toBe("期间 2027-06 尚未开始(今天是 2027-01-05):「月度指标」有 2 行该期间的数据(首行 月度指标!B3),年份或月份可能录错");
    expect(r.findings[3].en).toBe("the appraised period 2027-06 has not begun (today is 2027-01-05); check the period");
    // The same rows seen on 2027-06-01: June has begun.
    expect(brief(run(months(["2027-05", "2027-06"]), { period: "2027-06", today: "2027-06-01" }))).toEqual([]);
  });

  it("today defaults to the real date and may be a Date (its calendar day)", () => {
    const far = months([`${new Date().getFullYear() + 1}-12`]);
    expect(brief(validateWorkbook(far, { book: h003, period: "2026" }))).toContain("月度指标!B2 warning futurePeriod");
    expect(brief(run(far, { today: new Date(2099, 0, 1) }))).not.toContain("月度指标!B2 warning futurePeriod");
  });

  it("a sheet named for a month gives its rows' period; a row of another month is periodMixed, read as its own cell says", () => {
    const values: WorkbookValues = { 花名册: [ROSTER, CM], "2026-03": [["工号", "期间", "月收入"], ["0103001", "", 5000], ["0103001", "2026-02", 5000]] };
    const r = run(values);
    expect(r.findings.map((f) => [f.address, f.code, f.zh])).toEqual([
      ["'2026-03'!B3", "periodMixed", "期间 2026-02 不属于本表的期间 2026-03(见表名「2026-03」):一张表混有不同月份的数据;此行按 2026-02 读取,请核对"],
    ]);
    expect(mapWorkbook(values, { book: h003, period: "2026" }).input.managers[0].history.map((h) => h.period)).toEqual(["2026-02", "2026-03"]);
  });

  it("a sheet titled with one month needs no period column; a title naming a span of months names no period", () => {
    const titled = { 花名册: [ROSTER, CM], 月度指标: [["城东支行 2026年3月 考核表"], ["工号", "月收入"], ["0103001", 5000]] };
    expect(run(titled).findings).toEqual([]);
    expect(mapWorkbook(titled, { book: h003, period: "2026" }).input.managers[0].history.map((h) => h.period)).toEqual(["2026-03"]);
    const span = { 花名册: [ROSTER, CM], 月度指标: [["2026年1月至3月考核表"], ["工号", "期间"], ["0103001", "2026-02"]] };
    expect(run(span).findings).toEqual([]);
  });

  it("a date typed as text in the 设置 sheet's 考核期 is read as its month, with a warning", () => {
    const r = run({ 花名册: [ROSTER, CM], 月度指标: [["工号", "期间"], ["0103001", "2026-10"]], 设置: [["考核期", "2026-10-31"]] }, { period: "2026-10" });
    expect(r.findings.map((f) => [f.address, f.severity, f.code, f.suggested])).toEqual([["设置!B1", "warning", "dateAsText", "2026-10"]]);
  });
});

describe("amounts", () => {
  const tasks = (plan: CellValue, grade = "中级客户经理") => ({
    花名册: [ROSTER, ["0103001", "张三", "城东支行", "客户经理", grade]],
    月度指标: [["工号", "期间"], ["0103001", "2026-12"]],
    任务: [["工号", "期间", "项目", "计划(万元)", "完成(万元)"], ["0103001", "2026-12", "存款", plan, 100]],
  });

  it("G001-COMPLETION-RATE: a negative plan is an error; under c000.task.zeroPlan = skip a 0 plan is a note", () => {
    const neg = run(tasks(-5), { period: "2026-12" });
    expect(neg.findings.map((f) => [f.address, f.severity, f.code, f.zh])).toEqual([["任务!D2", "error", "planNotPositive", "任务「存款」2026-12 的计划为负数 -50000,计划必须大于 0(G001-COMPLETION-RATE)"]]);
    const skip = validateWorkbook(tasks(0, "三级客户经理"), { book: c000, period: "2026-12", today: TODAY });
    expect(skip.findings.map((f) => [f.address, f.severity, f.code, f.en])).toEqual([
      ["任务!D2", "info", "planNotPositive", "task \"存款\" 2026-12: the plan is 0, so there is no completion rate (G001-COMPLETION-RATE); c000.task.zeroPlan = skip reads it as no task that month"],
    ]);
    const error = validateWorkbook(tasks(0, "三级客户经理"), { book: c000, period: "2026-12", today: TODAY, settings: { "c000.task.zeroPlan": "error" } });
    expect(error.findings.map((f) => f.severity)).toEqual(["warning"]);
  });

  it("binary noise in a formula result is flagged with the value meant", () => {
    const r = run({ 花名册: [ROSTER, CM], 月度指标: [["工号", "期间", "月收入"], ["0103001", "2026", 0.1 + 0.2]] });
    expect(r.findings.map((f) => [f.code, f.suggested])).toEqual([["moneyDecimals", "0.3"]]);
  });

  it("G001-NET-INCREASE-YTD: a net increase may be negative, and agreeing to the fen is no finding", () => {
    const header = ["工号", "期间", "存款余额(万元)", "年初余额(万元)", "比年初净增(万元)"];
    const ok = run({ 花名册: [ROSTER, CM], 月度指标: [header, ["0103001", "2026", 17000, 9000, 8000], ["0103001", "2025", 9000, 12000, -3000]] });
    expect(ok.findings).toEqual([]);
    const off = run({ 花名册: [ROSTER, CM], 月度指标: [header, ["0103001", "2026", 17000, 9000, 8000.0001]] });
    expect(off.findings.map((f) => f.code)).toEqual(["netIncreaseMismatch"]);
    expect(off.findings[0].zh).toContain("差 ¥1.00");
  });
});

describe("H003-RISKDEP-LEDGER", () => {
  const header = ["工号", "期间", "月收入", "风险金期初余额", "风险金提取", "风险金退还", "风险金抵扣", "风险金期末余额"];

  it("ledger columns inside 月度指标 are checked too; a balanced ledger month after month has no finding", () => {
    const r = run({ 花名册: [ROSTER, CM], 月度指标: [header, ["0103001", "2026-01", 8000, 0, 1600, 0, 0, 1600], ["0103001", "2026-02", 8000, 1600, 1600, 200, 1200.5, 1799.5]] });
    expect(r.findings).toEqual([]);
  });

  it("a negative balance or a text amount in the ledger is reported where it is, and that row is not checked", () => {
    const r = run({ 花名册: [ROSTER, CM], 月度指标: [header, ["0103001", "2026-01", 8000, 0, 1600, 0, 2000, -400], ["0103001", "2026-02", 8000, 0, "1,600", 0, 0, 1600]] });
    expect(brief(r)).toEqual(["月度指标!H2 error negative", "月度指标!E3 error textNumber"]);
  });

  it("a ledger sheet row for someone not in the roster is reported and not checked", () => {
    const r = run({ 花名册: [ROSTER, CM], 月度指标: [["工号", "期间"], ["0103001", "2026"]], 风险金台账: [["工号", "期间", "风险金期初余额", "风险金提取", "风险金期末余额"], ["0109999", "2026-01", 0, 100, 50]] });
    expect(brief(r)).toEqual(["风险金台账!A2 error unknownManager"]);
  });

  it("a negative opening balance in the roster is not read", () => {
    const r = run({ 花名册: [[...ROSTER, "风险金期初余额"], [...CM, -100]], 月度指标: [["工号", "期间"], ["0103001", "2026"]] });
    expect(brief(r)).toEqual(["花名册!F2 error negative"]);
    expect(mapWorkbook({ 花名册: [[...ROSTER, "风险金期初余额"], [...CM, -100]], 月度指标: [["工号", "期间"], ["0103001", "2026"]] }, { book: h003, period: "2026" }).input.managers[0].riskDeposit).toBeUndefined();
  });
});

describe("loans and roles", () => {
  const coop = (role: string, loan: CellValue, extra: { header: string[]; cells: CellValue[] } = { header: [], cells: [] }) => ({
    花名册: [ROSTER, ["0301001", "田大", "城关信用社", role, role === "客户经理" ? "三级客户经理" : ""]],
    月度指标: [["工号", "期间", "贷款金额", ...extra.header], ["0301001", "2026-12", loan, ...extra.cells]],
  });
  const c000run = (values: WorkbookValues) => validateWorkbook(values, { book: c000, period: "2026-12", today: TODAY });

  it("C000-AUTH-LIMITS: a CM's loan above 3000 goes to the credit approval group (warning); within it, nothing", () => {
    const above = c000run(coop("客户经理", 3500));
    expect(above.findings.map((f) => [f.address, f.severity, f.code, f.rule])).toEqual([["月度指标!C2", "warning", "creditLimit", "C000-AUTH-LIMITS"]]);
    expect(above.findings[0].zh).toMatch(/^工号 0301001\(客户经理\)2026-12:贷款 ¥3,500\.00:客户经理:单笔 ¥3,500\.00 .*须经信贷审批小组研究决定\(未填单户累欠,按 0 计\)\(C000-AUTH-LIMITS\)$/);
    expect(c000run(coop("客户经理", 3000)).findings).toEqual([]);
  });

  it("C000-AUTH-LIMITS: the household's debt counts (c000.authority.cumulativeIncludesNew); a direct loan needs the trust card when the sheet records it", () => {
    const household = c000run(coop("客户经理", 2000, { header: ["单户累欠"], cells: [8500] }));
    expect(household.findings.map((f) => f.code)).toEqual(["creditLimit"]);
    expect(household.findings[0].zh).not.toContain("未填单户累欠");
    const noCard = c000run(coop("客户经理", 2000, { header: ["单户累欠", "守信卡"], cells: [1000, "否"] }));
    expect(noCard.findings.map((f) => [f.severity, f.code, f.zh])).toEqual([["warning", "creditLimit", "工号 0301001(客户经理)2026-12:贷款 ¥2,000.00:直接发放须凭农户守信卡(C000-AUTH-LIMITS)"]]);
    expect(c000run(coop("客户经理", 2000, { header: ["单户累欠", "守信卡"], cells: [1000, "是"] })).findings).toEqual([]);
    expect(brief(c000run(coop("客户经理", 2000, { header: ["守信卡"], cells: ["也许"] })))).toEqual(["月度指标!D2 error badFlagValue"]);
  });

  it("C000-SPECIALIST: a specialist's loan is the row check's error, not also a credit-limit finding", () => {
    const r = c000run(coop("专项营销员", 2000));
    expect(r.findings.map((f) => [f.address, f.severity, f.code, f.rule])).toEqual([["月度指标!C2", "error", "roleRowCheck", "C000-SPECIALIST"]]);
  });

  it("H003-AGENT-NO-LOANS: an agent's loan client is one error; a president approves any amount", () => {
    const agent = run({
      花名册: [ROSTER, ["0104001", "冯十二", "城东支行", "业务代办员", ""]],
      月度指标: [["工号", "期间"], ["0104001", "2026"]],
      客户: [["工号", "期间", "客户编号", "日均存款(万元)", "贷款金额(万元)"], ["0104001", "2026", "C1", 100, 50]],
    });
    expect(agent.findings.map((f) => [f.address, f.severity, f.code, f.zh])).toEqual([
      ["客户!E2", "error", "roleRowCheck", "客户 C1(工号 0104001,2026):业务代办员不承办贷款:贷款金额 ¥500,000.00(H003-AGENT-NO-LOANS)"],
    ]);
    const president = run({
      花名册: [ROSTER, ["0102003", "张三", "城东支行", "支行行长", "中级客户经理"]],
      月度指标: [["工号", "期间"], ["0102003", "2026"]],
      客户: [["工号", "期间", "客户编号", "日均存款(万元)", "贷款金额(万元)"], ["0102003", "2026", "C1", 600, 900]],
    });
    expect(president.findings).toEqual([]);
  });

  it("a rulebook's own checks: on every client row, on each person once, under the rulebook's own code", () => {
    const doc = {
      format: "khjl-rulebook/2", id: "own-checks", version: "1.0.0", name: { zh: "自定检查", en: "own checks" },
      fields: ["avgDeposits", "income"],
      roles: [{ id: "cm", zh: "客户经理", en: "customer manager", graded: true }],
      grades: [{ id: "intermediate", zh: "中级客户经理", en: "intermediate CM" }],
      rules: [
        { id: "OWN-PAY", name: "月薪", unit: "money", formula: "income" },
        {
          id: "OWN-SMALL-CLIENT", record: { zh: "日均存款 10 万元以下的客户不计入名下", en: "clients below 10万 are not counted" },
          check: { forEach: "clients", code: "smallClient", field: "avgDeposits", severity: "warning", if: "avgDeposits < 10万", message: { zh: "客户 {客户号} 日均存款 {avgDeposits} 不足 10 万元", en: "client {客户号}: deposits {avgDeposits} below 10万" } },
        },
        {
          id: "OWN-GRADE", record: { zh: "客户经理须定级", en: "a CM holds a grade" },
          check: { forEach: "manager", code: "roleGrade", field: "grade", severity: "error", if: "ISNA(等级)", message: { zh: "{角色}未定级", en: "{角色} has no grade" } },
        },
      ],
      outputs: { pay: "月薪" },
    };
    const own = compileRulebook(doc);
    if (!own.ok) throw new Error(own.problems.join("\n"));
    const r = validateWorkbook(
      {
        花名册: [ROSTER, ["0103001", "张三", "城东支行", "客户经理", ""]],
        月度指标: [["工号", "期间", "月收入"], ["0103001", "2026-01", 5000], ["0103001", "2026-02", 5000]],
        客户: [["工号", "期间", "客户编号", "日均存款(万元)"], ["0103001", "2026-02", "C7", 9.5], ["0103001", "2026-02", "C8", 10]],
      },
      { book: own.book, period: "2026-02", today: TODAY },
    );
    // 9.5万 < 10万 on C7 only; the missing grade once for the person, at the roster's grade cell.
    expect(r.findings.map((f) => [f.address, f.severity, f.code, f.check ?? null, f.rule, f.zh])).toEqual([
      ["花名册!E2", "error", "roleGrade", null, "OWN-GRADE", "工号 0103001:客户经理未定级(OWN-GRADE)"],
      ["客户!D2", "warning", "ruleCheck", "smallClient", "OWN-SMALL-CLIENT", "客户 C7(工号 0103001,2026-02):客户 C7 日均存款 ¥95,000.00 不足 10 万元(OWN-SMALL-CLIENT)"],
    ]);
    const checks = new Map(r.checks.map((c) => [c.code, c.rules]));
    expect(checks.get("ruleCheck")).toEqual(["OWN-SMALL-CLIENT"]);
    expect(checks.get("roleGrade")).toEqual(["OWN-GRADE"]);
  });

  it("a money field of the rulebook's own gets the fen check too (100.005 元 → suggests 100.01)", () => {
    const own = compileRulebook({
      format: "khjl-rulebook/2", id: "own-money", version: "1.0.0", name: { zh: "自有金额", en: "own money" },
      fields: [{ id: "佣金收入", zh: "佣金收入", en: "commission", unit: "money" }],
      roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }],
      rules: [{ id: "OWN-PAY", name: "提成", unit: "money", formula: "佣金收入 * 40%" }],
      outputs: { pay: "提成" },
    });
    if (!own.ok) throw new Error(own.problems.join("\n"));
    const r = validateWorkbook({ 月度指标: [["工号", "角色", "期间", "佣金收入(元)"], ["0103001", "客户经理", "2026-06", 100.005]] }, { book: own.book, period: "2026-06", today: TODAY });
    expect(r.findings.map((f) => [f.address, f.code, f.suggested])).toEqual([["月度指标!D2", "moneyDecimals", "100.01"]]);
  });

  it("H003-ROLE-GRADES: an agent with a grade is a warning (the grade is not used)", () => {
    const r = run({ 花名册: [ROSTER, ["0104001", "冯十二", "城东支行", "业务代办员", "初级客户经理"]], 月度指标: [["工号", "期间"], ["0104001", "2026"]] });
    expect(r.findings.map((f) => [f.address, f.severity, f.code, f.en])).toEqual([["花名册!E2", "warning", "roleGrade", "staff id 0104001: business agent has no grade; grade \"junior CM\" is ignored (H003-ROLE-GRADES)"]]);
  });

  it("C000 staffing is judged only for a 机构 whose roster rows name a service role (a list of CMs alone says nothing of the staff)", () => {
    const cms = { 花名册: [ROSTER, ...["0301001", "0301002"].map((id) => [id, "田", "城关信用社", "客户经理", "三级客户经理"])], 月度指标: [["工号", "期间"], ["0301001", "2026-12"], ["0301002", "2026-12"]] };
    expect(c000run(cms).findings).toEqual([]);
  });

  it("B002-TRAINEE-NO-CREDIT: a trainee's client with loans is an error; other grades are not checked by it", () => {
    const values = (grade: string) => ({
      花名册: [ROSTER, ["0201001", "令狐十", "城北支行", "客户经理", grade]],
      月度指标: [["工号", "期间"], ["0201001", "2026"]],
      客户: [["工号", "期间", "客户编号", "日均存款(万元)", "日均贷款(万元)"], ["0201001", "2026", "C1", 600, 300]],
    });
    const trainee = validateWorkbook(values("见习客户经理"), { book: b002, period: "2026", today: TODAY });
    expect(trainee.findings.map((f) => [f.address, f.severity, f.code, f.rule])).toEqual([["客户!C2", "error", "clientRowCheck", "B002-TRAINEE-NO-CREDIT"]]);
    expect(validateWorkbook(values("三级客户经理"), { book: b002, period: "2026", today: TODAY }).findings).toEqual([]);
  });
});
