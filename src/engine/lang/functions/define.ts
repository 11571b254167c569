/**
 * How a built-in function is declared: its metadata beside its body, as HyperFormula's function plugins do.
 * One shared path (compile.ts) checks arity and argument types when the rulebook loads and, at run time, hands the
 * body either evaluated arguments (strict functions: a missing argument makes the result missing before the body
 * runs) or the arguments unevaluated (lazy functions: IF evaluates one branch; windows evaluate at other periods).
 */
import type { Frame, Thunk } from "../frame";
import { ANY, BOOL, typeWords, type Unit, type VType } from "../types";
import { isMissing, type Value } from "../values";

export interface TypeProblem {
  /** Which argument (0-based) is wrong, or -1 for the call as a whole. */
  arg: number;
  zh: string;
  en: string;
}

export interface CallInfo {
  /** The argument nodes' literal values as text, where an argument is a literal (criteria, unit words, columns). */
  literals: ReadonlyArray<string | undefined>;
  /** The rulebook's vocabulary, for arguments that must name one of its grades or flags. */
  vocabulary: { grades: readonly string[]; flags: readonly string[] };
}

export interface FunctionDef {
  /** Excel's name (upper case); `aliases` are other names for the same function (Chinese names). */
  name: string;
  aliases?: readonly string[];
  help: { zh: string; en: string; syntax: string };
  minArgs: number;
  maxArgs: number;
  /** The result type from the argument types (checked at load), or the problem. */
  type(args: readonly VType[], call: CallInfo): VType | TypeProblem;
  /**
   * What each argument of a strict body must be when it runs (the last kind repeats for the rest): checked before
   * the body, so a value the load-time check could not pin down (a lookup's result, a tool's input) gives #VALUE!,
   * never a crash.
   */
  args?: readonly ArgKind[];
  /** Strict body: evaluated arguments, none missing unless `takesMissing`. Omitted arguments are undefined. */
  strict?(args: ReadonlyArray<Value | undefined>, frame: Frame): Value;
  takesMissing?: boolean;
  /** Lazy body: the arguments unevaluated. */
  lazy?(args: ReadonlyArray<Thunk | undefined>, frame: Frame): Value;
  /** Reads what the frame holds besides its period (a status's fired triggers): its value is not the period's alone. */
  readsLocals?: boolean;
}

export type ArgKind = "num" | "date" | "text" | "bool" | "table" | "any";

export const problemAt = (arg: number, zh: string, en: string): TypeProblem => ({ arg, zh, en });
export const isTypeProblem = (x: VType | TypeProblem): x is TypeProblem => "arg" in x;

/** A number argument (of any unit); returns its unit. */
export function needNumber(t: VType, arg: number, fn: string): Unit | TypeProblem {
  if (t.k === "num") return t.unit;
  if (t.k === "any") return "number";
  const w = typeWords(t);
  return problemAt(arg, `${fn} 的第 ${arg + 1} 个参数应为数值,却是${w.zh}`, `argument ${arg + 1} of ${fn} must be a number, not ${w.en}`); // int: whole-number index or calendar arithmetic
}

export function needBool(t: VType, arg: number, fn: string): TypeProblem | undefined {
  if (t.k === "bool" || t.k === "any") return undefined;
  const w = typeWords(t);
  return problemAt(arg, `${fn} 的第 ${arg + 1} 个参数应为条件(TRUE/FALSE),却是${w.zh}`, `argument ${arg + 1} of ${fn} must be a condition (TRUE/FALSE), not ${w.en}`); // int: whole-number index or calendar arithmetic
}

export function needText(t: VType, arg: number, fn: string): TypeProblem | undefined {
  if (t.k === "text" || t.k === "any") return undefined;
  const w = typeWords(t);
  return problemAt(arg, `${fn} 的第 ${arg + 1} 个参数应为文本,却是${w.zh}`, `argument ${arg + 1} of ${fn} must be text, not ${w.en}`); // int: whole-number index or calendar arithmetic
}

export function needDate(t: VType, arg: number, fn: string): TypeProblem | undefined {
  if (t.k === "date" || t.k === "any") return undefined;
  const w = typeWords(t);
  return problemAt(arg, `${fn} 的第 ${arg + 1} 个参数应为日期,却是${w.zh}`, `argument ${arg + 1} of ${fn} must be a date, not ${w.en}`); // int: whole-number index or calendar arithmetic
}

export function needTable(t: VType, arg: number, fn: string): TypeProblem | undefined {
  if (t.k === "table" || t.k === "any") return undefined;
  const w = typeWords(t);
  return problemAt(arg, `${fn} 的第 ${arg + 1} 个参数应为表或列表,却是${w.zh}`, `argument ${arg + 1} of ${fn} must be a table or list, not ${w.en}`); // int: whole-number index or calendar arithmetic
}

/** The common type of two branches (IF, IFNA, MIN): the same kind, with units that agree. */
export function join(a: VType, b: VType): VType | undefined {
  if (a.k === "any") return b;
  if (b.k === "any") return a;
  if (a.k !== b.k) return undefined;
  if (a.k === "num" && b.k === "num") {
    if (a.unit === b.unit) return a;
    if (a.unit === "number") return b;
    if (b.unit === "number") return a;
    return undefined;
  }
  if (a.k === "text" && b.k === "text") return a.of === b.of ? a : { k: "text" };
  return a;
}

export { ANY, BOOL };

/** The first missing value among evaluated arguments, if any. */
export function firstMissing(values: ReadonlyArray<Value | undefined>): Value | undefined {
  for (const v of values) if (v !== undefined && isMissing(v)) return v;
  return undefined;
}
