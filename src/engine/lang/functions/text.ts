/**
 * Text: TEXT(value, format) with the Excel formats explanations need — "#,##0.00", "¥#,##0.00", "0.00%", "0" —
 * so a rulebook's own wording can show a figure as its 考核办法 does ("本月只提 ¥1,099.89"). Numbers are rounded
 * half up to the format's decimals, exactly.
 */
import { groupThousands } from "../../format";
import { isDate, isNumber, missing } from "../values";
import { TEXT, type VType } from "../types";
import { needText, type FunctionDef } from "./define";
import type { Dec } from "../../decimal";

function formatNumber(v: Dec, format: string): string | undefined {
  const m = /^([^#0]*)(#,##)?(0+)(?:\.(0+))?(%?)([^%]*)$/.exec(format);
  if (!m) return undefined;
  const [, prefix, grouped, , decimals = "", percent, suffix] = m;
  const x = percent ? v.times(100) : v;
  let text = x.toFixed(decimals.length, 4 /* ROUND_HALF_UP */ as never);
  if (grouped) text = groupThousands(text);
  if (text.startsWith("-") && prefix) text = `-${prefix}${text.slice(1)}`;
  else text = `${prefix}${text}`;
  return `${text}${percent}${suffix}`;
}

export const TEXTS: FunctionDef[] = [
  {
    name: "TEXT",
    aliases: ["文本"],
    help: { zh: "按格式把数值或日期写成文本:\"#,##0.00\"、\"¥#,##0.00\"、\"0.00%\"、\"0\"、\"yyyy-mm-dd\"", en: "a number or date as text in a format: \"#,##0.00\", \"¥#,##0.00\", \"0.00%\", \"0\", \"yyyy-mm-dd\"", syntax: "TEXT(值, 格式)" },
    minArgs: 2,
    maxArgs: 2,
    type: (args: readonly VType[]) => needText(args[1], 1, "TEXT") ?? TEXT,
    strict(args) {
      const [v, f] = args;
      const format = String(f);
      if (isDate(v!)) return v.iso;
      if (!isNumber(v!)) return String(v);
      return formatNumber(v, format) ?? missing("value", `TEXT 的格式无法识别:${format}`, `TEXT: format not understood: ${format}`);
    },
  },
];
