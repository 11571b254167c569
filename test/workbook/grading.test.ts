/**
 * The grading path shared by `appraise grade` and the taskpane (src/workbook/grading.ts) and the taskpane's sheet
 * layout (src/workbook/resultsSheet.ts): slicing the managers changes nothing, the rulebooks' attention statuses
 * are statuses they can give, and a results row stays small enough for 10,000 managers to go to Excel at once.
 */
import * as path from "node:path";
import { appraiseAll } from "../../src/engine/api";
import { loadPreset, presetIds } from "../../src/engine/rulebooks";
import { readXlsx } from "../../src/cli/xlsx/read";
import { statusLabels, type WorkbookValues } from "../../src/workbook";
import { appraiseSetup, prepareGrading } from "../../src/workbook/grading";
import { resultsSheetPlan } from "../../src/workbook/resultsSheet";

let cityBank: WorkbookValues;
beforeAll(async () => {
  cityBank = await readXlsx(path.join(__dirname, "../../assets/sample-city-bank.xlsx"));
});

describe("prepareGrading and appraiseSetup", () => {
  it("give the same results whatever the slice size, equal to one appraiseAll call", () => {
    const book = loadPreset("h003-city-bank");
    const prepared = prepareGrading(cityBank, { book, period: "2026" });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const { setup } = prepared;
    const whole = appraiseAll(book, setup.settings, setup.input).output;
    const steps: number[] = [];
    const sliced = appraiseSetup(setup, 7, (s) => steps.push(s.done));
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(whole));
    expect(JSON.stringify(appraiseSetup(setup, 1))).toBe(JSON.stringify(whole));
    expect(steps.at(-1)).toBe(whole.results.length);
    expect(steps.length).toBe(Math.ceil(whole.results.length / 7));
  });

  it("refuses an unknown setting override, naming it, and keeps __proto__ a plain key", () => {
    const book = loadPreset("h003-city-bank");
    const overrides = JSON.parse('{"__proto__": "x"}') as Record<string, unknown>;
    const r = prepareGrading(cityBank, { book, period: "2026", overrides });
    expect(r.ok === false && r.problems.map((p) => p.path)).toEqual(["settings.__proto__"]);
  });
});

describe("attentionStatuses", () => {
  it.each(presetIds())("of %s are statuses the rulebook's status rules can give", (id) => {
    const book = loadPreset(id);
    const known = statusLabels(book);
    for (const s of book.doc.attentionStatuses) expect([s, known.has(s)]).toEqual([s, true]);
    expect(book.doc.attentionStatuses).not.toContain("normal");
  });
});

describe("resultsSheetPlan", () => {
  it("keeps a results row under 300 bytes of JSON, so 10,000 managers fit one 4 MB request to Excel", () => {
    const book = loadPreset("h003-city-bank");
    const prepared = prepareGrading(cityBank, { book, period: "2026" });
    if (!prepared.ok) throw new Error("prepare");
    const { setup } = prepared;
    const output = appraiseSetup(setup, 1000);
    const plan = resultsSheetPlan({ book, input: setup.input, output, problems: setup.problems, at: "2026-11-23 15:02" });
    const rows = plan.blocks[0].values.slice(1);
    const bytes = rows.reduce((n, r) => n + Buffer.byteLength(JSON.stringify(r)), 0);
    expect(bytes / rows.length).toBeLessThan(300);
    // Every block is rectangular and has one number format per column.
    for (const b of plan.blocks) {
      for (const r of b.values) expect(r.length).toBe(b.values[0].length);
      expect(b.numberFormats.length).toBe(b.values[0].length);
    }
  });
});
