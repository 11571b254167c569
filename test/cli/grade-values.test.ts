/**
 * Values no branch figure can be, ids with characters nobody can see, and cells too long for a message: an absurd
 * amount is an error at its cell and never reaches the results as Infinity; an id with a zero-width or no-break
 * space is read as the visible id with a warning that shows the hidden characters; a 32 767-character cell is cut
 * in messages, and no cell of the results workbook is longer than Excel allows.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { EXCEL_CELL_CHARS, excelCell } from "../../src/workbook/results";
import { presetDocument } from "../../src/engine/rulebooks";
import { runCli } from "./run";
import { cmRow, openXlsx, ROSTER_HEADER, savedPeriods, sheetRows, tempDir, writeWorkbook } from "./grade-helpers";

const H003 = ["--period", "2026", "--rulebook", "h003-city-bank", "--today", "2026-12-07"];

/** Every cell value of every sheet: numbers and texts. */
async function allCells(file: string): Promise<ExcelJS.CellValue[]> {
  const out: ExcelJS.CellValue[] = [];
  (await openXlsx(file)).eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(c.value))));
  return out;
}

describe("amounts beyond a plausible bound", () => {
  it("1e308 in a 万元 column and 1e6 % of growth are errors at their cells; nothing non-finite is written", async () => {
    const dir = tempDir();
    const file = await writeWorkbook(path.join(dir, "huge.xlsx"), {
      花名册: [ROSTER_HEADER, cmRow("0103001"), cmRow("0103002")],
      月度指标: [
        ["工号", "期间", "日均存款(万元)", "存款日均增长率(%)", "国际结算量(万美元)", "新开基本账户"],
        ["0103001", "2026", 1e308, 1e6, 2e8, 2e9],
        ["0103002", "2026", 99_999_999, 35, 1000, 12],
      ],
    });
    // The city-bank rulebook with the standard USD field declared too, so its column is read (and bounded).
    const doc = presetDocument("h003-city-bank") as { fields: unknown[] };
    const bookFile = path.join(dir, "h003-usd.json");
    const files = { [bookFile]: JSON.stringify({ ...doc, fields: [...doc.fields, "intlSettlementUsd"] }) };
    const withUsd = ["--period", "2026", "--rulebook-file", bookFile, "--today", "2026-12-07"];
    const out = path.join(dir, "out.xlsx");
    const run = await runCli(["grade", file, ...withUsd, "-o", out], "", files);
    expect(run.code).toBe(0);
    const errors = run.stderr.split("\n").filter((l) => l.includes("超出合理范围") || l.includes("不合理"));
    expect(errors).toEqual([
      "月度指标!C2: 错误 日均存款为 1e+308(万元),超出合理范围(人民币金额绝对值不超过 10 万亿元),未读取 | avgDeposits is 1e+308 (万元), beyond a plausible value (money up to 10 trillion 元 (1e13)); not read",
      "月度指标!D2: 错误 存款日均增长率为 1000000%,超过 500%,不合理,未读取 | depositGrowth is 1000000%, beyond 500%, which is not plausible; not read",
      "月度指标!E2: 错误 国际结算量为 200000000(万美元),超出合理范围(美元金额绝对值不超过 1 万亿美元),未读取 | intlSettlementUsd is 200000000 (万美元), beyond a plausible value (USD amounts up to 1 trillion (1e12)); not read",
      "月度指标!F2: 错误 新开基本账户为 2000000000,超出合理范围(个数不超过 10 亿),未读取 | newBasicAccounts is 2000000000, beyond a plausible value (counts up to 1 billion); not read",
    ]);
    // 99 999 999 万元 (almost 1 万亿元) is large but possible, and read.
    for (const v of await allCells(out)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    const rows = new Map(sheetRows((await openXlsx(out)).getWorksheet("考核结果 2026")!).map((r) => [String(r["工号"]), r]));
    expect(rows.get("0103002")!["日均存款(元)"]).toBe(999_999_990_000);
    expect(rows.get("0103001")!["日均存款(元)"]).not.toBe(Infinity);

    const validate = await runCli(["validate", file, ...withUsd, "--json"], "", files);
    expect(validate.code).toBe(1);
    expect((JSON.parse(validate.stdout).findings as Array<{ address: string; code: string }>).filter((f) => f.code === "implausible").map((f) => f.address)).toEqual(["月度指标!C2", "月度指标!D2", "月度指标!E2", "月度指标!F2"]);
  });

  it("a figure beyond a double is written as its exact text, never as Infinity", () => {
    expect(excelCell(`1${"0".repeat(400)}`, "money")).toBe(`1${"0".repeat(400)}`);
    expect(excelCell("12345.67", "money")).toBe(12345.67);
  });
});

describe("ids with invisible characters", () => {
  it("a zero-width space or a no-break space inside an id: read as the visible id, warned with the character shown", async () => {
    const dir = tempDir();
    const file = await writeWorkbook(path.join(dir, "ids.xlsx"), {
      花名册: [ROSTER_HEADER, cmRow("0103001"), cmRow("0103\u00a0002")],
      月度指标: [["工号", "期间", "月收入(元)"], ["0103001\u200b", "2026-01", 5000], ["\ufeff0103002", "2026-01", 6000], ["0103002", "2026-02", 6000]],
    });
    const json = path.join(dir, "in.json");
    const run = await runCli(["grade", file, ...H003, "--input-json", json, "-o", path.join(dir, "out.xlsx")]);
    expect(run.code).toBe(0);
    expect(savedPeriods(json)).toEqual({ "0103001": ["2026-01"], "0103002": ["2026-01", "2026-02"] });
    const warnings = run.stderr.split("\n").filter((l) => l.includes("不可见字符"));
    expect(warnings).toEqual([
      '花名册!A3: 警告 工号 "0103\\u00a0002" 含不可见字符(U+00A0),按 0103002 读取;请删除这些字符 | staff id "0103\\u00a0002" holds invisible characters (U+00A0); read as 0103002; delete them',
      '月度指标!A2: 警告 工号 "0103001\\u200b" 含不可见字符(U+200B),按 0103001 读取;请删除这些字符 | staff id "0103001\\u200b" holds invisible characters (U+200B); read as 0103001; delete them',
      '月度指标!A3: 警告 工号 "\\ufeff0103002" 含不可见字符(U+FEFF),按 0103002 读取;请删除这些字符 | staff id "\\ufeff0103002" holds invisible characters (U+FEFF); read as 0103002; delete them',
    ]);
    expect(run.stderr).not.toContain("不在花名册中");
  });
});

describe("long cells", () => {
  it("a 32 767-character cell is cut in messages; no cell of the results is longer than Excel allows", async () => {
    const dir = tempDir();
    const long = "壹".repeat(32_767);
    const file = await writeWorkbook(path.join(dir, "long.xlsx"), {
      花名册: [ROSTER_HEADER, cmRow("0103001"), ["0103002", "李四", "城东支行", "未知岗位".repeat(8_000), ""]],
      月度指标: [["工号", "期间", "日均存款", `备用${"列".repeat(32_760)}`], ["0103001", "2026", long, 1]],
    });
    const out = path.join(dir, "out.xlsx");
    const run = await runCli(["grade", file, ...H003, "-o", out]);
    expect(run.code).toBe(0);
    const line = run.stderr.split("\n").find((l) => l.startsWith("月度指标!C2"))!;
    expect(line).toContain(`日均存款为文本 "${"壹".repeat(80)}…"(共 32767 个字符 / 32767 characters),不是数字,未读取`);
    expect(line.length).toBeLessThan(600);
    expect(run.stderr.split("\n").find((l) => l.startsWith("花名册!D3"))!.length).toBeLessThan(1000);
    expect(run.stderr.split("\n").find((l) => l.startsWith("月度指标!D1"))!.length).toBeLessThan(1000);
    for (const v of await allCells(out)) if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    const problems = sheetRows((await openXlsx(out)).getWorksheet("问题")!);
    expect(problems.map((p) => p["位置"])).toEqual(expect.arrayContaining(["花名册!D3", "月度指标!C2"]));
  });
});
