/** Shared by the `appraise grade` tests: temp copies of the sample, output reading, the evaluate cross-check. */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./run";

export const SAMPLE_XLSX = path.resolve(__dirname, "../../assets/sample-city-bank.xlsx");
export const SAMPLE_JSON = path.resolve(__dirname, "../../assets/sample-city-branch.json");

export function tempDir(prefix = "grade-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of the sample workbook in a fresh temp folder. */
export function sampleCopy(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, "sample-city-bank.xlsx");
  fs.copyFileSync(SAMPLE_XLSX, file);
  return { dir, file };
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet as {header → cell} rows (raw exceljs values). */
export function sheetRows(ws: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const rec: Record<string, ExcelJS.CellValue> = {};
    header.forEach((h, i) => (rec[h] = row.getCell(i + 1).value));
    rows.push(rec);
  });
  return rows;
}

export interface ResultJson {
  id: string;
  grade?: string;
  score?: string;
  scoreItems?: Array<{ rule: string; points: string }>;
  commission?: string;
  riskDeposit?: { withheld: string; balance: string; refundable: string };
  status?: string;
  unavailable?: Array<{ output: string }>;
}

/** `appraise evaluate` on a JSON file: the results by id. */
export async function evaluateJson(file: string, extra: string[] = []): Promise<Map<string, ResultJson>> {
  const run = await runCli(["evaluate", "--input", "in.json", ...extra], "", { "in.json": fs.readFileSync(file, "utf8") });
  if (run.code !== 0) throw new Error(`evaluate failed: ${run.stderr}`);
  return new Map((JSON.parse(run.stdout).results as ResultJson[]).map((r) => [r.id, r]));
}

/** A cell as a test writes it: a plain value, or a formula with its saved result (none: as scripts write them). */
export type TestCell = ExcelJS.CellValue | undefined;

/** Writes an .xlsx of the given sheets (rows of cells) with exceljs, as report scripts make them. */
export async function writeWorkbook(file: string, sheets: Record<string, TestCell[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** The h003 roster header and a CM row. */
export const ROSTER_HEADER = ["工号", "姓名", "机构", "角色", "等级"];
export const cmRow = (id: string, name = "张三"): TestCell[] => [id, name, "城东支行", "客户经理", "中级客户经理"];

/** What `--input-json` saved: the managers' periods by id. */
export function savedPeriods(file: string): Record<string, string[]> {
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { managers: Array<{ id: string; history: Array<{ period: string }> }> };
  return Object.fromEntries(doc.managers.map((m) => [m.id, m.history.map((h) => h.period)]));
}
