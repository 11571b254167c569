/**
 * A month's task list computed row by row (Excel's array arithmetic on a column), the role written on a record
 * (RECORDROLE), a rulebook's own task items, and checks on each branch of the roster (forEach: branches).
 */
import { appraiseAll, checkBranch, fieldVocabulary, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { compileRulebook, type CompiledRulebook } from "../../../src/engine/rulebook/compile";
import { taskVocabulary } from "../../../src/workbook/vocabulary";

function load(rules: unknown[], extra: Record<string, unknown> = {}): CompiledRulebook {
  const c = compileRulebook({
    format: "khjl-rulebook/2", id: "lists-test", version: "1.0.0", name: { zh: "测试", en: "test" },
    roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }, { id: "director", zh: "主任", en: "director" }],
    rules, ...extra,
  });
  if (!c.ok) throw new Error(c.problems.join("\n"));
  return c.book;
}
const problemsOf = (rules: unknown[]) => {
  const c = compileRulebook({ format: "khjl-rulebook/2", id: "lists-test", version: "1.0.0", name: { zh: "测试", en: "test" }, roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }], rules });
  return c.ok ? [] : c.problems;
};

function values(book: CompiledRulebook, record: Record<string, unknown>) {
  const parsed = parseAppraisalInput({ period: "2026-06", managers: [{ id: "A", role: "cm", history: [{ period: "2026-06", ...record }] }] }, fieldVocabulary(book));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
  const s = resolveSettings(book, {});
  if (!s.ok) throw new Error("settings");
  const r = appraiseAll(book, s.value, parsed.value).output.results[0];
  return { values: r.values, unavailable: r.unavailable };
}

const tasks = (...rows: Array<[string, string, string]>) => rows.map(([item, plan, actual]) => ({ item, plan, actual }));

describe("a task list computed row by row", () => {
  const book = load([
    { id: "X-MISSED", name: "未完成", unit: "count", formula: 'COUNTIFS(任务.plan, ">0", 任务.actual / 任务.plan < 100%, TRUE)' },
    { id: "X-SHORT", name: "差额合计", unit: "number", formula: "SUM(任务.plan - 任务.actual)" },
    { id: "X-SCALED", name: "八折计划", unit: "number", formula: "SUM(任务.plan * 0.8)" },
  ], { outputs: { values: ["未完成", "差额合计", "八折计划"] } });

  it("column ÷ column and column < value give columns, counted by COUNTIFS", () => {
    expect(values(book, { tasks: tasks(["deposits", "100", "95"], ["loans", "50", "60"], ["fees", "10", "9.99"]) }).values).toEqual({ 未完成: "2", 差额合计: "-4.99", 八折计划: "128" });
  });

  it("a row that divides by a plan of 0 keeps its error in its cell: not counted, never the whole figure", () => {
    expect(values(book, { tasks: tasks(["deposits", "0", "5"], ["loans", "50", "40"]) }).values).toMatchObject({ 未完成: "1" });
  });

  it("an empty list gives empty columns", () => {
    expect(values(book, { tasks: [] }).values).toEqual({ 未完成: "0", 差额合计: "0", 八折计划: "0" });
  });

  it("columns of different lengths are #VALUE!; a whole table is refused when the rulebook loads", () => {
    const b = load([{ id: "X-LEN", name: "错配", unit: "number", formula: "SUM(任务.plan - SEQUENCE(3))" }], { outputs: { values: ["错配"] } });
    expect(values(b, { tasks: tasks(["deposits", "100", "95"]) }).unavailable?.[0]).toMatchObject({ code: "value", rule: "X-LEN" });
    expect(problemsOf([{ id: "X-TABLE", name: "整表", formula: "COUNT(任务 * 2)" }]).join("\n")).toContain("not to a whole table");
  });
});

describe("RECORDROLE()", () => {
  const book = load([{ id: "X-ROLE", name: "记录角色", type: "text", formula: 'IFNA(RECORDROLE(), "未写")' }], { outputs: { values: ["记录角色"] } });

  it("is the role written on the period's own record, unavailable when the record names none (角色 falls back to the roster)", () => {
    expect(values(book, { role: "director" }).values).toEqual({ 记录角色: "director" });
    expect(values(book, {}).values).toEqual({ 记录角色: "未写" });
  });
});

describe("a rulebook's task items", () => {
  it("name the items a workbook's 项目 cell may hold", () => {
    const book = load([{ id: "X-1", name: "一", unit: "count", formula: "1" }], { taskItems: [{ id: "loanRecovery", zh: "收回贷款", en: "loan recovery" }] });
    expect(taskVocabulary(book).get("收回贷款")).toBe("loanRecovery");
  });
});

describe("checks on each branch", () => {
  const book = load([
    { id: "X-1", name: "一", unit: "count", formula: "1" },
    { id: "X-DIR", record: { zh: "每社主任一名", en: "one director each" }, check: { forEach: "branches", code: "oneDirector", severity: "warning", if: 'COUNTIF(职工.role, "director") <> 1', message: { zh: "{机构}:主任 {COUNTIF(职工.role, \"director\")} 名,职工 {ROWS(职工)} 人", en: "{机构}: {COUNTIF(职工.role, \"director\")} director(s) of {ROWS(职工)}" } } },
  ]);
  const s = resolveSettings(book, {});

  it("judge each branch once with its staff, and name the branch", () => {
    if (!s.ok) throw new Error("settings");
    expect(checkBranch(book, s.value, "东社", [{ id: "1", role: "cm" }, { id: "2", role: "cm" }], "2026-06").map((f) => [f.on, f.code, f.zh, f.en])).toEqual([["branches", "oneDirector", "东社:主任 0 名,职工 2 人", "东社: 0 director(s) of 2"]]);
    expect(checkBranch(book, s.value, "西社", [{ id: "3", role: "director" }], "2026-06")).toEqual([]);
  });

  it("the staff list is only known in a check on each branch: a rule naming it is unavailable elsewhere", () => {
    const b = load([{ id: "X-STAFF", name: "人数", unit: "count", formula: "ROWS(职工)" }], { outputs: { values: ["人数"] } });
    expect(values(b, {}).unavailable?.[0]).toMatchObject({ code: "na", rule: "X-STAFF" });
  });
});
