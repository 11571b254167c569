/**
 * Turning a formula's tree into a function of the frame, once, when the rulebook loads — with every check that can
 * be made then: each name resolves (field, rule, setting, function parameter), each function exists and gets the
 * right number and kinds of arguments, units agree (money is never compared with a rate), text compared with a
 * grade names a grade of the rulebook. After this nothing is looked up by name and nothing can be "not found"
 * while a manager is evaluated; no formula is ever run as JavaScript.
 */
import { compare, Dec } from "../decimal";
import type { Frame, Thunk } from "./frame";
import { FUNCTIONS, type FunctionDef } from "./functions";
import { isTypeProblem, type ArgKind, type CallInfo } from "./functions/define";
import { same } from "./functions/logic";
import { show, type Node } from "./syntax";
import { ANY, BOOL, DATE, num, productUnit, quotientUnit, sameUnit, TEXT, typeWords, unitOf, type VType } from "./types";
import { DateValue, isDate, isMissing, isNumber, isTable, missing, TableValue, type Value } from "./values";

/** What a name in a formula refers to, as the rulebook compiler resolves it. */
export interface NameRef {
  type: VType;
  run: Thunk;
  /** For explanations: how the name is shown, and whether it is worth listing with its value. */
  label?: { zh: string; en: string };
  /**
   * The name's value depends only on the period and the person (a field, a rule, a setting), not on what a frame
   * holds besides (a ledger's month, a list's row, a function's argument): an expression made only of such names
   * may be kept once per period.
   */
  periodOnly?: boolean;
}

/** A rulebook function (a named formula with parameters, like Excel's LAMBDA names). */
export interface UserFunction {
  name: string;
  params: readonly string[];
  body: Node;
}

export interface Scope {
  /** `inWindow`: the name is read inside a window function's argument, i.e. at other periods. */
  name(name: string, inWindow?: boolean): NameRef | undefined;
  userFunction(name: string): UserFunction | undefined;
  vocabulary: { grades: readonly string[]; flags: readonly string[]; roles: readonly string[] };
  /** Names near a misspelt one, for the message. */
  suggest(name: string): string[];
  /** A new slot for a part kept once per period (numbered densely per rulebook); none: nothing is kept. */
  slot?(): number;
}

export interface CompileProblem {
  at: number;
  zh: string;
  en: string;
}

/** A part of a formula listed with its value when the formula is explained: a name, or a window over periods. */
export interface Part {
  text: string;
  type: VType;
  run: Thunk;
  label?: { zh: string; en: string };
}

export interface Compiled {
  type: VType;
  run: Thunk;
  node: Node;
  parts: Part[];
}

/** Functions whose argument is evaluated at other periods: its names are not listed at this period. */
const WINDOW_FUNCTIONS = new Set(["PREV", "LASTYEAR", "YTDSUM", "YTDAVERAGE", "YTDCOUNT", "ROLLSUM", "ROLLAVERAGE", "ROLLCOUNT", "CONSECUTIVE"]);

/** How deep rulebook functions may call one another (a function calling itself is refused long before). */
const MAX_INLINE_DEPTH = 20;

class Failure extends Error {
  constructor(readonly problem: CompileProblem) {
    super(problem.en);
  }
}

const fail = (at: number, zh: string, en: string): never => {
  throw new Failure({ at, zh, en });
};

function divZero(): Value {
  return missing("value", "除数为 0", "division by zero");
}

function notNumber(v: Value, op: string): Value {
  return missing("value", `“${String(v)}”不是数值,不能进行 ${op} 运算`, `"${String(v)}" is not a number and cannot take ${op}`);
}

