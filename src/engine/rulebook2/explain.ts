/**
 * Explanations of a format-2 rulebook's results, worded from the rules themselves. A rule (or a table row, a
 * trigger case, a status case) may give its own template in Chinese and English, with {formula} placeholders
 * evaluated and shown in the unit of their value (¥1,234.00, 99.80%, 26.00); a rule that gives none is explained
 * by a default built from its formula — the formula, its value, and the value of every name in it. Every line
 * names the rule id that decided it.
 */
import { money, pct, usd } from "../format";
import type { Compiled } from "../lang/compile";
import { show } from "../lang/syntax";
import type { VType } from "../lang/types";
import { isDate, isMissing, isNumber, isTable, TableValue, type Value } from "../lang/values";
import type { Reason } from "../model";
import { monthRange } from "../periods";
import { fixed } from "../rounding";
import type { Book2, Rule2, Template } from "./book";
import { firedByAction, type ManagerEval, type Traced } from "./evaluate";
import type { MFrame } from "./frame";

export interface Words {
  zh: string;
  en: string;
}

function label(book: Book2, kind: "grade" | "role" | "status", id: string): Words {
  const list = kind === "grade" ? book.doc.grades : kind === "role" ? book.doc.roles : book.doc.statuses;
  const hit = list.find((x) => x.id === id);
  if (hit) return { zh: hit.zh, en: hit.en };
  if (kind === "status" && id === "undetermined") return { zh: "待定", en: "undetermined" };
  return { zh: id, en: id };
}

/** A value as an explanation shows it, by its type. */
export function formatValue(v: Value, t: VType, book: Book2): Words {
  if (isMissing(v)) return v.notApplicable ? { zh: "不适用", en: "n/a" } : { zh: "不可用", en: "not available" };
  const r = book.doc.rounding;
  if (isNumber(v)) {
    const unit = t.k === "num" ? t.unit : "number";
    const text = unit === "money" ? money(v, r.money) : unit === "usd" ? usd(v, r.money) : unit === "rate" ? pct(v, r.ratePercent) : unit === "points" ? fixed(v, r.points) : v.toFixed();
    return { zh: text, en: text };
  }
  if (typeof v === "boolean") return v ? { zh: "是", en: "yes" } : { zh: "否", en: "no" };
  if (isDate(v)) return { zh: v.iso, en: v.iso };
  if (isTable(v)) {
    // A list (one column) reads as its items: "H003-DEMOTE-CM-SCORE、H003-DEMOTE-CM-COLLECTION".
    if (v.columns.length === 1) {
      const items = v.rows.map((r) => formatValue(r[0], t.k === "table" && t.columns?.[0] ? t.columns[0].type : { k: "any" }, book));
      return { zh: items.map((i) => i.zh).join("、"), en: items.map((i) => i.en).join(", ") };
    }
    return { zh: `${v.rows.length} 行`, en: `${v.rows.length} rows` };
  }
  if (t.k === "text" && (t.of === "grade" || t.of === "role" || t.of === "status")) return label(book, t.of, v);
  return { zh: v, en: v };
}

/** The texts of a template whose condition holds, filled in: the first, or every one for `lines`. */
export function fillAll(t: Template, frame: MFrame, book: Book2): Array<Words & { id?: string }> {
  const one = (parts: Array<string | Compiled>, lang: "zh" | "en") =>
    parts.map((p) => (typeof p === "string" ? p : formatValue(p.run(frame), p.type, book)[lang])).join("");
  const out: Array<Words & { id?: string }> = [];
  for (const c of t.cases) {
    if (c.if && c.if.run(frame) !== true) continue;
    out.push({ zh: one(c.zh, "zh"), en: one(c.en, "en"), id: c.id });
    if (!t.all) break;
  }
  return out;
}

/** The first text of a template whose condition holds, filled in; undefined when none holds. */
export function fill(t: Template, frame: MFrame, book: Book2): (Words & { id?: string }) | undefined {
  return fillAll({ ...t, all: false }, frame, book)[0];
}

function partsText(c: Compiled, frame: MFrame, book: Book2): Words {
  if (c.parts.length === 0) return { zh: "", en: "" };
  const items = c.parts.map((p) => {
    const v = formatValue(p.run(frame), p.type, book);
    const name = p.label ? p.text : p.text;
    return { zh: `${name} = ${v.zh}`, en: `${name} = ${v.en}` };
  });
  return { zh: `(${items.map((i) => i.zh).join(",")})`, en: ` (${items.map((i) => i.en).join(", ")})` };
}

