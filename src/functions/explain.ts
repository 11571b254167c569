/**
 * EXPLAIN's text: the rule ids and reasons behind a row's answer, in Chinese, English or both, optionally only
 * for one output (grade, score, …). Excel caps a cell at 32,767 characters; a longer explanation is cut with a note.
 */
import type { ManagerResultJson } from "../engine/results";
import type { BookContext } from "./books";
import { OUTPUT_NAMES, OUTPUT_STAGES, type OutputName } from "./outputs";
import { valueError, type FunctionError } from "./result";

export type Language = "zh" | "en" | "both";

const OUTPUT_WORDS: Record<string, OutputName> = {
  grade: "grade", 等级: "grade",
  score: "score", 得分: "score", 考核得分: "score",
  commission: "commission", pay: "commission", 提成: "commission", 绩效: "commission",
  riskdeposit: "riskDeposit", 风险金: "riskDeposit", 风险抵押金: "riskDeposit",
  status: "status", demotion: "status", 状态: "status", 降级: "status",
  nextgrade: "nextGrade", 距下一等级: "nextGrade",
};

export function readOutputName(text: string | undefined): OutputName | undefined | FunctionError {
  if (text === undefined) return undefined;
  const hit = OUTPUT_WORDS[text.toLowerCase()] ?? OUTPUT_WORDS[text];
  if (hit) return hit;
  return valueError(
    `参数 内容 应为 等级、得分、提成、风险金、状态、距下一等级 之一(或留空表示全部),却是 ${JSON.stringify(text)}`,
    `argument what must be one of grade, score, commission, riskDeposit, status, nextGrade (or empty for all), got ${JSON.stringify(text)}`,
  );
}

export function readLanguage(text: string | undefined): Language | FunctionError {
  if (text === undefined) return "both";
  const t = text.toLowerCase();
  if (t === "zh" || t === "中文" || t === "zh-cn") return "zh";
  if (t === "en" || t === "english" || t === "英文") return "en";
  if (t === "both" || t === "双语") return "both";
  return valueError(`参数 语言 应为 zh、en 或 both,却是 ${JSON.stringify(text)}`, `argument language must be zh, en or both, got ${JSON.stringify(text)}`);
}

export const CELL_TEXT_LIMIT = 32767;

export function explainText(ctx: BookContext, json: ManagerResultJson, what: OutputName | undefined, language: Language): string {
  const stageOf = (rule: string) => ctx.book.byId.get(rule.split(/,\s*/)[0])?.kind.stage;
  const wanted = what ? new Set(OUTPUT_STAGES[what]) : undefined;
  const keep = (rule: string) => !wanted || wanted.has(stageOf(rule) ?? "");
  const lines: Array<{ zh: string; en: string }> = [];
  for (const r of json.explanation) if (keep(r.rule)) lines.push({ zh: `[${r.rule}] ${r.zh}`, en: `[${r.rule}] ${r.en}` });
  for (const u of json.unavailable ?? []) {
    if (what && u.output !== what) continue;
    const name = OUTPUT_NAMES[u.output as OutputName] ?? { zh: u.output, en: u.output };
    lines.push({ zh: `[${u.rule}] ${name.zh}无法计算:${u.zh}`, en: `[${u.rule}] ${name.en} not available: ${u.en}` });
  }
  if (lines.length === 0) {
    const name = what ? OUTPUT_NAMES[what] : { zh: "结果", en: "result" };
    lines.push({ zh: `规则集 ${ctx.book.doc.id} 对本行没有关于${name.zh}的规则`, en: `no rule of ${ctx.book.doc.id} produced a ${name.en} for this row` });
  }
  const zh = lines.map((l) => l.zh).join(";");
  const en = lines.map((l) => l.en).join("; ");
  const text = language === "zh" ? zh : language === "en" ? en : `${zh}\n${en}`;
  if (text.length <= CELL_TEXT_LIMIT) return text;
  const note = `…(说明过长已截断,共 ${lines.length} 条 / truncated, ${lines.length} lines)`;
  return text.slice(0, CELL_TEXT_LIMIT - note.length) + note;
}
