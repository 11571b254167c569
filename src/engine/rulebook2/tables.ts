/**
 * Decision tables (DMN): input columns, rows of conditions, output columns, and a hit policy.
 *   first    the first row (top to bottom) whose conditions hold
 *   unique   exactly one row may hold; two is an error in the rulebook's data
 *   sum      the outputs of every row that holds, added (points per band, collected)
 *   highest  the highest output among the rows that hold (a grade ladder: "the highest grade whose conditions all
 *            hold"), whatever the order of the rows
 * `meet: N` makes a row hold when at least N of its conditions hold ("meet 3 of 4").
 *
 * A cell is written as a clerk writes a COUNTIF criterion or a DMN test: ">= 30%", "< 1%", "(0, 1%]" (0 < x ≤
 * 1%), "[500万, 800万]", "senior" or "senior, intermediate" for text, "-" for any value, or a formula with ? for
 * the input ("? >= 基数存款 * 90%"). A missing input leaves a row undecided: the table's result is unavailable
 * only when that row could change it (three-valued, as FEEL).
 */
import { Dec, ZERO } from "../decimal";
import type { Compiled, Scope } from "../lang/compile";
import { compileNode } from "../lang/compile";
import { parseFormula } from "../lang/parser";
import type { Node } from "../lang/syntax";
import { typeWords, type VType } from "../lang/types";
import { isMissing, isNumber, Missing, missing, TableValue, type Value } from "../lang/values";
import type { CompiledTable, TableRow } from "./book";
import type { MFrame } from "./frame";
import type { Explain, TableDecl } from "./schema";

export const inputName = (k: number) => `_input${k + 1}`; // int: whole-number index or calendar arithmetic

/** No row of a table holds and it has no `otherwise`: a grade table's "no grade reached". */
export const NO_ROW = new Missing("na", "决策表没有符合条件的行", "no row of the decision table holds", undefined, false, "noRow");

export interface TableCompileContext {
  scope: Scope;
  /** Compiles a formula at a path, recording a problem (and returning undefined) if it does not compile. */
  formula(source: string, path: string): Compiled | undefined;
  problem(path: string, zh: string, en: string): void;
  /** The types of the output columns, when the rulebook declares them. */
  outputTypes: Array<VType | undefined>;
  outputNames: string[];
  template(t: Explain | undefined, path: string): TableRow["explain"];
}

const isTextLike = (t: VType) => t.k === "text";

