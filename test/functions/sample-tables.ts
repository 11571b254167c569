/**
 * Tables shaped like a branch sheet, for the function tests: the 月度指标 sheet of a sample workbook with the
 * roster's 角色 and 等级 columns joined in (a formula user's own sheet usually carries them on each row).
 */
import { readXlsx } from "../../src/cli/xlsx/read";
import type { CellValue } from "../../src/workbook";

export async function sampleTable(file: string): Promise<CellValue[][]> {
  const wb = await readXlsx(file);
  const roster = wb["花名册"];
  const records = wb["月度指标"];
  const rosterHeaderRow = roster.findIndex((r) => r.includes("工号"));
  const rh = roster[rosterHeaderRow];
  const join = ["角色", "等级", "风险金期初余额(元)"].filter((h) => rh.includes(h) && !records[0].includes(h));
  const byId = new Map(roster.slice(rosterHeaderRow + 1).map((r) => [String(r[rh.indexOf("工号")]), r]));
  const width = records[0].length;
  return records.map((r, i) => {
    const row = [...r];
    while (row.length < width) row.push(null); // exceljs leaves trailing blanks out; Excel ranges are rectangular
    const person = byId.get(String(r[0]));
    // A row without its own grade carries the roster's, as a formula user's sheet has it on every row.
    const g = records[0].indexOf("等级");
    if (i > 0 && g >= 0 && (row[g] === null || row[g] === "") && person) row[g] = person[rh.indexOf("等级")] ?? null;
    return [...row, ...join.map((h) => (i === 0 ? h : person?.[rh.indexOf(h)] ?? null))];
  });
}
