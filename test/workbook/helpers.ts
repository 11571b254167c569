/** Small workbooks for the mapping tests: sheets as arrays of rows, and the H003 rulebook. */
import { loadPreset } from "../../src/engine/rulebooks";
import type { CellValue, WorkbookValues } from "../../src/workbook";
import { mapWorkbook } from "../../src/workbook";

export const h003 = () => loadPreset("h003-city-bank");

export const ROSTER_HEADER = ["工号", "姓名", "机构", "角色", "等级"];
export const roster = (...rows: CellValue[][]): CellValue[][] => [ROSTER_HEADER, ...rows];
export const cm = (id: CellValue, name = "张三", grade = "中级客户经理"): CellValue[] => [id, name, "城东支行", "客户经理", grade];

/** Maps a workbook for 2026 under h003-city-bank. */
export function map(book: WorkbookValues, period = "2026", options: { dailyAvgAboveBalance?: "info" | "off" } = {}) {
  return mapWorkbook(book, { book: h003(), period, ...options });
}

/** Problems as "address code" pairs, the way tests compare them. */
export function where(result: ReturnType<typeof map>): string[] {
  return result.problems.map((p) => `${p.address} ${p.severity} ${p.code}`);
}
