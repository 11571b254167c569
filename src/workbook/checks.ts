/**
 * Checks across a manager's records, after every sheet is read:
 * - a month with no record inside a run of monthly records is a warning (rules over consecutive months, such as
 *   H003-DEMOTE-CM-DEPOSIT-3M, treat the gap by their own setting, but the user should know it is there);
 * - a daily average above the month-end balance is NOT a problem (G001-DAILY-AVG-VS-BALANCE): at most an
 *   information note, and none when the option is `off`.
 */
import { monthIndex, monthOfIndex, periodKind } from "../engine/periods";
import { problem, type WorkbookProblem } from "./problems";
import type { RecordBuild } from "./records";

export type DailyAvgNote = "info" | "off";

export function monthGaps(id: string, records: Map<string, RecordBuild>): WorkbookProblem[] {
  const months = [...records.values()].filter((b) => periodKind(b.record.period) === "month").sort((a, b) => monthIndex(a.record.period) - monthIndex(b.record.period)); // int: month index
  const out: WorkbookProblem[] = [];
  for (let i = 1; i < months.length; i++) { // int: index
    const prev = monthIndex(months[i - 1].record.period); // int: index
    const cur = monthIndex(months[i].record.period);
    if (cur - prev <= 1) continue; // int: month index
    const missing: string[] = [];
    for (let m = prev + 1; m < cur; m++) missing.push(monthOfIndex(m)); // int: month index
    const list = missing.length <= 3 ? missing.join("、") : `${missing[0]} 至 ${missing[missing.length - 1]} 共 ${missing.length} 个月`; // int: index
    const listEn = missing.length <= 3 ? missing.join(", ") : `${missing[0]} to ${missing[missing.length - 1]} (${missing.length} months)`; // int: index
    out.push(problem("warning", "monthGap", months[i].at, {
      zh: `工号 ${id} 缺少 ${list} 的月度记录(在 ${months[i - 1].record.period} 与 ${months[i].record.period} 之间),连续月份的规则会把它当作缺月`, // int: index
      en: `staff id ${id} has no record for ${listEn} (between ${months[i - 1].record.period} and ${months[i].record.period}); rules over consecutive months see a gap`, // int: index
    }, { field: "period", managerId: id }));
  }
  return out;
}

export function dailyAvgNotes(id: string, records: Map<string, RecordBuild>, mode: DailyAvgNote): WorkbookProblem[] {
  if (mode === "off") return [];
  const out: WorkbookProblem[] = [];
  for (const b of records.values()) {
    const avg = b.record.values.avgDeposits;
    const bal = b.record.values.balanceDeposits;
    if (avg === undefined || bal === undefined || !avg.gt(bal)) continue;
    out.push(problem("info", "dailyAvgAboveBalance", b.cells.avgDeposits ?? b.at, {
      zh: `${b.record.period} 日均存款高于月末存款余额:日均与余额是不同口径,这不是错误(G001-DAILY-AVG-VS-BALANCE)`,
      en: `${b.record.period}: daily-average deposits above the month-end balance: they are different measures, this is not an error (G001-DAILY-AVG-VS-BALANCE)`,
    }, { field: "avgDeposits", managerId: id }));
  }
  return out;
}
