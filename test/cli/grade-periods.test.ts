/**
 * Period cells read as the user meant them, or refused at their cell: `2026.05` typed as a number, a date serial in a
 * General cell, a year mistyped `0226` or `2062`; and a period whose year cannot be meant never reaches the engine
 * (`--period 0226`, 考核期 `0000`, `"period": "0226"` in evaluate): a located message, never a stack trace.
 */
import * as path from "node:path";
import { runCli } from "./run";
import { cmRow, ROSTER_HEADER, savedPeriods, tempDir, writeWorkbook } from "./grade-helpers";

const TODAY = ["--today", "2026-12-07"];

/** One CM per period cell, each with one record whose 期间 is that cell. */
async function periodsWorkbook(dir: string, cells: unknown[], settings?: unknown[][]): Promise<string> {
  const ids = cells.map((_, i) => `01030${String(10 + i)}`);
  return writeWorkbook(path.join(dir, "periods.xlsx"), {
    花名册: [ROSTER_HEADER, ...ids.map((id) => cmRow(id))],
    月度指标: [["工号", "期间", "月收入(元)"], ...ids.map((id, i) => [id, cells[i] as string, 5000])],
    ...(settings ? { 设置: settings as string[][] } : {}),
  });
}

describe("period cells in appraise grade and validate", () => {
  it("reads 2026.05 as 2026-05 and a General-format date serial as its month, each with a note at its cell", async () => {
    const dir = tempDir();
    const file = await periodsWorkbook(dir, [2026.05, 2026.12, 46142, "2026-03"]);
    const json = path.join(dir, "in.json");
    const run = await runCli(["grade", file, "--period", "2026", "--rulebook", "h003-city-bank", "--input-json", json, ...TODAY]);
    expect(run.code).toBe(0);
    expect(savedPeriods(json)).toEqual({ "0103010": ["2026-05"], "0103011": ["2026-12"], "0103012": ["2026-04"], "0103013": ["2026-03"] });
    const lines = run.stderr.trim().split("\n");
    expect(lines.map((l) => l.slice(0, l.indexOf(" ", l.indexOf(": ") + 2)))).toEqual(["月度指标!B2: 警告", "月度指标!B3: 警告", "月度指标!B4: 提示"]);
    expect(lines[0]).toContain("期间是数字 2026.05,按 2026-05 读取");
    expect(lines[2]).toContain("按日期序列号读作 2026-04-30,即 2026-04");
  });

  it.each<[string, unknown, RegExp]>([
    ["2026.1 (January or October)", 2026.1, /期间是数字 2026\.1,可能是 2026-01 也可能是 2026-10/],
    ["a year typed 0226", "0226-05", /期间 "0226-05" 的年份 226 不在 1990 至 2027 年之间,应是录入错误,此行未读取/],
    ["a year typed 2062", "2062-05", /the year 2062 is not between 1990 and 2027/],
    ["the number 1905", 1905, /年份 1905 不在 1990 至 2027 年之间/],
    ["a tiny date serial", 7, /期间 7\(1900-01-07\) 的年份 1900/],
  ])("%s is an error at its cell: the row is not read, --strict stops, validate exits 1", async (_name, cell, message) => {
    const dir = tempDir();
    const file = await periodsWorkbook(dir, [cell, "2026-03"]);
    const json = path.join(dir, "in.json");
    const run = await runCli(["grade", file, "--period", "2026", "--rulebook", "h003-city-bank", "--input-json", json, ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^月度指标!B2: 错误 .*${message.source}`, "m"));
    expect(savedPeriods(json)["0103010"]).toEqual([]);
    const strict = await runCli(["grade", file, "--period", "2026", "--rulebook", "h003-city-bank", "--strict", "-o", path.join(dir, "s.xlsx"), ...TODAY]);
    expect(strict.code).toBe(2);
    const validate = await runCli(["validate", file, "--period", "2026", "--rulebook", "h003-city-bank", "--json", ...TODAY]);
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.stdout).findings).toContainEqual(expect.objectContaining({ address: "月度指标!B2", code: "badPeriod", severity: "error" }));
  });
});

describe("an appraised period whose year cannot be meant", () => {
  it("--period 0226 and --period 2062 are refused with the year named, exit 1, no stack trace", async () => {
    const dir = tempDir();
    const file = await periodsWorkbook(dir, ["2026-03"]);
    for (const [period, year] of [["0226", "226"], ["0000", "0"], ["2062-10", "2062"]]) {
      const run = await runCli(["grade", file, "--period", period, "--rulebook", "h003-city-bank", ...TODAY]);
      expect([period, run.code, run.stdout]).toEqual([period, 1, ""]);
      expect(run.stderr.split("\n")[0]).toBe(`--period "${period}": 考核期 ${period} 的年份 ${year} 不在 1990 至 2027 年之间,应是录入错误 / the year ${year} of the period ${period} is not between 1990 and 2027; probably a typing error`);
      expect(run.stderr).not.toContain("internal error");
      const validate = await runCli(["validate", file, "--period", period, "--rulebook", "h003-city-bank", ...TODAY]);
      expect([period, validate.code, validate.stderr.split("\n")[0]]).toEqual([period, 2, run.stderr.split("\n")[0]]);
    }
  });

  it("考核期 0000 in the 设置 sheet is an error at its cell: exit 2", async () => {
    const dir = tempDir();
    const file = await periodsWorkbook(dir, ["2026-03"], [["规则集", "h003-city-bank"], ["考核期", "0000"]]);
    for (const command of ["grade", "validate"]) {
      const run = await runCli([command, file, ...TODAY]);
      expect([command, run.code, run.stdout]).toEqual([command, 2, ""]);
      expect(run.stderr).toBe('设置!B2: 错误 考核期:期间 "0000" 的年份 0 早于 1990 年,应是录入错误 | period: period "0000": the year 0 is before 1990, probably a typing error\n');
    }
  });

  it("考核期 2062 in the 设置 sheet is refused at its cell against --today", async () => {
    const dir = tempDir();
    const file = await periodsWorkbook(dir, ["2026-03"], [["规则集", "h003-city-bank"], ["考核期", "2062"]]);
    const run = await runCli(["grade", file, ...TODAY]);
    expect([run.code, run.stderr]).toEqual([2, "设置!B2: 错误 考核期 2062 的年份 2062 不在 1990 至 2027 年之间,应是录入错误 | the year 2062 of the period 2062 is not between 1990 and 2027; probably a typing error\n"]);
  });

  it('evaluate refuses "period": "0226", at the top and in a history, with its path (exit 2)', async () => {
    const manager = (period: string) => ({ id: "A", role: "cm", grade: "intermediate", history: [{ period, income: "5000" }] });
    const top = await runCli(["evaluate", "--rulebook", "h003-city-bank"], JSON.stringify({ period: "0226", managers: [manager("2026-01")] }));
    expect([top.code, top.stdout, top.stderr]).toEqual([2, "", 'period: "0226": the year 226 is before 1990, not a plausible appraisal period (a typing error?)\n']);
    const record = await runCli(["evaluate", "--rulebook", "h003-city-bank"], JSON.stringify({ period: "2026", managers: [manager("0226-05")] }));
    expect([record.code, record.stderr]).toEqual([2, 'managers[0].history[0].period: "0226-05": the year 226 is before 1990, not a plausible appraisal period (a typing error?)\n']);
  });
});
