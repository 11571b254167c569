/**
 * Text: TEXT(value, format) with the Excel formats explanations need — "#,##0.00", "¥#,##0.00", "0.00%", "0" —
 * so a rulebook's own wording can show a figure as its 考核办法 does ("本月只提 ¥1,099.89"). Numbers are rounded
 * half up to the format's decimals, exactly.
 */
import { groupThousands } from "../../format";
import { isDate, isMissing, isNumber, isTable, missing } from "../values";
import { TEXT, type VType } from "../types";
import { needText, type FunctionDef } from "./define";
import type { Dec } from "../../decimal";

function formatNumber(v: Dec, format: string): string | undefined {
  const m = /^([^#0]*)(#,##)?(0+)(?:\.(0*)(#*))?(%?)([^%]*)$/.exec(format);
  if (!m) return undefined;
  const [, prefix, grouped, , fixed = "", optional = "", percent, suffix] = m;
  const x = percent ? v.times(100) : v;
  // "0.00" keeps two decimals; "0.##" keeps up to two and drops trailing zeros, as Excel does.
  let text = x.toFixed(fixed.length + optional.length, 4 /* ROUND_HALF_UP */ as never); // int: count of format digits
  if (optional.length > 0 && text.includes(".")) {
    const [int, frac] = text.split(".");
    const kept = frac.replace(/0+$/, "").padEnd(fixed.length, "0");
    text = kept.length > 0 ? `${int}.${kept}` : int;
  }
  if (grouped) text = groupThousands(text);
  if (text.startsWith("-") && prefix) text = `-${prefix}${text.slice(1)}`;
  else text = `${prefix}${text}`;
  return `${text}${percent}${suffix}`;
}

export const TEXTS: FunctionDef[] = [
  {
    name: "TEXTJOIN",
    aliases: ["文本合并"],
    help: { zh: "用分隔符把各值(可为列表)连成一段文本;第二个参数为 TRUE 时跳过空值", en: "joins values (lists too) into text with a separator; TRUE as the second argument skips empty ones", syntax: "TEXTJOIN(分隔符, 跳过空值, 值1, …)" },
    minArgs: 3,
    maxArgs: 255,
    args: ["text", "bool", "any"],
    type: () => TEXT,
    takesMissing: true,
    strict(args) {
      const sep = String(args[0]);
      const skip = args[1] === true;
      const parts: string[] = [];
      for (const a of args.slice(2)) {
        const cells = a !== undefined && isTable(a) ? a.cells() : [a];
        for (const c of cells) {
          if (c === undefined || isMissing(c)) {
            if (!skip && c !== undefined && isMissing(c)) return c;
            continue;
          }
          const t = isNumber(c) ? c.toFixed() : isDate(c) ? c.iso : typeof c === "boolean" ? (c ? "TRUE" : "FALSE") : String(c);
          if (skip && t === "") continue;
          parts.push(t);
        }
      }
      return parts.join(sep);
    },
  },
  {
    name: "TEXT",
    aliases: ["文本"],
    help: { zh: "按格式把数值写成文本:\"#,##0.00\"、\"¥#,##0.00\"、\"0.00%\"、\"0\"、\"0.##\"(最多两位小数,去掉末尾的 0);日期写成 YYYY-MM-DD", en: "a number as text in a format: \"#,##0.00\", \"¥#,##0.00\", \"0.00%\", \"0\", \"0.##\" (up to two decimals, trailing zeros dropped); a date as YYYY-MM-DD", syntax: "TEXT(值, 格式)" },
    minArgs: 2,
    maxArgs: 2,
    type: (args: readonly VType[]) => needText(args[1], 1, "TEXT") ?? TEXT,
    strict(args) {
      const [v, f] = args;
      const format = String(f);
      if (isDate(v!)) return /^yyyy-mm$/i.test(format) ? v.iso.slice(0, 7) : /^yyyy$/i.test(format) ? v.iso.slice(0, 4) : v.iso;
      if (!isNumber(v!)) return String(v);
      return formatNumber(v, format) ?? missing("value", `TEXT 的格式无法识别:${format}`, `TEXT: format not understood: ${format}`);
    },
  },
];
