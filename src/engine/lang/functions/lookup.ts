/**
 * Looking things up in tables and lists, with Excel's names and argument orders: VLOOKUP, INDEX, MATCH, COUNTIF,
 * COUNTIFS, SUMIF, SUMIFS, COUNT, ROWS, RANK, LARGE, SMALL, SEQUENCE. A setting holding tiers or per-grade amounts is a
 * table (a `map` setting is two columns, key and value), so `VLOOKUP(等级, 风险金上限, 2, FALSE)` reads it as it
 * would read a sheet. Criteria are written as in COUNTIF: ">=800万", "<>0", "senior".
 */
import { Dec, wholeNumber } from "../../decimal";
import { DateValue, isDate, isMissing, isNumber, isTable, missing, TableValue, type Value } from "../values";
import { ANY, DATE, num, type VType } from "../types";
import { needNumber, needTable, problemAt, type FunctionDef } from "./define";
import { numbers } from "./math";
import { same } from "./logic";

/** Numbers in criteria and lookups as the rulebook writes them: 800万, 30%, 1.2亿. */
export function parseLooseNumber(text: string): Dec | undefined {
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(亿元|万元|亿|万|元|%)?\s*$/.exec(text);
  if (!m) return undefined;
  const base = new Dec(m[1]);
  switch (m[2]) {
    case "亿元":
    case "亿":
      return base.times(100000000);
    case "万元":
    case "万":
      return base.times(10000);
    case "%":
      return base.div(100);
    default:
      return base;
  }
}

type Test = (v: Value) => boolean;

/** A COUNTIF criterion: an operator and a value, or a value meaning equality. */
export function criterion(c: Value): Test | undefined {
  if (isNumber(c)) return (v) => isNumber(v) && v.eq(c);
  if (typeof c === "boolean") return (v) => v === c;
  if (typeof c !== "string") return undefined;
  const m = /^\s*(<=|>=|<>|=|<|>)?\s*(.*)$/.exec(c)!;
  const op = m[1] ?? "=";
  const body = m[2];
  const n = parseLooseNumber(body);
  if (n !== undefined) {
    return (v) => {
      if (!isNumber(v)) return op === "<>";
      const k = v.cmp(n);
      return op === "=" ? k === 0 : op === "<>" ? k !== 0 : op === "<" ? k < 0 : op === "<=" ? k <= 0 : op === ">" ? k > 0 : k >= 0;
    };
  }
  if (op !== "=" && op !== "<>") return undefined;
  return op === "=" ? (v) => typeof v === "string" && v.trim() === body.trim() : (v) => !(typeof v === "string" && v.trim() === body.trim());
}

export function listOf(v: Value | undefined): readonly Value[] {
  if (v === undefined) return [];
  return isTable(v) ? v.cells() : [v];
}

function badCriterion(c: Value, fn: string): Value {
  return missing("value", `${fn} 的条件无法识别:${String(c)}(应如 ">=800万"、"<>0" 或 "senior")`, `${fn}: criterion not understood: ${String(c)} (write e.g. ">=800万", "<>0" or "senior")`);
}

/** Pairs of (range, criterion) for COUNTIFS/SUMIFS: which rows hold every criterion. */
export function rowsHolding(args: ReadonlyArray<Value | undefined>, from: number, fn: string): boolean[] | Value {
  let mask: boolean[] | undefined;
  for (let i = from; i + 1 < args.length; i += 2) { // int: whole-number index or calendar arithmetic
    const range = listOf(args[i]);
    const test = criterion(args[i + 1]!); // int: whole-number index or calendar arithmetic
    if (!test) return badCriterion(args[i + 1]!, fn); // int: whole-number index or calendar arithmetic
    if (mask && mask.length !== range.length) return missing("value", `${fn} 的各区域行数不同`, `${fn}: ranges of different lengths`);
    mask = range.map((v, k) => (mask ? mask[k] : true) && test(v));
  }
  return mask ?? [];
}

function columnType(t: VType, col: number | undefined): VType {
  if (t.k !== "table" || col === undefined || !t.columns) return ANY;
  return t.columns[col - 1]?.type ?? ANY; // int: whole-number index or calendar arithmetic
}

