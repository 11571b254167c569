/**
 * The risk-deposit ledger, when a sheet keeps one (a 风险金台账 sheet, or ledger columns in 月度指标):
 * the rulebook's risk-deposit ledger (H003-RISKDEP-LEDGER in the city-bank rulebook) says opening + Σ withheld −
 * Σ refunded − Σ applied to losses = closing, to the fen, in every month, and the balance is never negative.
 * - ledgerMismatch: a row whose closing balance is not its opening plus and minus its movements (blank movements
 *   are 0; a row without an opening or a closing balance cannot be checked);
 * - ledgerContinuity: a month whose opening is not the previous month's closing;
 * - a negative amount is `negative`, a text amount `textNumber` …, as anywhere else.
 */
import { ZERO, type Dec } from "../../engine/decimal";
import { money } from "../../engine/format";
import { monthRange, periodKind } from "../../engine/periods";
import { fixed } from "../../engine/rounding";
import { isBlank } from "../cells";
import { readPeriodCell } from "../periodCells";
import type { Where } from "../problems";
import type { ColumnKey } from "../synonyms";
import type { Table, TableRow } from "../tables";
import { cellOf, readKeyAmount, report, riskDepositRule, whereText, type ValidationContext } from "./context";

const MOVES: Array<{ key: ColumnKey; sign: 1 | -1; zh: string; en: string }> = [
  { key: "riskDepositWithheld", sign: 1, zh: "提取", en: "withheld" },
  { key: "riskDepositRefunded", sign: -1, zh: "退还", en: "refunded" },
  { key: "riskDepositForfeited", sign: -1, zh: "抵扣", en: "applied to losses" },
];

interface LedgerRow {
  id: string;
  period?: string;
  opening: Dec;
  closing: Dec;
  openingAt: Where;
  closingAt: Where;
}

function isLedger(t: Table): boolean {
  const m = t.mapping.byKey;
  return m.has("openingRiskDeposit") && m.has("riskDepositClosing") && MOVES.some((x) => m.has(x.key));
}

/** The row's staff id: ledger sheets are read here first, so their id problems are reported here. */
function rowId(ctx: ValidationContext, t: Table, r: TableRow): string | undefined {
  const col = t.mapping.byKey.get("id")!.col;
  const sink = t.kind === "ledger" ? ctx.out : [];
  const rid = ctx.detail.ids.read(t.sheet, r.row, col, r.cells[col], sink);
  if (rid.skip || rid.id === undefined) return undefined;
  if (t.kind === "ledger" && ctx.detail.roster && !ctx.detail.roster.has(rid.id)) {
    report(ctx, "error", "unknownManager", { sheet: t.sheet, row: r.row, col }, { zh: `工号 ${rid.id} 不在花名册中,此行未核对`, en: `staff id ${rid.id} is not in the roster; the row is not checked` }, { field: "id", managerId: rid.id });
    return undefined;
  }
  return rid.id;
}

function rowPeriod(ctx: ValidationContext, t: Table, r: TableRow): string | undefined {
  const col = t.mapping.byKey.get("period");
  if (col && !isBlank(r.cells[col.col])) {
    const p = readPeriodCell(r.cells[col.col], { latestYear: ctx.latestYear });
    return p.ok ? p.period : undefined;
  }
  return t.period;
}

export function checkLedger(ctx: ValidationContext): void {
  const spec = ctx.book.doc.rounding.money;
  const rule = riskDepositRule(ctx.book);
  const cite = rule ? { zh: `(${rule})`, en: ` (${rule})` } : { zh: "", en: "" };
  const rows: LedgerRow[] = [];
  for (const t of ctx.detail.found.tables) {
    if (!isLedger(t)) continue;
    const moves = MOVES.filter((x) => t.mapping.byKey.has(x.key));
    for (const r of t.rows) {
      const id = rowId(ctx, t, r);
      if (id === undefined) continue;
      // The roster's opening balance is read (and reported) by the mapping.
      const opening = readKeyAmount(ctx, t, r, "openingRiskDeposit", id, { silent: t.kind === "roster" });
      const closing = readKeyAmount(ctx, t, r, "riskDepositClosing", id);
      const amounts = moves.map((x) => ({ ...x, value: readKeyAmount(ctx, t, r, x.key, id) }));
      if (opening === undefined || closing === undefined) continue;
      const unreadable = amounts.some((x) => x.value === undefined && !isBlank(r.cells[t.mapping.byKey.get(x.key)!.col]));
      if (unreadable) continue;
      let computed = opening;
      for (const x of amounts) if (x.value) computed = x.sign === 1 ? computed.plus(x.value) : computed.minus(x.value);
      const closingAt = cellOf(t, r, "riskDepositClosing")!;
      const openingAt = cellOf(t, r, "openingRiskDeposit")!;
      const period = rowPeriod(ctx, t, r);
      rows.push({ id, ...(period !== undefined ? { period } : {}), opening, closing, openingAt, closingAt });
      if (fixed(computed, spec) === fixed(closing, spec)) continue;
      const terms = amounts.map((x) => ({ zh: ` ${x.sign === 1 ? "+" : "−"} ${x.zh} ${money(x.value ?? ZERO, spec)}`, en: ` ${x.sign === 1 ? "+" : "−"} ${x.en} ${money(x.value ?? ZERO, spec)}` }));
      report(ctx, "error", "ledgerMismatch", closingAt, {
        zh: `风险金台账不平:工号 ${id}${period ? ` ${period}` : ""} 期初 ${money(opening, spec)}${terms.map((x) => x.zh).join("")} = ${money(computed, spec)},而期末为 ${money(closing, spec)},差 ${money(closing.minus(computed), spec)}${cite.zh}`,
        en: `the risk-deposit ledger does not balance: staff id ${id}${period ? ` ${period}` : ""} opening ${money(opening, spec)}${terms.map((x) => x.en).join("")} = ${money(computed, spec)}, but the closing balance is ${money(closing, spec)}; off by ${money(closing.minus(computed), spec)}${cite.en}`,
      }, { field: "riskDepositClosing", managerId: id, ...(rule ? { rule } : {}) });
    }
  }
  checkContinuity(ctx, rows, cite, rule);
}

/** Month after month, each opening is the closing before it. */
function checkContinuity(ctx: ValidationContext, rows: LedgerRow[], cite: { zh: string; en: string }, rule: string | undefined): void {
  const spec = ctx.book.doc.rounding.money;
  const byId = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    if (r.period === undefined || periodKind(r.period) !== "month") continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  for (const [id, list] of byId) {
    const months = list.sort((a, b) => monthRange(a.period!).first - monthRange(b.period!).first); // int: month index
    for (let i = 1; i < months.length; i++) { // int: index
      const prev = months[i - 1]; // int: index
      const cur = months[i];
      if (monthRange(cur.period!).first - monthRange(prev.period!).first !== 1) continue; // int: month index
      if (fixed(cur.opening, spec) === fixed(prev.closing, spec)) continue;
      report(ctx, "warning", "ledgerContinuity", cur.openingAt, {
        zh: `工号 ${id} ${cur.period} 风险金期初 ${money(cur.opening, spec)} 与上月 ${prev.period} 期末 ${money(prev.closing, spec)}(${whereText(prev.closingAt)})不符${cite.zh}`,
        en: `staff id ${id} ${cur.period}: the risk-deposit opening ${money(cur.opening, spec)} differs from the closing balance ${money(prev.closing, spec)} of ${prev.period} (${whereText(prev.closingAt)})${cite.en}`,
      }, { field: "openingRiskDeposit", managerId: id, ...(rule ? { rule } : {}) });
    }
  }
}
