/**
 * Running a format-2 tool: a rule computed on explicit inputs instead of a manager's records (a client's band from
 * its deposits, a refund date from a leaving date, grades from a list of exam scores). The inputs are checked
 * against the tool's declaration — each a number in its unit, a date, text, a grade of the rulebook, or a list of
 * rows — and every problem is reported at its path (`balance: -1 must not be negative`), never coerced.
 */
import { Dec } from "../decimal";
import type { MissingPolicy } from "../lang/frame";
import type { VType } from "../lang/types";
import { DateValue, isMissing, isTable, Missing, missing, NOT_APPLICABLE, TableValue, type Value } from "../lang/values";
import type { Reason } from "../model";
import type { PeriodKind } from "../periods";
import { readDecimal } from "../input";
import { parseLooseNumber } from "../lang/functions/lookup";
import { fixed } from "../rounding";
import type { Book2, Rule2, ToolInput, ToolStep } from "./book";
import { formatValue, fill } from "./explain";
import { MFrame, type Evaluator, type Locals } from "./frame";
import { evaluateTable } from "./tables";

export type ToolResult = { ok: true; value: Record<string, unknown>; reasons: Reason[] } | { ok: false; code: "value" | "na"; zh: string; en: string };

class ToolEval implements Evaluator {
  private readonly memo = new Map<number, Value>();
  constructor(
    readonly book: Book2,
    readonly settings: readonly Value[],
    private readonly who: { role?: string; grade?: string },
    private readonly period: string,
  ) {}
  get grades(): readonly string[] {
    return this.book.grades;
  }
  firstPeriod(_kind: PeriodKind): string | undefined {
    return undefined;
  }
  hasRecord(): boolean {
    return false;
  }
  flags(): readonly string[] | undefined {
    return undefined;
  }
  rule(index: number, f: MFrame): Value {
    const known = this.memo.get(index);
    if (known !== undefined) return known;
    const r = this.book.rules[index];
    const v = r.formula ? r.formula.run(f) : r.table ? evaluateTable(r.table, f, this.book.grades).value : missing("na", `${r.id} 不能在工具中计算`, `${r.id} cannot be computed in a tool`);
    this.memo.set(index, v);
    return v;
  }
  field(): Value {
    return missing("na", "工具按输入计算,不读字段", "a tool reads its inputs, not fields");
  }
  role(): Value {
    return this.who.role ?? missing("na", "未给出角色", "no role given");
  }
  grade(): Value {
    return this.who.grade ?? missing("na", "未给出等级", "no grade given");
  }
  ident(): Value {
    return missing("na", "工具没有人员", "a tool has no person");
  }
  list(): Value {
    return missing("na", "工具按输入计算", "a tool reads its inputs");
  }
  frame(period: string, policy: MissingPolicy, locals?: Locals): MFrame {
    return new MFrame(this, period, policy, locals);
  }
  get appraised(): string {
    return this.period;
  }
}

function fail(path: string, zh: string, en: string): ToolResult {
  return { ok: false, code: "value", zh: `输入 ${path} 无效:${zh}`, en: `${path}: ${en}` };
}

/**
 * A number as a caller gives it: a JSON number, decimal text, a decimal already read (a cell function's argument),
 * or a quantity written as rulebooks write them ("350万", "93.64%").
 */
function numberInput(raw: unknown): Dec | string {
  if (raw instanceof Dec) return raw;
  const d = readDecimal(raw);
  if (typeof d !== "string" || typeof raw !== "string") return d;
  const q = parseLooseNumber(raw);
  return q ?? d;
}

/** One input cell in its declared type, or the problem. */
function cell(raw: unknown, type: VType, signed: boolean, path: string, book: Book2): Value | ToolResult {
  if (type.k === "num") {
    const d = numberInput(raw);
    if (typeof d === "string") return fail(path, d, d);
    if (!signed && d.isNegative() && !d.isZero()) return fail(path, `${d.toString()} 不能为负数`, `${d.toString()} must not be negative`);
    if (type.unit === "rate" && d.abs().gt(1000)) return fail(path, `${d.toString()} 不是合理的比率(35% 写作 0.35)`, `${d.toString()} is not a plausible rate (35% is 0.35)`);
    return d;
  }
  if (type.k === "date") {
    const v = typeof raw === "string" ? DateValue.parse(raw.trim()) : undefined;
    return v ?? fail(path, `${JSON.stringify(raw)} 不是日期(YYYY-MM-DD)`, `${JSON.stringify(raw)} is not a date (YYYY-MM-DD)`);
  }
  if (type.k === "bool") return typeof raw === "boolean" ? raw : fail(path, `${JSON.stringify(raw)} 应为 true 或 false`, `${JSON.stringify(raw)} is not true or false`);
  if (type.k === "text") {
    if (typeof raw !== "string" || raw.trim() === "") return fail(path, `${JSON.stringify(raw)} 应为文本`, `expected text, got ${JSON.stringify(raw)}`);
    const known = type.of === "grade" ? book.grades : type.of === "role" ? book.roles : undefined;
    if (known && !known.includes(raw.trim())) return fail(path, `“${raw}”不是本规则集的${type.of === "grade" ? "等级" : "角色"}(${known.join("、")})`, `"${raw}" is not a ${type.of} of this rulebook (${known.join(", ")})`);
    return raw.trim();
  }
  return typeof raw === "string" || typeof raw === "boolean" ? raw : readDecimal(raw) instanceof Dec ? (readDecimal(raw) as Dec) : String(raw);
}

