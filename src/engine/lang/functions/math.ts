/**
 * Arithmetic with Excel's names and argument orders, in exact decimals: SUM, MIN, MAX, AVERAGE, ABS, ROUND,
 * ROUNDUP, ROUNDDOWN, TRUNC, INT, MOD, FLOOR, CEILING, MROUND, SIGN, POWER, SUMPRODUCT.
 * ROUND is 四舍五入 (half away from zero, as Excel's ROUND); ROUNDDOWN and TRUNC cut toward zero; INT and FLOOR go
 * down; FLOOR/CEILING/MROUND round to a multiple of a step ("每满 0.1%" is FLOOR(x, 0.1%)).
 * Sums and extremes skip a figure that does not apply (as Excel's SUM skips a blank cell) but not one that is
 * missing: a total that needs a missing part is missing, never a smaller total.
 */
import { Dec, max2, min2, wholeNumber, ZERO } from "../../decimal";

type Rounding = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
import { isMissing, isNumber, isTable, missing, type Value } from "../values";
import { num, sameUnit, productUnit, type Unit, type VType } from "../types";
import { isTypeProblem, needNumber, problemAt, type FunctionDef, type TypeProblem } from "./define";

/** Numbers of the arguments, tables flattened; the first missing one, or text where a number was needed. */
export function numbers(args: ReadonlyArray<Value | undefined>, fn: string): Dec[] | Value {
  const out: Dec[] = [];
  for (const a of args) {
    if (a === undefined) continue;
    if (isNumber(a)) {
      out.push(a);
      continue;
    }
    const cells = isTable(a) ? a.cells() : [a];
    for (const c of cells) {
      if (isNumber(c)) out.push(c);
      else if (isMissing(c)) {
        if (!c.notApplicable) return c;
      } else if (!isTable(a)) return missing("value", `${fn} 的参数不是数值:${String(c)}`, `${fn}: not a number: ${String(c)}`);
    }
  }
  return out;
}

/** Numbers of one unit: every argument (a number or a table column of numbers) agreeing. */
function sameUnits(args: readonly VType[], fn: string): VType | TypeProblem {
  let unit: Unit = "number";
  for (let i = 0; i < args.length; i++) {
    const t = args[i];
    if (t.k === "table") {
      const col = t.columns?.find((c) => c.type.k === "num");
      if (col && col.type.k === "num") {
        const u = sameUnit(unit, col.type.unit);
        if (!u) return problemAt(i, `${fn} 的参数单位不一致`, `the arguments of ${fn} are in different units`);
        unit = u;
      }
      continue;
    }
    const u0 = needNumber(t, i, fn);
    if (typeof u0 !== "string") return u0;
    const u = sameUnit(unit, u0);
    if (!u) return problemAt(i, `${fn} 的参数单位不一致(如金额与比率)`, `the arguments of ${fn} are in different units (money and a rate?)`);
    unit = u;
  }
  return num(unit);
}

const firstUnit = (fn: string) => (args: readonly VType[]): VType | TypeProblem => {
  const u = needNumber(args[0], 0, fn);
  if (typeof u !== "string") return u;
  for (let i = 1; i < args.length; i++) {
    const p = needNumber(args[i], i, fn);
    if (typeof p !== "string") return p;
  }
  return num(u);
};

/** ROUND(x, n) style: n whole, possibly negative (ROUND(x, -2) to hundreds). */
export function places(v: Value | undefined, fn: string): number | Value {
  const n = v === undefined ? ZERO : (v as Dec);
  // A count of digits, not an amount: a whole number in a small range, compared as a plain number.
  const k = n.isInteger() ? wholeNumber(n) : Number.NaN; // int: digit count
  if (!(k >= -30 && k <= 30)) return missing("value", `${fn} 的位数应为 -30 到 30 的整数:${n.toString()}`, `${fn}: digits must be a whole number from -30 to 30: ${n.toString()}`);
  return k;
}

function rounder(fn: string, mode: number) {
  return (args: ReadonlyArray<Value | undefined>): Value => {
    const x = args[0] as Dec;
    const n = places(args[1], fn);
    if (typeof n !== "number") return n;
    if (n >= 0) return x.toDecimalPlaces(n, mode as Rounding);
    const f = new Dec(10).pow(-n); // int: whole-number index or calendar arithmetic
    return x.div(f).toDecimalPlaces(0, mode as Rounding).times(f);
  };
}

/** x rounded to a multiple of step with the given mode; step 0 gives 0 (as Excel's FLOOR.MATH). */
function toStep(x: Dec, step: Dec, mode: Rounding): Dec {
  if (step.isZero()) return ZERO;
  return x.div(step.abs()).toDecimalPlaces(0, mode).times(step.abs());
}