export const LOOKUP: FunctionDef[] = [
  {
    name: "VLOOKUP",
    aliases: ["查表"],
    help: {
      zh: "在表的第一列找值,返回同一行第 n 列;最后一个参数 FALSE 为精确查找,TRUE(默认,同 Excel)为不超过该值的最大一档",
      en: "finds the value in the table's first column and returns column n of that row; FALSE for an exact match, TRUE (the default, as in Excel) for the largest tier not above it",
      syntax: "VLOOKUP(值, 表, 列号, [近似])",
    },
    minArgs: 3,
    maxArgs: 4,
    type(args, call) {
      const p = needTable(args[1], 1, "VLOOKUP");
      if (p) return p;
      const col = call.literals[2] !== undefined ? Number(call.literals[2]) : undefined; // int: whole-number index or calendar arithmetic
      return columnType(args[1], col);
    },
    strict(args) {
      const [key, table, colV, approxV] = args;
      if (!isTable(table!)) return missing("value", "VLOOKUP 的第二个参数不是表", "VLOOKUP: the second argument is not a table");
      const col = wholeNumber(colV as Dec);
      if (!Number.isInteger(col) || col < 1 || col > table.columns.length) return missing("value", `VLOOKUP 的列号 ${String(colV)} 超出表的 ${table.columns.length} 列`, `VLOOKUP: column ${String(colV)} is outside the table's ${table.columns.length} columns`);
      const approx = approxV === undefined ? true : approxV === true || (isNumber(approxV) && !approxV.isZero());
      if (!approx || !isNumber(key!)) {
        const row = table.rows.find((r) => same(r[0], key!) || (typeof r[0] === "string" && typeof key === "string" && r[0].trim() === key.trim()));
        return row ? row[col - 1] : missing("na", `表中没有“${String(key)}”`, `"${String(key)}" is not in the table`); // int: whole-number index or calendar arithmetic
      }
      // Approximate: the row with the largest first-column number not above the key (tiers need not be sorted).
      let best: readonly Value[] | undefined;
      for (const r of table.rows) {
        const k = r[0];
        if (isNumber(k) && k.lte(key) && (!best || k.gt(best[0] as Dec))) best = r;
      }
      return best ? best[col - 1] : missing("na", `${String(key)} 低于表中最低一档`, `${String(key)} is below the table's lowest tier`); // int: whole-number index or calendar arithmetic
    },
  },
  {
    name: "INDEX",
    help: { zh: "表中第 r 行第 c 列的值", en: "the value at row r, column c of a table", syntax: "INDEX(表, 行号, [列号])" },
    minArgs: 2,
    maxArgs: 3,
    args: ["table", "num"],
    type(args, call) {
      const p = needTable(args[0], 0, "INDEX");
      if (p) return p;
      return columnType(args[0], call.literals[2] !== undefined ? Number(call.literals[2]) : 1); // int: whole-number index or calendar arithmetic
    },
    strict(args) {
      const t = args[0] as TableValue;
      const r = wholeNumber(args[1] as Dec);
      const c = args[2] === undefined ? 1 : wholeNumber(args[2] as Dec);
      const row = t.rows[r - 1]; // int: whole-number index or calendar arithmetic
      if (!Number.isInteger(r) || !row || !Number.isInteger(c) || c < 1 || c > t.columns.length) return missing("na", `INDEX 的位置(${r}, ${c})超出表的范围`, `INDEX: (${r}, ${c}) is outside the table`);
      return row[c - 1]; // int: whole-number index or calendar arithmetic
    },
  },
  {
    name: "MATCH",
    help: { zh: "值在列表中的位置(0 为精确查找)", en: "the position of a value in a list (0: exact)", syntax: "MATCH(值, 列表, [0])" },
    minArgs: 2,
    maxArgs: 3,
    args: ["any", "table", "num"],
    type: (args) => needTable(args[1], 1, "MATCH") ?? num("count"),
    strict(args) {
      const list = listOf(args[1]);
      const i = list.findIndex((v) => same(v, args[0]!));
      return i >= 0 ? new Dec(i + 1) : missing("na", `列表中没有“${String(args[0])}”`, `"${String(args[0])}" is not in the list`); // int: whole-number index or calendar arithmetic
    },
  },
  {
    name: "ROWS",
    aliases: ["行数"],
    help: { zh: "表或列表的行数", en: "the number of rows of a table or list", syntax: "ROWS(表)" },
    minArgs: 1,
    maxArgs: 1,
    args: ["table"],
    type: (args) => needTable(args[0], 0, "ROWS") ?? num("count"),
    strict: (args) => new Dec((args[0] as TableValue).rows.length),
  },
  {
    name: "COUNT",
    aliases: ["计数"],
    help: { zh: "数值的个数", en: "how many numbers", syntax: "COUNT(值1, 值2, …)" },
    minArgs: 1,
    maxArgs: 255,
    type: () => num("count"),
    takesMissing: true,
    strict: (args) => new Dec(args.flatMap((a) => listOf(a)).filter((v) => isNumber(v)).length),
  },
  {
    name: "COUNTIF",
    aliases: ["条件计数"],
    help: { zh: "满足条件的个数,条件如 \">=800万\"", en: "how many meet the criterion, e.g. \">=800万\"", syntax: "COUNTIF(区域, 条件)" },
    minArgs: 2,
    maxArgs: 2,
    type: () => num("count"),
    takesMissing: true,
    strict(args) {
      if (isMissing(args[1]!)) return args[1]!;
      const test = criterion(args[1]!);
      if (!test) return badCriterion(args[1]!, "COUNTIF");
      return new Dec(listOf(args[0]).filter(test).length);
    },
  },
  {
    name: "COUNTIFS",
    help: { zh: "同时满足各条件的行数", en: "how many rows meet every criterion", syntax: "COUNTIFS(区域1, 条件1, 区域2, 条件2, …)" },
    minArgs: 2,
    maxArgs: 254,
    type: (args) => (args.length % 2 === 0 ? num("count") : problemAt(-1, "COUNTIFS 的参数应成对(区域, 条件)", "COUNTIFS takes pairs of (range, criterion)")), // int: whole-number index or calendar arithmetic
    strict(args) {
      const mask = rowsHolding(args, 0, "COUNTIFS");
      return Array.isArray(mask) ? new Dec(mask.filter(Boolean).length) : mask;
    },
  },
  {
    name: "SUMIF",
    aliases: ["条件求和"],
    help: { zh: "满足条件的行求和", en: "the sum of the rows meeting the criterion", syntax: "SUMIF(区域, 条件, [求和区域])" },
    minArgs: 2,
    maxArgs: 3,
    type(args) {
      const t = args[2] ?? args[0];
      if (t.k === "table") return columnType(t, 1).k === "num" ? columnType(t, 1) : num("number");
      const u = needNumber(t, args[2] ? 2 : 0, "SUMIF");
      return typeof u === "string" ? num(u) : u;
    },
    strict(args) {
      const test = criterion(args[1]!);
      if (!test) return badCriterion(args[1]!, "SUMIF");
      const range = listOf(args[0]);
      const values = args[2] === undefined ? range : listOf(args[2]);
      const picked = values.filter((_, i) => test(range[i]));
      const ns = numbers(picked, "SUMIF");
      return Array.isArray(ns) ? ns.reduce((a, b) => a.plus(b), new Dec(0)) : ns;
    },
  },
  {
    name: "SUMIFS",
    help: { zh: "同时满足各条件的行求和", en: "the sum of the rows meeting every criterion", syntax: "SUMIFS(求和区域, 区域1, 条件1, …)" },
    minArgs: 3,
    maxArgs: 255,
    type(args) {
      if (args.length % 2 === 0) return problemAt(-1, "SUMIFS 的参数应为求和区域加成对的(区域, 条件)", "SUMIFS takes a sum range and pairs of (range, criterion)"); // int: whole-number index or calendar arithmetic
      const t = args[0];
      return t.k === "table" ? (columnType(t, 1).k === "num" ? columnType(t, 1) : num("number")) : ANY;
    },
    strict(args) {
      const mask = rowsHolding(args, 1, "SUMIFS");
      if (!Array.isArray(mask)) return mask;
      const values = listOf(args[0]);
      const ns = numbers(values.filter((_, i) => mask[i]), "SUMIFS");
      return Array.isArray(ns) ? ns.reduce((a, b) => a.plus(b), new Dec(0)) : ns;
    },
  },
  {
    name: "RANK",
    aliases: ["排名"],
    help: { zh: "数值在列表中的名次(默认从大到小,1 为最大;并列同名次)", en: "the rank of a number in a list (largest first by default; ties share a rank)", syntax: "RANK(数值, 列表, [0 降序/1 升序])" },
    minArgs: 2,
    maxArgs: 3,
    args: ["num", "table", "num"],
    type: (args) => needTable(args[1], 1, "RANK") ?? num("count"),
    strict(args) {
      const x = args[0] as Dec;
      const ns = numbers([args[1]], "RANK");
      if (!Array.isArray(ns)) return ns;
      const ascending = args[2] !== undefined && !(args[2] as Dec).isZero();
      if (!ns.some((n) => n.eq(x))) return missing("na", `${x.toString()} 不在列表中`, `${x.toString()} is not in the list`);
      return new Dec(1 + ns.filter((n) => (ascending ? n.lt(x) : n.gt(x))).length); // int: whole-number index or calendar arithmetic
    },
  },
  {
    name: "LARGE",
    help: { zh: "列表中第 k 大的数", en: "the k-th largest number in a list", syntax: "LARGE(列表, k)" },
    minArgs: 2,
    maxArgs: 2,
    args: ["table", "num"],
    type: (args) => columnType(args[0], 1),
    strict(args) {
      const ns = numbers([args[0]], "LARGE");
      if (!Array.isArray(ns)) return ns;
      const k = (args[1] as Dec).toNumber();
      const sorted = [...ns].sort((a, b) => b.cmp(a));
      return sorted[k - 1] ?? missing("na", `列表不足 ${k} 个数`, `the list has fewer than ${k} numbers`); // int: whole-number index or calendar arithmetic
    },
  },
  {
    name: "SMALL",
    help: { zh: "列表中第 k 小的数", en: "the k-th smallest number in a list", syntax: "SMALL(列表, k)" },
    minArgs: 2,
    maxArgs: 2,
    args: ["table", "num"],
    type: (args) => columnType(args[0], 1),
    strict(args) {
      const ns = numbers([args[0]], "SMALL");
      if (!Array.isArray(ns)) return ns;
      const k = (args[1] as Dec).toNumber();
      const sorted = [...ns].sort((a, b) => a.cmp(b));
      return sorted[k - 1] ?? missing("na", `列表不足 ${k} 个数`, `the list has fewer than ${k} numbers`); // int: whole-number index or calendar arithmetic
    },
  },
  {
    name: "SEQUENCE",
    aliases: ["序列"],
    help: {
      zh: "一列连续的值:从“起始”(默认 1)起每次加“步长”(默认 1),共“行数”个;起始为日期时是一列日期(如截止日顺延跳过的各日)。只生成一列",
      en: "a column of values from start (1 by default) in steps of step (1 by default), rows of them; with a date start, a column of dates (e.g. the days a deadline rolled over). One column only",
      syntax: "SEQUENCE(行数, [列数], [起始], [步长])",
    },
    minArgs: 1,
    maxArgs: 4,
    args: ["num", "num", "any", "num"],
    type(args) {
      for (const i of [0, 1, 3]) {
        if (args[i] === undefined) continue;
        const u = needNumber(args[i], i, "SEQUENCE");
        if (typeof u !== "string") return u;
      }
      const start = args[2];
      if (start !== undefined && start.k !== "num" && start.k !== "date" && start.k !== "any") return problemAt(2, "SEQUENCE 的起始值应为数值或日期", "the start of SEQUENCE must be a number or a date");
      const type: VType = start === undefined ? num("number") : start.k === "date" ? DATE : start.k === "num" ? start : ANY;
      return { k: "table", columns: [{ name: "value", type }] };
    },
    strict(args) {
      const [rowsV, colsV, startV, stepV] = args;
      const rows = rowsV as Dec;
      if (!rows.isInteger() || rows.lt(1) || rows.gt(10000)) return missing("value", `SEQUENCE 的行数应为 1 到 10000 的整数:${rows.toString()}`, `SEQUENCE: rows must be a whole number from 1 to 10000: ${rows.toString()}`);
      if (colsV !== undefined && !(colsV as Dec).eq(1)) return missing("value", "SEQUENCE 只生成一列(列数应为 1)", "SEQUENCE makes one column only (columns must be 1)");
      const step = stepV === undefined ? new Dec(1) : (stepV as Dec);
      const n = rows.toNumber();
      const out: Value[][] = [];
      if (startV !== undefined && isDate(startV)) {
        if (!step.isInteger()) return missing("value", `SEQUENCE 日期的步长应为整数天:${step.toString()}`, `SEQUENCE: a date step must be whole days: ${step.toString()}`);
        const by = step.toNumber();
        for (let i = 0; i < n; i++) out.push([new DateValue(startV.day + i * by)]); // int: whole days
        return new TableValue(["value"], out);
      }
      if (startV !== undefined && !isNumber(startV)) return missing("value", `SEQUENCE 的起始值应为数值或日期:${String(startV)}`, `SEQUENCE: the start must be a number or a date: ${String(startV)}`);
      let v = startV === undefined ? new Dec(1) : (startV as Dec);
      for (let i = 0; i < n; i++) {
        out.push([v]);
        v = v.plus(step);
      }
      return new TableValue(["value"], out);
    },
  },
];
