/**
 * The built taskpane in Chromium, over the Office fake holding assets/sample-city-bank.xlsx as Excel would hand it
 * over: 校验 lists the sample's four problems and selects their cells, 月度考核 writes the results sheet the engine
 * computes (and nothing else), a second run asks before replacing it, 固定为数值 turns formulas into values, and
 * choosing a rulebook stores it in the document and recalculates. Screenshots of each view go to
 * test-output/screenshots/.
 */
import type { Page } from "playwright-core";
import { loadPreset } from "../../../src/engine/rulebooks";
import type { WorkbookValues } from "../../../src/workbook";
import { columnLetters } from "../../../src/workbook/cells";
import { appraiseSetup, prepareGrading, type GradingSetup } from "../../../src/workbook/grading";
import { resultsSheetPlan, type SheetPlan } from "../../../src/workbook/resultsSheet";
import type { Fake, FakeWrite } from "./fake-office";
import { buildTaskpane, eventually, inFake, launch, NOW_TEXT, openPane, screenshot, serve, type Browser, type Pane } from "./harness";
import { sampleValues, specOf } from "./workbooks";

const RESULTS = "考核结果 2026";

// A real browser under a loaded 2-core machine: allow each test well beyond its usual 2–5 seconds.
jest.setTimeout(60_000);

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let values: WorkbookValues;
let setup: GradingSetup;
let expectedPlan: SheetPlan;
const pages: Pane[] = [];

beforeAll(async () => {
  const [dir, sample] = await Promise.all([buildTaskpane(), sampleValues()]);
  values = sample;
  server = await serve(dir);
  browser = await launch();
  // What the engine makes of the same workbook: the same mapping, the same grading, the same sheet plan.
  const book = loadPreset("h003-city-bank");
  const prepared = prepareGrading(values, { book, period: "2026" });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  setup = prepared.setup;
  const output = appraiseSetup(setup, setup.input.managers.length);
  expectedPlan = resultsSheetPlan({ book, input: setup.input, output, problems: setup.problems, at: NOW_TEXT });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  // No uncaught error and no error bar in any page a test opened.
  for (const pane of pages.splice(0)) {
    expect(pane.errors).toEqual([]);
    expect(await pane.page.getByTestId("error").count()).toBe(0);
    await pane.page.close();
  }
});

async function open(spec = specOf(values)): Promise<Page> {
  const pane = await openPane(browser, server.url, spec);
  pages.push(pane);
  return pane.page;
}

/** The sheet as the plan lays it out: every block at its place, blank cells "", from A1 to the used range's end. */
function planGrid(plan: SheetPlan): unknown[][] {
  const grid: unknown[][] = [];
  for (const b of plan.blocks) {
    b.values.forEach((row, i) => row.forEach((v, j) => {
      if (v === null || v === "") return;
      (grid[b.top + i] ??= [])[b.left + j] = v;
    }));
  }
  const width = Math.max(...grid.map((r) => (r ? r.length : 0)));
  return Array.from(grid, (r) => Array.from({ length: width }, (_, j) => (r && r[j] !== undefined ? r[j] : "")));
}

async function grade(page: Page): Promise<void> {
  await page.getByTestId("grade-button").click();
}