/** Order of two values for < > <= >=: numbers, dates, text (grades by rank, handled by the caller). */
function order(a: Value, b: Value): number | undefined {
  if (isNumber(a) && isNumber(b)) return compare(a, b);
  if (isDate(a) && isDate(b)) return a.day - b.day; // int: whole-number index or calendar arithmetic
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

/** Runs that give the same value whatever the frame: literals, and operators on them. */
const CONSTANT = new WeakSet<Thunk>();
/** A frame no constant reads: evaluating a constant needs none. */
const NO_FRAME = undefined as unknown as Frame;

function constant(type: VType, v: Value): { type: VType; run: Thunk } {
  const run: Thunk = () => v;
  CONSTANT.add(run);
  return { type, run };
}

function constantOf(c: { type: VType; run: Thunk }): { type: VType; run: Thunk } {
  return constant(c.type, c.run(NO_FRAME));
}

class Compiler {
  private readonly parts: Part[] = [];
  private readonly seenParts = new Set<string>();
  private windowDepth = 0;
  private inlineDepth = 0;
  /** Set when the expression being compiled reads something besides the period's values (see NameRef.periodOnly). */
  private local = false;

  constructor(private scope: Scope) {}

  compile(node: Node): { type: VType; run: Thunk } {
    const c = this.compileNode(node);
    // An operator on constants (90%, -1, 3 * 2万) is worked out once, here, not at every evaluation.
    if ((node.t === "percent" || node.t === "neg") && CONSTANT.has(this.lastOperands[0])) return constantOf(c);
    if (node.t === "bin" && this.lastOperands.length === 2 && this.lastOperands.every((r) => CONSTANT.has(r))) return constantOf(c);
    return c;
  }

  /** The runs of the operands of the operator compiled last (for constant folding). */
  private lastOperands: Thunk[] = [];

  private compileNode(node: Node): { type: VType; run: Thunk } {
    switch (node.t) {
      case "num": {
        const v = node.value;
        // 800万 and 1.2亿 are amounts of money in every scheme we know (800万元); a bare number takes the unit it meets.
        return constant(num(/[万亿元]$/.test(node.text) ? "money" : "number"), v);
      }
      case "str":
        return constant(TEXT, node.value);
      case "bool":
        return constant(BOOL, node.value);
      case "name":
        return this.name(node);
      case "neg": {
        const a = this.compile(node.arg);
        this.lastOperands = [a.run];
        if (a.type.k !== "num" && a.type.k !== "any") fail(node.at, `负号只能用于数值,不能用于${typeWords(a.type).zh}`, `minus applies to numbers, not ${typeWords(a.type).en}`);
        const run = a.run;
        return { type: a.type, run: (f) => { const v = run(f); return isNumber(v) ? v.neg() : isMissing(v) ? v : notNumber(v, "-"); } };
      }
      case "percent": {
        const a = this.compile(node.arg);
        this.lastOperands = [a.run];
        if (a.type.k !== "num" && a.type.k !== "any") fail(node.at, `% 只能用于数值`, `% applies to numbers`);
        const run = a.run;
        const unit = a.type.k === "num" && a.type.unit !== "number" ? a.type.unit : "rate";
        return { type: num(unit), run: (f) => { const v = run(f); return isNumber(v) ? v.div(100) : isMissing(v) ? v : notNumber(v, "%"); } };
      }
      case "bin":
        return this.binary(node);
      case "call":
        return this.call(node);
    }
  }

  private addPart(text: string, type: VType, run: Thunk, label?: { zh: string; en: string }): void {
    if (this.windowDepth > 0 || this.seenParts.has(text)) return;
    this.seenParts.add(text);
    this.parts.push({ text, type, run, label });
  }

  private name(node: Extract<Node, { t: "name" }>): { type: VType; run: Thunk } {
    const ref = this.scope.name(node.name, this.windowDepth > 0);
    if (!ref) {
      const near = this.scope.suggest(node.name);
      const hint = near.length > 0 ? { zh: `(是否指 ${near.join("、")}?)`, en: ` (did you mean ${near.join(", ")}?)` } : { zh: "", en: "" };
      return fail(node.at, `未定义的名称“${node.name}”:不是本规则集的字段、规则、设置或函数参数${hint.zh}`, `unknown name "${node.name}": not a field, rule, setting or parameter of this rulebook${hint.en}`);
    }
    if (ref.label) this.addPart(node.name, ref.type, ref.run, ref.label);
    if (ref.periodOnly !== true) this.local = true;
    return ref;
  }

  /**
   * Compiles a part, and whether it reads only the period's values; the flag of the whole expression stays set if
   * the part (or anything before it) reads more.
   */
  private periodOnlyPart(compileIt: () => { type: VType; run: Thunk }): { part: { type: VType; run: Thunk }; periodOnly: boolean } {
    const outer = this.local;
    this.local = false;
    try {
      const part = compileIt();
      return { part, periodOnly: !this.local };
    } finally {
      this.local = this.local || outer;
    }
  }

  /** A part's value kept by the host once per period, when it reads nothing but the period's values. */
  private remembered(c: { part: { type: VType; run: Thunk }; periodOnly: boolean }): { type: VType; run: Thunk } {
    if (!c.periodOnly || !this.scope.slot) return c.part;
    const slot = this.scope.slot();
    const compute = c.part.run;
    return { type: c.part.type, run: (f) => (f.host.remember ? f.host.remember(slot, f, compute) : compute(f)) };
  }

  private binary(node: Extract<Node, { t: "bin" }>): { type: VType; run: Thunk } {
    const l = this.compile(node.left);
    const r = this.compile(node.right);
    this.lastOperands = [l.run, r.run];
    if (node.op !== "&" && (isColumn(l.type) || isColumn(r.type))) return this.elementwise(node, l, r);
    return this.scalar(node, l, r);
  }

  /**
   * An operator on a column (a list's column, as Excel's array formulas): applied row by row, the other side being
   * a column of the same length or one value; the result is a column. A row that cannot be computed (a plan of 0
   * dividing) keeps its error in its own cell, as Excel does: COUNTIF and COUNTIFS count it as not matching.
   */
  private elementwise(node: Extract<Node, { t: "bin" }>, l: { type: VType; run: Thunk }, r: { type: VType; run: Thunk }): { type: VType; run: Thunk } {
    const cellType = (t: VType): VType => {
      if (t.k !== "table") return t;
      if (!t.columns || t.columns.length !== 1) return fail(node.at, `${node.op} 只能逐行用于一列,不能用于整张表(${t.columns?.length ?? "?"} 列)`, `${node.op} applies row by row to one column, not to a whole table (${t.columns?.length ?? "?"} columns)`);
      return t.columns[0].type;
    };
    let a: Value = false;
    let b: Value = false;
    const cell = this.scalar(node, { type: cellType(l.type), run: () => a }, { type: cellType(r.type), run: () => b });
    const L = l.run;
    const R = r.run;
    const op = cell.run;
    const cellsOf = (v: Value): Value[] | undefined => (isTable(v) ? v.rows.map((row) => row[0]) : undefined);
    return {
      type: { k: "table", columns: [{ name: "value", type: cell.type }] },
      run: (f) => {
        const x = L(f);
        if (isMissing(x)) return x;
        const y = R(f);
        if (isMissing(y)) return y;
        const xs = cellsOf(x);
        const ys = cellsOf(y);
        const n = xs?.length ?? ys?.length ?? 0;
        if (xs && ys && xs.length !== ys.length) return missing("value", `${node.op} 两边的列长度不同(${xs.length} 与 ${ys.length})`, `${node.op}: columns of different lengths (${xs.length} and ${ys.length})`);
        const rows: Value[][] = [];
        for (let i = 0; i < n; i++) { // int: row index
          a = xs ? xs[i] : x;
          b = ys ? ys[i] : y;
          rows.push([op(f)]);
        }
        return new TableValue(["value"], rows);
      },
    };
  }

  private scalar(node: Extract<Node, { t: "bin" }>, l: { type: VType; run: Thunk }, r: { type: VType; run: Thunk }): { type: VType; run: Thunk } {
    const L = l.run;
    const R = r.run;
    const op = node.op;
    const at = node.at;
    const lt = l.type;
    const rt = r.type;
    const words = (t: VType) => typeWords(t);
    switch (op) {
      case "&":
        if (lt.k === "table" || rt.k === "table") {
          return fail(at, `& 不能连接整列或整张表(${words(lt.k === "table" ? lt : rt).zh});请逐行拼接后用 TEXTJOIN 合并`, `& cannot join a whole column or table (${words(lt.k === "table" ? lt : rt).en}); join each row, then combine with TEXTJOIN`);
        }
        return { type: TEXT, run: (f) => { const a = L(f); if (isMissing(a)) return a; const b = R(f); if (isMissing(b)) return b; return text(a) + text(b); } };
      case "+":
      case "-": {
        let type: VType;
        if (lt.k === "date" && (rt.k === "num" || rt.k === "any")) type = DATE;
        else if (op === "+" && rt.k === "date" && (lt.k === "num" || lt.k === "any")) type = DATE;
        else if (op === "-" && lt.k === "date" && rt.k === "date") type = num("days");
        else if ((lt.k === "num" || lt.k === "any") && (rt.k === "num" || rt.k === "any")) {
          const u = sameUnit(unitOf(lt), unitOf(rt));
          if (!u) fail(at, `${op === "+" ? "加" : "减"}法两边单位不一致:${words(lt).zh}与${words(rt).zh}`, `cannot ${op === "+" ? "add" : "subtract"} ${words(rt).en} ${op === "+" ? "to" : "from"} ${words(lt).en}`);
          type = lt.k === "any" || rt.k === "any" ? ANY : num(u!);
        } else return fail(at, `${op} 两边应为数值或日期,却是${words(lt).zh}与${words(rt).zh}`, `${op} needs numbers or dates, not ${words(lt).en} and ${words(rt).en}`);
        const plus = op === "+";
        return {
          type,
          run: (f) => {
            const a = L(f);
            if (isMissing(a)) return a;
            const b = R(f);
            if (isMissing(b)) return b;
            if (isNumber(a) && isNumber(b)) return plus ? a.plus(b) : a.minus(b);
            if (isDate(a) && isNumber(b) && b.isInteger()) return new DateValue(plus ? a.day + b.toNumber() : a.day - b.toNumber()); // int: whole-number index or calendar arithmetic
            if (plus && isNumber(a) && isDate(b) && a.isInteger()) return new DateValue(b.day + a.toNumber()); // int: whole-number index or calendar arithmetic
            if (!plus && isDate(a) && isDate(b)) return new Dec(a.day - b.day); // int: whole-number index or calendar arithmetic
            return notNumber(isNumber(a) ? b : a, op);
          },
        };
      }
      case "*":
      case "/": {
        if (!((lt.k === "num" || lt.k === "any") && (rt.k === "num" || rt.k === "any"))) {
          return fail(at, `${op === "*" ? "乘" : "除"}法两边应为数值,却是${words(lt).zh}与${words(rt).zh}`, `${op} needs numbers, not ${words(lt).en} and ${words(rt).en}`);
        }
        const u = op === "*" ? productUnit(unitOf(lt), unitOf(rt)) : quotientUnit(unitOf(lt), unitOf(rt));
        if (!u) fail(at, `${words(lt).zh}${op === "*" ? "乘以" : "除以"}${words(rt).zh}没有意义`, `${words(lt).en} ${op === "*" ? "times" : "divided by"} ${words(rt).en} has no meaning`);
        const type = lt.k === "any" || rt.k === "any" ? ANY : num(u!);
        const times = op === "*";
        return {
          type,
          run: (f) => {
            const a = L(f);
            if (isMissing(a)) return a;
            const b = R(f);
            if (isMissing(b)) return b;
            if (!isNumber(a)) return notNumber(a, op);
            if (!isNumber(b)) return notNumber(b, op);
            if (times) return a.times(b);
            return b.isZero() ? divZero() : a.div(b);
          },
        };
      }
      case "^": {
        if (!((lt.k === "num" || lt.k === "any") && (rt.k === "num" || rt.k === "any"))) fail(at, "^ 两边应为数值", "^ needs numbers");
        return {
          type: lt,
          run: (f) => {
            const a = L(f);
            if (isMissing(a)) return a;
            const b = R(f);
            if (isMissing(b)) return b;
            if (!isNumber(a) || !isNumber(b)) return notNumber(isNumber(a) ? b : a, "^");
            if (!b.isInteger() || b.abs().gt(1000)) return missing("value", "乘方的指数应为 -1000 到 1000 的整数", "the exponent must be a whole number from -1000 to 1000");
            if (a.isZero() && b.isNeg()) return divZero();
            return a.pow(b);
          },
        };
      }
      default:
        return this.comparison(node, l, r);
    }
  }

  private comparison(node: Extract<Node, { t: "bin" }>, l: { type: VType; run: Thunk }, r: { type: VType; run: Thunk }): { type: VType; run: Thunk } {
    const { op, at } = node;
    const lt = l.type;
    const rt = r.type;
    const words = (t: VType) => typeWords(t);
    const kindsAgree = lt.k === "any" || rt.k === "any" || lt.k === rt.k;
    if (!kindsAgree) fail(at, `不能比较${words(lt).zh}与${words(rt).zh}`, `cannot compare ${words(lt).en} with ${words(rt).en}`);
    if (lt.k === "num" && rt.k === "num" && !sameUnit(lt.unit, rt.unit)) {
      fail(at, `不能比较${words(lt).zh}与${words(rt).zh}(单位不同)`, `cannot compare ${words(lt).en} with ${words(rt).en} (different units)`);
    }
    // Text compared with a grade, role or status must name one of the rulebook's.
    const vocab = (t: VType) => (t.k === "text" ? t.of : undefined);
    const of = vocab(lt) ?? vocab(rt);
    const literalSide = node.left.t === "str" ? node.left.value : node.right.t === "str" ? node.right.value : undefined;
    if (of && literalSide !== undefined) {
      const known = of === "grade" ? this.scope.vocabulary.grades : of === "role" ? this.scope.vocabulary.roles : of === "flag" ? this.scope.vocabulary.flags : undefined;
      if (known && !known.includes(literalSide)) {
        const w = of === "grade" ? { zh: "等级", en: "grade" } : of === "role" ? { zh: "角色", en: "role" } : { zh: "标记", en: "flag" };
        fail(at, `“${literalSide}”不是本规则集的${w.zh}(${known.join("、")})`, `"${literalSide}" is not a ${w.en} of this rulebook (${known.join(", ")})`);
      }
    }
    const values = (t: VType) => (t.k === "text" ? t.values : undefined);
    const allowed = values(lt) ?? values(rt);
    if (allowed && literalSide !== undefined && !allowed.includes(literalSide)) {
      fail(at, `“${literalSide}”不是可能的取值(${allowed.join("、")})`, `"${literalSide}" is not one of the possible values (${allowed.join(", ")})`);
    }
    const byGrade = of === "grade" && op !== "=" && op !== "<>";
    const grades = this.scope.vocabulary.grades;
    const L = l.run;
    const R = r.run;
    const test = COMPARE[op as keyof typeof COMPARE];
    return {
      type: BOOL,
      run: (f) => {
        const a = L(f);
        if (isMissing(a)) return a;
        const b = R(f);
        if (isMissing(b)) return b;
        if (op === "=" || op === "<>") {
          const eq = typeof a === "string" && typeof b === "string" ? a.trim() === b.trim() : same(a, b);
          return op === "=" ? eq : !eq;
        }
        let k: number | undefined;
        if (byGrade) {
          const ia = grades.indexOf(String(a));
          const ib = grades.indexOf(String(b));
          if (ia < 0 || ib < 0) return missing("value", `不是本规则集的等级:${String(ia < 0 ? a : b)}`, `not a grade of this rulebook: ${String(ia < 0 ? a : b)}`);
          k = ib - ia; // int: the higher grade (smaller index) is the greater
        } else k = order(a, b);
        if (k === undefined) return missing("value", `不能比较 ${String(a)} 与 ${String(b)}`, `cannot compare ${String(a)} with ${String(b)}`);
        return test(k);
      },
    };
  }

  private call(node: Extract<Node, { t: "call" }>): { type: VType; run: Thunk } {
    const user = this.scope.userFunction(node.fn);
    if (user) return this.inline(node, user);
    const def = FUNCTIONS.get(node.fn.toUpperCase());
    if (!def) {
      return fail(node.at, `未知函数 ${node.fn}(见 docs/rulebook-language.md 的函数表)`, `unknown function ${node.fn} (see the function table in docs/rulebook-language.md)`);
    }
    const n = node.args.length;
    if (n < def.minArgs || n > def.maxArgs) {
      const range = def.minArgs === def.maxArgs ? `${def.minArgs}` : def.maxArgs > 200 ? `至少 ${def.minArgs}` : `${def.minArgs} 到 ${def.maxArgs}`;
      const rangeEn = def.minArgs === def.maxArgs ? `${def.minArgs}` : def.maxArgs > 200 ? `at least ${def.minArgs}` : `${def.minArgs} to ${def.maxArgs}`;
      fail(node.at, `${def.name} 需要 ${range} 个参数,这里有 ${n} 个(${def.help.syntax})`, `${def.name} takes ${rangeEn} arguments, not ${n} (${def.help.syntax})`);
    }
    const isWindow = WINDOW_FUNCTIONS.has(def.name);
    if (def.readsLocals) this.local = true;
    // A window over periods re-reads its argument for each period it passes: kept once per period when it can be.
    if (isWindow) {
      const c = this.periodOnlyPart(() => this.windowCall(node, def));
      return this.remembered(c);
    }
    return this.plainCall(node, def);
  }

  private windowCall(node: Extract<Node, { t: "call" }>, def: FunctionDef): { type: VType; run: Thunk } {
    this.windowDepth++;
    const args = node.args.map((a) => (a ? this.compile(a) : undefined));
    this.windowDepth--;
    return this.finishCall(node, def, args, true);
  }

  private plainCall(node: Extract<Node, { t: "call" }>, def: FunctionDef): { type: VType; run: Thunk } {
    const args = node.args.map((a) => (a ? this.compile(a) : undefined));
    return this.finishCall(node, def, args, false);
  }

  private finishCall(node: Extract<Node, { t: "call" }>, def: FunctionDef, args: Array<{ type: VType; run: Thunk } | undefined>, isWindow: boolean): { type: VType; run: Thunk } {
    const info: CallInfo = {
      literals: node.args.map((a) => (a && a.t === "str" ? a.value : a && a.t === "num" ? a.value.toString() : undefined)),
      vocabulary: this.scope.vocabulary,
    };
    const type = def.type(args.map((a) => a?.type ?? ANY), info);
    if (isTypeProblem(type)) {
      const argNode = type.arg >= 0 ? node.args[type.arg] : null;
      return fail(argNode?.at ?? node.at, type.zh, type.en);
    }
    const run = bodyOf(def, args.map((a) => a?.run));
    if (isWindow) this.addPart(show(node), type, run);
    return { type, run };
  }

  /** A rulebook function: its body compiled with each parameter standing for the argument at this call. */
  private inline(node: Extract<Node, { t: "call" }>, fn: UserFunction): { type: VType; run: Thunk } {
    if (node.args.length !== fn.params.length) {
      fail(node.at, `${fn.name} 需要 ${fn.params.length} 个参数(${fn.params.join(", ")}),这里有 ${node.args.length} 个`, `${fn.name} takes ${fn.params.length} arguments (${fn.params.join(", ")}), not ${node.args.length}`);
    }
    if (this.inlineDepth >= MAX_INLINE_DEPTH) fail(node.at, `函数 ${fn.name} 嵌套调用过深(是否调用了自身?)`, `function ${fn.name} calls functions too deeply (does it call itself?)`);
    const args = node.args.map((a, i) => (a ? this.compile(a) : fail(node.at, `${fn.name} 的第 ${i + 1} 个参数为空`, `argument ${i + 1} of ${fn.name} is empty`))); // int: whole-number index or calendar arithmetic
    const outer = this.scope;
    const inner: Scope = {
      ...outer,
      name: (n, inWindow) => {
        const i = fn.params.indexOf(n);
        return i >= 0 ? { type: args[i].type, run: args[i].run } : outer.name(n, inWindow);
      },
    };
    const saved = this.scope;
    this.scope = inner;
    this.inlineDepth++;
    try {
      // A body reading only the period's values (no argument, no ledger month or row) is kept once per period.
      if (fn.params.length > 0) return this.compile(fn.body);
      return this.remembered(this.periodOnlyPart(() => this.compile(fn.body)));
    } catch (e) {
      if (e instanceof Failure && !e.problem.zh.startsWith(`函数 ${fn.name}`)) {
        throw new Failure({ at: node.at, zh: `函数 ${fn.name} 中:${e.problem.zh}`, en: `in function ${fn.name}: ${e.problem.en}` });
      }
      throw e;
    } finally {
      this.inlineDepth--;
      this.scope = saved;
    }
  }

  result(): Part[] {
    return this.parts;
  }
}

/** A one-column table type (a list's column, or an operator's column result). */
function isColumn(t: VType): boolean {
  return t.k === "table";
}

const COMPARE = {
  "<": (k: number) => k < 0,
  "<=": (k: number) => k <= 0,
  ">": (k: number) => k > 0,
  ">=": (k: number) => k >= 0,
};

function text(v: Value): string {
  if (isNumber(v)) return v.toFixed();
  if (isDate(v)) return v.iso;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isTable(v)) return `[${v.rows.length}]`;
  return String(v);
}

