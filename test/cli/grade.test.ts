/**
 * `appraise grade` on the sample city-bank workbook: the results workbook holds exactly the figures
 * `appraise evaluate` gives for the same data, the input file is never touched, the four deliberate data problems
 * (and nothing else) are reported with their cells, --strict stops, outputs are never overwritten unasked.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { runCli } from "./run";
import { evaluateJson, openXlsx, sampleCopy, SAMPLE_JSON, sha256, sheetRows, type ResultJson } from "./grade-helpers";

const STATUS_ZH: Record<string, string> = {
  normal: "正常", demote: "降级", demoteAppointment: "降级聘用", dismiss: "解除劳动合同",
  demoteToAgentOrRelease: "本人自愿且本行同意可聘为业务代办员,否则解聘", offPostCollection: "下岗清收", undetermined: "待定",
};
const GRADE_ZH: Record<string, string> = { senior: "高级客户经理", intermediate: "中级客户经理", junior: "初级客户经理" };
const ITEM_COLUMN: Record<string, string> = {
  "H003-SCORE-DEPOSIT-GROWTH": "存款日均增长得分", "H003-SCORE-NPL": "不良贷款率得分", "H003-SCORE-COLLECTION": "收贷收息率得分",
  "H003-SCORE-FEE-INCOME": "中间业务收入增长得分", "H003-SCORE-NEW-ACCOUNTS": "新开对公基本账户得分", "H003-SCORE-JUNIOR-DEPOSIT": "新增存款日均得分",
};

/** The four deliberate problems of assets/sample-city-bank.xlsx, as stderr prints them. */
const DELIBERATE = [
  "花名册!A20: 错误 工号 1020030000000010 是 16 位的数字单元格:Excel 只保留 15 位有效数字,末位已丢失;请把工号列设为文本后重新录入;工作簿中 月度指标!A227 有文本工号 1020030000000017,按它匹配 | staff id 1020030000000010 is a number cell with 16 digits: Excel keeps only 15 significant digits, so the last ones are lost; format the column as text and re-enter it; the workbook has the text id 1020030000000017 at 月度指标!A227, used to match",
  "花名册!A41: 错误 工号 0103004 重复(首次出现在 花名册!A8),此行未读取 | staff id 0103004 repeats (first at 花名册!A8); this row is not read",
  "月度指标!E190: 错误 日均存款为文本 \"1,2O0\",不是数字(字母 O/l 可能应为数字 0/1,即 1200),未读取 | avgDeposits is text \"1,2O0\", not a number (the letters O/l may be the digits 0/1: 1200); not read",
  "月度指标!K252: 错误 存款日均增长率为 35,看似按百分数填写(比率应为小数:35% 即 0.35,或设为百分比格式),未读取;建议改为 0.35 | depositGrowth is 35, which looks like percent units (rates are fractions: 35% is 0.35, or format the cell as %); not read; suggested value 0.35",
];

/** A figure cell against a result value: a number equal to the decimal string, or 不可用 / — when absent. */
function expectFigure(cell: ExcelJS.CellValue, value: string | undefined, unavailable: boolean, where: string): void {
  if (value === undefined) expect([where, cell]).toEqual([where, unavailable ? "不可用" : "—"]);
  else expect([where, cell]).toEqual([where, Number(value)]);
}

function compareRow(row: Record<string, ExcelJS.CellValue>, r: ResultJson): void {
  const missing = (o: string) => (r.unavailable ?? []).some((u) => u.output === o);
  const id = r.id;
  expectFigure(row["得分"], r.score, missing("score"), `${id} 得分`);
  for (const item of r.scoreItems ?? []) expectFigure(row[ITEM_COLUMN[item.rule]], item.points, false, `${id} ${item.rule}`);
  expectFigure(row["提成"], r.commission, missing("commission"), `${id} 提成`);
  expectFigure(row["风险金本期"], r.riskDeposit?.withheld, missing("riskDeposit"), `${id} 风险金本期`);
  expectFigure(row["风险金余额"], r.riskDeposit?.balance, missing("riskDeposit"), `${id} 风险金余额`);
  expectFigure(row["风险金应退"], r.riskDeposit?.refundable, missing("riskDeposit"), `${id} 风险金应退`);
  const status = r.status === undefined ? "不可用" : `${STATUS_ZH[r.status]}${missing("status") && r.status !== "undetermined" ? "(部分条件无法判断)" : ""}`;
  expect([id, row["状态"]]).toEqual([id, status]);
  if (r.grade !== undefined) expect([id, row["等级"]]).toEqual([id, GRADE_ZH[r.grade]]);
}