describe("the taskpane over the city-bank sample", () => {
  it("校验 lists the sample's four problems with their cells, and a click selects that cell in the workbook", async () => {
    const page = await open();
    await page.getByTestId("validate-button").click();
    await page.getByTestId("validate-summary").waitFor();
    const findings = await page.getByTestId("finding").evaluateAll((els) => els.map((e) => [e.getAttribute("data-address"), e.getAttribute("data-severity")]));
    expect(findings).toEqual([
      ["花名册!A20", "error"],
      ["花名册!A41", "error"],
      ["月度指标!E190", "error"],
      ["月度指标!K252", "error"],
    ]);
    const summary = await page.getByTestId("validate-summary").innerText();
    expect(summary).toContain("错误 4");
    expect(summary).toContain("警告 0");
    expect(summary).toContain("h003-city-bank");
    expect(await page.getByTestId("findings").innerText()).toContain("日均存款为文本 \"1,2O0\"");
    await screenshot(page, "validate");

    await page.locator('[data-testid="finding"][data-address="月度指标!E190"]').click();
    await eventually(() => inFake(page, (f) => [f.activeSheet(), f.selection()]), (v) => expect(v).toEqual(["月度指标", "月度指标!E190"]));
    await page.locator('[data-testid="finding"][data-address="花名册!A20"]').click();
    await eventually(() => inFake(page, (f) => f.selection()), (v) => expect(v).toBe("花名册!A20"));
    // Opening the pane asked Excel to load the add-in with the document (shared runtime), and validating never writes.
    expect(await inFake(page, (f) => f.startupBehavior())).toBe("Load");
    expect(await inFake(page, (f) => f.log.writes.filter((w) => !["activate", "select"].includes(w.what)))).toEqual([]);
  });

  it("月度考核 writes the results sheet the engine computes, with table, highlight and chart, and no input cell", async () => {
    const page = await open();
    await page.getByTestId("tab-grade").click();
    await page.getByTestId("period-select").selectOption("2026");
    await grade(page);
    await page.getByTestId("grade-result").waitFor({ timeout: 60_000 });
    await screenshot(page, "grade-result");

    const sheet = await inFake(page, (f, name: string) => ({ names: f.sheetNames(), active: f.activeSheet(), values: f.values(name), view: f.sheet(name), highlighted: f.highlightedRows(name) }), RESULTS);
    expect(sheet.names).toEqual([...Object.keys(values), RESULTS]);
    expect(sheet.active).toBe(RESULTS);
    // Cell for cell what the engine's plan says (ids and periods stay text, figures are numbers).
    expect(sheet.values).toEqual(planGrid(expectedPlan));

    // And the figures are the engine's: score, grade and commission of every manager, found by staff id.
    const book = setup.book;
    const header = sheet.values[0] as string[];
    const col = (h: string) => header.indexOf(h);
    const byId = new Map(sheet.values.slice(1).map((r) => [r[col("工号")], r]));
    const output = appraiseSetup(setup, 1000);
    expect(output.results.length).toBeGreaterThanOrEqual(39);
    for (const r of output.results) {
      const row = byId.get(r.id)!;
      expect(row).toBeDefined();
      if (r.score !== undefined) expect(row[col("得分")]).toBe(Number(r.score));
      if (r.commission !== undefined) expect(row[col("提成")]).toBe(Number(r.commission));
      if (r.grade) expect(row[col("等级")]).toBe(book.doc.grades.find((g) => g.id === r.grade)!.zh);
    }

    const results = expectedPlan.blocks.find((b) => b.id === "results")!;
    const grades = expectedPlan.blocks.find((b) => b.id === "grades")!;
    expect(sheet.view.tables.map((t) => [t.name, t.address])).toEqual([["KHJL_2026", `A1:${columnLetters(results.values[0].length - 1)}${results.values.length}`], ["KHJL_Branches_2026", expect.any(String)]]);
    expect(sheet.view.freeze).toEqual({ rows: 1, columns: 2 });
    // The chart: a clustered column chart over the grade counts, where the plan puts it.
    expect(sheet.view.charts).toHaveLength(1);
    expect(sheet.view.charts[0]).toMatchObject({ type: "ColumnClustered", title: "2026 等级分布", data: grades.values });
    // Highlighted rows are exactly the managers with something in 需关注 (a value column, not a formula).
    const flag = col("需关注");
    expect(sheet.view.conditionalFormats[0].formula).toBe(`=LEN($${columnLetters(flag)}2)>0`);
    const flagged = sheet.values.map((r, i) => (i > 0 && i < results.values.length && r[flag] !== "" ? i : -1)).filter((i) => i >= 0);
    expect(flagged.length).toBeGreaterThan(0);
    expect(sheet.highlighted).toEqual(flagged);

    // Calculation and screen updating suspended once for the write, not per chunk.
    expect(await inFake(page, (f) => [f.log.suspendCalculation, f.log.suspendScreen])).toEqual([1, 1]);
    // Nothing but the results sheet was written, and the text tells what was done.
    expect(await inFake(page, (f, name: string) => f.writesOutside(name), RESULTS)).toEqual([]);
    const text = await page.getByTestId("grade-result").innerText();
    expect(text).toContain(RESULTS);
    expect(text).toContain(String(output.results.length));
  });

  it("grading again asks first: 取消 writes nothing, 替换 replaces only the results sheet", async () => {
    const page = await open();
    await page.getByTestId("tab-grade").click();
    await page.getByTestId("period-select").selectOption("2026");
    await grade(page);
    await page.getByTestId("grade-result").waitFor({ timeout: 60_000 });
    const before = await inFake(page, (f, name: string) => f.values(name), RESULTS);
    await inFake(page, (f) => f.resetLog());

    await grade(page);
    await page.getByTestId("confirm-dialog").waitFor();
    expect(await page.getByTestId("confirm-dialog").innerText()).toContain(RESULTS);
    await screenshot(page, "confirm-replace");
    await page.getByTestId("confirm-no").click();
    await page.getByTestId("grade-cancelled").waitFor();
    expect(await inFake(page, (f) => f.log.writes.filter((w) => !["activate", "select"].includes(w.what)))).toEqual([]);

    await grade(page);
    await page.getByTestId("confirm-yes").click();
    await page.getByTestId("grade-result").waitFor({ timeout: 60_000 });
    const after = await inFake(page, (f, name: string) => ({ names: f.sheetNames(), values: f.values(name), writes: f.log.writes, outside: f.writesOutside(name) }), RESULTS);
    expect(after.names).toEqual([...Object.keys(values), RESULTS]);
    expect(after.values).toEqual(before);
    expect(after.writes.filter((w: FakeWrite) => w.what === "deleteSheet" || w.what === "addSheet").map((w: FakeWrite) => [w.what, w.sheet])).toEqual([["deleteSheet", RESULTS], ["addSheet", RESULTS]]);
    expect(after.outside).toEqual([]);
    for (const name of Object.keys(values)) expect(await inFake(page, (f: Fake, n: string) => f.values(n), name)).toEqual(values[name].length ? values[name] : []);
  });

  it("固定为数值 turns the active sheet's formulas into their values, keeps constants, and notes the rulebook", async () => {
    const sheet = {
      name: "月度考核表",
      values: [["工号", "等级", "得分"], ["0102003", "中级客户经理", 91.5], ["0103001", "初级客户经理", 78]],
      formulas: { B2: "=KHJL.GRADE(A2,,\"2026\")", B3: "=KHJL.GRADE(A3,,\"2026\")", C2: "=KHJL.SCORE(A2,,\"2026\")" },
      numberFormats: { "A2:A3": "@" },
    };
    const page = await open({ ...specOf(values), sheets: [...specOf(values).sheets, sheet], active: "月度考核表" });
    await page.getByTestId("tab-grade").click();
    await page.getByTestId("freeze-button").click();
    await page.getByTestId("freeze-result").waitFor();
    await screenshot(page, "freeze");
    const after = await inFake(page, (f) => ({ values: f.values("月度考核表"), formulas: f.formulas("月度考核表"), comments: f.comments(), outside: f.writesOutside("月度考核表") }));
    expect(after.values).toEqual(sheet.values);
    expect(after.formulas).toEqual(sheet.values); // no formula left, the values unchanged
    expect(after.outside).toEqual([]);
    const text = await page.getByTestId("freeze-result").innerText();
    expect(text).toContain("月度考核表!A1:C3");
    expect(after.comments).toHaveLength(1);
    expect(after.comments[0].address).toBe("月度考核表!A1");
    expect(text).toContain(after.comments[0].content);
    expect(after.comments[0].content).toContain(NOW_TEXT);
  });

  it("choosing a rulebook stores khjl.rulebook in the document settings and recalculates", async () => {
    const page = await open();
    await page.getByTestId("tab-rulebooks").click();
    await page.getByTestId("rules-table").waitFor();
    await page.getByTestId("rulebook-select").selectOption("b002-bank-grades");
    await eventually(() => page.locator('[data-testid="rules-table"] [data-rule-id]').count(), (n) => expect(n).toBe(loadPreset("b002-bank-grades").rules.length));
    await page.getByTestId("rulebook-apply").click();
    await page.getByTestId("rulebook-message").waitFor();
    const fake = await inFake(page, (f) => ({ saved: f.savedSettings(), calculations: f.log.calculations, outside: f.writesOutside("") }));
    expect(fake.saved["khjl.rulebook"]).toEqual({ id: "b002-bank-grades", settings: {} });
    expect(fake.calculations).toEqual(["Full"]);
    expect(fake.outside).toEqual([]);
    await eventually(() => page.getByTestId("active-rulebook").getAttribute("data-rulebook-id"), (id) => expect(id).toBe("b002-bank-grades"));
    await screenshot(page, "rulebooks", false); // the rules table runs to thousands of pixels: the visible part
  });
});