const prefix = (period: string, appraised: string): Words => (period === appraised ? { zh: "", en: "" } : { zh: `${period}:`, en: `${period}: ` });

function line(rule: string, w: Words & { id?: string }, at: Words): Reason {
  return { rule: w.id ?? rule, zh: `${at.zh}${w.zh}`, en: `${at.en}${w.en}` };
}

/** The first of these templates that gives a text at this frame. */
function firstFilled(frame: MFrame, book: Book2, ...ts: Array<Template | undefined>): (Words & { id?: string }) | undefined {
  for (const t of ts) {
    if (!t) continue;
    const w = fill(t, frame, book);
    if (w) return w;
  }
  return undefined;
}

/** The explanation lines of one traced rule (none for a value that is missing or does not apply). */
export function linesOf(ev: ManagerEval, t: Traced): Reason[] {
  const { rule, period, value } = t;
  const book = ev.book;
  if (isMissing(value) || rule.silent) return [];
  const frame = ev.frame(period, ev.policyOf(rule, period)).with({ self: value });
  const at = prefix(period, ev.appraised);
  const shown = formatValue(value, rule.type, book);
  const cite = rule.id;
  switch (rule.construct) {
    case "formula": {
      if (rule.explain?.all) return fillAll(rule.explain, frame, book).map((w) => line(cite, w, at));
      const own = firstFilled(frame, book, rule.explain);
      // A case written with empty text says nothing (e.g. nothing owed): no line, rather than the formula.
      if (own) return own.zh === "" && own.en === "" ? [] : [line(cite, own, at)];
      // The formula itself when it is short enough to read in a line; always the value and the figures it used.
      const f = rule.formula!;
      const parts = partsText(f, frame, book);
      const text = show(f.node);
      const shownFormula = [...text].length <= 60 ? ` = ${text}` : "";
      return [line(cite, { zh: `${rule.label.zh}${shownFormula} = ${shown.zh}${parts.zh}`, en: `${rule.label.en}${shownFormula} = ${shown.en}${parts.en}` }, at)];
    }
    case "table": {
      const hit = ev.tables.get(`${rule.index}@${period}`);
      const rows = hit?.rows ?? [];
      const cells = hit?.inputs ?? [];
      const tf = frame.with({ cells });
      const inputs = rule.table!.inputs.map((inp, k) => {
        const v = formatValue(cells[k] ?? value, inp.compiled.type, book);
        return { zh: `${inp.text} = ${v.zh}`, en: `${inp.text} = ${v.en}` };
      });
      const inputText = { zh: inputs.map((i) => i.zh).join(","), en: inputs.map((i) => i.en).join(", ") };
      if (rows.length === 0) {
        const own = firstFilled(tf, book, rule.explain);
        if (own) return [line(cite, own, at)];
        return [line(cite, { zh: `${rule.label.zh}:${inputText.zh}${inputText.zh ? "," : ""}无符合条件的行 → ${shown.zh}`, en: `${rule.label.en}: ${inputText.en}${inputText.en ? "; " : ""}no row holds → ${shown.en}` }, at)];
      }
      return rows.map((row) => {
        const id = row.id ?? cite;
        const own = firstFilled(tf, book, row.explain, rule.explain);
        if (own) return line(id, own, at);
        const conds = (and: string) =>
          [
            ...(row.condition ? [show(row.condition.node)] : []),
            ...rule.table!.inputs.map((inp, k) => (row.cellText[k] && row.cellText[k] !== "-" ? `${inp.text} ${/^[<>=≤≥≠([]/.test(row.cellText[k]) ? "" : "= "}${row.cellText[k]}` : "")).filter(Boolean),
          ].join(and);
        const out = rule.table!.hit === "sum" ? formatValue(row.outputs[0].run(tf), row.outputs[0].type, book) : shown;
        const zh = conds(" 且 ");
        const en = conds(" and ");
        return line(id, { zh: `${rule.label.zh}:${inputText.zh}${zh ? `,符合第 ${row.index + 1} 行(${zh})` : `,第 ${row.index + 1} 行`} → ${out.zh}`, en: `${rule.label.en}: ${inputText.en}${en ? `; row ${row.index + 1} holds (${en})` : `; row ${row.index + 1}`} → ${out.en}` }, at); // int: whole-number index or calendar arithmetic
      });
    }
    case "trigger": {
      const o = ev.triggerOutcome(rule, period);
      if (o?.countedNotMet) {
        const u = o.countedNotMet;
        return [line(cite, { zh: `缺数据按不成立处理(missing = notMet):${u.zh}`, en: `missing data counted as not met (missing = notMet): ${u.en}` }, at)];
      }
      if (!o?.fired) return [];
      const c = o.fired.case;
      const when = prefix(o.fired.period, ev.appraised);
      const f2 = ev.frame(o.fired.period, frame.policy).with({ self: value });
      const action = formatValue(c.then, { k: "text", of: "status" }, book);
      const out: Reason[] = [];
      for (const held of [c, ...o.fired.alsoHeld]) {
        const own = firstFilled(f2, book, held.explain, rule.explain);
        if (own) out.push(line(cite, own, when));
        else {
          const parts = partsText(held.if, f2, book);
          const text = show(held.if.node);
          out.push(line(cite, { zh: `${text}${parts.zh} → ${action.zh}`, en: `${text}${parts.en} → ${action.en}` }, when));
        }
      }
      for (const u of o.fired.unknownBefore) out.push(line(cite, { zh: `无法判断:${u.zh}`, en: `cannot tell: ${u.en}` }, when));
      return out;
    }
    case "status": {
      const o = ev.statusOutcome(rule, period);
      if (!o) return [];
      const st = formatValue(o.status, { k: "text", of: "status" }, book);
      const c = o.caseIndex !== undefined ? rule.status!.cases[o.caseIndex] : undefined;
      const id = c?.id ?? cite;
      const byAction = o.fired.filter((x) => x.action === o.outcome);
      const ids = (xs: string[]) => new TableValue(["rule"], [...new Set(xs)].map((x) => [x]));
      const f2 = frame.with({ outcome: o.outcome, because: ids(byAction.map((x) => x.rule.id)), unjudged: ids(o.unknown.map((u) => u.rule.id)), fired: firedByAction(o.fired) });
      const rules = { zh: [...new Set(byAction.map((x) => x.rule.id))].join("、"), en: [...new Set(byAction.map((x) => x.rule.id))].join(", ") };
      const out: Reason[] = [];
      const s = rule.status!;
      const nothing = o.outcome === undefined;
      const own = nothing ? firstFilled(f2, book, o.unknown.length > 0 ? s.explainUndetermined : s.explainNone, rule.explain) : firstFilled(f2, book, c?.explain, rule.explain);
      if (own) out.push(line(id, own, at));
      else if (nothing && o.unknown.length > 0) {
        const list = o.unknown.map((u) => u.rule.id).join(", ");
        out.push(line(id, { zh: `未触发任何条件,但 ${list} 缺数据无法判断 → ${st.zh}`, en: `no trigger fired, but ${list} could not be judged for lack of data → ${st.en}` }, at));
      } else if (nothing) {
        out.push(line(id, { zh: `未触发任何条件 → ${st.zh}`, en: `no trigger fired → ${st.en}` }, at));
      } else {
        const grade = o.grade !== undefined ? formatValue(o.grade, { k: "text", of: "grade" }, book) : undefined;
        const before = ev.grade(period);
        const from = typeof before === "string" ? formatValue(before, { k: "text", of: "grade" }, book) : undefined;
        const move = grade && from ? { zh: `:${from.zh} → ${grade.zh}`, en: `: ${from.en} → ${grade.en}` } : { zh: "", en: "" };
        out.push(line(id, { zh: `${st.zh}${move.zh},依据 ${rules.zh}`, en: `${st.en}${move.en}, per ${rules.en}` }, at));
      }
      // Every other action that fired is stated too, so a weaker one (a flag) is never hidden by a stronger one.
      const others = [...new Set(o.fired.filter((x) => x.action !== o.outcome).map((x) => x.action))];
      for (const a of others) {
        const w = formatValue(a, { k: "text", of: "status" }, book);
        const which = [...new Set(o.fired.filter((x) => x.action === a).map((x) => x.rule.id))];
        out.push(line(id, { zh: `${w.zh}(另行标记,不改变上述状态),依据 ${which.join("、")}`, en: `${w.en} (flagged in addition; the status above stands), per ${which.join(", ")}` }, at));
      }
      return out;
    }
    default:
      return [];
  }
}

