/**
 * `appraise validate WORKBOOK.xlsx`: every finding of the shared validator (src/workbook validateWorkbook) with its
 * cell, a summary, --json; exit 1 when the workbook has errors, 0 otherwise, 2 when it cannot be validated at all.
 * The input file is only read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./run";
import { sampleCopy, sha256, tempDir } from "./grade-helpers";

const ASSETS = path.resolve(__dirname, "../../assets");
/** The samples are a year-end appraisal of 2026: judged the day after, nothing in them lies in the future. */
const TODAY = ["--today", "2027-01-05"];

/** The four deliberate problems of assets/sample-city-bank.xlsx, as appraise grade also prints them. */
const DELIBERATE = [
  "花名册!A20: 错误 工号 1020030000000010 是 16 位的数字单元格:Excel 只保留 15 位有效数字,末位已丢失;请把工号列设为文本后重新录入;工作簿中 月度指标!A227 有文本工号 1020030000000017,按它匹配 | staff id 1020030000000010 is a number cell with 16 digits: Excel keeps only 15 significant digits, so the last ones are lost; format the column as text and re-enter it; the workbook has the text id 1020030000000017 at 月度指标!A227, used to match",
  "花名册!A41: 错误 工号 0103004 重复(首次出现在 花名册!A8),此行未读取 | staff id 0103004 repeats (first at 花名册!A8); this row is not read",
  "月度指标!E190: 错误 日均存款为文本 \"1,2O0\",不是数字(字母 O/l 可能应为数字 0/1,即 1200),未读取 | avgDeposits is text \"1,2O0\", not a number (the letters O/l may be the digits 0/1: 1200); not read",
  "月度指标!K252: 错误 存款日均增长率为 35,看似按百分数填写(比率应为小数:35% 即 0.35,或设为百分比格式),未读取;建议改为 0.35 | depositGrowth is 35, which looks like percent units (rates are fractions: 35% is 0.35, or format the cell as %); not read; suggested value 0.35",
];

