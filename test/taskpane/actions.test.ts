/**
 * The taskpane's actions over an in-memory port, on the shipped sample workbooks: validation finds exactly the
 * sample's deliberate problems, grading writes one results sheet equal to the engine's figures and nothing else,
 * an existing sheet is replaced only after a yes, and rulebooks are chosen, imported and exported through the
 * document settings (khjl.rulebook, khjl.userRulebooks) the KHJL functions read.
 */
import * as path from "node:path";
import { appraiseAll, resolveSettings } from "../../src/engine/api";
import { loadPreset, presetDocument } from "../../src/engine/rulebooks";
import { readXlsx } from "../../src/cli/xlsx/read";
import {
  activeRulebook, chooseRulebook, exportRulebook, importRulebook, isBlocked, listRulebooks, readPeriods, rulesOf,
  runFreeze, runGrading, runValidation, type GradeProgress,
} from "../../src/taskpane/actions";
import { mapWorkbook, RULEBOOK_CHOICE_KEY, USER_RULEBOOKS_KEY, type WorkbookValues } from "../../src/workbook";
import type { PlanBlock } from "../../src/workbook/resultsSheet";
import { MemoryPort } from "./memoryPort";

const ASSETS = path.join(__dirname, "../../assets");
let cityBank: WorkbookValues;
let coop: WorkbookValues;
beforeAll(async () => {
  cityBank = await readXlsx(path.join(ASSETS, "sample-city-bank.xlsx"));
  coop = await readXlsx(path.join(ASSETS, "sample-credit-coop.xlsx"));
});

