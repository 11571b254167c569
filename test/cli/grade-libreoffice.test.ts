/**
 * A second spreadsheet program reads the results workbook: LibreOffice Calc (installed by scripts/setup.sh)
 * converts `考核结果 2026` to CSV, and every manager's figures are there as appraise evaluate computed them, shown
 * with the formats we set (money 10,000.00, points 118.00, rates 99.80%). LibreOffice runs with a throw-away
 * profile and HOME so it never writes into the real home directory.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "./run";
import { evaluateJson, sampleCopy, tempDir } from "./grade-helpers";

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** "10,000.00" → "10000.00"; the figure as LibreOffice shows it, without thousands separators. */
const plain = (shown: string) => shown.replace(/,/g, "");

describe("LibreOffice Calc reads the results workbook of appraise grade", () => {
  it("shows every manager's figures as appraise evaluate computed them", async () => {
    const { dir, file } = sampleCopy();
    const run = await runCli(["grade", file, "--period", "2026", "--input-json", path.join(dir, "input.json"), "-o", path.join(dir, "results.xlsx")]);
    expect(run.code).toBe(0);
    const evaluated = await evaluateJson(path.join(dir, "input.json"));

    const lo = tempDir("lo-");
    const out = path.join(lo, "out");
    execFileSync(
      "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(lo, "profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, path.join(dir, "results.xlsx")],
      { env: { ...process.env, HOME: lo }, stdio: "pipe", timeout: 110_000 },
    );
    const rows = parseCsv(fs.readFileSync(path.join(out, "results.csv"), "utf8"));
    const header = rows[0];
    const col = (h: string) => header.indexOf(h);
    expect(header.slice(0, 7)).toEqual(["工号", "姓名", "机构", "角色", "任职等级", "等级", "得分"]);
    const byId = new Map(rows.slice(1).filter((r) => r.length > 1).map((r) => [r[0], r]));
    expect(byId.size).toBe(40);

    for (const r of evaluated.values()) {
      const row = byId.get(r.id)!;
      const shown = (h: string) => row[col(h)];
      expect([r.id, plain(shown("得分"))]).toEqual([r.id, r.score ?? "不可用"]);
      expect([r.id, plain(shown("风险金本期"))]).toEqual([r.id, r.riskDeposit?.withheld ?? "—"]);
      expect([r.id, plain(shown("风险金余额"))]).toEqual([r.id, r.riskDeposit?.balance ?? "—"]);
      expect([r.id, plain(shown("风险金应退"))]).toEqual([r.id, r.riskDeposit?.refundable ?? "—"]);
    }
    const zhang = byId.get("0102003")!;
    expect([zhang[col("姓名")], zhang[col("得分")], zhang[col("风险金余额")], zhang[col("收贷收息率(%)")], zhang[col("日均存款(元)")], zhang[col("状态")]]).toEqual([
      "张三", "118.00", "10,000.00", "99.80%", "135,000,000.00", "正常",
    ]);
    // The 16-digit id stays text (no 1.02003E+15).
    expect(byId.has("1020030000000017")).toBe(true);
  }, 120_000);
});
