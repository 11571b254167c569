/**
 * Formula cells as scripts save them (exceljs, openpyxl): with no calculated value. Such a cell is never read as a
 * blank: it is an error at its cell in `grade`, `--strict` and `validate`; a formula with its saved value is read as
 * that value.
 */
import * as path from "node:path";
import { runCli } from "./run";
import { cmRow, openXlsx, ROSTER_HEADER, savedPeriods, sheetRows, tempDir, writeWorkbook } from "./grade-helpers";

const TODAY = ["--today", "2026-12-07"];
const H003 = ["--period", "2026", "--rulebook", "h003-city-bank", ...TODAY];

async function formulaWorkbook(dir: string): Promise<string> {
  return writeWorkbook(path.join(dir, "formulas.xlsx"), {
    花名册: [ROSTER_HEADER, cmRow("0103001", "张三"), cmRow("0103002", "李四"), ["0103003", "王五", "城东支行", { formula: "IF(1,\"客户经理\",\"\")" }, "中级客户经理"]],
    月度指标: [
      ["工号", "期间", "月收入(元)", "违规扣分"],
      // The conduct points of 0103001 are a formula saved without its value: 15 points would dismiss them.
      ["0103001", "2026-06", 5000, { formula: "SUM(10,5)" }],
      // The same formula with its saved value is read as the value.
      ["0103002", "2026-06", 5000, { formula: "SUM(10,5)", result: 15 }],
      [{ formula: "\"0103003\"" }, "2026-06", 5000, 0],
      ["0103001", { formula: "TEXT(DATE(2026,7,1),\"yyyy-mm\")" }, 5000, 0],
    ],
  });
}

describe("formulas saved without their calculated value", () => {
  it("are errors at their cells in grade; a formula with its value is read; --strict stops", async () => {
    const dir = tempDir();
    const file = await formulaWorkbook(dir);
    const json = path.join(dir, "in.json");
    const run = await runCli(["grade", file, ...H003, "-o", path.join(dir, "out.xlsx"), "--input-json", json]);
    expect(run.code).toBe(0);
    const errors = run.stderr.split("\n").filter((l) => l.includes("没有计算结果的公式"));
    expect(errors.map((l) => l.slice(0, l.indexOf(" ")))).toEqual(["花名册!D4:", "月度指标!D2:", "月度指标!A4:", "月度指标!B5:"]);
    expect(errors[1]).toBe("月度指标!D2: 错误 违规扣分是没有计算结果的公式(请先用 Excel 或 WPS 打开并保存此文件),未读取 | conductDeductions is a formula without a calculated value (open and save the file in Excel or WPS first); not read");
    expect(errors[2]).toContain("工号是没有计算结果的公式");
    expect(errors[3]).toContain("期间是没有计算结果的公式");
    // 0103003's role is a formula without its value: not appraised, never graded under a guessed role.
    expect(savedPeriods(json)).toEqual({ "0103001": ["2026-06"], "0103002": ["2026-06"] });
    const wb = await openXlsx(path.join(dir, "out.xlsx"));
    const rows = new Map(sheetRows(wb.getWorksheet("考核结果 2026")!).map((r) => [String(r["工号"]), r]));
    expect(rows.get("0103002")!["状态"]).toMatch(/^解除劳动合同/);
    expect(String(rows.get("0103001")!["说明"])).toContain("数据问题 2 处");
    const problems = sheetRows(wb.getWorksheet("问题")!).filter((p) => String(p["说明"]).includes("没有计算结果的公式"));
    expect(problems.map((p) => p["位置"])).toEqual(["花名册!D4", "月度指标!D2", "月度指标!A4", "月度指标!B5"]);

    const strict = await runCli(["grade", file, ...H003, "--strict", "-o", path.join(dir, "strict.xlsx")]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain("--strict: 数据有 4 个错误");
  });

  it("are errors with code formulaNoValue in validate (exit 1)", async () => {
    const dir = tempDir();
    const file = await formulaWorkbook(dir);
    const run = await runCli(["validate", file, ...H003, "--json"]);
    expect(run.code).toBe(1);
    const found = (JSON.parse(run.stdout).findings as Array<{ address: string; code: string; severity: string }>).filter((f) => f.code === "formulaNoValue");
    expect(found.map((f) => `${f.address} ${f.severity}`)).toEqual(["花名册!D4 error", "月度指标!D2 error", "月度指标!A4 error", "月度指标!B5 error"]);
  });

  it("in the 设置 sheet: 考核期 as a formula without its value is an error at its cell", async () => {
    const dir = tempDir();
    const file = await writeWorkbook(path.join(dir, "settings.xlsx"), {
      花名册: [ROSTER_HEADER, cmRow("0103001")],
      月度指标: [["工号", "期间", "月收入(元)"], ["0103001", "2026-06", 5000]],
      设置: [["规则集", "h003-city-bank"], ["考核期", { formula: "\"2026\"" }]],
    });
    const run = await runCli(["grade", file, ...TODAY]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toMatch(/^设置!B2: 错误 设置「考核期」的值是没有计算结果的公式/);
  });
});
