/**
 * The Office.js adapter (src/taskpane/excel) over the Office fake of test/taskpane/browser/fake-office.js: bulk
 * reads, a constant number of round trips whatever the row count, the results sheet written and nothing else,
 * freezing that writes formula cells only, selection, document settings and recalculation.
 */
import { createExcelPort } from "../../src/taskpane/excel/adapter";
import { chunkPlan, estimatePlanBytes, PAYLOAD_BUDGET_BYTES } from "../../src/taskpane/excel/payload";
import { writePlan } from "../../src/taskpane/excel/write";
import type { SheetPlan } from "../../src/workbook/resultsSheet";
import { createFake, type Fake, type FakeSpec } from "./browser/fake-office";

let fake: Fake;

function useFake(spec: FakeSpec): Fake {
  fake = createFake(spec);
  Object.assign(globalThis, { Office: fake.Office, Excel: fake.Excel });
  return fake;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

const ROSTER_HEADER = ["工号", "姓名", "机构", "角色", "等级"];

function roster(n: number): unknown[][] {
  const rows: unknown[][] = [ROSTER_HEADER];
  for (let i = 0; i < n; i++) rows.push([`09${String(i).padStart(5, "0")}`, `经理${i}`, `支行${i % 7}`, "客户经理", "中级客户经理"]);
  return rows;
}

function workbook(n: number): FakeSpec {
  return {
    sheets: [
      { name: "说明", values: [["城市商业银行考核样例"]] },
      { name: "花名册", values: roster(n), numberFormats: { [`A2:A${n + 1}`]: "@" } },
      { name: "空白", values: [] },
    ],
  };
}

/** A results plan shaped like the pane's: a results table with a flag column, a branch summary and grade counts. */
function plan(n: number, name = "考核结果 2026-12"): SheetPlan {
  const header = ["工号", "姓名", "期间", "考核得分", "等级", "月度绩效", "提示"];
  const rows: (string | number | null)[][] = [header];
  for (let i = 0; i < n; i++) rows.push([`09${String(i).padStart(5, "0")}`, `经理${i}`, "2026-12", 80 + (i % 20), i % 3 === 0 ? "高级客户经理" : "中级客户经理", 5000 + i, i % 10 === 0 ? "降级" : ""]);
  return {
    name,
    blocks: [
      { id: "results", top: 0, left: 0, values: rows, header: true, numberFormats: ["@", "@", "@", "0.00", "@", "#,##0.00", "@"], table: { name: "考核结果_2026_12", style: "TableStyleMedium2" }, widths: [10, 8, 9, 9, 14, undefined, 12] },
      { id: "grades", top: 0, left: 9, values: [["等级", "人数"], ["高级客户经理", Math.ceil(n / 3)], ["中级客户经理", n - Math.ceil(n / 3)]], header: true, numberFormats: ["@", "0"] },
      { id: "note", top: 5, left: 9, values: [["规则集 h003-city-bank 1.0.0 · 考核期 2026-12"]], header: false, numberFormats: ["@"] },
    ],
    freeze: { rows: 1, columns: 2 },
    highlight: { block: "results", flagColumn: 6, fill: "#FDE7E9", font: "#A4262C" },
    chart: { title: "等级分布", block: "grades", top: 8, left: 9, type: "ColumnClustered" },
  };
}

describe("reading the workbook", () => {
  it("gives every sheet's values from A1 in tab order, blanks as empty text, and counts KHJL formulas", async () => {
    useFake({
      sheets: [
        { name: "花名册", values: [ROSTER_HEADER, ["0103001", "李四", "城东支行", "客户经理"], ["", "", "", "", "初级客户经理"]] },
        { name: "公式", values: [["", "中级客户经理", 3], ["", "", 85]], formulas: { B1: "=KHJL.GRADE(花名册!A2)", C1: "=SUM(1,2)", C2: "=khjl.score(A1)" } },
        { name: "空白", values: [] },
      ],
    });
    const snap = await createExcelPort().readWorkbook();
    expect(Object.keys(snap.values)).toEqual(["花名册", "公式", "空白"]);
    expect(snap.values["花名册"][1]).toEqual(["0103001", "李四", "城东支行", "客户经理", ""]);
    expect(snap.values["花名册"][2]).toEqual(["", "", "", "", "初级客户经理"]);
    expect(snap.values["公式"]).toEqual([["", "中级客户经理", 3], ["", "", 85]]);
    expect(snap.values["空白"]).toEqual([]);
    expect(snap.khjlFormulaCount).toBe(2);
  });

  it("takes the same three round trips for 10 rows and for 10,000 rows, and writes nothing", async () => {
    useFake(workbook(10));
    const small = await createExcelPort().readWorkbook();
    const smallSyncs = fake.log.syncs;
    expect(small.values["花名册"]).toHaveLength(11);
    expect(fake.log.writes).toEqual([]);

    useFake(workbook(10_000));
    const big = await createExcelPort().readWorkbook();
    expect(big.values["花名册"]).toHaveLength(10_001);
    expect(big.values["花名册"][10_000][0]).toBe("0909999");
    expect(fake.log.syncs).toBe(smallSyncs);
    expect(smallSyncs).toBe(3);
    expect(fake.log.writes).toEqual([]);
  });

  it("reads in pieces only when Excel on the web refuses the whole workbook as too large a response", async () => {
    useFake({ ...workbook(5_000), responseLimitBytes: 5 * 1024 * 1024 });
    const whole = await createExcelPort().readWorkbook();
    expect(fake.log.syncs).toBe(3); // 5,000 rows fit in 5 MB

    useFake({ ...workbook(5_000), responseLimitBytes: 100_000 });
    const pieces = await createExcelPort().readWorkbook();
    expect(pieces).toEqual(whole);
    expect(fake.log.syncs).toBeGreaterThan(4);
    expect(fake.log.writes).toEqual([]);
  });

  it("refuses a workbook above 5,000,000 cells before loading its values, in Chinese and English", async () => {
    const far: unknown[][] = [];
    far[999_999] = ["", "", "", "", "", "last"];
    useFake({ sheets: [{ name: "花名册", values: roster(3) }, { name: "往年", values: far }] });
    await expect(createExcelPort().readWorkbook()).rejects.toThrow(/超过一次读取的上限 5,000,000 个;最大的是「往年」.*above the limit of 5,000,000 cells/);
    expect(fake.log.syncs).toBe(2); // names and extents only; the cells were never requested
  });
});

describe("writing the results sheet", () => {
  it("adds the sheet with its blocks, formats, table, highlight, chart, widths and frozen panes, and activates it", async () => {
    useFake(workbook(5));
    const progress: Array<[number, number]> = [];
    await createExcelPort().writeResultsSheet(plan(12), (done, total) => progress.push([done, total]));
    const name = "考核结果 2026-12";
    expect(fake.sheetNames()).toEqual(["说明", "花名册", "空白", name]);
    expect(fake.activeSheet()).toBe(name);
    const values = fake.values(name);
    expect(values[0].slice(0, 7)).toEqual(["工号", "姓名", "期间", "考核得分", "等级", "月度绩效", "提示"]);
    // Text stays text: ids with leading zeros in an "@" column, the period in an "@" column.
    expect(values[1].slice(0, 7)).toEqual(["0900000", "经理0", "2026-12", 80, "高级客户经理", 5000, "降级"]);
    expect(values[1].slice(9, 11)).toEqual(["高级客户经理", 4]);
    expect(fake.cell(name, "J6")).toBe("规则集 h003-city-bank 1.0.0 · 考核期 2026-12");
    expect(fake.formatAt(name, "D2")).toBe("0.00");
    expect(fake.formatAt(name, "F13")).toBe("#,##0.00");
    expect(fake.formatAt(name, "A13")).toBe("@");
    expect(fake.formatAt(name, "D1")).toBe("General"); // the header keeps Excel's default

    const view = fake.sheet(name);
    expect(view.tables).toEqual([{ name: "考核结果_2026_12", style: "TableStyleMedium2", address: "A1:G13" }]);
    expect(view.conditionalFormats).toEqual([{ type: "Custom", range: "A2:G13", formula: "=LEN($G2)>0", fill: "#FDE7E9", font: "#A4262C" }]);
    expect(fake.highlightedRows(name)).toEqual([1, 11]); // the rows whose 提示 is filled
    expect(view.charts).toHaveLength(1);
    expect(view.charts[0]).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", source: "J1:K3", title: "等级分布", legendVisible: false, position: { start: "J9", end: "P23" } });
    expect(view.charts[0].data).toEqual([["等级", "人数"], ["高级客户经理", 4], ["中级客户经理", 8]]);
    expect(view.freeze).toEqual({ rows: 1, columns: 2 });
    expect(view.columnWidths).toMatchObject({ A: 56, B: 46, E: 77 });
    expect(view.autofit).toContain("F");
    expect(fake.log.suspendCalculation).toBe(1);
    expect(fake.log.suspendScreen).toBe(1);
    expect(progress[0]).toEqual([0, 17]);
    expect(progress[progress.length - 1]).toEqual([17, 17]);
  });

  it("writes only the results sheet and uses the same two round trips for 10 and 10,000 managers", async () => {
    useFake(workbook(10));
    await createExcelPort().writeResultsSheet(plan(10));
    const small = fake.log.syncs;
    expect(fake.writesOutside("考核结果 2026-12")).toEqual([]);

    useFake(workbook(10_000));
    await createExcelPort().writeResultsSheet(plan(10_000));
    expect(fake.log.syncs).toBe(small);
    expect(small).toBe(2);
    expect(fake.writesOutside("考核结果 2026-12")).toEqual([]);
    expect(fake.values("考核结果 2026-12")).toHaveLength(10_001);
    expect(fake.log.requests[1].bytes).toBeLessThan(PAYLOAD_BUDGET_BYTES);
  });

  it("replaces an existing sheet of the same name and leaves the other sheets alone", async () => {
    useFake(workbook(3));
    const port = createExcelPort();
    await port.writeResultsSheet(plan(4));
    await port.writeResultsSheet(plan(2));
    expect(fake.sheetNames()).toEqual(["说明", "花名册", "空白", "考核结果 2026-12"]);
    expect(fake.values("考核结果 2026-12").map((r) => r[0])).toEqual(["工号", "0900000", "0900001", "", "", ""]);
    expect(fake.sheet("考核结果 2026-12").tables).toHaveLength(1);
    expect(fake.log.writes.filter((w) => w.what === "deleteSheet").map((w) => w.sheet)).toEqual(["考核结果 2026-12"]);
    expect(fake.writesOutside("考核结果 2026-12")).toEqual([]);
  });

  it("keeps text that Excel would read as a number, date, formula or boolean as text in General columns", async () => {
    useFake(workbook(1));
    const p: SheetPlan = {
      name: "考核结果 2026",
      blocks: [{ id: "results", top: 0, left: 0, header: true, numberFormats: ["General", "General", "General", "General", "General", "General"], values: [["期间", "工号", "说明", "公式", "真假", "金额"], ["2026-12", "0103001", "-扣 2 分", "=1+1", "TRUE", 12.5]] }],
      freeze: { rows: 0, columns: 0 },
    };
    await createExcelPort().writeResultsSheet(p);
    expect(fake.values("考核结果 2026")[1]).toEqual(["2026-12", "0103001", "-扣 2 分", "=1+1", "TRUE", 12.5]);
    expect(fake.formulas("考核结果 2026")[1]).toEqual(["2026-12", "0103001", "-扣 2 分", "=1+1", "TRUE", 12.5]);
  });

  it("estimates the request from above, and syncs between chunks only when the data passes the budget", async () => {
    const big = plan(3000);
    useFake({ ...workbook(1), requestLimitBytes: 100_000 });
    await expect(writePlan(big)).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);

    useFake({ ...workbook(1), requestLimitBytes: 100_000 });
    const chunks = chunkPlan(big, 80_000);
    expect(chunks.length).toBeGreaterThan(1);
    await writePlan(big, undefined, 80_000);
    expect(fake.log.syncs).toBe(1 + chunks.length);
    expect(fake.values("考核结果 2026-12").map((r) => r.slice(0, 7))).toEqual(big.blocks[0].values);
    const measured = fake.log.requests.reduce((n, r) => n + r.bytes, 0);
    expect(estimatePlanBytes(big)).toBeGreaterThanOrEqual(measured);
  });
});

