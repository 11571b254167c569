/**
 * Lists and numbers as text, with Excel's names: MAXIFS and MINIFS (the largest / smallest of the rows meeting
 * every criterion), UNIQUE (a list's distinct values, first appearance first), FIXED (a number as text with a given
 * count of decimals, as Excel's FIXED), and ROUNDHALFEVEN (四舍六入五成双, the banker's rounding a scheme may choose
 * instead of ROUND's half away from zero).
 */
import { Dec } from "../../decimal";
import { groupThousands } from "../../format";
import { isMissing, isTable, missing, TableValue, type Value } from "../values";
import { ANY, TEXT, num, type VType } from "../types";
import { needNumber, needTable, problemAt, type FunctionDef } from "./define";
import { listOf, rowsHolding } from "./lookup";
import { numbers, places } from "./math";
import { same } from "./logic";

function extremeIfs(name: "MAXIFS" | "MINIFS", zh: string, en: string): FunctionDef {
  return {
    name,
    help: { zh, en, syntax: `${name}(${name === "MAXIFS" ? "求最大区域" : "求最小区域"}, 区域1, 条件1, …)` },
    minArgs: 3,
    maxArgs: 255,
    type(args) {
      if (args.length % 2 === 0) return problemAt(-1, `${name} 的参数应为求值区域加成对的(区域, 条件)`, `${name} takes a range and pairs of (range, criterion)`); // int: whole-number index or calendar arithmetic
      const t = args[0];
      const col = t.k === "table" ? t.columns?.[0]?.type : t;
      return col && col.k === "num" ? col : num("number");
    },
    strict(args) {
      const mask = rowsHolding(args, 1, name);
      if (!Array.isArray(mask)) return mask;
      const values = listOf(args[0]);
      if (values.length !== mask.length) return missing("value", `${name} 的各区域行数不同`, `${name}: ranges of different lengths`);
      const ns = numbers(values.filter((_, i) => mask[i]), name);
      if (!Array.isArray(ns)) return ns;
      // As in Excel: no row meeting the criteria gives 0.
      if (ns.length === 0) return new Dec(0);
      return ns.reduce((a, b) => (name === "MAXIFS" ? (b.gt(a) ? b : a) : b.lt(a) ? b : a));
    },
  };
}

export const LISTS: FunctionDef[] = [
  extremeIfs("MAXIFS", "同时满足各条件的行中的最大值(没有这样的行为 0,同 Excel)", "the largest value of the rows meeting every criterion (0 when none does, as in Excel)"),
  extremeIfs("MINIFS", "同时满足各条件的行中的最小值(没有这样的行为 0,同 Excel)", "the smallest value of the rows meeting every criterion (0 when none does, as in Excel)"),
  {
    name: "UNIQUE",
    aliases: ["去重"],
    help: { zh: "一列中各不相同的值,按首次出现的顺序(列名不变)", en: "the distinct values of a column, in order of first appearance (the column keeps its name)", syntax: "UNIQUE(列)" },
    minArgs: 1,
    maxArgs: 1,
    args: ["table"],
    type(args) {
      const p = needTable(args[0], 0, "UNIQUE");
      if (p) return p;
      const t = args[0];
      const col = t.k === "table" && t.columns?.length === 1 ? t.columns[0] : { name: "value", type: ANY };
      return { k: "table", columns: [col] };
    },
    strict(args) {
      const t = args[0]!;
      if (!isTable(t) || t.columns.length !== 1) return missing("value", "UNIQUE 只接受一列", "UNIQUE takes one column");
      const kept: Value[] = [];
      for (const v of t.column(0)) {
        if (isMissing(v)) return v;
        if (!kept.some((k) => same(k, v))) kept.push(v);
      }
      return new TableValue(t.columns, kept.map((v) => [v]));
    },
  },
  {
    name: "VSTACK",
    aliases: ["纵向合并"],
    help: { zh: "把几张表(或列表)上下接成一张;列名取第一张表的", en: "stacks tables (or lists) one under another; the columns are named as the first's", syntax: "VSTACK(表1, 表2, …)" },
    minArgs: 1,
    maxArgs: 255,
    args: ["table"],
    type(args) {
      for (let i = 0; i < args.length; i++) {
        const p = needTable(args[i], i, "VSTACK");
        if (p) return p;
      }
      const first = args[0];
      return first.k === "table" && first.columns ? { k: "table", columns: first.columns } : { k: "table" };
    },
    strict(args) {
      const tables = args.filter((a): a is Value => a !== undefined);
      const first = tables[0];
      if (!isTable(first)) return missing("value", "VSTACK 的参数应为表", "VSTACK takes tables");
      const rows: Value[][] = [];
      for (const t of tables) {
        if (!isTable(t) || t.columns.length !== first.columns.length) return missing("value", "VSTACK 的各表列数不同", "VSTACK: the tables have different numbers of columns");
        for (const r of t.rows) rows.push([...r]);
      }
      return new TableValue(first.columns, rows);
    },
  },
  {
    name: "FIXED",
    aliases: ["定点"],
    help: {
      zh: "把数值四舍五入到 n 位小数(默认 2)写成文本;第三个参数为 TRUE 时不加千位分隔符。0 不写成 -0.00",
      en: "a number rounded half up to n decimals (2 by default) as text; TRUE as the third argument leaves out thousands separators. Zero is never written -0.00",
      syntax: "FIXED(数值, [位数], [不分隔])",
    },
    minArgs: 1,
    maxArgs: 3,
    args: ["num", "num", "bool"],
    type(args: readonly VType[]) {
      for (const i of [0, 1]) {
        if (args[i] === undefined) continue;
        const u = needNumber(args[i], i, "FIXED");
        if (typeof u !== "string") return u;
      }
      return TEXT;
    },
    strict(args) {
      const x = args[0] as Dec;
      const n = places(args[1] ?? new Dec(2), "FIXED");
      if (typeof n !== "number") return n;
      if (n < 0 || n > 10) return missing("value", `FIXED 的位数应为 0 到 10:${n}`, `FIXED: decimals must be from 0 to 10: ${n}`);
      const r = x.toDecimalPlaces(n, Dec.ROUND_HALF_UP);
      const text = (r.isZero() ? r.abs() : r).toFixed(n);
      return args[2] === true ? text : groupThousands(text);
    },
  },
  {
    name: "ROUNDHALFEVEN",
    aliases: ["四舍六入"],
    help: { zh: "四舍六入五成双到 n 位小数:恰好一半时取偶数(0.125 → 0.12,0.135 → 0.14)", en: "rounded to n decimals with ties to the even digit (0.125 → 0.12, 0.135 → 0.14)", syntax: "ROUNDHALFEVEN(数值, 位数)" },
    minArgs: 1,
    maxArgs: 2,
    args: ["num"],
    type(args) {
      const u = needNumber(args[0], 0, "ROUNDHALFEVEN");
      if (typeof u !== "string") return u;
      if (args[1] !== undefined) {
        const p = needNumber(args[1], 1, "ROUNDHALFEVEN");
        if (typeof p !== "string") return p;
      }
      return num(u);
    },
    strict(args) {
      const x = args[0] as Dec;
      const n = places(args[1], "ROUNDHALFEVEN");
      if (typeof n !== "number") return n;
      if (n >= 0) return x.toDecimalPlaces(n, Dec.ROUND_HALF_EVEN);
      const f = new Dec(10).pow(-n); // int: whole-number index or calendar arithmetic
      return x.div(f).toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).times(f);
    },
  },
];