const KIND_WORDS: Record<ArgKind, { zh: string; en: string }> = {
  num: { zh: "数值", en: "a number" },
  date: { zh: "日期", en: "a date" },
  text: { zh: "文本", en: "text" },
  bool: { zh: "是非值", en: "TRUE/FALSE" },
  table: { zh: "表或列表", en: "a table or list" },
  any: { zh: "任意值", en: "any value" },
};

function kindMatches(v: Value, kind: ArgKind): boolean {
  switch (kind) {
    case "num":
      return isNumber(v);
    case "date":
      return isDate(v);
    case "text":
      return typeof v === "string";
    case "bool":
      return typeof v === "boolean";
    case "table":
      return isTable(v);
    default:
      return true;
  }
}

/** The first argument of the wrong kind, as a #VALUE! naming it. */
function wrongKind(def: FunctionDef, values: ReadonlyArray<Value | undefined>): Value | undefined {
  const kinds = def.args;
  if (!kinds || kinds.length === 0) return undefined;
  for (let i = 0; i < values.length; i++) { // int: argument index
    const v = values[i];
    if (v === undefined || isMissing(v)) continue;
    const kind = kinds[Math.min(i, kinds.length - 1)]; // int: argument index
    if (!kindMatches(v, kind)) {
      return missing("value", `${def.name} 的第 ${i + 1} 个参数应为${KIND_WORDS[kind].zh},却是“${text(v)}”`, `argument ${i + 1} of ${def.name} must be ${KIND_WORDS[kind].en}, not "${text(v)}"`); // int: argument number
    }
  }
  return undefined;
}