const chosen = (id: string) => ({ [RULEBOOK_CHOICE_KEY]: { id, settings: {} } });
const NOW = new Date(2026, 10, 23, 15, 2);
const yes = async () => true;
const column = (b: PlanBlock, header: string) => {
  const i = b.values[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return b.values.slice(1).map((r) => r[i]);
};

describe("校验工作簿 (runValidation)", () => {
  it("finds exactly the four deliberate problems of the city-bank sample, with their cells", async () => {
    const port = new MemoryPort(cityBank);
    const r = await runValidation(port, { today: "2027-01-15" });
    if (isBlocked(r)) throw new Error(JSON.stringify(r));
    expect([r.rulebook, r.period, r.counts]).toEqual([{ id: "h003-city-bank", version: "2.0.0" }, "2026", { error: 4, warning: 0, info: 0 }]);
    expect(r.findings.map((f) => `${f.address} ${f.code}`)).toEqual(["花名册!A20 idDigitsLost", "花名册!A41 duplicateId", "月度指标!E190 notNumber", "月度指标!K252 percentUnits"]);
    expect(r.checks).toBeGreaterThanOrEqual(30);
    expect(port.log).toEqual(["read"]);
  });

  it("warns about many KHJL formulas, counted by the port", async () => {
    const r = await runValidation(new MemoryPort(coop, {}, 20_000), { today: "2027-01-15" });
    if (isBlocked(r)) throw new Error(JSON.stringify(r));
    expect(r.findings.map((f) => f.code)).toContain("formulaCount");
  });

  it("is blocked, in both languages, when no rulebook is chosen anywhere", async () => {
    const values: WorkbookValues = { 花名册: [["工号", "姓名", "角色"], ["001", "张三", "客户经理"]] };
    const r = await runValidation(new MemoryPort(values), {});
    expect(isBlocked(r) && r.blocked[0].zh).toMatch(/尚未选择考核规则集/);
    expect(isBlocked(r) && r.blocked[0].en).toMatch(/No rulebook is chosen/);
  });
});

describe("月度考核 (runGrading)", () => {
  it("writes one 考核结果 sheet whose figures are the engine's, highlights the managers to act on, and reads nothing else twice", async () => {
    const port = new MemoryPort(cityBank, chosen("h003-city-bank"));
    const seen: GradeProgress[] = [];
    const r = await runGrading(port, { period: "2026", confirmReplace: yes, onProgress: (p) => seen.push(p), now: NOW });
    if (isBlocked(r) || "cancelled" in r) throw new Error(JSON.stringify(r));
    expect(port.log).toEqual(["read", "write 考核结果 2026"]);
    const plan = port.written[0];
    expect(plan.name).toBe("考核结果 2026");
    const results = plan.blocks.find((b) => b.id === "results")!;

    // The engine on its own, over the same mapped workbook.
    const book = loadPreset("h003-city-bank");
    const mapped = mapWorkbook(cityBank, { book, period: "2026" });
    const settings = resolveSettings(book, mapped.input.settings ?? {});
    if (!settings.ok) throw new Error("settings");
    const out = appraiseAll(book, settings.value, mapped.input).output;
    expect(r.managers).toBe(out.results.length);
    expect(column(results, "工号")).toEqual(out.results.map((x) => x.id));
    // Figures arrive as numbers, exactly the engine's decimal text.
    // A figure the rulebook computes but could not for this manager reads 不可用 (the 说明 says why), never 0.
    const absent = (x: (typeof out.results)[number], what: string) => (x.unavailable?.some((u) => u.output === what) ? "不可用" : "—");
    expect(column(results, "得分")).toEqual(out.results.map((x) => (x.score === undefined ? absent(x, "score") : Number(x.score))));
    expect(column(results, "得分")).toContain("不可用");
    expect(column(results, "风险金余额")).toEqual(out.results.map((x) => (x.riskDeposit ? Number(x.riskDeposit.balance) : absent(x, "riskDeposit"))));
    const money = results.values[0].indexOf("风险金余额");
    expect(results.numberFormats[money]).toBe("#,##0.00");

    // 需关注 holds the status label exactly for the statuses the rulebook lists, and drives the highlight.
    const flags = column(results, "需关注");
    const attention = new Set(book.doc.attentionStatuses);
    expect(flags.map((f) => Boolean(f))).toEqual(out.results.map((x) => x.status !== undefined && attention.has(x.status)));
    expect(flags.some((f) => Boolean(f))).toBe(true);
    expect(plan.highlight?.flagColumn).toBe(results.values[0].indexOf("需关注"));
    expect(r.statuses.filter((s) => s.attention).reduce((n, s) => n + s.count, 0)).toBe(flags.filter((f) => Boolean(f)).length);

    // Every reason names its rule; the note names the rulebook, period, time and every rule used.
    for (const text of column(results, "说明")) if (text) expect(String(text)).toMatch(/\[H003-[A-Z0-9-]+\]/);
    const note = plan.blocks.find((b) => b.id === "note")!.values.map((row) => row[0]).join("\n");
    expect(note).toContain("规则集 h003-city-bank v2.0.0");
    expect(note).toContain("考核期 2026 · 生成于 2026-11-23 15:02");
    expect(note).toContain("H003-DEMOTE-LADDER");

    // Progress: read, check, grade (per slice), write — in that order.
    expect([...new Set(seen.map((p) => p.stage))]).toEqual(["read", "check", "grade", "write"]);
    expect(seen.filter((p) => p.stage === "grade").at(-1)).toEqual({ stage: "grade", done: out.results.length, total: out.results.length });
  });

  it("summarises per branch and charts the grade distribution beside the table", async () => {
    const port = new MemoryPort(cityBank, chosen("h003-city-bank"));
    await runGrading(port, { period: "2026", confirmReplace: yes, now: NOW });
    const plan = port.written[0];
    const [results, branches, grades] = plan.blocks;
    expect(branches.id).toBe("branches");
    expect(branches.left).toBe(results.values[0].length + 1);
    expect(branches.values.at(-1)?.[0]).toBe("合计");
    expect(grades.values[0]).toEqual(["等级", "人数"]);
    const total = grades.values.slice(1).reduce((n, row) => n + Number(row[1]), 0);
    expect(total).toBe(results.values.length - 1);
    expect(plan.chart).toMatchObject({ block: "grades", type: "ColumnClustered", title: "2026 等级分布" });
    expect(plan.freeze).toEqual({ rows: 1, columns: 2 });
    expect(results.table?.name).toBe("KHJL_2026");
  });

  it("asks before replacing an existing results sheet, and a no writes nothing", async () => {
    const port = new MemoryPort(cityBank, chosen("h003-city-bank"));
    port.extraSheets.add("考核结果 2026");
    const asked: string[] = [];
    const r = await runGrading(port, { period: "2026", confirmReplace: async (s) => (asked.push(s), false) });
    expect(r).toEqual({ cancelled: true });
    expect(asked).toEqual(["考核结果 2026"]);
    expect(port.written).toEqual([]);
    const again = await runGrading(port, { period: "2026", confirmReplace: yes });
    expect("sheet" in again && again.sheet).toBe("考核结果 2026");
    expect(port.written).toHaveLength(1);
  });

  it("grades the credit-coop sample by the 设置 sheet's rulebook when the document has none", async () => {
    const port = new MemoryPort(coop);
    const periods = await readPeriods(port);
    expect(periods.suggested).toBeDefined();
    const r = await runGrading(port, { period: periods.suggested!, confirmReplace: yes });
    if (isBlocked(r) || "cancelled" in r) throw new Error(JSON.stringify(r));
    expect(r.sheet).toBe(`考核结果 ${periods.suggested}`);
    expect(port.written[0].blocks[0].values.length - 1).toBe(r.managers);
  });

  it("is blocked without a period, with a bad period, and without managers", async () => {
    const port = new MemoryPort(cityBank, chosen("h003-city-bank"));
    for (const period of ["", "2026-13"]) {
      const r = await runGrading(port, { period, confirmReplace: yes });
      expect(isBlocked(r)).toBe(true);
    }
    const empty = new MemoryPort({ 花名册: [["工号", "姓名", "角色"]] }, chosen("h003-city-bank"));
    expect(isBlocked(await runGrading(empty, { period: "2026", confirmReplace: yes }))).toBe(true);
    expect(port.written).toEqual([]);
  });
});

describe("periods", () => {
  it("lists the workbook's periods latest first and suggests the 设置 sheet's 考核期", async () => {
    const p = await readPeriods(new MemoryPort(cityBank));
    expect(p.suggested).toBe("2026");
    expect(p.periods[0]).toBe("2026");
    expect(p.periods).toContain("2026-12");
    expect(p.periods.indexOf("2026-12")).toBeLessThan(p.periods.indexOf("2026-01"));
  });
});

describe("rulebooks", () => {
  it("lists the built-in rulebooks, stores a choice in the document and recalculates the formulas", async () => {
    const port = new MemoryPort(cityBank);
    expect(listRulebooks(port).map((b) => b.id)).toEqual(expect.arrayContaining(["h003-city-bank", "b002-bank-grades", "c000-credit-coop"]));
    expect(activeRulebook(port, cityBank)).toMatchObject({ id: "h003-city-bank", source: "sheet" });
    await chooseRulebook(port, "b002-bank-grades");
    expect(port.settings[RULEBOOK_CHOICE_KEY]).toEqual({ id: "b002-bank-grades", settings: {} });
    expect(port.log).toEqual([`settings ${RULEBOOK_CHOICE_KEY}`, "recalculate"]);
    expect(activeRulebook(port)).toMatchObject({ id: "b002-bank-grades", source: "document", version: "1.0.0", problems: [] });
    await expect(chooseRulebook(port, "nope")).rejects.toThrow(/没有编号为 "nope" 的规则集/);
  });

  it("imports a valid rulebook under its own id, refuses invalid ones and preset ids, and exports it back", async () => {
    const port = new MemoryPort(cityBank);
    const doc = presetDocument("g-general") as Record<string, unknown>;
    const mine = { ...doc, id: "branch-general", version: "2.0.0" };
    expect(await importRulebook(port, JSON.stringify(mine))).toEqual({ ok: true, id: "branch-general", version: "2.0.0" });
    expect(Object.keys(port.settings[USER_RULEBOOKS_KEY] as object)).toEqual(["branch-general"]);
    expect(listRulebooks(port).find((b) => b.id === "branch-general")).toMatchObject({ builtIn: false, version: "2.0.0" });
    expect(JSON.parse(exportRulebook(port, "branch-general").json)).toEqual(mine);
    expect(exportRulebook(port, "h003-city-bank").fileName).toBe("h003-city-bank-2.0.0.json");

    const preset = await importRulebook(port, JSON.stringify(doc));
    expect(preset.ok === false && preset.problems[0]).toMatch(/与内置规则集相同/);
    const broken = await importRulebook(port, "{\"id\": ");
    expect(broken.ok === false && broken.problems[0]).toMatch(/不是有效的 JSON/);
    const hostile = await importRulebook(port, JSON.stringify({ ...mine, id: "x", __proto__: { polluted: true } }).replace('"id":"x"', '"id":"x","__proto__":{"polluted":true}'));
    expect(hostile.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("lists each rule with its kind, thresholds and seed citation", () => {
    const rows = rulesOf(new MemoryPort(cityBank), "h003-city-bank");
    // Format 2: the kind is the rule's construct, and its content is the rule in the rulebook's own words.
    const decl = (id: string) => (presetDocument("h003-city-bank") as { rules: Array<Record<string, any>> }).rules.find((r) => r.id === id)!;
    const growth = rows.find((r) => r.id === "H003-SCORE-DEPOSIT-GROWTH")!;
    expect(growth).toMatchObject({ kind: "formula", stage: "scoreItem", label: { zh: "存款日均增长", en: "deposit growth" }, note: decl("H003-SCORE-DEPOSIT-GROWTH").note });
    expect(growth.summary).toContain(`= ${decl("H003-SCORE-DEPOSIT-GROWTH").formula}`);
    expect(growth.summary).toContain("30%");
    expect(growth.cite).toContain("003_e1d2c136c4cf7124.txt:556");
    // A decision table row by row, as written: the cells, then the points.
    const npl = rows.find((r) => r.id === "H003-SCORE-NPL")!;
    expect(npl.kind).toBe("table");
    const row = decl("H003-SCORE-NPL").table.rows.find((x: { when?: unknown[]; then: unknown }) => x.when?.[1] === "(0, 1%]" && x.when?.[0] === "lowerInclusive");
    expect(npl.summary).toContain(`${row.when.join(" | ")} → ${row.then}`);
    // A trigger: its condition and the action it fires.
    const collection = rows.find((r) => r.id === "H003-DEMOTE-CM-COLLECTION")!;
    const trigger = decl("H003-DEMOTE-CM-COLLECTION").trigger;
    expect(collection).toMatchObject({ kind: "trigger", stage: "trigger" });
    expect(collection.summary).toContain(`IF ${trigger.if} → ${trigger.then}`);
    // A rule only recorded (not computable) says why in its note.
    expect(rows.find((r) => r.id === "H003-CONV-UNITS")).toMatchObject({ kind: "record", note: decl("H003-CONV-UNITS").record });
    expect(rows.length).toBe(loadPreset("h003-city-bank").rules.length);
    // Format 1: the kind and its parameters, key=value.
    const b002 = rulesOf(new MemoryPort(cityBank), "b002-bank-grades");
    const floor = b002.find((r) => r.id === "B002-FLOOR")!;
    expect(floor).toMatchObject({ kind: "clientFloor", stage: "tool" });
    expect(floor.summary).toContain("value=1000万");
  });
});

describe("固定为数值 (runFreeze)", () => {
  it("freezes the active sheet with a note naming the rulebook and the time", async () => {
    const port = new MemoryPort(cityBank, chosen("h003-city-bank"));
    const r = await runFreeze(port, "sheet", NOW);
    if (isBlocked(r)) throw new Error("blocked");
    expect(r.note).toBe("已固定为数值(规则集 h003-city-bank v2.0.0,2026-11-23 15:02),此后不再随公式或规则变化。");
    expect(port.log).toEqual([`freeze 考核结果 2026 ${r.note}`]);
  });

  it("names the 设置 sheet's rulebook when the document has none", async () => {
    const port = new MemoryPort(cityBank);
    const r = await runFreeze(port, "selection", NOW);
    expect(!isBlocked(r) && r.note).toContain("规则集 h003-city-bank v2.0.0");
    expect(port.log[0]).toBe("read");
  });
});
