/**
 * docs/rulebook-language.md is a manual a finance user writes a rulebook from: every example in it must load, give
 * the figures its text states, and together the examples must exercise every construct the language has (every
 * rule construct, hit policy, window function and missing-value policy), and the function table must list exactly
 * the functions formulas can call. Each case below recomputes what the document's paragraph says, and checks the
 * paragraph states the same figure.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { appraiseAll, checkBranch, checkManager, fieldVocabulary, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import { ALL_FUNCTIONS } from "../../src/engine/lang/functions";
import { isUnavailable } from "../../src/engine/outcome";
import type { ManagerResultJson } from "../../src/engine/results";
import { compileRulebook, type CompiledRulebook } from "../../src/engine/rulebook/compile";
import { CONSTRUCTS } from "../../src/engine/rulebook2/schema";
import { runTool } from "../../src/engine/tools";

const DOC = readFileSync(path.resolve(__dirname, "../../docs/rulebook-language.md"), "utf8");

/** The examples: a `<!-- example: id -->` marker, then a ```json block holding a whole rulebook. */
function examples(): Map<string, { doc: Record<string, unknown>; section: string }> {
  const out = new Map<string, { doc: Record<string, unknown>; section: string }>();
  const re = /<!-- example: ([\w-]+) -->\s*```json\n([\s\S]*?)```([\s\S]*?)(?=\n## |\n<!-- example|$)/g;
  for (let m = re.exec(DOC); m; m = re.exec(DOC)) out.set(m[1], { doc: JSON.parse(m[2]) as Record<string, unknown>, section: m[3] });
  return out;
}

const EXAMPLES = examples();

function book(id: string): CompiledRulebook {
  const e = EXAMPLES.get(id);
  if (!e) throw new Error(`no example ${id}`);
  const c = compileRulebook(e.doc);
  if (!c.ok) throw new Error(`example ${id} does not load:\n${c.problems.join("\n")}`);
  return c.book;
}

/** The text after an example's block (its worked figures) must state this figure. */
function stated(id: string, ...figures: string[]): void {
  for (const f of figures) expect(EXAMPLES.get(id)!.section).toContain(f);
}

function appraise(id: string, period: string, managers: unknown[], settings: Record<string, unknown> = {}): ManagerResultJson[] {
  const b = book(id);
  const parsed = parseAppraisalInput({ period, managers }, fieldVocabulary(b));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const s = resolveSettings(b, settings);
  if (!s.ok) throw new Error(s.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return appraiseAll(b, s.value, parsed.value).output.results;
}

const one = (id: string, period: string, manager: Record<string, unknown>, settings: Record<string, unknown> = {}) => appraise(id, period, [{ id: "A", role: "cm", ...manager }], settings)[0];
const months = (year: number, rows: Array<Record<string, unknown>>, from = 1) => rows.map((r, i) => ({ period: `${year}-${String(from + i).padStart(2, "0")}`, ...r }));

describe("docs/rulebook-language.md", () => {
  it("has one example per part of the language, and every example loads", () => {
    expect([...EXAMPLES.keys()]).toEqual(["start", "fields", "settings", "formula", "functions", "tables", "windows", "ledger", "status", "check", "tool", "tool-lists", "unavailable", "lists"]);
    for (const id of EXAMPLES.keys()) expect(() => book(id)).not.toThrow();
  });

  it("exercises every rule construct, hit policy, meet, otherwise, missing policy and every-period judgement", () => {
    const rules = [...EXAMPLES.values()].flatMap((e) => e.doc.rules as Array<Record<string, unknown>>);
    for (const c of CONSTRUCTS) expect(rules.some((r) => r[c] !== undefined)).toBe(true);
    const tables = rules.map((r) => r.table as Record<string, unknown> | undefined).filter((t): t is Record<string, unknown> => t !== undefined);
    for (const hit of ["first", "unique", "sum", "highest"]) expect(tables.some((t) => (t.hit ?? "first") === hit)).toBe(true);
    expect(tables.some((t) => t.meet !== undefined)).toBe(true);
    expect(tables.some((t) => t.otherwise !== undefined)).toBe(true);
    expect(rules.some((r) => r.missing === "notMet")).toBe(true);
    // A check beside another construct, and one standing alone.
    expect(rules.some((r) => r.check !== undefined && r.formula !== undefined)).toBe(true);
  });

  it("uses every period-window function in an example", () => {
    const formulas = JSON.stringify([...EXAMPLES.values()].map((e) => e.doc));
    for (const f of ["PREV", "LASTYEAR", "YTDSUM", "YTDAVERAGE", "YTDCOUNT", "ROLLAVERAGE", "ROLLCOUNT", "CONSECUTIVE", "HASFLAG", "GRADEDOWN", "VLOOKUP", "EDATE", "DATEDIF", "ERROR", "IFNA"]) {
      expect(formulas).toContain(`${f}(`);
    }
  });

  it("lists in its function table exactly the functions a formula can call", () => {
    const table = DOC.slice(DOC.indexOf("| 类别 / kind | 函数 / functions |"), DOC.indexOf("<!-- example: formula -->"));
    const listed = new Set([...table.matchAll(/`([A-Z][A-Z0-9.]*)`/g)].map((m) => m[1]));
    expect([...listed].sort()).toEqual(ALL_FUNCTIONS.map((f) => f.name).sort());
  });

  it("start: 800万 deposits and 25万 fee income → 48 + 30 = 78 points, pay 78 × 100 = 7800.00, each figure citing its rule", () => {
    const r = one("start", "2026-06", { history: [{ period: "2026-06", avgDeposits: "8000000", 中收: "250000" }] });
    expect(r.scoreItems).toEqual([{ rule: "DEP", points: "48.00" }, { rule: "FEE", points: "30.00" }]);
    expect(r.score).toBe("78.00");
    expect(r.commission).toBe("7800.00");
    expect(r.explanation.map((l) => l.rule)).toEqual(expect.arrayContaining(["DEP", "FEE-2", "TOTAL", "PAY"]));
    const pay = r.explanation.find((l) => l.rule === "PAY")!;
    expect(pay.zh).toBe("考核得分 78.00 ≥ 60,× ¥100.00 → ¥7,800.00");
    stated("start", "48", "30", "78", "¥7,800.00", "FEE-2");
  });

  it("fields: a quarter sums commission (6000.00), carries the base forward, counts blank leave as 0, and reads a hire date per person", () => {
    const r = one("fields", "2026-Q1", {
      入职日期: "2025-07-01",
      history: months(2026, [{ 佣金收入: "1000", 存款基数: "5000000" }, { 佣金收入: "2000", 请假天数: "2" }, { 佣金收入: "3000" }]),
    });
    expect(r.values).toEqual({ 季度佣金: "6000.00", 基数: "5000000.00", 请假: "2", 司龄月数: "8" });
    stated("fields", "¥6,000.00", "¥5,000,000.00", "**2**", "**8**");
  });

  it("settings: a rate, a map by grade and a required amount (unavailable until set)", () => {
    const senior = one("settings", "2026-06", { grade: "senior", history: [{ period: "2026-06", income: "12000" }] });
    expect(senior.values?.本月提取).toBe("2400.00"); // MIN(12000 × 20%, 20000)
    expect(senior.unavailable).toEqual([expect.objectContaining({ output: "values.奖金", code: "na", rule: "S-BONUS" })]);
    expect(senior.unavailable?.[0].en).toContain("branch.bonus.amount is not set");
    expect(one("settings", "2026-06", { grade: "senior", history: [{ period: "2026-06", income: "12000" }] }, { "branch.deposit.rate": "25%" }).values?.本月提取).toBe("3000.00");
    const junior = one("settings", "2026-06", { grade: "junior", history: [{ period: "2026-06", income: "30000" }] }, { "branch.bonus.amount": "3000" });
    expect(junior.values).toEqual({ 本月提取: "5000.00", 奖金: "3000.00" }); // MIN(6000, 5000)
    stated("settings", "¥2,400.00", "¥3,000.00", "¥5,000.00", "branch.bonus.amount");
  });

  it("formula: 99.83% is 3 whole steps of 0.1% → 26 points in exact decimals; 98% is floored at −20 → 0; 1亿 × 0.3% + 5000万 × 1.1% = 850 000", () => {
    expect(one("formula", "2026-06", { history: [{ period: "2026-06", collectionRate: "0.9983", avgDeposits: "100000000", avgLoans: "50000000" }] }).values).toEqual({ 收息得分: "26.00", 模拟利润: "850000.00" });
    expect(one("formula", "2026-06", { history: [{ period: "2026-06", collectionRate: "0.98", avgDeposits: "0", avgLoans: "0" }] }).values?.收息得分).toBe("0.00");
    stated("formula", "**26.00**", "**0.00**", "¥850,000.00");
  });

  it("functions: 99.95% → 20 + 2 × 4 = 28; 97.5% → 10 + ROUNDDOWN(−2.5) = 8", () => {
    expect(one("functions", "2026-06", { history: [{ period: "2026-06", collectionRate: "0.9995", newLoanCollectionRate: "0.975" }] }).values).toEqual({ 收息得分: "28.00", 新贷得分: "8.00" });
    stated("functions", "**28.00**", "**8.00**");
  });

  it("tables: unique, sum, highest (four stars), meet 2 of 3 and otherwise; no star row → no grade and a reward of 0", () => {
    const r = one("tables", "2026", { history: [{ period: "2026", avgDeposits: "40000000", nplRatio: "0.008", newBasicAccounts: "6", feeIncomeGrowth: "0.10" }] });
    expect(r.grade).toBe("four");
    expect(r.values).toEqual({ 不良得分: "20.00", 加分: "3.00", 达标: true, 星级奖励: "3000.00" });
    expect(r.explanation.map((l) => l.rule)).toEqual(expect.arrayContaining(["T-NPL-1", "T-ADD-ACC", "T-STAR-4"]));
    const low = one("tables", "2026", { history: [{ period: "2026", avgDeposits: "8000000", nplRatio: "0.008", newBasicAccounts: "6", feeIncomeGrowth: "0.10" }] });
    expect(low.attainedGrade).toBeNull();
    expect(low.values?.星级奖励).toBe("0.00");
    stated("tables", "**20**", "**3**", "四星", "¥3,000.00", "¥0.00");
  });

  it("windows: consecutive, previous, last year, year to date, rolling and counts at 2026-04", () => {
    const history = [
      { period: "2025-04", avgDeposits: "9000000", income: "0" },
      ...months(2026, [
        { income: "500", avgDeposits: "8000000" },
        { income: "-100", avgDeposits: "9000000" },
        { income: "-200", avgDeposits: "10000000" },
        { income: "-300", avgDeposits: "11000000" },
      ]),
    ];
    const r = one("windows", "2026-04", { history });
    expect(r.values).toEqual({ 连续负数月: "3", 环比增加: "1000000.00", 同比增加: "2000000.00", 年累计收入: "-100.00", 三月平均存款: "10000000.00", 近六月负数月: "3", 年内达标月: "2", 年均收入: "-25.00" });
    stated("windows", "**3**", "¥1,000,000.00", "¥2,000,000.00", "¥−100.00", "¥10,000,000.00", "**2**", "¥−25.00");
  });

  it("ledger: a risk deposit withheld to its cap (only 4000 in March) and a deduction carried while there is no pay", () => {
    const r = one("ledger", "2026-03", { history: months(2026, [{ income: "30000", 开发量: "50000" }, { income: "0", 开发量: "0" }, { income: "25000", 开发量: "200000" }]) });
    expect(r.riskDeposit).toEqual({ withheld: "4000.00", balance: "10000.00", refundable: "0.00" });
    expect(r.commission).toBe("21000.00"); // 25000 − 0 − 4000
    expect(r.values?.待扣).toBe("0.00");
    const jan = one("ledger", "2026-01", { history: months(2026, [{ income: "30000", 开发量: "50000" }]) });
    expect(jan.commission).toBe("18000.00"); // 30000 − 6000 carried deduction − 6000 risk deposit
    stated("ledger", "¥4,000.00", "¥10,000.00", "¥21,000.00");
  });

  it("status: three negative months demote one grade; at the lowest grade, dismissal; dismissal wins; a missing month counts as not met", () => {
    const neg = months(2026, [{ income: "-10", conductDeductions: "0" }, { income: "-20", conductDeductions: "0" }, { income: "-30", conductDeductions: "0" }]);
    const g2 = one("status", "2026-03", { grade: "g2", history: neg });
    expect([g2.status, g2.grade]).toEqual(["demote", "g3"]);
    expect(g2.outcomes).toEqual([{ rule: "S-NEG3", fires: "demote", code: "NEGATIVE_3_MONTHS", period: "2026-03" }]);
    expect(one("status", "2026-03", { grade: "g3", history: neg }).status).toBe("dismiss");
    const conduct = neg.map((m, i) => (i === 2 ? { ...m, conductDeductions: "15" } : m));
    const both = one("status", "2026-03", { grade: "g2", history: conduct });
    expect(both.status).toBe("dismiss");
    expect(both.outcomes?.map((o) => [o.rule, o.fires, o.code])).toEqual(expect.arrayContaining([["S-CONDUCT", "dismiss", "CONDUCT_15"], ["S-NEG3", "demote", "NEGATIVE_3_MONTHS"]]));
    const gap = neg.map((m, i) => (i === 2 ? { period: m.period, conductDeductions: "0" } : m));
    expect(one("status", "2026-03", { grade: "g2", history: gap }).status).toBe("normal");
    stated("status", "**降级**", "**三级客户经理**", "**解聘**", "**正常**", "NEGATIVE_3_MONTHS");
  });

  it("check: a person once, a record and a client row, each with its code, severity and words", () => {
    const b = book("check");
    const s = resolveSettings(b, {});
    if (!s.ok) throw new Error("settings");
    const parsed = parseAppraisalInput({ period: "2026-06", managers: [{ id: "A", role: "cm", history: [{ period: "2026-06", income: "60000", clients: [{ id: "K1", avgDeposits: "300000" }, { id: "K2", avgDeposits: "800000" }] }] }] }, fieldVocabulary(b));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
    const f = checkManager(b, s.value, parsed.value.managers[0], "2026-06");
    expect(f.map((x) => [x.rule, x.severity, x.code, x.on, x.field, x.client ?? null, x.zh])).toEqual([
      ["C-GRADE", "error", "roleGrade", "manager", "grade", null, "客户经理须有等级,等级为空"],
      ["C-PAY", "info", "highPay", "records", "income", null, "月收入 ¥60,000.00 达 5 万元,须复核"],
      ["C-CLIENT", "warning", "smallClient", "clients", "avgDeposits", 0, "日均存款 ¥300,000.00 不足 50 万元"],
    ]);
    stated("check", "客户经理须有等级,等级为空", "月收入 ¥60,000.00 达 5 万元,须复核", "日均存款 ¥300,000.00 不足 50 万元");
  });

  it("tool: a refund six months after leaving, less the losses before it", () => {
    const b = book("tool");
    const s = resolveSettings(b, {});
    if (!s.ok) throw new Error("settings");
    const out = runTool(b, s.value, "TL-REFUND", { leftOn: "2026-03-31", balance: "8000", losses: [{ date: "2026-05-10", amount: "1500" }, { date: "2026-12-01", amount: "900" }] });
    if (isUnavailable(out)) throw new Error(out.en);
    expect(out.value).toMatchObject({ refundOn: "2026-09-30", refund: "6500.00", stillOwed: "0.00" });
    expect(out.reasons.map((r) => r.zh)).toContain("2026-03-31 离岗,2026-09-30 退还:余额 ¥8,000.00 − 损失 ¥1,500.00 = ¥6,500.00");
    stated("tool", "2026-09-30", "6500.00", "0.00");
  });

  it("tool-lists: quarters grouped with UNIQUE, MAXIFS/MINIFS per quarter, ties to even, a Sunday-only weekend with a stacked holiday list", () => {
    const b = book("tool-lists");
    const s = resolveSettings(b, {});
    if (!s.ok) throw new Error("settings");
    const months = [
      { month: "2026-01-01", fee: "12540" },
      { month: "2026-02-01", fee: "1万" },
      { month: "2026-03-01", fee: "17460" },
      { month: "2026-04-01", fee: "9000" },
    ];
    const out = runTool(b, s.value, "TL-QUARTER", { months });
    if (isUnavailable(out)) throw new Error(out.en);
    const settled = (out.value as { settled: Array<Record<string, unknown>> }).settled;
    expect(settled[0]).toMatchObject({ quarter: "2026-Q1", given: "3", fees: "40000.00", best: "17460.00", worst: "10000.00", bestShare: "43.6%", payOn: "2026-04-08" });
    expect(settled[1]).toMatchObject({ quarter: "2026-Q2", given: "1", fees: null, payOn: null });
    // The rule says "explain": false: only the result's own line.
    expect(out.reasons).toEqual([{ rule: "TL-QUARTER", zh: "结算 1 个季度,1 个季度缺月暂不结算", en: "1 quarter(s) settled, 1 waiting for months" }]);
    const more = runTool(b, s.value, "TL-QUARTER", { months, holidays: ["2026-04-07"] });
    if (isUnavailable(more)) throw new Error(more.en);
    expect((more.value as { settled: Array<{ payOn: string }> }).settled[0].payOn).toBe("2026-04-09");
    stated("tool-lists", "¥40,000.00", "¥17,460.00", "¥10,000.00", "43.6%", "2026-04-08", "2026-04-09", "结算 1 个季度,1 个季度缺月暂不结算");
  });

  it("unavailable: a blank income is reported, never a zero; a blank fine is 0 by blank: zero; ERROR flags a figure to check", () => {
    const blank = one("unavailable", "2026-06", { history: [{ period: "2026-06" }] });
    expect(blank.commission).toBeUndefined();
    expect(blank.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ output: "commission", code: "na", rule: "U-NET" })]));
    expect(one("unavailable", "2026-06", { history: [{ period: "2026-06", income: "8000" }] }).commission).toBe("8000.00");
    const big = one("unavailable", "2026-06", { history: [{ period: "2026-06", income: "1200000" }] });
    expect(big.unavailable).toEqual([expect.objectContaining({ output: "values.复核", code: "value", rule: "U-CHECK", zh: "月收入超过 100 万元,请核对" })]);
    stated("unavailable", "¥8,000.00", "月收入超过 100 万元,请核对");
  });

  it("lists: a task list computed row by row, the role written on the record, and a check on each branch", () => {
    const tasks = [{ item: "deposits", plan: "1000000", actual: "950000" }, { item: "loanRecovery", plan: "500000", actual: "600000" }];
    const r = one("lists", "2026-06", { history: [{ period: "2026-06", role: "marketer", tasks }] });
    expect(r.values).toEqual({ 未完成项数: "1", 最低完成率: "0.95", 本月记为营销员: true });
    const unmarked = one("lists", "2026-06", { history: [{ period: "2026-06", tasks }] });
    expect(unmarked.values?.本月记为营销员).toBe(false);
    const b = book("lists");
    const s = resolveSettings(b, {});
    if (!s.ok) throw new Error("settings");
    const staff = [{ id: "1", role: "director" }, { id: "2", role: "director" }, ...["3", "4", "5"].map((id) => ({ id, role: "cm" }))];
    expect(checkBranch(b, s.value, "城关信用社", staff, "2026-06").map((f) => [f.rule, f.severity, f.code, f.on, f.zh])).toEqual([["LS-DIRECTOR", "warning", "oneDirector", "branches", "城关信用社应有主任一名,现有 2 名"]]);
    expect(checkBranch(b, s.value, "城关信用社", staff.slice(1), "2026-06")).toEqual([]);
    stated("lists", "**1**", "**95.00%**", "**是**", "城关信用社应有主任一名,现有 2 名");
  });
});
