/**
 * Round trips to Excel do not grow with the workbook: grading 10 managers and 10,000 managers (the sample's roster
 * repeated with new staff ids, every month of each) takes the same number of `context.sync()` calls, shows its
 * progress meanwhile, and writes nothing but the results sheet.
 */
import type { WorkbookValues } from "../../../src/workbook";
import { buildTaskpane, inFake, launch, openPane, screenshot, serve, type Browser } from "./harness";
import { firstManagers, sampleValues, scaled, specOf } from "./workbooks";

const RESULTS = "考核结果 2026";

jest.setTimeout(120_000);

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let sample: WorkbookValues;

beforeAll(async () => {
  const [dir, values] = await Promise.all([buildTaskpane(), sampleValues()]);
  sample = values;
  server = await serve(dir);
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Run {
  syncs: number;
  managers: number;
  rows: number;
  outside: unknown[];
  sawProgress: boolean;
}

/** Grades the workbook in a fresh pane; counts only the grading's round trips (opening the pane reads too). */
async function gradeCounting(values: WorkbookValues, shot?: string): Promise<Run> {
  const pane = await openPane(browser, server.url, specOf(values));
  const { page } = pane;
  try {
    await page.getByTestId("tab-grade").click();
    await page.getByTestId("period-select").selectOption("2026");
    // The pane reads the workbook for its period list; let that finish before counting.
    await page.getByTestId("grade-button").waitFor({ state: "visible" });
    await page.waitForFunction(() => !document.querySelector('[data-testid="grade-button"]')?.hasAttribute("disabled"));
    await inFake(page, (f) => f.resetLog());
    await page.getByTestId("grade-button").click();
    let sawProgress = false;
    if (shot) {
      await page.getByTestId("grade-progress").waitFor({ timeout: 60_000 });
      sawProgress = true;
      await screenshot(page, shot);
    }
    await page.getByTestId("grade-result").waitFor({ timeout: 110_000 });
    const fake = await inFake(page, (f, name: string) => ({ syncs: f.log.syncs, rows: f.values(name).length, outside: f.writesOutside(name) }), RESULTS);
    const text = await page.getByTestId("grade-result").innerText();
    const managers = Number(/(\d+) 名客户经理/.exec(text)?.[1] ?? NaN);
    expect(pane.errors).toEqual([]);
    return { ...fake, managers, sawProgress };
  } finally {
    await page.close();
  }
}

describe("grading at scale", () => {
  it("takes the same number of round trips to Excel for 10 managers as for 10,000", async () => {
    const small = await gradeCounting(firstManagers(sample, 10));
    expect(small.managers).toBe(10);
    expect(small.outside).toEqual([]);

    const big = await gradeCounting(scaled(sample, 257), "grade-progress");
    expect(big.managers).toBeGreaterThanOrEqual(10_000);
    expect(big.rows).toBeGreaterThan(10_000);
    expect(big.sawProgress).toBe(true);
    expect(big.outside).toEqual([]);

    expect(big.syncs).toBe(small.syncs);
    // One read (names, extents, cells), one existence check, one write (existence, everything else).
    expect(small.syncs).toBeLessThanOrEqual(6);
  });
});
