/**
 * Evaluating a format-2 rulebook for one manager and one appraised period. Rules are computed on demand, each once
 * per period (memoised), starting from the outputs the rulebook names; formulas read fields from the manager's
 * records (combining months into quarters and years as each field declares), settings, and other rules — at this
 * period or, through windows, at others. Nothing is read beyond the appraised period.
 *
 * What is computed at the appraised period is remembered in order, so the explanation can be worded later, and
 * only if someone reads it.
 */
import { Dec, ZERO } from "../decimal";
import type { Frame, MissingPolicy } from "../lang/frame";
import { isMissing, isNumber, isTable, Missing, missing, NOT_APPLICABLE, TableValue, type Value, DateValue } from "../lang/values";
import type { ManagerInput, PeriodRecord } from "../model";
import { daysOfMonthPeriod, monthOfIndex, monthRange, periodKind, type PeriodKind } from "../periods";
import type { Book2, Rule2, TriggerCase } from "./book";
import { MFrame, type Evaluator, type Locals } from "./frame";
import { evaluateTable, type TableHit } from "./tables";

/** One period of a ledger: the balance before, each movement, the balance after. */
export interface LedgerStep {
  period: string;
  opening: Dec;
  movements: Map<string, Dec>;
  closing: Dec;
}

export interface LedgerRun {
  steps: LedgerStep[];
  /** The balance came from a carried-in figure (true), or from the start of the data. */
  carried: boolean;
}

export interface TriggerOutcome {
  /**
   * The case that fired (the first that held) and at which period (a month of a longer appraised period); the
   * other cases that held with the same action (each is cited); earlier cases that could not be judged.
   */
  fired?: { case: TriggerCase; period: string; alsoHeld: TriggerCase[]; unknownBefore: Missing[] };
  /** Cases that could not be judged, when none fired. */
  unknown?: Missing;
  /** The first case that could not be judged (its reason code is reported), when none fired. */
  unknownCase?: TriggerCase;
  /** What could not be judged and was counted as not met (the rule's `missing` is notMet), said in the explanation. */
  countedNotMet?: Missing;
}

export interface StatusOutcome {
  status: string;
  /** The strongest action that fired, and the triggers behind it. */
  outcome?: string;
  fired: Array<{ rule: Rule2; action: string; code?: string; period: string }>;
  /** Triggers that could not be judged, with the reason code of the first case that could not be. */
  unknown: Array<{ rule: Rule2; why: Missing; code?: string }>;
  grade?: string;
  caseIndex?: number;
}

/** A rule computed at the appraised period (or a part of it), kept for the explanation. */
export interface Traced {
  rule: Rule2;
  period: string;
  value: Value;
}

const KIND_MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

function periodEnding(kind: PeriodKind, last: number): string {
  const first = last - KIND_MONTHS[kind] + 1; // int: calendar index
  const y = Math.floor(first / 12); // int: calendar year
  const m0 = first - y * 12; // int: month of year
  if (kind === "month") return monthOfIndex(last);
  if (kind === "quarter") return `${y}-Q${m0 / 3 + 1}`; // int: quarter number
  if (kind === "halfYear") return `${y}-H${m0 / 6 + 1}`; // int: half number
  return String(y);
}

/** Sub-periods of a kind inside a period, oldest first. */
export function subPeriods(period: string, kind: PeriodKind): string[] {
  const r = monthRange(period);
  const size = KIND_MONTHS[kind];
  const out: string[] = [];
  for (let end = r.first + size - 1; end <= r.last; end += size) out.push(periodEnding(kind, end)); // int: calendar index
  return out;
}

function missingOf(spec: { zh: string; en: string; id: string }): Missing {
  return missing("na", `缺少${spec.zh}(${spec.id})`, `missing ${spec.en} (${spec.id})`);
}

/** The mark of a rule being computed at a period (see ManagerEval.rule). */
const COMPUTING = new Missing("value", "计算中", "being computed");

