/**
 * Periods across the workbook:
 * - futurePeriod: rows for a period that has not begun yet (a year or month typed wrong: 2062, 2027 for 2026), and
 *   an appraised period that has not begun;
 * - periodAfterGraded: rows for periods after the appraised one. The records sheet rightly holds many months, but
 *   nothing after the appraised period is used (the engine drops it), so grading October with November's rows in
 *   the file usually means the wrong period was chosen;
 * - noRecordForPeriod: a manager with records, but none within the appraised period.
 * Rows are counted per sheet and period: one finding at the first such row, not one per row.
 */
import { monthRange, periodKind } from "../../engine/periods";
import { isBlank } from "../cells";
import { readPeriodCell } from "../periodCells";
import type { Where } from "../problems";
import { periodWithin } from "../records";
import { report, whereText, type ValidationContext } from "./context";

interface Group {
  sheet: string;
  period: string;
  first: Where;
  rows: number;
}

const KINDS = new Set(["records", "clients", "tasks", "ledger"]);

/** Every (sheet, period) of the data rows, in sheet and row order. */
function rowPeriods(ctx: ValidationContext): Group[] {
  const groups = new Map<string, Group>();
  for (const t of ctx.detail.found.tables) {
    if (!KINDS.has(t.kind)) continue;
    const periodCol = t.mapping.byKey.get("period");
    const idCol = t.mapping.byKey.get("id")!.col;
    for (const r of t.rows) {
      let period: string | undefined;
      let where: Where;
      if (periodCol && !isBlank(r.cells[periodCol.col])) {
        const p = readPeriodCell(r.cells[periodCol.col], { latestYear: ctx.latestYear });
        if (!p.ok) continue; // the mapping reported it
        period = p.period;
        where = { sheet: t.sheet, row: r.row, col: periodCol.col };
      } else {
        period = t.period;
        where = { sheet: t.sheet, row: r.row, col: idCol };
      }
      if (period === undefined) continue;
      const key = `${t.sheet}\u0000${period}`;
      const g = groups.get(key);
      if (g) g.rows += 1; // int: count
      else groups.set(key, { sheet: t.sheet, period, first: where, rows: 1 });
    }
  }
  return [...groups.values()];
}

export function checkPeriods(ctx: ValidationContext): void {
  const today = monthRange(ctx.todayMonth).first;
  const graded = monthRange(ctx.period);
  if (graded.first > today) {
    const at = ctx.detail.sheetSettings.period?.value === ctx.period ? ctx.detail.sheetSettings.period.at : { sheet: "" };
    report(ctx, "warning", "futurePeriod", at, {
      zh: `考核期 ${ctx.period} 尚未开始(今天是 ${ctx.today}),请核对考核期`,
      en: `the appraised period ${ctx.period} has not begun (today is ${ctx.today}); check the period`,
    }, { field: "period" });
  }
  for (const g of rowPeriods(ctx)) {
    const range = monthRange(g.period);
    const one = g.rows === 1;
    const rows = { zh: `${g.rows} 行`, en: one ? "1 row" : `${g.rows} rows` };
    if (range.first > today) {
      report(ctx, "warning", "futurePeriod", g.first, {
        zh: `期间 ${g.period} 尚未开始(今天是 ${ctx.today}):「${g.sheet}」有 ${rows.zh}该期间的数据(首行 ${whereText(g.first)}),年份或月份可能录错`,
        en: `period ${g.period} has not begun (today is ${ctx.today}): ${rows.en} of "${g.sheet}" ${one ? "holds" : "hold"} it (first at ${whereText(g.first)}); the year or month may be mistyped`,
      }, { field: "period" });
    } else if (range.first > graded.last) {
      report(ctx, "warning", "periodAfterGraded", g.first, {
        zh: `期间 ${g.period} 晚于考核期 ${ctx.period}:「${g.sheet}」有 ${rows.zh}该期间的数据(首行 ${whereText(g.first)}),考核 ${ctx.period} 时不使用;请确认考核期`,
        en: `period ${g.period} is after the appraised period ${ctx.period}: ${rows.en} of "${g.sheet}" ${one ? "holds" : "hold"} it (first at ${whereText(g.first)}) and ${one ? "is" : "are"} not used for ${ctx.period}; check the appraised period`,
      }, { field: "period" });
    }
  }
}

/** Newest first by last month, a month before the year that ends with it. */
function latest(periods: string[]): string {
  return [...periods].sort((a, b) => monthRange(b).last - monthRange(a).last || monthRange(a).first - monthRange(b).first)[0]; // int: month index
}

export function checkRecordForPeriod(ctx: ValidationContext): void {
  const kind = periodKind(ctx.period);
  if (kind === undefined) return;
  for (const entry of ctx.detail.entries.values()) {
    const records = ctx.detail.records.get(entry.id);
    if (!records || records.size === 0) continue; // noRecords says so
    const periods = [...records.keys()];
    if (periods.some((p) => periodWithin(p, ctx.period))) continue;
    report(ctx, "warning", "noRecordForPeriod", entry.at, {
      zh: `工号 ${entry.id} 有 ${periods.length} 期记录,但没有考核期 ${ctx.period} 内的记录(最近一期为 ${latest(periods)}),本期考核缺少其数据`,
      en: `staff id ${entry.id} has ${periods.length} period record(s) but none within the appraised period ${ctx.period} (the latest is ${latest(periods)}); the appraisal lacks their data`,
    }, { field: "period", managerId: entry.id });
  }
}