/** Splits "a, b" at commas outside parentheses and quotes. */
function splitTop(text: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (!quoted) {
      if (c === "(" || c === "(") depth++;
      else if (c === ")" || c === ")") depth--;
      else if (depth === 0 && seps.includes(c)) {
        out.push(cur);
        cur = "";
        continue;
      }
    }
    cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const OPS: Record<string, "<=" | ">=" | "<>" | "=" | "<" | ">"> = { "<=": "<=", ">=": ">=", "<>": "<>", "=": "=", "<": "<", ">": ">", "≤": "<=", "≥": ">=", "≠": "<>" };

function parsed(source: string, ctx: TableCompileContext, path: string): Node | undefined {
  const p = parseFormula(source);
  if (!p.ok) {
    ctx.problem(path, `公式“${source}”${p.problem.zh}`, `formula "${source}": ${p.problem.en}`);
    return undefined;
  }
  return p.node;
}

/** A cell as a condition formula on input k: `_input1 >= 30%`, or undefined for "any". */
function cellNode(cell: string | number | boolean, k: number, inputType: VType, ctx: TableCompileContext, path: string): Node | null | undefined {
  const input: Node = { t: "name", name: inputName(k), at: 0 };
  if (typeof cell === "number") return { t: "bin", op: "=", left: input, right: { t: "num", value: new Dec(cell), text: String(cell), at: 0 }, at: 0 };
  if (typeof cell === "boolean") return { t: "bin", op: "=", left: input, right: { t: "bool", value: cell, at: 0 }, at: 0 };
  const text = cell.trim();
  if (text === "" || text === "-") return null;
  if (text.includes("?")) return parsed(text.replace(/\?/g, inputName(k)), ctx, path);
  const interval = /^([[(])(.*)([\])])$/.exec(text);
  if (interval && !isTextLike(inputType)) {
    const parts = text.includes("..") ? interval[2].split("..").map((s) => s.trim()) : splitTop(interval[2], ",,");
    if (parts.length !== 2) {
      ctx.problem(path, `区间“${text}”应写成 (下限, 上限] 这样的两端`, `the interval "${text}" needs two ends, as in (low, high]`);
      return undefined;
    }
    const lo = parts[0] === "" ? undefined : parsed(parts[0], ctx, path);
    const hi = parts[1] === "" ? undefined : parsed(parts[1], ctx, path);
    const tests: Node[] = [];
    if (lo) tests.push({ t: "bin", op: interval[1] === "[" ? ">=" : ">", left: input, right: lo, at: 0 });
    if (hi) tests.push({ t: "bin", op: interval[3] === "]" ? "<=" : "<", left: input, right: hi, at: 0 });
    if (tests.length === 0) return null;
    return tests.length === 1 ? tests[0] : { t: "call", fn: "AND", args: tests, at: 0 };
  }
  const cmp = /^(<=|>=|<>|≤|≥|≠|=|<|>)\s*(.+)$/s.exec(text);
  if (cmp) {
    const op = OPS[cmp[1]];
    if (isTextLike(inputType) && (op === "=" || op === "<>")) {
      return { t: "bin", op, left: input, right: { t: "str", value: cmp[2].trim().replace(/^"(.*)"$/, "$1"), at: 0 }, at: 0 };
    }
    const right = parsed(cmp[2], ctx, path);
    return right ? { t: "bin", op, left: input, right, at: 0 } : undefined;
  }
  if (isTextLike(inputType)) {
    const alternatives = splitTop(text, ",,、").map((a) => a.replace(/^"(.*)"$/, "$1"));
    const eqs: Node[] = alternatives.map((a) => ({ t: "bin", op: "=", left: input, right: { t: "str", value: a, at: 0 }, at: 0 }));
    return eqs.length === 1 ? eqs[0] : { t: "call", fn: "OR", args: eqs, at: 0 };
  }
  const value = parsed(text, ctx, path);
  return value ? { t: "bin", op: "=", left: input, right: value, at: 0 } : undefined;
}

/** An output cell: literal text for a text column (checked against the vocabulary), else a formula or a number. */
function outputCompiled(cell: string | number | boolean, type: VType | undefined, ctx: TableCompileContext, path: string): Compiled | undefined {
  if (typeof cell === "number" || typeof cell === "boolean") {
    const node: Node = typeof cell === "number" ? { t: "num", value: new Dec(cell), text: String(cell), at: 0 } : { t: "bool", value: cell, at: 0 };
    const c = compileNode(node, ctx.scope);
    return c.ok ? c.compiled : undefined;
  }
  if (type && isTextLike(type)) {
    const value = cell.trim().replace(/^"(.*)"$/, "$1");
    const known = type.k === "text" && type.of === "grade" ? ctx.scope.vocabulary.grades : type.k === "text" && type.of === "role" ? ctx.scope.vocabulary.roles : undefined;
    if (known && !known.includes(value)) {
      ctx.problem(path, `“${value}”不是本规则集的${type.of === "grade" ? "等级" : "角色"}(${known.join("、")})`, `"${value}" is not a ${type.of} of this rulebook (${known.join(", ")})`);
      return undefined;
    }
    const v = value;
    return { type, run: () => v, node: { t: "str", value: v, at: 0 }, parts: [] };
  }
  return ctx.formula(cell, path);
}

export function compileTable(decl: TableDecl, ctx: TableCompileContext, path: string): CompiledTable | undefined {
  let ok = true;
  const inputs: CompiledTable["inputs"] = [];
  decl.inputs.forEach((col, k) => {
    const source = typeof col === "string" ? col : col.formula;
    const c = ctx.formula(source, `${path}.inputs[${k}]`);
    if (c) inputs.push({ compiled: c, text: source });
    else ok = false;
  });
  if (!ok) return undefined;
  const inputScope: Scope = {
    ...ctx.scope,
    name: (n) => {
      const m = /^_input(\d+)$/.exec(n);
      if (m) {
        const k = Number(m[1]) - 1; // int: whole-number index or calendar arithmetic
        if (k < inputs.length) return { type: inputs[k].compiled.type, run: (f) => (f as MFrame).locals?.cells?.[k] ?? missing("na", "无输入", "no input") };
      }
      return ctx.scope.name(n);
    },
  };
  const nOut = Array.isArray(decl.rows[0].then) ? decl.rows[0].then.length : 1;
  const meet = decl.meet === undefined ? undefined : typeof decl.meet === "number" ? ({ type: { k: "num", unit: "count" }, run: () => new Dec(decl.meet as number), node: { t: "num", value: new Dec(decl.meet), text: String(decl.meet), at: 0 }, parts: [] } as Compiled) : ctx.formula(decl.meet, `${path}.meet`);
  const rows: TableRow[] = [];
  decl.rows.forEach((row, r) => {
    const rp = `${path}.rows[${r}]`;
    const thens = Array.isArray(row.then) ? row.then : [row.then];
    if (thens.length !== nOut) {
      ctx.problem(`${rp}.then`, `每行的结果个数应相同(第 1 行有 ${nOut} 个,这里有 ${thens.length} 个)`, `every row needs the same number of outputs (row 1 has ${nOut}, this one ${thens.length})`);
      ok = false;
      return;
    }
    const cells = row.when ?? [];
    if (row.when && cells.length !== inputs.length) {
      ctx.problem(`${rp}.when`, `条件个数(${cells.length})应等于输入列数(${inputs.length})`, `the row has ${cells.length} conditions for ${inputs.length} input columns`);
      ok = false;
      return;
    }
    const tests: TableRow["tests"] = [];
    cells.forEach((cell, k) => {
      const node = cellNode(cell, k, inputs[k].compiled.type, ctx, `${rp}.when[${k}]`);
      if (node === undefined) {
        ok = false;
        return;
      }
      if (node === null) {
        tests.push(undefined);
        return;
      }
      const c = compileNode(node, inputScope);
      if (!c.ok) {
        ctx.problem(`${rp}.when[${k}]`, `条件“${String(cell)}”:${c.problem.zh}`, `condition "${String(cell)}": ${c.problem.en}`);
        ok = false;
        return;
      }
      if (c.compiled.type.k !== "bool" && c.compiled.type.k !== "any") {
        ctx.problem(`${rp}.when[${k}]`, `条件“${String(cell)}”应为是非判断,却是${typeWords(c.compiled.type).zh}`, `condition "${String(cell)}" must be TRUE/FALSE, not ${typeWords(c.compiled.type).en}`);
        ok = false;
        return;
      }
      const run = c.compiled.run;
      tests.push((_input, f) => run(f));
    });
    let condition: Compiled | undefined;
    if (row.if) {
      condition = ctx.formula(row.if, `${rp}.if`);
      if (!condition) ok = false;
    }
    const outputs: Compiled[] = [];
    thens.forEach((t, j) => {
      const c = outputCompiled(t, ctx.outputTypes[j], ctx, `${rp}.then${nOut > 1 ? `[${j}]` : ""}`);
      if (c) outputs.push(c);
      else ok = false;
    });
    rows.push({ index: r, id: row.id, tests, condition, outputs, explain: ctx.template(row.explain, `${rp}.explain`), cellText: cells.map((c) => String(c)) });
  });
  let otherwise: Compiled[] | undefined;
  if (decl.otherwise !== undefined) {
    const os = Array.isArray(decl.otherwise) ? decl.otherwise : [decl.otherwise];
    if (os.length !== nOut) {
      ctx.problem(`${path}.otherwise`, `otherwise 的结果个数应为 ${nOut}`, `otherwise needs ${nOut} outputs`);
      ok = false;
    } else {
      otherwise = [];
      os.forEach((o, j) => {
        const c = outputCompiled(o, ctx.outputTypes[j], ctx, `${path}.otherwise`);
        if (c) otherwise!.push(c);
        else ok = false;
      });
    }
  }
  if (!ok) return undefined;
  // Output types: declared, else what the cells give (they must agree).
  const outputs = ctx.outputNames.map((name, j) => {
    let type: VType | undefined = ctx.outputTypes[j];
    if (!type) {
      for (const r of rows) {
        const t = r.outputs[j].type;
        if (!type || type.k === "any") type = t;
        else if (t.k === "num" && type.k === "num" && type.unit === "number") type = t;
      }
    }
    return { name, type: type ?? { k: "any" } };
  });
  if (decl.hit === "sum") {
    for (const o of outputs) {
      if (o.type.k !== "num" && o.type.k !== "any") {
        ctx.problem(`${path}.hit`, `hit = sum 只能用于数值结果,列 ${o.name} 是${typeWords(o.type).zh}`, `hit = sum needs numeric outputs; column ${o.name} is ${typeWords(o.type).en}`);
        return undefined;
      }
    }
  }
  return { hit: decl.hit, inputs, outputs, rows, meet, otherwise };
}

export interface TableHit {
  value: Value;
  /** The rows that decided (first/unique/highest: one; sum: every row that held). */
  rows: TableRow[];
  inputs: Value[];
}

/** TRUE, FALSE or a missing value: whether a row holds for these inputs. */
function rowHolds(row: TableRow, f: MFrame, meet: number | undefined): Value {
  const h = holds(row, f, meet);
  // The rule's missing-data policy: a condition that cannot be judged counts as not met, or is an error.
  if (isMissing(h) && !h.notApplicable) {
    if (f.policy === "notMet") return false;
    if (f.policy === "error") return new Missing("value", h.zh, h.en, h.rule);
  }
  return h;
}

/**
 * An input that is another table's "no row holds" (no grade reached) is a known answer, not missing data: a test
 * on it does not hold, so the table's `otherwise` decides ("no star → no reward").
 */
const isNoRow = (v: Value): boolean => isMissing(v) && v.reason === "noRow";

function holds(row: TableRow, f: MFrame, meet: number | undefined): Value {
  if (row.condition) {
    // The row's own condition comes first; its cells (if any) must hold too.
    const c = row.condition.run(f);
    if (isNoRow(c)) return false;
    if (c === false || isMissing(c) || row.tests.every((t) => t === undefined)) return c;
  }
  let held = 0;
  let failed = 0;
  let unknown: Missing | undefined;
  let conditions = 0;
  for (const t of row.tests) {
    if (!t) continue;
    conditions++;
    const v = t(ZERO, f);
    if (v === true) held++;
    else if (isMissing(v) && !isNoRow(v)) unknown ??= v;
    else failed++;
  }
  const need = meet === undefined ? conditions : Math.min(meet, conditions); // int: whole-number index or calendar arithmetic
  if (held >= need) return true;
  if (conditions - failed < need) return false; // int: whole-number index or calendar arithmetic
  return unknown ?? false;
}

function outputsOf(compiled: Compiled[], f: MFrame, names: string[]): Value {
  if (compiled.length === 1) return compiled[0].run(f);
  const values = compiled.map((c) => c.run(f));
  for (const v of values) if (isMissing(v)) return v;
  return new TableValue(names, [values]);
}

function rank(v: Value, type: VType, grades: readonly string[]): number | undefined {
  if (isNumber(v)) return v.toNumber();
  if (type.k === "text" && type.of === "grade" && typeof v === "string") return grades.length - grades.indexOf(v); // int: whole-number index or calendar arithmetic
  return undefined;
}

export function evaluateTable(t: CompiledTable, frame: MFrame, grades: readonly string[]): TableHit {
  const inputs = t.inputs.map((i) => i.compiled.run(frame));
  const f = frame.with({ cells: inputs });
  let meet: number | undefined;
  if (t.meet) {
    const m = t.meet.run(f);
    if (isMissing(m)) return { value: m, rows: [], inputs };
    meet = isNumber(m) ? m.toNumber() : undefined;
  }
  const names = t.outputs.map((o) => o.name);
  const none = (): Value => (t.otherwise ? outputsOf(t.otherwise, f, names) : t.hit === "sum" ? ZERO : NO_ROW);
  switch (t.hit) {
    case "first": {
      for (const row of t.rows) {
        const h = rowHolds(row, f, meet);
        if (h === true) return { value: outputsOf(row.outputs, f, names), rows: [row], inputs };
        if (isMissing(h)) return { value: h, rows: [], inputs };
      }
      return { value: none(), rows: [], inputs };
    }
    case "unique": {
      const hits: TableRow[] = [];
      for (const row of t.rows) {
        const h = rowHolds(row, f, meet);
        if (isMissing(h)) return { value: h, rows: [], inputs };
        if (h === true) hits.push(row);
      }
      if (hits.length > 1) {
        const which = hits.map((r) => r.id ?? `第 ${r.index + 1} 行`).join("、"); // int: whole-number index or calendar arithmetic
        return { value: missing("value", `决策表有 ${hits.length} 行同时成立(${which}),hit = unique 只允许一行`, `${hits.length} rows of the decision table hold (${hits.map((r) => r.id ?? `row ${r.index + 1}`).join(", ")}); hit = unique allows one`), rows: hits, inputs }; // int: whole-number index or calendar arithmetic
      }
      return { value: hits.length === 1 ? outputsOf(hits[0].outputs, f, names) : none(), rows: hits, inputs };
    }
    case "sum": {
      const hits: TableRow[] = [];
      let total = ZERO;
      for (const row of t.rows) {
        const h = rowHolds(row, f, meet);
        if (isMissing(h)) return { value: h, rows: [], inputs };
        if (h !== true) continue;
        const v = row.outputs[0].run(f);
        if (isMissing(v)) return { value: v, rows: [row], inputs };
        if (!isNumber(v)) return { value: missing("value", "hit = sum 的结果不是数值", "hit = sum: an output is not a number"), rows: [row], inputs };
        total = total.plus(v);
        hits.push(row);
      }
      return { value: hits.length === 0 && t.otherwise ? none() : total, rows: hits, inputs };
    }
    case "highest": {
      let best: { row: TableRow; value: Value; rank: number } | undefined;
      const undecided: Array<{ row: TableRow; why: Missing }> = [];
      for (const row of t.rows) {
        const h = rowHolds(row, f, meet);
        if (h === false) continue;
        const v = outputsOf(row.outputs.slice(0, 1), f, names.slice(0, 1));
        if (isMissing(v)) return { value: v, rows: [row], inputs };
        const k = rank(v, t.outputs[0].type, grades);
        if (k === undefined) return { value: missing("value", "hit = highest 的结果应为等级或数值", "hit = highest needs grades or numbers"), rows: [row], inputs };
        if (isMissing(h)) undecided.push({ row, why: h });
        else if (!best || k > best.rank) best = { row, value: row.outputs.length > 1 ? outputsOf(row.outputs, f, names) : v, rank: k };
      }
      // A row that could not be decided matters only if it would give a higher result than the best that holds.
      for (const u of undecided) {
        const k = rank(outputsOf(u.row.outputs.slice(0, 1), f, names.slice(0, 1)), t.outputs[0].type, grades)!;
        if (!best || k > best.rank) return { value: u.why, rows: [], inputs };
      }
      return best ? { value: best.value, rows: [best.row], inputs } : { value: none(), rows: [], inputs };
    }
  }
}
