/**
 * Amounts checked cell by cell, after reading:
 * - moneyDecimals: a money cell with more than the fen (2 decimals of 元, after the header's unit): usually an
 *   unrounded formula (=A2/3) or binary noise (0.30000000000000004). The engine would use it exactly; the user
 *   should see it. The value to type instead is rounded half-up, in the column's own unit.
 * - planNotPositive (G001-COMPLETION-RATE): a task plan of 0 has no completion rate, a negative plan is an error;
 *   a rulebook that reads a 0 plan as "no task this month" (c000.task.zeroPlan = skip) makes 0 a note only.
 * - netIncreaseMismatch (G001-NET-INCREASE-YTD): with a balance, the year-start balance and the net increase in
 *   one row, balance − year-start balance must equal the net increase to the fen.
 */
import { Dec } from "../../engine/decimal";
import { FIELDS, type FieldName } from "../../engine/fields";
import { money } from "../../engine/format";
import { fixed } from "../../engine/rounding";
import { clip, columnLetters, quote } from "../cells";
import { MONEY_KEYS, type MappedColumn } from "../headers";
import { decOfNumber } from "../numbers";
import { columnField, columnZh, isFieldKey } from "../synonyms";
import { cellOf, readKeyAmount, report, whereText, type ValidationContext } from "./context";

/** The kind of money a column holds (元 or USD), or undefined when it holds no money. */
function moneyKind(column: MappedColumn): "money" | "usd" | undefined {
  // A field column: its declaration in a format-2 rulebook (a field of the bank's own too), else the standard field.
  if (column.spec || isFieldKey(column.key)) {
    const unit = column.spec?.unit ?? FIELDS[column.key.slice(6) as FieldName].unit;
    return unit === "money" || unit === "usd" ? unit : undefined;
  }
  if (MONEY_KEYS.has(column.key)) return "money";
  if ((column.key === "plan" || column.key === "actual") && (column.unit?.kind === "money" || column.unit?.kind === "usd")) return column.unit.kind;
  return undefined;
}

/**
 * Decimals a cell may show in a column whose unit is a power of ten (万元 = 10^4: 4 more than the fen), or undefined
 * for any other factor. Lets the check skip the common cell by its text alone (a large sheet has 100 000s).
 */
function decimalsAllowed(factor: Dec, places: number): number | undefined {
  const m = /^10*$/.exec(factor.toFixed());
  return m ? places + m[0].length - 1 : undefined; // int: decimal places
}

/** Whether a number cell's shortest text has at most `allowed` decimals (no exponent form); else Dec decides. */
function fewDecimals(v: number, allowed: number | undefined): boolean {
  if (allowed === undefined) return false;
  const text = String(v);
  if (/e/i.test(text)) return false;
  const dot = text.indexOf(".");
  return dot < 0 || text.length - dot - 1 <= allowed; // int: character count
}

export function checkMoneyDecimals(ctx: ValidationContext): void {
  const places = ctx.book.doc.rounding.money.decimals;
  for (const t of ctx.detail.found.tables) {
    for (const column of t.mapping.columns) {
      const kind = moneyKind(column);
      if (!kind) continue;
      const factor = column.unit?.factor ?? new Dec(1);
      const base = kind === "usd" ? { zh: "美元", en: "USD" } : { zh: "元", en: "元" };
      const unitText = column.unit ? column.unit.text : base.zh;
      const allowed = decimalsAllowed(factor, places);
      for (const r of t.rows) {
        const v = r.cells[column.col];
        if (typeof v !== "number" || !Number.isFinite(v) || fewDecimals(v, allowed)) continue;
        const where = { sheet: t.sheet, row: r.row, col: column.col };
        if (ctx.reported.has(whereText(where))) continue;
        const cell = decOfNumber(v);
        const value = cell.times(factor);
        if (value.decimalPlaces() <= places) continue;
        const suggested = value.toDecimalPlaces(places).div(factor).toFixed();
        const converted = factor.eq(1) ? { zh: "", en: "" } : { zh: `,即 ${value.toFixed()} ${base.zh}`, en: ` = ${value.toFixed()} ${base.en}` };
        report(ctx, "warning", "moneyDecimals", where, {
          zh: `${columnZh(column.key)}为 ${cell.toFixed()} ${unitText}${converted.zh},超过 ${places} 位小数(金额精确到分);建议改为 ${suggested}`,
          en: `${columnField(column.key)} is ${cell.toFixed()} ${unitText}${converted.en}, more than ${places} decimals (money is kept to the fen); suggested value ${suggested}`,
        }, { field: columnField(column.key), suggested });
      }
    }
  }
}

