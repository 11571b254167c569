/**
 * Conditions and choices: IF, IFS, SWITCH, AND, OR, NOT, and what to do about a value that cannot be had (IFNA,
 * IFERROR, ISNA, ISBLANK, BLANK, NA, ERROR). AND and OR follow three-valued logic, as DMN's FEEL does: AND(FALSE, ?) is
 * FALSE and OR(TRUE, ?) is TRUE whatever the unknown is, so a decision that does not depend on a missing figure is
 * still made; otherwise the result is unknown, never guessed.
 */
import { isMissing, Missing, missing, NOT_APPLICABLE, type Value } from "../values";
import { BOOL, join, needBool, problemAt, type FunctionDef, type TypeProblem } from "./define";
import { ANY, type VType } from "../types";

function branches(types: readonly VType[], fn: string, first: number): VType | TypeProblem {
  let t: VType | undefined = types[first];
  for (let i = first + 1; i < types.length; i++) { // int: whole-number index or calendar arithmetic
    const j = join(t ?? ANY, types[i]);
    if (!j) return problemAt(i, `${fn} 各分支的结果类型或单位不一致`, `the branches of ${fn} give values of different kinds or units`);
    t = j;
  }
  return t ?? ANY;
}

export const LOGIC: FunctionDef[] = [
  {
    name: "IF",
    aliases: ["如果"],
    help: { zh: "条件成立取第二个参数,否则取第三个", en: "the second argument if the condition holds, else the third", syntax: "IF(条件, 是, [否])" },
    minArgs: 2,
    maxArgs: 3,
    type(args) {
      const p = needBool(args[0], 0, "IF");
      if (p) return p;
      if (args.length === 2) return args[1];
      const j = join(args[1], args[2]);
      return j ?? problemAt(2, "IF 的两个结果类型或单位不一致", "the two results of IF are of different kinds or units");
    },
    lazy(args, frame) {
      const c = args[0]!(frame);
      if (isMissing(c)) return c;
      if (c === true) return args[1] ? args[1](frame) : missing("na", "IF 的结果为空", "IF has an empty result");
      return args[2] ? args[2](frame) : false;
    },
  },
  {
    name: "IFS",
    help: { zh: "依次检查条件,取第一个成立条件后的值", en: "the value after the first condition that holds", syntax: "IFS(条件1, 值1, 条件2, 值2, …)" },
    minArgs: 2,
    maxArgs: 254,
    type(args) {
      if (args.length % 2 !== 0) return problemAt(-1, "IFS 的参数应成对(条件, 值)", "IFS takes pairs of (condition, value)"); // int: whole-number index or calendar arithmetic
      for (let i = 0; i < args.length; i += 2) { // int: whole-number index or calendar arithmetic
        const p = needBool(args[i], i, "IFS");
        if (p) return p;
      }
      return branches(args.filter((_, i) => i % 2 === 1), "IFS", 0); // int: whole-number index or calendar arithmetic
    },
    lazy(args, frame) {
      for (let i = 0; i < args.length; i += 2) { // int: whole-number index or calendar arithmetic
        const c = args[i]!(frame);
        if (isMissing(c)) return c;
        if (c === true) return args[i + 1]!(frame); // int: whole-number index or calendar arithmetic
      }
      return missing("na", "IFS 的条件均不成立", "no condition of IFS holds");
    },
  },
  {
    name: "SWITCH",
    aliases: ["按值选择"],
    help: { zh: "按第一个参数的值选择结果,可给默认值", en: "the result paired with the first argument's value, or the default", syntax: "SWITCH(值, 情形1, 结果1, …, [默认])" },
    minArgs: 3,
    maxArgs: 254,
    type(args) {
      const results = args.filter((_, i) => i > 0 && (i % 2 === 0 || i === args.length - 1)); // int: whole-number index or calendar arithmetic
      return branches(results, "SWITCH", 0);
    },
    lazy(args, frame) {
      const v = args[0]!(frame);
      if (isMissing(v)) return v;
      const pairs = args.length - 1; // int: whole-number index or calendar arithmetic
      for (let i = 1; i + 1 < args.length; i += 2) { // int: whole-number index or calendar arithmetic
        const c = args[i]!(frame);
        if (isMissing(c)) return c;
        if (same(v, c)) return args[i + 1]!(frame); // int: whole-number index or calendar arithmetic
      }
      if (pairs % 2 === 1) return args[args.length - 1]!(frame); // int: whole-number index or calendar arithmetic
      return missing("na", `SWITCH 没有与 ${String(v)} 对应的情形`, `SWITCH has no case for ${String(v)}`);
    },
  },
  {
    name: "AND",
    aliases: ["并且"],
    help: { zh: "所有条件都成立", en: "every condition holds", syntax: "AND(条件1, 条件2, …)" },
    minArgs: 1,
    maxArgs: 255,
    type(args) {
      for (let i = 0; i < args.length; i++) {
        const p = needBool(args[i], i, "AND");
        if (p) return p;
      }
      return BOOL;
    },
    lazy(args, frame) {
      let unknown: Missing | undefined;
      for (const a of args) {
        const v = a!(frame);
        if (v === false) return false;
        if (isMissing(v)) unknown ??= v;
      }
      return unknown ?? true;
    },
  },
  {
    name: "OR",
    aliases: ["或者"],
    help: { zh: "至少一个条件成立", en: "at least one condition holds", syntax: "OR(条件1, 条件2, …)" },
    minArgs: 1,
    maxArgs: 255,
    type(args) {
      for (let i = 0; i < args.length; i++) {
        const p = needBool(args[i], i, "OR");
        if (p) return p;
      }
      return BOOL;
    },
    lazy(args, frame) {
      let unknown: Missing | undefined;
      for (const a of args) {
        const v = a!(frame);
        if (v === true) return true;
        if (isMissing(v)) unknown ??= v;
      }
      return unknown ?? false;
    },
  },
  {
    name: "NOT",
    aliases: ["非"],
    help: { zh: "条件不成立", en: "the condition does not hold", syntax: "NOT(条件)" },
    minArgs: 1,
    maxArgs: 1,
    args: ["bool"],
    type: (args) => needBool(args[0], 0, "NOT") ?? BOOL,
    strict: (args) => !(args[0] as boolean),
  },
  {
    name: "IFNA",
    aliases: ["若不可用"],
    help: { zh: "第一个值不可用(#N/A,如数据缺失)时取第二个值", en: "the second value when the first is not available (#N/A, e.g. missing data)", syntax: "IFNA(值, 替代值)" },
    minArgs: 2,
    maxArgs: 2,
    type: (args) => join(args[0], args[1]) ?? problemAt(1, "IFNA 的替代值与原值类型或单位不一致", "the fallback of IFNA differs in kind or unit from the value"),
    lazy(args, frame) {
      const v = args[0]!(frame);
      return isMissing(v) && v.code === "na" ? args[1]!(frame) : v;
    },
  },
  {
    name: "IFERROR",
    help: { zh: "第一个值不可用或有错(#N/A、#VALUE!)时取第二个值", en: "the second value when the first is unavailable or wrong (#N/A, #VALUE!)", syntax: "IFERROR(值, 替代值)" },
    minArgs: 2,
    maxArgs: 2,
    type: (args) => join(args[0], args[1]) ?? problemAt(1, "IFERROR 的替代值与原值类型或单位不一致", "the fallback of IFERROR differs in kind or unit from the value"),
    lazy(args, frame) {
      const v = args[0]!(frame);
      return isMissing(v) ? args[1]!(frame) : v;
    },
  },
  {
    name: "ISNA",
    aliases: ["ISBLANK", "不可用"],
    help: { zh: "值不可用(缺数据、未设置)时为 TRUE", en: "TRUE when the value is not available (missing data, unset setting)", syntax: "ISNA(值)" },
    minArgs: 1,
    maxArgs: 1,
    type: () => BOOL,
    takesMissing: true,
    strict: (args) => isMissing(args[0]!) && (args[0] as Missing).code === "na",
  },
  {
    name: "BLANK",
    aliases: ["空白"],
    help: {
      zh: "空值,如同空白单元格:该项不适用(如未及格者没有等级)。SUM、COUNT 跳过它,ISBLANK 为 TRUE,工具的结果中为空(null)",
      en: "an empty value, like a blank cell: the item does not apply (no grade for someone who failed). SUM and COUNT skip it, ISBLANK is TRUE, a tool's answer shows it as null",
      syntax: "BLANK()",
    },
    minArgs: 0,
    maxArgs: 0,
    type: () => ANY,
    lazy: () => NOT_APPLICABLE,
  },
  {
    name: "NA",
    help: { zh: "不可用(#N/A),可附中英文原因,及原因所属的规则编号", en: "not available (#N/A), with the reason in Chinese and English and the rule id it belongs to", syntax: "NA([\"原因\"], [\"reason\"], [\"规则编号\"])" },
    minArgs: 0,
    maxArgs: 3,
    args: ["text"],
    type: () => ANY,
    strict: (args) => withRule(missing("na", text(args[0], "不可用"), text(args[1] ?? args[0], "not available")), args[2]),
  },
  {
    name: "ERROR",
    aliases: ["错误"],
    help: { zh: "数据有错(#VALUE!),附中英文原因,及原因所属的规则编号", en: "the data is wrong (#VALUE!), with the reason in Chinese and English and the rule id it belongs to", syntax: "ERROR(\"原因\", [\"reason\"], [\"规则编号\"])" },
    minArgs: 1,
    maxArgs: 3,
    args: ["text"],
    type: () => ANY,
    strict: (args) => withRule(missing("value", text(args[0], "数据有误"), text(args[1] ?? args[0], "invalid data")), args[2]),
  },
];

/** A reason attributed to the rule a rulebook function implements (its failure is that rule's). */
function withRule(m: Missing, rule: Value | undefined): Missing {
  return typeof rule === "string" && rule.trim() !== "" ? m.in(rule.trim()) : m;
}

function text(v: Value | undefined, fallback: string): string {
  return typeof v === "string" ? v : fallback;
}

/** Equality as SWITCH and `=` use it: numbers by value, text exactly, dates by day. */
export function same(a: Value, b: Value): boolean {
  if (typeof a === "object" && typeof b === "object" && "eq" in a && "eq" in b) return (a as { eq(x: unknown): boolean }).eq(b);
  if (typeof a === "object" && typeof b === "object" && "day" in a && "day" in b) return (a as { day: number }).day === (b as { day: number }).day;
  return a === b;
}