export class ManagerEval implements Evaluator {
  readonly records: PeriodRecord[];
  private readonly byPeriod = new Map<string, PeriodRecord>();
  /** Periods given twice: every figure of such a period is bad input, never one of the two guessed. */
  private readonly duplicates = new Set<string>();
  private readonly memo = new Map<string, Array<Value | undefined>>();
  private readonly frames = new Map<MissingPolicy, Map<string, MFrame>>();
  private readonly fieldCache = new Map<string, Value[]>();
  private readonly firstOf = new Map<PeriodKind, string | undefined>();
  private readonly firstMonth: number;
  readonly ledgers = new Map<number, LedgerRun | Missing>();
  readonly triggers = new Map<string, TriggerOutcome>();
  readonly statuses = new Map<string, StatusOutcome>();
  readonly tables = new Map<string, TableHit>();
  readonly traced: Traced[] = [];
  private readonly appraisedRange: { first: number; last: number };

  constructor(
    readonly book: Book2,
    readonly settings: readonly Value[],
    readonly manager: ManagerInput,
    readonly appraised: string,
  ) {
    this.appraisedRange = monthRange(appraised);
    const last = this.appraisedRange.last;
    this.records = manager.history.filter((r) => monthRange(r.period).last <= last);
    for (const r of this.records) {
      if (this.byPeriod.has(r.period)) this.duplicates.add(r.period);
      else this.byPeriod.set(r.period, r);
    }
    this.firstMonth = this.records.reduce((m, r) => Math.min(m, monthRange(r.period).first), Number.POSITIVE_INFINITY); // int: whole-number index or calendar arithmetic
  }

  /**
   * Lets go of what only the evaluation needed — the frames with their remembered parts — once the outputs are
   * taken. The outcome keeps this evaluator until someone reads its explanation, so a branch of 10 000 people must
   * not keep each one's working state; wording needs the rule values, which stay.
   */
  settle(): void {
    this.frames.clear();
    this.fieldCache.clear();
  }

