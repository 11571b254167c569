/**
 * Working days for deadlines (G001-REPORT-DEADLINE). The engine has no built-in holiday calendar and makes no
 * network call: public holidays and adjusted working days (调休上班) come from rulebook data and from the tool's
 * input. A day is non-working if it is a listed holiday, or a Saturday/Sunday when weekends count as holidays,
 * unless it is listed as an adjusted working day.
 */
import { addDays, parseIsoDate, weekday } from "../../periods";

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  adjustedWorkdays: ReadonlySet<string>;
  weekendsAreHolidays: boolean;
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.adjustedWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const wd = weekday(date);
  return !(cal.weekendsAreHolidays && (wd === 0 || wd === 6));
}

/** Whether the calendar lists any day of this year (if not, only weekends decide, which a reason should say). */
export function coversYear(cal: WorkCalendar, year: string): boolean {
  for (const d of cal.holidays) if (d.startsWith(`${year}-`)) return true;
  for (const d of cal.adjustedWorkdays) if (d.startsWith(`${year}-`)) return true;
  return false;
}

/**
 * The first working day on or after `date`, with the non-working days skipped; undefined if none within
 * `maxDays` days (a calendar that lists a whole year as holidays is a data error, not a reason to loop forever).
 */
export function rollForward(date: string, cal: WorkCalendar, maxDays: number): { date: string; skipped: string[] } | undefined {
  const skipped: string[] = [];
  let d = date;
  for (let i = 0; i <= maxDays; i++) {
    if (isWorkingDay(d, cal)) return { date: d, skipped };
    skipped.push(d);
    d = addDays(d, 1);
  }
  return undefined;
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseIsoDate(from);
  const [y2, m2, d2] = parseIsoDate(to);
  const ms = Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1); // int: calendar days
  return Math.round(ms / 86_400_000); // int: calendar days (UTC dates, whole days)
}
