/**
 * `npm run lint` (ESLint, eslint.config.mjs) passes on the whole repository, so CI, which runs only jest, keeps it
 * green; and the Office.js rules of eslint-plugin-office-addins are really on for the add-in's code: a planted
 * context.sync() in a loop and a read before load()/sync() in src/taskpane are reported.
 * ESLint runs as a child process: its flat config is an ES module, which jest's CommonJS sandbox cannot import.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const ESLINT = path.join(ROOT, "node_modules/eslint/bin/eslint.js");

interface LintMessage {
  ruleId: string | null;
  severity: number;
  line: number;
  message: string;
}

/** Lints `text` as if it were the file `as` (nothing is written), returning ESLint's exit code and messages. */
function lintText(text: string, as: string): { status: number | null; messages: LintMessage[] } {
  const run = spawnSync(process.execPath, [ESLINT, "--format", "json", "--stdin", "--stdin-filename", as], {
    cwd: ROOT,
    input: text,
    encoding: "utf8",
    timeout: 120_000,
  });
  const report = JSON.parse(run.stdout || "[]") as Array<{ messages: LintMessage[] }>;
  return { status: run.status, messages: report.flatMap((r) => r.messages) };
}

describe("npm run lint", () => {
  it("is the package's lint script, failing on warnings too", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.lint).toBe("eslint . --max-warnings 0");
  });

  it("passes on the repository", () => {
    const run = spawnSync(process.execPath, [ESLINT, ".", "--max-warnings", "0"], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 600_000);
});

describe("eslint-plugin-office-addins on the add-in's Excel code", () => {
  const PLANTED = `
export async function highlight(rows: number[]): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    for (const r of rows) {
      sheet.getRange("A" + r).format.fill.color = "yellow";
      await context.sync();
    }
    const range = sheet.getRange("A1");
    range.load("values");
    const early = range.values;
    await context.sync();
    const name = sheet.name;
    return String(early) + name;
  });
}
`;

  it.each(["src/taskpane/excel/planted.ts", "src/functions/planted.ts"])("reports a sync in a loop and reads before load/sync in %s", (file) => {
    const { status, messages } = lintText(PLANTED, file);
    expect(status).toBe(1);
    const errors = messages.filter((m) => m.severity === 2).map((m) => `${m.line} ${m.ruleId}`);
    expect(errors).toEqual(expect.arrayContaining([
      "7 office-addins/no-context-sync-in-loop",
      "11 office-addins/call-sync-before-read",
      "13 office-addins/load-object-before-read",
    ]));
  });

  it("passes the same code written as one round trip", () => {
    const good = `
export async function highlight(rows: number[]): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    for (const r of rows) sheet.getRange("A" + r).format.fill.color = "yellow";
    const range = sheet.getRange("A1");
    range.load("values");
    sheet.load("name");
    await context.sync();
    return String(range.values) + sheet.name;
  });
}
`;
    expect(lintText(good, "src/taskpane/excel/planted.ts")).toEqual({ status: 0, messages: [] });
  });
});