describe("freezing formulas to values", () => {
  const NOTE = "已冻结:规则集 h003-city-bank 1.0.0 · 2026-12-31 18:00";

  function sheetWithFormulas(): FakeSpec {
    return {
      sheets: [
        {
          name: "考核",
          values: [
            ["工号", "等级", "得分", "期间"],
            ["0103001", "中级客户经理", 86.5, "2026-12"],
            ["0103002", "#N/A", 91, "2026-12"],
          ],
          formulas: { B2: "=KHJL.GRADE(A2)", B3: "=KHJL.GRADE(A3)", C3: "=KHJL.SCORE(A3)", D2: "=TEXT(DATE(2026,12,1),\"yyyy-mm\")" },
          numberFormats: { "A2:A3": "@", "C2:C3": "0.00" },
        },
        { name: "花名册", values: roster(2) },
      ],
      active: "考核",
      selection: "B2:C3",
    };
  }

  it("writes values only where a cell holds a formula, keeps constants, formats and text, and notes the freeze", async () => {
    useFake(sheetWithFormulas());
    const result = await createExcelPort().freezeToValues({ sheet: "考核" }, NOTE);
    expect(result).toEqual({ address: "考核!A1:D3", formulas: 4 });
    expect(fake.values("考核")).toEqual([
      ["工号", "等级", "得分", "期间"],
      ["0103001", "中级客户经理", 86.5, "2026-12"],
      ["0103002", "#N/A", 91, "2026-12"],
    ]);
    expect(fake.formulas("考核").flat().filter((f) => typeof f === "string" && f.startsWith("="))).toEqual([]);
    expect(fake.formatAt("考核", "C2")).toBe("0.00");
    const written = fake.log.writes.filter((w) => w.what === "values");
    expect(written.map((w) => [w.sheet, w.address, w.cells])).toEqual([["考核", "B2:D3", 4]]); // the 4 formula cells, nulls elsewhere
    expect(fake.comments()).toEqual([{ address: "考核!A1", content: NOTE, replies: [] }]);
    expect(fake.writesOutside("考核")).toEqual([]);
  });

  it("freezes only the selection when asked", async () => {
    useFake(sheetWithFormulas());
    const result = await createExcelPort().freezeToValues("selection", NOTE);
    expect(result).toEqual({ address: "考核!B2:C3", formulas: 3 });
    expect(fake.formulas("考核")[1][3]).toBe("=TEXT(DATE(2026,12,1),\"yyyy-mm\")"); // outside the selection
    expect(fake.comments()).toEqual([{ address: "考核!B2", content: NOTE, replies: [] }]);
  });

  it("adds the note as a reply when the first cell already has a comment (an earlier freeze)", async () => {
    useFake({ ...sheetWithFormulas(), comments: { "考核!A1": "已固定为数值(上月)" } });
    await createExcelPort().freezeToValues({ sheet: "考核" }, NOTE);
    expect(fake.comments()).toEqual([{ address: "考核!A1", content: "已固定为数值(上月)", replies: [NOTE] }]);
  });

  it("freezes a spilled array formula as its whole spill range", async () => {
    useFake({
      sheets: [{
        name: "明细",
        values: [["工号", "得分", "等级"], ["0103001", 86.5, "中级客户经理"], ["0103002", 91, "高级客户经理"], ["备注", "", ""]],
        formulas: { B2: "=KHJL.EXPLAIN(A2:A3)" },
        spills: ["B2:C3"],
      }],
    });
    const result = await createExcelPort().freezeToValues({ sheet: "明细" }, NOTE);
    expect(result.formulas).toBe(1);
    expect(fake.values("明细")).toEqual([["工号", "得分", "等级"], ["0103001", 86.5, "中级客户经理"], ["0103002", 91, "高级客户经理"], ["备注", "", ""]]);
    expect(fake.sheet("明细").spills).toEqual([]);
  });

  it("reports an empty sheet without writing", async () => {
    useFake({ sheets: [{ name: "空白", values: [] }, { name: "花名册", values: roster(1) }] });
    expect(await createExcelPort().freezeToValues({ sheet: "空白" }, NOTE)).toEqual({ address: "空白!A1", formulas: 0 });
    expect(fake.log.writes).toEqual([]);
  });

  it("still freezes, without a note, where Excel has no comments (before ExcelApi 1.10)", async () => {
    useFake({ ...sheetWithFormulas(), excelApi: "1.9" });
    const result = await createExcelPort().freezeToValues({ sheet: "考核" }, NOTE);
    expect(result.formulas).toBe(4);
    expect(fake.comments()).toEqual([]);
  });
});

