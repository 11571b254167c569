/**
 * A real .xlsx with a merged two-row header (issue 16, item 11), written with exceljs as a branch would make it:
 * 工号, 姓名 and 期间 merged down over two rows, `存款(万元)` merged across 日均存款 and 基数存款, `考核指标(%)` across
 * four rates. `appraise grade` reads each sub-column in its group's unit (the president's 35 under 考核指标(%) is
 * 35 %, so he scores 118.00 as in the README), and `appraise validate` finds nothing wrong; a sub-column whose unit
 * contradicts its group, and one named by nothing we know, are each reported at their own cell.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./run";
import { openXlsx, ROSTER_HEADER, sheetRows, tempDir } from "./grade-helpers";

const RUN = ["--period", "2026", "--rulebook", "h003-city-bank", "--today", "2027-01-05"];

/** The records sheet: a title, the two header rows with their merges, a president and a CM for the year 2026. */
async function writeTwoRowHeader(file: string, subs: { deposits: string; base: string }): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet("花名册");
  roster.addRow(ROSTER_HEADER);
  roster.addRow(["0103001", "张三", "城东支行", "客户经理", "中级客户经理"]);
  roster.addRow(["0103009", "王五", "城东支行", "支行行长", "高级客户经理"]);
  const ws = wb.addWorksheet("月度指标");
  ws.addRow(["城东支行 客户经理考核数据"]);
  ws.addRow(["工号", "姓名", "期间", "存款(万元)", null, "考核指标(%)", null, null, null, "月收入(元)"]);
  ws.addRow([null, null, null, subs.deposits, subs.base, "存款日均增长率", "不良贷款率", "收贷收息率", "中间业务收入增长率", null]);
  ws.addRow(["0103009", "王五", "2026", 5000, 4000, 35, 0, 99.8, 24, 30000]);
  ws.addRow(["0103001", "张三", "2026", 1200, 800, 12, 1.5, 98, 10, 9000]);
  ws.mergeCells("A1:J1");
  for (const range of ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:I2", "J2:J3"]) ws.mergeCells(range);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("a workbook with a merged two-row header", () => {
  it("grade reads each sub-column in its group's unit; validate finds nothing wrong (exit 0)", async () => {
    const dir = tempDir();
    const file = await writeTwoRowHeader(path.join(dir, "two-row.xlsx"), { deposits: "日均存款", base: "基数存款" });
    // The merges are really in the file: what Excel and the reader see.
    expect((await openXlsx(file)).getWorksheet("月度指标")!.getCell("E2").isMerged).toBe(true);

    const out = path.join(dir, "out.xlsx");
    const run = await runCli(["grade", file, ...RUN, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/月度指标!/);
    const rows = new Map(sheetRows((await openXlsx(out)).getWorksheet("考核结果 2026")!).map((r) => [String(r["工号"]), r]));
    expect(rows.get("0103009")!["得分"]).toBe(118);
    expect(rows.get("0103009")!["日均存款(元)"]).toBe(50_000_000);
    expect(rows.get("0103001")!["日均存款(元)"]).toBe(12_000_000);
    expect(rows.get("0103001")!["基数存款(元)"]).toBe(8_000_000);
    expect(rows.get("0103001")!["不良贷款率(%)"]).toBe(0.015);

    const validate = await runCli(["validate", file, ...RUN]);
    expect([validate.code, validate.stderr]).toEqual([0, ""]);
    expect(validate.stdout.trim().split("\n").pop()).toBe("错误 0 · 警告 0 · 提示 0 / errors 0, warnings 0, notes 0");
  });

  it("a sub-column whose unit contradicts its group, and one named by nothing known: each at its cell, validate exits 1", async () => {
    const dir = tempDir();
    const file = await writeTwoRowHeader(path.join(dir, "two-row-bad.xlsx"), { deposits: "日均存款(元)", base: "本月" });
    const lines = [
      "月度指标!D3: 错误 「日均存款(元)」的单位「元」与其上方分组「存款(万元)」的单位「万元」不一致,该列未读取;请删去其中一个单位,或改为一致 | \"日均存款(元)\" is in 元 but the group above it, \"存款(万元)\", says 万元; the column is not read: remove one of the units or make them agree",
      "月度指标!E3: 警告 两行表头中「存款(万元)」下的「本月」不是可识别的字段,该列未读取;请把这一格改为字段名(如「日均存款」「基数存款」),或改用一行表头「字段名(单位)」 | two-row header: \"本月\" under \"存款(万元)\" names no known field; the column is not read. To read it, rename the cell to a field name (such as 日均存款 or 基数存款), or use a one-row header \"field (unit)\"",
    ];
    const validate = await runCli(["validate", file, ...RUN]);
    expect(validate.code).toBe(1);
    expect(validate.stdout.split("\n").filter((l) => l.startsWith("月度指标!"))).toEqual(lines);

    const out = path.join(dir, "out.xlsx");
    const run = await runCli(["grade", file, ...RUN, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((l) => l.startsWith("月度指标!"))).toEqual(lines);
    // The rates under 考核指标(%) are still read: the president's score does not need the deposits.
    const rows = new Map(sheetRows((await openXlsx(out)).getWorksheet("考核结果 2026")!).map((r) => [String(r["工号"]), r]));
    expect(rows.get("0103009")!["得分"]).toBe(118);

    const strict = await runCli(["grade", file, ...RUN, "-o", path.join(dir, "strict.xlsx"), "--strict"]);
    expect(strict.code).toBe(2);
  });
});
