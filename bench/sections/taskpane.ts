/**
 * Measurement 4: how many `context.sync()` round trips the taskpane's 月度考核 needs, at 10, 1,000 and 10,000
 * managers. Each round trip is a trip to Excel (5 ms on desktop, 15–40 ms on the web), so the count must not grow
 * with the rows. The real actions (src/taskpane/actions) drive the real Office.js adapter (src/taskpane/excel) over
 * the recording Office fake of the browser tests (test/taskpane/browser/fake-office.js), which counts every sync
 * and the bytes of every request; the workbooks are the bench's city-bank workbooks read back from .xlsx.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readXlsx } from "../../src/cli/xlsx/read";
import { isBlocked, runGrading } from "../../src/taskpane/actions";
import { createExcelPort } from "../../src/taskpane/excel/adapter";
import { PAYLOAD_BUDGET_BYTES } from "../../src/taskpane/excel/payload";
import { writeBranchWorkbook } from "../cli/workbook";
import type { Row, Section } from "../lib/report";
import { nowSeconds } from "../lib/measure";

// The fake is plain JavaScript shared with the browser tests (its types sit beside it); the compiled bench runs from
// out/, where tsc copies no .js, so it is loaded from the repository (npm run bench runs at its root).
type FakeModule = typeof import("../../test/taskpane/browser/fake-office");
const { createFake } = require(path.resolve("test/taskpane/browser/fake-office.js")) as FakeModule;

export interface TaskpaneFigures {
  /** Managers → syncs for one grading. */
  syncs: Array<{ managers: number; syncs: number; largestRequestBytes: number; seconds: number }>;
}

async function gradeOnce(managers: number, dir: string): Promise<TaskpaneFigures["syncs"][number]> {
  const file = path.join(dir, `branch-${managers}.xlsx`);
  await writeBranchWorkbook(file, managers);
  const values = await readXlsx(file);
  const fake = createFake({ sheets: Object.entries(values).map(([name, v]) => ({ name, values: v as unknown[][] })), settings: { "khjl.rulebook": { id: "h003-city-bank", settings: {} } } });
  Object.assign(globalThis, { Office: fake.Office, Excel: fake.Excel });
  try {
    const started = nowSeconds();
    const r = await runGrading(createExcelPort(), { period: "2026", confirmReplace: async () => true });
    if (isBlocked(r) || "cancelled" in r) throw new Error(`grading ${managers} managers did not run: ${JSON.stringify(r).slice(0, 300)}`);
    const seconds = nowSeconds() - started;
    const largest = fake.log.requests.reduce((n, q) => Math.max(n, q.bytes), 0);
    return { managers: r.managers, syncs: fake.log.syncs, largestRequestBytes: largest, seconds };
  } finally {
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).Excel;
  }
}

export async function taskpaneSection(sizes: number[]): Promise<{ section: Section; figures: TaskpaneFigures }> {
  const dir = mkdtempSync(path.join(tmpdir(), "khjl-bench-pane-"));
  const syncs: TaskpaneFigures["syncs"] = [];
  try {
    for (const n of sizes) syncs.push(await gradeOnce(n, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = syncs[0];
  const mb = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${Math.ceil(b / 1024)} KB`);
  const rows: Row[] = syncs.map((s) => ({
    measure: `syncs to grade ${s.managers.toLocaleString("en-US")} managers (largest request ${mb(s.largestRequestBytes)}; ${s.seconds.toFixed(1)} s against the fake)`,
    figure: String(s.syncs),
    baseline: `${base.syncs} at ${base.managers} managers`,
    ratio: `${(s.syncs / base.syncs).toFixed(2)}×`,
  }));
  return {
    figures: { syncs },
    section: {
      title: "4. Taskpane round trips to Excel",
      how: [
        "`context.sync()` calls of one 月度考核 (read every sheet, write the 考核结果 sheet with its table, summary, highlight and chart), counted by the recording Office fake with the real actions and adapter.",
        `The write is one request while its estimate fits the ${mb(PAYLOAD_BUDGET_BYTES)} budget (Excel on the web refuses requests above 5 MB); only beyond it would rows be cut into more requests.`,
      ],
      rows,
      notes: ["Times are against the in-process fake, so they show our own work (reading, grading, planning), not Excel's."],
    },
  };
}
