/**
 * One manager's appraisal under a format-2 rulebook, in the engine's common outcome shape: the outputs the
 * rulebook names (score and its items, grade, pay, risk deposit, status, further values), each absent when the
 * rulebook does not compute it, reported unavailable (with the reason and rule) when it could not be computed for
 * this manager, and an explanation worded only when it is read.
 */
import { Dec, ZERO } from "../decimal";
import type { ManagerOutcome } from "../evaluate";
import { isMissing, isNumber, isTable, Missing, type Value } from "../lang/values";
import type { ManagerInput, Reason } from "../model";
import type { Settings } from "../settings";
import type { Book2, Rule2 } from "./book";
import { ManagerEval } from "./evaluate";
import { ledgerLines, linesOf } from "./explain";
import { settingValue } from "./settings";
import { periodKind } from "../periods";

const settingCache = new WeakMap<Settings, WeakMap<Book2, Value[]>>();

/** The settings in force as formula values, once per (settings, rulebook). */
export function settingValues(book: Book2, settings: Settings): Value[] {
  let byBook = settingCache.get(settings);
  if (!byBook) {
    byBook = new WeakMap();
    settingCache.set(settings, byBook);
  }
  let values = byBook.get(book);
  if (!values) {
    values = book.settingKeys.map((k, i) => settingValue(k, book.settingDecls[i], settings.get(k)));
    byBook.set(book, values);
  }
  return values;
}

/** The output a reason for unavailability belongs to: a result column, a score item, or a named value. */
type OutputName = "score" | "scoreItems" | "grade" | "commission" | "riskDeposit" | "status" | `values.${string}`;

export function evaluateManager2(book: Book2, settings: Settings, manager: ManagerInput, period: string): ManagerOutcome & { values?: Record<string, Value> } {
  const ev = new ManagerEval(book, settingValues(book, settings), manager, period);
  const f = ev.frame(period, "undetermined");
  const unavailable: ManagerOutcome["unavailable"] = [];
  const miss = (output: OutputName, m: Missing, rule: Rule2, own = false) => {
    unavailable.push({ output, code: m.code, rule: own ? rule.id : m.rule ?? rule.id, zh: m.zh, en: m.en });
  };
  const o = book.outputs;
  const out = { id: manager.id, unavailable } as ManagerOutcome & { values?: Record<string, Value> };
  const value = (r: Rule2) => ev.rule(r.index, f);

  if (o.score) {
    const v = value(o.score);
    if (isNumber(v)) {
      out.score = v;
      out.scoreItems = [];
      for (const item of o.scoreItems) {
        const iv = value(item);
        if (isNumber(iv)) out.scoreItems.push({ rule: item.id, points: iv, reasons: [] });
        else if (isMissing(iv) && !iv.notApplicable) miss("scoreItems", iv, item);
      }
      const kind = periodKind(period);
      if (o.score.decl.period && kind && o.score.decl.period !== kind && kind !== "year") out.provisional = true;
    } else if (isMissing(v) && !v.notApplicable) miss("score", v, o.score);
  }
  if (o.grade) {
    const v = value(o.grade);
    if (typeof v === "string") {
      out.grade = v;
      out.attainedGrade = v;
    } else if (isMissing(v) && !v.notApplicable) {
      if (v.reason === "noRow") out.attainedGrade = null;
      else miss("grade", v, o.grade);
    }
  }
  if (o.pay) {
    const v = value(o.pay);
    if (isNumber(v)) out.commission = v;
    else if (isMissing(v) && !v.notApplicable) miss("commission", v, o.pay);
  }
  if (o.riskDeposit) {
    const l = o.riskDeposit.ledger;
    const v = value(l);
    if (isTable(v)) {
      const row = v.rows[0];
      const col = (n: string) => row[v.columnIndex(n)] as Dec;
      const total = (names: string[]) => names.reduce((a, n) => a.plus(col(n)), ZERO);
      out.riskDeposit = { withheld: total(o.riskDeposit.withheld), balance: col("closing"), refundable: total(o.riskDeposit.refunded) };
    } else if (isMissing(v) && !v.notApplicable) miss("riskDeposit", v, l);
  }
  if (o.status) {
    const v = value(o.status);
    const s = ev.statusOutcome(o.status, period);
    if (typeof v === "string") {
      out.status = v;
      if (s?.grade !== undefined) out.grade = s.grade;
    } else if (isMissing(v) && !v.notApplicable) miss("status", v, o.status);
    for (const u of s?.unknown ?? []) miss("status", u.why, u.rule, true);
    if (s && s.fired.length > 0) out.outcomes = s.fired.map((x) => ({ rule: x.rule.id, fires: x.action, ...(x.code !== undefined ? { code: x.code } : {}), period: x.period }));
    // The reason codes alone, for a program: the fired triggers', and those of triggers that could not be judged
    // (the rule id where the rulebook gives a case no code).
    if (s && (s.fired.length > 0 || s.unknown.length > 0)) {
      out.reasonCodes = {
        fired: [...new Set(s.fired.map((x) => x.code ?? x.rule.id))],
        undetermined: [...new Set(s.unknown.map((x) => x.code ?? x.rule.id))],
      };
    }
    const g = ev.grade(period);
    if (out.grade === undefined && typeof g === "string") out.grade = g;
  }
  if (o.values.length > 0) {
    out.values = {};
    for (const r of o.values) {
      let v = value(r);
      // A ledger named as a value reports its closing balance.
      if (r.construct === "ledger" && isTable(v)) v = v.rows[0][v.columnIndex("closing")];
      // A value that cannot be computed is reported with its reason, never left out silently.
      if (!isMissing(v)) out.values[r.name ?? r.id] = v;
      else if (!v.notApplicable) miss(`values.${r.name ?? r.id}`, v, r);
    }
  }

  ev.settle();
  // The explanation: every rule computed for the appraised period, in the rulebook's order, worded when read.
  let worded: Reason[] | undefined;
  Object.defineProperty(out, "explanation", {
    enumerable: true,
    configurable: true,
    get(): Reason[] {
      if (worded) return worded;
      const traced = [...ev.traced].sort((a, b) => a.rule.index - b.rule.index || a.period.localeCompare(b.period)); // int: whole-number index or calendar arithmetic
      const lines: Reason[] = [];
      const ledgersDone = new Set<number>();
      for (const t of traced) {
        if (t.rule.construct === "ledger") {
          if (!ledgersDone.has(t.rule.index) && !isMissing(t.value)) {
            ledgersDone.add(t.rule.index);
            lines.push(...ledgerLines(ev, t.rule));
          }
          continue;
        }
        lines.push(...linesOf(ev, t));
      }
      worded = lines;
      return lines;
    },
    set(v: Reason[]) {
      worded = v;
    },
  });
  return out;
}

export { Dec };