/** A body that failed all the same (a bug, not the data): #VALUE! naming the function, never an exception. */
function failed(def: FunctionDef, e: unknown): Value {
  const why = e instanceof Error ? e.message : String(e);
  return missing("value", `${def.name} 无法计算:${why}`, `${def.name} could not be computed: ${why}`);
}

/** The run-time body of a built-in: strict functions see values (missing ones stop them), lazy ones see thunks. */
function bodyOf(def: FunctionDef, args: Array<Thunk | undefined>): Thunk {
  if (def.lazy) {
    const lazy = def.lazy;
    return (f) => {
      try {
        return lazy(args, f);
      } catch (e) {
        return failed(def, e);
      }
    };
  }
  const strict = def.strict!;
  const takesMissing = def.takesMissing === true;
  const n = args.length;
  const run = (values: Array<Value | undefined>, f: Frame): Value => {
    const wrong = wrongKind(def, values);
    if (wrong) return wrong;
    try {
      return strict(values, f);
    } catch (e) {
      return failed(def, e);
    }
  };
  if (n === 1) {
    const a0 = args[0];
    return (f: Frame) => {
      const v = a0 ? a0(f) : undefined;
      if (!takesMissing && v !== undefined && isMissing(v)) return v;
      return run([v], f);
    };
  }
  return (f: Frame) => {
    const values: Array<Value | undefined> = new Array(n);
    for (let i = 0; i < n; i++) {
      const a = args[i];
      const v = a ? a(f) : undefined;
      if (!takesMissing && v !== undefined && isMissing(v)) return v;
      values[i] = v;
    }
    return run(values, f);
  };
}

/** A formula compiled against a scope, or the first problem, with its position in the formula. */
export function compileNode(node: Node, scope: Scope): { ok: true; compiled: Compiled } | { ok: false; problem: CompileProblem } {
  const c = new Compiler(scope);
  try {
    const { type, run } = c.compile(node);
    return { ok: true, compiled: { type, run, node, parts: c.result() } };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, problem: e.problem };
    throw e;
  }
}