const stepFn = (name: string, mode: Rounding, zh: string, en: string, aliases?: string[]): FunctionDef => ({
  name,
  aliases,
  help: { zh, en, syntax: `${name}(数值, 步长)` },
  minArgs: 2,
  maxArgs: 2,
  args: ["num"],
  type: firstUnit(name),
  strict: (args) => toStep(args[0] as Dec, args[1] as Dec, mode),
});

export const MATH: FunctionDef[] = [
  {
    name: "SUM",
    aliases: ["求和"],
    help: { zh: "求和;不适用的项跳过,缺数据的项使合计不可用", en: "the sum; parts that do not apply are skipped, a missing part makes the sum unavailable", syntax: "SUM(数值1, 数值2, …)" },
    minArgs: 1,
    maxArgs: 255,
    type: (args) => sameUnits(args, "SUM"),
    takesMissing: true,
    strict(args) {
      const ns = numbers(args, "SUM");
      if (!Array.isArray(ns)) return ns;
      let s = ZERO;
      for (const n of ns) s = s.plus(n);
      return s;
    },
  },
  {
    name: "MIN",
    aliases: ["最小值"],
    help: { zh: "最小值", en: "the smallest", syntax: "MIN(数值1, 数值2, …)" },
    minArgs: 1,
    maxArgs: 255,
    type: (args) => sameUnits(args, "MIN"),
    takesMissing: true,
    strict(args) {
      const ns = numbers(args, "MIN");
      if (!Array.isArray(ns)) return ns;
      if (ns.length === 0) return missing("na", "MIN 没有可比较的数值", "MIN has no numbers");
      return ns.reduce((a, b) => min2(a, b));
    },
  },
  {
    name: "MAX",
    aliases: ["最大值"],
    help: { zh: "最大值", en: "the largest", syntax: "MAX(数值1, 数值2, …)" },
    minArgs: 1,
    maxArgs: 255,
    type: (args) => sameUnits(args, "MAX"),
    takesMissing: true,
    strict(args) {
      const ns = numbers(args, "MAX");
      if (!Array.isArray(ns)) return ns;
      if (ns.length === 0) return missing("na", "MAX 没有可比较的数值", "MAX has no numbers");
      return ns.reduce((a, b) => max2(a, b));
    },
  },
  {
    name: "AVERAGE",
    aliases: ["平均值"],
    help: { zh: "算术平均", en: "the arithmetic mean", syntax: "AVERAGE(数值1, 数值2, …)" },
    minArgs: 1,
    maxArgs: 255,
    type: (args) => sameUnits(args, "AVERAGE"),
    takesMissing: true,
    strict(args) {
      const ns = numbers(args, "AVERAGE");
      if (!Array.isArray(ns)) return ns;
      if (ns.length === 0) return missing("na", "AVERAGE 没有数值", "AVERAGE has no numbers");
      let s = ZERO;
      for (const n of ns) s = s.plus(n);
      return s.div(ns.length);
    },
  },
  {
    name: "ABS",
    aliases: ["绝对值"],
    help: { zh: "绝对值", en: "the absolute value", syntax: "ABS(数值)" },
    minArgs: 1,
    maxArgs: 1,
    args: ["num"],
    type: firstUnit("ABS"),
    strict: (args) => (args[0] as Dec).abs(),
  },
  {
    name: "SIGN",
    help: { zh: "正数为 1,零为 0,负数为 -1", en: "1, 0 or -1 by sign", syntax: "SIGN(数值)" },
    minArgs: 1,
    maxArgs: 1,
    args: ["num"],
    type: (args) => {
      const u = needNumber(args[0], 0, "SIGN");
      return typeof u === "string" ? num("number") : u;
    },
    strict: (args) => new Dec((args[0] as Dec).cmp(0)),
  },
  {
    name: "ROUND",
    aliases: ["四舍五入"],
    help: { zh: "四舍五入到 n 位小数(n 可为负)", en: "rounded half away from zero to n decimals (n may be negative)", syntax: "ROUND(数值, 位数)" },
    minArgs: 1,
    maxArgs: 2,
    args: ["num"],
    type: firstUnit("ROUND"),
    strict: rounder("ROUND", Dec.ROUND_HALF_UP),
  },
  {
    name: "ROUNDUP",
    aliases: ["向上舍入"],
    help: { zh: "远离零舍入到 n 位小数", en: "rounded away from zero to n decimals", syntax: "ROUNDUP(数值, 位数)" },
    minArgs: 1,
    maxArgs: 2,
    args: ["num"],
    type: firstUnit("ROUNDUP"),
    strict: rounder("ROUNDUP", Dec.ROUND_UP),
  },
  {
    name: "ROUNDDOWN",
    aliases: ["向下舍入"],
    help: { zh: "向零舍去到 n 位小数", en: "rounded toward zero to n decimals", syntax: "ROUNDDOWN(数值, 位数)" },
    minArgs: 1,
    maxArgs: 2,
    args: ["num"],
    type: firstUnit("ROUNDDOWN"),
    strict: rounder("ROUNDDOWN", Dec.ROUND_DOWN),
  },
  {
    name: "TRUNC",
    aliases: ["截尾取整"],
    help: { zh: "截去小数(向零)", en: "cut toward zero", syntax: "TRUNC(数值, [位数])" },
    minArgs: 1,
    maxArgs: 2,
    args: ["num"],
    type: firstUnit("TRUNC"),
    strict: rounder("TRUNC", Dec.ROUND_DOWN),
  },
  {
    name: "INT",
    aliases: ["取整"],
    help: { zh: "向下取整(向负无穷)", en: "rounded down to a whole number (toward minus infinity)", syntax: "INT(数值)" },
    minArgs: 1,
    maxArgs: 1,
    args: ["num"],
    type: firstUnit("INT"),
    strict: (args) => (args[0] as Dec).toDecimalPlaces(0, Dec.ROUND_FLOOR),
  },
  {
    name: "MOD",
    aliases: ["余数"],
    help: { zh: "余数(符号同除数,与 Excel 相同)", en: "the remainder (sign of the divisor, as Excel's MOD)", syntax: "MOD(数值, 除数)" },
    minArgs: 2,
    maxArgs: 2,
    args: ["num"],
    type: firstUnit("MOD"),
    strict(args) {
      const [x, d] = args as Dec[];
      if (d.isZero()) return missing("value", "MOD 的除数为 0", "MOD: division by zero");
      return x.minus(d.times(x.div(d).toDecimalPlaces(0, Dec.ROUND_FLOOR)));
    },
  },
  stepFn("FLOOR", Dec.ROUND_FLOOR, "向下舍入到步长的整数倍", "rounded down to a multiple of the step", ["按步长向下"]),
  stepFn("CEILING", Dec.ROUND_CEIL, "向上舍入到步长的整数倍", "rounded up to a multiple of the step", ["按步长向上"]),
  stepFn("MROUND", Dec.ROUND_HALF_UP, "四舍五入到步长的整数倍", "rounded half up to a multiple of the step"),
  {
    name: "POWER",
    help: { zh: "乘方(指数为整数)", en: "a power (whole exponent)", syntax: "POWER(底数, 指数)" },
    minArgs: 2,
    maxArgs: 2,
    args: ["num"],
    type: firstUnit("POWER"),
    strict(args) {
      const [x, n] = args as Dec[];
      if (!n.isInteger() || n.abs().gt(1000)) return missing("value", "POWER 的指数应为 -1000 到 1000 的整数", "POWER: the exponent must be a whole number from -1000 to 1000");
      if (x.isZero() && n.isNeg()) return missing("value", "POWER:0 的负数次方", "POWER: zero to a negative power");
      return x.pow(n);
    },
  },
  {
    name: "SUMPRODUCT",
    aliases: ["乘积和"],
    help: { zh: "两列对应相乘再求和(如日均 × 天数之和)", en: "the sum of pairwise products (e.g. daily average × days)", syntax: "SUMPRODUCT(列1, 列2)" },
    minArgs: 2,
    maxArgs: 2,
    type(args): VType | TypeProblem {
      const units: Unit[] = [];
      for (let i = 0; i < 2; i++) {
        const t = args[i];
        if (t.k === "table") {
          const c = t.columns?.[0]?.type;
          units.push(c && c.k === "num" ? c.unit : "number");
        } else {
          const u = needNumber(t, i, "SUMPRODUCT");
          if (typeof u !== "string") return u;
          units.push(u);
        }
      }
      const u = productUnit(units[0], units[1]);
      return u ? num(u) : problemAt(1, "SUMPRODUCT 的两列单位不能相乘", "the two columns of SUMPRODUCT cannot be multiplied");
    },
    takesMissing: true,
    strict(args) {
      const a = numbers([args[0]], "SUMPRODUCT");
      const b = numbers([args[1]], "SUMPRODUCT");
      if (!Array.isArray(a)) return a;
      if (!Array.isArray(b)) return b;
      if (a.length !== b.length) return missing("value", `SUMPRODUCT 的两列长度不同(${a.length} 与 ${b.length})`, `SUMPRODUCT: columns of different lengths (${a.length} and ${b.length})`);
      let s = ZERO;
      for (let i = 0; i < a.length; i++) s = s.plus(a[i].times(b[i]));
      return s;
    },
  },
];

export { isTypeProblem };