function readInputs(book: Book2, inputs: ToolInput[], raw: unknown): Map<string, Value> | ToolResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return fail("input", "应为对象", "expected an object");
  const obj = raw as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if (!inputs.some((i) => i.name === k)) return fail(k, `未知的输入(可用:${inputs.map((i) => i.name).join("、")})`, `unknown input (accepted: ${inputs.map((i) => i.name).join(", ")})`);
  }
  const out = new Map<string, Value>();
  for (const inp of inputs) {
    // Own keys only: an input named toString that the caller left out is missing, not Object.prototype's member.
    const own = (o: object, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined);
    const v = own(obj, inp.name);
    if (v === undefined || v === null) {
      if (!inp.optional) return fail(inp.name, "缺少", "is missing");
      out.set(inp.name, missing("na", `未给出${inp.label.zh}(${inp.name})`, `no ${inp.label.en} (${inp.name}) given`));
      continue;
    }
    if (inp.list) {
      if (!Array.isArray(v)) return fail(inp.name, "应为列表", "expected a list");
      const rows: Value[][] = [];
      for (let r = 0; r < v.length; r++) {
        // A list of one column may be written as its plain values: ["2025-10-01", "2025-10-02"].
        const row = inp.list.length === 1 && v[r] !== null && (typeof v[r] !== "object" || v[r] instanceof Dec) ? { [inp.list[0].name]: v[r] } : v[r];
        if (row === null || typeof row !== "object" || Array.isArray(row)) return fail(`${inp.name}[${r}]`, "应为对象", "expected an object");
        for (const k of Object.keys(row)) {
          if (!inp.list.some((c) => c.name === k)) return fail(`${inp.name}[${r}].${k}`, `未知的列(可用:${inp.list.map((c) => c.name).join("、")})`, `unknown column (accepted: ${inp.list.map((c) => c.name).join(", ")})`);
        }
        const cells: Value[] = [];
        for (const c of inp.list) {
          const x = own(row as object, c.name);
          if (x === undefined || x === null) {
            if (!c.optional) return fail(`${inp.name}[${r}].${c.name}`, "缺少", "is missing");
            cells.push(missing("na", `第 ${r + 1} 行缺少 ${c.name}`, `row ${r + 1} has no ${c.name}`)); // int: whole-number index or calendar arithmetic
            continue;
          }
          const y = cell(x, c.type, c.signed, `${inp.name}[${r}].${c.name}`, book);
          if (!isValue(y)) return y;
          cells.push(y);
        }
        rows.push(cells);
      }
      out.set(inp.name, new TableValue(inp.list.map((c) => c.name), rows));
      continue;
    }
    const y = cell(v, inp.type, inp.signed, inp.name, book);
    if (!isValue(y)) return y;
    out.set(inp.name, y);
  }
  return out;
}

function isValue(x: Value | ToolResult): x is Value {
  return !(typeof x === "object" && x !== null && "ok" in x && typeof (x as { ok: unknown }).ok === "boolean");
}

/**
 * A formula value as the tool's JSON answer gives it, as the command line's JSON does: numbers as decimal strings
 * (money with the rulebook's decimals, rounded once here; anything else exact), dates ISO, lists as rows.
 */
function toJs(v: Value, type: VType, book: Book2): unknown {
  if (v instanceof Dec) return type.k === "num" && type.unit === "money" ? fixed(v, book.doc.rounding.money) : v.toFixed();
  if (v instanceof DateValue) return v.iso;
  if (isTable(v)) {
    const cols = type.k === "table" ? type.columns : undefined;
    return v.rows.map((r) => Object.fromEntries(v.columns.map((c, i) => [c, toJs(r[i], cols?.find((x) => x.name === c)?.type ?? { k: "any" }, book)])));
  }
  if (v instanceof Missing) return null;
  return v;
}

