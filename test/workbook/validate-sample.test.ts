/**
 * The sample workbooks in assets/ under validateWorkbook, read from the .xlsx files as the command line reads them.
 * assets/sample-city-bank.xlsx was built with exactly four data problems (scripts/make-sample-workbooks.js: the text
 * amount "1,2O0" of 孙十七 in March, a second 孙八 roster row, 秦二十's 16-digit id stored as a number, 韩二十一's
 * growth typed as 35); the validator finds those four and nothing else. The samples are dated for a year-end
 * appraisal of 2026, so "today" is the day after (the files' own timestamp, 2027-01-05).
 */
import * as path from "node:path";
import { loadPreset } from "../../src/engine/rulebooks";
import { readXlsx } from "../../src/cli/xlsx/read";
import { validateWorkbook, type WorkbookValues } from "../../src/workbook";

const ASSETS = path.resolve(__dirname, "../../assets");
const TODAY = "2027-01-05";

describe("assets/sample-city-bank.xlsx (h003-city-bank, 2026)", () => {
  let values: WorkbookValues;
  beforeAll(async () => {
    values = await readXlsx(path.join(ASSETS, "sample-city-bank.xlsx"));
  }, 30_000);

  it("finds exactly the four deliberate problems, with their cells, and nothing else", () => {
    const r = validateWorkbook(values, { book: loadPreset("h003-city-bank"), period: "2026", today: TODAY });
    expect(r.findings.map((f) => [f.address, f.severity, f.code, f.managerId, f.suggested ?? null])).toEqual([
      ["花名册!A20", "error", "idDigitsLost", "1020030000000017", "1020030000000017"], // 秦二十, stored as 1020030000000010
      ["花名册!A41", "error", "duplicateId", "0103004", null], // the second 孙八 row
      ["月度指标!E190", "error", "notNumber", "0103015", "1200"], // 孙十七 2026-03 日均存款 "1,2O0"
      ["月度指标!K252", "error", "percentUnits", "0103016", "0.35"], // 韩二十一 2026 growth typed as 35
    ]);
    expect(r.counts).toEqual({ error: 4, warning: 0, info: 0 });
    expect(r.checks.length).toBeGreaterThanOrEqual(30);
  });

  it("graded for October instead, says November and December are after the appraised period", () => {
    const r = validateWorkbook(values, { book: loadPreset("h003-city-bank"), period: "2026-10", today: TODAY });
    const extra = r.findings.filter((f) => f.severity !== "error");
    // The first manager (张三, a president) has 2025 on row 2, then 2026-01 … 2026-12 on rows 3 … 14.
    expect(extra.map((f) => [f.address, f.code])).toEqual([["月度指标!C13", "periodAfterGraded"], ["月度指标!C14", "periodAfterGraded"]]);
    expect(extra[0].zh).toMatch(/^期间 2026-11 晚于考核期 2026-10:「月度指标」有 \d+ 行该期间的数据/);
  });
});

describe("the other samples", () => {
  it("assets/sample-credit-coop.xlsx (c000-credit-coop, 2026-12) is clean: each coop's service staff complete, CMs within half the staff", async () => {
    const values = await readXlsx(path.join(ASSETS, "sample-credit-coop.xlsx"));
    const r = validateWorkbook(values, { book: loadPreset("c000-credit-coop"), period: "2026-12", today: TODAY });
    expect(r.findings).toEqual([]);
  }, 30_000);

  it("assets/sample-bank-grades.xlsx (b002-bank-grades, 2026) has one note-worthy client: B002-CLIENT-ASSIGN-50W warns on the 49.99万 client built to miss the floor", async () => {
    const values = await readXlsx(path.join(ASSETS, "sample-bank-grades.xlsx"));
    const r = validateWorkbook(values, { book: loadPreset("b002-bank-grades"), period: "2026", today: TODAY });
    expect(r.findings.map((f) => [f.address, f.severity, f.code, f.rule, f.managerId])).toEqual([["客户!C23", "warning", "clientRowCheck", "B002-CLIENT-ASSIGN-50W", "0201006"]]);
  }, 30_000);
});
