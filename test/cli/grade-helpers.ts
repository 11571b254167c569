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