/** The lines of a ledger for the appraised period: each period's movements, then the balance identity. */
export function ledgerLines(ev: ManagerEval, rule: Rule2): Reason[] {
  const run = ev.ledgerRun(rule);
  if (!("steps" in run)) return [];
  const book = ev.book;
  const m = (d: import("../decimal").Dec) => money(d, book.doc.rounding.money);
  const L = rule.ledger!;
  const inside = run.steps.filter((s) => isWithin(s.period, ev.appraised));
  const out: Reason[] = [];
  const several = inside.length > 1;
  for (const s of inside) {
    // Each movement that explains itself gives its line, in the rulebook's words and citing its own rule id.
    const locals = new Map<string, Value>([["opening", s.opening], ...[...s.movements.entries()]]);
    const frame = ev.frame(s.period, ev.policyOf(rule, s.period), { ledger: locals });
    const at = several || s.period !== ev.appraised ? { zh: `${s.period}:`, en: `${s.period}: ` } : { zh: "", en: "" };
    let worded = false;
    for (const mv of L.movements) {
      if (!mv.explain) continue;
      worded = true;
      const w = fill(mv.explain, frame, book);
      if (!w) continue;
      out.push({ rule: w.id ?? mv.id ?? rule.id, zh: `${at.zh}${w.zh}`, en: `${at.en}${w.en}` });
    }
    if (worded) continue;
    const moves = L.movements.map((mv) => ({ zh: `${mv.direction === "in" ? "+" : "−"} ${mv.label.zh} ${m(s.movements.get(mv.name)!)}`, en: `${mv.direction === "in" ? "+" : "−"} ${mv.label.en} ${m(s.movements.get(mv.name)!)}` }));
    out.push({ rule: rule.id, zh: `${s.period}:期初 ${m(s.opening)} ${moves.map((x) => x.zh).join(" ")} = 期末 ${m(s.closing)}`, en: `${s.period}: opening ${m(s.opening)} ${moves.map((x) => x.en).join(" ")} = closing ${m(s.closing)}` });
  }
  if (inside.length > 0) {
    const first = inside[0];
    const last = inside[inside.length - 1]; // int: list index
    const before = run.steps.indexOf(first);
    const origin = run.carried
      ? { zh: "结转余额", en: "carried in" }
      : before === 0
        ? { zh: `未提供结转余额,从 ${m(first.opening)} 开始`, en: `no balance carried in, starting from ${m(first.opening)}` }
        : {
            zh: `未提供结转余额,由 ${run.steps[0].period} 至 ${run.steps[before - 1].period} 共 ${before} 期从 ${m(run.steps[0].opening)} 推算`, // int: list index
            en: `no balance carried in; computed from ${m(run.steps[0].opening)} over ${before} periods ${run.steps[0].period} to ${run.steps[before - 1].period}`, // int: list index
          };
    // Money in first, then money out: 期初 + 提取 − 退还 = 期末.
    const ordered = [...L.movements.filter((mv) => mv.direction === "in"), ...L.movements.filter((mv) => mv.direction === "out")];
    const totals = ordered.map((mv) => {
      const t = inside.reduce((a, s) => a.plus(s.movements.get(mv.name)!), first.opening.minus(first.opening));
      return { zh: `${mv.direction === "in" ? "+" : "−"} ${mv.label.zh} ${m(t)}`, en: `${mv.direction === "in" ? "+" : "−"} ${mv.label.en} ${m(t)}` };
    });
    out.push({ rule: rule.id, zh: `期初 ${m(first.opening)}(${origin.zh})${totals.map((x) => x.zh).join(" ")} = 期末 ${m(last.closing)}`, en: `opening ${m(first.opening)} (${origin.en}) ${totals.map((x) => x.en).join(" ")} = closing ${m(last.closing)}` });
  }
  return out;
}

function isWithin(p: string, period: string): boolean {
  const a = monthRange(p);
  const b = monthRange(period);
  return a.first >= b.first && a.last <= b.last;
}

export type { Template };