  get grades(): readonly string[] {
    return this.book.grades;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Host

  firstPeriod(kind: PeriodKind): string | undefined {
    if (this.firstOf.has(kind)) return this.firstOf.get(kind);
    let best: string | undefined;
    let bestFirst = Number.POSITIVE_INFINITY;
    for (const r of this.records) {
      if (periodKind(r.period) !== kind) continue;
      const f = monthRange(r.period).first;
      if (f < bestFirst) {
        bestFirst = f;
        best = r.period;
      }
    }
    this.firstOf.set(kind, best);
    return best;
  }

  hasRecord(period: string): boolean {
    return this.byPeriod.has(period);
  }

  /** The events flagged in a period: its own record's and those of every record inside it (a year's months). */
  flags(period: string): readonly string[] | undefined {
    const range = monthRange(period);
    const inside = this.records.filter((x) => {
      const m = monthRange(x.period);
      return m.first >= range.first && m.last <= range.last;
    });
    return inside.length > 0 ? inside.flatMap((x) => x.flags) : undefined;
  }

  frame(period: string, policy: MissingPolicy, locals?: Locals): MFrame {
    if (locals) return new MFrame(this, period, policy, locals);
    let byPeriod = this.frames.get(policy);
    if (!byPeriod) {
      byPeriod = new Map();
      this.frames.set(policy, byPeriod);
    }
    let f = byPeriod.get(period);
    if (!f) {
      f = new MFrame(this, period, policy);
      byPeriod.set(period, f);
    }
    return f;
  }

  /**
   * A part of a formula that reads only the period's values (a parameterless function, a window), once per period
   * and missing-data policy, whatever else the frame holds (a ledger's month, a list's row).
   */
  remember(slot: number, frame: Frame, compute: (frame: Frame) => Value): Value {
    // The part reads only the period's values (the compiler saw to it), so the period's plain frame stands for any.
    const f = (frame as MFrame).locals ? this.frame(frame.period, frame.policy) : (frame as MFrame);
    const hit = f.slots[slot];
    if (hit !== undefined) return hit;
    const v = compute(f);
    f.slots[slot] = v;
    return v;
  }


  // ---------------------------------------------------------------------------------------------------------------
  // Who

  private recordOf(period: string): PeriodRecord | undefined {
    return this.byPeriod.get(period);
  }

  role(period: string): Value {
    return this.recordOf(period)?.role ?? this.manager.role;
  }

  recordRole(period: string): string | undefined {
    return this.recordOf(period)?.role;
  }

  grade(period: string): Value {
    const g = this.recordOf(period)?.grade ?? this.manager.grade;
    return g ?? missing("na", "未给出等级", "no grade given");
  }

  ident(which: "id" | "name" | "branch"): Value {
    const v = this.manager[which];
    return v ?? missing("na", `未给出${which === "name" ? "姓名" : which === "branch" ? "机构" : "工号"}`, `no ${which} given`);
  }

  list(which: "tasks" | "clients" | "staff", period: string): Value {
    if (which === "staff") return missing("na", "职工名单只在按机构的检查中可用", "the staff list is only available in a check on each branch");
    const r = this.byPeriod.get(period);
    if (!r) return missing("na", `缺少 ${period} 的记录`, `no record for ${period}`);
    if (which === "tasks") return new TableValue(["item", "plan", "actual"], r.tasks.map((t) => [t.item, t.plan, t.actual]));
    const ids = this.book.fields.filter((f) => f.per === "period").map((f) => f.id);
    return new TableValue(["id", ...ids], r.clients.map((c) => [c.id, ...ids.map((id) => c.values[id] ?? missing("na", `客户 ${c.id} 缺少 ${id}`, `client ${c.id} has no ${id}`))]));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Fields

  field(index: number, period: string, frame?: MFrame): Value {
    let row = this.fieldCache.get(period);
    if (!row) {
      row = [];
      this.fieldCache.set(period, row);
    }
    if (frame && frame.period === period) frame.fieldRow = row;
    const hit = row[index];
    if (hit !== undefined) return hit;
    const v = this.readField(index, period);
    row[index] = v;
    return v;
  }

  private readField(index: number, period: string): Value {
    const spec = this.book.fields[index];
    const missingField = () => missingOf(spec);
    if (spec.per === "manager") {
      if (spec.id === "riskDepositBalance") return this.manager.riskDeposit?.balance ?? missingField();
      const v = this.manager.fields?.[spec.id];
      return v === undefined ? missingField() : typeof v === "string" && spec.unit === "date" ? DateValue.parse(v) ?? missingField() : v;
    }
    if (this.duplicates.has(period)) return missing("value", `${period} 的记录重复`, `${period} appears twice in the history`);
    const rec = this.byPeriod.get(period);
    if (rec) {
      const v = rec.values[spec.id as keyof typeof rec.values] as Dec | undefined;
      if (v !== undefined) return v;
      // A cell given but unreadable is an error, never a blank: no rule may find the figure another way instead.
      const bad = rec.invalid?.[spec.id];
      if (bad !== undefined) return missing("value", bad.zh, bad.en);
      const extra = rec.extra?.[spec.id];
      if (extra !== undefined) return typeof extra === "string" && spec.unit === "date" ? DateValue.parse(extra) ?? missingField() : extra;
      if (spec.blank === "zero") return ZERO;
      if (spec.blank === "carryForward") {
        const kind = periodKind(period);
        const before = monthRange(period).first;
        let best: { at: number; v: Dec } | undefined;
        for (const r of this.records) {
          if (periodKind(r.period) !== kind) continue;
          const at = monthRange(r.period).first;
          const x = r.values[spec.id as keyof typeof r.values] as Dec | undefined;
          if (at < before && x !== undefined && (!best || at > best.at)) best = { at, v: x };
        }
        if (best) return best.v;
      }
      // A quarter's or year's row without the figure: its months may give it.
      const k = periodKind(period);
      if (k !== "month" && k !== undefined && spec.combine !== "none" && this.hasMonthsIn(period)) return this.combine(index, period);
      return missingField();
    }
    const kind = periodKind(period);
    if (kind === "month" && spec.blank === "zero" && monthRange(period).last >= this.firstMonth) return ZERO;
    if (kind === undefined || kind === "month") {
      return monthRange(period).last < this.firstMonth
        ? missing("na", `没有 ${period} 的数据`, `no data for ${period}`)
        : missing("na", `缺少 ${period} 的记录`, `no record for ${period}`);
    }
    return this.combine(index, period);
  }

  private hasMonthsIn(period: string): boolean {
    const r = monthRange(period);
    return this.records.some((x) => periodKind(x.period) === "month" && monthRange(x.period).first >= r.first && monthRange(x.period).last <= r.last);
  }

  /**
   * A quarter's or year's figure from the months of it that have a row, as the field declares (sum, average, last,
   * day-weighted): a year still in progress combines the months so far.
   */
  private combine(index: number, period: string): Value {
    const spec = this.book.fields[index];
    const r = monthRange(period);
    const months: string[] = [];
    for (let m = r.first; m <= r.last; m++) { // int: calendar index
      const p = monthOfIndex(m);
      if (this.byPeriod.has(p)) months.push(p);
    }
    if (months.length === 0) return missing("na", `缺少 ${period} 的${spec.zh}(${spec.id})`, `no ${spec.en} (${spec.id}) for ${period}`);
    if (spec.combine === "none") {
      return missing("na", `缺少 ${period} 的${spec.zh}(${spec.id}):该指标不能由月度数据合成,须直接填报`, `no ${spec.en} (${spec.id}) for ${period}: it cannot be built from months and must be given for the period`);
    }
    const values: Dec[] = [];
    for (const p of months) {
      const v = this.field(index, p);
      if (isMissing(v)) return v.at(p);
      if (!isNumber(v)) return missing("value", `${p} 的${spec.zh}不是数值`, `${p}: ${spec.en} is not a number`);
      values.push(v);
    }
    switch (spec.combine) {
      case "sum":
        return values.reduce((a, b) => a.plus(b), ZERO);
      case "average":
        return values.reduce((a, b) => a.plus(b), ZERO).div(values.length);
      case "last":
        return values[values.length - 1]; // int: whole-number index or calendar arithmetic
      case "dayWeightedAverage": {
        let num = ZERO;
        let days = 0;
        months.forEach((p, i) => {
          const d = daysOfMonthPeriod(p);
          num = num.plus(values[i].times(d));
          days += d; // int: calendar days
        });
        return num.div(days);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rules

  /** Whether the period lies within the appraised one (its lines belong in the explanation). */
  private reported(period: string): boolean {
    const r = monthRange(period);
    return r.first >= this.appraisedRange.first && r.last <= this.appraisedRange.last;
  }

  rule(index: number, f: MFrame): Value {
    const period = f.period;
    let row = f.ruleRow;
    if (!row) {
      row = this.memo.get(period);
      if (!row) {
        row = new Array(this.book.rules.length);
        this.memo.set(period, row);
      }
      f.ruleRow = row;
    }
    const known = row[index];
    const rule = this.book.rules[index];
    if (known === COMPUTING) return missing("value", `${rule.id} 在 ${period} 循环引用自身`, `${rule.id} refers to itself at ${period}`);
    if (known !== undefined) return known;
    // Marked while computed: a rule reaching itself at the same period is a cycle (the loader refuses most).
    row[index] = COMPUTING;
    let value: Value;
    try {
      value = this.compute(rule, period);
    } finally {
      row[index] = undefined;
    }
    if (isMissing(value) && !value.notApplicable) value = value.in(rule.id);
    row[index] = value;
    if (this.reported(period)) this.traced.push({ rule, period, value });
    return value;
  }

  applies(rule: Rule2, period: string): Missing | undefined {
    if (rule.roles) {
      const role = this.role(period);
      if (typeof role !== "string" || !rule.roles.has(role)) return NOT_APPLICABLE;
    }
    if (rule.grades) {
      const g = this.grade(period);
      if (typeof g !== "string" || !rule.grades.has(g)) return NOT_APPLICABLE;
    }
    return undefined;
  }

  policyOf(rule: Rule2, period: string): MissingPolicy {
    if (typeof rule.policy === "string") return rule.policy;
    const v = rule.policy.run(this.frame(period, "undetermined"));
    return v === "notMet" || v === "error" ? v : "undetermined";
  }

  private compute(rule: Rule2, period: string): Value {
    if (monthRange(period).last < this.firstMonth) return missing("na", `没有 ${period} 的数据`, `no data for ${period}`);
    // A trigger that does not apply did not fire.
    const notApplicable = rule.construct === "trigger" ? false : NOT_APPLICABLE;
    const na = this.applies(rule, period);
    if (na) return notApplicable;
    const policy = this.policyOf(rule, period);
    let frame = this.frame(period, policy);
    if (rule.when) {
      const w = rule.when.run(frame);
      if (isMissing(w)) return w;
      if (w !== true) return notApplicable;
    }
    if (rule.judgedAt) {
      const d = rule.judgedAt.run(frame);
      if (isMissing(d)) return d;
      if (!(d instanceof DateValue)) return missing("value", "判定日不是日期", "the evaluation date is not a date");
      const month = d.iso.slice(0, 7);
      const m = monthRange(month).last;
      const r = monthRange(period);
      if (m < r.first || m > r.last) return notApplicable;
      if (month !== period && m !== r.last) {
        if (!this.byPeriod.has(month)) return missing("na", `缺少判定日所在月份 ${month} 的记录`, `no record for ${month}, the month of the evaluation date`);
        frame = this.frame(month, policy);
      }
    }
    switch (rule.construct) {
      case "formula":
        return rule.formula!.run(frame);
      case "table": {
        const hit = evaluateTable(rule.table!, frame, this.book.grades);
        if (this.reported(period)) this.tables.set(`${rule.index}@${period}`, hit);
        return hit.value;
      }
      case "ledger":
        return this.ledgerValue(rule, period);
      case "trigger":
        return this.triggerValue(rule, frame, period);
      case "status":
        return this.statusValue(rule, frame);
      default:
        return NOT_APPLICABLE;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Triggers and status

  private judgeCases(rule: Rule2, frame: MFrame): TriggerOutcome {
    const unknown: Missing[] = [];
    let unknownCase: TriggerCase | undefined;
    let fired: NonNullable<TriggerOutcome["fired"]> | undefined;
    for (const c of rule.trigger!) {
      const v = c.if.run(frame);
      if (v === true) {
        // The first case that holds decides the action; the others that hold with the same action are cited too,
        // and a stronger case listed earlier that could not be judged is said alongside.
        if (!fired) fired = { case: c, period: frame.period, alsoHeld: [], unknownBefore: frame.policy === "notMet" ? [] : [...unknown] };
        else if (c.then === fired.case.then) fired.alsoHeld.push(c);
        continue;
      }
      if (isMissing(v) && !v.notApplicable && !fired) {
        unknown.push(v);
        unknownCase ??= c;
      }
    }
    return fired ? { fired } : { unknown: unknown[0], unknownCase };
  }

  private triggerValue(rule: Rule2, frame: MFrame, period: string): Value {
    let outcome: TriggerOutcome;
    const every = rule.decl.every;
    const kind = periodKind(period);
    if (every && kind && KIND_MONTHS[kind] > KIND_MONTHS[every]) {
      // A monthly trigger in a longer appraisal: judged in each of its months that has data; fired if any fired.
      outcome = {};
      const months = subPeriods(period, every).filter((p) => this.byPeriod.has(p));
      if (months.length === 0) {
        const w = every === "month" ? { zh: "月度", en: "monthly" } : every === "quarter" ? { zh: "季度", en: "quarterly" } : { zh: "年度", en: "yearly" };
        outcome.unknown = missing("na", `${period} 没有${w.zh}记录,无法判断`, `no ${w.en} records in ${period}, so this cannot be judged`);
      }
      for (const p of months) {
        const o = this.judgeCases(rule, frame.at(p) as MFrame);
        if (o.fired) {
          outcome = o;
          break;
        }
        if (o.unknown && !outcome.unknown) {
          outcome.unknown = o.unknown.at(p);
          outcome.unknownCase = o.unknownCase;
        }
      }
    } else outcome = this.judgeCases(rule, frame);
    // Kept under the period the rule was asked for, even when judged at another (an evaluation date's month).
    if (!outcome.fired && outcome.unknown) {
      if (frame.policy === "notMet") outcome = { countedNotMet: outcome.unknown };
      else if (frame.policy === "error") outcome = { unknown: new Missing("value", outcome.unknown.zh, outcome.unknown.en), unknownCase: outcome.unknownCase };
    }
    this.triggers.set(`${rule.index}@${period}`, outcome);
    if (outcome.fired) return true;
    return outcome.unknown ?? false;
  }

  triggerOutcome(rule: Rule2, period: string): TriggerOutcome | undefined {
    return this.triggers.get(`${rule.index}@${period}`);
  }

  private statusValue(rule: Rule2, frame: MFrame): Value {
    const s = rule.status!;
    const period = frame.period;
    const fired: StatusOutcome["fired"] = [];
    const unknown: StatusOutcome["unknown"] = [];
    for (const ti of s.from) {
      const t = this.book.rules[ti];
      const v = this.rule(ti, frame);
      if (v === true) {
        const o = this.triggerOutcome(t, period);
        if (o?.fired) fired.push({ rule: t, action: o.fired.case.then, code: o.fired.case.code, period: o.fired.period });
      } else if (isMissing(v) && !v.notApplicable) unknown.push({ rule: t, why: v, code: this.triggerOutcome(t, period)?.unknownCase?.code });
    }
    const order = this.book.statuses;
    let outcome: string | undefined;
    for (const f of fired) if (outcome === undefined || order.indexOf(f.action) < order.indexOf(outcome)) outcome = f.action;
    const result: StatusOutcome = { status: s.none, fired, unknown };
    if (outcome === undefined) {
      result.status = unknown.length > 0 ? s.undetermined : s.none;
    } else {
      result.outcome = outcome;
      result.status = outcome;
      const because = new TableValue(["rule"], [...new Set(fired.filter((x) => x.action === outcome).map((x) => x.rule.id))].map((id) => [id]));
      const f = frame.with({ outcome, because, fired: firedByAction(fired) });
      for (let k = 0; k < s.cases.length; k++) {
        const c = s.cases[k];
        const h = c.if.run(f);
        if (isMissing(h)) continue;
        if (h !== true) continue;
        result.status = c.status;
        result.caseIndex = k;
        if (c.grade) {
          const g = c.grade.run(f);
          if (typeof g === "string") result.grade = g;
        }
        break;
      }
    }
    this.statuses.set(`${rule.index}@${period}`, result);
    return result.status;
  }

  statusOutcome(rule: Rule2, period: string): StatusOutcome | undefined {
    return this.statuses.get(`${rule.index}@${period}`);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Ledgers

  /** The ledger run from its start through the appraised period (computed once). */
  ledgerRun(rule: Rule2): LedgerRun | Missing {
    const known = this.ledgers.get(rule.index);
    if (known) return known;
    const run = this.runLedger(rule);
    this.ledgers.set(rule.index, run);
    return run;
  }

  private runLedger(rule: Rule2): LedgerRun | Missing {
    const L = rule.ledger!;
    const every = L.every;
    const policy = this.policyOf(rule, this.appraised);
    const periods = subPeriods(this.appraised, every);
    if (!periods.some((p) => this.byPeriod.has(p))) {
      if (this.firstPeriod(every) === undefined) return NOT_APPLICABLE;
      return missing("na", `${this.appraised} 没有${every === "month" ? "月度" : ""}记录,无法计算${rule.label.zh}`, `no ${every} record for ${this.appraised}, so no ${rule.label.en}`);
    }
    let carried: Value | undefined = L.carriedIn?.run(this.frame(this.appraised, policy));
    if (carried !== undefined && isMissing(carried)) carried = undefined;
    let start: string;
    let balance: Dec;
    if (carried !== undefined) {
      if (!isNumber(carried)) return missing("value", "结转余额不是数值", "the carried-in balance is not a number");
      start = periods[0];
      balance = carried;
    } else {
      const first = this.firstPeriod(every)!;
      start = first;
      const o = L.opening?.run(this.frame(first, policy));
      if (o !== undefined && isMissing(o)) return o;
      balance = o !== undefined && isNumber(o) ? o : ZERO;
    }
    // A period still in progress (a year appraised in June) is run to its last month with data.
    const withData = periods.filter((p) => this.byPeriod.has(p));
    const end = withData[withData.length - 1]; // int: whole-number index or calendar arithmetic
    const all: string[] = [];
    const size = KIND_MONTHS[every];
    for (let e = monthRange(start).last; e <= monthRange(end).last; e += size) all.push(periodEnding(every, e)); // int: calendar index
    const steps: LedgerStep[] = [];
    // A month without data has no movements to read: its formulas find the figures missing and the ledger says so.
    for (const p of all) {
      const locals = new Map<string, Value>([["opening", balance]]);
      const frame = this.frame(p, policy, { ledger: locals });
      const movements = new Map<string, Dec>();
      let closing = balance;
      for (const m of L.movements) {
        const v = m.compiled.run(frame);
        if (isMissing(v)) return v.notApplicable ? v : v.in(m.id ?? rule.id).at(p);
        if (!isNumber(v)) return missing("value", `${p}:${m.label.zh}不是数值`, `${p}: ${m.label.en} is not a number`);
        movements.set(m.name, v);
        locals.set(m.name, v);
        if (!v.isZero()) closing = m.direction === "in" ? closing.plus(v) : closing.minus(v);
      }
      const floorV = L.floor ? L.floor.run(frame) : ZERO;
      if (isNumber(floorV) && closing.lt(floorV)) {
        return missing("value", `${p}:${rule.label.zh}余额 ${closing.toFixed()} 低于下限 ${floorV.toFixed()}`, `${p}: the ${rule.label.en} balance ${closing.toFixed()} is below its floor ${floorV.toFixed()}`);
      }
      if (L.cap) {
        const capV = L.cap.run(frame);
        if (isNumber(capV) && closing.gt(capV) && closing.gt(balance)) {
          return missing("value", `${p}:${rule.label.zh}余额 ${closing.toFixed()} 超过上限 ${capV.toFixed()}`, `${p}: the ${rule.label.en} balance ${closing.toFixed()} is above its cap ${capV.toFixed()}`);
        }
      }
      steps.push({ period: p, opening: balance, movements, closing });
      balance = closing;
    }
    return { steps, carried: carried !== undefined };
  }

  private ledgerValue(rule: Rule2, period: string): Value {
    const run = this.ledgerRun(rule);
    if (run instanceof Missing) return run;
    const r = monthRange(period);
    const inside = run.steps.filter((s) => {
      const m = monthRange(s.period);
      return m.first >= r.first && m.last <= r.last;
    });
    if (inside.length === 0) {
      const before = run.steps.filter((s) => monthRange(s.period).last < r.first);
      if (before.length === 0) return missing("na", `${period} 在${rule.label.zh}台账开始之前`, `${period} is before the ${rule.label.en} ledger starts`);
      const last = before[before.length - 1]; // int: whole-number index or calendar arithmetic
      return ledgerRow(rule, last.closing, last.closing, new Map());
    }
    const sums = new Map<string, Dec>();
    for (const m of rule.ledger!.movements) sums.set(m.name, inside.reduce((a, s) => a.plus(s.movements.get(m.name) ?? ZERO), ZERO));
    return ledgerRow(rule, inside[0].opening, inside[inside.length - 1].closing, sums); // int: whole-number index or calendar arithmetic
  }
}

/** Trigger ids by the action they fired, for FIRED("demote") in a status's cases and texts. */
export function firedByAction(fired: StatusOutcome["fired"]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const f of fired) {
    const list = m.get(f.action) ?? [];
    if (!list.includes(f.rule.id)) list.push(f.rule.id);
    m.set(f.action, list);
  }
  return m;
}

function ledgerRow(rule: Rule2, opening: Dec, closing: Dec, sums: Map<string, Dec>): TableValue {
  const names = rule.ledger!.movements.map((m) => m.name);
  return new TableValue(["opening", "closing", ...names], [[opening, closing, ...names.map((n) => sums.get(n) ?? ZERO)]]);
}

export { isTable, Dec };