describe("appraise validate", () => {
  it("prints every finding of the sample with its cell and a summary, exits 1 for its errors, and never touches the file", async () => {
    const { file } = sampleCopy();
    const before = sha256(file);
    const run = await runCli(["validate", file, ...TODAY]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trim().split("\n");
    expect(lines.slice(0, 4)).toEqual(DELIBERATE);
    expect(lines[4]).toMatch(new RegExp(`^校验 / checked ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · 规则集 h003-city-bank v2\\.0\\.0 · 考核期 2026 · \\d+ 项检查 / checks$`));
    expect(Number(/· (\d+) 项检查/.exec(lines[4])![1])).toBeGreaterThanOrEqual(30);
    expect(lines[5]).toBe("错误 4 · 警告 0 · 提示 0 / errors 4, warnings 0, notes 0");
    expect(lines).toHaveLength(6);
    expect(sha256(file)).toBe(before);
  });

  it("--json gives the counts, the checks run and every finding with its address and both messages", async () => {
    const run = await runCli(["validate", path.join(ASSETS, "sample-city-bank.xlsx"), "--json", ...TODAY]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect([doc.rulebook, doc.period, doc.counts]).toEqual([{ id: "h003-city-bank", version: "2.0.0" }, "2026", { error: 4, warning: 0, info: 0 }]);
    expect(doc.findings.map((f: { address: string; code: string }) => `${f.address} ${f.code}`)).toEqual(["花名册!A20 idDigitsLost", "花名册!A41 duplicateId", "月度指标!E190 notNumber", "月度指标!K252 percentUnits"]);
    for (const f of doc.findings) expect([typeof f.zh, typeof f.en, f.severity]).toEqual(["string", "string", "error"]);
    expect(doc.checks.length).toBeGreaterThanOrEqual(30);
    expect(doc.checks).toContainEqual({ code: "creditLimit", zh: "贷款超出授信权限", en: "loans above credit authority", rules: ["H003-LOAN-AUTHORITY"] });
  });

  it("exits 0 for a workbook without errors (the credit-coop sample, rulebook and period from its 设置 sheet)", async () => {
    const run = await runCli(["validate", path.join(ASSETS, "sample-credit-coop.xlsx"), ...TODAY]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("规则集 c000-credit-coop v1.0.0 · 考核期 2026-12");
    expect(run.stdout.trim().split("\n").pop()).toBe("错误 0 · 警告 0 · 提示 0 / errors 0, warnings 0, notes 0");
  });

  it("--period and --rulebook win over the 设置 sheet; warnings alone exit 0", async () => {
    const { file } = sampleCopy();
    const run = await runCli(["validate", file, "--period", "2026-10", "--rulebook", "h003-city-bank", ...TODAY]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("月度指标!C13: 警告 期间 2026-11 晚于考核期 2026-10");
    expect(run.stdout).toContain("errors 4, warnings 2, notes 0");
    const coop = await runCli(["validate", path.join(ASSETS, "sample-credit-coop.xlsx"), "--today", "2026-11-23"]);
    expect(coop.code).toBe(0);
    expect(coop.stdout).toContain("设置!B3: 警告 考核期 2026-12 尚未开始(今天是 2026-11-23),请核对考核期");
  });

  it("counts the KHJL custom-function formulas in the file (shared formulas too) and warns above 10 000", async () => {
    const dir = tempDir("validate-");
    const file = path.join(dir, "formulas.xlsx");
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet("花名册");
    roster.addRow(["工号", "姓名", "机构", "角色", "等级"]);
    roster.addRow(["0103001", "张三", "城东支行", "客户经理", "中级客户经理"]);
    const records = wb.addWorksheet("月度指标");
    records.addRow(["工号", "期间", "月收入"]);
    records.addRow(["0103001", "2026", 5000]);
    const sheet = wb.addWorksheet("说明");
    sheet.getCell("A1").value = { formula: "KHJL.GRADE(\"0103001\")", result: "中级客户经理" };
    for (let r = 2; r <= 10_001; r++) sheet.getCell(`A${r}`).value = { sharedFormula: "A1", result: "中级客户经理" };
    sheet.getCell("B1").value = { formula: "SUM(C1:C3)", result: 0 };
    await wb.xlsx.writeFile(file);
    const run = await runCli(["validate", file, "--rulebook", "h003-city-bank", "--period", "2026", ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")[0]).toBe(
      "工作簿: 警告 工作簿中有 10001 个 KHJL 自定义函数公式,超过 10000 个,Excel 重算会明显变慢;已定稿的考核结果建议复制后「粘贴为数值」冻结 | the workbook holds 10001 KHJL custom-function formulas, more than 10000; Excel recalculates slowly: freeze finished results by pasting them as values",
    );
  }, 30_000);

  it.each<[string[], number, RegExp]>([
    [["validate"], 2, /appraise validate 需要一个工作簿文件/],
    [["validate", "nope.xlsx"], 2, /^nope\.xlsx: 文件不存在/],
    [["validate", "rulebook.json"], 2, /只能读取工作簿文件\(\.xlsx、/],
    [["validate", path.join(ASSETS, "sample-city-bank.xlsx"), "--today", "2027-13-01"], 2, /--today "2027-13-01" 不是日期/],
    [["validate", path.join(ASSETS, "sample-city-bank.xlsx"), "--period", "2026-13"], 2, /--period "2026-13" 不是期间/],
    [["validate", path.join(ASSETS, "sample-city-bank.xlsx"), "--rulebook", "nope"], 2, /^rulebook: unknown rulebook "nope"/],
    [["validate", path.join(ASSETS, "sample-city-bank.xlsx"), "--set", "h003.nope=1"], 2, /^settings\.h003\.nope: unknown setting for rulebook h003-city-bank/],
    [["validate", path.join(ASSETS, "sample-city-bank.xlsx"), "--set", "h003.score.partialStep=bogus"], 2, /^settings\.h003\.score\.partialStep: "bogus" 不是可选值之一 .* \/ is not one of/],
  ])("%j → exit %i", async (argv, code, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("appraise help lists the validate command", async () => {
    const run = await runCli(["help"]);
    expect(run.stdout).toContain("appraise validate WORKBOOK.xlsx [--period YYYY-MM|YYYY] [--rulebook ID] [--json]");
  });

  it("leaves no file behind (it only reads)", async () => {
    const { dir, file } = sampleCopy();
    await runCli(["validate", file, "--json", ...TODAY]);
    expect(fs.readdirSync(dir)).toEqual(["sample-city-bank.xlsx"]);
  });
});