/** A rulebook setting `*.task.zeroPlan` = skip: a 0 plan means no task that month. */
function zeroPlanSkipped(ctx: ValidationContext): string | undefined {
  for (const key of Object.keys(ctx.book.doc.settings)) {
    if (key.endsWith(".task.zeroPlan") && ctx.settings.get(key) === "skip") return key;
  }
  return undefined;
}

export function checkPlans(ctx: ValidationContext): void {
  const skip = zeroPlanSkipped(ctx);
  for (const [id, byPeriod] of ctx.detail.records) {
    for (const build of byPeriod.values()) {
      build.record.tasks.forEach((task, i) => {
        const src = build.taskRows[i];
        const at = cellOf(src.table, src.row, "plan")!;
        const itemCol = src.table.mapping.byKey.get("item")?.col;
        const item = itemCol !== undefined ? String(src.row.cells[itemCol] ?? task.item).trim() : task.item;
        const period = build.record.period;
        if (task.plan.isNegative() && !task.plan.isZero()) {
          report(ctx, "error", "planNotPositive", at, {
            zh: `任务「${clip(item)}」${period} 的计划为负数 ${task.plan.toFixed()},计划必须大于 0(G001-COMPLETION-RATE)`,
            en: `task ${quote(item)} ${period}: the plan is negative (${task.plan.toFixed()}); a plan must be above 0 (G001-COMPLETION-RATE)`,
          }, { field: "plan", managerId: id, rule: "G001-COMPLETION-RATE" });
        } else if (task.plan.isZero()) {
          report(ctx, skip ? "info" : "warning", "planNotPositive", at, {
            zh: `任务「${clip(item)}」${period} 的计划为 0,无法计算完成率(G001-COMPLETION-RATE)${skip ? `;按设置 ${skip} = skip 视为当月无此任务` : ""}`,
            en: `task ${quote(item)} ${period}: the plan is 0, so there is no completion rate (G001-COMPLETION-RATE)${skip ? `; ${skip} = skip reads it as no task that month` : ""}`,
          }, { field: "plan", managerId: id, rule: "G001-COMPLETION-RATE" });
        }
      });
    }
  }
}

export function checkNetIncrease(ctx: ValidationContext): void {
  const spec = ctx.book.doc.rounding.money;
  for (const t of ctx.detail.found.tables) {
    const m = t.mapping.byKey;
    const balanceKey = m.has("field:balanceDeposits") ? "field:balanceDeposits" : m.has("field:balanceLoans") ? "field:balanceLoans" : undefined;
    if (!balanceKey || !m.has("balanceYearStart") || !m.has("netIncreaseYtd")) continue;
    const balanceCol = m.get(balanceKey)!;
    for (const r of t.rows) {
      const start = readKeyAmount(ctx, t, r, "balanceYearStart", undefined);
      const net = readKeyAmount(ctx, t, r, "netIncreaseYtd", undefined, { signed: true });
      const v = r.cells[balanceCol.col];
      if (start === undefined || net === undefined || typeof v !== "number" || !Number.isFinite(v)) continue;
      const balance = decOfNumber(v).times(balanceCol.unit?.factor ?? new Dec(1));
      const computed = balance.minus(start);
      if (fixed(computed, spec) === fixed(net, spec)) continue;
      const at = cellOf(t, r, "netIncreaseYtd")!;
      const balanceZh = columnZh(balanceKey);
      const balanceEn = columnField(balanceKey);
      report(ctx, "error", "netIncreaseMismatch", at, {
        zh: `比年初净增 ${money(net, spec)} ≠ ${balanceZh} ${money(balance, spec)} − 年初余额 ${money(start, spec)} = ${money(computed, spec)},差 ${money(net.minus(computed), spec)}(${columnLetters(balanceCol.col)}、${columnLetters(m.get("balanceYearStart")!.col)}、${columnLetters(at.col!)} 列;G001-NET-INCREASE-YTD)`,
        en: `net increase since the start of the year ${money(net, spec)} ≠ ${balanceEn} ${money(balance, spec)} − year-start balance ${money(start, spec)} = ${money(computed, spec)}, off by ${money(net.minus(computed), spec)} (columns ${columnLetters(balanceCol.col)}, ${columnLetters(m.get("balanceYearStart")!.col)}, ${columnLetters(at.col!)}; G001-NET-INCREASE-YTD)`,
      }, { field: "netIncreaseYtd", rule: "G001-NET-INCREASE-YTD" });
    }
  }
}
