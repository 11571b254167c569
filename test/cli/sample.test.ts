/**
 * The README's main job: the sample branch in assets/ appraises as it was built to (each manager exercises a rule),
 * and the generator script reproduces the committed file byte for byte.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./run";

const SAMPLE = path.resolve(__dirname, "../../assets/sample-city-branch.json");

describe("assets/sample-city-branch.json", () => {
  it("is what scripts/make-sample-branch.js writes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sample-"));
    const copy = path.join(dir, "scripts");
    fs.mkdirSync(copy);
    fs.copyFileSync(path.resolve(__dirname, "../../scripts/make-sample-branch.js"), path.join(copy, "make-sample-branch.js"));
    fs.mkdirSync(path.join(dir, "assets"));
    execFileSync(process.execPath, [path.join(copy, "make-sample-branch.js")], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, "assets/sample-city-branch.json"), "utf8")).toBe(fs.readFileSync(SAMPLE, "utf8"));
  });

  it("appraises every manager as designed (score, status, resulting grade, risk deposit)", async () => {
    const run = await runCli(["evaluate", "--input", "sample.json"], "", { "sample.json": fs.readFileSync(SAMPLE, "utf8") });
    expect(run.stderr).toBe("");
    const results = JSON.parse(run.stdout).results as Array<Record<string, any>>;
    const summary = results.map((r) => [r.id, r.score ?? null, r.status, r.grade ?? null, r.riskDeposit?.balance ?? null]);
    expect(summary).toEqual([
      ["0102003", "118.00", "normal", "intermediate", "10000.00"], // H003-SCORE-TOTAL worked example
      ["0102017", "73.00", "demoteAppointment", "senior", "20000.00"], // H003-DEMOTE-PRESIDENT, 2025 was clean
      ["0103001", "120.00", "normal", "senior", "20000.00"],
      ["0103002", "93.14", "normal", "intermediate", "10000.00"], // H003-SCORE-CM-STEPS example
      ["0103003", "78.00", "demote", "junior", "10000.00"], // H003-DEMOTE-LADDER: two triggers, one grade
      ["0103004", "82.00", "demoteToAgentOrRelease", "junior", "5000.00"], // junior below 85
      ["0103005", "112.00", "dismiss", "senior", "20000.00"], // H003-DISMISS-CM-CONDUCT: 9 + 6 points
      ["0103006", "106.00", "demote", "junior", "10000.00"], // H003-DEMOTE-CM-DEPOSIT-3M: Jun–Aug short
      ["0103007", "26.00", "dismiss", "junior", "5000.00"], // H003-DISMISS-CM-SCORE
      ["0104001", null, "normal", null, null], // agents: no score, no risk deposit
      ["0103008", "100.00", "normal", "intermediate", "10000.00"], // H003-RISKDEP-CAP reached in June
      ["0103009", "90.00", "normal", "senior", "20000.00"],
    ]);
  });

  it("prints the results table of the main job", async () => {
    const run = await runCli(["evaluate", "--input", "sample.json", "--format", "table"], "", { "sample.json": fs.readFileSync(SAMPLE, "utf8") });
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("城市商业银行客户经理考核(黄石)  h003-city-bank v2.0.0  考核期 2026  共 12 人");
    expect(lines.filter((l) => /^01\d{5}\s/.test(l))).toHaveLength(12);
    expect(run.stdout).toMatch(/0103003\s+钱七\s+城西支行\s+客户经理\s+初级客户经理\s+78\.00\s+—\s+10,000\.00\s+10,000\.00\s+降级/);
  });
});
