/**
 * The rulebook's own vocabulary in formulas: grades move up and down its ladder (GRADEUP, GRADEDOWN; `>` and `<`
 * compare grades by rank, the higher grade being the greater), and events flagged in a period are asked for by
 * name (HASFLAG("majorViolation")). Names are checked against the rulebook when it loads.
 */
import { BOOL, type VType } from "../types";
import { missing, TableValue, type Value } from "../values";
import { needNumber, needText, problemAt, type FunctionDef } from "./define";
import type { Frame } from "../frame";
import { wholeNumber, type Dec } from "../../decimal";

const GRADE: VType = { k: "text", of: "grade" };

function move(g: Value | undefined, n: Value | undefined, frame: Frame, dir: 1 | -1): Value {
  const grades = frame.host.grades;
  const i = grades.indexOf(String(g));
  if (i < 0) return missing("value", `不是本规则集的等级:${String(g)}`, `not a grade of this rulebook: ${String(g)}`);
  const steps = n === undefined ? 1 : wholeNumber(n as Dec);
  // Grades are listed highest first: up is towards index 0.
  const j = i - dir * steps; // int: ladder position
  if (j < 0) return missing("na", `${String(g)} 已是最高等级`, `${String(g)} is already the highest grade`);
  if (j >= grades.length) return missing("na", `${String(g)} 已是最低等级`, `${String(g)} is already the lowest grade`);
  return grades[j];
}

const gradeMove = (name: string, alias: string, dir: 1 | -1, zh: string, en: string): FunctionDef => ({
  name,
  aliases: [alias],
  help: { zh, en, syntax: `${name}(等级, [级数])` },
  minArgs: 1,
  maxArgs: 2,
  args: ["text", "num"],
  type(args, call) {
    const p = needText(args[0], 0, name);
    if (p) return p;
    const lit = call.literals[0];
    if (lit !== undefined && !call.vocabulary.grades.includes(lit)) return problemAt(0, `“${lit}”不是本规则集的等级(${call.vocabulary.grades.join("、")})`, `"${lit}" is not a grade of this rulebook (${call.vocabulary.grades.join(", ")})`);
    if (args[1]) {
      const u = needNumber(args[1], 1, name);
      if (typeof u !== "string") return u;
    }
    return GRADE;
  },
  strict: (args, frame) => move(args[0], args[1], frame, dir),
});

export const VOCABULARY: FunctionDef[] = [
  {
    name: "FIRED",
    aliases: ["触发依据"],
    help: { zh: "在状态规则中:触发了某个状态(如 \"demote\")的规则编号列表;其他地方为空列表", en: "in a status rule: the ids of the rules that fired an action (e.g. \"demote\"); elsewhere an empty list", syntax: "FIRED(\"状态\")" },
    minArgs: 1,
    maxArgs: 1,
    args: ["text"],
    type: (args) => needText(args[0], 0, "FIRED") ?? { k: "table", columns: [{ name: "rule", type: { k: "text" } }] },
    readsLocals: true,
    strict: (args, frame) => new TableValue(["rule"], (frame.firedActions?.get(String(args[0])) ?? []).map((id) => [id])),
  },
  gradeMove("GRADEUP", "升级", 1, "高一级(或 n 级)的等级;已是最高等级时不可用", "the grade one (or n) steps higher; unavailable above the highest"),
  gradeMove("GRADEDOWN", "降级", -1, "低一级(或 n 级)的等级;已是最低等级时不可用", "the grade one (or n) steps lower; unavailable below the lowest"),
  {
    name: "HASFLAG",
    aliases: ["有标记"],
    help: { zh: "本期是否标记了某事件(如 \"majorViolation\")", en: "whether an event is flagged in the period (e.g. \"majorViolation\")", syntax: "HASFLAG(\"事件\")" },
    minArgs: 1,
    maxArgs: 1,
    args: ["text"],
    type(args, call) {
      const p = needText(args[0], 0, "HASFLAG");
      if (p) return p;
      const lit = call.literals[0];
      if (lit !== undefined && !call.vocabulary.flags.includes(lit)) return problemAt(0, `“${lit}”不是本规则集声明的事件标记(${call.vocabulary.flags.join("、") || "无"})`, `"${lit}" is not a flag declared by this rulebook (${call.vocabulary.flags.join(", ") || "none"})`);
      return BOOL;
    },
    strict(args, frame) {
      const flags = frame.host.flags(frame.period);
      if (flags === undefined) return missing("na", `缺少 ${frame.period} 的记录`, `no record for ${frame.period}`);
      return flags.includes(String(args[0]));
    },
  },
];
