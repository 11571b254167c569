/**
 * Workbooks for the browser tests, built from assets/sample-city-bank.xlsx as Excel would hand them to the pane:
 * every sheet rectangular from A1, blanks as "", in tab order. `scaled` repeats the sample's managers with new staff
 * ids (10,000 managers from the 40 of the sample); `firstManagers` keeps a few of them.
 */
import * as path from "node:path";
import { readXlsx } from "../../../src/cli/xlsx/read";
import type { WorkbookValues } from "../../../src/workbook";
import type { FakeSpec } from "./fake-office";

export const SAMPLE = path.resolve(__dirname, "../../../assets/sample-city-bank.xlsx");

type Rows = unknown[][];

/** Excel's `range.values`: every row as wide as the widest, "" for blank. */
export function rectangular(rows: Rows): Rows {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined || r[c] === null ? "" : r[c])));
}

export async function sampleValues(): Promise<WorkbookValues> {
  const values = await readXlsx(SAMPLE);
  for (const name of Object.keys(values)) {
    if (values[name].some((r) => r.some((v) => v instanceof Date))) throw new Error(`${name} holds dates: convert them to Excel serial numbers first`);
    values[name] = rectangular(values[name]) as WorkbookValues[string];
  }
  return values;
}

export function specOf(values: WorkbookValues, extra: Partial<FakeSpec> = {}): FakeSpec {
  return { sheets: Object.entries(values).map(([name, rows]) => ({ name, values: rows })), ...extra };
}

/** Row and column of the 工号 header in a sheet, if it has one. */
function idColumn(rows: Rows): { header: number; col: number } | null {
  for (let r = 0; r < Math.min(rows.length, 5); r++) {
    const c = rows[r].findIndex((v) => v === "工号");
    if (c >= 0) return { header: r, col: c };
  }
  return null;
}

/** The sample's managers `copies` times over; copy k > 0 gets ids prefixed with 9 and k (0102003 → 90010102003). */
export function scaled(values: WorkbookValues, copies: number): WorkbookValues {
  const out: WorkbookValues = {};
  for (const [name, rows] of Object.entries(values)) {
    const id = idColumn(rows);
    if (!id) {
      out[name] = rows;
      continue;
    }
    const head = rows.slice(0, id.header + 1);
    const body = rows.slice(id.header + 1);
    const all: Rows = [...head];
    for (let k = 0; k < copies; k++) {
      for (const row of body) {
        const v = row[id.col];
        all.push(k === 0 || typeof v !== "string" || v === "" ? row : row.map((x, c) => (c === id.col ? `9${String(k).padStart(3, "0")}${v}` : x)));
      }
    }
    out[name] = all as WorkbookValues[string];
  }
  return out;
}

/** Only the first `n` managers of the roster, and only their rows elsewhere. */
export function firstManagers(values: WorkbookValues, n: number): WorkbookValues {
  const roster = values["花名册"];
  const rid = idColumn(roster)!;
  const keep = new Set(roster.slice(rid.header + 1).map((r) => r[rid.col]).filter((v) => typeof v === "string" && v !== "").slice(0, n));
  const out: WorkbookValues = {};
  for (const [name, rows] of Object.entries(values)) {
    const id = idColumn(rows);
    out[name] = id ? [...rows.slice(0, id.header + 1), ...rows.slice(id.header + 1).filter((r) => keep.has(r[id.col] as string))] : rows;
  }
  return out;
}
