/**
 * Large files: from PROGRESS_MIN_MANAGERS managers on, `appraise grade` shows its progress on stderr every 10%
 * (never in --quiet mode), and the results are those of grading the managers in one go. Reading a large file says
 * how big it is before the long read, that it is still reading, and how long it took — in grade and validate.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { PROGRESS_MIN_MANAGERS } from "../../src/cli/grade";
import { READ_PROGRESS_ROWS, readWithProgress } from "../../src/cli/readProgress";
import { runCli } from "./run";
import { openXlsx, sheetRows, tempDir } from "./grade-helpers";

/** A branch file of `n` CMs with 12 months of income and the annual record. */
async function bigWorkbook(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet("花名册");
  roster.addRow(["工号", "姓名", "机构", "角色", "等级"]);
  const records = wb.addWorksheet("月度指标");
  records.addRow(["工号", "期间", "月收入(元)", "日均存款(万元)", "基数存款(万元)", "存款日均增长率", "不良贷款率", "收贷收息率", "新开基本账户"]);
  const grades = ["高级客户经理", "中级客户经理", "初级客户经理"];
  for (let i = 0; i < n; i++) {
    const id = `09${String(i).padStart(6, "0")}`;
    roster.addRow([id, `经理${i}`, `支行${i % 20}`, "客户经理", grades[i % 3]]);
    for (let m = 1; m <= 12; m++) records.addRow([id, `2026-${String(m).padStart(2, "0")}`, 6000 + (i % 50) * 100, 2400 + (i % 7), 2000, null, null, null, null]);
    records.addRow([id, "2026", null, null, null, 0.3 + (i % 9) / 100, (i % 4) / 1000, 0.995 + (i % 5) / 1000, 4 + (i % 6)]);
  }
  await wb.xlsx.writeFile(file);
}

describe("appraise grade on a large file", () => {
  it(`shows progress every 10% from ${PROGRESS_MIN_MANAGERS} managers, and nothing in --quiet mode`, async () => {
    const dir = tempDir("big-");
    const file = path.join(dir, "big.xlsx");
    await bigWorkbook(file, PROGRESS_MIN_MANAGERS);
    const run = await runCli(["grade", file, "--period", "2026", "--rulebook", "h003-city-bank"]);
    expect(run.code).toBe(0);
    const progress = run.stderr.split("\n").filter((l) => l.startsWith("考核进度"));
    expect(progress).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((p) => `考核进度 / progress ${p}% (${p * 10}/1000)`));
    expect(run.stderr).toContain("写出 / writing");
    const rows = sheetRows((await openXlsx(path.join(dir, "big-考核结果-2026.xlsx"))).getWorksheet("考核结果 2026")!);
    expect(rows).toHaveLength(1000);
    expect(rows[999]["工号"]).toBe("09000999");

    const quiet = await runCli(["grade", file, "--period", "2026", "--rulebook", "h003-city-bank", "--quiet", "-o", path.join(dir, "q.xlsx")]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
  }, 120_000);
});

describe("reading a large file", () => {
  it(`shows the size before reading from ${READ_PROGRESS_ROWS} rows on, lines while reading and the time it took; nothing with --quiet`, async () => {
    const dir = tempDir("big-read-");
    const file = path.join(dir, "big.xlsx");
    await bigWorkbook(file, 1600); // 1 600 × 13 records + the roster: 22 402 rows
    const run = await runCli(["grade", file, "--period", "2026", "--rulebook", "h003-city-bank"]);
    expect(run.code).toBe(0);
    const lines = run.stderr.split("\n");
    expect(lines[0]).toBe(`读取 / reading ${file}:2 张工作表 · 22,402 行 · 113,614 个单元格 / 2 sheets, 22,402 rows, 113,614 cells …`);
    expect(lines.find((l) => l.startsWith("已读取"))).toMatch(/^已读取 \/ read in \d+\.\d 秒 \/ s$/);
    expect(lines.indexOf(lines.find((l) => l.startsWith("已读取"))!)).toBeLessThan(lines.findIndex((l) => l.startsWith("考核进度")));

    const validate = await runCli(["validate", file, "--period", "2026", "--rulebook", "h003-city-bank", "--today", "2027-01-05"]);
    expect(validate.code).toBe(0);
    expect(validate.stderr.split("\n")[0]).toBe(lines[0]);
    const quiet = await runCli(["validate", file, "--period", "2026", "--rulebook", "h003-city-bank", "--today", "2027-01-05", "-q"]);
    expect(quiet.stderr).toBe("");

    // While the file is read, a line says how many of its rows are read (every 5 s; here every few ms).
    const said: string[] = [];
    const { read, large } = await readWithProgress(file, (l) => said.push(l), false, { heartbeatMs: 5 });
    expect([read.ok, large]).toEqual([true, true]);
    const going = said.filter((l) => l.startsWith("读取中 / still reading … "));
    expect(going.length).toBeGreaterThan(0);
    const counts = going.map((l) => /… ([\d,]+) \/ ([\d,]+) 行/.exec(l)!.slice(1).map((n) => Number(n.replace(/,/g, ""))));
    for (const [done, all] of counts) expect(done).toBeLessThanOrEqual(all);
    expect(counts.map(([done]) => done)).toEqual([...counts.map(([done]) => done)].sort((a, b) => a - b));
  }, 120_000);
});