describe("selecting, sheets, settings and recalculation", () => {
  it("activates the sheet and selects the cell, quoted sheet names included", async () => {
    useFake({ sheets: [{ name: "花名册", values: roster(30) }, { name: "考核 2026", values: [["x"]] }, { name: "It's", values: [["y"]] }] });
    const port = createExcelPort();
    await port.select("'考核 2026'!C7");
    expect(fake.selection()).toBe("'考核 2026'!C7");
    await port.select("花名册!A20");
    expect([fake.activeSheet(), fake.selection()]).toEqual(["花名册", "花名册!A20"]);
    await port.select("'It''s'!B2:C3");
    expect(fake.selection()).toBe("'It''s'!B2:C3");
    await port.select("考核 2026");
    expect(fake.selection()).toBe("'考核 2026'!A1");
    await expect(port.select("月度指标!E190")).rejects.toThrow(/工作表「月度指标」不存在.*The sheet "月度指标" does not exist/);
    expect(fake.log.writes.filter((w) => !["activate", "select"].includes(w.what))).toEqual([]);
  });

  it("says whether a sheet exists and which sheet is active", async () => {
    useFake({ ...workbook(2), active: "花名册" });
    const port = createExcelPort();
    expect(await port.sheetExists("花名册")).toBe(true);
    expect(await port.sheetExists("考核结果 2026-12")).toBe(false);
    expect(await port.activeSheetName()).toBe("花名册");
  });

  it("reads and saves document settings with one save, and recalculates in full", async () => {
    useFake({ ...workbook(1), settings: { "khjl.lang": "zh" } });
    const port = createExcelPort();
    expect(port.getSetting("khjl.rulebook")).toBeUndefined();
    expect(port.getSetting("khjl.lang")).toBe("zh");
    await port.setSettings({ "khjl.rulebook": "h003-city-bank", "khjl.imported": { a: 1 }, "khjl.lang": undefined });
    expect(fake.savedSettings()).toEqual({ "khjl.rulebook": "h003-city-bank", "khjl.imported": { a: 1 } });
    expect(fake.log.settingsSaves).toBe(1);
    expect(port.getSetting("khjl.rulebook")).toBe("h003-city-bank");
    await port.recalculate();
    expect(fake.log.calculations).toEqual(["Full"]);
  });

  it("rejects when Excel cannot save the settings", async () => {
    useFake({ ...workbook(1), saveFails: true });
    await expect(createExcelPort().setSettings({ "khjl.rulebook": "x" })).rejects.toThrow(/未能保存工作簿设置.*Could not save the document settings/);
  });
});

describe("the fake stays honest", () => {
  it("refuses to read a property that was not loaded, and unknown members", async () => {
    useFake(workbook(1));
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      expect(() => ws.name).toThrow(/PropertyNotLoaded/);
      ws.load("name");
      expect(() => ws.name).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(ws.name).toBe("说明");
      expect(() => (ws as unknown as { visibility: string }).visibility).toThrow(/not supported by the fake/);
      expect(() => (fake.Excel as unknown as { ChartType: Record<string, string> }).ChartType.pie).toThrow(/not supported by the fake/);
    });
  });

  it("puts a table added from a bare address on the active sheet, as Excel does", async () => {
    useFake({ ...workbook(2), active: "说明" });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("花名册");
      sheet.tables.add("A1:E3", true);
      await context.sync();
    });
    expect(fake.sheet("说明").tables).toHaveLength(1);
    expect(fake.sheet("花名册").tables).toHaveLength(0);
  });
});
