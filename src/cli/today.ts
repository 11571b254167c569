/**
 * The date a workbook command judges periods against: `--today YYYY-MM-DD`, or the machine's calendar day. Records of a
 * year after next, or an appraised period of such a year, are typing errors (2062 for 2026), whatever the clock.
 */
import { isIsoDate } from "../engine/periods";

export type TodayRead = { ok: true; today: string; latestYear: number } | { ok: false; message: string };

function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; // int: calendar month
}

export function readToday(option: string | undefined, now: Date = new Date()): TodayRead {
  if (option !== undefined && !isIsoDate(option)) return { ok: false, message: `--today "${option}" 不是日期 YYYY-MM-DD / is not a date` };
  const today = option ?? localDay(now);
  return { ok: true, today, latestYear: Number.parseInt(today.slice(0, 4), 10) + 1 }; // int: calendar year
}