function runSteps(steps: ToolStep[], frame: MFrame, values: Map<string, Value>, book: Book2): Missing | undefined {
  for (const s of steps) {
    let v: Value;
    const f = frame.with({ inputs: values, row: frame.locals?.row });
    if (s.when) {
      const w = s.when.run(f);
      if (isMissing(w)) return w;
      if (w !== true) continue;
    }
    if (s.forEach !== undefined) {
      const list = values.get(s.forEach);
      if (!list || !isTable(list)) return missing("value", `${s.forEach} 不是列表`, `${s.forEach} is not a list`);
      const columns = [...list.columns, ...s.steps!.map((x) => x.name)];
      const rows: Value[][] = [];
      for (const r of list.rows) {
        const row = new Map<string, Value>(list.columns.map((c, i) => [c, r[i]]));
        const rf = frame.with({ inputs: values, row });
        if (s.where) {
          const w = s.where.run(rf);
          if (isMissing(w)) return w;
          if (w !== true) continue;
        }
        for (const inner of s.steps!) {
          // A row's result whose `when` does not hold is left empty in that row (null in the answer).
          if (inner.when) {
            const w = inner.when.run(frame.with({ inputs: values, row }));
            if (isMissing(w)) return w;
            if (w !== true) {
              row.set(inner.name, NOT_APPLICABLE);
              continue;
            }
          }
          const x = inner.compiled ? inner.compiled.run(frame.with({ inputs: values, row })) : inner.table ? evaluateTable(inner.table, frame.with({ inputs: values, row }), book.grades).value : missing("na", "无", "none");
          // A row that cannot be computed makes the answer unavailable, never a shorter list.
          if (isMissing(x) && !x.notApplicable) return x;
          row.set(inner.name, x);
        }
        rows.push(columns.map((c) => row.get(c) ?? missing("na", `无 ${c}`, `no ${c}`)));
      }
      v = new TableValue(columns, rows);
    } else if (s.table) v = evaluateTable(s.table, f, book.grades).value;
    else v = s.compiled!.run(f);
    if (isMissing(v) && !v.notApplicable) return v;
    values.set(s.name, v);
  }
  return undefined;
}

export function runTool2(book: Book2, settings: readonly Value[], rule: Rule2, input: unknown, who: { role?: string; grade?: string }): ToolResult {
  const tool = rule.tool!;
  const inputs = readInputs(book, tool.inputs, input);
  if (!(inputs instanceof Map)) return inputs;
  const role = inputs.get("role");
  const grade = inputs.get("grade");
  const ev = new ToolEval(book, settings, { role: typeof role === "string" ? role : who.role, grade: typeof grade === "string" ? grade : who.grade }, "2000-01");
  const frame = ev.frame("2000-01", typeof rule.policy === "string" ? rule.policy : "undetermined");
  const values = new Map(inputs);
  const failed = runSteps(tool.steps, frame, values, book);
  if (failed) return { ok: false, code: failed.code, zh: failed.zh, en: failed.en };
  const value: Record<string, unknown> = {};
  for (const s of tool.steps) if (values.has(s.name)) value[s.name] = toJs(values.get(s.name)!, s.type, book);
  const f = frame.with({ inputs: values });
  const reasons: Reason[] = [];
  const own = rule.explain ? fill(rule.explain, f, book) : undefined;
  if (own) reasons.push({ rule: own.id ?? rule.id, zh: own.zh, en: own.en });
  // Each result that explains itself adds its line, in order.
  for (const s of tool.steps) {
    if (!s.explain || !values.has(s.name)) continue;
    const w = fill(s.explain, f, book);
    if (w) reasons.push({ rule: w.id ?? rule.id, zh: w.zh, en: w.en });
  }
  // A tool whose rule says `"explain": false` speaks only through its results' own lines (possibly none).
  if (reasons.length === 0 && !rule.silent) {
    const items = tool.steps.map((s) => {
      const w = formatValue(values.get(s.name)!, s.type, book);
      return { zh: `${s.name} = ${w.zh}`, en: `${s.name} = ${w.en}` };
    });
    reasons.push({ rule: rule.id, zh: `${rule.label.zh}:${items.map((i) => i.zh).join(",")}`, en: `${rule.label.en}: ${items.map((i) => i.en).join(", ")}` });
  }
  return { ok: true, value, reasons };
}