describe("appraise grade assets/sample-city-bank.xlsx --period 2026", () => {
  let dir: string;
  let file: string;
  let out: string;
  let before: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  let wb: ExcelJS.Workbook;
  let evaluated: Map<string, ResultJson>;

  beforeAll(async () => {
    ({ dir, file } = sampleCopy());
    before = sha256(file);
    run = await runCli(["grade", file, "--period", "2026", "--input-json", path.join(dir, "input.json")]);
    out = path.join(dir, "sample-city-bank-考核结果-2026.xlsx");
    wb = await openXlsx(out);
    evaluated = await evaluateJson(path.join(dir, "input.json"));
  }, 60_000);

  it("writes a new workbook next to the input, named <name>-考核结果-<period>.xlsx, and prints a summary", () => {
    expect(run.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["考核结果 2026", "机构汇总", "问题", "计算明细"]);
    const lines = run.stdout.trim().split("\n");
    expect(lines.slice(0, 4)).toEqual([
      `已写出考核结果 / results written: ${out}`,
      "规则集 h003-city-bank v2.0.0 · 考核期 2026 · 考核 40 人",
      "状态:正常 29 · 降级聘用 1 · 降级 3 · 本人自愿且本行同意可聘为业务代办员,否则解聘 1 · 解除劳动合同 4 · 下岗清收 1 · 待定 1",
      "数据问题:错误 4 · 警告 0 · 提示 0(明细见标准错误输出和「问题」表)",
    ]);
    expect(lines[4]).toMatch(/^用时 \d+\.\d 秒$/);
  });

  it("never modifies the input (sha256 before and after)", () => {
    expect(sha256(file)).toBe(before);
  });

  it("reports the four deliberate problems with their cells, and nothing else", async () => {
    expect(run.stderr.trim().split("\n")).toEqual(DELIBERATE);
    const problems = sheetRows(wb.getWorksheet("问题")!);
    expect(problems.map((p) => [p["级别"], p["位置"], p["字段"], p["工号"], p["建议值"] ?? null])).toEqual([
      ["错误", "花名册!A20", "id", "1020030000000017", "1020030000000017"],
      ["错误", "花名册!A41", "id", "0103004", null],
      ["错误", "月度指标!E190", "avgDeposits", "0103015", "1200"],
      ["错误", "月度指标!K252", "depositGrowth", "0103016", "0.35"],
    ]);
  });

  it("holds, for every manager, exactly the figures appraise evaluate gives on the same data", () => {
    const rows = sheetRows(wb.getWorksheet("考核结果 2026")!);
    expect(rows.map((r) => r["工号"])).toEqual([...evaluated.keys()]);
    expect(rows).toHaveLength(40);
    for (const row of rows) compareRow(row, evaluated.get(String(row["工号"]))!);
  });

  it("agrees with appraise evaluate on assets/sample-city-branch.json for the twelve managers both samples share", async () => {
    const fromJson = await evaluateJson(SAMPLE_JSON);
    const rows = new Map(sheetRows(wb.getWorksheet("考核结果 2026")!).map((r) => [String(r["工号"]), r]));
    expect(fromJson.size).toBe(12);
    for (const r of fromJson.values()) compareRow(rows.get(r.id)!, r);
  });

  it("appraises each designed case as designed (score, status, grade after, risk-deposit balance)", () => {
    const rows = new Map(sheetRows(wb.getWorksheet("考核结果 2026")!).map((r) => [String(r["工号"]), r]));
    const pick = (id: string) => [id, rows.get(id)!["得分"], rows.get(id)!["状态"], rows.get(id)!["等级"], rows.get(id)!["风险金余额"]];
    expect(["0102003", "0102017", "0102025", "0103010", "0103011", "0103012", "0103013", "0103014", "0102031", "0103015", "0103016", "1020030000000017", "0104002"].map(pick)).toEqual([
      ["0102003", 118, "正常", "中级客户经理", 10000], // H003-SCORE-TOTAL worked example
      ["0102017", 73, "降级聘用", "高级客户经理", 20000], // H003-DEMOTE-PRESIDENT
      ["0102025", 33, "解除劳动合同", "中级客户经理", 10000], // H003-DISMISS-PRESIDENT-REPEAT: 2025 and 2026
      ["0103010", 78, "降级", "中级客户经理", 20000], // H003-DEMOTE-CM-SCORE: senior → intermediate
      ["0103011", 118, "下岗清收", "中级客户经理", 10000], // H003-RISK-OFFPOST-COLLECTION: new loans 98%
      ["0103012", 104, "解除劳动合同", "初级客户经理", 5000], // H003-DISMISS-CM-CONDUCT: major violation
      ["0103013", 108.57, "正常", "中级客户经理", 10000], // promoted in July (per-period grade)
      ["0103014", 118, "正常", "高级客户经理", 20000], // H003-RISKDEP-CAP with 16 000 carried in
      ["0102031", 107, "正常", "高级客户经理", 20000], // task 存款 28000 / 27300 万元
      ["0103015", 104, "正常", "初级客户经理", 5000], // March deposits unreadable ("1,2O0")
      ["0103016", "不可用", "待定", "中级客户经理", 10000], // growth typed as 35: not read, so no score to judge
      ["1020030000000017", 112, "正常", "中级客户经理", 10000], // linked through the text id
      ["0104002", "不可用", "正常", null, "—"], // agents are not scored
    ]);
  });

  it("formats money as #,##0.00, points as 0.00 and rates as %, with a frozen header, autofilter and fitted widths", () => {
    const ws = wb.getWorksheet("考核结果 2026")!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const fmt = (h: string) => ws.getRow(2).getCell(header.indexOf(h) + 1).numFmt;
    expect([fmt("得分"), fmt("提成"), fmt("风险金余额"), fmt("收贷收息率(%)"), fmt("工号")]).toEqual(["0.00", "#,##0.00", "#,##0.00", "0.00%", "@"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(header.indexOf("说明") + 1).width).toBeGreaterThan(40);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it("sums each branch in 机构汇总 (head count, scores, risk deposit, statuses, grades)", () => {
    const rows = sheetRows(wb.getWorksheet("机构汇总")!);
    const total = rows.find((r) => r["机构"] === "合计")!;
    expect([total["人数"], total["参评人数"], total["状态·正常"], total["状态·降级"], total["状态·解除劳动合同"], total["状态·下岗清收"], total["等级·无"]]).toEqual([40, 36, 29, 3, 4, 1, 3]);
    let withheld = 0n;
    for (const r of evaluated.values()) if (r.riskDeposit) withheld += BigInt(r.riskDeposit.withheld.replace(".", ""));
    expect(Math.round((total["风险金本期合计"] as number) * 100)).toBe(Number(withheld));
    expect(rows.map((r) => r["机构"])).toEqual(["城东支行", "城西支行", "城南支行", "营业部", "合计"]);
  });

  it("says in 说明 which rules decided and where the data problems are", () => {
    const rows = new Map(sheetRows(wb.getWorksheet("考核结果 2026")!).map((r) => [String(r["工号"]), r]));
    const text = String(rows.get("0103016")!["说明"]);
    // The score is unavailable because of the cell typed as 35 (for 35%): the reason names that cell.
    expect(text.startsWith("未触发降级或解聘条件,但 H003-DEMOTE-CM-SCORE、H003-DISMISS-CM-SCORE 缺数据无法判断 → 待定[H003-DEMOTE-LADDER];得分不可用:月度指标!K252: 存款日均增长率为 35")).toBe(true);
    expect(text).toContain("[H003-SCORE-DEPOSIT-GROWTH]");
    expect(text).toContain(";数据问题 1 处(见「问题」表);规则:");
    expect(rows.get("0102025")!["说明"]).toContain("依据 H003-DISMISS-PRESIDENT-REPEAT");
  });
});

describe("appraise grade options", () => {
  it("--strict stops on the sample's errors: exit 2, no output file", async () => {
    const { dir, file } = sampleCopy();
    const run = await runCli(["grade", file, "--period", "2026", "--strict"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([...DELIBERATE, "--strict: 数据有 4 个错误,未写出结果 / 4 error(s) in the data; no output written"]);
    expect(fs.readdirSync(dir)).toEqual(["sample-city-bank.xlsx"]);
  });

  it("never overwrites an existing output unless --force, and never the input", async () => {
    const { dir, file } = sampleCopy();
    const out = path.join(dir, "out.xlsx");
    fs.writeFileSync(out, "keep me");
    const refused = await runCli(["grade", file, "--period", "2026", "-o", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("输出文件已存在(用 --force 覆盖)");
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    const forced = await runCli(["grade", file, "--period", "2026", "-o", out, "--force", "--quiet"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const before = fs.readFileSync(file);
    const self = await runCli(["grade", file, "--period", "2026", "-o", file, "--force"]);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain("输出文件不能是输入文件");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const json = await runCli(["grade", file, "--period", "2026", "-o", path.join(dir, "other.xlsx"), "--input-json", file]);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain("--input-json 不能覆盖输入或结果文件");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["out.xlsx", "sample-city-bank.xlsx"]);
  });

  it("takes the rulebook and the period from the 设置 sheet when the command line does not give them", async () => {
    const { dir, file } = sampleCopy();
    const run = await runCli(["grade", file]);
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "sample-city-bank-考核结果-2026.xlsx"))).toBe(true);
  });

  it("--set overrides a setting (H003-DEMOTE-LADDER h003.demotion.belowJunior=terminate) and --period grades a month", async () => {
    const { dir, file } = sampleCopy();
    const run = await runCli(["grade", file, "--period", "2026", "--set", "h003.demotion.belowJunior=terminate", "-o", path.join(dir, "t.xlsx")]);
    expect(run.code).toBe(0);
    const rows = new Map(sheetRows((await openXlsx(path.join(dir, "t.xlsx"))).getWorksheet("考核结果 2026")!).map((r) => [String(r["工号"]), r]));
    expect(rows.get("0103004")!["状态"]).toBe("解除劳动合同(不再降为业务代办员)");
    const month = await runCli(["grade", file, "--period", "2026-10", "--input-json", path.join(dir, "m.json")]);
    expect(month.code).toBe(0);
    const evaluated = await evaluateJson(path.join(dir, "m.json"));
    const mrows = sheetRows((await openXlsx(path.join(dir, "sample-city-bank-考核结果-2026-10.xlsx"))).getWorksheet("考核结果 2026-10")!);
    expect(mrows).toHaveLength(40);
    for (const row of mrows) compareRow(row, evaluated.get(String(row["工号"]))!);
  }, 30_000);

  it.each<[string[], number, RegExp]>([
    [["grade"], 1, /appraise grade 需要一个工作簿文件/],
    [["grade", "nope.xlsx", "--period", "2026"], 2, /^nope\.xlsx: 文件不存在/],
    [["grade", "rulebook.json", "--period", "2026"], 2, /只能读取工作簿文件\(\.xlsx、/],
  ])("%j → exit %i", async (argv, code, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("rejects an unknown rulebook, an unknown setting and a bad period", async () => {
    const { file } = sampleCopy();
    const a = await runCli(["grade", file, "--period", "2026", "--rulebook", "nope"]);
    expect([a.code, a.stderr.split("\n")[0]]).toEqual([2, expect.stringMatching(/^rulebook: unknown rulebook "nope"/)]);
    const b = await runCli(["grade", file, "--period", "2026", "--set", "h003.nope=1"]);
    expect([b.code, b.stderr]).toEqual([2, "settings.h003.nope: unknown setting for rulebook h003-city-bank\n"]);
    const c = await runCli(["grade", file, "--period", "2026-13"]);
    expect([c.code, c.stderr.split("\n")[0]]).toEqual([1, '--period "2026-13" 不是期间(YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY)/ is not a period']);
  });

  it("--no-details leaves out the 计算明细 sheet; the results sheet's figures are the same and point to KHJL.EXPLAIN", async () => {
    // The bank-grades sample, whose 距下一等级 points to the explanation for conditions other than amounts.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grade-lean-"));
    const file = path.join(dir, "sample-bank-grades.xlsx");
    fs.copyFileSync(path.resolve(__dirname, "../../assets/sample-bank-grades.xlsx"), file);
    const full = path.join(dir, "full.xlsx");
    const lean = path.join(dir, "lean.xlsx");
    expect((await runCli(["grade", file, "-o", full])).code).toBe(0);
    expect((await runCli(["grade", file, "-o", lean, "--no-details"])).code).toBe(0);
    const [a, b] = [await openXlsx(full), await openXlsx(lean)];
    expect(a.worksheets.map((w) => w.name).slice(-1)).toEqual(["计算明细"]);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name).slice(0, -1));
    const results = a.worksheets[0].name;
    const rowsA = sheetRows(a.getWorksheet(results)!);
    const rowsB = sheetRows(b.getWorksheet(results)!);
    const figures = (rows: typeof rowsA) => rows.map((r) => [r["工号"], r["得分"], r["等级"], r["状态"], r["提成"]]);
    expect(figures(rowsB)).toEqual(figures(rowsA));
    expect(rowsA.filter((r) => String(r["距下一等级"] ?? "").includes("见计算明细")).length).toBeGreaterThan(0);
    const pointers = rowsB.filter((r) => String(r["距下一等级"] ?? "").includes("见"));
    expect(pointers.length).toBeGreaterThan(0);
    for (const r of pointers) expect(String(r["距下一等级"])).toContain("见 KHJL.EXPLAIN");
  });

  it("appraise help lists the grade command", async () => {
    const run = await runCli(["help"]);
    expect(run.stdout).toContain("appraise grade WORKBOOK.xlsx --period YYYY-MM|YYYY [--rulebook ID] [-o OUT.xlsx] [--strict] [--set key=value]...");
  });
});
